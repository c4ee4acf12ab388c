"""`modifies` links in the store: a changing act points at the act it changes, whichever came first.

Links are chosen from the whole store (not only the neighbourhood a batch re-grouped), and
re-chosen when a new act appears that a stored change may now point at, so the links do not
depend on the order reports arrived in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection

from ..acts.links import LINK_DAYS, link_modifiers
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
    changing = {a.id for a in result if a.modifier}
    for n in result:
        if n.modifier or n.id in old_ids:
            continue
        lo = month_of(n.first_seen.date())
        hi = month_of((n.first_seen + timedelta(days=LINK_DAYS)).date())
        q = (select(keys_table.c.act_id).distinct()
             .join(acts, acts.c.id == keys_table.c.act_id)
             .where(keys_table.c.key.in_(link_names(n)), keys_table.c.month.between(lo, hi),
                    acts.c.modifier.is_(True)))
        changing.update(x[0] for x in conn.execute(q))
    touched: set[str] = set()
    for mid in sorted(changing):
        touched |= _relink_one(conn, mid)
    return touched


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
    ids = {x[0] for x in conn.execute(select(keys_table.c.act_id).where(
        keys_table.c.key.in_(link_names(m)),
        keys_table.c.month.between(lo, month_of(m.first_seen.date()))))} - {mid}
    earlier = [row_act(r) for chunk in chunks(sorted(ids))
               for r in conn.execute(select(acts).where(acts.c.id.in_(chunk))).mappings()]
    m.modifies = None
    links = link_modifiers([m], earlier)
    conn.execute(update(acts).where(acts.c.id == mid).values(modifies=m.modifies))
    for target, step in links:
        conn.execute(act_history.insert(), history_rows(target, [step]))
    return before | {t for t, _ in links}
