"""Group reports into acts, deterministically: the same reports give the same acts and ids.

Reports are taken in publication order (ids breaking ties). Each event report joins the best
act among those that pass every gate of `match.event_score`, found through an index on
(type, actor, month first seen) and, within it, on the minerals and pairs of countries the
gates need in common, or founds a new act. Mentions then join the act they fit best. An
act's id follows from its founding report (`model.act_id`), so it survives later reports.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import combinations

from .build import build_act
from .constraints import NO_LINKS, Links, apply_links
from .features import GENERIC
from .links import link_modifiers
from .match import MAX_SPAN_DAYS, Group, event_score, joinable_types, mention_score
from .model import Act, Report

Facet = tuple[str, ...]  # ("c", mineral) or ("p", country, country)


def _month(d: date) -> int:
    return d.year * 12 + d.month - 1


class _Bucket:
    """The groups of one (type, actor key, month) in founding order, and the same groups
    listed under each mineral and each pair of countries they name. Entries are (founding
    number, group)."""

    def __init__(self) -> None:
        self.all: list[tuple[int, Group]] = []
        self.unnamed: list[tuple[int, Group]] = []  # founded naming no mineral in particular
        self.by: dict[Facet, list[tuple[int, Group]]] = {}

    def having(self, facets: Iterable[Facet], unnamed: bool) -> Iterator[Group]:
        """The groups listed under any of `facets` (and the unnamed ones), in founding order."""
        lists = [lst for f in facets if (lst := self.by.get(f))]
        if unnamed and self.unnamed:
            lists.append(self.unnamed)
        if len(lists) == 1:
            yield from (g for _n, g in lists[0])
            return
        last = -1
        for n, g in heapq.merge(*lists):
            if n != last:  # a group listed under two facets comes once
                last = n
                yield g


class _Index:
    """Groups by (type, founder's actor, month first seen): a report looks at the few months it
    may join, and only at its own actor's acts and acts with no actor (all, when it has none).

    Within those it looks only at groups `event_score` can accept, not at every act of the
    type: of its own type, the groups that share a mineral in particular with it or name none
    (the mineral gate), unless it names none itself; of another type (a meeting and its
    agreement), those that share two of its countries (the parties gate). Candidates come in
    founding order whichever list they were found in, so equal scores go the same way as in a
    plain scan of the months.
    """

    def __init__(self) -> None:
        self._buckets: dict[tuple[str | None, str | None, int], _Bucket] = {}
        self._listed: dict[int, tuple[int, set[Facet]]] = {}  # id(group): number, facets

    def put(self, g: Group) -> None:
        """Index a new group, or what a group gained from the report it just took."""
        month = _month(g.first_seen)
        # None: any actor, any type (mentions look across types)
        keys = ((g.type, g.founder.actor or "-", month), (g.type, None, month), (None, None, month))
        named = g.commodities - GENERIC
        if id(g) not in self._listed:
            self._listed[id(g)] = (len(self._listed), set())
            entry = (self._listed[id(g)][0], g)
            for key in keys:
                b = self._buckets.setdefault(key, _Bucket())
                b.all.append(entry)
                if not named:
                    b.unnamed.append(entry)
        n, listed = self._listed[id(g)]
        facets = {("c", c) for c in named} | _pairs(g.countries)
        for f in facets - listed:
            for key in keys:
                bisect.insort(self._buckets[key].by.setdefault(f, []), (n, g))
        listed |= facets

    def in_month(self, month: int, facets: set[Facet]) -> Iterator[Group]:
        """Groups of every type first seen in `month`: those listed under `facets` or naming
        no mineral in particular (all of them when `facets` is empty), in founding order."""
        b = self._buckets.get((None, None, month))
        if b is not None:
            yield from b.having(facets, True) if facets else (g for _n, g in b.all)

    def near(self, r: Report, back_days: int) -> Iterator[Group]:
        hi = _month(r.day)
        # Another type (a meeting and its agreement) joins only around the meeting's day, which
        # an act reaches within weeks of its first report: a few months back are enough.
        said = min(r.day, r.date.start) if r.date is not None else r.day
        named: set[Facet] = {("c", c) for c in set(r.commodities) - GENERIC}
        actors = (r.actor, "-") if r.actor else (None,)
        for type_ in joinable_types(r.type or ""):
            if type_ == r.type:
                lo, facets, unnamed = hi - back_days // 28 - 1, named, True
            elif len(set(r.countries)) > 1:
                lo, facets, unnamed = _month(said) - 2, _pairs(r.countries), False
            else:
                continue
            for m in range(lo, hi + 1):
                for actor in actors:
                    b = self._buckets.get((type_, actor, m))
                    if b is not None:
                        yield from b.having(facets, unnamed) if facets else (g for _n, g in b.all)


def _pairs(countries: Iterable[str]) -> set[Facet]:
    """Each pair of distinct countries, as a facet: a meeting's outcome shares two parties."""
    return {("p", *pair) for pair in combinations(sorted(set(countries)), 2)}


def group_reports(reports: Iterable[Report]) -> list[Group]:
    """Cluster event reports, then attach mentions; groups in founding order."""
    ordered = sorted(reports, key=lambda r: r.order)
    index = _Index()
    groups: list[Group] = []
    for r in ordered:
        if r.kind != "event" or not r.type:
            continue
        best, best_score = None, 0.0
        for g in index.near(r, MAX_SPAN_DAYS + 31):
            s = event_score(r, g)
            if s is not None and (best is None or s > best_score):
                best, best_score = g, s
        if best is None:
            best = Group(founder=r)
            groups.append(best)
        best.add(r)
        index.put(best)
    _attach([r for r in ordered if r.kind != "event"], index)
    return groups


def _attach(reports: Sequence[Report], index: _Index) -> None:
    """Weak events and mentions join the act they fit best; they never found one. An act takes
    one report of an article: its weak event or its mention, whichever comes first."""
    for m in reports:
        best, best_score = None, 0.0
        # A mention shares a mineral with its act or one of them names none (the mineral gate
        # of `mention_score`); a weak event may join a meeting of another type on other grounds.
        named: set[Facet] = {("c", c) for c in set(m.commodities) - GENERIC} if m.kind != "weak" else set()
        for month in range(_month(m.day) - 4, _month(m.day) + 2):
            for g in index.in_month(month, named):
                s = event_score(m, g) if m.kind == "weak" else mention_score(m, g, m.modifier)
                if s is None or best is not None and s <= best_score:
                    continue
                if any(r.article_id == m.article_id for r in g.reports):
                    continue  # one report per article and act (a weak event and its mention)
                best, best_score = g, s
        if best is not None:
            best.reports.append(m)


def consolidate(reports: Iterable[Report], earlier: Sequence[Act] = (), links: Links = NO_LINKS) -> list[Act]:
    """The acts the reports describe, sorted by id; `earlier` acts may be what modifiers change.

    `links`: an analyst's merges and splits (see `constraints`), applied to the groups."""
    acts = [build_act(g) for g in apply_links(group_reports(reports), links)]
    link_modifiers(acts, earlier)
    return sorted(acts, key=lambda a: a.id)


def unjoined(reports: Iterable[Report], acts: Iterable[Act]) -> list[Report]:
    """Mentions no act took (kept, so an act founded later can still take them)."""
    taken = {r.id for a in acts for r in a.reports}
    return [r for r in reports if r.id not in taken]
