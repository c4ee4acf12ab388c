"""Countries and commodities named in a text, with the checks that keep ordinary words out.

"Georgia" may be the US state and "Jordan" a person; "lead", "tin" and "iron" are everyday
words. An ambiguous country name counts only when confirmed; an everyday-word commodity only
next to metal words, prices or another commodity.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .generic import GROUP, qualified_generics, without_anaphors
from .regions import acting_verb
from .sentences import Sentence
from .taxonomy import Taxonomy
from .vocab import Hot, Mention, Vocabulary

# Words around an everyday-word commodity ("lead", "tin", "silver") that make it a metal.
_METAL_CONTEXT = re.compile(
    r"\b(?:metals?|ores?|mines?|mining|miners?|smelt\w*|refin\w*|concentrates?|tonnes?|tons|"
    r"futures|ingots?|bullion|alloys?|batter(?:y|ies)|acid|ounces?|lme|comex|cathodes?|"
    r"minerals?|deposits?|galena|stockpiles?)\b",
    re.I,
)
# ... or a price right next to it ("lead prices", "the price of tin").
_PRICE_AFTER = re.compile(r"^\s+(?:prices?|output|exports?|imports?|production|supply|market)\b", re.I)
_PRICE_BEFORE = re.compile(r"\b(?:price|prices|exports?|imports?|output|production) of\s+$", re.I)
# ... or the goods a trade measure falls on ("the import tax on silver", "a ban on exports of
# spent platinum catalysts"): nobody levies a duty on a colour or a verb.
_MEASURED_ON = re.compile(
    r"\b(?:dut(?:y|ies)|tariffs?|tax(?:es)?|levy|levies|royalt(?:y|ies)|quotas?|bans?|curbs?|"
    r"(?:exports?|imports?|shipments?) of) (?:on )?(?:(?:all|raw|refined|spent|scrap|unwrought)\s+)?$",
    re.I)
# A verb, not a metal: "would lead", "to lead", "who lead".
_VERB_BEFORE = re.compile(
    r"\b(?:would|will|could|may|might|can|to|should|must|did|does|do|not|who|which|that|"
    r"they|we|you|i)\s+$", re.I)
# A weapons programme around a mineral word ("Iran's stockpile of near-weapons-grade uranium",
# "IAEA inspectors"): the material of a bomb, not a traded commodity.
_WEAPONS = re.compile(
    r"\b(?:nuclear (?:program|programme|weapons?|bombs?|watchdog|inspectors?|deal|submarines?)|"
    r"weapons?-grade|near-weapons|iaea|atomic energy agency|non-proliferation|"
    r"highly enriched|enrich(?:es|ing) uranium|enrichment (?:program|programme|levels?))\b")
_NUCLEAR = frozenset({"uranium"})  # the commodities a weapons programme is made of
_WEAPONS_SPAN = 160  # characters either side of a mention a weapons programme may be named
_NEIGHBOUR_SPAN = 44  # characters within which another commodity vouches for an everyday word
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")
_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
# Between two items of a list of countries: "the U.S. and Europe", "Europe and the US".
_LIST_GAP = re.compile(r"(?:,\s*|,?\s+and\s+|\s+or\s+)(?:the\s+)?")
# Capitalised words in title-case headlines that do not make the next name a surname.
_FUNCTION_WORDS = frozenset([
    "The", "A", "An", "And", "Of", "In", "To", "From", "For", "With", "On", "At", "By", "As",
    "Says", "Said", "Signs", "Sign", "Visits", "Visit", "Meets", "Meet", "Talks", "Deal",
    "Between", "Against", "Over", "After", "Before", "Into", "Tells", "Urges", "Warns", "Hits",
    "Eyes", "Backs", "King", "Queen", "President", "Minister", "Premier"])


def _listed_with(text: str, hits: list[Mention], i: int, j: int) -> bool:
    """Whether mention i is listed next to mention j, a country named outright."""
    if not 0 <= j < len(hits) or not hits[j].ident or hits[j].ident == hits[i].ident:
        return False
    a, b = sorted((hits[i], hits[j]), key=lambda h: h.start)
    return bool(_LIST_GAP.fullmatch(text, a.end, b.start))


def _with_hyphens(forms: dict[str, str | None]) -> dict[str, str | None]:
    """The forms plus each two-word form hyphenated, as headlines write compound modifiers
    ("critical-mineral projects", "battery-metals fund")."""
    out = dict(forms)
    for form, ident in forms.items():
        if form.count(" ") == 1:
            out.setdefault(form.replace(" ", "-"), ident)
    return out


class Gazetteer:
    """The taxonomy's countries and commodities as vocabularies, with their ambiguity rules."""

    def __init__(self, tax: Taxonomy) -> None:
        folded: dict[str, str | None] = {b: None for b in tax.country_blockers}
        exact: dict[str, str | None] = {}
        self._ambiguous: dict[str, str] = {}
        for c in tax.countries:
            folded.update({a: c.code for a in c.aliases})
            exact.update({a: c.code for a in c.cased_aliases})
            exact.update({a: c.code for a in c.leaders})  # "Trump threatened..." is the US acting
            for a in c.ambiguous_aliases:
                exact[a] = c.code
                self._ambiguous[a] = c.code
            exact.update({a: c.code for a in c.listed_aliases})
        self._listed = {a for c in tax.countries for a in c.listed_aliases}
        self.countries = Vocabulary(folded, exact)
        self._confirm = {
            c.code: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in c.confirm) + r")\b", re.I)
            for c in tax.countries if c.confirm}
        self._person = {c.code for c in tax.countries if c.person_name}
        self._acting = {c.code for c in tax.countries if c.acting_confirms}
        folded = {b: None for b in tax.commodity_blockers}
        exact = {}
        for k in tax.commodities:
            folded.update({a: k.id for a in k.aliases})
            exact.update({a: k.id for a in k.cased_aliases})
        folded.update({alias: "+".join(ids) for alias, ids in tax.compounds})
        self.commodities = Vocabulary(_with_hyphens(folded), exact)
        self._needs_context = {k.id for k in tax.commodities if k.context_required}
        self._has_group = any(k.id == GROUP for k in tax.commodities)

    def find_countries(self, text: str, low: str, hot: Hot, hot_cased: Hot,
                       sentences: list[Sentence]) -> list[Mention]:
        """Country mentions in text order; ambiguous names only where confirmed."""
        out = []
        for m in self.countries.find(text, low, hot, hot_cased):
            if m.ident is None or text.startswith("$", m.end):
                continue  # a currency, not the state: "US$375 million", "A$500 million"
            if m.exact and m.surface in self._ambiguous and not self._confirmed(m, text, sentences):
                continue
            out.append(m)
        if self._listed and any(m.surface in self._listed for m in out):
            out = [m for i, m in enumerate(out) if m.surface not in self._listed or any(
                _listed_with(text, out, i, j) for j in (i - 1, i + 1))]
        return out

    def _confirmed(self, m: Mention, text: str, sentences: list[Sentence]) -> bool:
        """An ambiguous name (Georgia, Jordan, Chad, Turkey) counts only when confirmed.

        It must not be part of a longer proper name ("Chad Bown", "Georgia Power"; outside a
        title-case headline), nor follow a first name ("Michael Jordan"), and the article must
        contain one of the country's confirming words (Tbilisi, Amman, N'Djamena, Ankara).
        A name whose other sense cannot act (Turkey) is the state when a policy verb follows.
        """
        code = m.ident or ""
        if code in self._acting and acting_verb().match(text, m.end):
            return True
        in_headline = bool(sentences) and sentences[0].start <= m.start < sentences[0].end
        if not in_headline and _NAME_GOES_ON.match(text[m.end: m.end + 30]):
            return False
        if code in self._person:
            prev = _NAME_BEFORE.search(text[max(0, m.start - 25): m.start])
            if prev and prev.group(1) not in _FUNCTION_WORDS and not any(
                    s.start == m.start for s in sentences):
                return False
        rx = self._confirm.get(code)
        return bool(rx and rx.search(text))

    def find_commodities(self, text: str, low: str, hot: Hot, hot_cased: Hot) -> list[Mention]:
        """Commodity mentions in text order (a compound form gives each of its members)."""
        hits: list[Mention] = []
        for m in self.commodities.find(text, low, hot, hot_cased):
            if m.ident is None:
                continue
            if "+" in m.ident:  # a compound form ("NdPr oxide") names several commodities
                hits.extend(m._replace(ident=i) for i in m.ident.split("+"))
            else:
                hits.append(m)
        starts = [h.start for h in hits]
        found = [m for i, m in enumerate(hits) if self._is_commodity(text, hits, starts, i)]
        return without_anaphors(low, qualified_generics(text, low, found)) if self._has_group else found

    @staticmethod
    def traded(low: str, hits: list[Mention]) -> list[Mention]:
        """The mentions that name a traded commodity: not the material of a weapons programme
        ("Iran's stockpile of near-weapons-grade uranium"), which is named but makes no story
        about minerals policy. Only nuclear material is a bomb's: gallium under a licensing rule
        tied to "non-proliferation obligations" is still traded."""
        if not any(m.ident in _NUCLEAR for m in hits) or not _WEAPONS.search(low):
            return hits
        return [m for m in hits if m.ident not in _NUCLEAR or not _WEAPONS.search(
            low, max(0, m.start - _WEAPONS_SPAN), m.end + _WEAPONS_SPAN)]

    def _is_commodity(self, text: str, hits: list[Mention], starts: list[int], i: int) -> bool:
        """A bare everyday word ("tin", "lead") counts only with metal context or a neighbour
        commodity that needs none; "tin ore" or "lead concentrate" needs no more proof."""
        m = hits[i]
        if m.ident not in self._needs_context or " " in m.surface:
            return True
        before, after = text[max(0, m.start - 40): m.start], text[m.end: m.end + 40]
        if _VERB_BEFORE.search(before):
            return False
        lo = bisect_left(starts, m.start - _NEIGHBOUR_SPAN)
        hi = bisect_right(starts, m.start + _NEIGHBOUR_SPAN)
        if any(j != i and hits[j].ident not in self._needs_context for j in range(lo, hi)):
            return True
        return bool(_METAL_CONTEXT.search(before) or _METAL_CONTEXT.search(after)
                    or _PRICE_AFTER.match(after) or _PRICE_BEFORE.search(before)
                    or _MEASURED_ON.search(before))
