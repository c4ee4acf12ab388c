"""Whether a trade measure falls on goods outside the taxonomy (the goods its trigger names, its
object right after it, or the goods word right before it), and whether a text names its minerals
only as markets.

"Copper edged up after Washington quadrupled duties on Chinese electric vehicles" reports a
tariff on cars, with copper only as a market; "Lithium stocks fall after China slaps duties on
EU brandy" a tariff on brandy. Such a measure takes no mineral from its sentence or its article
(docs/labelling.md: tariffs on cars, chip controls, steel alone are not relevant), and an entry
whose only acts fall on other goods while its minerals are named only as prices, shares, miners
or demand is not relevant. Goods listed with a mineral keep it ("tariffs on steel and
aluminium", "duties on EVs to 100% and on lithium-ion batteries to 25%"). A mineral named as
goods anywhere keeps the entry as it was: an act on other goods beside it ("duties on stainless
steel from Indonesia, where mills use nickel pig iron") is left to the relevance rules, as
reading goods per clause cost a relevant held-out entry.
"""

from __future__ import annotations

import re

from .vocab import Mention

# The types whose object is goods; money, plans and output rules may name a product as their
# aim ("a tax credit for electric vehicles" whose battery minerals must be sourced at home).
MEASURES = frozenset({"tariff", "export_control", "import_restriction", "sanction", "investigation"})

# Goods outside the taxonomy that trade measures fall on.
_OUTSIDE = (
    r"chips?|semiconductors?|chipmaking|chip-making|(?:electric )?(?:vehicles?|cars?)|evs?|"
    r"autos?|automobiles?|trucks?|steel|pork|beef|poultry|brandy|cognac|wines?|spirits|"
    r"whiske?y|vodka|dairy|cheese|soybeans?|rice|wheat|barley|corn|sugar|canola|"
    r"solar (?:panels?|cells?|modules?|glass|wafers?|products)|wind turbines?|drones?|tyres?|"
    r"furniture|textiles?|garments?|apparel|clothing|footwear|shoes|timber|lumber|plywood|"
    r"syringes?|gloves|pharmaceuticals?|medicines?|oil|crude|lng|petroleum|"
    r"diesel|fertili[sz]ers?|seafood|fish|salmon|shrimp|lobsters?|vapes?|e-cigarettes?|"
    r"cigarettes?|tobacco|software|smartphones?|laptops?")
_OUTSIDE_WORD = re.compile(r"\b(?:" + _OUTSIDE + r")\b")
# Words that open another clause: a mineral after them is no goods of the measure.
_BREAK = (r"(?:as|after|while|when|because|amid|but|said|says|that|which|who|whose|where|than|"
          r"since|until|according|hurting|hitting|weighing)")
# The trigger's object: goods right after it, perhaps named by their origin ("bans Chinese
# drones", "probes EU brandy"), or after a preposition and at most six words ("duties of up to
# 20% on cold-rolled stainless steel"). Not any word: "the ban helps EV makers" is no ban on EVs.
_OBJECT = re.compile(
    r"\s+(?:(?:on|of|for|into|against|targeting|covering|affecting)\s+(?:(?!" + _BREAK
    + r"\b)[^\s,;.:!?]+\s+){0,6}?|(?:(?:us|u\.s\.|eu|uk|[a-z]+(?:ese|ian|an|ish|ch|i))\s+)?)"
    r"(?=(?:" + _OUTSIDE + r")\b)")
# The goods word right before the trigger ("US steel tariffs", "the EU's car duties").
_MODIFIER = re.compile(r"\b(?:" + _OUTSIDE + r")(?:\s+(?:import|export))?\s+$")
_GLUE = re.compile(r"\s*(?:,|and|or|&)\s*")
# Where the list of goods the object opens ends: another clause or the sentence's end.
_LIST_END = re.compile(r"[.;:!?\n]|\s" + _BREAK + r"\b")
_REACH = 70


def outside_goods(low: str, t0: int, t1: int, goods: list[Mention]) -> bool:
    """Whether the trigger low[t0:t1] names, in its words, as its object or as the word before
    it, goods outside the taxonomy and no commodity listed with them (`goods`: the sentence's
    commodity mentions, sorted by start)."""
    word = _OUTSIDE_WORD.search(low, t0, t1)
    if word is None:
        m = _OBJECT.match(low, t1, min(len(low), t1 + _REACH))
        word = _OUTSIDE_WORD.match(low, m.end()) if m else None
    if word is not None:
        end = _LIST_END.search(low, word.end())
        stop = end.start() if end else len(low)
        return not any(t0 <= g.start < stop for g in goods)
    # the word before it: "the EU's car tariff decision" (not "aluminium and steel tariffs", nor
    # "auto tariffs spare copper": a mineral in its clause)
    m = _MODIFIER.search(low, max(0, t0 - 30), t0)
    if m is None or any(g.end <= m.start() and _GLUE.fullmatch(low, g.end, m.start()) for g in goods):
        return False
    end = _LIST_END.search(low, t1)
    stop = end.start() if end else len(low)
    return not any(m.start() <= g.start < stop for g in goods)


# A mineral named only as a market: its price, premium, shares, miners or demand, or a price verb
# ("Copper edges up as ...", "Aluminium prices slip", "lithium stocks fall", "zinc smelters").
_MARKET_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:prices?|premiums?|futures|stocks|shares|markets?|demand|miners?|smelters?|"
    r"producers?|traders?|outlook|spread|benchmark|rall(?:y|ies|ied)|rose|rises?|fell|falls?|slid|"
    r"slides?|slips?|slipped|edges?|edged|climbs?|climbed|jumps?|jumped|slumps?|slumped|surges?|"
    r"surged|gains?|gained|hits?|tumbles?|tumbled|sinks?|sank|steadies|dips?|dipped|extends?)\b")
_MARKET_BEFORE = re.compile(r"\b(?:prices? (?:of|for)|demand for|markets? for|shares (?:of|in)|"
                            r"stocks of)\s+$")


# Between two minerals of one list: "copper and silver futures", "nickel, cobalt prices".
_JOINED = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def market_only(low: str, hits: list[Mention]) -> bool:
    """Whether every mineral the text names is named as a market, not as goods; a list's
    market word after its last mineral names them all ("Copper and silver futures barely
    moved")."""
    market = False  # the next mention's
    for i in range(len(hits) - 1, -1, -1):
        h = hits[i]
        market = bool(_MARKET_AFTER.match(low, h.end) or _MARKET_BEFORE.search(low, max(0, h.start - 20), h.start)
                      or (market and _JOINED.fullmatch(low, h.end, hits[i + 1].start)))
        if not market:
            return False
    return bool(hits)
