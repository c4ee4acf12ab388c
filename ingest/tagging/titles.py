"""Acts named by their title: a law cited as the source of something ("incentives under the
Inflation Reduction Act") and a pact named by its title or acronym ("the Economic Cooperation
Framework Agreement (ECFA)") are in force, whatever the clause says of what they ground."""

from __future__ import annotations

import re

# A law cited by its title as the ground or source of something ("incentives under the
# Inflation Reduction Act", "the CHIPS Act's tax credits", "policies like the ... Act"): it is
# in force, whatever the clause says of the thing it grounds.
_CITED_BEFORE = re.compile(
    r"\b(?:under|from|of|by|like|as|through|via|thanks to|in line with|backed)(?: the)?"
    r"(?: (?!(?:proposed|draft|planned|pending|new|future)\b)\S+)? $", re.I)
_LAW_TITLE = re.compile(r"(?:^|\s)[A-Z][\w-]*(?: (?:and |of |on )?[A-Z][\w-]*)* Act$")
_LAW_OWNER = re.compile(r"\s[A-Z][\w-]* Act(?:'s|’s) $")  # "the ... Act's tax credits"


def cited_law(text: str, t0: int, t1: int) -> bool:
    """Whether the trigger [t0, t1) of the text as written is a law named by its title ("the
    Inflation Reduction Act") and cited as the source of something or owning it ("under the
    ... Act", "the ... Act's credits"), or a measure that such a law owns: in effect."""
    if _LAW_OWNER.search(text, max(0, t0 - 30), t0):
        return True
    if not _LAW_TITLE.search(text, t0, t1):
        return False
    return text.startswith(("'s", "’s"), t1) or bool(_CITED_BEFORE.search(text, max(0, t0 - 40), t0))


# A pact named by its title in running text ("the Economic Cooperation Framework Agreement",
# "the trade and cooperation agreement (TCA)"), not a new or hoped-for one ("a new Free Trade
# Agreement", "a possible Comprehensive Partnership").
_PACT_TITLE = re.compile(r"(?:[A-Z][\w-]*\s+(?:(?:and|of|on|for)\s+)?){1,6}(?:Agreement|Pact|Treaty|Accord|Partnership)$")
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z]{2,8}\)")
_NOT_YET = re.compile(r"\b(?:new|proposed|draft|planned|pending|possible|potential|future|hoped-for|"
                      r"negotiat\w*|talks|sign|signing|strike|seal|reach|conclude)\b(?:\s+\S+){0,3}\s*$", re.I)


def cited_pact(text: str, t0: int, t1: int, headline_end: int) -> bool:
    """Whether the agreement trigger [t0, t1) of the text as written names a pact by its title
    (capitalised words in running text, or followed by its acronym in brackets) with no word
    of one still to be made before it: an existing pact. Title-case headlines capitalise all."""
    if t0 < headline_end or _NOT_YET.search(text, max(0, t0 - 40), t0):
        return False
    return bool(_PACT_TITLE.search(text, max(0, t0 - 80), t1) or _ACRONYM_AFTER.match(text, t1))


# A live blog's or digest's rubric opening a headline ("Ukraine Latest:", "Russia-Ukraine war
# live:", "Australia news live:"): the countries it names are the blog's topic, no subject of
# what the headline says after the colon.
_RUBRIC = re.compile(r"[^:]{0,60}\b(?:Latest|[Ll]ive|LIVE|at a glance|[Bb]riefing|Update)\s*:\s")


def rubric_end(text: str, sent_start: int) -> int:
    """Where a headline's rubric ends (0 for none, or for a sentence that is no headline)."""
    m = _RUBRIC.match(text) if sent_start == 0 else None
    return m.end() if m else 0
