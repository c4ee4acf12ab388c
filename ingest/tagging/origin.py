"""The state goods leave: at an export trigger, the country named as where the goods come from
controls their export ("need a licence to leave China", "exports from Indonesia come to an
end", "a licence requirement on Chinese rare earths"). "from" and "in" count inside the
trigger, and after it only where a nominal headline ends with the country ("Export ban on raw
lithium in Zimbabwe"): "blockade halts shipments from Peruvian mine" and "Port strike halts
copper exports from Chile" are no state's act. A demonym on the goods before an export
trigger names the curbs' owner ("Chinese Gallium Controls": goods_owner)."""

from __future__ import annotations

import re

from .article import Article
from .bans import DEMONYM, GOODS_BEFORE, ORIGIN_GAP
from .signals import Facts
from .vocab import Mention

_ORIGIN = re.compile(r"\b(?:out of|leave|leaves|leaving|exit|exits|exiting)(?: the)? $")
_ORIGIN_INSIDE = re.compile(r"\b(?:from|in)(?: the)? $")  # "exporters in China must ..."
_ENDS_HEADLINE = re.compile(r"\s*(?:$|[,:;]|\s[-–—|]\s)")  # "... in Zimbabwe", "... from China, ..."
_NOMINAL_WORDS = frozenset({"new", "fresh", "temporary", "raw", "unprocessed", "the", "a", "an"})
_ORIGIN_REACH = 24  # characters after the trigger where the country left may still be named
_WORD = re.compile(r"[\w'’-]+")
# Goods named by where they come from, just after an export trigger ("a licence requirement on
# seven Chinese rare earths" is the exports of China): a demonym one word or none before them.


def goods_leave(art: Article, si: int, f: Facts, t0: int, t1: int) -> bool:
    """Whether an export trigger names the country the goods leave: "need a licence to leave
    China", "exporters in China must ..."; in a headline, also a country that ends it after
    "in" or "from" ("Export ban on raw lithium in Zimbabwe"), which a mine or a firm named by
    its country does not ("halts shipments from Peruvian mine")."""
    for h in f.countries:
        if h.start in f.labels or h.start <= t0:
            continue
        near = h.start <= t1 + _ORIGIN_REACH
        if near and _ORIGIN.search(art.low, h.start - 14, h.start):
            return True
        if _ORIGIN_INSIDE.search(art.low, h.start - 10, h.start) and (
                h.start < t1 or (si == 0 and _ENDS_HEADLINE.match(art.text, h.end)
                                 and _nominal(art, t0))):
            return True
        if near and h.start >= t1 and DEMONYM.search(h.surface) and any(
                GOODS_BEFORE.fullmatch(art.low, h.end, g.start) for g in f.commodities if g.start > h.end):
            return True  # "licence requirement on seven Chinese rare earths"
    return False


def _nominal(art: Article, t0: int) -> bool:
    """Whether a headline opens with its act, no subject before it: only the goods and a few
    modifiers ("Cobalt export halt in Congo"; not "Port strike halts copper exports ...")."""
    words = art.low[:t0]
    for g in art.commodities:
        if g.end <= t0:
            words = words[:g.start] + " " * (g.end - g.start) + words[g.end:]
    return all(w in _NOMINAL_WORDS for w in _WORD.findall(words))


def goods_owner(type_id: str, t0: int, countries: list[Mention], goods: list[Mention],
                text: str) -> str | None:
    """The country whose demonym stands right before the goods right before an export trigger:
    the owner of the curbs ("Korean Chipmakers Brace For Chinese Gallium Controls"); an import
    trigger's demonym names the goods' origin instead ("Russian uranium ban")."""
    if type_id != "export_control":
        return None
    for h in countries:
        if h.end < t0 and DEMONYM.search(h.surface) and any(
                g.start - h.end in ORIGIN_GAP and g.end <= t0 and GOODS_BEFORE.fullmatch(text, g.end, t0)
                for g in goods):
            return h.ident
    return None
