"""Days named by another: "on the same day", "that day", "the day before", "a day later".

News dates a second act by the first one's day ("China said on Friday it would impose a
tariff ... On the same day the commerce ministry added 11 US firms to its entity list"). The
anchor is the last day stated earlier in the sentence, else the first past day of the nearest
earlier sentence that states one (a day said counts: it is the day of the news); a phrase
told of the future ("would impose export controls the same day") looks for a day to come.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from .dates import DateMention

_NAMED_BY_ANOTHER = re.compile(
    r"\b(?:(?:on|later|earlier)\s+)?(?:(?P<same>the same day|that day|that same day)|"
    # "the day before talks in Geneva": with an object, the phrase dates that other occasion
    r"(?P<before>the day before(?!\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?[a-z]{3,})|"
    r"the previous day|a day earlier)|"
    r"(?P<after>the next day|the following day|a day later))\b")
_REACH = 3  # earlier sentences looked at for the anchor
_FUTURE = re.compile(r"\b(?:will|would|shall|is to|are to|plans? to|set to|due to (?!the\b|a\b)\w+)\b")


def with_named_days(mentions: list[DateMention], sent_low: str, pub: date,
                    earlier: Callable[[int], list[DateMention]]) -> list[DateMention]:
    """The sentence's mentions with a day for each phrase naming one by another; `earlier(k)`
    gives the mentions of the k-th sentence before (k = 1, 2, ...; [] past the first)."""
    out = list(mentions)
    for m in _NAMED_BY_ANOTHER.finditer(sent_low):
        if any(d.pos == m.start() for d in mentions):
            continue
        ahead = bool(_FUTURE.search(sent_low, 0, m.start()))
        anchor = _anchor([d for d in mentions if d.pos < m.start()], earlier, pub, ahead)
        if anchor is None:
            continue
        shift = -1 if m["before"] else 1 if m["after"] else 0
        out.append(DateMention(anchor + timedelta(days=shift), None, "day", m.start()))
    return sorted(out, key=lambda d: d.pos)


def _anchor(before: list[DateMention], earlier: Callable[[int], list[DateMention]],
            pub: date, ahead: bool) -> date | None:
    """The day a phrase in a sentence refers to: the last day stated before it there, else
    the first past day (a day to come, `ahead`) of the nearest earlier sentence stating one."""
    days = [d for d in before if _a_day(d, pub, ahead)]
    if days:
        return days[-1].start
    for k in range(1, _REACH + 1):
        days = [d for d in earlier(k) if _a_day(d, pub, ahead)]
        if days:
            return days[0].start
    return None


def _a_day(d: DateMention, pub: date, ahead: bool) -> bool:
    return (d.precision == "day" and not d.vague and not d.bound and d.end is None
            and (d.start > pub if ahead else d.start <= pub))
