"""One article being tagged: its text, sentences and mentions, and what is worked out from
them on first use (a sentence's facts, dates and clauses are needed only where a trigger is)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from datetime import date
from functools import cached_property
from typing import TypeVar

from .dates import DateMention, find_dates
from .generic import event_goods
from .goods import MEASURES, outside_goods
from .merge import ordered_unique
from .regions import names_region, region_governments
from .sameday import with_named_days
from .sentences import Sentence, clause_of, clause_starts
from .signals import SIGNAL_WORDS, Facts, ids, sentence_facts, title_case
from .status import Cue
from .taxonomy import Taxonomy
from .vocab import Hot, Mention

_T = TypeVar("_T")


def within(items: list[_T], starts: list[int], start: int, end: int) -> list[_T]:
    """The items (sorted by position; `starts` their positions) that start in [start, end)."""
    return items[bisect_right(starts, start - 1): bisect_right(starts, end - 1)]


def top(hits: list[Mention], n: int) -> list[Mention]:
    """The n most-mentioned ids of the article (first-mentioned breaks ties)."""
    if not hits:
        return []
    freq = Counter(h.ident for h in hits)
    order = ordered_unique(h.ident for h in hits)
    best = sorted(order, key=lambda i: (-freq[i], order.index(i)))[:n]
    return [next(h for h in hits if h.ident == i) for i in best]


class Article:
    """An article's text and mentions, with per-sentence facts and dates cached on first use."""

    def __init__(self, tax: Taxonomy, text: str, low: str, sentences: list[Sentence], pub: date,
                 countries: list[Mention], commodities: list[Mention],
                 signal_hot: Hot, date_hot: Hot, word_hot: dict[str, Hot]) -> None:
        self.tax = tax
        self.text, self.low, self.sentences, self.pub = text, low, sentences, pub
        self.countries, self.commodities = countries, commodities
        self.starts = [s.start for s in sentences]
        self.cues: list[list[Cue]] = [[] for _ in sentences]  # by priority; set by the tagger
        self.lead: str | None = None  # who acts as the headline says ("": nobody); by the tagger
        self.headline_acts: set[str] = set()  # types the headline says apply ("US imposes ...")
        self.later_starts: set[str] = set()  # types the body says start later ("will restrict")
        self.inside = False  # an act was found on goods the taxonomy may hold (see act_goods)
        # sentence index -> its triggers: (start, end, kind, type), in article offsets
        self.triggers: dict[int, list[tuple[int, int, str, str]]] = {}
        self._signal_hot, self._signal_at = signal_hot, [p for p, _w in signal_hot]
        self._date_hot, self._date_at = date_hot, [p for p, _w in date_hot]
        self._country_at = [h.start for h in countries]
        self._commodity_at = [h.start for h in commodities]
        self._word_hot, self._word_at = word_hot, {kind: [p for p, _w in hot] for kind, hot in word_hot.items()}
        self._facts: dict[int, Facts] = {}
        self._dates: dict[int, list[DateMention]] = {}
        self._clauses: dict[int, tuple[int, ...]] = {}
        self._regions: dict[int, list[Mention]] = {}

    def sentence_at(self, offset: int) -> int:
        """The index of the last sentence starting at or before `offset` (-1: none)."""
        return bisect_right(self.starts, offset) - 1

    def facts(self, i: int) -> Facts:
        """What sentence i says (signal words belong to the last sentence starting at or before
        them: no signal form spans a sentence break)."""
        f = self._facts.get(i)
        if f is None:
            sent = self.sentences[i]
            upto = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.low) + 1
            words = within(self._signal_hot, self._signal_at, self.starts[i], upto)
            commodities = self.goods(i)
            f = self._facts[i] = sentence_facts(
                self.text, within(self.countries, self._country_at, sent.start, sent.end),
                self.tax.rollup(ids(commodities)), commodities,
                SIGNAL_WORDS.categories(self.low, words) if words else set(), self.cues[i],
                i == 0 and title_case(sent.text))
        return f

    def signal_hits(self, start: int, end: int) -> list[tuple[int, frozenset[str] | set[str]]]:
        """(position, categories) of the signal words starting in [start, end)."""
        words = within(self._signal_hot, self._signal_at, start, end)
        return SIGNAL_WORDS.find(self.low, words) if words else []

    def government_in(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a government word or a country that is more than a
        company's label."""
        i = self.sentence_at(start)
        if i >= 0 and any(start <= h.start < end and h.start not in self.facts(i).labels
                          for h in self.facts(i).countries):
            return True
        words = within(self._signal_hot, self._signal_at, start, end)
        return bool(words) and "government" in SIGNAL_WORDS.categories(self.low, words)

    def has_word(self, kind: str, start: int, end: int) -> bool:
        """Whether a word of `kind` starts in [start, end): "region" (the first word of a
        region's name: regions.region_words), "act_noun" (restated.ACT_NOUNS). A look before a
        slow pattern that needs one of those words."""
        at = self._word_at[kind]
        i = bisect_left(at, start)
        return i < len(at) and at[i] < end

    def dates(self, i: int) -> list[DateMention]:
        """Sentence i's dates, parsed once and only for sentences that need them."""
        d = self._dates.get(i)
        if d is None:
            sent = self.sentences[i]
            sl = self.low[sent.start: sent.end]
            if len(sl) == len(sent.text):  # tried only where a date may start
                words = within(self._date_hot, self._date_at, sent.start, sent.end)
                d = find_dates(sent.text, self.pub, sl, [(p - sent.start, w) for p, w in words],
                               headline=i == 0 and sent.start == 0)
            else:  # the sentence was stripped: its offsets differ, let the parser scan it
                d = find_dates(sent.text, self.pub)
            if " day" in sl:  # "on the same day", "a day later"
                d = with_named_days(d, sl, self.pub, lambda k: self.dates(i - k) if i >= k else [])
            self._dates[i] = d
        return d

    def region_governments(self, i: int) -> list[Mention]:
        """The sub-national governments acting in sentence i (regions.region_governments)."""
        hits = self._regions.get(i)
        if hits is None:
            sent = self.sentences[i]
            words = within(self._word_hot["region"], self._word_at["region"], sent.start, sent.end)
            hits = self._regions[i] = region_governments(self.text, sent.start, sent.end) if words and (
                names_region(self.text, words)) else []
        return hits

    def goods(self, i: int) -> list[Mention]:
        """The commodity mentions of sentence i."""
        sent = self.sentences[i]
        return within(self.commodities, self._commodity_at, sent.start, sent.end)

    def clause(self, i: int, offset: int) -> tuple[int, int]:
        """The [start, end) of the clause of sentence i holding `offset` (in the sentence)."""
        cuts = self._clauses.get(i)
        if cuts is None:
            cuts = self._clauses[i] = clause_starts(self.sentences[i].text)
        return clause_of(cuts, offset)

    def act_goods(self, i: int, span: tuple[int, int], type_id: str, own: tuple[str, ...]) -> tuple[str, ...]:
        """The minerals of the act at `span` in sentence i (generic.event_goods): none for a
        measure on goods outside the taxonomy, which alone makes no entry relevant."""
        if type_id in MEASURES and outside_goods(self.low, span[0], span[1], self.goods(i)):
            return ()
        self.inside = True
        return event_goods(self.low, span, own, () if own else self.fallback_commodities)  # lent if none

    @cached_property
    def fallback_countries(self) -> tuple[str, ...]:
        """Where a sentence names no country: the headline's, else the article's two most
        mentioned."""
        end = self.sentences[0].end if self.sentences else 0
        return ids([h for h in self.countries if h.start < end]) or ids(top(self.countries, 2))

    @cached_property
    def fallback_commodities(self) -> tuple[str, ...]:
        """Where a sentence names no commodity: the headline's, else the article's three most
        mentioned (with their groups)."""
        end = self.sentences[0].end if self.sentences else 0
        return self.tax.rollup(ids([h for h in self.commodities if h.start < end])
                               or ids(top(self.commodities, 3)))

    @property
    def sole_country(self) -> str | None:
        """The one country the article names, None when it names none or several."""
        named = {h.ident for h in self.countries}
        return named.pop() if len(named) == 1 else None
