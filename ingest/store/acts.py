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

from sqlalchemy import and_, delete, select, text, update
from sqlalchemy.engine import Connection

from ..acts import consolidate
from ..acts.consolidate import unjoined
from ..acts.links import current_status
from ..acts.model import Act, Report, StatusChange
from . import review_overlay
from .act_hood import load_reports, neighbourhood
from .act_links import relink
from .act_rows import (
    act_keys,
    act_row,
    history_rows,
    month_of,
    pending_keys,
    report_row,
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

_ACTS_LOCK = 0x6D696E7474  # PostgreSQL advisory lock held while acts are rewritten


def lock(conn: Connection) -> None:
    """Serialise act writers (ingest's consolidation, an analyst's review) on PostgreSQL."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ACTS_LOCK})


def add_reports(conn: Connection, reports: Sequence[Report]) -> int:
    """Consolidate new reports into the stored acts; returns how many acts the batch touched."""
    if not reports:
        return 0
    lock(conn)
    known: set[str] = set()
    for chunk in chunks(sorted({r.id for r in reports})):
        known.update(r[0] for r in conn.execute(select(act_reports.c.id).where(act_reports.c.id.in_(chunk))))
    new = {r.id: r for r in reports if r.id not in known}
    if not new:
        return 0
    old_ids, hood = neighbourhood(conn, new)
    result = consolidate(hood.values(), links=review_overlay.links(conn))
    touched = _replace(conn, old_ids, result, list(hood.values()))
    touched |= relink(conn, result, old_ids)
    refresh_status(conn, touched | {a.id for a in result})
    review_overlay.reapply(conn)
    return len(result)


def regroup(conn: Connection, act_ids: set[str]) -> list[Act]:
    """Group these stored acts' reports again (after an analyst's merge or split); the new acts."""
    lock(conn)
    hood, _ = load_reports(conn, act_ids, set())
    result = consolidate(hood.values(), links=review_overlay.links(conn))
    touched = _replace(conn, act_ids, result, list(hood.values()))
    touched |= relink(conn, result, act_ids)
    refresh_status(conn, touched | {a.id for a in result})
    review_overlay.reapply(conn)
    return list(result)


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
        # The acts pointing at a vanished act are those whose entries it holds (found by the
        # history's act index: `acts.modifies` is nearly all empty, its index rarely chosen).
        pointing = sorted({x[0] for x in conn.execute(select(act_history.c.via_act).where(
            act_history.c.act_id.in_(chunk), act_history.c.via_act.is_not(None)))})
        conn.execute(delete(act_history).where(act_history.c.act_id.in_(chunk)))
        if pointing:
            conn.execute(update(acts).where(acts.c.id.in_(pointing)).values(modifies=None))
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
    # Every mention and weak event is filed here, taken or not: a later act may fit it better.
    pending = [{"key": k, "month": month_of(r.day), "report_id": r.id}
               for r in [*waiting, *(x for a in result for x in a.reports)] if r.kind != "event"
               for k in pending_keys(r)]
    for table, data in ((acts, rows), (act_reports, reports), (keys_table, keys),
                        (act_countries, cc), (act_commodities, com), (act_pending, pending)):
        insert_ignore(conn, table, data, count=False)
    for chunk in chunks(hist):
        conn.execute(act_history.insert(), list(chunk))


def refresh_status(conn: Connection, ids: Iterable[str]) -> None:
    """Recompute acts' current status from every entry of their history (their own and links)."""
    steps: dict[str, list[StatusChange]] = {}
    for chunk in chunks(sorted(set(ids))):
        for s in conn.execute(select(act_history).where(act_history.c.act_id.in_(chunk))).mappings():
            steps.setdefault(s["act_id"], []).append(row_step(s))
    current = {a: current_status(v) for a, v in steps.items()}
    stored: dict[str, str] = {}
    for chunk in chunks(sorted(current)):
        stored.update(conn.execute(select(acts.c.id, acts.c.status).where(acts.c.id.in_(chunk))).all())
    for act_id, status in sorted(current.items()):
        if stored.get(act_id) != status:
            conn.execute(update(acts).where(acts.c.id == act_id).values(status=status))


def clear(conn: Connection) -> None:
    """Drop every act (a rebuild follows)."""
    for t in ACT_TABLES:
        conn.execute(delete(t))


def rebuild(conn: Connection, reports: Sequence[Report]) -> int:
    """Replace every act with those the reports make, from scratch; returns the act count."""
    lock(conn)
    clear(conn)
    reports = [*reports, *review_overlay.added_reports(conn)]  # acts added by hand stay
    result = consolidate(reports, links=review_overlay.links(conn))
    write_acts(conn, result, unjoined(reports, result))
    review_overlay.reapply(conn)
    return len(result)
