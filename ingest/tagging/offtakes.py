"""Whether an offtake is company business, not a state buying: companies as the subject that
signs or seeks it ("several are signing offtake deals", "carmakers secure lithium offtakes"),
or an offtake only lacked ("projects waiting on offtake partners", "mines without offtakes").
A state body as the buyer ("the Pentagon signs an offtake") is left to the acting check."""

from __future__ import annotations

import re

# Companies, or a count of them standing for companies named before ("several are signing").
_COMPANIES = (r"(?:makers|miners|producers|developers|companies|firms|carmakers|automakers|refiners|"
              r"manufacturers|projects|juniors|explorers|start-?ups|buyers|traders|several|many|some|"
              r"others|both|they)")
_AUX = r"(?:are|is|were|have|has|had|also|now|still|all|already|each|increasingly|quickly)"
_SEEK = r"(?:sign\w*|seek\w*|sought|secur\w*|strik\w*|struck|look\w* for|hunt\w* for|court\w*|chas\w*|ink\w*)"
_FILLER = r"(?:new|more|long-term|binding|[\w-]+-year|their|own|a|an|[a-z]+ium|lithium|nickel|graphite|cobalt|copper)"
_COMPANY_SIGNS = re.compile(r"\b" + _COMPANIES + r"(?:\s+" + _AUX + r")*\s+" + _SEEK + r"(?:\s+" + _FILLER + r"){0,3}\s+$")
# An offtake only lacked or waited for: no buyer has acted yet.
_LACKED = re.compile(r"\b(?:waiting (?:on|for)|await\w*|without|lack\w*|in search of|struggl\w* to find)"
                     r"(?:\s+(?:an?|any|the|firm|binding|long-term))*\s+$")


def company_offtake(before: str) -> bool:
    """Whether the offtake after `before` (lower-cased words just before the trigger) is signed
    or sought by companies, or only lacked."""
    return bool(_COMPANY_SIGNS.search(before) or _LACKED.search(before))


def company_offtake_deal(low: str, t0: int, t1: int) -> bool:
    """Whether the deal at low[t0:t1] is an offtake ("signing offtake deals") that companies
    sign or only lack."""
    i = low.rfind("offtake", max(0, t0 - 12), t1)
    return i >= 0 and company_offtake(low[max(0, i - 60): i])
