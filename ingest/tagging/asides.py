"""A trigger told in an "as" clause with a subject of its own ("Zelenskiy to attend G7 as
leaders prepare new Russian sanctions", "keep its U.S. business strong as export restrictions
grow"): the countries named before that clause are another clause's, not who acts."""

from __future__ import annotations

import re

from .vocab import Mention

# "as" opening a clause, not "such as", "seen as a win", "as part of", "as expected", nor one
# whose subject is a pronoun standing for the country before it ("as it tightens its curbs").
_AS = re.compile(
    r"(?<!such )(?<!seen )(?<!known )(?<!so )\bas\s+(?!(?:a|an|part|well|much|many|of|to|long|soon|far|if|"
    r"though|such|it|they|he|she|we|its|their|his|her|our|expected|planned|announced|agreed|"
    r"previously|reported|usual|well)\b)(?=[a-z])", re.I)
_AS_REACH = 80  # characters before a trigger where its clause's "as" may stand


def own_as_clause(text: str, sent_start: int, t0: int, countries: list[Mention]) -> bool:
    """Whether the trigger at t0 sits in an "as" clause that names no country, opened after a
    country of its sentence and not closed by a comma before the trigger."""
    found = list(_AS.finditer(text, max(sent_start, t0 - _AS_REACH), t0))
    if not found:
        return False
    start, end = found[-1].span()
    return (not any(c in text[end: t0] for c in ",;:")
            and not any(start <= h.start < t0 for h in countries)
            and any(sent_start <= h.start < start for h in countries))


# A country named as where something happens, not who acts in it.
_PLACED = re.compile(r"\b(?:in|at|across|throughout|inside|within|near)\s+(?:the\s+)?$", re.I)


def placed(text: str, h: Mention) -> bool:
    """Whether country h is a place ("routes in Ukraine"), not a document's ("in MOFCOM Announcement")."""
    return bool(_PLACED.search(text, max(0, h.start - 20), h.start)) and not text[h.end: h.end + 2].strip()[:1].isupper()
