"""Whom a measure is aimed at, named before it in its clause: where controlled exports go
("exports of gallium to the United States are not permitted"), a country qualifying it as its
sole aim ("a China-specific tariff"), and who bears it ("Canada Faces 25% US Tariff", "US Hits
China With Graphite Tariffs"); and whom an answer is aimed at, the owner of the act it answers
("China answers US tariff with curbs")."""

from __future__ import annotations

import re

from .vocab import Mention

# Where controlled exports go, named before the trigger in its clause: "exports of gallium to
# the United States are not permitted", "items shipped to Japan are banned". The destination
# is whom an export control hits, never who imposes it.
_DESTINATION = re.compile(
    r"\b(?:exports?|exported|shipments?|shipped|sales?|sold|supplies|supplied|deliveries)\b"
    r"[^,;:.]{0,60}?\s(?:to|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}$", re.I)
_DESTINATION_TYPES = frozenset(["export_control", "sanction"])
# A country qualifying the measure as its sole aim: "its US-only ban", "a China-specific tariff".
_ONLY_AIM = re.compile(r"-(?:only|specific|targeted|focused)\s+(?:[\w-]+\s+)?$", re.I)
# Who bears a measure, named before it as the subject of "face", "hit by", "brace for", "reel
# from" or "grapple with": "China faces new US tariffs", "Japan Hit By Chinese Rare Earth Export
# Ban" (not "faces pressure to lift its ban": a word of another act, a possessive or "to" stops it).
_BEARER_WORDS = r"(?:(?!(?:to|its|their|own|pressure|calls?|criticism|backlash|scrutiny|questions?|" \
                r"over|from|after|as|amid|and|or|but)\b)[\w%.$'’-]+\s+){0,4}"
_BEARS = re.compile(r"\s+(?:(?:now|also|could|may|might|will|would|to)\s+)?(?:faces?|faced|facing|"
                    r"(?:(?:is|are|was|were|gets?|got|being)\s+)?(?:hit|struck)\s+(?:by|with)|"
                    r"(?:brac(?:e|es|ed|ing)|prepar(?:e|es|ed|ing)|gird(?:s|ed|ing)?)\s+for|"
                    r"(?:reel(?:s|ed|ing)?|suffer(?:s|ed|ing)?)\s+from|grappl(?:e|es|ed|ing)\s+with)\s+"
                    + _BEARER_WORDS, re.I)
# The object of a verb hitting it with the measure: "US Hits China With Graphite Tariffs",
# "Beijing Targets US Firms With Rare Earth Curbs".
_HITS_BEFORE = re.compile(r"\b(?:hits?|hitting|slaps?|slapped|slapping|targets?|targeted|targeting|"
                          r"punish(?:es|ed|ing)?|strikes?|struck|striking)\s+(?:the\s+)?$", re.I)
_WITH_MEASURE = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+with\s+" + _BEARER_WORDS, re.I)


# An owner named before a country that names the measure ("Trump's China tariffs", "Trump-era
# China tariffs", "the Trump/Biden China tariffs"): that country is whom the measure hits.
_OWNED_BEFORE = re.compile(r"(?:'s|’s|-era|-led|/[A-Z][\w-]*)\s+\Z", re.I)


def aimed_before(text: str, type_id: str, span: tuple[int, int], h: Mention) -> bool:
    """Whether country h, named before a trigger of type `type_id` starting at span[1] in a
    clause starting at span[0], is whom the measure is aimed at."""
    clause_start, t0 = span
    if _ONLY_AIM.fullmatch(text, h.end, t0) or (
            text[h.end: t0].isspace() and _OWNED_BEFORE.search(text, max(0, h.start - 12), h.start)):
        return True
    if h.start < clause_start:
        return False
    return (type_id in _DESTINATION_TYPES and bool(
        _DESTINATION.search(text, max(clause_start, h.start - 90), h.start))) or _bears(
        text, t0, clause_start, h) or _listed(text, t0, clause_start, h)


# Firms a state puts on a list, named by their country: "China adds 15 US firms to its export
# control list", "Washington placed Chinese refiners on the entity list". The country is whom
# the listing hits, never who lists.
_LISTS = re.compile(r"\b(?:adds?|added|adding|puts?|putting|places?|placed|placing)\s+(?:[\w,-]+\s+){0,2}\Z", re.I)
_ON_LIST = re.compile(r"(?:\s+[\w-]+){1,3}\s+(?:to|on)\s+(?:(?:the|its|their|an?)\s+)?(?:[\w-]+\s+){0,2}", re.I)


def _listed(text: str, t0: int, clause_start: int, h: Mention) -> bool:
    """Whether country h names the firms a state adds to the list at t0."""
    return bool(_ON_LIST.fullmatch(text, h.end, t0)) and bool(
        _LISTS.search(text, max(clause_start, h.start - 30), h.start))


def _bears(text: str, t0: int, clause_start: int, h: Mention) -> bool:
    """Whether country h bears the measure at t0: the subject of "faces"/"hit by" ("Canada
    Faces 25% US Tariff") or the object of "hits ... with" ("US Hits China With Graphite
    Tariffs")."""
    return bool(_BEARS.fullmatch(text, h.end, t0)) or (
        bool(_WITH_MEASURE.fullmatch(text, h.end, t0))
        and bool(_HITS_BEFORE.search(text, max(clause_start, h.start - 16), h.start)))


# Measures aimed at no country: a state's money goes to a recipient ("awarding $35 million to the
# US unit of British BAE"), an output quota binds its own producers.
UNAIMED = frozenset(["investment", "production_control"])
# A reason, a condition or another clause opened after a measure's trigger: a country past it
# belongs to that clause once the measure has a target ("sanctions targeting Russia over its war
# against Ukraine", "sanctions if North Korea sells arms to Russia", "a ban on Russian uranium
# as lawmakers add pressure on Moscow"), not to the measure.
# "as" opens a clause, not a role ("seen as a win", "such as", "as part of", "as well as").
_REASON = re.compile(r"\b(?:over|because|(?<!such )(?<!seen )as(?! (?:a|an|part|well|much|many|of|to|long|soon|"
                     r"far)\b)|amid|after|since|while|though|although|if|unless|in (?:response|retaliation))\b",
                     re.I)


_REASON_REACH = 400  # characters after a trigger searched for a reason word


def reason_after(text: str, end: int, stop: int) -> int:
    """Where the first reason, condition or clause word after a trigger ending at `end` stands
    (before `stop`), else `stop`: a country past it is no target once one is found."""
    m = _REASON.search(text, end, min(stop, end + _REASON_REACH))
    return m.start() if m else stop


# A word of the goods between a country inside an import measure's words and the measure's own
# last word ("bans Russian aluminium imports", "raises Chinese steel tariffs", "hits US goods
# with duties"); a country right before that last word is where goods go or whose measure it is
# ("a ban on US imports", "raises US tariffs", "shut out of the US market").
_GOODS_AFTER = re.compile(r"[\s,]+[\w-]+\b.*\s\S+", re.S)


def origin_inside(text: str, trigger: tuple[int, int], h: Mention) -> bool:
    """Whether country h, inside an import measure's trigger and before a word naming the goods,
    names where they come from: whom the measure hits."""
    return trigger[0] < h.start and h.end < trigger[1] and _GOODS_AFTER.fullmatch(text, h.end, trigger[1]) is not None


# Goods named by where they are made, after an import measure: "a surtax on electric vehicles
# made in China", "duties on aluminium smelted in Russia": the place is whom the measure hits.
_MADE_IN = re.compile(r"\b(?:made|produced|manufactured|mined|refined|processed|smelted|assembled|"
                      r"originating|sourced)\s+in\s+(?:the\s+)?\Z", re.I)


def made_in(text: str, start: int) -> bool:
    """Whether the country mention starting at `start` follows "made in" or the like."""
    return _MADE_IN.search(text, max(0, start - 30), start) is not None


# Goods sent to a country, named before an import measure in its clause: "Chinese graphite
# exports to the US face 25% tariffs", "cars exported from the UK to the EU will face tariffs".
# The country they go to imposes the measure; the others named there send them (its targets).
_SENT_TO = re.compile(r"\b(?:exports?|exported|shipments?|shipped|sales|sold|deliveries|delivered)\b"
                      r"[^,;:.]{0,60}?\s(?:to|into)\s+(?:the\s+)?\Z", re.I)


def importer(text: str, span: tuple[int, int, int], countries: list[Mention],
             labels: frozenset[int]) -> tuple[str, list[str]] | None:
    """(importer, senders) of an import measure whose trigger spans span[1:] in a clause from
    span[0], when its clause names where the goods go before it; not for a duty on exports."""
    c0, t0, t1 = span
    if "export" in text[t0: t1].lower():
        return None
    before = [h for h in countries if c0 <= h.start < t0]
    dest = [h for h in before if _SENT_TO.search(text, max(c0, h.start - 80), h.start)]
    if not dest:
        return None
    to = dest[-1].ident or ""
    return to, [h.ident or "" for h in before if h.ident != to and (h.start in labels or h.start < dest[-1].start)]


# A measure told as the answer to another's: "China answers US tariff with curbs", "Beijing hit
# back at Washington's chip controls by banning ...", "In response to US chip curbs, China
# banned ...". Whom the answer is aimed at is the earlier act's owner, named after the verb.
_ANSWER_WORDS = ("answer", "retaliat", "hit back", "hits back", "hitting back", "respon",
                 "strik", "struck", "counter", "repl")
_ANSWERS = re.compile(
    r"\b(?:answer(?:s|ed|ing)?|counter(?:s|ed|ing)?|retaliat(?:e|es|ed|ing|ion)(?: against| for| to)?|"
    r"(?:hit|hits|hitting|strikes?|striking|struck) back(?: at| against)?|respond(?:s|ed|ing)? to|"
    r"(?:in )?response to|repl(?:y|ies|ied) to)\b", re.I)
_ANSWER_MEANS = re.compile(r"\b(?:with|by|through|via)\b|,", re.I)  # what the answer is made with


def answered(text: str, start: int, t0: int, countries: list[Mention]) -> tuple[str | None, str] | None:
    """(who answers, whom) when the trigger at t0 is told as the answer to another's act
    named after an answering verb in the sentence from `start`; who answers is the country
    before the verb, else the first after the earlier act's clause ("In response to US chip
    curbs, China banned ...")."""
    before = text[start:t0].lower()
    if not any(w in before for w in _ANSWER_WORDS):
        return None
    m = _ANSWERS.search(text, start, t0)
    if m is None:
        return None
    whom = next((h for h in countries if m.end() <= h.start < t0), None)
    if whom is None or not _ANSWER_MEANS.search(text, whom.end, t0):
        return None  # the trigger is the earlier act itself: "China retaliates against US tariffs"
    who = next((h.ident for h in reversed(countries) if start <= h.start < m.start()), None)
    if who is None:
        comma = text.find(", ", whom.end, t0)
        who = next((h.ident for h in countries if comma >= 0 and comma < h.start < t0), None)
    return (who, whom.ident or "") if who != whom.ident else None


# Measures whose owner named right before them ("US chip export controls", "Washington's
# tariffs", "the Netherlands' export curbs", "US-led restrictions") are aimed at the one other
# country a sentence names only as a preposition's object or a company's home ("for China",
# "Chinese chipmaker plans listing after clearing US export controls"). One named as a clause's
# subject is as often a bystander or a critic ("Japan warns as China tightens controls", "the EU
# is considering challenging US tariffs"); one "at" names a venue ("met at the Argentine Embassy").
OWNED_AIMED = ("export_control", "tariff", "import_restriction")
_OWNER_NEXT = re.compile(r"(?:'s|’s|'|’|-led|-backed|-imposed)?\s+(?:(?!(?:to|and|or|of|for|on|in|with|by|as|at|"
                         r"is|are|was|were|has|have|had|will|would)\b)[\w-]+\s+){0,2}", re.I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|against|to|from|for|of|in|with|into)\s+(?:the\s+)?\Z", re.I)


def implied(text: str, countries: list[Mention], actor: str,
            trig: tuple[str, str, int, int, int, int, bool], labels: frozenset[int]) -> tuple[str, ...]:
    """Whom a measure with no stated target is aimed at, from its sentence's other countries;
    `trig` is a roles.Trigger (type, kind, start, ...)."""
    type_id, t0 = trig[0], trig[2]
    if type_id == "sanction":
        return one_other(text, countries, actor)
    if not any(h.ident == actor and h.end <= t0 and _OWNER_NEXT.fullmatch(text, h.end, t0) for h in countries):
        return ()
    others = [h for h in countries if h.ident != actor]
    if not others or not all(h.start in labels or _PREPOSITION_BEFORE.search(
            text, max(0, h.start - 20), h.start) for h in others):
        return ()
    return one_other(text, countries, actor)


# The words of a retaliation whose object is another's act: "China hit back at US tariffs",
# "restricted graphite in retaliation for Washington's chip controls", "In response to US chip
# curbs, China banned ...". The act answered was aimed at whoever answers it (not "responds to
# calls", not "Japan will respond to China's curbs": a reply need not be a retaliation).
_RETALIATION = re.compile(
    r"\b(?:retaliat(?:e|es|ed|ing|ion|ory)(?:\s+(?:against|for|to|over|at))?|"
    r"(?:hit|hits|hitting|strikes?|striking|struck)\s+back(?:\s+(?:at|against))?|"
    r"in\s+(?:response|retaliation|reply)\s+(?:to|for))\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?\Z", re.I)
_ANSWER_REACH = 60  # characters before a trigger where its retaliation words may stand


def answerer(text: str, sentence: tuple[int, int], t0: int, countries: list[Mention],
             labels: frozenset[int]) -> str | None:
    """Who retaliates against the act whose trigger starts at t0: the country named before the
    retaliation words, else the first after the comma closing a fronted answer ("In response
    to US chip curbs, China banned ..."), never a company's home."""
    s0, s1 = sentence
    m = _RETALIATION.search(text, max(s0, t0 - _ANSWER_REACH), t0)
    if m is None or any(c in text[m.start(): t0] for c in ",;:"):
        return None
    named = [h for h in countries if s0 <= h.start < m.start() and h.start not in labels]
    if named:
        return named[-1].ident
    comma = text.find(", ", t0, s1)
    return next((h.ident for h in countries if comma >= 0 and comma < h.start < s1
                 and h.start not in labels), None)


_PARTNER = re.compile(r"\s*(?:,|and|&|or|,\s*and)\s*(?:the\s+)?")  # "Japan and the Netherlands"


def one_other(text: str, countries: list[Mention], actor: str) -> tuple[str, ...]:
    """The one country a sentence names besides the actor of a sanction with no stated target:
    whom it is aimed at ("sanctions on the Wagner group's mining ... Putin's forces"); none
    when it is listed with the actor ("curbs by Japan and the Netherlands", "the United
    States, Canada and Britain") or when more than one is named. Not for export controls: the
    other country named there is as often a bystander ("Japan warns as China tightens
    controls"), and a wrong target splits one act in two."""
    side = [h for h in countries if h.ident == actor]
    rest = [h for h in countries if h.ident != actor]
    grew = True
    while grew:  # a list grows from the actor: "A, B and C"
        listed = [h for h in rest if any(_PARTNER.fullmatch(
            text, min(a.end, h.end), max(a.start, h.start)) for a in side)]
        side += listed
        rest = [h for h in rest if h not in listed]
        grew = bool(listed)
    others = {h.ident for h in rest if h.ident}
    return (others.pop(),) if len(others) == 1 else ()
