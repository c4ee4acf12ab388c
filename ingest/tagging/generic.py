"""Generic mineral words made specific by what they are for.

"Metals" or "minerals" alone name no commodity, but news often names a critical mineral only
by its use: "chipmaking metals", "EV minerals", "two metals key to the manufacturing of
semiconductors", "metals needed for energy transitions". A generic head noun qualified by a
strategic use, before it or after it, or made the matter of a pact ("minerals deal"), names the
generic critical-minerals group.
"""

from __future__ import annotations

import re

from .vocab import Mention

GROUP = "critical_minerals"

# Uses that make a generic mineral word a critical one ("chip", "EV", "clean energy").
_USE = (r"(?:chip[- ]?making|chip|chips|semiconductors?|ev|evs|electric[- ]vehicles?|electric[- ]cars?|"
        r"batter(?:y|ies)|clean[- ]energy|green[- ]energy|green[- ]technolog(?:y|ies)|"
        r"energy[- ]transitions?|renewables?|renewable[- ](?:energy|power)|solar(?: panels?)?|"
        r"high[- ]tech|tech|electronics|wind[- ]turbines?|defen[cs]e)")
# Before the head: "chipmaking metals", "rare minerals", "key metals", "EV minerals"; plural
# only ("the key battery metal" is the one metal just named), but "chip metal export curbs".
_BEFORE = (r"\b(?:" + _USE + r"|rare|key|high-performance) (?:metals|minerals)\b"
           r"|\b(?:chip[- ]?making|chip|semiconductor) (?:metal|mineral)\b")
# After the head: "metals used in chips", "minerals vital to producing chips", "metals for EVs",
# "commodities essential for making electric cars", "mineral security for clean energy"
# ("raw materials used in batteries" stays unnamed: the labels read it as no group).
_AFTER = (r"\b(?:metals|minerals|mineral (?:sourcing|security|supplies|supply|sectors?)|"
          r"commodities)(?:(?: \S+){0,3}? (?:used|needed|key|critical|vital|necessary|"
          r"required|crucial|essential|important) (?:to|for|in)(?: \S+){0,4}?| for(?: \S+){0,2}?) "
          + _USE + r"\b")
# A pact on minerals as such ("US, Ukraine sign minerals deal", "a mineral resources
# agreement"): what states sign minerals deals over are the critical ones.
_PACT = r"\bminerals? (?:resources? )?(?:deals?|pacts?|agreements?|accords?|partnerships?|memorand(?:um|a))\b"
_QUALIFIED = re.compile(_AFTER + "|" + _BEFORE + "|" + _PACT)
# Every qualified phrase holds one of these heads, at most USE_REACH characters after its start
# (a use word and a space: "green technologies metals"). No phrase starts further back than
# that from the text's first head, so the scan starts there: the same matches, less text read.
_HEADS = ("metal", "mineral", "commodities")
USE_REACH = 19


def qualified_generics(text: str, low: str, hits: list[Mention]) -> list[Mention]:
    """`hits` (sorted by start) with a GROUP mention added for each qualified generic phrase
    that no hit already covers."""
    heads = [i for h in _HEADS if (i := low.find(h)) >= 0]
    if not heads:
        return hits
    added = [Mention(GROUP, m.start(), m.end(), text[m.start(): m.end()], False)
             for m in _QUALIFIED.finditer(low, max(0, min(heads) - USE_REACH))
             if not any(h.start < m.end() and m.start() < h.end and h.ident == GROUP
                        for h in hits)]
    if not added:
        return hits
    return sorted(hits + added, key=lambda h: h.start)


# "the key battery metal", "the vital minerals used in electric vehicles": a definite generic
# phrase after a named commodity points back to it, and names no group of its own.
_DEFINITE = re.compile(r"\bthe(?: [\w-]+){0,3} $")
_OWN_TERM = ("critical", "strategic", "rare")  # "the critical minerals" is a group named


def without_anaphors(low: str, hits: list[Mention]) -> list[Mention]:
    """`hits` less the GROUP mentions that only refer back to a commodity named before them."""
    first = next((h.start for h in hits if h.ident != GROUP), None)
    if first is None:
        return hits
    return [h for h in hits if not (
        h.ident == GROUP and h.start > first and _refers_back(low, h))]


def _refers_back(low: str, h: Mention) -> bool:
    """A definite generic phrase with a singular head or a use after it ("the battery metal",
    "the minerals used in EVs"); a plural compound ("the battery metals boom") is the group."""
    surface = h.surface.lower()
    return (not any(w in surface for w in _OWN_TERM) and not surface.endswith(("metals", "minerals"))
            and bool(_DEFINITE.search(low, max(0, h.start - 40), h.start)))


# Goods outside the taxonomy a trigger names as its own ("curbs on advanced chips"), or as its
# object right after it ("restrictions on chipmaking equipment", "tariffs on Chinese EVs").
_OTHER_GOODS = re.compile(r"\b(?:chips?|semiconductors?|chipmaking|chip-making)\b")
_GOODS_AFTER = re.compile(r"\s+(?:on|for|of|over)\s+(?:\S+\s+){0,3}?(?:chips?|semiconductors?|chipmaking|"
                          r"chip-making|electric (?:vehicles?|cars?)|evs?)\b")


def event_goods(low: str, span: tuple[int, int], own: tuple[str, ...],
                lent: tuple[str, ...]) -> tuple[str, ...]:
    """A trigger's minerals: none when it names goods outside the taxonomy as its own, else
    its sentence's, else those the article lends (`lent`), unless such goods are the object
    right after it ("restrictions on chipmaking equipment" is no act on the article's gallium)."""
    t0, t1 = span
    if _OTHER_GOODS.search(low, t0, t1):
        return ()
    return own or (() if _GOODS_AFTER.match(low, t1) else lent)
