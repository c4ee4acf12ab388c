"""Whether a government acts at a trigger: who is named where, and what the words around it
say (a company investing, a call by campaigners, an act only avoided)."""

from __future__ import annotations

import re

from .advice import advised_only
from .agents import passive_to, sent_from
from .article import Article
from .calls import requested
from .contents import pact_content
from .meetings import home_trip
from .mood import averted, breached, spoken
from .origin import goods_leave
from .questions import asked
from .recipients import receives
from .regions import region_governments
from .roles import opens_second_half, owns, said_by, speaks
from .signals import Facts, company_acting, title_case
from .unnamed import unnamed_states

_MEETINGS_AND_PACTS = ("talks", "summit", "agreement")  # "nations meet for talks" are states'
_PLURAL_PACTS = re.compile(r"\b(?:deals|pacts|agreements|accords|treaties)\b")  # pacts of any states
_LOOK_BACK = 3  # sentences searched for the government an undated "Talks continue." is about
_LENDER = re.compile(r" (?:from|by) ")  # in an investment trigger, before its lender's country
# "X agreed to <act>" is a pact only when X is several parties or a partner is named: "the two
# sides / Washington and Beijing / they agreed to", "agreed with Tokyo to", or a pact named
# in the clause ("under the deal, Jakarta agreed to"); one body no country names agreeing to
# act ("the WTO's dispute body agreed to establish a panel", "the council agreed to review")
# decides alone (a state agreeing is as often one side of a deal: "China agreed to suspend").
_LONE_AGREE = re.compile(r"agree(?:s|d|ing)? (?:\S+ ){0,3}?to ")
_JOINT_SUBJECT = re.compile(
    r"\b(?:and|both|two|all|they|we|sides|countries|nations|governments|leaders|parties|partners|"
    r"allies|members|states|ministers|officials|negotiators|delegations|presidents|pair|deal|pact|"
    r"agreement|accord|truce)\b|[&,]")  # a comma: a list of parties ("Trump, Xi agree to")
# Before the agent of a passive headline ("Cobalt exports halted by Congo"): it acts.
_AGENT = re.compile(r"\bby(?: the)? $")
_AGENT_REACH = 40
# A meeting or pact that only states hold, by its own name or the word before it: "key
# international talks", "the high seas treaty", "a free trade agreement" (companies sign
# contracts and supply deals, not treaties); the IMF's and World Bank's meetings are states'.
_STATES_ONLY = re.compile(
    r"\b(?:international|intergovernmental|inter-governmental|multilateral|free[- ]trade|"
    r"treat(?:y|ies)|imf|world bank|(?:post-)?brexit)\b")
_STATES_ONLY_REACH = 30
# A summit only states hold: the UN's ("a crucial UN water summit"); a business "International
# Lithium Summit" is none.
_STATES_SUMMIT = re.compile(r"\b(?:un|u\.n|united nations)\b")
# Measures only a state imposes, told as a specific act with no government named: by their rate
# ("Aluminium buyers face 50% tariff from Wednesday") or by their coming into force ("Copper
# tariff comes into force", "Export licences for gallium now mandatory"). A company's halt of
# its own exports (the suspension subtype) is no such measure.
_STATE_MEASURES = frozenset({"tariff", "sanction", "export_control", "import_restriction"})
# Inquiries only a state opens ("Anti-dumping probe into Chinese graphite opened").
_STATE_INQUIRIES = frozenset({"trade_remedy", "section_232", "section_301"})
# A country inside the trigger right before the measure owns it ("spared from US tariff").
_OWNER_INSIDE = re.compile(r"\s+(?:[\w-]+\s+)?(?:tariffs?|dut(?:y|ies)|sanctions|curbs|controls|bans?|"
                           r"levies|quotas?|restrictions)\b")
# The measure's own rate: "a 25% tariff", "50% US duty", "duties of up to 93.5%"; not a price
# move ("copper jumps 5% on tariff fears").
_RATE_BEFORE = re.compile(r"\d(?:[\d.,]*\d)? ?(?:%|percent|per cent)(?: (?!(?:on|after|as|amid|over|in|"
                          r"to|by|for|and)\b)[\w.-]+){0,2} $")
_RATE_AFTER = re.compile(r"(?: [a-z]+){0,2}? (?:of|at|to) (?:up to |about |around |nearly |as much as )?"
                         r"\d(?:[\d.,]*\d)? ?(?:%|percent|per cent)")
# A requirement stated in the trigger itself: only a state makes exports need a licence.
_REQUIRED = re.compile(r"\b(?:need|needs|require|requires|required)\b")
# "its cobalt exports need a licence": exports someone owns (a company, when no state is named).
_OWNED_BY_SOMEONE = re.compile(r"\b(?:its|their|his|her|our)\b")
_RATE_REACH = 25  # characters before the trigger where its rate may stand
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might)\b")
# A rate in an analysis, not an act: "Analysts model a 25% tariff", "a 10% tariff scenario".
_ANALYSIS = re.compile(r"\b(?:analysts?|economists?|forecasters?|strategists?|model(?:s|led|ed|ling|ing)?|"
                       r"scenarios?|assum\w*|forecasts?|base case|estimates?)\b")
_IN_FORCE = re.compile(
    r"\b(?:(?:(?:takes?|took|taking) effect|(?:comes?|came|coming|enters?|entered|entering|goes|"
    r"went) into (?:force|effect)|kicks? in|kicked in|in force|(?:now )?(?:mandatory|compulsory)|"
    r"(?:apply|applies) from|now (?:apply|applies|in place))\b|(?:starts?|started|starting|begins?|"
    r"began|beginning) (?:on |from |in )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|"
    r"wed|thu|fri|sat|sun|next|\d))")
_IN_FORCE_REACH = 80
# The measure as the subject of a participle that only a state's act makes true, the headline's
# passive: "Sanctions on Russian aluminium extended", "Steel Tariffs Doubled", "Cobalt Export
# Ban Extended By Three Months", "Gallium Exports To US Banned" (the trigger's own last word);
# not "could be extended", and not an active verb with an object ("tariffs raised prices").
_DONE = (r"(?:banned|barred|prohibited|extended|renewed|raised|hiked|doubled|tripled|increased|"
         r"imposed|reimposed|tightened|expanded|widened|broadened|lifted|halved|lowered|eased|"
         r"scrapped|removed|waived|opened|launched|initiated|announced|unveiled|introduced|issued|"
         r"adopted|enacted|slapped|levied)")
# Words that make the act only supposed ("could be extended", "if tariffs are raised").
_SUPPOSED = r"would|could|might|may|should|if"
_DONE_AFTER = re.compile(
    r"(?: (?!(?:" + _SUPPOSED + r"|and|but|as)\b)[\w'’%.-]+){0,5}? "
    r"(?:(?:is|are|was|were|has been|have been|had been|will be|now|officially) )?" + _DONE
    + r"(?=$|[,;:.!]| (?:to|by|for|until|through|into|on|from|in|again|after|amid|over|at|as|"
    r"with|-|–|—)\b)")
_DONE_LAST = re.compile(r"(?<!\bbe )(?<!\bbeen )\b" + _DONE + r"$")
# The measure's rate said to move to a figure: "Tariffs on Chinese graphite to rise to 25% in 2026".
_MOVES_TO = re.compile(
    r"(?: (?!(?:" + _SUPPOSED + r")\b)[\w'’%.-]+){0,5}? (?:to |will )?(?:rise|rises|rising|"
    r"rose|increase|increases|increased|climb\w*|jump\w*|go up|goes up|went up|be raised|be cut|fall|"
    r"falls|fell|drop\w*) to (?:\S+ )?\d")
_STATE_WORD = re.compile(r"\b(?:government|state|ministry|treasury|administration)\Z")
# A state's plan named only as what another act is part of ("stopped sales of bauxite, part of
# President Widodo's drive to build refining at home"): the act is the other one.
_PART_OF = re.compile(r"\bpart of (?:[\w-]+ ){0,4}[\w-]+['’]\Z")  # no sentence end in between
# An owner named by its possessive just before a plan's noun phrase ("protests against Rio's
# Jadar lithium plan"): a company's, unless the owner is a state or a state word (_state_owned).
# (A sum's possessive is often its recipient's: "the company's grant from DOE".)
_STATE_OWNER = re.compile(r"\b(?:country|nation|kingdom|republic|bloc|union|commission|cabinet|president|premier|"
                          r"minister|ministry|department|agency|government|council|parliament|congress|regime|"
                          r"junta|leader)\b")
_OWNER_BEFORE = re.compile(r"['’]s (?:(?!(?:in|on|of|for|to|with|by|from|at|and|as)\b)[\w-]+ ){0,3}\Z")
# Between a pact and the state it lets in: "... Partnership adds India", "welcomes Estonia".
_ADMITS = re.compile(r" (?:adds|added|admits|admitted|welcomes|welcomed|accepts|accepted|invites|"
                     r"invited|expands to(?: include)?) (?:the )?")
# A participle clause opening a sentence ("Having banned ...", "After halting ...,"): its subject
# is the main clause's, named after its comma.
# A truce named by trade or by the city where states agreed it ("the Busan truce", "despite
# Geneva truce", "tariff truce"): only states make one; two names joined are its parties, and
# states among them would be named as such ("Microsoft-Sony truce" is firms').
# A pact named by its two parties ("the US-China deal"); not "long-term", "post-Brexit", "free-trade".
_PAIR_PACT = re.compile(r"(?!free-)[a-z.]{2,}-[a-z]{2,} (?:deals?|agreements?|pacts?|accords?)")
# A deal named by the side it is made with ("announced a deal with China"): that side is the
# pact's other party, so it must be a state ("a deal with Villarreal", "a deal between two
# climate firms", "the deal with Saudi Arabia's fund", "deal with Tesla for Australian cobalt"
# are not), named right after it ("with the European Union"). Only right after the determiner: in "a future trade deal with" the
# trigger is the trade deal's.
_SIDED_DEAL = re.compile(r"(?:an?|the|its|their|this|that|new|announc\w*|unveil\w*|hail\w*|welcom\w*|wins?|won|"
                         r"secur\w*|finali[sz]\w*) deals? (?:with|between)")
_SIDE_GAP = re.compile(r" (?:the )?")
_NAMED_TRUCE = re.compile(r"(?:\b(?:trade|tariffs?)|\b(?:the|despite|after|since|under|of) [A-Z][a-z]+)\s+\Z")
_FRONTED = re.compile(r"(?:having|after|by|once|despite|while) (?:\w+ )?\w+(?:ed|ing|en)\b")
_MAY_BE = re.compile(r"\b(?:" + _SUPPOSED + r")\b")
_PLACE = re.compile(r" in $")  # a country as the place ("a smelter in Peru") is no party to talks
_WORKPLACE = re.compile(r"\b(?:unions?|workers|employees|staff|management|mines?|smelters?|refiner(?:y|ies)|"
                        r"plants?|factor(?:y|ies)|compan(?:y|ies)|firms?|owners?)\b")
_MODIFIES = re.compile(r"(?:\s+(?!(?:as|after|while|when|where|and|but|to|the|a|an|its|their|with|of|on|"
                       r"over|for|at|walked|began|ended|stalled|broke)\b)[\w-]+){0,3}\s+")  # "in US trade talks"
_PARTY_REACH = 40  # after a company's pact trigger, where "with" a state party may stand
_SAYS = re.compile(r"\b(?:says?|said|told|tells|warns?|warned|argues?|argued)\b")
# A clause that is only a conjunction before the trigger: the second of two nouns ("talk of
# tariffs and subsidies"), which shares what governs the first.
_BARE_CONJUNCT = re.compile(r"[\s,]*(?:and|or|as well as)\s+")
# A meeting trigger that opens with the time or place it gives: "at Biden meeting", "after ..."
_SETTING = re.compile(r"(?:at|during|after|before|ahead of|following)\s")


def government_acts(art: Article, si: int, f: Facts, t0: int, t1: int, type_id: str,
                     subtype: str) -> bool:
    """Whether a government acts in sentence si: the owner of a trigger at a possessive's "s"
    ("Ottawa's new funding", not "Glencore's"; a plan's owner just before it too); a government
    word, a country named before the trigger as more than a company's label or speaking after it
    ("..., Jakarta said"), leaders meeting, a summit in a sentence naming a country, a state lender
    inside an investment trigger, the country goods leave at an export trigger, the agent of a
    passive; or, in a sentence that goes on about an earlier one ("Talks continue."), a
    government a few sentences back. A pact named by its parties needs both to be states."""
    if type_id == "agreement" and _PAIR_PACT.fullmatch(art.low, t0, t1):  # "the US-China deal"
        return sum(t0 <= h.start < t1 and h.start not in f.labels for h in f.countries) >= 2
    if type_id == "agreement" and _SIDED_DEAL.fullmatch(art.low, t0, t1):
        return any(_SIDE_GAP.fullmatch(art.low, t1, h.start) and h.start not in f.labels
                   and not art.low.startswith(("'s ", "’s "), h.end) for h in f.countries)
    if t0 > 0 and art.low[t0 - 1] in "'’" and art.low.startswith("s ", t0):
        return _state_owned(art, f, t0 - 1) and not _PART_OF.search(art.low, max(0, t0 - 50), t0)
    if type_id == "strategy" and _company_plan(art, f, t0):
        return False  # "Serbians march against Rio's Jadar lithium plan"
    if f.government and (type_id not in _MEETINGS_AND_PACTS or (
            type_id == "agreement" and _PLURAL_PACTS.search(art.low, t0, t1))) and unnamed_states(art, si):
        return False  # "Governments have poured billions into lithium", "... turn to narrower pacts"
    if f.government or (type_id == "summit" and (f.acting or subtype != "summit")):
        return True
    if (type_id in ("talks", "agreement") and _states_only(art, si, t0, t1)) or (
            type_id == "summit" and _STATES_SUMMIT.search(
                art.low, max(art.sentences[si].start, t0 - _STATES_ONLY_REACH), t1)):
        return True
    if ((type_id in _STATE_MEASURES and subtype != "suspension") or subtype in _STATE_INQUIRIES) and (
            _specific(art, si, t0, t1, f.company)):
        return True
    if type_id in _STATE_MEASURES and any(t0 < h.start < t1 and h.start not in f.labels
                                          and _OWNER_INSIDE.match(art.low, h.end) for h in f.countries):
        return True  # the owner inside the trigger: "Refined copper spared from US tariff"
    if type_id == "investment" and any(
            t0 < h.start < t1 and _LENDER.search(art.low, t0, h.start) for h in f.countries):
        return True  # a state lender inside the trigger ("investment from UK Infrastructure Bank")
    if _named_state(art, si, f, (t0, t1), type_id == "talks"):
        return True  # a headline may name its government after the act: "Curb on X: China's ..."
    if subtype == "truce" and art.low.startswith("truce", t0) and _NAMED_TRUCE.search(art.text, max(0, t0 - 20), t0):
        return True  # "What the Busan truce means for rare earths"
    if type_id == "agreement" and any(h.start not in f.labels and _ADMITS.fullmatch(art.low, t1, h.start)
                                      for h in f.countries):
        return True  # a state let into a pact: "The Minerals Security Partnership adds India"
    if _fronted_subject(art, si, f, t1):
        return True  # "Having banned nickel ore exports in 2020, Indonesia now eyes bauxite"
    if any(g.start < t0 for g in region_governments(art.text, art.sentences[si].start, t1)):
        return True  # a state or province acting: "Queensland bans ...", "the NSW government"
    if type_id == "export_control" and goods_leave(art, si, f, t0, t1):
        return True  # the country the goods leave: "... now need a licence to leave China"
    if any(h.start not in f.labels and t0 < h.start and (
            h.start <= t1 + _AGENT_REACH and _AGENT.search(art.low, h.start - 8, h.start)
            or passive_to(art.low, t1, h.start) or sent_from(art.low, type_id, t1, h.start))
           for h in f.countries):
        return True  # the agent of a passive: "Tariff of 25% on graphite imposed by US"
    if si < 1 or (f.company and subtype != "entity_list"):
        return False  # companies are what a state lists ("Two firms were put on the list.")
    for back in range(si - 1, max(-1, si - 1 - _LOOK_BACK), -1):
        prior = art.facts(back)
        if prior.acting:
            return True
        if prior.company:
            return False
    return False


def _named_state(art: Article, si: int, f: Facts, span: tuple[int, int], talks: bool) -> bool:
    """Whether a country, not a company's label, is named before the trigger at `span`, speaks
    of it, or (in a headline) owns it or opens its second half; for `talks`, not a country that
    is only the place of a workplace's talks."""
    t0, t1 = span
    sent = (art.sentences[si].start, art.sentences[si].end)
    return any((h.start < t0 or speaks(art.text, h.end) or said_by(art.text, h.start) or (si == 0 and (
        owns(art.text, h.end) or opens_second_half(art.text, t1, h))))
        and h.start not in f.labels and not (talks and _place(art.low, sent, (h.start, h.end), t0))
        for h in f.countries)


def _specific(art: Article, si: int, t0: int, t1: int, company: bool) -> bool:
    """Whether a state measure at [t0, t1) is told as one act: its own rate ("tariffs double to
    50%"), a requirement in its own words ("exports now need licences") where no company is
    named (whose customers' permits are no state's) unless all exporters must ("Exporters of
    terbium now need a licence, leaving carmakers short"), or its coming into force after it in its
    sentence; not one only imagined ("a 10% tariff would hurt")."""
    sent = art.sentences[si]
    after = art.low[t1: min(sent.end, t1 + _IN_FORCE_REACH)]
    if _HYPOTHETICAL.search(after) or _ANALYSIS.search(art.low, sent.start, min(sent.end, t1 + 30)):
        return False
    return bool(_RATE_BEFORE.search(art.low[max(sent.start, t0 - _RATE_REACH): t0])
                or art.low[t0].isdigit()  # the rate opens the trigger: "93.5% US duty"
                or ((not company or art.low.startswith("exporter", t0)) and bool(_REQUIRED.search(art.low, t0, t1))
                    and not _OWNED_BY_SOMEONE.search(art.low, sent.start, t0))
                or _RATE_AFTER.match(art.low, t1) or _IN_FORCE.search(after) or _done(art.low, t0, t1, after))


def _done(low: str, t0: int, t1: int, after: str) -> bool:
    """Whether the measure at [t0, t1) is the subject of a state's participle ("Sanctions on
    Russian aluminium extended", "Gallium Exports To US Banned"), not one only supposed."""
    if _MAY_BE.search(low, t0, t1):
        return False
    return bool(_DONE_LAST.search(low, t0, t1) or _DONE_AFTER.match(after) or _MOVES_TO.match(after))


def _states_only(art: Article, si: int, t0: int, t1: int) -> bool:
    """Whether a meeting or pact at [t0, t1) is named as one only states hold; a capitalised
    "International" inside running text names a company ("Glencore International signs an
    agreement"), not the meeting."""
    sent = art.sentences[si]
    for m in _STATES_ONLY.finditer(art.low, max(sent.start, t0 - _STATES_ONLY_REACH), t1):
        if not (m.group() == "international" and art.text[m.start()].isupper()
                and m.start() > sent.start and not title_case(sent.text)):
            return True
    return False


def _company_plan(art: Article, f: Facts, t0: int) -> bool:
    """Whether a possessive just before the plan at t0 names an owner that is no state."""
    owner = _OWNER_BEFORE.search(art.low, max(0, t0 - 40), t0)
    return owner is not None and not _state_owned(art, f, owner.start()) and not _STATE_OWNER.search(
        art.low, max(0, owner.start() - 16), t0)  # "the country's plan", "India's mines ministry launches"


def _state_owned(art: Article, f: Facts, at: int) -> bool:
    """Whether the possessive whose apostrophe is at `at` is a state's: a country (not a
    company's label) or a government word right before it ("Ottawa's new funding", "the
    state's loans")."""
    return _country_ends(f, at) or bool(_STATE_WORD.search(art.low, max(0, at - 14), at))


def _country_ends(f: Facts, at: int) -> bool:
    """Whether a country, not a company's label, ends at `at` or holds it (a name listed with
    its possessive: "EU's")."""
    return any(h.start < at <= h.end and h.start not in f.labels for h in f.countries)


def _fronted_subject(art: Article, si: int, f: Facts, t1: int) -> bool:
    """Whether the trigger ending at t1 is in a participle clause that opens its sentence and
    whose subject, right after the clause's comma, is a state ("Having banned nickel ore
    exports in 2020, Indonesia now eyes bauxite"); not a state's company ("Indonesia's miners")."""
    sent = art.sentences[si]
    if not _FRONTED.match(art.low, sent.start):
        return False
    comma = art.low.find(", ", t1, sent.end)
    if comma < 0:
        return False
    at = comma + 2 + (4 if art.low.startswith("the ", comma + 2) else 0)
    return any(h.start == at and h.start not in f.labels and not owns(art.text, h.end) for h in f.countries)


def _lone_agreer(low: str, s0: int, clause_start: int, t0: int, t1: int) -> bool:
    """Whether "agreed to <act>" at [t0, t1) has one party for subject: named words before it
    in its clause (else its sentence), none of them several parties, and no partner after
    "with" (see _LONE_AGREE)."""
    m = _LONE_AGREE.match(low, t0, t1)
    if m is None or " with " in low[t0:m.end()]:
        return False
    subject = low[clause_start:t0].strip(" ,") or low[s0:t0].strip(" ,")  # (its own commas count)
    return len(subject) > 2 and _JOINT_SUBJECT.search(subject) is None


def _two_states(f: Facts, t0: int, t1: int) -> bool:
    """Whether the pair agreeing at a trigger that opens with its "and" ("Spain and Morocco
    agreed to ...") are two states: a country right before the "and" and one after it, neither
    a company's label ("Chinese miner Zijin and Peru")."""
    named = [h for h in f.countries if h.start not in f.labels]
    return (any(0 <= t0 - h.end <= 1 for h in named)
            and any(t0 < h.start < t1 for h in named))


def company_acts(art: Article, f: Facts, c0: int, t0: int, t1: int, investing: bool,
                 pact: bool = False) -> bool:
    """Whether a company, not a government, invests, plans, talks or deals at the trigger
    [t0, t1) of a clause starting at c0: a company word before it with no government before
    that, and no state lender named in the trigger ("secures investment from UK Infrastructure
    Bank"); a company that only receives money (`investing`: the trigger is state money) is
    none. A `pact` (talks, a deal) stays a state's when a state is the other party just after
    it ("close to a deal with Panama's government") or the company only speaks of it."""
    if _LENDER.search(art.low, t0, t1):
        return False
    at = company_acting(art.text, c0, t0, f.countries)
    return at >= 0 and not art.government_in(c0, at) and not (
        investing and receives(art.low, at, t1)) and not (pact and (
            _SAYS.search(art.low, at, t0)  # "Producers say the G7 plan agreed in June ..."
            or _state_party(art, t0, t1)))


def _place(low: str, sent: tuple[int, int], c: tuple[int, int], t0: int) -> bool:
    """Whether the country at `c` is only the place of the talks at t0 in a sentence about a
    workplace ("workers at a smelter in Peru walked out as talks with management stalled"), not
    their party named as the talks' modifier ("in US trade talks"); a state's guest "in the UK to
    launch negotiations" or a meeting "in Jamaica" names no workplace."""
    return c[0] >= 4 and _PLACE.search(low, c[0] - 4, c[0]) is not None and not (
        c[1] <= t0 and _MODIFIES.fullmatch(low, c[1], t0)) and bool(_WORKPLACE.search(low, *sent))


def _state_party(art: Article, t0: int, t1: int) -> bool:
    """Whether a state is the other side "with" whom the pact at [t0, t1) is made ("close to a
    deal with Panama's government"), not a state named in a later clause."""
    end = art.sentences[art.sentence_at(t0)].end
    w = art.low.find(" with ", t0, min(end, t1 + _PARTY_REACH))
    return w >= 0 and art.government_in(w, min(end, w + _PARTY_REACH))


def not_an_act(art: Article, f: Facts, kind: str, clause_start: int, t0: int, t1: int) -> bool:
    """Whether the trigger at [t0, t1) names no act: a verb of speaking ("she talks about"), an
    agreement only claimed broken, an act only avoided, one only asked about in a question
    headline, or one only called for by someone who is not a government."""
    if art.sentences and asked(art.text, art.low, art.sentences[0].end, t0,
                               [h.start for h in f.countries]):
        return True  # "Will China ban graphite exports?"
    if kind == "agreement" and art.low.startswith("and ", t0) and not _two_states(f, t0, t1):
        return True  # "Glencore and Anglo agreed to merge": a pair agreeing is a pact of states only
    si = art.sentence_at(t0)
    sent = art.sentences[si]
    if kind == "agreement" and _lone_agreer(art.low, sent.start, clause_start, t0, t1) and not any(
            clause_start <= h.start < t0 for h in f.countries):
        return True
    if clause_start > sent.start and _BARE_CONJUNCT.fullmatch(art.low, clause_start, t0):
        clause_start = sent.start + art.clause(si, clause_start - sent.start - 1)[0]  # the first noun's
    if kind == "measure" and pact_content(art.low, sent.start, t0, t1):
        return True  # "a deal creating a joint investment fund": the pact's content
    if kind == "measure" and advised_only(art.low, (sent.start, sent.end), clause_start, t0):
        return True  # "The UK should impose sanctions ..., a report urged"
    # a meeting told as when or where a call is made ("seeks assurances at Biden meeting") is
    # no meeting called for
    setting = kind == "meeting" and _SETTING.match(art.low, t0) is not None
    if kind == "meeting" and home_trip(art.low, t0, t1, f.countries):
        return True  # "health secretary visits hospital in Leeds"
    return (kind == "meeting" and spoken(art.text, t0, t1)) or (
        kind == "agreement" and breached(art.low, clause_start, t0)) or averted(
        art.low, clause_start, t0, t1) or (not setting and requested(
            art.low, (sent.start, clause_start), t0,
            lambda a, b: any(a <= h.start < b and h.start not in f.labels for h in f.countries)))
