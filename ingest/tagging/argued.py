"""Whether a measure is only argued about by someone who is no state, read from the sentence
around its trigger: a market that moves on tariff fears, an analyst's scenario or forecast, a
candidate's promise if elected, a sports body's sanctions, producers who curb their own output.

"Rare earth stocks rally on China export curb speculation", "Analysts said Beijing might
tighten graphite controls", "Goldman analysts modelled a 25% tariff on copper", "Trump
promises tariffs on Chinese graphite if he wins", "Chilean football club sanctioned for racist
chants", "producers in Jiangxi curbed output for safety checks": none is a government's act.
"""

from __future__ import annotations

import re

_SENTENCE_REACH = 200  # characters before a trigger searched for the start of its sentence
_SENTENCE_ENDS = (". ", "? ", "! ", "; ", "\n")
# Words one of the patterns below needs, looked for before running it.
_CANDIDATE_WORDS = re.compile("candidate|hopeful|challenger|runner|nominee|opposition|campaign|"
                              "rally|stump")
_FORECAST_WORDS = re.compile("forecast|predict|model|estimat|bet|position|pric|scenario|"
                             "base case|what if")
_MODAL_WORDS = re.compile("could|might|may|would|will")

_MEASURES = ("export_control", "import_restriction", "tariff", "sanction", "production_control", "strategy",
             "investment")

# A measure only expected or bet on by the market, read over the 60 characters before the
# trigger: "Analysts expect China to restrict graphite exports", "traders bet Beijing will
# tighten curbs" (the act is the verb the expectation ends in; "analysts expect the export ban
# to hurt supply" names a real ban). Not said of investment.
_MARKET_EXPECTS = re.compile(
    r"\b(?:analysts?|traders?|economists?|investors?|markets?|observers|brokers?|strategists?|"
    r"forecasters?|banks?|consultants?|consultancy|consultancies|researchers?|experts?)\b(?:\s+\S+){0,2}?\s+(?:expect|predict|forecast|anticipat|bet|wager|reckon)"
    r"\w*\b(?: that)?(?:\s+\S+){0,3}?\s+(?:to|will|would|could|may|might)\s+"
    r"(?:(?:tighten|impose|introduce|extend|expand|widen|add|slap|unveil|announce|lift|raise|cut|lower|"
    r"set)\w*"
    r"(?:\s+\S+){0,3}?\s+)?$")
# The measure names what a market fears or bets on: "export curb speculation", "tariff
# worries", "sanctions chatter" (a threat may be a government's own: "tariff threat" is not here).
# "Nationalisation risk is overblown" too ("tariffs risk hurting demand" is a real one's effect).
_ANTICIPATION = re.compile(
    r"\s*(?:threats?\s+)?(?:speculation|fears?|worr(?:y|ies)|jitters|concerns?|chatter|talk|bets?|angst|"
    r"anxiet(?:y|ies)|uncertainty|rumou?rs?|scares?|panic|risks?(?!\s+\w+ing\b))\b")
# A fear or a rumour that a state could act ("on worries the government could seize lithium
# operations", "fears Beijing might curb antimony"), or talk of a measure ("speculation grows
# over a lithium export ban"): the market's guess, not the state's threat.
_FEARED_MODAL = re.compile(
    r"\b(?:fears?|feared|fearing|worr(?:y|ies|ied)|concerns?|speculation|rumou?rs?|jitters|suspicions?)\s+"
    r"(?:that\s+|(?:over|about) whether\s+)?(?:[^\s,;.]+\s+){0,3}?(?:could|might|may|would)\s+(?:\S+\s+){0,2}$")
_TALK_OVER = re.compile(r"\b(?:speculation|rumou?rs?|chatter)\s+(?:\w+\s+)?(?:over|about|of)\s+"
                        r"(?:(?:a|an|possible|potential|new|more|further)\s+)?(?:[\w-]+\s+){0,3}$")
# A measure only possible, with a non-state speaker after it ("ahead of possible import duties,
# analysts said").
_POSSIBLE = re.compile(r"\b(?:possible|potential)\s+(?:\S+\s+){0,2}$")

# Who speaks or forecasts and is no state: analysts, banks' researchers, consultancies ("Fitch
# Solutions", "Bloomberg Intelligence", "Goldman Sachs"), traders, hedge funds.
_SPEAKER = (r"\b(?:analysts?|economists?|experts?|consultants?|consultancy|strategists?|traders?|"
            r"brokers?|investors?|bankers?|researchers?|forecasters?|observers|commentators?|"
            r"pundits?|think[- ]tanks?|hedge funds?|rating agenc(?:y|ies)|ratings agency|"
            # people in trade who guess at what a state will do: "trade lawyers say", "executives
            # at several smelters said the government might stop exports", "miners fear"
            r"(?:trade )?lawyers?|attorneys?|executives?|insiders|market participants|miners|producers|"
            r"smelters|refiners|manufacturers|carmakers|buyers|"
            r"research (?:firm|house|group)|solutions|intelligence|economics|analytics|securities|"
            r"sachs|consulting|"
            # people once in office speak for themselves: "Ex-official says China will expand curbs"
            r"(?:ex-|former )(?:[\w-]+ ){0,2}?(?:officials?|ministers?|diplomats?|ambassadors?|"
            r"negotiators?|advisers?|advisors?|envoys?|chiefs?|heads?|secretar(?:y|ies)))\b")
_SAYS = (r"(?:said|say|says|warn\w*|think|thinks|believe\w*|predict\w*|estimat\w*|forecast\w*|fear\w*|"
         r"worr\w*|suspect\w*|speculat\w*|wonder\w*|"
         r"reckon\w*|suggest\w*|argu\w*|see|sees|expect\w*|modell?(?:ed|ing)|models?)")
# "Analysts said Beijing might tighten ...", "experts predict Chile will take a larger ...".
_SPEAKER_MODAL = re.compile(
    _SPEAKER + r"(?:\s+\S+){0,4}?\s+" + _SAYS + r"(?: that)?(?:\s+\S+){0,4}?\s+"
    r"(?:could|might|may|would|will)\s+(?:[^.;,\n]{0,60}?\bif\s+(?:\S+\s+){0,3}|(?:\S+\s+){0,4})$")
_ANY_SPEAKER = re.compile(_SPEAKER)
# A policy as what a non-state speaker expects to change or stay ("investors said they expected
# little change in mining policy", "analysts see no shift in Congo's cobalt policy").
_EXPECTED_CHANGE = re.compile(_SPEAKER + r"(?:\s+\S+){0,6}?\s+" + _SAYS + r"(?:\s+\S+){0,5}?\s+"
                              r"(?:changes?|shifts?|continuity|overhaul|u-turn|turn)\s+(?:in|to|of|on)\s+(?:\S+\s+){0,2}$")
# A headline that opens on its speaker: "Analysts: Indonesia may ban bauxite exports".
_SPEAKER_PREFIX = re.compile(r"[^\n:]{0,30}?" + _SPEAKER + r"\s*:")
# A headline's modal with its speaker after it: "China could restrict graphite exports,
# analysts warn".
_MODAL_BEFORE = re.compile(r"\b(?:could|might|may|would)\s+(?:\S+\s+){0,2}$")
# The modal in a state's reported word, not the speaker's guess: "Beijing said last week it
# would make exporters apply for permits, traders said" (the traders report the state's say).
_SAID_WOULD = re.compile(r"\b(?:said|says|announced|told|confirmed|declared|stated)\b(?: that)?"
                         r"(?:\s+\S+){0,4}?\s+(?:it|they|beijing|washington|the government)\s+would\s+"
                         r"(?:\S+\s+){0,2}$")
_SPEAKER_AFTER = re.compile(
    r"[^.;\n]{0,60}?,\s+(?:\S+\s+){0,3}?" + _SPEAKER + r"\s+" + _SAYS + r"\b|"
    r"[^.;\n]{0,60}?,?\s+according to (?:\S+\s+){0,3}?" + _SPEAKER)
# The measure as a forecaster's case after it: "sees 25% US tariff on copper as base case".
# Or as likely: "sees US copper tariff as likely by year end".
_AS_CASE = re.compile(r"(?:\s+\S+){0,4}?\s+as (?:(?:a |the |its |their )?(?:base|central|main|likely) "
                      r"(?:case|scenario)|(?:increasingly |more |less )?(?:likely|unlikely|probable|inevitable))\b")
# A measure the market watches for as possible: "Copper traders eye possible Chilean royalty
# hike", "investors brace for a potential export tax".
_MARKET_EYES = re.compile(
    r"\b(?:traders?|investors?|markets?|analysts?|buyers?|funds?|miners?|producers?)\b(?:\s+\S+){0,2}?\s+"
    r"(?:eye|watch|brac|await|weigh|monitor|track|pric|ponder|mull)\w*(?:\s+(?:for|in|up))?\s+"
    r"(?:(?:a|an|the)\s+)?(?:possible|potential|likely|looming|mooted|rumou?red|prospect of)\s+(?:\S+\s+){0,2}$")
# A measure only said to be possible, headline style: "Rare earth curbs possible, says former
# official", "Indonesian nickel export tax unlikely" (not a state's word: "Beijing says curbs
# possible" is its threat).
_ON_CARDS = re.compile(r"\s+(?:(?:are|is|seen|still|now|looks?|appears?)\s+)?(?:possible|unlikely|"
                       r"(?:on|in) the cards|likely(?!\s+to\b))(?=[\s,.;:!?]|$)")
# An indefinite measure and what it would do: "What a Trump tariff on Chilean copper would mean
# for prices", "a 10% tariff would lift US copper prices" ("a tariff would take effect" is one
# announced).
INDEFINITE = re.compile(r"\b(?:a|an|any)\s+(?:\S+\s+){0,2}$")
_WOULD_DO = re.compile(
    r"(?:\s+\S+){0,5}?\s+(?:would|could|might)\s+(?:\S+\s+)?(?:mean|cost|hurt|lift|raise|boost|add|"
    r"push|drive|spur|reduce|damage|harm|help|backfire|benefit|disrupt|send|force|affect|change|"
    r"slow|squeeze|wipe|dent|smooth|stabili[sz]e|protect|shield|ease|lower|fix|solve|save|give)\b")
# The measure as what a forecast, a model or a bet is about, not an owned one ("modelled a 25%
# tariff", "BMI forecasts Chinese germanium export curbs", "bet on US duties", "positioning for
# US tariffs"); "expect China's export ban to hurt supply" names a real ban.
_FORECAST_OBJECT = re.compile(
    r"\b(?:forecasts?|forecasting|predicts?|predicted|predicting|modell?(?:ed|ing)|models?|"
    r"estimates?|estimating|bets? on|betting on|positioning for|positioned for|pric(?:es|ed|ing) in|"
    r"scenarios?(?: of| for|:)?|base case(?: of| for)?|what if)\s+"
    r"(?:(?:a|an|more|new|further|higher|fresh|possible|potential)\s+)?"
    r"(?:(?!(?:the|its|their|this|that|these|those|his|her|our)\b)[\w%.-]+\s+){0,3}$")
# A measure only as where something else might end: "a review that could end in tariffs",
# "a probe that may lead to duties" (the inquiry is the act; the measure is imagined).
_OUTCOME = re.compile(r"\b(?:could|might|may|would|can)\s+(?:\S+\s+)?(?:end|result|lead|culminate)\w*"
                      r"\s+(?:in|to)\s+(?:(?:new|higher|more|fresh|possible|further)\s+)?(?:\S+\s+){0,2}$")
# An act promised by a candidate or the opposition: they are no government ("if elected"
# alone is not enough: a sitting leader's or a former one's threat may be labelled a threat).
_CANDIDATE = re.compile(
    r"\b(?:candidates?|hopefuls?|challengers?|front-?runner|nominee|opposition(?= (?:\S+ )?(?:leader|party|"
    r"candidate|promis|pledg|vow))|campaign trail|(?:campaign|election) rally|told a rally|(?:on the )?stump)\b"
    r"[^.;\n]{0,50}?\b(?:promis\w*|pledg\w*|vow\w*|would|will|to)\s+(?:\S+\s+){0,5}$")
# Anywhere in the entry: someone named as running for office. In such an entry a measure named
# as a plan or a pledge ("what Trump's tariff plan means for copper", the summary calling him
# "the Republican candidate") is the candidate's. A promise verb or "if elected" in the entry
# is not enough: a labelled held-out entry counts such a promise as an act (docs/quality.md).
_MAKE_DEAL = re.compile(r"\b(?:sign|strike|seal|forge|reach|negotiat|conclud|secur)\w*\b")
_RUNNING = re.compile(r"\b(?:candidates?|nominees?|hopefuls?|front-?runners?|challengers?)\b")
_PROMISED_AFTER = re.compile(r"\s+(?:plans?|proposals?|pledges?|promises?)\b")
_IN_OFFICE = re.compile(r"(?<!former )(?<!ex-)\b(?:president|prime minister|premier|minister|chancellor|"
                        r"governor|government|administration|white house)\b")
# A measure named as what a market fears, bets or hopes on: "bets that tariffs could lift US
# prices", "battery makers fear a ban on Chinese graphite" (an owned one is real: "fear
# China's ban will last").
_HOPED_THAT = re.compile(r"\b(?:bets?|betting|fears?|feared|hopes?|hoped|worr(?:y|ies|ied)|concerns?|concerned|expectations?|"
                         r"speculation|wagers?) that (?:[\w%-]+ ){0,2}$")
_FEARED = re.compile(r"\b(?:fear|fears|feared|fearing|dread\w*|brac\w* for|worr\w* about|warn\w* of)\s+"
                     r"(?:a|an|any|new|more|further|fresh|possible|potential)\s+(?:\S+\s+){0,2}$")
_MODAL_AFTER = re.compile(r"(?:\s+\S+){0,4}?\s+(?:could|would|might|can)\b")
# A bare measure noun a non-state speaker says or wonders about, then a modal: "Researchers at
# Bruegel said duties on magnets would help", "economists argued over whether import duties
# could nurture mines" (not one said to start: "would take effect").
_SPEAKER_BARE = re.compile(_SPEAKER + r"(?:\s+\S+){0,4}?\s+" + _SAYS + r"(?: over| about)?"
                           r"(?: whether| that| if)?\s+(?:new |higher |more |further )?$")
# A bare measure in a question with a modal: "discusses whether export bans elsewhere could
# follow" (not an owned one: "whether China's ban would last").
_WHETHER = re.compile(r"\bwhether (?:(?:new|more|further|fresh|similar|higher)\s+)?(?:[\w-]+\s+)?$")
_STARTS = re.compile(r"\s+(?:take|took|taken|apply|applies|start|begin|kick|come|go|be imposed|be applied)\b")
# A measure as something a firm or a market calls a risk: "said Chinese export restrictions
# remained a risk"; a new or owned one is real ("China's new curbs are a threat to supply").
_AS_RISK = re.compile(r"(?:\s+[^\s,;.]+){0,3}?\s+(?:remain\w*|was|were|is|are|pose\w*|presents?|"
                      r"presented)\s+(?:a |an |the )?(?:\w+ )?(?:risks?|threats?|concerns?|worr(?:y|ies)|"
                      r"headwinds?|uncertaint(?:y|ies))\b")
_RISK_WORDS = ("risk", "threat", "concern", "worr", "headwind", "uncertain")
_NEWS_OWNED = re.compile(r"(?:\b(?:new|fresh|latest|its|their|the|this|these)|'s|’s)\s+(?:[\w-]+\s+)?$")


def _imagined(before: str, after: str) -> bool:
    """Whether a measure is only feared, bet or hoped on, called a risk, or a bare noun a
    non-state speaker muses on with a modal (see _HOPED_THAT, _FEARED, _AS_RISK, _SPEAKER_BARE)."""
    tail = before[-60:]
    if (" could " in tail or " might " in tail or " may " in tail or " would " in tail) and (
            _FEARED_MODAL.search(tail)):
        return True
    if ("speculat" in tail or "rumo" in tail or "chatter" in tail) and _TALK_OVER.search(tail) and (
            not _NEWS_OWNED.search(tail)):
        return True
    if ("possible" in tail or "potential" in tail) and _POSSIBLE.search(tail) and _SPEAKER_AFTER.match(after):
        return True
    if ("that " in tail and _HOPED_THAT.search(tail) and _MODAL_AFTER.match(after)) or (
            ("fear" in tail or "dread" in tail or "brac" in tail or "worr" in tail or "warn" in tail)
            and _FEARED.search(tail)):
        return True
    if any(w in after[:60] for w in _RISK_WORDS) and _AS_RISK.match(after) and not _NEWS_OWNED.search(tail):
        return True
    m = _MODAL_AFTER.match(after)
    if m and "whether" in tail and _WHETHER.search(tail) and not _STARTS.match(after, m.end()):
        return True
    return bool(m and not _STARTS.match(after, m.end()) and _SPEAKER_BARE.search(before[-120:]))


def _promised(low: str, start: int, t0: int, t1: int) -> bool:
    """Whether the entry names someone running for office and the trigger names the measure
    as a plan or pledge, with no sitting officer before it in its sentence ("President Biden,
    the Democratic nominee, ..." makes a sitting leader's plan)."""
    if not _PROMISED_AFTER.match(low, t1) or not _RUNNING.search(low):
        return False
    return not _IN_OFFICE.search(low, start, t0)


# Sport: a body of a game sanctions or bans a club, an athlete, fans ("FIFA sanctions Congo
# club", "swimmer sanctioned by anti-doping agency", "football federation bans nickel town club").
_SPORT = re.compile(
    r"\b(?:athletes?|doping|anti-doping|olympics|football|soccer|club|clubs|league|fifa|uefa|ioc|"
    r"federation|swimmers?|weightlifters?|players?|match-fixing|referees?|tournament|coach|"
    r"cricket|rugby|tennis|cyclists?|sprinters?)\b")
_STATE_BODY = re.compile(
    r"\b(?:treasury|ofac|government|ministry|minister|department|white house|commission|"
    r"washington|brussels|beijing|kremlin|sanctions list|entity list)\b")
# A company curbing its own output ("producers in Jiangxi curbed output for safety checks"),
# not one ordered to ("ordered producers to cut output").
_PRODUCERS = re.compile(
    r"\b(?:producers?|miners?|smelters?|refiners?|companies|firms|mills?|operators?|"
    r"mines)\b(?:\s+\S+){0,3}?\s+(?<!\bto )$")
_OWN_CUT = ("curb", "cut", "halt", "reduc", "slash", "trim", "suspend", "limit", "restrict")
# A stake, an offtake or a loan in a dispute between companies ("a copper offtake row").
_DISPUTE_AFTER = re.compile(r"\s*(?:rows?|disputes?|lawsuits?|suits?|litigation|fight|battle|"
                            r"arbitration|claims?)\b")


# A measure named only in the condition of an imagined outcome: "prices could rebound if China
# curbs output", "copper would jump if the US imposes tariffs". One the condition takes as given
# ("if Congo extends its export ban") exists.
_IMAGINED_IF = re.compile(r"\b(?:could|would|might|may)\b[^.;,:\n]{0,60}?\b(?:if|unless)\s+"
                          r"(?:[^\s,;:.]+\s+){0,3}$")
_GIVEN = re.compile(r"(?:\b(?:its|the|their|his|her|this|that|these|those)|'s|’s)\s+(?:[\w-]+\s+)?$")


# A power granted to act, not the act: "the rules also empower the industry ministry to set
# total output quotas", "a law giving the president the power to impose tariffs".
# Or an option held ("said Beijing had the option to limit exports", "has room to tighten").
_EMPOWERED = re.compile(r"\b(?:empower\w*|(?:the |new |broad )?powers? to|the authority to|"
                        r"(?:the |an |other )?options? (?:to|of)|(?:the )?(?:room|leeway|scope|ability) to)\s+(?:[^\s,;.]+\s+){0,4}?"
                        r"(?:to\s+)?(?:[^\s,;.]+\s+){0,3}$")
# ... but a power invoked or used is the act's means: "Trump invokes emergency powers to
# impose tariffs", "using its authority to".
_INVOKED = re.compile(r"\b(?:invok\w*|us(?:e|es|ed|ing)|exercis\w*|wield\w*|under|cit(?:e|es|ed|ing))\s+"
                      r"(?:[^\s,;.]+\s+){0,3}?(?:powers?|authority)\b")


def argued(low: str, type_id: str, t0: int, t1: int, start: int) -> bool:
    """Whether the trigger low[t0:t1] of type `type_id` in a sentence from `start` names a
    measure only expected, feared or forecast by the market, promised by a candidate, imposed
    by a sports body, or a company's own output cut."""
    near = low[max(0, t0 - 40): t0]
    if ("possib" in near or "potential" in near or "likely" in near or "loom" in near) and (
            _MARKET_EYES.search(low[max(start, t0 - 90): t0])):
        return True
    if _ON_CARDS.match(low, t1) and not _STATE_BODY.search(low, start, sentence_end(low, t1)):
        return True
    if type_id == "agreement":  # a deal a candidate would kill stands; one he would make is his pledge
        before = low[start: t0]
        return bool(_CANDIDATE_WORDS.search(before) and _CANDIDATE.search(before)
                    and _MAKE_DEAL.search(low, start, t1))
    if type_id not in _MEASURES:
        return False
    if type_id != "investment" and _MARKET_EXPECTS.search(low[max(0, t0 - 60): t0]):
        return True
    before, after = low[start: t0], low[t1: t1 + 100]
    if (_CANDIDATE_WORDS.search(before) and _CANDIDATE.search(before)) or _promised(low, start, t0, t1):
        return True
    if _imagined(before, after):
        return True
    if _MODAL_WORDS.search(before, len(before) - 50) and _OUTCOME.search(before[-50:]):
        return True
    if ("power" in before[-60:] or " to " in before[-60:]) and _EMPOWERED.search(before[-60:]) and (
            not _INVOKED.search(before[-60:])):
        return True
    if ("if " in before[-50:] or "unless " in before[-50:]) and _IMAGINED_IF.search(before[-90:]) and (
            not _GIVEN.search(before[-40:])):
        return True
    if type_id == "investment" and low[t0: t1].rstrip("s").endswith(("stake", "offtake", "loan")) and (
            _DISPUTE_AFTER.match(after)):
        return True
    if ("change" in before[-60:] or "shift" in before[-60:] or "continu" in before[-60:] or "turn" in before[-60:]) and (
            _EXPECTED_CHANGE.search(before[-130:])):
        return True
    if _ANTICIPATION.match(after) or _AS_CASE.match(after) or (
            _FORECAST_WORDS.search(before, len(before) - 90) and _FORECAST_OBJECT.search(before[-90:])) or (
            INDEFINITE.search(before[-40:]) and _WOULD_DO.match(after)):
        return True
    if _MODAL_WORDS.search(before, len(before) - 130) and not _KEPT.search(before[-60:]) and (
            _SPEAKER_MODAL.search(before[-130:]) or (
                _MODAL_BEFORE.search(before[-40:]) and not _stated(before) and (
                    _SPEAKER_AFTER.match(after) or (start == 0 and _SPEAKER_PREFIX.match(low))))):
        return True
    if type_id == "production_control" and low.startswith(_OWN_CUT, t0) and _PRODUCERS.search(before[-50:]):
        return True
    return bool(type_id in ("sanction", "export_control", "import_restriction")
                and _SPORT.search(low, max(start, t0 - 50), t1 + 50) and not _STATE_BODY.search(before))


# A measure a speaker says will be kept stands now: "analysts say Indonesia will keep its ban".
_KEPT = re.compile(r"\b(?:keep|keeps|kept|maintain\w*|retain\w*|uphold\w*)\s+(?:[\w'’-]+\s+){0,3}$")


def _stated(before: str) -> bool:
    """Whether the modal just before a trigger is in a reported word ("said it would") whose
    speaker is no analyst, trader or other non-state speaker."""
    tail = before[-80:]
    m = _SAID_WOULD.search(tail)
    return m is not None and not _ANY_SPEAKER.search(before[: len(before) - len(tail) + m.start()])


def sentence_start(low: str, t0: int) -> int:
    """Where the sentence holding t0 starts, searched at most _SENTENCE_REACH characters back."""
    lo = max(0, t0 - _SENTENCE_REACH)
    best = lo
    for sep in _SENTENCE_ENDS:
        i = low.rfind(sep, lo, t0)
        if i >= 0 and i + len(sep) > best:
            best = i + len(sep)
    return best


def sentence_end(low: str, t1: int, reach: int = 120) -> int:
    """Where the sentence holding t1 ends (sentence_start's separators), read at most `reach`
    characters on."""
    ends = [i for i in (low.find(sep, t1, t1 + reach) for sep in _SENTENCE_ENDS) if i >= 0]
    return min(ends) if ends else min(len(low), t1 + reach)
