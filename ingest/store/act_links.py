"""`modifies` links in the store: a changing act points at the act it changes, whichever came first.

Links are chosen from the whole store (not only the neighbourhood a batch re-grouped), and
re-chosen when a new act appears that a stored change may now point at, so the links do not
depend on the order reports arrived in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection

from ..acts.links import LINK_DAYS, best_target, link_modifiers
from ..acts.model import Act
from .act_rows import history_rows, lookup_keys, month_of, row_act, row_report
from .schema import act_history, act_reports, acts
from .schema import act_keys as keys_table
from .sql import chunks


def link_names(a: Act) -> list[str]:
    """Keys under which the act a change points at (or a change pointing at `a`) is filed."""
    return lookup_keys(a.type, a.actor, a.commodities)


def relink(conn: Connection, result: Sequence[Act], old_ids: set[str]) -> set[str]:
    """Choose again the links of the batch's changing acts and of stored changing acts that a
    newly founded act may now be the target of; returns the acts whose history changed."""
    mine = {a.id for a in result}
    if _stored_at_most(conn, len(mine)):
        return set()  # every stored act is the batch's (a first run): its links were chosen in it
    # The batch's changing acts were linked within the batch; the store may hold a better target.
    changing = {a.id for a in result if a.modifier and _outside(conn, a, mine)}
    fresh = [n for n in result if not n.modifier and n.id not in old_ids]
    for row in _stored_changes(conn, fresh, mine):
        m = row_act(row)
        if m.id not in changing and any(_prefers(conn, m, n) for n in fresh
                                        if n.type == m.type and n.first_seen < m.first_seen):
            changing.add(m.id)
    touched: set[str] = set()
    for mid in sorted(changing):
        touched |= _relink_one(conn, mid)
    return touched


def _stored_at_most(conn: Connection, n: int) -> bool:
    """Whether the store holds at most `n` acts (counted no further than n + 1, so a big store
    costs no more than a small one)."""
    first = select(acts.c.id).limit(n + 1).subquery()
    return conn.execute(select(func.count()).select_from(first)).scalar_one() <= n


def _outside(conn: Connection, m: Act, mine: set[str]) -> bool:
    """Whether acts outside the batch are filed where `m`'s target may be."""
    lo = month_of((m.first_seen - timedelta(days=LINK_DAYS)).date())
    q = select(keys_table.c.act_id).distinct().where(
        keys_table.c.key.in_(link_names(m)), keys_table.c.month.between(lo, month_of(m.first_seen.date())))
    return any(x[0] not in mine for x in conn.execute(q))


def _stored_changes(conn: Connection, fresh: Sequence[Act], mine: set[str]) -> list[Any]:
    """Stored changing acts (outside the batch) that a newly founded act may be the target of."""
    if not fresh:
        return []
    names = sorted({k for n in fresh for k in link_names(n)})
    lo = month_of(min(n.first_seen for n in fresh).date())
    hi = month_of((max(n.first_seen for n in fresh) + timedelta(days=LINK_DAYS)).date())
    rows: dict[str, Any] = {}
    for chunk in chunks(names):
        q = (select(acts).join(keys_table, acts.c.id == keys_table.c.act_id)
             .where(keys_table.c.key.in_(chunk), keys_table.c.month.between(lo, hi),
                    acts.c.modifier.is_(True)))
        rows.update((r["id"], r) for r in conn.execute(q).mappings() if r["id"] not in mine)
    return [rows[k] for k in sorted(rows)]


def _prefers(conn: Connection, m: Act, n: Act) -> bool:
    """Whether the stored changing act `m` would rather point at the new act `n`."""
    if best_target(m, [n]) is not n:
        return False
    current = None
    if m.modifies:
        row = conn.execute(select(acts).where(acts.c.id == m.modifies)).mappings().first()
        current = row_act(row) if row is not None else None
    return best_target(m, [n] + ([current] if current else [])) is n


def _load_act(conn: Connection, act_id: str) -> Act | None:
    m = conn.execute(select(acts).where(acts.c.id == act_id)).mappings().first()
    if m is None:
        return None
    a = row_act(m)
    a.reports = [row_report(r) for r in conn.execute(
        select(act_reports).where(act_reports.c.act_id == act_id)).mappings()]
    return a


def _relink_one(conn: Connection, mid: str) -> set[str]:
    m = _load_act(conn, mid)
    if m is None:
        return set()
    before = {m.modifies} if m.modifies else set()
    conn.execute(delete(act_history).where(act_history.c.via_act == mid))
    lo = month_of((m.first_seen - timedelta(days=LINK_DAYS)).date())
    q = (select(acts).distinct().join(keys_table, acts.c.id == keys_table.c.act_id)
         .where(keys_table.c.key.in_(link_names(m)),
                keys_table.c.month.between(lo, month_of(m.first_seen.date())),
                acts.c.type == m.type, acts.c.first_seen_at < m.first_seen, acts.c.id != mid))
    earlier = [row_act(r) for r in conn.execute(q).mappings()]
    m.modifies = None
    links = link_modifiers([m], earlier)
    conn.execute(update(acts).where(acts.c.id == mid).values(modifies=m.modifies))
    for target, step in links:
        conn.execute(act_history.insert(), history_rows(target, [step]))
    return before | {t for t, _ in links}
