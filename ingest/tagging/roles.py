"""Who acts and who is targeted, from word order around the trigger."""

from __future__ import annotations

import re
from typing import NamedTuple

from .agents import passive_to, sent_from
from .aims import UNAIMED, aimed_before, answered, answerer, importer, made_in, origin_inside, reason_after
from .anaphora import opposed
from .asides import own_as_clause, placed
from .bans import ORIGIN_GAP, origin_before, origin_from
from .origin import goods_owner
from .sentences import Sentence
from .signals import title_case
from .titles import rubric_end
from .vocab import Mention

# These run on " " + lower-cased text, so a leading \W stands for a word boundary.
_OBJECT_PREP = re.compile(r"\W(?:on|against|to|from|for|of)\s+(?:the\s+)?$")
# Before a place ("the war in Ukraine"): a country named there is the scene, not a subject.
_OBJECT_OR_PLACE = re.compile(r"\W(?:on|against|to|from|for|of|in)\s+(?:the\s+)?$")
_BY_AGENT = re.compile(r"\Wby\s+(?:the\s+)?$")  # on the text as written: "by", not "By"

_TARGET_PREP = re.compile(
    r"\W(?:on|against|to|from|targeting|targeted at|aimed at|toward|towards|for|with|into)\s+"
    r"(?:the\s+|a\s+)?(?:[^\s:;,]+\s+){0,3}$")  # not across a headline's colon or a comma
# A country owning the measure: "Beijing's curbs", "China's new export controls".
# Not across a preposition: in "Washington's tariffs by restricting exports" the owner's measure
# is the tariffs, the curbs are another's.
# An owner's change of its measure owns the measure: "Beijing's sweeping expansion of rare earth
# export controls".
_POSSESSIVE = re.compile(r"^(?:'s|’s|')\s+(?:(?:(?!(?:by|for|with|after|against|over|in|at)\b)[\w-]+\s+){0,3}|"
                         r"(?:[\w-]+\s+){0,2}(?:expansion|widening|tightening|extension|broadening|"
                         r"escalation|overhaul|easing|loosening|suspension|pause|renewal)\s+of\s+"
                         r"(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,3})$", re.I)
# The subject of a gerund naming the act: "a rebuke of Beijing for announcing the curbs",
# "criticised China for restricting exports", "accused Jakarta of banning ore exports" (the
# gerund being the trigger itself: the gap ends at "for" or "of").
_GERUND_SUBJECT = re.compile(r"^(?:'s)?\s+for\s+[a-z]+ing\s+(?:\S+\s+){0,3}$")
_BEFORE_GERUND = re.compile(r"^(?:'s)?\s+(?:for|of)\s+$")
_GERUND = re.compile(r"[a-z]+ing\b")
# A measure owned through "its": "consultations with Indonesia at the WTO over its ban".
_ITS = re.compile(r"\bits\s+(?:[\w-]+\s+){0,3}$", re.I)
# The agent of a reduced relative after a noun trigger: "the export controls China announced".
_RELATIVE_AGENT = re.compile(r"^\s+(?:that\s+|which\s+)?$")
_AGENT_VERB = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:announced|imposed|introduced|unveiled|placed|put|slapped|"
    r"adopted|issued|set|rolled out|tightened|expanded|extended)\b")
# A country speaking: "MOFCOM said", "Beijing announced that".
# (either case: a title-case headline capitalises its reporting verb, "..., Manila Says")
_SPEAKER = re.compile(r"\s+(?:has\s+)?(?:said|says|announced|stated|declared|confirmed|decided)\b", re.I)
# A speaker named after the report: "..., says Jakarta", "... - China says" is `speaks`.
_SAID_BY = re.compile(r"[,:–—-]\s*(?:says|said|according to|announces|confirms)\s+(?:the\s+)?\Z", re.I)
# "European" goods, the EU's trade: "tariffs on European steel" (the vocabulary has no "Europe").
_EUROPEAN = re.compile(
    r"\W(?:on|against|from|targeting|toward|towards|to)\s+(?:the\s+)?(?:\S+\s+){0,2}?"
    r"(?:european|europe)\b")
# Measures on what comes in: goods named by their origin before the trigger are its target.
_IMPORT_TYPES = frozenset(["tariff", "import_restriction"])
_EU = "EU"
# A country followed by its institution acts ("US House", "EU Commission").
_INSTITUTION = re.compile(
    r"\s+(?:House|Senate|Congress|Parliament|government|Government|lawmakers|Lawmakers|officials|"
    r"Officials|ministry|Ministry|Treasury|Commerce|administration|Administration|President|"
    r"president|Commission|Council|regulators?|Regulators?|authorities|Authorities)\b")
# Words between a country and its trigger that keep it the trigger's subject or owner: no
# preposition, conjunction, relative word or punctuation of another clause.
_BARE_GAP = re.compile(
    r"^(?:\s+(?!(?:on|of|to|for|from|with|against|as|and|or|but|that|which|who|after|before|"
    r"while|when|over|in|at|by|about|than|if|because|since|amid|through|via|under|into|"
    r"across|between|among|during|target|targets|targeting)\b)[\w$-]+)*\s+$", re.I)
# Two modifiers joined by "and" between a country and its measure: "US steel and aluminum tariffs".
_PAIRED_MODIFIERS = re.compile(r"^\s+[a-z][\w-]*\s+and\s+[a-z][\w-]*\s+$")
_NEXT_TO_WORDS = 4
# A country right before its trigger owns it even as a preposition's object: "a challenge
# against European Union sanctions", "retaliation for US tariffs" (the whole phrase is the object).
_OWNER_GAP = re.compile(r"^\s+$")
_VERB_GAP = re.compile(r"^\s+(?:(?:has|have|had|will|would|to)\s+)?[a-z]+(?:s|ed)\b", re.I)
# A country leading or backing the measure: "US-led export restrictions", "a Beijing-backed fund".
_LED_BY = re.compile(r"^-(?:led|backed|imposed|sponsored|funded|run|driven|era)\s+(?:[\w-]+\s+){0,2}$", re.I)
# The lender of an investment, named after it: "investment from UK Infrastructure Bank", "a
# grant from Biden's DOE", "loans by the Japanese state bank".
_LENDER_BEFORE = re.compile(r"\W(?:from|by)\s+(?:the\s+)?$")
_LENDER_REACH = 4  # words after an investment trigger where its lender may be named
_HEADLINE_HALVES = re.compile(r":\s|\s[-–—|]\s")  # "Curb on X: China's ...", "... - China's"
# From a trigger to the country opening the headline's second half: "ban: Congo".
_AFTER_COLON = re.compile(r"[^:;]{0,40}:\s+(?:the\s+)?")
_SUBJECT_VERB = re.compile(r"\s+(?:(?:has|have|had|will|to)\s+)?[a-z]+(?:s|ed)\b", re.I)
_INTO = re.compile(r"\Winto\s+(?:the\s+)?$")
_AFTER_REACH = 6  # words after a trigger where its actor may be named when all before are targets
_TARGET_REACH = 15  # words after a trigger its target may come ("tariffs on steel from China")
_NOUN_LIST = re.compile(r"^\s+(?:[a-z][\w-]*\s+){1,3}(?:and|or)\s+$")  # "Russian banks and Chinese"
_LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$")  # "China, Germany and Canada"
# Sanctions of a bloc that is no country: "western sanctions", "international sanctions".
# A country named as a time landmark ("post-Brexit tariffs", "pre-war sanctions") owns no
# measure and is aimed at by none.
_LANDMARK = re.compile(r".{0,5}\b(?:(?:post|pre)-[A-Z]|brexit\b)", re.I)  # "Brexit tariff rules": an event
# A measure named as the circumstance of another act ("China is snapping up chip tools amid
# export controls"): the clause's subject is not its actor; only an owner next to it is.
_CIRCUMSTANCE = re.compile(r"\b(?:amid|amidst|despite)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$")
_COLLECTIVE = re.compile(r"\b(?:western|international|multilateral|allied)\s+$", re.I)


class Trigger(NamedTuple):
    """A trigger's type and kind, its span and its clause, in article offsets."""

    type_id: str
    kind: str
    start: int
    end: int
    clause_start: int
    clause_end: int
    background: bool = False  # in a clause about an earlier act ("after China imposed curbs")

def _by_agent(text: str, sent: Sentence, h: Mention) -> bool:
    """Whether "by" (or "by the") right before the country makes it a passive's agent; a
    title-case headline writes it "By" ("Gallium Shipments To US Banned By China")."""
    before = " " + text[max(sent.start, h.start - 12): h.start]
    return bool(_BY_AGENT.search(before.lower() if sent.start == 0 and title_case(sent.text) else before))


def roles(trig: Trigger, sent: Sentence, countries: list[Mention], labels: frozenset[int],
          text: str, goods: list[Mention] | None = None) -> tuple[str | None, tuple[str, ...]]:
    """(actor, targets) of a trigger.

    Targets follow the trigger after a preposition ("tariffs on China"); a sanction's are
    whoever it names after it ("sanctioned Russian businessmen"). The actor is the agent of a
    passive ("restricted by Beijing"), the owner ("Beijing's curbs"), the subject of the act
    ("the curbs China announced"), else a country named before the trigger, preferably in its
    own clause, never one that only labels a company, and not the object of a preposition
    unless nothing else fits. Meetings and agreements have parties, not an actor.
    """
    if trig.kind in ("meeting", "agreement"):
        return None, ()
    t0 = trig.start
    rubric = rubric_end(text, sent.start)  # a headline rubric's countries ("Ukraine Latest:") act on nothing
    countries = [h for h in countries if h.start >= rubric and (text.find("-", max(0, h.start - 5), h.end) < 0
                 and text[h.start] not in "Bb" or not _LANDMARK.match(text, max(0, h.start - 5), h.end))]
    origins = _origins(trig, countries, goods or [], text) if trig.type_id in _IMPORT_TYPES else []
    if trig.type_id in _IMPORT_TYPES and (sent_to := importer(  # unless an owner is named
            text, (trig.clause_start, t0, trig.end), countries, labels)) and not _named_actor(
            trig, sent, countries, labels, text):
        return sent_to[0], tuple(dict.fromkeys([*sent_to[1], *(o for o in origins if o != sent_to[0])]))
    targets = _targets(trig, sent, countries, text, labels) + origins
    if not countries:
        return None, tuple(targets)
    if trig.type_id == "sanction" and collective(text, sent.start, t0):
        named = {h.ident or "" for h in countries if h.start not in labels}
        return None, tuple(targets or (named if len(named) == 1 else ()))
    actor = _named_actor(trig, sent, countries, labels, text) or goods_owner(
        trig.type_id, t0, countries, goods or [], text) or _next_to(
        trig, sent, [h for h in countries if h.ident not in origins], labels, text, targets)
    if actor is None and (_CIRCUMSTANCE.search(text, max(sent.start, t0 - 40), t0)
                          or own_as_clause(text, sent.start, t0, countries)):
        return None, () if trig.type_id in UNAIMED else tuple(dict.fromkeys(t for t in targets if t))
    if trig.kind == "measure" and (not targets or actor in targets) and (
            answer := answered(text, sent.start, t0, countries)):
        actor, targets = answer[0] or actor, [answer[1], *targets]  # "China answers US tariff with curbs"
    actor = actor or _subject(countries, targets, labels, text, sent, t0, trig.clause_start)
    if actor is None and len({h.ident for h in countries}) == 1 and not targets and (
            countries[0].start < trig.clause_end) and not _home_of(text, countries[0], labels):
        actor = countries[0].ident  # not one named in a later clause ("..., although Washington says")
    if actor is None:
        prior = [h.ident for h in countries if h.start < t0 and h.ident not in origins and not opposed(text, h)
                 and not (h.ident in targets and _object(text, sent, h)) and not placed(text, h)
                 and not _home_of(text, h, labels)]
        after = [h.ident for h in countries if h.start >= t0 and h.ident not in origins and (
            origins or _after_in_clause(trig, text, sent, h) and h.ident not in targets)]
        actor = prior[0] if prior else after[0] if (origins or targets) and after else None
    if trig.kind == "measure" and (who := answerer(text, (sent.start, sent.end), t0, countries, labels)):
        targets = [*targets, who]  # "China hit back at US tariffs": the tariffs hit China
    return actor, () if trig.type_id in UNAIMED else tuple(dict.fromkeys(t for t in targets if t and t != actor))


def _after_in_clause(trig: Trigger, text: str, sent: Sentence, h: Mention) -> bool:
    """Whether country h, a few words after the trigger in its sentence and no preposition's
    object, may be who acts when all named before are its targets ("Graphite from China will
    face 93.5% duties after a Commerce Department ruling")."""
    return (trig.end <= h.start < sent.end and not _object(text, sent, h)
            and len(text[trig.end: h.start].split()) <= _AFTER_REACH)


def collective(text: str, start: int, t0: int) -> bool:
    """Whether the trigger at t0 is a bloc's that names no country ("Western sanctions"): the
    countries around it are whom it hits ("Russia has weathered western sanctions")."""
    return bool(_COLLECTIVE.search(text, max(start, t0 - 20), t0))


def lead_actor(sent: Sentence, countries: list[Mention], labels: frozenset[int],
               text: str) -> str | None:
    """The country a headline makes its subject (not its rubric's, a company's label nor a preposition's
    object: "Tungsten West warns ... to secure UK permits"): who acts where a sentence names none."""
    return _subject([h for h in countries if rubric_end(text, sent.start) <= h.start < sent.end], [], labels,
                    text, sent, sent.end, sent.start)


def _origins(trig: Trigger, countries: list[Mention], goods: list[Mention], text: str) -> list[str]:
    """Countries naming where the goods of an import measure come from ("Russian uranium
    import ban", "Chinese graphite tariffs", "bans Russian aluminium imports"): its targets,
    not its actor."""
    return [h.ident or "" for h in countries if origin_inside(text, (trig.start, trig.end), h) or origin_before(
        text, trig.start, h) or origin_from(text, trig.start, h, goods) or any(
        g.start - h.end in ORIGIN_GAP and (0 <= trig.start - g.end <= 20 or trig.end <= h.start < trig.clause_end)
        for g in goods)]


def _targets(trig: Trigger, sent: Sentence, countries: list[Mention], text: str,
             labels: frozenset[int] = frozenset()) -> list[str]:
    """The countries a measure is aimed at; a list of targets goes on through the entities each
    names ("sanctioned Russian aluminium producers and Chinese traders")."""
    t0 = trig.start
    low_after = " " + text[trig.end: trig.clause_end].lower()
    targets = [h.ident or "" for h in countries
               if sent.start <= h.start < t0 and aimed_before(text, trig.type_id, (
                   trig.clause_start, t0), h)]
    last_end, reason = -1, -1  # where a reason word after the trigger stands, sought when needed
    for h in countries:
        if h.start < t0 or _by_agent(text, sent, h):
            continue
        hit = trig.type_id == "sanction" and _named_after(trig, h, text, countries) and not any(
            c in text[trig.end: h.start] for c in ",;:")  # "sanctions Guatemalan officials"
        if targets and reason < 0:
            reason = reason_after(text, trig.end, sent.end)
        if (_INSTITUTION.match(text, h.end) and not hit) or (bool(targets) and h.start > reason) or (
                trig.type_id in _IMPORT_TYPES and _INTO.search(
                " " + text[max(sent.start, h.start - 12): h.start].lower())):
            continue  # "for US House vote", "imports into the US": who acts, not a target
        if (last_end >= 0 and (_LIST_GAP.match(text[last_end: h.start]) or h.start in labels and _NOUN_LIST.match(
                text[last_end: h.start])) and not _SPEAKER.match(text, h.end)) or (
                len(text[trig.end: h.start].split()) <= _TARGET_REACH and (_TARGET_PREP.search(
                    " " + text[max(sent.start, t0): h.start].lower()) or (
                    trig.type_id in _IMPORT_TYPES and made_in(text, h.start)))) or (
                trig.type_id == "sanction" and _named_after(trig, h, text, countries)):
            targets.append(h.ident or "")
            last_end = h.end
    if trig.kind == "measure" and _EUROPEAN.search(low_after):
        targets.append(_EU)
    return targets


def speaks(text: str, end: int) -> bool:
    """Whether the country mention ending at `end` is the subject of a reporting verb
    ("..., Jakarta said", "MOFCOM announced that")."""
    return bool(_SPEAKER.match(text, end))


def said_by(text: str, start: int) -> bool:
    """Whether the country mention starting at `start` is the speaker of a report put after it
    ("Ban on nickel ore exports from January, says Jakarta")."""
    return bool(_SAID_BY.search(text, max(0, start - 24), start))


def owns(text: str, end: int) -> bool:
    """Whether the country mention ending at `end` is a possessor ("China's tech war")."""
    return text.startswith(("'s ", "’s "), end)


def opens_second_half(text: str, end: int, h: Mention) -> bool:
    """Whether country h, after a headline's colon that follows a trigger ending at `end`, is
    the subject of the half it opens ("Cobalt export ban: Congo extends halt"): the topic
    before the colon is its act."""
    return bool(_AFTER_COLON.fullmatch(text, end, h.start)) and bool(_SUBJECT_VERB.match(text, h.end))


def _named_after(trig: Trigger, h: Mention, text: str, countries: list[Mention]) -> bool:
    """Whether a sanction names country h as whom it hits: just after it, in its clause, and
    not also named before it ("sanctioned Russian businessmen", "UK sanctions ... British")."""
    return (h.start < trig.clause_end and len(text[trig.end: h.start].split()) <= 3
            and not any(o.ident == h.ident and o.start < trig.start for o in countries))


def _named_actor(trig: Trigger, sent: Sentence, countries: list[Mention], labels: frozenset[int],
                 text: str) -> str | None:
    """The actor a construction names outright: a passive's agent, an owner, a subject."""
    t0 = trig.start
    for h in countries:
        if h.start <= t0 and trig.end <= h.end:
            return h.ident  # the trigger names the state's own act: "the Inflation Reduction Act"
    if (its := _ITS.search(text, sent.start, t0)) and (owner := _its_owner(
            [h for h in countries if sent.start <= h.start and h.end <= its.start()], labels, text)
            or next((h.ident for h in countries if trig.end <= h.start < sent.end
                     and _SPEAKER.match(text, h.end)), None)):
        return owner  # "... over its ban"; "Alongside its ban on ..., China said"
    for h in reversed([h for h in countries if h.start < t0 and h.start >= sent.start]):
        gap = text[h.end: t0]
        if _POSSESSIVE.match(gap) or _GERUND_SUBJECT.match(gap) or _LED_BY.match(gap) or (
                _BEFORE_GERUND.match(gap) and _GERUND.match(text, t0)):
            return h.ident
    for h in countries:
        if trig.end <= h.start < trig.clause_end and not _home_of(text, h, labels) and (
                _by_agent(text, sent, h) and (
                len(text[trig.end: h.start].split()) <= 4 or passive_to(text, trig.end, h.start))
                or sent_from(text, trig.type_id, trig.end, h.start)):
            return h.ident  # "restricted for export by Beijing", "duties ... were raised to 50% by the US"
    if trig.type_id == "investment" and (lender := _lender(trig, countries, text)):
        return lender
    for h in countries:
        if trig.end <= h.start < sent.end and owns(text, h.end) and _HEADLINE_HALVES.search(
                text, trig.end, h.start):
            return h.ident  # "Curb on graphite export: China's tech war intensifies"
        if sent.start == 0 and opens_second_half(text, trig.end, h):
            return h.ident  # "Cobalt export ban: Congo extends halt"
        if trig.end <= h.start < sent.end and said_by(text, h.start):
            return h.ident  # "Ban on nickel ore exports from January, says Jakarta"
    for h in countries:
        if trig.end <= h.start < trig.clause_end and _RELATIVE_AGENT.match(
                text[trig.end: h.start]) and _AGENT_VERB.match(text, h.end):
            return h.ident  # "the export controls China announced"
    before = [h for h in countries if sent.start <= h.start < t0]
    for i, h in enumerate(before):
        listed = i > 0 and _LIST_GAP.match(text[before[i - 1].end: h.start])  # "US and UK said"
        if _SPEAKER.match(text, h.end) and not listed and all(
                o.ident == h.ident or _object(text, sent, o) for o in before[i + 1:]):
            # "MOFCOM said ... products would require export licences"; a later country may be a
            # preposition's object ("Beijing announced tariffs on American coal and said ...")
            return h.ident
    return None


def _home_of(text: str, h: Mention, labels: frozenset[int]) -> bool:
    """Whether `h` names the home of companies a common noun after it names ("by Chinese groups"),
    not a capitalised word that may open a feed's next sentence ("by China Follow our blog")."""
    return h.start in labels and text[h.end: h.end + 40].lstrip()[:1].islower()


def _its_owner(before: list[Mention], labels: frozenset[int], text: str) -> str | None:
    """Whom "its" points back to: the country named last before it ("the EU asked Indonesia to
    drop its ban"), unless that one only labels a company ("Chinese miner CMOC said its")."""
    named = [h for h in before if not opposed(text, h)]
    return named[-1].ident if named and named[-1].start not in labels else None


def _lender(trig: Trigger, countries: list[Mention], text: str) -> str | None:
    """The country an investment's money comes from, named after the trigger word ("secures
    investment from UK Infrastructure Bank"): it invests, whoever receives the money."""
    for h in countries:
        if (trig.start < h.start < trig.clause_end
                and len(text[trig.end: h.start].split()) <= _LENDER_REACH
                and _LENDER_BEFORE.search(" " + text[max(trig.start, h.start - 12): h.start].lower())):
            return h.ident
    return None


def _next_to(trig: Trigger, sent: Sentence, countries: list[Mention], labels: frozenset[int],
             text: str, targets: list[str]) -> str | None:
    """A country just before the trigger, joined to it by a verb or modifiers only: the subject
    of the verb whose object it is ("as China tightens export controls") or the owner it
    modifies ("the U.S. Inflation Reduction Act"). Sanctions are as often named by their
    target ("new Russia sanctions"): for them only a verb's subject ("the EU adopts sanctions"),
    or an owner when another country is named as their target ("EU sanctions over ... Russia")."""
    for h in reversed(countries):
        if h.start >= trig.start or h.start < sent.start:
            continue
        gap = text[h.end: trig.start]
        if trig.type_id == "sanction" and not _VERB_GAP.match(gap) and (
                not targets or h.ident in targets):
            return None
        if h.start in labels or len(gap.split()) > _NEXT_TO_WORDS or not (
                _BARE_GAP.match(gap) or _PAIRED_MODIFIERS.match(gap)) or (
                not _OWNER_GAP.match(gap) and _OBJECT_PREP.search(
                    " " + text[max(sent.start, h.start - 12): h.start].lower())):
            return None
        return h.ident
    return None


def _object(text: str, sent: Sentence, h: Mention) -> bool:
    """Whether country h is a preposition's object or a place ("exports to the US", "in China")."""
    return bool(_OBJECT_OR_PLACE.search(" " + text[max(sent.start, h.start - 30): h.start].lower()))


# A verb whose object does what its infinitive says: "China presses Japan to ease its curbs",
# "urged Washington to lift tariffs": the act is the object's, not the subject's; so is the plan
# the object is pressed over ("China lobbies the EU over a proposal to punish ...").
_CONTROL_VERB = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|push(?:es|ed|ing)?|ask(?:s|ed|ing)?|"
    r"call(?:s|ed|ing)? on|pressur(?:e|es|ed|ing)|lobb(?:y|ies|ied|ying)|persuad(?:e|es|ed|ing)|"
    r"tell(?:s|ing)?|told|implor(?:e|es|ed|ing)|expect(?:s|ed|ing)?|want(?:s|ed|ing)?)\s+(?:the\s+)?$", re.I)
_INFINITIVE_AFTER = re.compile(
    r"^\s+(?:(?:over|on|about|against)\s+(?:(?:a|an|the|its|their)\s+)?(?:\w+\s+)?"
    r"(?:proposals?|plans?|bid|moves?|push)\s+)?to(?:\s+[a-z]+\b|\s*$)", re.I)


def _controlled(text: str, sent: Sentence, h: Mention, trig: int) -> bool:
    """Whether country h is the object of a control verb whose infinitive leads to the trigger
    at `trig` ("presses Japan to change course on chip curbs": Japan's curbs)."""
    return (_CONTROL_VERB.search(text[max(sent.start, h.start - 30): h.start]) is not None
            and _INFINITIVE_AFTER.match(text[h.end: trig]) is not None
            and not any(c in text[h.end: trig] for c in ",;:"))


def _subject(countries: list[Mention], targets: list[str], labels: frozenset[int], text: str,
             sent: Sentence, trig: int, clause_start: int) -> str | None:
    """The first country before the trigger that is not a preposition's object; the object of
    a control verb ("urges Japan to ...") before any other."""
    before = [h for h in countries if h.start < trig and h.ident not in targets
              and h.start not in labels]
    in_clause = [h for h in before if h.start >= clause_start]
    for h in in_clause or before:
        if _controlled(text, sent, h, trig):
            return h.ident
    for h in in_clause or before:
        if not _object(text, sent, h):
            return h.ident
    return None


_SUBJECT_REACH = 12  # characters after a fronted clause where the main clause's subject starts


def main_subject(countries: list[Mention], labels: frozenset[int], after: int,
                 targets: tuple[str, ...]) -> str | None:
    """The country opening the main clause after a fronted background clause: who did the
    earlier act too ("After outlawing ore exports, Harare ...", "A year after the CHIPS Act,
    Congress ...")."""
    for h in countries:
        if after <= h.start <= after + _SUBJECT_REACH and h.start not in labels:
            return h.ident if h.ident not in targets else None
    return None
