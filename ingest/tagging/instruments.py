"""Who acts under a statute only one government uses.

"Section 301 duties on Chinese graphite", "the increases set in the 2024 Section 301 review",
"IEEPA tariffs": only Washington acts under these, whatever other country the sentence names
("magnets from China ... the 2024 Section 301 review": China is what the review is about, not
who held it). A country's `instruments` (countries.toml) named as the trigger's modifier right
before it, or opening it, make that country the actor, and the country the sentence's grammar
had read as acting becomes a target. An instrument after a preposition inside the trigger is
what the act is about, not its owner ("a case against Section 232 tariffs at the WTO").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .vocab import Mention

_REACH = 24  # how far before a trigger an instrument modifying it may end ("Section 232 steel tariffs")
# Up to two modifiers between them ("Section 232 steel tariffs"): no clause break, no word that
# ends the instrument's own noun phrase ("Section 301 tariffs with curbs": the curbs are not its).
_WORDS = re.compile(r"(?:\s+(?!(?:with|and|or|but|as|after|while|tariffs?|duties|curbs?|bans?|"
                    r"controls?|measures?|sanctions?)\b)[\w'-]+){0,2}\s*", re.I)
_PREPOSITION = re.compile(r"\b(?:against|on|over|to|at|with|under|from|about|of|for)\b", re.I)


def instrument_owner(text: str, trigger: tuple[int, int], countries: Sequence[Mention],
                     owner_of: Mapping[str, str]) -> str | None:
    """The country whose instrument names the act of the trigger at [t0, t1), else None."""
    t0, t1 = trigger
    window = text[max(0, t0 - _REACH - 20): t1].lower()
    if not any(name in window for name in owner_of):  # (a quick look: most triggers name none)
        return None
    for h in countries:
        if h.end < t0 - _REACH or h.start >= t1:
            continue
        code = owner_of.get(h.surface.lower())
        if code is None:
            continue
        if t0 - _REACH <= h.end <= t0 and _WORDS.fullmatch(text, h.end, t0):
            return code
        if t0 <= h.start < t1 and not _PREPOSITION.search(text, t0, h.start):
            return code
    return None


def owned_roles(actor: str | None, targets: tuple[str, ...], owner: str | None
                ) -> tuple[str | None, tuple[str, ...]]:
    """(actor, targets) with the instrument's owner acting; the country read as acting, if
    another, is then what the act is aimed at."""
    if owner is None or owner == actor:
        return actor, targets
    rest = [t for t in targets if t != owner]
    return owner, tuple(dict.fromkeys([actor, *rest] if actor else rest))
