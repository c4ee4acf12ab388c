"""The event tagger: text and publication time in, article tags and events out.

A trigger phrase in a sentence makes an event. Its countries, commodities, status and date
come from that sentence, falling back to the headline and then the whole article when the
sentence names none; the sentence is kept as evidence. Rules, not a model: every tag can be
traced to the words that set it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from .dates import DateMention, find_dates
from .gazetteer import Mention, Vocabulary, normalise_text
from .normalize import html_to_text
from .store import EventRecord
from .taxonomy import Taxonomy, default_taxonomy

# Words around an everyday-word commodity ("lead", "tin") that make it a metal.
_METAL_CONTEXT = re.compile(
    r"\b(?:metals?|ores?|mines?|mining|miners?|smelt\w*|refin\w*|concentrates?|tonnes?|tons|"
    r"prices?|futures|output|production|exports?|imports?|reserves|deposits?|ingots?|bullion|"
    r"alloys?|batter(?:y|ies)|acid|ounces?|lme|cathodes?|minerals?|commodit(?:y|ies)|"
    r"producers?|supply|supplies|shipments?|stockpiles?)\b",
    re.I,
)
# Negation scoping over the trigger: "has no plans to restrict exports".
_NEGATION = re.compile(
    r"(?:\bno (?:plans?|intention|immediate plans?) (?:\w+ ){0,2}to|\b(?:not|never|n't)\b|"
    r"\b(?:denied|denies|deny|dismissed|rejected|ruled out|rules out|rule out|refused to|"
    r"declined to|has no|have no|there (?:is|are|will be) no|without)\b)(?:[\s,]+[\w'-]+){0,5}[\s,]*$",
    re.I,
)
# Signals that a government acts (besides a country named as an actor).
_GOVERNMENT = re.compile(
    r"\b(?:government|govt|ministry|minister|ministers|ministerial|cabinet|president|premier|"
    r"prime minister|parliament|lawmakers|congress|senate|regulators?|authorities|officials?|"
    r"administration|state|states|commission|council|agency|department|customs|treasury|"
    r"white house|pentagon|kremlin|beijing|washington|brussels|mofcom|ustr|eu|european union|"
    r"g7|g-7|g20|g-20|apec|wto|decree|presidential|federal|national|public|sovereign|"
    r"secretary|ambassador|envoy|negotiators?|delegations?|leaders?|bloc|nations?|countries|"
    r"country|governments|summit|ministries|king|emir|chancellor|junta|proclamation|"
    r"executive order|law|bill|act|regulation|announcement)\b",
    re.I,
)
# Company business that happens to use a trigger word ("in talks to buy", "offtake deal").
_CORPORATE = re.compile(
    r"\b(?:acquir\w*|acquisition|merger|merge|takeover bid|buyout|shareholders?|ipo|earnings|"
    r"quarterly|profit|revenue|dividend|joint venture partner|stock exchange|listed)\b",
    re.I,
)
_COMPANY_NOUN = re.compile(
    r"^\s*(?:'s\s+)?(?:[A-Z][\w&.-]+|firms?|compan(?:y|ies)|miners?|exporters?|producers?|"
    r"group|manufacturers?|automakers?|carmakers?|smelters?|traders?|buyers?|investors?|"
    r"refiners?|startups?|conglomerate|corporation)\b"
)
_TARGET_PREP = re.compile(
    r"\b(?:on|against|to|from|targeting|targeted at|aimed at|toward|towards|for|with|into)\s+"
    r"(?:the\s+|a\s+)?(?:\S+\s+){0,3}$",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.!?])[\"'”)\]]*\s+(?=[\"'“(\[]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.K|U\.N|E\.U|Mr|Mrs|Ms|Dr|St|No|Nos|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Sen|Rep|Gen|Lt|Col|vs|approx|est|Dept|Jr|Sr)|\b[A-Z])\.$"
)
_SPEECH_PREFIX = re.compile(r"^\s*[\"“]")
TAGGER_VERSION_SALT = "tagger-1"
# Capitalised words in title-case headlines that do not make the next name a surname.
_FUNCTION_WORDS = frozenset(
    "The A An And Of In To From For With On At By As Says Said Signs Sign Visits Visit Meets "
    "Meet Talks Deal Between Against Over After Before Into Tells Urges Warns Hits Eyes Backs "
    "King Queen President Minister Premier".split()
)


@dataclass(frozen=True)
class TagResult:
    """Tags of one article: relevance, every country and commodity, and the events found."""

    relevant: bool
    countries: tuple[str, ...]
    commodities: tuple[str, ...]
    events: tuple[EventRecord, ...]


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str, offset: int = 0) -> list[_Sentence]:
    """Sentences with their offsets; abbreviations (U.S., Oct., No.) do not end one."""
    out: list[_Sentence] = []
    start = 0
    for m in _SENTENCE.finditer(text):
        if _ABBREV.search(text[max(0, m.start() - 8): m.start()].rstrip("\"'”)]")):
            continue
        chunk = text[start: m.start()].strip()
        if chunk:
            out.append(_Sentence(offset + start, offset + m.start(), chunk))
        start = m.end()
    chunk = text[start:].strip()
    if chunk:
        out.append(_Sentence(offset + start, offset + len(text), chunk))
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
        self.commodities = Vocabulary(folded, exact)
        # Triggers: one alternation, a named group per trigger.
        parts: list[str] = []
        self._trigger_of: dict[str, tuple[str, str, str]] = {}
        for et in tax.event_types:
            for i, t in enumerate(et.triggers):
                name = f"t_{et.id}_{i}"
                self._trigger_of[name] = (et.id, t.subtype, et.kind)
                parts.append(f"(?P<{name}>{t.pattern})")
        self._triggers = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", re.I)
        self._status_cues = [
            (s.id, s.applies_to, re.compile(r"(?<!\w)(?:" + "|".join(s.cues) + r")(?!\w)", re.I))
            for s in tax.statuses
        ]
        self._default_status = {k: s.id for s in tax.statuses for k in s.default_for}

    def _version(self) -> str:
        """A fingerprint of the rules and taxonomy, so stored tags know what made them."""
        h = hashlib.sha1(TAGGER_VERSION_SALT.encode())
        h.update(repr(self.tax).encode())
        return h.hexdigest()[:12]

    # --- public -------------------------------------------------------------------------

    def tag(self, title: str, summary: str, published: datetime | date) -> TagResult:
        """Tag one article. `summary` may be HTML; `published` anchors relative dates."""
        pub = published.astimezone(UTC).date() if isinstance(published, datetime) else published
        title = normalise_text(html_to_text(title))
        body = normalise_text(html_to_text(summary))
        text = title + "\n" + body
        sentences = ([_Sentence(0, len(title), title)] if title else []) + split_sentences(
            body, len(title) + 1)
        country_hits = self._countries(text, sentences)
        commodity_hits = self._commodities(text, sentences)
        art_countries = _ordered_unique(m.ident for m in country_hits)
        art_commodities = _ordered_unique(m.ident for m in commodity_hits)
        events = self._events(text, sentences, pub, country_hits, commodity_hits)
        all_commodities = self.tax.rollup(art_commodities)
        relevant = bool(events) and bool(all_commodities)
        return TagResult(relevant, tuple(sorted(art_countries)), all_commodities, tuple(events))

    # --- vocabularies -------------------------------------------------------------------

    def _countries(self, text: str, sentences: list[_Sentence]) -> list[Mention]:
        out = []
        for m in self.countries.find(text):
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
        if not in_headline and re.match(r" [A-Z][a-z]", after):
            return False
        if code in self._person:
            prev = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, m.start - 25): m.start])
            if prev and prev.group(1) not in _FUNCTION_WORDS and not any(
                    s.start == m.start for s in sentences):
                return False
        rx = self._confirm.get(code)
        return bool(rx and rx.search(text))

    def _commodities(self, text: str, sentences: list[_Sentence]) -> list[Mention]:
        hits = [m for m in self.commodities.find(text) if m.ident is not None]
        out = []
        for i, m in enumerate(hits):
            if m.ident in self._needs_context:
                window = text[max(0, m.start - 40): m.end + 40]
                neighbours = any(
                    j != i and abs(h.start - m.start) < 45 and h.ident not in self._needs_context
                    for j, h in enumerate(hits)
                )
                if not (neighbours or _METAL_CONTEXT.search(window)):
                    continue
            out.append(m)
        return out

    # --- events -------------------------------------------------------------------------

    def _events(self, text: str, sentences: list[_Sentence], pub: date,
                country_hits: list[Mention], commodity_hits: list[Mention]) -> list[EventRecord]:
        headline = sentences[0] if sentences else None
        raw: list[EventRecord] = []
        for m in self._triggers.finditer(text):
            name = m.lastgroup or ""
            type_id, subtype, kind = self._trigger_of[name]
            sent = _sentence_at(sentences, m.start())
            if sent is None:
                continue
            local = text[sent.start: m.start()]
            if _NEGATION.search(local):
                continue
            s_countries = [h for h in country_hits if sent.start <= h.start < sent.end]
            s_commodities = [h for h in commodity_hits if sent.start <= h.start < sent.end]
            if not self._government_acts(type_id, kind, sent, s_countries, text):
                continue
            countries = s_countries or ([h for h in country_hits if headline and headline.start <= h.start < headline.end])
            if not countries:
                countries = _top(country_hits, 2)
            commodities = s_commodities or ([h for h in commodity_hits if headline and headline.start <= h.start < headline.end])
            if not commodities:
                commodities = _top(commodity_hits, 3)
            actor, targets = self._roles(kind, m.start(), sent, s_countries, text)
            mentions = [d for d in find_dates(sent.text, pub)]
            when = _choose_date(mentions, pub, kind, m.start() - sent.start)
            status = self._status(kind, type_id, subtype, sent.text, when, pub)
            codes = _ordered_unique(h.ident for h in countries)
            raw.append(EventRecord(
                type=type_id, subtype=subtype, status=status,
                date=when.start if when else pub,
                date_precision=when.precision if when else "day",
                end_date=when.end if when else None,
                date_source="text" if when else "published",
                actor=actor,
                countries=tuple(codes),
                targets=tuple(t for t in targets if t != actor),
                commodities=self.tax.rollup(_ordered_unique(h.ident for h in commodities)),
                evidence=sent.text,
            ))
        return _merge(raw)

    def _government_acts(self, type_id: str, kind: str, sent: _Sentence,
                         countries: list[Mention], text: str) -> bool:
        """Only government action counts: a country acting, or a government word, and no deal talk."""
        s = sent.text
        if kind in ("meeting", "agreement") or type_id == "investment":
            if _CORPORATE.search(s) and not re.search(r"\b(?:government|ministry|minister|state)\b", s, re.I):
                return False
        if _GOVERNMENT.search(s):
            return True
        for h in countries:
            if not _COMPANY_NOUN.match(text[h.end: h.end + 40]):
                return True
        return False

    def _roles(self, kind: str, trig: int, sent: _Sentence, countries: list[Mention],
               text: str) -> tuple[str | None, tuple[str, ...]]:
        """Who acts and who is targeted, from word order around the trigger."""
        if kind in ("meeting", "agreement") or not countries:
            return None, ()
        targets: list[str] = []
        actor: str | None = None
        for h in countries:
            if h.start >= trig:
                if _TARGET_PREP.search(text[max(sent.start, trig): h.start]):
                    targets.append(h.ident or "")
        before = [h for h in countries if h.start < trig and h.ident not in targets]
        if before:
            # The subject is usually the first country named before the verb, unless it is
            # the object of a preposition ("tariffs on China announced by Washington").
            for h in before:
                gap = text[max(sent.start, h.start - 30): h.start]
                if not re.search(r"\b(?:on|against|to|from|for)\s+(?:the\s+)?$", gap, re.I):
                    actor = h.ident
                    break
        if actor is None:
            after = [h.ident for h in countries if h.start >= trig and h.ident not in targets]
            by = re.search(r"\bby\s+(?:the\s+)?$", text[sent.start: trig])
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

    def _status(self, kind: str, type_id: str, subtype: str, sentence: str,
                when: DateMention | None, pub: date) -> str:
        future = when is not None and when.start > pub
        past = when is not None and (when.end or when.start) < pub
        for sid, applies, rx in self._status_cues:
            if kind not in applies or not rx.search(sentence):
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


def _sentence_at(sentences: list[_Sentence], pos: int) -> _Sentence | None:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return None


def _ordered_unique(items) -> list[str]:
    seen: dict[str, None] = {}
    for i in items:
        if i is not None:
            seen.setdefault(i, None)
    return list(seen)


def _top(hits: list[Mention], n: int) -> list[Mention]:
    """The n most-mentioned ids of the article (first-mentioned breaks ties)."""
    if not hits:
        return []
    freq = Counter(h.ident for h in hits)
    order = _ordered_unique(h.ident for h in hits)
    best = sorted(order, key=lambda i: (-freq[i], order.index(i)))[:n]
    return [next(h for h in hits if h.ident == i) for i in best]


def _choose_date(mentions: list[DateMention], pub: date, kind: str, trig: int) -> DateMention | None:
    """The date the event happens: a stated meeting or effective date over a reporting date."""
    if not mentions:
        return None
    events = [d for d in mentions if not d.reporting]
    if not events:
        return mentions[0]
    future = [d for d in events if d.start > pub]
    if future:
        return min(future, key=lambda d: abs(d.pos - trig))
    return min(events, key=lambda d: abs(d.pos - trig))


def _merge(events: list[EventRecord]) -> list[EventRecord]:
    """Events with the same type, status and date in one article are one event."""
    merged: dict[tuple, EventRecord] = {}
    for ev in events:
        key = (ev.type, ev.status, ev.date)
        if key not in merged:
            merged[key] = ev
            continue
        old = merged[key]
        merged[key] = replace(
            old,
            actor=old.actor or ev.actor,
            countries=tuple(_ordered_unique(old.countries + ev.countries)),
            targets=tuple(_ordered_unique(old.targets + ev.targets)),
            commodities=tuple(sorted(set(old.commodities) | set(ev.commodities))),
            end_date=old.end_date or ev.end_date,
            date_precision=old.date_precision if old.date_source == "text" else ev.date_precision,
            date_source="text" if "text" in (old.date_source, ev.date_source) else "published",
        )
    out = []
    for ev in merged.values():
        targets = tuple(t for t in ev.targets if t != ev.actor)
        out.append(replace(ev, targets=targets))
    return out
