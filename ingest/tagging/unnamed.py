"""Whether the only state a sentence names is a plural left unnamed: "Governments have poured
billions into lithium projects", "Export bans on nickel ore have become popular among producer
countries". That is general talk of what states do, no act of one (docs/labelling.md: general
talk about tariffs or sanctions with no acting government is no event).

A set that is named stays a state ("the two countries", "G7 nations", "Western governments",
"member states"), and so does any sentence that names a country or another government word.
"""

from __future__ import annotations

import re

from .article import Article

_PLURALS = re.compile(r"\b(?:governments|countries|nations|states)\b")
# Words before the plural that make it a named set: a determiner, a number, a group or a region.
_NAMED_SET = re.compile(
    r"\b(?:the|both|these|those|its|their|our|all|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens? of|\d+|member|partner|allied|ally|participating|signatory|neighbou?ring|western|"
    r"eastern|european|asian|african|arab|gulf|nordic|baltic|pacific|latin american|american|"
    r"g-?7|g-?20|brics|opec\+?|asean|eu|nato|quad|united)\s+(?:[\w-]+\s+)?$")


def unnamed_states(art: Article, si: int) -> bool:
    """Whether sentence si and the headline name no country and the sentence's only government
    words are plurals no set names ("governments", "more countries", "producer nations")."""
    if _names_a_country(art, si) or (si > 0 and _names_a_country(art, 0)):
        return False  # a headline's states are the body's plural: "Governments formulate lists"
    sent = art.sentences[si]
    plurals = list(_PLURALS.finditer(art.low, sent.start, sent.end))
    if not plurals:
        return False
    at = {m.start() for m in plurals}
    if any(_NAMED_SET.search(art.low, max(sent.start, m.start() - 30), m.start()) for m in plurals):
        return False
    return not any("government" in cats for p, cats in art.signal_hits(sent.start, sent.end) if p not in at)


def _names_a_country(art: Article, si: int) -> bool:
    """Whether sentence si names a country as more than a company's label."""
    f = art.facts(si)
    return any(h.start not in f.labels for h in f.countries)
