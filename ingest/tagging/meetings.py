"""Whether a meeting is a summit or talks, by who meets.

Triggers name the meeting ("visit", "talks with", "met"); its level is in the people named: a
head of state or government's meeting or visit is a summit, a minister's, an official's or an
envoy's is talks. The visitor decides ("Yellen held talks with Vice Premier He", "Blinken's trip
to China" are talks even when the host is a head of state). A summit named as such ("the G7
summit") keeps its name.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache

from ..settings import TAXONOMY_DIR
from .taxonomy import TaxonomyError
from .vocab import Mention

LEVELS_FILE = TAXONOMY_DIR / "meeting_levels.toml"
EVENT_TYPES_FILE = TAXONOMY_DIR / "event_types.toml"
_RELEVELLED = ("leaders_meeting", "state_visit")  # summit subtypes read from who meets


@cache
def titles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The heads' and the ministers' titles, each as one pattern (validated once, at first use)."""
    try:
        data = tomllib.loads(LEVELS_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TaxonomyError(f"{LEVELS_FILE}: cannot read: {exc}") from None
    for key in ("heads", "ministers"):
        words = data.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise TaxonomyError(f"{LEVELS_FILE.name}: '{key}' must be a non-empty list of titles")
    names = {k: [re.escape(n) for n in people(k)] for k in ("leaders", "ministers")}
    heads, ministers = (re.compile(r"\b(?:" + "|".join(data[k] + names[who]) + r")\b")
                        for k, who in (("heads", "leaders"), ("ministers", "ministers")))
    return heads, ministers


@cache
def people(key: str) -> tuple[str, ...]:
    """Heads (`leaders`) or ministers and envoys (`ministers`) whom news names without a title
    ("Blinken visits Kyiv", "a Trump-Xi meeting"): the lists of event_types.toml whose meeting
    triggers name them; a name is its holder's title here, longest first."""
    try:
        names = tomllib.loads(EVENT_TYPES_FILE.read_text(encoding="utf-8")).get(key, [])
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TaxonomyError(f"{EVENT_TYPES_FILE}: cannot read: {exc}") from None
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise TaxonomyError(f"{EVENT_TYPES_FILE.name}: {key} must be a list of names")
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def _levels(low: str, start: int, end: int) -> list[tuple[int, str]]:
    """Each title in low[start:end] as (position, 'head' | 'minister'), in order."""
    heads, ministers = titles()
    return sorted([(m.start(), "head") for m in heads.finditer(low, start, end)]
                  + [(m.start(), "minister") for m in ministers.finditer(low, start, end)])


def meeting_level(low: str, sent: tuple[int, int], trigger: tuple[int, int], article: str) -> str | None:
    """The level of who meets at the trigger: a title opening it ("leaders of A and B met"),
    else the last title before it in its sentence, else the first inside it, else, when the
    sentence names no one by title ("Blinken begins China visit"), 'minister' if the article
    names ministers and never a head of state. None: unknown."""
    inside = _levels(low, trigger[0], trigger[1])
    if inside and inside[0][0] == trigger[0]:
        return inside[0][1]
    before = _levels(low, sent[0], trigger[0])
    level = before[-1][1] if before else inside[0][1] if inside else None
    heads, ministers = titles()
    if level is not None or heads.search(low, *sent) or ministers.search(low, *sent):
        return level
    return "minister" if _ministers_only(article) else None


@lru_cache(maxsize=4)  # asked for each meeting of an article that names no one by title
def _ministers_only(article: str) -> bool:
    """Whether the article names ministers and never a head of state or government."""
    heads, ministers = titles()
    return bool(ministers.search(article)) and not heads.search(article)


def leveled(type_id: str, subtype: str, level: str | None) -> tuple[str, str]:
    """The meeting's type and subtype given who meets: a summit of ministers is talks."""
    if type_id == "summit" and subtype in _RELEVELLED and level == "minister":
        return "talks", "ministerial"
    return type_id, subtype


# A country named as where a meeting takes place: "meet in South Korea", "talks in Geneva,
# Switzerland", "a summit at the Hague, Netherlands" (on the text as written: a place's name).
_VENUE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?,\s+)?$")
_PARTIES = 2  # the countries left when a venue is dropped: those meeting


def parties(text: str, start: int, countries: list[Mention]) -> tuple[str, ...]:
    """The countries of a meeting in a sentence starting at `start`: those named, less a
    country named only as the venue ("Trump and Xi meet in South Korea") when at least two
    others meet there. A host that is one of those meeting ("Yellen holds talks in Beijing",
    "Biden meets Xi in San Francisco") stays."""
    ids = [h.ident or "" for h in countries]
    venues = {h.ident for h in countries
              if _VENUE.search(text, max(start, h.start - 40), h.start)}
    if not venues:
        return tuple(dict.fromkeys(ids))
    named = {h.ident for h in countries
             if not _VENUE.search(text, max(start, h.start - 40), h.start)}
    meeting = [i for i in dict.fromkeys(ids) if i in named or i not in venues]
    return tuple(meeting) if len(meeting) >= _PARTIES else tuple(dict.fromkeys(ids))


# A measure a meeting is about: named right before the meeting's noun ("an export-control
# dialogue", "tariff talks") or after its preposition ("a dialogue on export controls").
_COMPOUND_GAP = re.compile(r"[\s-]?")
# ... but not a meeting trigger opening with when the measure came ("tightens controls ahead of
# a Trump-Xi meeting", "curbs after the summit"): the measure is an act of its own
_WHEN_WORD = re.compile(r"(?:ahead of|before|after|during|following|since|at)\b")
_ABOUT = re.compile(r"\s+(?:on|over|about|regarding|concerning|covering)\s+(?:[\w'’-]+\s+){0,4}")
# ... unless the measure is a government's own ("talks on China's export controls") or one
# told as made ("talks over the curbs Beijing imposed in July"): an act referred to.
_OWNED = re.compile(r"(?:'s|’s|\bits|\btheir)\s+(?:[\w-]+\s+){0,2}$")
_MADE = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:imposed|announced|introduced|unveiled|adopted)\b")


# ... or the object of a verb of discussing ("leaders are expected to discuss tariffs"), not
# a known act discussed ("discussed how policies like the Inflation Reduction Act ...", "talk
# about the tariffs", definite: the ones in place).
_DISCUSS = re.compile(r"\b(?:discuss(?:es|ed|ing)?|talk(?:s|ed|ing)? (?:about|over)|"
                      r"negotiat(?:e|es|ed|ing) (?:over|on|about))\s+"
                      r"(?:(?!(?:how|whether|why|what|that|like|the)\b)[\w'’-]+\s+){0,4}$")


def topic_of_meeting(low: str, t0: int, t1: int, meetings: list[tuple[int, int]]) -> bool:
    """Whether the measure at [t0, t1) of lower-cased `low` is only what a meeting in its
    sentence, or a verb of discussing, is about (meetings: their triggers' spans), not an act
    of its own."""
    if _DISCUSS.search(low, max(0, t0 - 60), t0) and not _OWNED.search(
            low, max(0, t0 - 30), t0) and not _MADE.match(low, t1):
        return True
    for m0, m1 in meetings:
        if t1 <= m0 and _COMPOUND_GAP.fullmatch(low, t1, m0) and not _WHEN_WORD.match(low, m0):
            return True
        if m1 <= t0 and _ABOUT.fullmatch(low, m1, t0) and not _OWNED.search(
                low, max(0, t0 - 30), t0) and not _MADE.match(low, t1):
            return True
    return False


# An official's trip as its trigger says it ("trade secretary visits", "Yellen's visit to"):
# talks only when it goes abroad, for ministers travel at home far more than heads do
# ("health secretary visits hospital in Leeds", "Australian minister visits Queensland towns").
_OFFICIAL = r"(?:secretary|minister|envoy|commissioner|trade representative|trade chief)"
_TRIP = r"\b.*\b(?:visit\w*|trip|tour|travel\w*(?: to)?|arriv\w* in|lands? in|heads? to|headed to)"


@cache
def _official_trip() -> re.Pattern[str]:
    """An official's trip as its trigger says it, by title or by name ("Raimondo heads to")."""
    names = "|".join(re.escape(n) for n in people("ministers"))
    return re.compile(rf"(?:{names}|{_OFFICIAL})" + _TRIP if names else _OFFICIAL + _TRIP)


@cache
def _heads() -> frozenset[str]:
    """The heads' names a meeting trigger may open with, lower-cased."""
    return frozenset(people("leaders"))


_TRIP_NOUN = re.compile(r"\s+(?:visit|trip|tour)")  # a place inside the trigger before it: "begins China visit"
_DESTINATION_REACH = 30  # from the trip's verb to the place: "'s visit to the Chinese capital"
_PLAIN_GAP = re.compile(r"[\w\s'’-]*")  # no clause break between the trip and its place
_FORMER = re.compile(r"\b(?:former|ex-)\s*(?:[\w-]+\s+)?\Z")
_HOME_REACH = 25  # before the title, its country: "Australia's Trade Minister", "US Treasury Secretary"


def home_trip(low: str, t0: int, t1: int, countries: list[Mention]) -> bool:
    """Whether the meeting trigger at [t0, t1) is an official's trip that names no country
    abroad right after it or inside it ("begins China visit"; none named, or only the
    official's own, which a name opening the trigger stands for), or a former official's; or
    a head "in" a place that is no other state ("Biden in Washington", "Xi in speech") or
    anywhere but the headline."""
    if low.endswith(" in", t0, t1) and low[t0: t1 - 3] in _heads():
        if "\n" in low[:t0]:
            return True  # a headline's idiom: the body's "a meeting with Xi in Seoul" names a venue
        own = {h.ident for h in countries if h.start <= t0 < h.end}
        return not any(h.start == t1 + 1 and h.ident not in own for h in countries)
    if not _official_trip().fullmatch(low, t0, t1):
        return False
    if _FORMER.search(low, max(0, t0 - _HOME_REACH), t0):
        return True  # "former trade minister visits Moscow": no government's
    went = {h.ident for h in countries if t0 < h.start and (
        _TRIP_NOUN.fullmatch(low, h.end, t1) if h.start < t1 else
        h.start < t1 + _DESTINATION_REACH and _PLAIN_GAP.fullmatch(low, t1, h.start))}
    home = {h.ident for h in countries if t0 - _HOME_REACH <= h.start <= t0}
    return not went - home
