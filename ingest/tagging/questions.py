"""Acts only asked about: a yes/no question headline ("Will China ban graphite exports?",
"Could the US put tariffs on copper?") reports no act of its own. An act the question takes for
granted, named as an owned or definite noun ("Will China's graphite ban last?", "Is the export
ban working?"), still exists."""

from __future__ import annotations

import re

# A headline that opens with an auxiliary or a modal and ends with a question mark.
_YES_NO = re.compile(r"^\s*(?:will|would|could|can|should|shall|might|may|is|are|was|were|does|"
                     r"do|did|has|have)\b[^?]*\?\s*$", re.I)
# The act named as a noun the question presupposes: "China's ...", "the ...", "its ...".
_PRESUPPOSED = re.compile(r"(?:'s|’s|\bthe|\bits|\btheir|\bthis|\bthat)\s+(?:[\w-]+\s+){0,3}$")
_REACH = 40  # characters before the trigger read for its determiner
# A plural measure noun right after a country's name is that country's measure, the subject
# the question asks about ("Will US tariffs hurt ...?"), not a verb ("Will China ban ...?").
_PLURAL = re.compile(r"(?:export |import )?(?:tariffs|duties|curbs|sanctions|controls|restrictions|bans|levies|quotas)\b")
_ATTRIBUTIVE = re.compile(r"\b(?:u\.?s\.?|[a-z]+(?:an|ese|ish|i|ian))\s+(?:new\s+|higher\s+|export\s+|import\s+)?$")


def asked(text: str, low: str, headline_end: int, t0: int, countries: list[int]) -> bool:
    """Whether the trigger at t0 lies in a yes/no question headline (text[:headline_end]) that
    only asks whether the act will happen. `countries`: where country names start; one after
    the determiner is the question's subject ("Could the US put tariffs ...?"), not an owner."""
    q = text.find("?", 0, headline_end)  # the question may be followed by a statement
    if q < 0 or t0 >= q or not _YES_NO.match(text, 0, q + 1):  # ("... exports? Analysts weigh in")
        return False
    if _PLURAL.match(low, t0) and _ATTRIBUTIVE.search(low, max(0, t0 - _REACH), t0) and any(
            t0 - 12 <= c < t0 for c in countries):
        return False  # "Will US tariffs on copper hurt Chile?": the tariffs are taken as given
    m = _PRESUPPOSED.search(low, max(0, t0 - _REACH), t0)
    return m is None or any(m.start() < c < t0 for c in countries)
