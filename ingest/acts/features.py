"""What a report says, reduced to the features the grouping compares: words, commodities, change."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from ..tagging.taxonomy import default_taxonomy

GENERIC = frozenset({"critical_minerals"})  # names no mineral in particular: matches any
GROUP_WEIGHT = 0.4  # two reports that agree on a group only ("rare earths"): below a real match
_WORD = re.compile(r"\bg-?\d{1,2}\b|[a-z]{4,}|\d+(?:\.\d+)?(?=\s?(?:%|per ?cent))")
_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")
STEM_LEN = 6
MIN_SHARED = 2
# Function words and news filler: they say nothing about which act an article reports.
_STOP_WORDS = """
about above after again against also although among another because been before being below
between both could does doing down during each either even ever every from further have having
here however into itself just least less like made make many more most much must near never
next only other others over same should since some such than that their them then there these
they this those though through under until upon very were what when where whether which while
will with within without would your says said told according analysts analyst reported reports
report news week weeks month months year years today yesterday monday tuesday wednesday thursday
friday saturday sunday january february march april june july august september october november
december first second third last latest still already early earlier later time times where
officials official company companies market markets people percent amid seen says saying
"""
_STOP = frozenset(_STOP_WORDS.split())
# A report about changing an earlier act: a verb of change near a word for a measure.
_CHANGE = (r"(?:suspend(?:s|ed|ing)?|paus(?:e|es|ed|ing)|lift(?:s|ed|ing)?|scrap\w*|freez(?:e|es|ing)|froze|"
           r"revok\w*|rescind\w*|extend(?:s|ed|ing)?|prolong\w*|shelv\w*|postpon\w*|"
           r"delay(?:s|ed|ing)?|eas(?:e|es|ed|ing)|relax\w*|roll(?:s|ed|ing)? back|withdr[ae]w\w*|"
           r"waiv\w*)")
_MEASURE = (r"(?:bans?|controls?|curbs?|restrictions?|measures?|licensing|rules|tariffs?|duties|"
            r"suspension|freeze|halt|moratorium|quotas?|sanctions?|prohibition|expansion|regime|"
            r"requirements?|polic(?:y|ies)|packages?|clauses?|provisions?)")
_MODIFIER = re.compile(
    rf"\b{_CHANGE} (?:\S+ ){{0,5}}?{_MEASURE}\b|\b{_MEASURE} (?:\S+ ){{0,3}}?"
    r"(?:(?:was|were|is|are|be|been) )?(?:suspended|lifted|paused|extended|scrapped|shelved|"
    r"eased|revoked|prolonged|postponed)\b", re.IGNORECASE)


def stems(text: str) -> tuple[str, ...]:
    """Sorted distinct content-word stems of a text (short words and filler dropped)."""
    return tuple(sorted({s for w in _WORD.findall(text.lower()) if (s := _stem(w))}))


@lru_cache(maxsize=1 << 16)
def _stem(w: str) -> str:
    """One word's stem, "" for filler (remembered: every report's words are stemmed)."""
    if w in _STOP:
        return ""
    if w[0] == "g" and w[-1].isdigit():  # a group of governments: "G-7" and "G7" alike
        return w.replace("-", "")
    # A rate ("100%") identifies a measure as well as a word does: kept as "pct100".
    return f"pct{w}" if w[0].isdigit() else _SUFFIX.sub("", w)[:STEM_LEN]


def similarity(a: Iterable[str], b: Iterable[str]) -> float:
    """Share of the smaller word set found in the other (0..1)."""
    sa, sb = set(a), set(b)
    common = len(sa & sb)
    if common < MIN_SHARED:  # one shared word ("exports") says little, however short the text
        return 0.0
    return common / min(len(sa), len(sb))


# Stems of corporate and market news (a takeover, a force majeure, results, prices, offers,
# stocks) and of government action. An
# article with no event of its own that reads as corporate news and names no government act
# is market news, not a mention of an act, however many words it shares with one.
_MARKET_WORDS = """
takeov acquir acquis merger majeur profit earnin output produc commis shareh dividen revenu
quarte listin pric price offer stock futur rally slump climb premiu discou invent
"""
_GOVERNMENT_WORDS = """
ban bann bans prohib outlaw embarg curb curbs quota tariff duty duties levi licenc licens
permit contro restri sancti measur rule rules regime decree regula policy polici minist
govern cabine suspen freez freeze froze paus pause truce summit talks negoti treaty
"""
MARKET_STEMS = frozenset(_MARKET_WORDS.split())
# Stems of nouns and verbs naming a change of an earlier act (a suspension, an extension).
CHANGE_STEMS = frozenset(["suspen", "extens", "paus", "pause", "freez", "freeze", "prolon", "reprie", "liftin", "lift"])
# The list mixes words and stems; its stems are added so that "duties" (duti), "talks" (talk)
# and "rules" (rule) match the stems reports carry.
GOVERNMENT_STEMS = frozenset(_GOVERNMENT_WORDS.split()) | frozenset(stems(_GOVERNMENT_WORDS))


def is_market_news(words: Iterable[str]) -> bool:
    """Whether a report's stems read as corporate news with no government act in them."""
    ws = set(words)
    return not MARKET_STEMS.isdisjoint(ws) and GOVERNMENT_STEMS.isdisjoint(ws)


# "The deal comes after the Inflation Reduction Act limits tax credits", "in response to ...",
# "The move aims to address ... its restrictions on EV subsidies": what the news answers is older.
_AFTERWARDS = re.compile(r"\b(?:comes?|came|coming) (?:(?:just|only|shortly|soon|a|few|two|three|hours|days|"
                         r"weeks|months) ){0,3}after\b|\bin (?:response|reaction|retaliation) to\b|"
                         r"\b(?:aims?|aimed|seeks?|sought|meant|designed|intended) to (?:address|counter|"
                         r"respond to|offset|tackle|get around)\b", re.IGNORECASE)


def is_background(evidence: str) -> bool:
    """Whether an evidence sentence sets its news after something earlier ("... comes after
    X", "in response to X", "aims to address X"): an event read from it may be that earlier
    thing, so it does not date an act."""
    return bool(_AFTERWARDS.search(evidence))


def is_modifier(text: str, status: str | None) -> bool:
    """Whether the report is about suspending, lifting, extending or easing an earlier act."""
    return status in ("lifted", "suspended") or bool(_MODIFIER.search(text))


def commodity_overlap(a: Iterable[str], b: Iterable[str]) -> float | None:
    """How far two commodity sets agree: None when they name different minerals.

    A generic group ("critical minerals") agrees with anything at a low weight; "rare earths"
    agrees with any rare earth (the sets are rolled up, so the group is in both), but when a
    group is all two reports share, that is a weak agreement (GROUP_WEIGHT): "rare earths" in
    two reports does not say they are about the same elements, let alone the same act.
    """
    sa, sb = set(a) - GENERIC, set(b) - GENERIC
    if not sa or not sb:
        return 0.25
    common = sa & sb
    if not common:
        return None
    if common <= _groups():
        return GROUP_WEIGHT
    return len(common) / min(len(sa), len(sb))


# Stems of words that say at what stage or when something happens, not what: two reports
# sharing "scheduled" and "expected" share no topic.
STAGE_STEMS = frozenset(stems("scheduled schedules planned plans expected expects upcoming due "
                              "announced proposed"))


def topic_similarity(a: Iterable[str], b: Iterable[str]) -> float:
    """`similarity` over the words that are not names of minerals, countries or leaders: what
    two reports say happened, not whom and what they name (the gates compare those), nor at
    what stage: "scheduled", "planned", "expected" fit any act that has a date ahead."""
    names = _name_stems() | STAGE_STEMS
    return similarity(set(a) - names, set(b) - names)


def headline_topic(headline: str) -> frozenset[str]:
    """The stems of a headline that say what happened: names and stage words left out."""
    return frozenset(stems(headline)) - _name_stems() - STAGE_STEMS


# Stems that say what kind of act a text is about, not which act: measures ("curbs",
# "controls"), trade directions ("exports") and meetings ("talks", "visit"). The gates compare
# types already; two texts sharing only these words ("Chinese curbs" in a story about a
# minister's visit, "export curbs" on chip tools) say nothing more about being one act.
_KIND_WORDS = """
export exports import imports trade trading restrict restricts restriction restrictions limit
limits limiting curb curbs control controls ban bans banned visit visits trip talks meeting
meet meets summit tighten tightens tougher
"""
KIND_STEMS = frozenset(stems(_KIND_WORDS))


def subject_similarity(a: Iterable[str], b: Iterable[str]) -> float:
    """`topic_similarity` without the words of the act's kind: what the act is about."""
    drop = _name_stems() | STAGE_STEMS | KIND_STEMS
    return similarity(set(a) - drop, set(b) - drop)


def headline_subjects(headline: str) -> frozenset[str]:
    """`headline_topic` without the words of the act's kind."""
    return headline_topic(headline) - KIND_STEMS


@lru_cache(maxsize=4096)
def people(text: str) -> frozenset[str]:
    """Who a text says met: stems of the surnames of leaders and ministers the taxonomy lists
    ("Yellen", "Blinken", "Bessent") and groups of governments ("G7", "G20"). That says which
    meeting."""
    return people_in(stems(text))


def people_in(words: Iterable[str]) -> frozenset[str]:
    """`people` of a report's stored stems (title and summary)."""
    ws = frozenset(words)
    return (ws & _person_stems()) | frozenset(w for w in ws if is_group(w))


# Stems of words that say someone travels to or meets someone, or what a meeting yields: with
# who met, a story of the meeting.
MEETING_STEMS = frozenset(stems("visit visits visited trip trips travel travels travelled meet meets "
                                "meeting talks summit arrives arrived deal bargain truce pact"))


def is_group(word: str) -> bool:
    """Whether a stem is a group of governments ("g7", "g20": see `stems`)."""
    return len(word) > 1 and word[0] == "g" and word[1:].isdigit()


@cache
def _person_stems() -> frozenset[str]:
    """The last word of each leader name in the taxonomy ("Janet Yellen", "President Biden":
    yellen, biden), never a title or a first name."""
    tax = default_taxonomy()
    return frozenset(stems(" ".join(n.split()[-1] for c in tax.countries for n in c.leaders)))


@cache
def _name_stems() -> frozenset[str]:
    """Stems of every commodity, country and leader name in the taxonomy."""
    tax = default_taxonomy()
    texts = [n for c in tax.commodities for n in (c.label, *c.aliases, *c.cased_aliases)]
    texts += [n for c in tax.countries
              for n in (c.label, *c.aliases, *c.cased_aliases, *c.ambiguous_aliases, *c.leaders)]
    return frozenset(stems(" ".join(texts)))


def headline_countries(headline: str) -> tuple[str, ...]:
    """Countries a headline names by a one-word name, capital, demonym or leader ("Beijing",
    "Chinese", "Trump") or a cased short form ("U.S.", "PRC"), in order of appearance."""
    words, cased = _country_words()
    out: dict[str, None] = {}
    for m in _HEAD_WORD.finditer(headline):
        t = m.group(0)
        code = cased.get(t) or words.get(t.lower().removeprefix("non-").removesuffix("'s"))
        if code:
            out[code] = None
    return tuple(out)


def headline_subject(headline: str) -> str | None:
    """The first country a headline names by name, capital or leader, not by a demonym
    ("China freezes ...": CN; "Chinese mills hunt ...": none): whose act the headline reports."""
    words, cased = _country_words()
    for m in _HEAD_WORD.finditer(headline):
        t = m.group(0)
        key = t.lower().removesuffix("'s")
        code = cased.get(t) or words.get(key)
        if code:
            return None if _DEMONYM.search(key) else code
    return None


def owner_only(headline: str, actor: str | None) -> bool:
    """Whether a headline names the acting country only as the owner of a company or thing
    ("Chinese-owned lithium mines in Zimbabwe ..."): then it is an affected party, not who
    acted, and the tagger's actor is left unknown."""
    if not actor:
        return False
    if actor in headline_countries(headline):
        return False
    words, cased = _country_words()
    for m in _OWNED.finditer(headline):
        t = m.group(1)
        if (cased.get(t) or words.get(t.lower())) == actor:
            return True
    return False


_OWNED = re.compile(r"\b([A-Za-z][A-Za-z.]*)-(?:owned|linked|backed|based|listed|controlled|run|funded|financed)\b",
                    re.IGNORECASE)
_HEAD_WORD = re.compile(r"[A-Z](?:\.[A-Z])+\.?|[A-Za-z][A-Za-z'-]*")
# Chinese, Zambian, Korean, British, French, Thai, American, Mexican (not Japan, Iran, Taiwan)
_DEMONYM = re.compile(r"(?:ese|ian|ean|ish|ch|i|ican)$")


@cache
def _country_words() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case one-word name -> code, cased short form -> code); a word two countries
    share, or a mineral's name, is left out."""
    tax = default_taxonomy()
    minerals = {n.lower() for c in tax.commodities for n in (c.label, *c.aliases)}
    seen: dict[str, set[str]] = {}
    cased: dict[str, str] = {}
    for c in tax.countries:
        for name in (c.label, *c.aliases, *c.leaders):
            if " " not in name and name.lower() not in minerals:
                seen.setdefault(name.lower(), set()).add(c.code)
        for name in c.cased_aliases:
            if " " not in name:
                cased.setdefault(name, c.code)
        for name in c.aliases:
            if " " not in name and "." in name:  # "U.S."
                cased.setdefault(name, c.code)
    return {w: next(iter(cs)) for w, cs in seen.items() if len(cs) == 1}, cased


@cache
def _groups() -> frozenset[str]:
    """Commodity groups of the taxonomy (rare earths, platinum-group metals)."""
    return frozenset(c.id for c in default_taxonomy().commodities if c.kind == "group")


_LIFT = re.compile(r"\b(?:lift\w*|revok\w*|rescind\w*|scrap\w*|end(?:s|ed|ing)?|withdr[ae]w\w*|"
                   r"remov\w*|drop\w*)\b", re.IGNORECASE)
_SUSPEND = re.compile(r"\b(?:suspen\w*|paus\w*|shelv\w*|postpon\w*|delay\w*|freez\w*|froze)\b",
                      re.IGNORECASE)
# ... or a measure said to last longer: "to last another three months", "will continue for a
# further 90 days" (not "prices rose for another week").
_EXTEND = re.compile(r"\b(?:extend\w*|extension|prolong\w*|renew\w*)\b|\b(?:last(?:s|ed|ing)?|run(?:s|ning)?|ran|"
                     r"continu(?:e|es|ed|ing)|stay(?:s|ed|ing)?|remain(?:s|ed|ing)?)\s+(?:for\s+)?"
                     r"(?:another|a further|an additional)\s+(?:\w+\s+)?(?:days|weeks|months|years?)\b",
                     re.IGNORECASE)


def change_kind_of(text: str) -> str:
    """What a text about changing an act says it does: extended, suspended, lifted or amended."""
    for name, rx in (("extended", _EXTEND), ("suspended", _SUSPEND), ("lifted", _LIFT)):
        if rx.search(text):
            return name
    return "amended"
