"""Saved views in the store: the views themselves, what each last published per act, and the
newest entries of each view's feed. Plain dicts in and out; every write is one transaction of
the caller's (`store.atomic`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection

from .sql import chunks, insert_for
from .subscription_tables import subscription_acts, subscription_entries, subscriptions

S, A, E = subscriptions.c, subscription_acts.c, subscription_entries.c


def add(conn: Connection, name: str, query: str, webhook: str | None, now: datetime) -> bool:
    """Save a view; False when one of that name exists (nothing is changed then)."""
    stmt = insert_for(conn, subscriptions).values(
        name=name, query=query, webhook=webhook, created_at=now, entries_total=0,
        webhook_failures=0).on_conflict_do_nothing().returning(S.name)
    return conn.execute(stmt).first() is not None


def remove(conn: Connection, name: str) -> bool:
    """Forget a view, its published state and its entries; False when there was none."""
    conn.execute(delete(subscription_acts).where(A.name == name))
    conn.execute(delete(subscription_entries).where(E.name == name))
    return conn.execute(delete(subscriptions).where(S.name == name).returning(S.name)).first() is not None


def get(conn: Connection, name: str) -> dict[str, Any] | None:
    row = conn.execute(select(subscriptions).where(S.name == name)).mappings().first()
    return dict(row) if row else None


def all_views(conn: Connection) -> list[dict[str, Any]]:
    """Every saved view, by name, with how many entries its feed holds now."""
    held = (select(E.name, func.count().label("n")).group_by(E.name)).subquery()
    q = (select(subscriptions, func.coalesce(held.c.n, 0).label("entries"))
         .outerjoin(held, held.c.name == S.name).order_by(S.name))
    return [dict(r) for r in conn.execute(q).mappings()]


def published_states(conn: Connection, name: str) -> dict[str, dict[str, Any]]:
    """act id -> the state (status, dates, report ids) the view's feed last reported."""
    rows = conn.execute(select(A.act_id, A.state).where(A.name == name))
    return {act_id: json.loads(state) for act_id, state in rows}


def save_states(conn: Connection, name: str, states: dict[str, dict[str, Any]]) -> None:
    """Replace the view's published states with `states` (acts that left the view are dropped)."""
    conn.execute(delete(subscription_acts).where(A.name == name))
    rows = [{"name": name, "act_id": k, "state": json.dumps(v, sort_keys=True)} for k, v in states.items()]
    for part in chunks(rows, 1000):
        conn.execute(subscription_acts.insert(), list(part))


def add_entries(conn: Connection, name: str, entries: Sequence[dict[str, Any]], keep: int) -> None:
    """Append entries (dicts of the entry columns) and keep only the view's newest `keep`."""
    if entries:
        conn.execute(subscription_entries.insert(), [{**e, "name": name} for e in entries])
        conn.execute(update(subscriptions).where(S.name == name)
                     .values(entries_total=S.entries_total + len(entries)))
    newest = select(E.id).where(E.name == name).order_by(E.id.desc()).limit(keep).subquery()
    conn.execute(delete(subscription_entries).where(E.name == name, E.id.not_in(select(newest.c.id))))


def entries(conn: Connection, name: str) -> list[dict[str, Any]]:
    """The view's feed entries, newest first."""
    q = select(subscription_entries).where(E.name == name).order_by(E.id.desc())
    return [dict(r) for r in conn.execute(q).mappings()]


def mark_fired(conn: Connection, name: str, now: datetime) -> None:
    conn.execute(update(subscriptions).where(S.name == name).values(last_fired_at=now))


def record_webhook(conn: Connection, name: str, ok: bool, error: str | None, now: datetime) -> None:
    """The outcome of a POST to the view's webhook (consecutive failures are counted)."""
    failures = 0 if ok else S.webhook_failures + 1
    conn.execute(update(subscriptions).where(S.name == name).values(
        webhook_status="ok" if ok else "failed", webhook_at=now, webhook_error=error,
        webhook_failures=failures))
