"""Publisher boilerplate inside feed summaries: calls to follow a live blog, sign up for a
newsletter or keep reading ("Follow our Australia news live blog for the latest updates").

They are no part of the story, yet they name countries ("Australia", "Russia-Ukraine") that
would read as a government acting in the sentence they are glued to. The countries they name
still count as named (labels list every country the text names); they only take no part in
an event.
"""

from __future__ import annotations

import re

from .vocab import Mention

# Each promo runs from its opening words to its own last words (no sentence stop inside).
_PROMO = re.compile(
    r"Follow our [^.]{0,60}?(?:live blog|coverage)"
    r"|Get our [^.]{0,80}?(?:podcast|emails?|newsletters?)"
    r"|Sign up for [^.]{0,100}?(?:newsletters?|emails?|here|roundup)"
    r"|See all our [^.]{0,40}?coverage")
_OPENERS = ("Follow our", "Get our", "Sign up for", "See all our", "Follow live")


def outside_promos(text: str, hits: list[Mention]) -> list[Mention]:
    """The mentions that are not inside a publisher promo."""
    if not hits or not any(o in text for o in _OPENERS):
        return hits
    spans = [m.span() for m in _PROMO.finditer(text)]
    return [h for h in hits if not any(a <= h.start < b for a, b in spans)]


# A run of promos, each to its last words, as a feed glues them between two sentences ("Follow
# our Australia news live blog for the latest updates Get our morning and afternoon news
# emails, free app or daily news podcast").
_RUN = re.compile(
    r"(?:(?:Follow our [^.]{0,60}?(?:live blog|coverage)(?: for the latest updates)?"
    r"|Follow live|Get our [^.]{0,80}?(?:emails?|newsletters?)(?: ?, free app or daily news podcast)?"
    r"|Sign up for [^.]{0,100}?(?:newsletters?|emails?)(?: for your daily news roundup)?"
    r"|See all our [^.]{0,40}?coverage)[\s,]*)+")


def promo_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) of each run of publisher promos in `text` (none when no opener is there)."""
    if not any(o in text for o in _OPENERS):
        return []
    return [m.span() for m in _RUN.finditer(text)]
