"""Discussing with another side: "will discuss nickel exports with his Japanese counterpart",
"to discuss lithium supply with India next week" are talks though only one side stands before
the verb. A lone speaker discussing a matter ("Biden discusses the IRA"), or talk with firms,
reporters or experts ("discussed the rules with Chinese companies"), stays none."""

from __future__ import annotations

import re
from functools import cache

from .meetings import people
from .taxonomy import default_taxonomy

_SIDES = (r"counterparts?|allies|partners|officials|ministers?|leaders?|governments?|president|"
          r"prime minister|premier|chancellor|delegations?|envoys?|negotiators")
# A company, a market or a crowd right after the side named: "with Chinese firms", "with US
# automakers", "with Japanese investors".
_NOT_A_STATE = (r"(?!(?: [\w-]+){0,2} (?:compan(?:y|ies)|firms?|executives?|investors?|miners?|"
                r"\w*makers?|producers?|banks?|buyers?|industry|businesses|groups?|reporters|"
                r"journalists|experts|analysts|students|fans)\b)")


@cache
def _with_side() -> re.Pattern[str]:
    """ "with" and another side after the verb, in its clause: a state by name, its head or
    minister by name, or an official's title."""
    names = {a.lower() for c in default_taxonomy().countries for a in c.aliases if len(a) > 3}
    names.update(people("leaders") + people("ministers"))
    alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(r"[^.;:!?]{0,60}?\bwith (?:the |his |her |their |its |an? )?(?:[\w.'’-]+ ){0,2}?"
                      rf"(?:{_SIDES}|{alternation})\b{_NOT_A_STATE}")


def with_other_side(after: str) -> bool:
    """Whether the text right after a verb of discussing names the other side it talks with."""
    return " with " in after and _with_side().match(after) is not None
