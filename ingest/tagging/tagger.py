"""The event tagger: text and publication time in, article tags and events out.

A trigger phrase in a sentence makes an event. Its countries, commodities, status and date
come from that sentence, falling back to the headline and then the whole article when the
sentence names none; the sentence is kept as evidence. Rules, not a model: every tag can be
traced to the words that set it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import NamedTuple, TypeVar

from ..records import EventRecord
from ..text import html_to_text
from .dates import DateMention, find_dates, may_start_date
from .taxonomy import Taxonomy, default_taxonomy
from .triggers import TriggerSet
from .vocab import (
    Hot,
    Mention,
    Vocabulary,
    WordIndex,
    WordSignals,
    lower_same_length,
    normalise_text,
    trie_pattern,
)

_T = TypeVar("_T")
_new = tuple.__new__  # builds a named tuple without its (Python-level, slower) __new__

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
# A verb, not a metal: "would lead", "to lead", "who lead".
_VERB_BEFORE = re.compile(
    r"\b(?:would|will|could|may|might|can|to|should|must|did|does|do|not|who|which|that|"
    r"they|we|you|i)\s+$", re.I)
# Negation scoping over the trigger: "has no plans to restrict exports".
_NEGATION = re.compile(
    r"(?:\bno (?:plans?|intention|immediate plans?) (?:\w+ ){0,2}to|\b(?:not|never)\b|n't\b|"
    r"\b(?:denied|denies|deny|dismissed|rejected|ruled out|rules out|rule out|refused to|"
    r"declined to|has no|have no|there (?:is|are|will be) no|without)\b)(?:[\s,]+[\w'-]+){0,5}[\s,]*$",
    re.I,
)
# Denials anywhere before the trigger: "denied a report that it was preparing a ban".
_DENIAL = re.compile(
    r"\b(?:(?:denied|denies|dismissed|rejected|refuted) (?:\S+ ){0,3}(?:reports?|claims?|"
    r"speculation|rumou?rs?|suggestions?)|no plans? to|ruled out|rules out|rule out|"
    r"decided against|deciding against|decide against|declined to)\b", re.I)
# A word one of the two patterns above needs ("n't" is the word "t" after the apostrophe):
# only a trigger with such a word before it in its sentence is checked.
_NEGATION_PARTS = ("deni", "deny", "dismissed", "rejected", "refuted", "rule", "refused",
                   "declined", "without", "decid", "never")


def _may_negate(word: str) -> bool:
    """Whether a (lower-cased) word may be part of a negation or a denial."""
    return word == "t" or word.endswith(("no", "not")) or any(p in word for p in _NEGATION_PARTS)


_COMPANY_NOUNS = [
    "firm", "firms", "company", "companies", "miner", "miners", "exporter", "exporters", "producer",
    "producers", "group", "manufacturer", "manufacturers", "automaker", "automakers", "carmaker",
    "carmakers", "smelter", "smelters", "trader", "traders", "buyer", "buyers", "investor",
    "investors", "refiner", "refiners", "startup", "startups", "conglomerate", "corporation",
    "steel mill", "steel mills", "mill", "mills", "plant", "plants", "utilities", "developer",
    "developers"]
# A company named by its country ("Chinese refiners", "China's CMOC"): a capitalised name or a
# company noun within two words after the country. (The nouns are one trie: this runs for every
# country in a sentence with a trigger.)
_COMPANY_NOUN = re.compile(  # matched from a country's end to 40 characters on (no slicing)
    r"\s*(?:'s\s+)?(?:[A-Z][\w&.-]+\b(?<!Sunday)(?<!Monday)(?<!Tuesday)(?<!Wednesday)"
    r"(?<!Thursday)(?<!Friday)(?<!Saturday)|(?:[a-z-]+\s+){0,2}(?:"
    + trie_pattern(_COMPANY_NOUNS) + r")\b)"
)
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")
_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
# The three below (and _FUTURE_CUE) run on " " + lower-cased text: a leading \W stands for \b
# and, being a character class, lets the regex engine skip whole words between tries.
_OBJECT_PREP = re.compile(r"\W(?:on|against|to|from|for)\s+(?:the\s+)?$")
_BY_AGENT = re.compile(r"\Wby\s+(?:the\s+)?$")  # on the text as written: "by", not "By"
_TARGET_PREP = re.compile(
    r"\W(?:on|against|to|from|targeting|targeted at|aimed at|toward|towards|for|with|into)\s+"
    r"(?:the\s+|a\s+)?(?:\S+\s+){0,3}$")
# Abbreviations whose full stop does not end a sentence ("U.S.", "Oct.", "Mr."), and initials.
_ABBREVIATIONS = ("U.S", "U.K", "U.N", "E.U", "Mr", "Mrs", "Ms", "Dr", "St", "No", "Nos", "Inc",
                  "Corp", "Co", "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                  "Sept", "Oct", "Nov", "Dec", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "vs",
                  "approx", "est", "Dept", "Jr", "Sr")


def _not_after(words: tuple[str, ...]) -> str:
    """Look-behinds, one per length (each must be fixed-width), refusing "<word>." before here."""
    by_len: dict[int, list[str]] = {}
    for w in words:
        by_len.setdefault(len(w), []).append(re.escape(w))
    return "".join(rf"(?<!\b(?:{'|'.join(sorted(ws))})\.)" for _n, ws in sorted(by_len.items()))


# A sentence ends at . ! or ? (not an abbreviation's full stop), then closing quotes or
# brackets, then space, then a capital or a digit. Starting with the class lets the regex
# engine skip to the next stop; the look-behinds are checked only there.
_SENTENCE = re.compile(
    r"[.!?]" + _not_after(_ABBREVIATIONS) + r"(?<!\b[A-Z]\.)"
    r"[\"'”)\]]*\s+(?=[\"'“(\[]?[A-Z0-9])")
# A sentence that refers back to the previous one ("The ban...", "It", "The decree, dated...").
_ANAPHOR_NOUNS = ["move", "measure", "measures", "ban", "bans", "decision", "decree", "rule", "rules", "order", "notice", "announcement", "sanctions", "curbs", "controls", "restrictions", "truce", "probe", "investigation", "duties", "agreement", "accord", "suspension", "extension", "step", "tariff", "tariffs", "levy", "quota", "quotas", "deal", "pact", "framework", "talks", "meeting", "summit", "policy", "regulation", "regulations", "law", "list", "plan", "strategy", "statement", "ministry", "government", "regulator", "department", "agency", "commission", "cabinet"]
_ANAPHOR = re.compile(  # one trie: tried at the start of most sentences that hold a trigger
    r"^[\"“]?(?:" + trie_pattern(["it", "its", "they", "their", "this", "these", "those", "he", "she"]
                             + [f"the {n}" for n in _ANAPHOR_NOUNS]) + r")\b", re.I)
_FUTURE_CUE = re.compile(r"\W(?:will|plans? to|expected to|next|upcoming|later this)\b")
# Word lists, looked up at the words the word index flags (lower-cased, no re.I): which
# sentences name a government, a company, company business ("deal to buy") or a crime.
_SIGNAL_WORDS = WordSignals({
    "criminal": ["police", "smuggl*", "arrest*", "fraud", "criminal", "prosecutor", "prosecutors", "indict*", "bribery", "corruption", "theft", "stolen", "murder*", "killed"] + ["charged with"],
    "state": ["government", "ministry", "minister", "state"],
    "government": (
        ["government", "govt", "ministry", "minister", "ministers", "ministerial", "cabinet", "president", "premier", "parliament", "lawmakers", "congress", "senate", "regulator", "regulators", "authorities", "official", "officials", "administration", "state", "states", "commission", "council", "agency", "department", "customs", "treasury", "pentagon", "kremlin", "beijing", "washington", "brussels", "mofcom", "ustr", "eu", "g7", "g-7", "g20", "g-20", "apec", "wto", "decree", "presidential", "federal", "national", "public", "sovereign", "secretary", "ambassador", "envoy", "negotiator", "negotiators", "delegation", "delegations", "leader", "leaders", "bloc", "nation", "nations", "countries", "country", "governments", "summit", "ministries", "king", "emir", "chancellor", "junta", "proclamation", "law", "bill", "act", "regulation", "announcement"]
        + ["prime minister", "white house", "european union", "executive order"]),
    "corporate": (
        ["acquir*", "acquisition", "merger", "merge", "buyout", "shareholder", "shareholders", "ipo", "earnings", "dividend"]
        + ["takeover bid", "stock exchange"]
        + [f"{a} to {b}" for a in ("deal", "agreement", "agreed", "agrees", "agree", "offer", "bid")
           for b in ("buy", "purchase", "take over")]),
    "company": (
        ["company", "companies", "firm", "firms", "miner", "miners", "producer", "producers", "exporter", "exporters", "carmaker", "carmakers", "automaker", "automakers", "manufacturer", "manufacturers", "trader", "traders", "buyer", "buyers", "investor", "investors", "developer", "shareholder", "shareholders", "ceo", "inc", "corp", "ltd", "plc", "llc"]
        + ["chief executive"]),
})
TAGGER_VERSION_SALT = "tagger-1"
_NO_LABELS: frozenset[int] = frozenset()
# WordIndex bits: which matcher may start at a word.
_COUNTRY, _COMMODITY, _SIGNAL, _TRIGGER, _CUE, _DATE, _COUNTRY_CASED, _COMMODITY_CASED, _NEG = (
    1, 2, 4, 8, 16, 32, 64, 128, 256)
# Capitalised words in title-case headlines that do not make the next name a surname.
_FUNCTION_WORDS = frozenset(
    ["The", "A", "An", "And", "Of", "In", "To", "From", "For", "With", "On", "At", "By", "As", "Says", "Said", "Signs", "Sign", "Visits", "Visit", "Meets", "Meet", "Talks", "Deal", "Between", "Against", "Over", "After", "Before", "Into", "Tells", "Urges", "Warns", "Hits", "Eyes", "Backs", "King", "Queen", "President", "Minister", "Premier"]
)


@dataclass(frozen=True)
class TagResult:
    """Tags of one article: relevance, every country and commodity, and the events found."""

    relevant: bool
    countries: tuple[str, ...]
    commodities: tuple[str, ...]
    events: tuple[EventRecord, ...]


class _Facts(NamedTuple):
    """What one sentence says, worked out once however many triggers it holds (built with
    tuple.__new__: a dataclass's generated __init__ runs as Python code)."""

    countries: list[Mention]
    commodities: list[Mention]
    government: bool
    acting: bool  # a government word, or a country named as more than a company's label
    corporate: bool
    company: bool
    criminal: bool
    cues: tuple[tuple[str, int, int], ...]  # (status, start, end) in text offsets, by priority
    labels: frozenset[int]  # starts of countries that only label a company ("Chinese refiners")
    country_ids: tuple[str, ...]  # the countries named, in order
    commodity_ids: tuple[str, ...]  # the commodities named, with their groups


def _clause_starts(s: str) -> tuple[int, ...]:
    """Offsets where the sentence's clauses begin, ending with its length + 1."""
    if not any(marker in s for marker in _CLAUSE_MARKERS):  # (plain scans: far cheaper)
        return (0, len(s) + 1)
    return (0, *(m.start() for m in _CLAUSE.finditer(s)), len(s) + 1)


class _Sentence(NamedTuple):
    start: int
    end: int
    text: str


def split_sentences(text: str, offset: int = 0) -> list[_Sentence]:
    """Sentences with their offsets; abbreviations (U.S., Oct., No.) do not end one."""
    out: list[_Sentence] = []
    start = 0
    for m in _SENTENCE.finditer(text):
        stop = m.start() + 1  # just after the full stop
        chunk = text[start: stop].strip()
        if chunk:
            out.append(_new(_Sentence, (offset + start, offset + stop, chunk)))
        start = m.end()
    chunk = text[start:].strip()
    if chunk:
        out.append(_new(_Sentence, (offset + start, offset + len(text), chunk)))
    return out


class Tagger:
    """Compiled vocabularies and rules for one taxonomy; `tag` is pure and thread-safe."""

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.tax = taxonomy or default_taxonomy()
        tax = self.tax
        self.version = self._version()
        # Countries: names, exact-case forms, ambiguous forms (exact case, checked later).
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
        self.countries = Vocabulary(folded, exact)
        self._confirm = {
            c.code: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in c.confirm) + r")\b", re.I)
            for c in tax.countries if c.confirm
        }
        self._person = {c.code for c in tax.countries if c.person_name}
        # Commodities.
        folded = {b: None for b in tax.commodity_blockers}
        exact = {}
        self._needs_context: set[str] = set()
        for k in tax.commodities:
            folded.update({a: k.id for a in k.aliases})
            exact.update({a: k.id for a in k.cased_aliases})
            if k.context_required:
                self._needs_context.add(k.id)
        folded.update({alias: "+".join(ids) for alias, ids in tax.compounds})
        self.commodities = Vocabulary(folded, exact)
        # Triggers: matched as one leftmost-first alternation over lower-cased text.
        self._trigger_of = [(et.id, t.subtype, et.kind) for et in tax.event_types for t in et.triggers]
        self._triggers = TriggerSet([t.pattern for et in tax.event_types for t in et.triggers],
                                    [et.id for et in tax.event_types for _t in et.triggers])
        # Status cues: one prefix-indexed scan per sentence finds every status whose cue occurs.
        self._status_order = [s.id for s in tax.statuses]
        self._cue_status = [s.id for s in tax.statuses for _c in s.cues]
        self._cues = TriggerSet([c for s in tax.statuses for c in s.cues],
                                [s.id for s in tax.statuses for _c in s.cues])
        self._default_status = {k: s.id for s in tax.statuses for k in s.default_for}
        # Which matchers may start at a word, asked once per distinct chunk (see WordIndex).
        self._words = WordIndex({
            _COUNTRY: self.countries.first_words.__contains__,
            _COUNTRY_CASED: self.countries.first_words_cased.__contains__,
            _COMMODITY: self.commodities.first_words.__contains__,
            _COMMODITY_CASED: self.commodities.first_words_cased.__contains__,
            _SIGNAL: _SIGNAL_WORDS.may_start,
            _TRIGGER: self._triggers.may_start,
            _CUE: self._cues.may_start,
            _DATE: may_start_date,
            _NEG: _may_negate,
        }, not_after_hyphen=_TRIGGER | _CUE | _DATE)
        self._applies = {s.id: s.applies_to for s in tax.statuses}
        self._status_rank = {s.id: n for n, s in enumerate(tax.statuses)}

    def _version(self) -> str:
        """A fingerprint of the rules and taxonomy, so stored tags know what made them."""
        h = hashlib.sha1(TAGGER_VERSION_SALT.encode())
        h.update(repr(self.tax).encode())
        return h.hexdigest()[:12]

    # --- public -------------------------------------------------------------------------

    def tag(self, title: str, summary: str, published: datetime | date) -> TagResult:
        """Tag one article. `summary` may be HTML; `published` anchors relative dates."""
        pub = _utc_day(published)
        title = normalise_text(html_to_text(title))
        body = normalise_text(html_to_text(summary))
        text = title + "\n" + body
        low = lower_same_length(text)
        sentences = ([_Sentence(0, len(title), title)] if title else []) + split_sentences(
            body, len(title) + 1)
        # Split into words once; each matcher then visits only the words that may start a match.
        hot = self._words.hot(low)
        country_hits = self._countries(text, low, hot, sentences)
        commodity_hits = self._commodities(text, low, hot)
        art_countries = _ordered_unique(m.ident for m in country_hits)
        art_commodities = _ordered_unique(m.ident for m in commodity_hits)
        events = self._events(text, low, hot, sentences, pub, country_hits, commodity_hits)
        all_commodities = self.tax.rollup(art_commodities)
        relevant = bool(events) and bool(all_commodities)
        return TagResult(relevant, tuple(sorted(art_countries)), all_commodities, tuple(events))

    # --- vocabularies -------------------------------------------------------------------

    def _countries(self, text: str, low: str, hot: dict[int, Hot],
                   sentences: list[_Sentence]) -> list[Mention]:
        out = []
        for m in self.countries.find(text, low, hot[_COUNTRY], hot[_COUNTRY_CASED]):
            if m.ident is None:
                continue
            if m.exact and m.surface in self._ambiguous and not self._confirmed(m, text, sentences):
                continue
            out.append(m)
        return out

    def _confirmed(self, m: Mention, text: str, sentences: list[_Sentence]) -> bool:
        """An ambiguous name (Georgia, Jordan, Chad, Turkey) counts only when confirmed.

        It must not be part of a longer proper name ("Chad Bown", "Georgia Power"; outside a
        title-case headline), nor follow a first name ("Michael Jordan"), and the article must
        contain one of the country's confirming words (Tbilisi, Amman, N'Djamena, Ankara).
        """
        code = m.ident or ""
        in_headline = bool(sentences) and sentences[0].start <= m.start < sentences[0].end
        after = text[m.end: m.end + 30]
        if not in_headline and _NAME_GOES_ON.match(after):
            return False
        if code in self._person:
            prev = _NAME_BEFORE.search(text[max(0, m.start - 25): m.start])
            if prev and prev.group(1) not in _FUNCTION_WORDS and not any(
                    s.start == m.start for s in sentences):
                return False
        rx = self._confirm.get(code)
        return bool(rx and rx.search(text))

    def _commodities(self, text: str, low: str, hot: dict[int, Hot]) -> list[Mention]:
        hits: list[Mention] = []
        for m in self.commodities.find(text, low, hot[_COMMODITY], hot[_COMMODITY_CASED]):
            if m.ident is None:
                continue
            if "+" in m.ident:  # a compound form ("NdPr oxide") names several commodities
                hits.extend(m._replace(ident=i) for i in m.ident.split("+"))
            else:
                hits.append(m)
        out = []
        starts: list[int] | None = None
        for i, m in enumerate(hits):
            if m.ident in self._needs_context and " " not in m.surface:
                # A bare everyday word; "tin ore" or "lead concentrate" needs no more proof.
                before, after = text[max(0, m.start - 40): m.start], text[m.end: m.end + 40]
                if _VERB_BEFORE.search(before):
                    continue
                # Another commodity that needs no context within 44 characters (hits are in
                # text order: only those starting in [start - 44, start + 44] can be).
                if starts is None:
                    starts = [h.start for h in hits]
                lo = bisect_left(starts, m.start - 44)
                hi = bisect_right(starts, m.start + 44)
                neighbours = any(j != i and hits[j].ident not in self._needs_context
                                 for j in range(lo, hi))
                if not (neighbours or _METAL_CONTEXT.search(before) or _METAL_CONTEXT.search(after)
                        or _PRICE_AFTER.match(after) or _PRICE_BEFORE.search(before)):
                    continue
            out.append(m)
        return out

    # --- events -------------------------------------------------------------------------

    def _events(self, text: str, low: str, hot: dict[int, Hot],
                sentences: list[_Sentence], pub: date,
                country_hits: list[Mention], commodity_hits: list[Mention]) -> list[EventRecord]:
        headline = sentences[0] if sentences else None
        in_headline = [h for h in country_hits if headline and h.start < headline.end]
        comm_headline = [h for h in commodity_hits if headline and h.start < headline.end]
        facts: dict[int, _Facts] = {}
        clauses: dict[int, tuple[int, ...]] = {}  # sentence → where its clauses begin
        starts = [s.start for s in sentences]
        # Signal words are looked up per sentence, for the sentences whose facts are needed: a
        # word belongs to the last sentence starting at or before it. (No signal form spans a
        # sentence break, so looking sentence by sentence finds what one pass would.)
        signal_hot = hot[_SIGNAL]
        signal_at = [p for p, _w in signal_hot]

        country_starts = [h.start for h in country_hits]
        commodity_starts = [h.start for h in commodity_hits]
        date_hot = hot[_DATE]
        date_starts = [p for p, _w in date_hot]
        dates: dict[int, list[DateMention]] = {}

        # These helpers must not call one another: compiled, all closures of a function share
        # one scope object, and a helper stored in it would make a reference cycle that keeps
        # the whole article alive until the cyclic collector runs (a test checks for none).
        def facts_of(i: int) -> _Facts:
            f = facts.get(i)
            if f is None:
                sent = sentences[i]
                upto = starts[i + 1] if i + 1 < len(starts) else len(low) + 1
                words = _within(signal_hot, signal_at, starts[i], upto)
                f = facts[i] = self._facts(
                    text, _within(country_hits, country_starts, sent.start, sent.end),
                    _within(commodity_hits, commodity_starts, sent.start, sent.end),
                    _SIGNAL_WORDS.categories(low, words) if words else set(), cues[i])
            return f

        def dates_of(i: int) -> list[DateMention]:
            """A sentence's dates, parsed once and only for sentences that need them."""
            d = dates.get(i)
            if d is None:
                sent = sentences[i]
                sl = low[sent.start: sent.end]
                if len(sl) == len(sent.text):  # tried only where a date may start
                    d = find_dates(sent.text, pub, sl, [
                        (p - sent.start, w) for p, w in _within(date_hot, date_starts, sent.start, sent.end)])
                else:  # the sentence was stripped: its offsets differ, let the parser scan it
                    d = find_dates(sent.text, pub)
                dates[i] = d
            return d

        found: list[tuple[int, int, re.Match[str]]] = []  # (sentence index, trigger, match)
        for index, m in self._triggers.finditer(low, [s for s, _w in hot[_TRIGGER]]):
            si = bisect_right(starts, m.start()) - 1
            if si >= 0 and m.start() < sentences[si].end:
                found.append((si, index, m))
        with_trigger = {si for si, _i, _m in found}
        # Status cues matter only where a trigger is: look for them in those sentences alone.
        cues: list[list[tuple[str, int, int]]] = [[] for _ in sentences]
        cue_at = [p for p, _w in hot[_CUE]]
        cue_starts = [p for si in sorted(with_trigger)
                      for p in _within(cue_at, cue_at, sentences[si].start, sentences[si].end)]
        for i, m in self._cues.finditer(low, cue_starts):
            si = bisect_right(starts, m.start()) - 1
            if si >= 0 and m.end() <= sentences[si].end:
                cues[si].append((self._cue_status[i], m.start(), m.end()))
        neg_starts = [p for p, _w in hot[_NEG]]
        neg_ends = [p + len(w) for p, w in hot[_NEG]]  # words do not overlap: ends ascend too
        raw: list[tuple[int, EventRecord]] = []
        # Where a sentence names no country or commodity, the headline's stand in, then the
        # article's most mentioned (worked out once, when first needed).
        fallback: dict[str, tuple[str, ...]] = {}

        def fallback_countries() -> tuple[str, ...]:
            if "countries" not in fallback:
                fallback["countries"] = _ids(in_headline) or _ids(_top(country_hits, 2))
            return fallback["countries"]

        def fallback_commodities() -> tuple[str, ...]:
            if "commodities" not in fallback:
                fallback["commodities"] = self.tax.rollup(
                    _ids(comm_headline) or _ids(_top(commodity_hits, 3)))
            return fallback["commodities"]

        for si, index, m in found:
            type_id, subtype, kind = self._trigger_of[index]
            sent = sentences[si]
            t0, t1 = m.span()
            j = bisect_right(neg_starts, t0 - 1)  # negation words starting before it
            if j and neg_ends[j - 1] > max(sent.start, t0 - 160):
                before = text[sent.start: t0]
                if _NEGATION.search(before[-70:]) or _DENIAL.search(before[-160:]):
                    continue
            f = facts_of(si)
            if type_id == "investigation" and f.criminal:
                continue
            government = f.government or any(
                h.start < t0 and h.start not in f.labels
                for h in f.countries)
            if type_id == "summit":
                government = True  # heads of state or government meet by definition
            if not government and si >= 1 and not f.company:
                # A sentence that goes on about an earlier one's government ("Talks continue.",
                # "..., he said."): look back a few sentences, stopping at company news.
                for back in range(si - 1, max(-1, si - 4), -1):
                    prior = facts_of(back)
                    if prior.acting:
                        government = True
                        break
                    if prior.company:
                        break
            if not government or (f.corporate and (kind in ("meeting", "agreement")
                                                   or type_id == "investment")):
                continue
            trig = t0 - sent.start  # in the sentence
            cuts = clauses.get(si)
            if cuts is None:
                cuts = clauses[si] = _clause_starts(sent.text)
            lo, hi = _clause(cuts, trig)
            actor, targets = self._roles(kind, t0, sent, f.countries, f.labels, text, sent.start + lo)
            mentions = dates_of(si)
            when = _choose_date(mentions, lo, hi, kind, trig)
            if (when is None or when.vague) and si > 0:
                when = self._borrowed_date(si, sentences, with_trigger, dates_of, pub) or when
            status = self._status(kind, type_id, subtype, f.cues, t0, t1, when, pub)
            if when is None:
                start, end, precision, source = pub, None, "day", "published"
            else:
                start, end, precision, source = when.start, when.end, when.precision, "text"
            if end is None and mentions:
                until = _until(mentions, lo, hi)
                if until is not None and until.start > start:
                    end = until.start  # the period a suspension or truce runs
            raw.append((si, _new(EventRecord, (
                type_id, subtype, status, start, precision, end, source, actor,
                f.country_ids or fallback_countries(),
                tuple(t for t in targets if t != actor) if targets else (),
                f.commodity_ids or fallback_commodities(),
                sent.text,
            ))))
        # Leaders' "talks" in a summit sentence are the summit itself.
        summits = {(si, ev.date) for si, ev in raw if ev.type == "summit"}
        raw = [(si, ev) for si, ev in raw if not (ev.type == "talks" and (si, ev.date) in summits)]
        return _merge(raw)

    @staticmethod
    def _borrowed_date(si: int, sentences: list[_Sentence], with_trigger: set[int],
                       dates_of: Callable[[int], list[DateMention]], pub: date) -> DateMention | None:
        """A date from a neighbouring sentence that is about the same act.

        "The sanctions target..." (an anaphor) takes the previous sentence's date; a next
        sentence with no trigger of its own ("The decree, dated July 6, ...") lends its date.
        """
        if si > 1 and _ANAPHOR.match(sentences[si].text):
            prev = [d for d in dates_of(si - 1) if not d.reporting]
            if prev:
                return prev[0]
        nxt = si + 1
        if nxt < len(sentences) and nxt not in with_trigger and _ANAPHOR.match(sentences[nxt].text):
            ds = [d for d in dates_of(nxt) if not d.reporting and not d.vague]
            if ds:
                return ds[0]
        if si > 1 and not dates_of(si):
            # A paragraph keeps to one occasion: an undated sentence right after a sentence that
            # fixes a past day ("met on Wednesday ...") happened that day.
            prev = [d for d in dates_of(si - 1)
                    if d.precision == "day" and not d.vague and not d.bound and d.start <= pub]
            if len(prev) == 1 and not _FUTURE_CUE.search(" " + sentences[si].text.lower()):
                return prev[0]
        return None

    def _facts(self, text: str, countries: list[Mention],
               commodities: list[Mention], signals: set[str],
               found: list[tuple[str, int, int]]) -> _Facts:
        """What a sentence says, worked out once however many triggers it holds."""
        government = "government" in signals
        corporate = "corporate" in signals and "state" not in signals
        company = "company" in signals
        criminal = "criminal" in signals
        cues = tuple(sorted(found, key=lambda c: (self._status_rank[c[0]], c[1]))
                     if len(found) > 1 else found)
        if countries:
            company_noun = _COMPANY_NOUN.match
            labels = frozenset(h.start for h in countries if company_noun(text, h.end, h.end + 40))
            acting = government or any(h.start not in labels for h in countries)
        else:
            labels, acting = _NO_LABELS, government
        return _new(_Facts, (countries, commodities, government, acting, corporate, company,
                             criminal, cues, labels, _ids(countries),
                             self.tax.rollup(_ids(commodities))))

    def _roles(self, kind: str, trig: int, sent: _Sentence, countries: list[Mention],
               labels: frozenset[int], text: str,
               clause_start: int = 0) -> tuple[str | None, tuple[str, ...]]:
        """Who acts and who is targeted, from word order around the trigger.

        The actor is a country named before the trigger, preferably in the trigger's own
        clause ("refiners checked stocks after Kinshasa suspended exports"), never one that
        only labels a company ("Chinese refiners").
        """
        if kind in ("meeting", "agreement") or not countries:
            return None, ()
        targets: list[str] = []
        actor: str | None = None
        for h in countries:
            if h.start >= trig and _TARGET_PREP.search(" " + text[max(sent.start, trig): h.start].lower()):
                targets.append(h.ident or "")
        before = [h for h in countries if h.start < trig and h.ident not in targets
                  and h.start not in labels]
        in_clause = [h for h in before if h.start >= clause_start]
        before = in_clause or before
        if before:
            # The subject is usually the first country named before the verb, unless it is
            # the object of a preposition ("tariffs on China announced by Washington").
            for h in before:
                gap = text[max(sent.start, h.start - 30): h.start]
                if not _OBJECT_PREP.search(" " + gap.lower()):
                    actor = h.ident
                    break
        if actor is None:
            after = [h.ident for h in countries if h.start >= trig and h.ident not in targets]
            by = _BY_AGENT.search(" " + text[max(sent.start, trig - 12): trig])
            if after and by:
                actor = after[0]
        if actor is None and len({h.ident for h in countries}) == 1 and not targets:
            actor = countries[0].ident
        if actor is None:
            # Fall back to the first country before the trigger, even after a preposition.
            prior = [h.ident for h in countries if h.start < trig]
            if prior:
                actor = prior[0]
        return actor, tuple(_ordered_unique(t for t in targets if t != actor))

    def _status(self, kind: str, type_id: str, subtype: str,
                cues: tuple[tuple[str, int, int], ...], t0: int, t1: int,
                when: DateMention | None, pub: date) -> str:
        """The status cue of highest rank that applies, else one from the date and the kind.

        [t0, t1) is the trigger's span: a "lifted"/"suspended" cue inside it is the act itself.
        """
        future = when is not None and when.start > pub
        past = when is not None and (when.end or when.start) < pub
        for sid, start, _end in cues:
            if kind not in self._applies[sid]:
                continue
            if sid in ("lifted", "suspended") and t0 <= start < t1:
                # The cue is the act itself ("revoked permits", "suspension of exports").
                continue
            if kind == "meeting":
                if sid == "held" and future:
                    return "scheduled"
                if sid == "scheduled" and past:
                    return "held"
            if sid == "in_effect" and future and kind == "measure":
                return "announced"
            if sid == "lifted" and type_id == "tariff" and subtype == "exemption":
                continue
            return sid
        if kind == "meeting":
            return "scheduled" if future else "held"
        if future and kind in ("measure", "strategy"):
            return "announced"
        return self._default_status[kind]


def _within(items: list[_T], starts: list[int], start: int, end: int) -> list[_T]:
    """The items (sorted by position; `starts` their positions) that start in [start, end)."""
    return items[bisect_right(starts, start - 1): bisect_right(starts, end - 1)]


def _ids(hits: list[Mention]) -> tuple[str, ...]:
    """The distinct ids of hits that all have one, in first-seen order."""
    if not hits:
        return ()
    return tuple(dict.fromkeys([h.ident for h in hits]))  # type: ignore[misc]


def _ordered_unique(items) -> list[str]:
    """Distinct non-None items in first-seen order."""
    seen = dict.fromkeys(items)
    seen.pop(None, None)
    return list(seen)


def _top(hits: list[Mention], n: int) -> list[Mention]:
    """The n most-mentioned ids of the article (first-mentioned breaks ties)."""
    if not hits:
        return []
    freq = Counter(h.ident for h in hits)
    order = _ordered_unique(h.ident for h in hits)
    best = sorted(order, key=lambda i: (-freq[i], order.index(i)))[:n]
    return [next(h for h in hits if h.ident == i) for i in best]


# Where one clause of a sentence ends and another begins ("... from April 10 and placed ...").
# Each branch starts with a literal (";", "," or " ") so the regex engine can skip ahead.
_CLAUSE = re.compile(
    r";|,(?: and (?=[a-z]+(?:ed|s)\b)| but | while | which | following | after | whereas |"
    r" (?!(?:including|excluding|according|starting|beginning|totalling|totaling|covering)\b)"
    r"(?=[a-z]+ing\b))| (?:and (?=[a-z]+(?:ed|s)\b)|but |while |following |after |whereas )")


# Every match of _CLAUSE contains one of these: a sentence with none has one clause.
_CLAUSE_MARKERS = (";", ", ", " and ", " but ", " while ", " following ", " after ", " whereas ")


def _clause(cuts: tuple[int, ...], trig: int) -> tuple[int, int]:
    """The [start, end) of the clause holding offset `trig`."""
    i = bisect_right(cuts, trig)
    return cuts[i - 1], cuts[i] if i < len(cuts) else cuts[-1]


def _choose_date(mentions: list[DateMention], lo: int, hi: int, kind: str,
                 trig: int) -> DateMention | None:
    """The date the event happens, preferring the trigger's own clause.

    Order: a stated date in the trigger's clause (the nearest; an end-of-period "until" date
    last); for measures, the date it was announced ("said on Friday"); any other stated date.
    """
    if not mentions:
        return None
    stated = [d for d in mentions if not d.reporting and not d.bound]
    own = [d for d in stated if lo <= d.pos < hi]
    if own:
        return min(own, key=lambda d: (d.vague, abs(d.pos - trig)))
    reported = [d for d in mentions if d.reporting]
    if reported and kind != "meeting":
        return reported[0]
    others = [d for d in stated if not d.vague]
    if others:
        return min(others, key=lambda d: abs(d.pos - trig))
    return None


def _until(mentions: list[DateMention], lo: int, hi: int) -> DateMention | None:
    """An end date in the trigger's clause [lo, hi) ("suspended until Nov. 10, 2026")."""
    bounds = [d for d in mentions if d.bound and lo <= d.pos < hi]
    return bounds[0] if bounds else None


def _merge(found: list[tuple[int, EventRecord]]) -> list[EventRecord]:
    """One event per act: fold the headline's undated events into the body's, then merge
    events with the same type, status and date."""
    body_types = {ev.type for si, ev in found if si > 0}
    events = [ev for si, ev in found
              if not (si == 0 and ev.date_source == "published" and ev.type in body_types)]
    headline_facts = [ev for si, ev in found if si == 0 and ev not in events]
    merged: dict[tuple, EventRecord] = {}
    for ev in events:
        key = (ev.type, ev.status, ev.date)
        if key not in merged:
            merged[key] = ev
            continue
        merged[key] = _combine(merged[key], ev)
    # "talks in December" and "talks on Dec. 7" in one article are one event: the coarse date
    # folds into the finer one it contains.
    for key, ev in list(merged.items()):
        if ev.date_precision == "day" or ev.date_source != "text":
            continue
        finer = [k for k, o in merged.items() if k != key and o.type == ev.type
                 and o.status == ev.status and _contains(ev, o)]
        if finer:
            merged[finer[0]] = _combine(merged[finer[0]], ev)
            del merged[key]
    out = []
    for ev in merged.values():
        for h in headline_facts:  # the headline names what the body sentence may omit
            if h.type == ev.type and not ev.commodities:
                ev = ev._replace(commodities=h.commodities)
        if ev.actor in ev.targets:
            ev = ev._replace(targets=tuple(t for t in ev.targets if t != ev.actor))
        out.append(ev)
    return out


_RANK = {"day": 0, "month": 1, "year": 2}


def _contains(coarse: EventRecord, fine: EventRecord) -> bool:
    """True when `fine` has a finer date inside `coarse`'s month or year."""
    if _RANK[fine.date_precision] >= _RANK[coarse.date_precision]:
        return False
    if coarse.date_precision == "year":
        return fine.date.year == coarse.date.year
    return (fine.date.year, fine.date.month) == (coarse.date.year, coarse.date.month)


def _combine(old: EventRecord, ev: EventRecord) -> EventRecord:
    """Two reports of one act as one event (built whole: `_replace` is slow in a hot loop)."""
    return _new(EventRecord, (
        old.type, old.subtype, old.status, old.date,
        old.date_precision if old.date_source == "text" else ev.date_precision,
        old.end_date or ev.end_date,
        "text" if "text" in (old.date_source, ev.date_source) else "published",
        old.actor or ev.actor,
        tuple(_ordered_unique(old.countries + ev.countries)),
        tuple(_ordered_unique(old.targets + ev.targets)),
        tuple(sorted(set(old.commodities) | set(ev.commodities))),
        old.evidence,
    ))


def _utc_day(published: datetime | date) -> date:
    """The UTC date of `published`; its own date when UTC falls outside years 1-9999."""
    if not isinstance(published, datetime):
        return published
    try:
        return published.astimezone(UTC).date()
    except OverflowError:  # 0001-01-01T00:00+01:00 is in year 0 in UTC
        return published.date()
