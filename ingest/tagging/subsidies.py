"""Whether a subsidy is named only as a kind of thing, not granted: the noun as the modifier of
a contest ("subsidy races are no solution", "a global subsidy war"), or subsidising that
governments in general are told to do or stop ("governments must stop subsidising mines")."""

from __future__ import annotations

import re

# A contest the subsidy word only qualifies: its head is the race, not a grant.
_CONTEST_AFTER = re.compile(r"^[-\s]+(?:arms )?(?:races?|wars?|battles?|contests?|competitions?|"
                            r"showdowns?|one-upmanship)\b")
# States in general, told what they must or should do: no state is named acting.
_GENERIC_ADVISED = re.compile(r"\b(?:governments|countries|nations|states|rich countries)\s+(?:must|should|"
                              r"need to|ought to|have to)\s+(?:(?:stop|end|cease|quit|limit|curb)\s+)?$")


def generic_subsidy(before: str, trigger: str, after: str) -> bool:
    """Whether the subsidy trigger between `before` and `after` (lower-cased) names a kind of
    contest or advice to states in general rather than a grant."""
    if trigger.endswith(("subsidy", "subsidies")) and _CONTEST_AFTER.match(after):
        return True
    return bool(_GENERIC_ADVISED.search(before))
