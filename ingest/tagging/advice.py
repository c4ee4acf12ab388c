"""Whether a measure is only advice: "the UK should impose sanctions ..., a report urged".

A measure whose verb is governed by "should", "ought to" or "must" is a recommendation, not a
decision; when the sentence's advice comes from someone who is no state (a report, an all-party
group, a think tank: the caller named after the advice, as wire copy inverts it) it is no
government act at all (docs/labelling.md: calls by campaigners and analysts are not acts).
"""

from __future__ import annotations

import re

# The advising modal right before the measure's verb or noun ("should impose sanctions", "must
# consider new tariffs", "ought to ban").
_ADVISED = re.compile(r"\b(?:should|ought to|must)\s+(?:not\s+)?(?:\S+\s+){0,3}$")
# Who advises and is no state, named anywhere in the sentence ("a report from the all-party
# group urged", "– report", "think tank says").
_ADVISER = re.compile(
    r"\b(?:reports?|all-party (?:parliamentary )?group|think[- ]tanks?|campaigners?|activists?|"
    r"analysts?|economists?|experts?|researchers?|ngos?|charit(?:y|ies)|industry groups?|"
    r"lobby groups?|trade groups?|associations?|executives?|chief executive|ceo|op-ed|editorial)\b")
# ... unless a government's own word is who advises ("the minister said the EU should ...").
_STATE_ADVISER = re.compile(
    r"\b(?:government|ministry|minister|president|premier|chancellor|secretary|commission|"
    r"officials?|administration|treasury|cabinet)\s+(?:\S+\s+){0,2}(?:said|says|urged|urges|told)\b")


def advised_only(low: str, sentence: tuple[int, int], clause_start: int, t0: int) -> bool:
    """Whether the measure at t0 is only what someone who is no state says should be done."""
    if not _ADVISED.search(low, max(clause_start, t0 - 40), t0):
        return False
    s0, s1 = sentence
    return bool(_ADVISER.search(low, s0, s1)) and not _STATE_ADVISER.search(low, s0, s1)
