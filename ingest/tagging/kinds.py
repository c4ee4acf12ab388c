"""Whether a pact noun names a kind of pact, not one: a bare plural with no determiner, owner,
number or party ("struggles to push trade deals with allies", "tides turn against sweeping
trade deals", "governments turn to narrower pacts"). A specific pact is counted, owned or has
its parties named ("signs trade deals with Japan and Kenya", "the two deals")."""

from __future__ import annotations

import re

# Right before the bare plural, after any adjectives: a verb or preposition, not a determiner.
_OPENS_KIND = re.compile(r"\b(?:push|pursue|pursuing|against|to|toward|towards|of|for|about|like|favou?r\w*|"
                         r"oppos\w*|resist\w*|reject\w*)(?:\s+(?:sweeping|narrow|narrower|broad|broader|"
                         r"big|bigger|major|more|such|comprehensive|ambitious|traditional|old-style))*\s+$")
_PLURAL = re.compile(r"(?:trade\s+)?(?:deals|pacts|agreements|accords)$")
# A named side makes the pacts specific; allies or partners in general do not.
_WITH_SIDE = re.compile(r"^\s+(?:with|between)\s+(?!allies|partners|other|like-minded|friendly|countries|nations)")


def pact_kind(before: str, trigger: str, after: str) -> bool:
    """Whether the pact trigger between `before` and `after` (lower-cased) is a bare plural
    naming a kind of pact."""
    return bool(_PLURAL.fullmatch(trigger) and _OPENS_KIND.search(before) and not _WITH_SIDE.match(after))
