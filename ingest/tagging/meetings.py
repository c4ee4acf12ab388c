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
from functools import cache

from ..settings import TAXONOMY_DIR

LEVELS_FILE = TAXONOMY_DIR / "meeting_levels.toml"
_RELEVELLED = ("leaders_meeting", "state_visit")  # summit subtypes read from who meets


@cache
def _titles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The heads' and the ministers' titles, each as one pattern."""
    data = tomllib.loads(LEVELS_FILE.read_text(encoding="utf-8"))
    heads, ministers = (re.compile(r"\b(?:" + "|".join(data[k]) + r")\b") for k in ("heads", "ministers"))
    return heads, ministers


def _last_level(low: str, start: int, end: int) -> str | None:
    """'head' or 'minister': the level of the last title in low[start:end], None if none."""
    heads, ministers = _titles()
    last = max(((m.start(), "head") for m in heads.finditer(low, start, end)),
               default=(-1, None))
    last = max([last, *((m.start(), "minister") for m in ministers.finditer(low, start, end))])
    return last[1]


def _first_level(low: str, start: int, end: int) -> str | None:
    heads, ministers = _titles()
    hits = [(m.start(), "head") for m in heads.finditer(low, start, end)]
    hits += [(m.start(), "minister") for m in ministers.finditer(low, start, end)]
    return min(hits)[1] if hits else None


def meeting_level(low: str, sent: tuple[int, int], trigger: tuple[int, int], article: str) -> str | None:
    """The level of who meets at the trigger: the last title before it in its sentence, else
    the first inside it, else, when the sentence names no one by title ("Blinken begins China
    visit"), 'minister' if the article names ministers and never a head of state. None: unknown."""
    level = _last_level(low, sent[0], trigger[0]) or _first_level(low, trigger[0], trigger[1])
    if level is not None or _last_level(low, sent[0], sent[1]) is not None:
        return level
    heads, ministers = _titles()
    if ministers.search(article) and not heads.search(article):
        return "minister"
    return None


def leveled(type_id: str, subtype: str, level: str | None) -> tuple[str, str]:
    """The meeting's type and subtype given who meets: a summit of ministers is talks."""
    if type_id == "summit" and subtype in _RELEVELLED and level == "minister":
        return "talks", "ministerial"
    return type_id, subtype
