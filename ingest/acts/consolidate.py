"""Group reports into acts, deterministically: the same reports give the same acts and ids.

Reports are taken in publication order (ids breaking ties). Each event report joins the best
act among those that pass every gate of `match.event_score`, found through an index on
(type, month first seen), or founds a new act. Mentions then join the act they fit best. An
act's id follows from its founding report (`model.act_id`), so it survives later reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .build import build_act
from .constraints import NO_LINKS, Links, apply_links
from .links import link_modifiers
from .match import MAX_SPAN_DAYS, Group, event_score, joinable_types, mention_score
from .model import Act, Report


def _month(d: date) -> int:
    return d.year * 12 + d.month - 1


class _Index:
    """Groups by (type, founder's actor, month first seen): a report looks at the few months it
    may join, and only at its own actor's acts and acts with no actor (all, when it has none)."""

    def __init__(self) -> None:
        self._by: dict[tuple[str, str, int], list[Group]] = {}
        self._any: dict[tuple[str, int], list[Group]] = {}

    def add(self, g: Group) -> None:
        month = _month(g.first_seen)
        self._by.setdefault((g.type, g.founder.actor or "-", month), []).append(g)
        self._any.setdefault((g.type, month), []).append(g)

    def near(self, r: Report, back_days: int) -> Iterable[Group]:
        hi = _month(r.day)
        # Another type (a meeting and its agreement) joins only around the meeting's day, which
        # an act reaches within weeks of its first report: a few months back are enough.
        said = min(r.day, r.date.start) if r.date is not None else r.day
        for type_ in joinable_types(r.type or ""):
            lo = hi - back_days // 28 - 1 if type_ == r.type else _month(said) - 2
            for m in range(lo, hi + 1):
                if r.actor:
                    yield from self._by.get((type_, r.actor, m), ())
                    yield from self._by.get((type_, "-", m), ())
                else:
                    yield from self._any.get((type_, m), ())


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
            index.add(best)
        best.add(r)
    _attach([r for r in ordered if r.kind != "event"], groups)
    return groups


def _attach(reports: Sequence[Report], groups: Sequence[Group]) -> None:
    """Weak events and mentions join the act they fit best; they never found one. An act takes
    one report of an article: its weak event or its mention, whichever comes first."""
    by_month: dict[int, list[Group]] = {}
    for g in groups:
        by_month.setdefault(_month(g.first_seen), []).append(g)
    for m in reports:
        best, best_score = None, 0.0
        for month in range(_month(m.day) - 4, _month(m.day) + 2):
            for g in by_month.get(month, ()):
                if any(r.article_id == m.article_id for r in g.reports):
                    continue  # one report per article and act (a weak event and its mention)
                s = event_score(m, g) if m.kind == "weak" else mention_score(m, g, m.modifier)
                if s is not None and (best is None or s > best_score):
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
