"""The act store: consolidate new reports into stored acts, touching only their neighbourhood.

A batch of new reports looks up the acts it may join through `act_keys` (type with country or
mineral, month), plus waiting mentions through `act_pending`. Those acts' reports, the waiting
mentions and the new reports are grouped again with `acts.consolidate`, and the old acts are
replaced by the result. Ids follow from founding reports, so an act that keeps its first report
keeps its id. One writer at a time consolidates (a PostgreSQL advisory lock; SQLite writers
are serialised anyway), so two ingests never make two copies of one act.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from sqlalchemy import and_, delete, select, text, update
from sqlalchemy.engine import Connection

from ..acts import consolidate
from ..acts.consolidate import unjoined
from ..acts.links import current_status
from ..acts.match import MAX_SPAN_DAYS, MENTION_DAYS
from ..acts.model import Act, Report
from .act_links import relink
from .act_rows import (
    KEY_MONTHS_BACK,
    act_keys,
    act_row,
    founder_keys,
    history_rows,
    month_of,
    pending_keys,
    report_keys,
    report_row,
    row_report,
    row_step,
)
from .schema import (
    ACT_TABLES,
    act_commodities,
    act_countries,
    act_history,
    act_pending,
    act_reports,
    acts,
)
from .schema import act_keys as keys_table
from .sql import chunks, insert_ignore

HOOD_ROUNDS = 4
_ACTS_LOCK = 0x6D696E7474  # PostgreSQL advisory lock held while acts are rewritten


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ACTS_LOCK})


def add_reports(conn: Connection, reports: Sequence[Report]) -> int:
    """Consolidate new reports into the stored acts; returns how many acts the batch touched."""
    if not reports:
        return 0
    _lock(conn)
    known: set[str] = set()
    for chunk in chunks(sorted({r.id for r in reports})):
        known.update(r[0] for r in conn.execute(select(act_reports.c.id).where(act_reports.c.id.in_(chunk))))
    new = {r.id: r for r in reports if r.id not in known}
    if not new:
        return 0
    old_ids, hood = _neighbourhood(conn, new)
    result = consolidate(hood.values())
    touched = _replace(conn, old_ids, result, list(hood.values()))
    touched |= relink(conn, result, old_ids)
    refresh_status(conn, touched | {a.id for a in result})
    return len(result)


def _neighbourhood(conn: Connection, new: dict[str, Report]) -> tuple[set[str], dict[str, Report]]:
    """The stored acts the new reports may touch, and every report to group again.

    Grown ring by ring (up to HOOD_ROUNDS) from the new reports: the acts their reports may
    join, the waiting mentions their events may take, and again for the reports so loaded,
    so that the result matches grouping everything at once in all but rare chains.
    """
    act_ids: set[str] = set()
    pending: set[str] = set()
    hood = dict(new)
    frontier = list(new.values())
    for _ in range(HOOD_ROUNDS):
        more_acts = _candidates(conn, frontier) - act_ids
        more_pending = _pending(conn, [r for r in frontier if r.kind == "event"]) - pending
        if not more_acts and not more_pending:
            break
        act_ids |= more_acts
        pending |= more_pending
        loaded = _load_reports(conn, more_acts, more_pending)
        frontier = [r for rid, r in loaded.items() if rid not in hood]
        hood.update(loaded)
    return act_ids, hood


def _candidates(conn: Connection, reports: Iterable[Report]) -> set[str]:
    found: set[str] = set()
    for r in reports:
        names = report_keys(r)
        if not names:
            continue
        hi = month_of(r.day + timedelta(days=MAX_SPAN_DAYS))  # acts it may now found earlier
        lo = month_of(r.day) - (MENTION_DAYS // 28 + 1 if r.kind == "mention" else KEY_MONTHS_BACK)
        months = [(lo, hi)]
        if r.date is not None and r.date.start <= r.day:
            months.append((month_of(r.date.start), month_of(r.date.end)))
        for a, b in months:
            found.update(x[0] for x in conn.execute(select(keys_table.c.act_id).where(
                keys_table.c.key.in_(names), keys_table.c.month.between(a, b))))
    return found


def _pending(conn: Connection, reports: Sequence[Report]) -> set[str]:
    """Waiting mentions a new event report may bring into an act."""
    found: set[str] = set()
    for r in reports:
        lo, hi = month_of(r.day - timedelta(days=8)), month_of(r.day + timedelta(days=MAX_SPAN_DAYS))
        found.update(x[0] for x in conn.execute(select(act_pending.c.report_id).where(
            act_pending.c.key.in_(founder_keys(r)), act_pending.c.month.between(lo, hi))))
    return found


def _load_reports(conn: Connection, act_ids: set[str], report_ids: set[str]) -> dict[str, Report]:
    out: dict[str, Report] = {}
    for col, ids in ((act_reports.c.act_id, act_ids), (act_reports.c.id, report_ids)):
        for chunk in chunks(sorted(ids)):
            for m in conn.execute(select(act_reports).where(col.in_(chunk))).mappings():
                out[m["id"]] = row_report(m)
    return out


def _replace(conn: Connection, old_ids: set[str], result: Sequence[Act],
             hood: Sequence[Report]) -> set[str]:
    """Swap the neighbourhood's old acts for the new ones (reports rewritten with their act).

    Returns the acts outside whose history lost an entry an old act had made.
    """
    gone = sorted(old_ids - {a.id for a in result})
    touched: set[str] = set()
    for chunk in chunks(sorted(old_ids)):
        touched.update(x[0] for x in conn.execute(
            select(act_history.c.act_id).where(act_history.c.via_act.in_(chunk))))
        for t in (keys_table, act_countries, act_commodities, acts):
            conn.execute(delete(t).where(t.c.id.in_(chunk) if t is acts else t.c.act_id.in_(chunk)))
        conn.execute(delete(act_history).where(act_history.c.via_act.in_(chunk)))
        conn.execute(delete(act_history).where(and_(act_history.c.act_id.in_(chunk),
                                                    act_history.c.via_act.is_(None))))
    for chunk in chunks(sorted(r.id for r in hood)):
        conn.execute(delete(act_reports).where(act_reports.c.id.in_(chunk)))
        conn.execute(delete(act_pending).where(act_pending.c.report_id.in_(chunk)))
    for chunk in chunks(gone):  # entries on acts that no longer exist, links to them
        conn.execute(delete(act_history).where(act_history.c.act_id.in_(chunk)))
        conn.execute(update(acts).where(acts.c.modifies.in_(chunk)).values(modifies=None))
    write_acts(conn, result, unjoined(hood, result))
    return touched - old_ids


def write_acts(conn: Connection, result: Sequence[Act], waiting: Sequence[Report]) -> None:
    """Insert acts with their reports, keys, countries, minerals and history; park mentions."""
    rows, reports, keys, cc, com, hist = [], [], [], [], [], []
    for a in result:
        rows.append(act_row(a))
        reports += [report_row(r, a.id) for r in a.reports]
        keys += [{"key": k, "month": m, "act_id": a.id} for k, m in sorted(act_keys(a))]
        roles = {c: "party" for c in a.parties} | {c: "target" for c in a.targets}
        if a.actor:
            roles[a.actor] = "actor"
        cc += [{"act_id": a.id, "code": c, "role": r} for c, r in sorted(roles.items())]
        com += [{"act_id": a.id, "commodity": c} for c in a.commodities]
        hist += history_rows(a.id, a.history)
    reports += [report_row(r, None) for r in waiting]
    pending = [{"key": k, "month": month_of(r.day), "report_id": r.id}
               for r in waiting for k in pending_keys(r)]
    for table, data in ((acts, rows), (act_reports, reports), (keys_table, keys),
                        (act_countries, cc), (act_commodities, com), (act_pending, pending)):
        insert_ignore(conn, table, data, count=False)
    for chunk in chunks(hist):
        conn.execute(act_history.insert(), list(chunk))


def refresh_status(conn: Connection, ids: Iterable[str]) -> None:
    """Recompute acts' current status from every entry of their history (their own and links)."""
    for act_id in sorted(set(ids)):
        steps = [row_step(s) for s in conn.execute(
            select(act_history).where(act_history.c.act_id == act_id)).mappings()]
        if steps:
            conn.execute(update(acts).where(acts.c.id == act_id).values(status=current_status(steps)))


def clear(conn: Connection) -> None:
    """Drop every act (a rebuild follows)."""
    for t in ACT_TABLES:
        conn.execute(delete(t))


def rebuild(conn: Connection, reports: Sequence[Report]) -> int:
    """Replace every act with those the reports make, from scratch; returns the act count."""
    _lock(conn)
    clear(conn)
    result = consolidate(reports)
    write_acts(conn, result, unjoined(reports, result))
    return len(result)
