"""Which country "the country", "the junta" or "the Latin American nation" stands for.

News names a government once and then refers back to it: "Poland ... the country's government
subsidised coal", "Mexico ... the Latin American nation's restrictions", "Niger ... the junta
announced". A bare reference ("the country", "the administration") is the article's topic: the
headline's subject, else the country it names most (first on a tie); a described one ("the neighbouring country", "the
Latin American nation") is the country named last before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .vocab import Mention

_ANAPHOR = re.compile(
    r"\b[Tt]he ((?:[a-z-]+ |[A-Z][a-z]+ ){0,2})(?:country|nation|administration|junta|kingdom|"
    r"regime|government)\b(?!\s+(?:of|in|and)\b)")

_OPPOSED = re.compile(r"\banti-$", re.I)


def opposed(text: str, h: Mention) -> bool:
    """Whether a country is named as opposed ("anti-French rhetoric"): never who acts."""
    return bool(_OPPOSED.search(text, max(0, h.start - 6), h.start))


def referent(text: str, start: int, t0: int, countries: list[Mention],
             lead: Callable[[], str | None]) -> Mention | None:
    """A country mention standing for the last government reference in text[start:t0], when no
    country is named between it and t0 (that one is nearer the act); None without one.
    `countries`: every country mention of the article, in text order; `lead()`: the country the
    headline makes its subject, the topic when there is one (asked only when needed)."""
    found = None
    for m in _ANAPHOR.finditer(text, start, t0):
        found = m
    if found is None or any(found.start() <= h.start < t0 for h in countries):
        return None
    countries = [h for h in countries if not opposed(text, h)]
    before = [h for h in countries if h.end <= found.start()]
    if not before:
        return None
    if found.group(1):  # described: the one named last
        ident = before[-1].ident
    elif topic := lead():  # bare: the topic
        ident = topic
    else:
        counts = Counter(h.ident for h in countries)
        ident = max(counts, key=lambda c: (counts[c], -_first(countries, c)))
    return Mention(ident, found.start(), found.end(), found.group(), False)


def _first(countries: list[Mention], ident: str | None) -> int:
    return next(h.start for h in countries if h.ident == ident)
