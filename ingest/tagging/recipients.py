"""A company named as the one who gets state money, not the one who invests.

"Graphite miner wins $150 million Pentagon grant", "Lithium developer secures DOE loan": the
company word stands before the trigger as the subject, yet the money is the state's; whether a
state gives it the acting check still decides (a government word or a state named)."""

from __future__ import annotations

import re

# A verb of receiving between the company and the end of the trigger; the company word is
# its subject.
_RECEIVES = re.compile(
    r"\b(?:receiv(?:e|es|ed|ing)|wins?|won|winning|secur(?:e|es|ed|ing)|gets?|got|getting|"
    r"lands?|landed|landing|obtain(?:s|ed|ing)?|clinch(?:es|ed|ing)?|bag(?:s|ged)?|nets?|netted|"
    r"(?:is |was |has been |have been |been )?(?:awarded|granted|given|offered))\b")
# A verb that is the company's own before the receiving one ("miner plans to invest after it
# won a grant"): then the clause is the company's doing.
_OWN_VERB = re.compile(r"\b(?:invest\w*|plans?|planned|spend\w*|buy\w*|bought|lend\w*|lent|"
                       r"pledg\w*|commit\w*|build\w*|raise[sd]?|raising)\b")


def receives(low: str, company: int, t1: int) -> bool:
    """Whether the company word at `company` receives the money the trigger ending at t1
    names: a receiving verb after it and no verb of its own spending before that."""
    m = _RECEIVES.search(low, company, t1)
    return m is not None and not _OWN_VERB.search(low, company, m.start())
