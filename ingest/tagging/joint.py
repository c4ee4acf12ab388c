"""A plan or strategy a group of governments endorses is an agreement among them, not one
state's strategy ("G7 leaders back a five-point plan on critical minerals", "the Quad adopted a
critical minerals initiative"): the group has no country code to act as, and analysts file such
plans with the pacts."""

from __future__ import annotations

import re

# A group of governments as the subject, before the trigger in its clause.
_GROUP = re.compile(r"\b(?:g-?7|g-?20|group of (?:seven|twenty|20)|quad|brics|asean|apec)\b")


def joint_typed(trigger: tuple[str, str, str], low: str, clause_start: int,
                t0: int) -> tuple[str, str, str]:
    """The (type, subtype, kind) of a trigger at t0 (in lower-cased `low`): a strategy whose
    clause names a group of governments before it is their agreement (a framework)."""
    if trigger[0] == "strategy" and _GROUP.search(low, clause_start, t0):
        return "agreement", "framework", "agreement"
    return trigger
