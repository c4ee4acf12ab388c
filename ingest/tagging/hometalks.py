"""Whether talks are home politics, by who holds them: parties, provinces, unions or bidders
("Republicans claim progress in talks with White House", "talks on Monday with political
parties", "cutting provincial officials out of the negotiations"). Only states hold trade talks;
a home party's talks with its own government are a budget, a coalition or a contract."""

from __future__ import annotations

import re

# Bodies of a country's home politics or procurement, never a party of trade talks.
_HOME = (r"(?:political parties|(?:the )?opposition(?: parties)?|republicans|democrats|tories|"
         r"provinces|provincial (?:officials|governments?|leaders|ministers)|premiers|"
         r"(?:trade )?unions|tenderers?|preferred tenderers?|bidders|contractors)")
# The same, and the government they face at home ("with White House", "with the government").
_HOME_OR_GOVERNMENT = _HOME[:-1] + r"|(?:the )?white house|(?:the )?government|ministers|congress)"
# "talks with political parties", "talks on Monday with the opposition"
_WITH_HOME = re.compile(r"^(?:\s+on \w+day)?\s+with (?:the )?(?:[\w-]+\s+){0,1}?" + _HOME + r"\b")
# A home party as the clause's subject right before ("Republicans claim progress in talks").
_HOME_BEFORE = re.compile(r"\b" + _HOME + r"\b(?:\s+[\w'’-]+){0,4}\s+$")
# Talks with someone: a party named after the trigger.
_WITH = re.compile(r"^(?:\s+on \w+day)?\s+(?:with|between)\b")
_WITH_GOVERNMENT = re.compile(r"^(?:\s+on \w+day)?\s+with (?:[\w-]+\s+){0,1}?" + _HOME_OR_GOVERNMENT + r"\b")


def home_talks(before: str, after: str) -> bool:
    """Whether talks between `before` and `after` (lower-cased, in the trigger's sentence) are
    held by home bodies: a party named with them, or one as their subject and no other side
    named but its own government."""
    if _WITH_HOME.match(after):
        return True
    return bool(_HOME_BEFORE.search(before)) and (not _WITH.match(after) or bool(_WITH_GOVERNMENT.match(after)))
