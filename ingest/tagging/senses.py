"""Whether a trigger word is used in a sense that is no trade-policy act, read from the words
around it: a household energy tariff, crypto mining, a probe into a crash, a stockpile of
enriched uranium, a singer's record deal, wage or drug-price negotiations, talks only hoped for,
sanctions only endured, a summit of an industry or of people who are no state, a pact at home."""

from __future__ import annotations

import re

from .argued import argued, sentence_start
from .discussed import with_other_side
from .genre import argued_in_piece
from .hometalks import home_talks
from .kinds import pact_kind
from .offtakes import company_offtake, company_offtake_deal
from .relative import content_of_deal, content_of_sanctions
from .subsidies import generic_subsidy

_REACH = 60  # characters read on either side of the trigger

# A licence of another kind than one to export: "mining licensing rules", "import permit
# requirements", "driving licence rules".
OTHER_LICENCE = re.compile(r"\b(?:mining|mine|exploration|import|operating|business|building|"
                           r"environmental|drilling|work|driving)\s+\Z")

# A tariff that is a price plan for households or a utility's price (energy, power, water,
# broadband, the grid), not a duty on goods: "a social tariff for energy", "fixed tariffs", "a
# tariff for those struggling with bills", "raised power tariffs for mines".
_PRICE_PLAN_BEFORE = re.compile(
    r"\b(?:social|energy|electricity|broadband|feed-in|fixed|fixed-rate|variable|standing|"
    r"household|domestic|retail|water|heat|heating|time-of-use|cheapest|tracker|power|grid|"
    r"transmission|utility)\s+$")
# A regulator granting a utility its price rise ("Nersa grants Eskom 18.65% tariff increase"):
# no state grants a duty on goods.
_GRANTED = re.compile(r"\bgrant(?:s|ed|ing)?\s+(?:[\w.%-]+\s+){1,3}$")
_RISE = re.compile(r"s?\s+(?:increases?|hikes?|rises?)\b")  # not "grants a tariff exemption"
# A levy, duty or tax on exports ("imposes export levy on copper concentrate") is the
# exporting state's export control; "export tariffs" may be the buyer's duties (Brexit rules).
_EXPORT_LEVY = re.compile(r"\bexport (?:levy|levies|dut(?:y|ies)|tax(?:es)?)\b")
# An order whose content is a probe is the probe ("signed an order asking Commerce to examine
# whether imports threaten security"); "an order directing agencies to speed permits" is a
# strategy.
_ORDERS_PROBE = re.compile(r"\b(?:ask\w*|direct\w*|instruct\w*|order\w*|tell\w*|told|requir\w*)\s+"
                           r"(?:[^\s,;.]+\s+){1,3}?to\s+(?:examine|investigate|probe|review|study|assess|look into)\b")
# Rules said to be paused are a measure suspended, not a strategy ("rare earth rules paused",
# "China's paused rare earth rules"): strategies are not paused, export rules are.
_PAUSED_BEFORE = re.compile(r"\b(?:paused|suspended|halted)\s+$")
_PAUSED_AFTER = re.compile(r"^\s+(?:(?:is|are|was|were|have been|has been|to be)\s+)?(?:paused|suspended|halted|put on hold)\b")
# Companies as the parties of a partnership: "private companies will have to team up with a
# state-controlled firm" (a state's rule for them, not a pact between states).
_COMPANY_PARTIES = re.compile(
    r"\b(?:companies|firms|miners|producers|carmakers|automakers|manufacturers|operators|businesses|"
    r"corporations)(?:\s+(?:will|would|must|have|has|had|to|need|needs|be|may|can|could|should|also|now))*\s+$")
# Or a price regulator (of ports, power, water) approving it: "Ports regulator approves tariff
# rise", "energy regulator backs 12% tariff increase"; a trade regulator sets duties.
_PRICE_REGULATOR = re.compile(r"\b(?<!trade )(?<!trading )regulator(?:s|'s|’s)?\b(?: [\w.%-]+){0,4} $")
# Around it, a household's bills and their regulator ("Ofgem lowered the cap on a typical
# dual-fuel tariff", "protect households from unfair tariffs" beside a price cap); or a prison
# term ("a minimum two-year tariff" in a sentencing story).
_HOME_BILLS = re.compile(r"\b(?:price cap|ofgem|energy bills?|dual-fuel|energy suppliers?|"
                         r"households?'? (?:energy|bills?|gas|electricity))\b")
_JAIL_TERM = re.compile(r"\b(?:minimum|maximum|life|whole-life|prison|jail)\b(?: [\w-]+){0,2} $")
_PRICE_PLAN_AFTER = re.compile(
    r"^\s*(?:for|to help) (?:those|households|customers|consumers|people|families|low-income|"
    r"the (?:poorest|vulnerable))\b")
# A stance, not an act: "Chile's lithium nationalism", "a nationalist energy policy".
_STANCE = re.compile(r"nationali[sz](?:m|ts?|tic)\b")
# Producers told to process at home beside an export ban in the same sentence ("will ban
# exports of raw lithium ore, requiring miners to process ore locally"): the ban's aim, one act.
_AT_HOME = re.compile(r" to (?:build|set up|construct|establish|process|refine|smelt|beneficiate)\b")
_EXPORTS = re.compile(r"\bexport")
# Mining that is computing, not digging: "a ban on mining cryptocurrencies", "bitcoin mining".
_CRYPTO = re.compile(r"\b(?:crypto\w*|bitcoins?|blockchain|digital currenc\w*|tokens?)\b")
# A probe into an accident or a person's conduct, not into trade: "opens investigation into
# helicopter crash", "investigations into alleged assaults".
_NOT_TRADE_PROBE = re.compile(
    r"^[^.;]{0,25}?\b(?:crash\w*|accident\w*|disaster\w*|death\w*|deaths|explosion\w*|fire|"
    r"collapse\w*|assault\w*|abuse\w*|harass\w*|misconduct|rape|shooting\w*|attack|"
    r"murder\w*|bribe\w*|leak\w*|allegations? (?:of|against) (?!dumping|subsid))")
# An inquiry made by no state: "analysts examine China's dumping", "a study looks into
# subsidies".
_NONSTATE_INQUIRER = re.compile(
    r"\b(?:analysts?|economists?|researchers?|experts?|scientists?|academics?|journalists?|"
    r"reporters?|studies|study|reports?|papers?|podcast|column|newsletter|correspondents?|we)\b"
    r"(?:\s+\S+){0,2}\s+$")
_INQUIRY = ("look", "examin", "scrutini", "review", "assess")
# A regulator of markets, conduct or crime, not of trade, probing or penalising a firm: "US
# securities regulators opened a probe into a battery-metals company", "the securities
# regulator sanctioned the lithium producer for failing to report".
_CONDUCT_REGULATOR = re.compile(
    r"\b(?:(?:securities|stock exchange|stock market|financial|environment(?:al)?|competition|"
    r"antitrust|anti-trust|tax|labou?r|health|safety|data protection|consumer|aviation)\s+"
    r"(?:regulators?|watchdogs?|authorit(?:y|ies)|agenc(?:y|ies)|commission|inspectors?)|"
    r"sec|police|prosecutors?|attorney general|"
    # sport's governing bodies sanction athletes and clubs, not states' trade
    r"governing bod(?:y|ies)|sports? (?:bod(?:y|ies)|federations?)|world athletics|ioc|"
    r"(?:international )?olympic committee|fifa|uefa|(?:world )?anti-doping agency|wada)\b[^.;]{0,60}$")
# A price guarantee or floor for consumers or another market, not for minerals ("the energy
# price guarantee", "a carbon price floor", "minimum prices for alcohol").
_OTHER_PRICE_BEFORE = re.compile(
    r"\b(?:energy|electricity|power|gas|fuel|petrol|diesel|food|household|consumer|alcohol|"
    r"carbon|emissions?|rent|housing|milk|dairy|grain|wheat|rice|sugar|crop|farm)\W{0,2}\s+$")
_OTHER_PRICE_AFTER = re.compile(
    r"^\s*(?:for|on) (?:\S+ ){0,2}(?:energy|electricity|power|gas|fuel|petrol|food|households?|"
    r"consumers|alcohol|carbon|emissions|rents?|housing|milk|dairy|grain|wheat|rice|sugar|crops|"
    r"farmers)\b")
# A subsidy on what households buy is no money for minerals ("lowers fuel subsidy for lithium
# towns"); energy or power subsidies for smelters are.
_HOUSEHOLD_SUBSIDY = re.compile(
    r"\b(?:fuel|petrol|gasoline|diesel|kerosene|lpg|cooking gas|food|bread|flour|rice|wheat|sugar|"
    r"housing|rent|transport|fare|childcare|school meal|farm|crop)\W{0,2}\s+$")
# "State grants" as a verb with a right as its object, not money: "Australia's state grants
# heritage protection at lithium site", "government grants approval".
_GRANTS_RIGHT = re.compile(
    r"^\s+(?:\S+\s+){0,2}?(?:protection|permission|approval|access|asylum|bail|waiver|exemption|"
    r"status|rights?|leave|immunity|clemency|pardon|citizenship|recognition|extension)\b")
# A stockpile of arms or nuclear material is no commodity reserve ("expands its stockpile of
# highly enriched uranium").
_ARMS_STOCK = re.compile(
    r"^[^.;]{0,30}?\b(?:enriched uranium|weapons?-grade|plutonium|warheads?|weapons|arms|"
    r"ammunition|munitions|missiles?|shells)\b")
# A loan a state pays back is no loan it makes or takes ("uses its exports to settle a $400
# million loan from a bank").
_REPAID = re.compile(
    r"\b(?:repa(?:y|ys|id|ying|yment of)|pa(?:y|ys|id|ying) (?:back|off|down)|settl\w*|"
    r"servic(?:e|es|ed|ing)|default\w* on|refinanc\w*|restructur\w*)(?:\s+\S+){0,3}\s+$")
# Money only said to be wasted: "would waste taxpayers' money", "a waste of public funds".
_WASTED = re.compile(r"\b(?:wast\w*|squander\w*|throw\w* away|fritter\w*)(?: of)?(?: \S+){0,2} $")
# A deal an artist, athlete or author signs ("signed a management deal").
_PERSONAL_DEAL = re.compile(
    r"\b(?:management|record|recording|book|publishing|sponsorship|endorsement|film|movie|"
    r"streaming|modelling|modeling|boot|kit|transfer|contract extension)\s+(?:\S+\s+)?$")
# Negotiations of home affairs, not between states: "drug price negotiation", "internal
# negotiations", "pay talks" with unions, coalition or budget bargaining ("mining contract
# negotiations" between two states are talks).
_HOME_TALKS = re.compile(
    r"\b(?:internal|coalition|budget|wage|pay|salary|labou?r|(?<!european )union|drug(?: price)?|"
    r"debt[- ]ceiling|leadership|custody|hostage|transfer)\s+$")
_DEAL_NOUN = re.compile(r"\b(?:deals?|agreements?|pacts?|accords?)\b")
# Two parties as the subject right before a verb of talking ("The US and China discussed",
# "US, China Discuss", "Japanese and US officials discussed", "the two sides discussed").
_TWO_PARTIES = re.compile(
    r"(?:(?:\band|&|,)\s+(?:[\w.'’-]+\s+){0,3}?|\b(?:two|both) )(?:(?:officials|ministers|negotiators|"
    r"leaders|delegations|envoys|sides|governments|countries|nations)\s+)?(?:(?:are|were|will|have|"
    r"has|had|also|then|to|on \w+day)\s+)*$")
# "meet" in the sense of satisfy: "output must double by 2030 to meet the country's targets".
_SATISFY = re.compile(
    r"\s+(?:(?:the|its|their|a|an|this|these|rising|growing|strong|future|global|[\w-]+(?:'s|’s))\s+)"
    r"{0,2}(?:[\w%.-]+ ){0,3}?(?:targets?|demand|goals?|needs|requirements?|standards?|"
    r"deadlines?|criteria|obligations?|quotas?|expectations|forecasts?|costs?|challenges?|"
    r"conditions|thresholds?|commitments?)\b")
_NONSTATE_TALKERS = re.compile(
    r"\b(?:analysts?|investors?|executives?|experts?|traders?|companies|firms|ceos?|bankers|"
    r"panellists|panelists|participants|delegates|scientists|academics|campaigners|activists|"
    r"protesters|unions|workers|residents|students|fans)\b[^.;]{0,60}$")
# Talks only tried for or hoped for: "diplomats try to reignite talks", "could allow the
# resumption of talks", "should rekindle talks". A government's call for revived talks may be
# its proposal, so calls and urging are left to the rules of requests.
_HOPED_TALKS = re.compile(
    r"\b(?:try|tries|trying|tried|attempt\w*|efforts?|bid|hop\w*|should|"
    r"allow\w*|help\w*|pave the way)\b[^.;]{0,30}\b(?:reignit\w*|reviv\w*|rekindl\w*|restart\w*|"
    r"resum\w*|revival|kick-?start\w*|unfreez\w*)\b(?: of)?(?:\s+\S+){0,2}\s+$")
# Talks named only as a condition of another act: "tariffs from July unless talks with Beijing
# resolve its concerns", "will restrict imports if talks fail".
_CONDITION_TALKS = re.compile(r"\b(?:unless|if|provided|lest)\s+(?:the\s+|any\s+|these\s+|such\s+)?$")
# Talks held by a body that is no state, named in the clause: "the theatre is in talks to take
# the show on tour", "talks with triathletes over the river".
_NONSTATE_PARTY = re.compile(
    r"\b(?:theatre|theater|band|museum|festival|organi[sz]ers|league|studio|studios|orchestra|"
    r"broadcaster|publisher|charity|franchise|gallery)\b(?:\s+\S+){0,3}\s+$")
_NONSTATE_WITH = re.compile(
    r"^\s+with (?:the )?(?:\S+\s+){0,2}?(?:athletes|triathletes|players|fans|residents|artists|"
    r"actors|writers|teachers|nurses|doctors|pilots|tenants|landlords|striking|"
    # people at home and firms: a state's talks with them are home bargaining, not trade talks
    r"communit(?:y|ies)|villagers|protesters|demonstrators|indigenous|workers|strikers|"
    r"miners?|compan(?:y|ies)|firms?|operators?|investors)\b")
# A deal named only as what talks are about: "before key grain deal talks", "the stakes of
# negotiations to renew a deal on shipments" (talks on a new deal are left to mood: proposed).
_DEAL_TALKS_AFTER = re.compile(r"^ (?:talks|negotiations)\b")  # in its sentence: not "accord\nTalks opened"
_RENEWAL_TALKS = re.compile(r"\b(?:talks|negotiations|consultations)\s+(?:to|on|over)\s+(?:renew\w*|extend\w*|"
                            r"revi(?:ve|ving)|salvag\w*|sav(?:e|ing)|rescu\w*)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:\S+\s+){0,2}$")
# A pact only imagined for what it would bring: "an opportunity that a ceasefire would unlock",
# "a deal could boost trade" (but "a deal could be signed next week" is one in the making).
_IMAGINED = re.compile(
    r"^\s+(?:would|could|might|may)\s+(?:\S+\s+)?(?:unlock|open|bring|boost|help|lift|spur|"
    r"revive|mean|allow|pave|ease|transform|free)\b")
_INDEFINITE = re.compile(r"\b(?:a|an|any)\s+(?:\S+\s+)?$")
# A pact at home, between a government and parties or unions: "the government, with two
# opposition parties, reached an agreement", "a coalition deal", "agreement with the Greens"
# ("the two parties" may be two states, so parties count only as political or opposition).
# Not an opposition to a deal, a coalition of states, or the European Union.
_HOME_PARTIES = (r"(?:opposition (?:part(?:y|ies)|lawmakers|mps|bloc)|coalition (?:partners?|parties)|"
                 r"political parties|ruling party|the greens|(?:trade |labou?r )unions?|unions)")
_HOME_PACT_BEFORE = re.compile(rf"\b{_HOME_PARTIES}\b[^.;]{{0,40}}$|\bcoalition\s+$")
_HOME_PACT_AFTER = re.compile(rf"^\s+(?:\S+\s+){{0,2}}?(?:with|between) (?:\S+\s+){{0,2}}?{_HOME_PARTIES}\b")
# Sanctions only endured or dodged by their target: "well placed to withstand sanctions",
# "the circumvention of sanctions", "sanctions are making Russia stronger". ("has weathered
# Western sanctions" stays a standing sanction: tests/tagging/test_roles.py reads its roles.)
_ENDURED_BEFORE = re.compile(
    r"\b(?:withstand\w*|evad\w*|evasion of|circumvent\w*|circumvention of|dodg\w*|"
    r"bypass\w*|skirt\w*|sidestep\w*|(?:get|gets|getting|got) (?:round|around)|work\w* around|"
    r"surviv\w*|despite|cope with|coping with|adapt\w* to|immune to)"
    r"(?:\s+\S+){0,3}\s+$")
# A penalty a domestic regulator imposes for harm to people or nature, not a trade sanction:
# "sanctioned by environmental agency over pollution", "sanctions nickel smelter for dumping
# waste" ("sanctioned for violating Russia sanctions" is one).
_PENALTY_FOR = re.compile(
    r"^[^.;]{0,50}?\b(?:for|over)\s+(?:[^\s.;]+\s+){0,3}?(?:pollut\w*|dumping|waste|spills?|safety|"
    r"environmental|deforestation|accidents?|negligence|emissions|toxic|tailings)\b")
_PENALTY_BY = re.compile(r"\b(?:environment\w*|safety|pollution|forestry|labou?r|health)\s+(?:\S+\s+)?"
                         r"(?:agency|regulator|watchdog|ministry|inspectorate|inspectors?|authority|department)\b")
_ENDURED_AFTER = re.compile(r"^\s*(?:are |is |have |has )?(?:making|made)\b[^.;]{0,30}\bstronger\b")
# A summit of an industry or of campaigners, by the words before it ("a mineral summit", "the
# Sea Country Alliance Summit"); a commodity names its topic, not who meets ("the lithium summit").
_TRADE_FAIR = re.compile(
    r"\b(?:mining|mineral|minerals|investment|investor|investors|business|"
    r"industry|tech|technology|alliance|indigenous|youth|ceo|fintech|crypto)\s+summits?\b")
_SUMMIT = re.compile(r"\bsummits?\b")
# A summit whose gatherers are no states: "more than 100 First Nations people met in Darwin for a
# two-day summit", "Indigenous leaders meeting at a UN summit", "executives gathered for ...".
_NONSTATE_GATHER = re.compile(
    r"\b(?:people|activists|campaigners|executives|investors|bankers|chiefs|elders|traditional "
    r"owners|first nations|indigenous|scientists|students|youth|ceos|fans|supporters|voters|"
    r"protesters)\b(?:\s+from\s+[\w ,&-]{0,50}?|(?:\s+\S+){0,2})\s+(?:met|meet|"
    r"meeting|gathered|gathering|convened)\b[^.;]{0,60}$")

# A leader's visit to a site, not to a state: "Xi had visited a rare earth magnet maker",
# "Widodo visited the Morowali nickel smelter" (as the trigger's own "visit to the mine" does).
_SITE_VISITED = re.compile(
    r"^\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w'’-]+\s+){0,4}?(?:makers?|manufacturers?|factor(?:y|ies)|"
    r"plants?|mines?|sites?|smelters?|refiner(?:y|ies)|facilit(?:y|ies)|compan(?:y|ies)|firms?|works|"
    r"laborator(?:y|ies)|labs?|warehouses?|headquarters|exhibitions?|shipyards?|ports?|farms?)\b")

# A company's officer meeting a leader is no meeting of states: "Glencore CEO meets Congo
# president on cobalt", "met the chief executive of Tesla".
_OFFICER = re.compile(r"\b(?:ceos?|chief executives?|executives|chairman|chairwoman|founder|billionaire|tycoon)\b")
_OFFICER_REACH = 40  # characters either side of a leaders' meeting trigger read for an officer

# Buyers who stop buying are the market, not a state's import ban: "Importers of Chinese
# graphite stopped buying as prices rose" (not "ordered importers to stop buying").
_BUYERS = re.compile(
    r"\b(?:importers?|buyers?|traders?|consumers?|customers?|mills?|end[- ]users?|refiners?|"
    r"smelters?|manufacturers?|automakers?|carmakers?)\b(?:\s+\S+){0,4}?\s+(?<!\bto )$")


def _aim_of_export_ban(low: str, trigger: str, start: int, t1: int) -> bool:
    """Whether producers told to process at home (the trigger ending at t1) stand in a sentence
    (from `start`) that names exports: the export ban's aim, not a second act."""
    if not _AT_HOME.search(trigger):
        return False
    end = low.find(". ", t1)
    return bool(_EXPORTS.search(low, start, end if end >= 0 else len(low)))


def other_sense(low: str, type_id: str, t0: int, t1: int, start: int | None = None) -> bool:
    """Whether the trigger low[t0:t1] of type `type_id` is used in a sense that names no act;
    `start`: where its sentence starts, when the caller knows it."""
    trigger = low[t0:t1]
    before, after = low[max(0, t0 - _REACH): t0], low[t1: t1 + _REACH]
    start = sentence_start(low, t0) if start is None else start
    if argued(low, type_id, t0, t1, start) or argued_in_piece(low, type_id, t0, t1, start) or content_of_deal(
            low, type_id, t0, t1) or content_of_sanctions(low, type_id, t0):
        return True
    if type_id == "import_restriction" and trigger.startswith(("stop", "halt", "suspend")) and (
            _BUYERS.search(before)):
        return True
    if type_id == "export_control" and trigger.startswith(("licen", "permit")):
        return bool(OTHER_LICENCE.search(low, max(0, t0 - 14), t0))
    if type_id == "tariff" and _EXPORT_LEVY.search(before[-8:] + trigger):
        return True  # the exporting state's own levy: an export control's tax, found as such
    if type_id == "tariff":
        # the word before "tariff" may be inside the trigger: "raised power tariffs for mines"
        head = trigger.find("tariff")
        before = low[max(0, t0 + head - _REACH): t0 + head] if head > 0 else before
        return bool(_PRICE_PLAN_BEFORE.search(before) or _PRICE_PLAN_AFTER.search(after)
                    or _HOME_BILLS.search(low, max(0, t0 - 2 * _REACH), t1 + _REACH)
                    or _JAIL_TERM.search(before[-30:])
                    or (head >= 0 and (_GRANTED.search(before[-40:]) or _PRICE_REGULATOR.search(before)) is not None
                        and _RISE.match(low, t0 + head + len("tariff")) is not None))
    if type_id == "strategy" and " to " in trigger and _ORDERS_PROBE.search(low, t0, t1 + 20):
        return True
    if type_id == "strategy" and trigger.endswith(("rules", "regulations")) and (
            _PAUSED_BEFORE.search(before[-12:]) or _PAUSED_AFTER.match(after)):
        return True
    if type_id == "production_control" and (_STANCE.match(trigger) or _aim_of_export_ban(low, trigger, start, t1)):
        return True
    if "mining" in trigger:
        return bool(_CRYPTO.search(low, max(0, t0 - 20), t1 + 30))
    if type_id in ("investigation", "sanction") and _CONDUCT_REGULATOR.search(low, max(start, t0 - 80), t0):
        return True
    if type_id == "investigation":
        return bool(_NOT_TRADE_PROBE.search(after)) or (
            trigger.startswith(_INQUIRY) and bool(_NONSTATE_INQUIRER.search(before)))
    if type_id == "investment" and ("price" in trigger or "floor" in trigger):
        return bool(_OTHER_PRICE_BEFORE.search(before) or _OTHER_PRICE_AFTER.match(after))
    if type_id == "investment" and "subsid" in trigger and (
            _HOUSEHOLD_SUBSIDY.search(before) or generic_subsidy(before, trigger, after)):
        return True
    if type_id == "investment" and trigger.endswith(("grants", "grant")) and _GRANTS_RIGHT.match(after):
        return True
    if type_id == "investment" and "stockpil" in trigger:
        return bool(_ARMS_STOCK.search(after))
    if type_id == "investment" and ("money" in trigger or "funds" in trigger) and _WASTED.search(before):
        return True
    if type_id == "investment" and "offtake" in trigger and company_offtake(before):
        return True
    if type_id == "investment" and "loan" in trigger:
        return bool(_REPAID.search(before))
    if type_id == "agreement":
        return _no_pact(low, t0, t1, before, after)
    if _ends_in_meet(trigger) and _SATISFY.match(after):
        return True
    if type_id == "talks":
        return _no_talks(trigger, before, after)
    if type_id == "sanction":
        return bool(_ENDURED_BEFORE.search(before) or _ENDURED_AFTER.search(after) or _PENALTY_FOR.search(after)
                    or _PENALTY_BY.search(low, max(start, t0 - _REACH), _in_sentence(low, t1, 40)))
    return type_id == "summit" and _no_summit(low, t0, t1, start)


def _no_talks(trigger: str, before: str, after: str) -> bool:
    """Whether talks are no states' meeting: a verb of discussing with one party or none, home
    affairs, talks only hoped for or named as a condition, or held by bodies that are no state."""
    if trigger.startswith("discuss") and ((not _TWO_PARTIES.search(before) and not with_other_side(after))
                                          or _NONSTATE_TALKERS.search(before)):
        return True
    return bool(_HOME_TALKS.search(before) or _HOPED_TALKS.search(before) or _home_deal(trigger)
                or _CONDITION_TALKS.search(before)
                or _NONSTATE_PARTY.search(before) or _NONSTATE_WITH.match(after)
                or home_talks(before, after))


def _no_summit(low: str, t0: int, t1: int, start: int) -> bool:
    """Whether the summit trigger low[t0:t1] (its sentence from `start`) names no meeting of
    states: people who are no state gathering, a visit to a site, a company officer meeting a
    leader, or a summit of an industry or of campaigners."""
    trigger = low[t0:t1]
    # the gathering verb may be the trigger's own ("Fans of Trump met in Texas")
    gather_end = t1 if (" met" in trigger or " meet" in trigger) else t0
    if _NONSTATE_GATHER.search(low, max(0, t0 - 110), gather_end):
        return True
    if trigger.endswith(("visit", "visits", "visited", "visiting")) and _SITE_VISITED.match(low[t1: t1 + _REACH]):
        return True
    if not _SUMMIT.search(trigger) and _OFFICER.search(low, max(start, t0 - _OFFICER_REACH),
                                                        _in_sentence(low, t1, _OFFICER_REACH)):
        return True
    return bool(_SUMMIT.fullmatch(trigger)) and _fair_named(low, t0)


def _no_pact(low: str, t0: int, t1: int, before: str, after: str) -> bool:
    """Whether the agreement trigger low[t0:t1] names no pact between states: one at home, an
    artist's, one only imagined or only what talks are about, or one between companies."""
    trigger = low[t0:t1]
    if _home_deal(trigger) or (_IMAGINED.match(after) and _INDEFINITE.search(before)) or _HOME_PACT_BEFORE.search(
            before) or _HOME_PACT_AFTER.match(after) or _DEAL_TALKS_AFTER.match(after) or _renewal_talks(low, t0, t1) or (
            _COMPANY_PARTIES.search(before)) or company_offtake_deal(low, t0, t1) or pact_kind(before, trigger, after):
        return True
    return bool(_PERSONAL_DEAL.search(before + trigger.split(" deal")[0] + " ")
                if " deal" in trigger else _PERSONAL_DEAL.search(before))


def _ends_in_meet(trigger: str) -> bool:
    """Whether the trigger ends in the verb "meet", "meets" or "met" (which may mean satisfy)."""
    return trigger.endswith((" meet", " met", " meets")) or trigger in ("meet", "met", "meets")


def _in_sentence(low: str, t1: int, reach: int) -> int:
    """Where reading `reach` characters on from t1 stops: at the end of t1's sentence, if
    sooner ("The US sanctioned Rusal. The environment ministry said ..." is two sentences)."""
    ends = [i for sep in (". ", "? ", "! ") if (i := low.find(sep, t1, t1 + reach)) >= 0]
    return min(ends) if ends else t1 + reach


def _home_deal(trigger: str) -> bool:
    """Whether a deal the trigger names is one of home affairs by the words before it inside the
    trigger ("negotiated a wage deal on", "struck a budget agreement")."""
    m = _DEAL_NOUN.search(trigger)
    return m is not None and m.start() > 0 and bool(_HOME_TALKS.search(trigger, 0, m.start()))


def _renewal_talks(low: str, t0: int, t1: int) -> bool:
    """Whether the deal the trigger low[t0:t1] names is what talks seek to renew or save, by
    the words before its noun (which the trigger may hold: "negotiations to renew a deal")."""
    noun = _DEAL_NOUN.search(low, t0, t1)
    end, start = (noun.start() if noun else t0), max(0, t0 - _REACH)
    window = low[start: end]
    return ("talks" in window or "negotiations" in window or "consultations" in window) and (
        _RENEWAL_TALKS.search(low, start, end) is not None)


def _fair_named(low: str, t0: int) -> bool:
    """Whether the summit at t0 is, or takes up, one named for an industry or campaigners: its
    own words before it, or for "the summit", the last summit named before it."""
    if _TRADE_FAIR.search(low, max(0, t0 - 30), t0 + 8):
        return True
    if low[max(0, t0 - 4): t0] != "the ":
        return False
    last = None
    for m in _SUMMIT.finditer(low, 0, t0):
        last = m
    return last is not None and bool(_TRADE_FAIR.search(low, max(0, last.start() - 30), last.end()))
