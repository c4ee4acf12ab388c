"""The neighbourhood of a batch of new reports: the stored acts it may change, found by index.

Candidates come from `act_keys` (type with actor, country or mineral, by month), then only
those a report could actually join (or found, when it is earlier) are kept: the same gates
as the grouping itself. The ring grows from the reports so loaded, a few rounds at most.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..acts.consolidate import group_reports
from ..acts.features import commodity_overlap
from ..acts.match import (
    CHAIN_DAYS,
    MAX_SPAN_DAYS,
    MENTION_DAYS,
    Group,
    event_score,
    joinable_types,
    mention_score,
)
from ..acts.model import Report
from .act_rows import founder_keys, month_of, report_keys, row_report
from .schema import act_keys as keys_table
from .schema import act_pending, act_reports, acts
from .sql import chunks

HOOD_ROUNDS = 4


def neighbourhood(conn: Connection, new: dict[str, Report]) -> tuple[set[str], dict[str, Report]]:
    """The stored acts the new reports may touch, and every report to group again."""
    act_ids: set[str] = set()
    pending: set[str] = set()
    hood = dict(new)
    frontier = list(new.values())
    for _ in range(HOOD_ROUNDS):
        found = _coarse(conn, _candidates(conn, frontier), act_ids)
        events = [r for r in frontier if r.kind == "event"]
        waiting, waiting_act = load_reports(conn, set(), _pending(conn, events) - pending)
        loaded, act_of = load_reports(conn, set(found), set())
        by_act: dict[str, list[Report]] = defaultdict(list)
        for r in loaded.values():
            by_act[act_of[r.id]].append(r)
        pool = [r for r in hood.values() if r.kind == "event"]
        more_acts = {a for a, reps in by_act.items() if _interacts(found[a], reps) or _joins_them(reps, pool)}
        # A mention filed with another act comes along (with its act) when it may fit here.
        groups = _singletons(events) if waiting_act else []
        taken = {act for rid, act in waiting_act.items()
                 if act not in act_ids and _takes_mention(groups, waiting[rid])}
        more_pending = {rid for rid in waiting if rid not in waiting_act}
        if taken:
            extra, extra_of = load_reports(conn, taken - set(act_of.values()), set())
            loaded.update(extra)
            act_of.update(extra_of)
            more_acts |= taken
        if not more_acts and not more_pending:
            break
        act_ids |= more_acts
        pending |= more_pending
        keep = {rid: r for rid, r in loaded.items() if act_of.get(rid) in more_acts}
        keep.update((rid, waiting[rid]) for rid in more_pending)
        frontier = [r for rid, r in keep.items() if rid not in hood]
        hood.update(keep)
    return act_ids, hood


def _coarse(conn: Connection, found: dict[str, list[Report]], known: set[str]
            ) -> dict[str, list[Report]]:
    """Candidates whose stored row already rules every finder out are dropped before loading."""
    out: dict[str, list[Report]] = {}
    ids = sorted(set(found) - known)
    for chunk in chunks(ids):
        q = select(acts.c.id, acts.c.type, acts.c.actor, acts.c.commodities).where(acts.c.id.in_(chunk))
        for act_id, type_, actor, commodities in conn.execute(q):
            mine = json.loads(commodities)
            keep = [r for r in found[act_id]
                    if (r.kind == "mention" or type_ in joinable_types(r.type or ""))
                    and not (r.actor and actor and r.actor != actor and r.kind != "mention")
                    and commodity_overlap(r.commodities, mine) is not None]
            if keep:
                out[act_id] = keep
    return out


def _windows(r: Report) -> list[tuple[int, int]]:
    """Months in which an act the report may join (or now found, when its first report came
    later, at most CHAIN_DAYS later) was first reported; and the months of a stated date."""
    hi = month_of(r.day + timedelta(days=CHAIN_DAYS + 1))
    back = MENTION_DAYS if r.kind == "mention" else MAX_SPAN_DAYS
    out = [(month_of(r.day - timedelta(days=back)), hi)]
    if r.date is not None and r.date.start <= r.day:
        out.append((month_of(r.date.start), month_of(r.date.end)))
    return out


def _candidates(conn: Connection, reports: Iterable[Report]) -> dict[str, list[Report]]:
    """Acts filed under a report's keys in its months -> the reports that found them."""
    wanted: dict[tuple[int, int], dict[str, list[Report]]] = defaultdict(lambda: defaultdict(list))
    for r in reports:
        for win in _windows(r):
            for k in report_keys(r):
                wanted[win][k].append(r)
    out: dict[str, list[Report]] = defaultdict(list)
    for (lo, hi), by_key in sorted(wanted.items()):
        for chunk in chunks(sorted(by_key)):
            q = select(keys_table.c.key, keys_table.c.act_id).where(
                keys_table.c.key.in_(chunk), keys_table.c.month.between(lo, hi))
            for key, act_id in conn.execute(q):
                out[act_id] += by_key[key]
    return out


def _interacts(reports: Sequence[Report], stored: Sequence[Report]) -> bool:
    """Whether any of the reports passes the gates of the stored act (or it those of theirs)."""
    events = sorted((x for x in stored if x.kind == "event"), key=lambda x: x.order)
    if not events:
        return True
    g = Group(founder=events[0])
    for x in events:
        g.add(x)
    for r in reports:
        if r.kind == "mention":
            if mention_score(r, g, r.modifier) is not None:
                return True
            continue
        if event_score(r, g) is not None:
            return True
        if r.kind == "event" and r.order < g.founder.order:
            mine = Group(founder=r)
            mine.add(r)
            if event_score(events[0], mine) is not None:
                return True
    return False


def _joins_them(stored: Sequence[Report], reports: Sequence[Report]) -> bool:
    """Whether a stored act's first report joins the earlier reports of its type in the
    neighbourhood taken together (their words and dates combined may take it where each
    alone would not)."""
    first = min((x for x in stored if x.kind == "event"), key=lambda x: x.order, default=None)
    if first is None:
        return False
    earlier = [r for r in reports if r.kind == "event" and r.type == first.type and r.order < first.order]
    if len(earlier) < 2:
        return False
    return any(len(g.reports) > 1 and event_score(first, g) is not None for g in group_reports(earlier))


def _singletons(events: Sequence[Report]) -> list[Group]:
    out = []
    for r in events:
        g = Group(founder=r)
        g.add(r)
        out.append(g)
    return out


def _takes_mention(groups: Sequence[Group], m: Report) -> bool:
    """Whether a mention (or weak event) filed with a stored act may fit an act one of the
    event reports founds or joins (judged against that report alone)."""
    for g in groups:
        score = event_score(m, g) if m.kind == "weak" else mention_score(m, g, m.modifier)
        if score is not None:
            return True
    return False


def _pending(conn: Connection, reports: Sequence[Report]) -> set[str]:
    """Waiting mentions and weak events a new event report may bring into an act."""
    wanted: dict[tuple[int, int], set[str]] = defaultdict(set)
    for r in reports:
        lo = month_of(r.day - timedelta(days=8))
        wanted[(lo, month_of(r.day + timedelta(days=MAX_SPAN_DAYS)))].update(founder_keys(r))
    found: set[str] = set()
    for (lo, hi), keys in sorted(wanted.items()):
        for chunk in chunks(sorted(keys)):
            found.update(x[0] for x in conn.execute(select(act_pending.c.report_id).where(
                act_pending.c.key.in_(chunk), act_pending.c.month.between(lo, hi))))
    return found


def load_reports(conn: Connection, act_ids: set[str], report_ids: set[str]
                 ) -> tuple[dict[str, Report], dict[str, str]]:
    """Reports of the given acts, and the given reports, by id; and each one's act."""
    out: dict[str, Report] = {}
    act_of: dict[str, str] = {}
    for col, ids in ((act_reports.c.act_id, act_ids), (act_reports.c.id, report_ids)):
        for chunk in chunks(sorted(ids)):
            for m in conn.execute(select(act_reports).where(col.in_(chunk))).mappings():
                out[m["id"]] = row_report(m)
                if m["act_id"]:
                    act_of[m["id"]] = m["act_id"]
    return out, act_of
