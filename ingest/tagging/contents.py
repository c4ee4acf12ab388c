"""What a pact sets up is the pact's content, not an act of its own.

"An agreement signed on Wednesday creating a joint investment fund", "the accord ... sets up a
reconstruction fund": the fund is how the pact works, and analysts file it with the pact. A
state that puts its own money in ("each government will invest $1 billion") still invests.
"""

from __future__ import annotations

import re

# A pact named before the trigger in its sentence, with no sentence break between.
_PACT_BEFORE = re.compile(r"\b(?:deal|agreement|accord|pact|framework|memorandum)s?\b[^.;:]{0,70}$")
# The trigger sets up a body ("creating a joint investment fund", "sets up a facility").
_SETS_UP = re.compile(r"(?:creat|set|establish|launch)\w*\b.*\b(?:fund|facility|vehicle)s?")


def pact_content(low: str, sent_start: int, t0: int, t1: int) -> bool:
    """Whether the trigger [t0, t1) (in lower-cased `low`) sets up a fund that a pact named
    before it in its sentence creates."""
    return bool(_SETS_UP.fullmatch(low, t0, t1)) and bool(
        _PACT_BEFORE.search(low, max(sent_start, t0 - 90), t0))
