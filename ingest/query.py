"""Read-side queries for the dashboard and the CLI: plain functions returning DataFrames.

Nothing here imports streamlit; every function takes an Engine and plain values, so it is
tested directly and cached by the page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import Engine, and_, exists, func, or_, select

from . import store
from .export import EventFilter, _where

EVENT_COLUMNS = [
    "id", "date", "end_date", "date_precision", "date_source", "type", "subtype", "status",
    "actor", "countries", "targets", "commodities", "headline", "evidence", "url", "source",
    "n_articles",
]


@dataclass(frozen=True)
class Filters:
    """Everything the dashboard can filter on; empty means no restriction."""

    countries: tuple[str, ...] = ()
    country_role: str = "any"  # any | actor | target
    commodities: tuple[str, ...] = ()  # expanded: a group includes its members
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    sources: tuple[str, ...] = ()
    text: str = ""
    limit: int | None = None


def store_version(engine: Engine) -> str:
    """Changes whenever ingest writes: the cache key for the dashboard's queries."""
    with engine.connect() as conn:
        last = store.get_meta(conn, "last_run_at") or ""
        n = conn.execute(select(func.count()).select_from(store.events)).scalar_one()
    return f"{last}|{n}"


def _conditions(f: Filters) -> list[Any]:
    e = store.events
    conds = _where(EventFilter(types=f.types, statuses=f.statuses, since=f.since, until=f.until,
                               commodities=f.commodities))
    if f.countries:
        ec = store.event_countries
        role = []
        if f.country_role == "actor":
            role = [ec.c.role == "actor"]
        elif f.country_role == "target":
            role = [ec.c.role == "target"]
        conds.append(exists().where(and_(ec.c.event_id == e.c.id, ec.c.code.in_(f.countries), *role)))
    if f.sources:
        ea, a = store.event_articles, store.articles
        conds.append(exists().where(and_(ea.c.event_id == e.c.id, ea.c.article_id == a.c.id,
                                         a.c.source_domain.in_(f.sources))))
    if f.text.strip():
        like = f"%{_escape_like(f.text.strip().lower())}%"
        conds.append(or_(func.lower(e.c.headline).like(like, escape="\\"),
                         func.lower(e.c.evidence).like(like, escape="\\")))
    return conds


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def events_frame(engine: Engine, f: Filters = Filters()) -> pd.DataFrame:
    """Filtered events, newest first, one row each, with their first article's link and source."""
    e, ea, a = store.events, store.event_articles, store.articles
    first = (
        select(ea.c.event_id, func.min(a.c.canonical_url).label("url"),
               func.min(a.c.source_domain).label("source"),
               func.count().label("n_articles"))
        .join(a, a.c.id == ea.c.article_id)
        .group_by(ea.c.event_id)
        .subquery()
    )
    stmt = (
        select(e.c.id, e.c.date, e.c.end_date, e.c.date_precision, e.c.date_source, e.c.type,
               e.c.subtype, e.c.status, e.c.actor, e.c.countries, e.c.targets, e.c.commodities,
               e.c.headline, e.c.evidence, first.c.url, first.c.source, first.c.n_articles)
        .outerjoin(first, first.c.event_id == e.c.id)
        .where(*_conditions(f))
        .order_by(e.c.date.desc(), e.c.id)
    )
    if f.limit:
        stmt = stmt.limit(f.limit)
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    df = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    if df.empty:
        return df
    for col in ("countries", "targets", "commodities"):
        df[col] = df[col].map(json.loads)
    df["date"] = pd.to_datetime(df["date"])
    df["end_date"] = pd.to_datetime(df["end_date"])
    df["n_articles"] = df["n_articles"].fillna(0).astype(int)
    return df


def count_events(engine: Engine, f: Filters = Filters()) -> int:
    """How many events match (without loading them)."""
    with engine.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(store.events).where(*_conditions(replace(f, limit=None)))
        ).scalar_one()


def date_bounds(engine: Engine) -> tuple[date | None, date | None]:
    """The earliest and latest event dates in the store."""
    e = store.events
    with engine.connect() as conn:
        lo, hi = conn.execute(select(func.min(e.c.date), func.max(e.c.date))).one()
    return lo, hi


def option_counts(engine: Engine) -> dict[str, dict[str, int]]:
    """Event counts per country, commodity, type, status and source (for filter labels)."""
    e, ec, em = store.events, store.event_countries, store.event_commodities
    ea, a = store.event_articles, store.articles
    out: dict[str, dict[str, int]] = {}
    with engine.connect() as conn:
        out["country"] = dict(conn.execute(select(ec.c.code, func.count()).group_by(ec.c.code)).all())
        out["commodity"] = dict(conn.execute(
            select(em.c.commodity, func.count()).group_by(em.c.commodity)).all())
        out["type"] = dict(conn.execute(select(e.c.type, func.count()).group_by(e.c.type)).all())
        out["status"] = dict(conn.execute(select(e.c.status, func.count()).group_by(e.c.status)).all())
        out["source"] = dict(conn.execute(
            select(a.c.source_domain, func.count(func.distinct(ea.c.event_id)))
            .join(ea, ea.c.article_id == a.c.id).group_by(a.c.source_domain)).all())
    return out


def event_detail(engine: Engine, event_id: str) -> dict[str, Any] | None:
    """One event with every article that reports it and the sentence each one gave."""
    e, ea, a = store.events, store.event_articles, store.articles
    with engine.connect() as conn:
        row = conn.execute(select(e).where(e.c.id == event_id)).mappings().first()
        if row is None:
            return None
        arts = conn.execute(
            select(a.c.title, a.c.canonical_url, a.c.source_domain, a.c.published_at, ea.c.evidence)
            .join(ea, ea.c.article_id == a.c.id).where(ea.c.event_id == event_id)
            .order_by(a.c.published_at)
        ).mappings().all()
    ev = dict(row)
    for col in ("countries", "targets", "commodities"):
        ev[col] = json.loads(ev[col])
    ev["articles"] = [dict(x) for x in arts]
    return ev


def upcoming(df: pd.DataFrame, today: date, days: int = 90) -> pd.DataFrame:
    """Events dated from today to `days` ahead (meetings, effective dates, expiries), soonest first."""
    if df.empty:
        return df
    start = pd.Timestamp(today)
    end = start + pd.Timedelta(days=days)
    last = df["end_date"].fillna(df["date"])
    sel = df[(last >= start) & (df["date"] <= end)]
    return sel.sort_values("date")


def feed_health(engine: Engine, now: datetime | None = None) -> pd.DataFrame:
    """Each feed's last fetch, status, error, article count, newest item and next try."""
    f = store.feeds
    now = now or datetime.now(UTC)
    with engine.connect() as conn:
        rows = conn.execute(select(f).order_by(f.c.name)).mappings().all()
    data = []
    for r in rows:
        nxt = r["next_attempt_at"]
        data.append({
            "feed": r["name"],
            "url": r["url"],
            "status": r["last_status"] or "never fetched",
            "http": r["last_http_status"],
            "last_fetch": _fmt_time(r["last_attempt_at"]),
            "last_success": _fmt_time(r["last_success_at"]),
            "articles": r["articles_total"],
            "newest_item": _fmt_time(r["newest_item_at"]),
            "failures": r["consecutive_failures"],
            "next_try": (_fmt_time(nxt) if nxt and nxt > now else "next run"),
            "error": r["last_error"] or "",
            "warning": r["last_warning"] or "",
        })
    return pd.DataFrame(data, columns=["feed", "url", "status", "http", "last_fetch", "last_success",
                                       "articles", "newest_item", "failures", "next_try", "error",
                                       "warning"])


def _fmt_time(t: datetime | None) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if t else ""


def default_window(engine: Engine, today: date) -> tuple[date, date]:
    """Last 24 months through the furthest scheduled date (at least today)."""
    _lo, hi = date_bounds(engine)
    start = today - timedelta(days=730)
    end = max(hi or today, today)
    return start, end
