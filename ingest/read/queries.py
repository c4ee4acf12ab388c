"""Read-side queries for the dashboard and the CLI: plain functions returning DataFrames.

Nothing here imports streamlit; every function takes an Engine and plain values, so it is
tested directly and cached by the page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import Engine, and_, case, func, inspect, or_, select
from sqlalchemy.engine import Connection

from .. import store
from .filters import NO_FILTERS, Filters
from .where import conditions, matching, use_fts

EVENT_COLUMNS = [
    "id", "date", "end_date", "date_precision", "date_source", "type", "subtype", "status",
    "actor", "countries", "targets", "commodities", "headline", "evidence", "url", "source",
    "n_articles",
]


def store_version(engine: Engine) -> str:
    """Changes whenever ingest or a review writes: the cache key for the dashboard's queries."""
    with engine.connect() as conn:
        last = store.get_meta(conn, "last_run_at") or ""
        n = conn.execute(select(func.count()).select_from(store.events)).scalar_one()
        reviewed = store.get_meta(conn, "reviewed_at") or ""
    return f"{last}{' @' + reviewed if reviewed else ''}|{n}"  # header shows last[:16]


def _article_columns() -> list[Any]:
    """Per-event correlated look-ups: first article's link and source, and how many report it.

    Correlated on the event_articles primary key, so a LIMITed query only touches its own rows.
    """
    e, ea, a = store.events, store.event_articles, store.articles
    linked = ea.join(a, a.c.id == ea.c.article_id)
    return [
        select(func.min(a.c.canonical_url)).select_from(linked)
        .where(ea.c.event_id == e.c.id).scalar_subquery().label("url"),
        select(func.min(a.c.source_domain)).select_from(linked)
        .where(ea.c.event_id == e.c.id).scalar_subquery().label("source"),
        select(func.count()).select_from(ea)
        .where(ea.c.event_id == e.c.id).scalar_subquery().label("n_articles"),
    ]


def _events(engine: Engine, conds: list[Any], limit: int | None, order: Any = None) -> pd.DataFrame:
    e = store.events
    stmt = (
        select(e.c.id, e.c.date, e.c.end_date, e.c.date_precision, e.c.date_source, e.c.type,
               e.c.subtype, e.c.status, e.c.actor, e.c.countries, e.c.targets, e.c.commodities,
               e.c.headline, e.c.evidence, *_article_columns())
        .where(*conds)
        .order_by(*(order if order is not None else (e.c.date.desc(), e.c.id)))
    )
    if limit:
        stmt = stmt.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    df = pd.DataFrame([tuple(r) for r in rows], columns=EVENT_COLUMNS)
    if df.empty:
        return df
    for col in ("countries", "targets", "commodities"):
        df[col] = df[col].map(json.loads)
    df["date"] = pd.to_datetime(df["date"])
    df["end_date"] = pd.to_datetime(df["end_date"])
    df["n_articles"] = df["n_articles"].fillna(0).astype(int)
    return df


def events_frame(engine: Engine, f: Filters = NO_FILTERS) -> pd.DataFrame:
    """Filtered events, newest first, one row each, with their first article's link and source."""
    return _events(engine, conditions(f, use_fts(engine, f)), f.limit)


def count_events(engine: Engine, f: Filters = NO_FILTERS) -> int:
    """How many events match (without loading them)."""
    fts = use_fts(engine, f)
    with engine.connect() as conn:
        return _count(conn, f, fts)


def _count(conn: Connection, f: Filters, fts: bool = False) -> int:
    return conn.execute(select(func.count()).select_from(matching(f, fts))).scalar_one()


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


def filter_options(engine: Engine, groups: Sequence[tuple[str, Sequence[str]]]) -> dict[str, Any]:
    """What the filter widgets need: `option_counts`, events per commodity group (`group`) and
    the store's date bounds (`bounds`)."""
    out: dict[str, Any] = dict(option_counts(engine))
    out["group"] = group_counts(engine, dict(groups))
    out["bounds"] = date_bounds(engine)
    return out


def feed_health(engine: Engine, now: datetime | None = None) -> pd.DataFrame:
    """Each feed's last fetch, status, error, article count, newest item and next try."""
    f = store.feeds
    now = now or datetime.now(UTC)
    with engine.connect() as conn:
        rows = conn.execute(select(f).order_by(f.c.name)).mappings().all()
        outlets = _feed_outlets(conn)
    data = []
    for r in rows:
        nxt = r["next_attempt_at"]
        data.append({
            "feed": r["name"],
            "url": r["url"],
            "outlets": outlets.get(r["id"], ""),
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
                                       "articles", "outlets", "newest_item", "failures", "next_try",
                                       "error", "warning"])


def _feed_outlets(conn: Connection, shown: int = 3) -> dict[int, str]:
    """Feed id -> the outlets whose articles it carried, busiest first: "12: Reuters, ...".

    An aggregator's feed is many outlets; an outlet's own feed is one."""
    a, af, o = store.articles, store.article_feeds, store.outlets
    name = func.coalesce(func.nullif(a.c.outlet_name, ""), o.c.name, a.c.source_domain)
    rows = conn.execute(
        select(af.c.feed_id, name.label("outlet"), func.count().label("n"))
        .join(a, a.c.id == af.c.article_id).outerjoin(o, o.c.domain == a.c.source_domain)
        .group_by(af.c.feed_id, name)
    ).all()
    per: dict[int, list[tuple[int, str]]] = {}
    for r in rows:
        if r.outlet:
            per.setdefault(r.feed_id, []).append((-r.n, r.outlet))
    out = {}
    for fid, items in per.items():
        names = [n for _, n in sorted(items)]
        more = ", …" if len(names) > shown else ""
        out[fid] = f"{len(names)}: " + ", ".join(names[:shown]) + more
    return out


def _fmt_time(t: datetime | None) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if t else ""


def window_from_bounds(bounds: tuple[date | None, date | None], today: date) -> tuple[date, date]:
    """The default date range: the last 24 months through the furthest scheduled date (at
    least today), from the store's `date_bounds`."""
    _lo, hi = bounds
    return today - timedelta(days=730), max(hi or today, today)


# --- dashboard aggregates ----------------------------------------------------------------
# Every count below is computed in SQL over the filtered set, so the page never loads more
# events than it draws one by one.

ROW_DIMENSIONS = ("type", "country", "commodity", "status")


def _dimension(by: str) -> tuple[Any, Any]:
    """The column to group on and the FROM clause that provides it."""
    e, ec, em = store.events, store.event_countries, store.event_commodities
    if by == "type":
        return e.c.type, e
    if by == "status":
        return e.c.status, e
    if by == "country":
        return ec.c.code, e.join(ec, ec.c.event_pk == e.c.pk)
    if by == "commodity":
        return em.c.commodity, e.join(em, em.c.event_pk == e.c.pk)
    raise ValueError(f"unknown dimension {by!r}; use one of {ROW_DIMENSIONS}")


def daily_counts(engine: Engine, f: Filters = NO_FILTERS, by: str = "type") -> pd.DataFrame:
    """Events per (`by` value, day) in the filtered set: columns key, date, n.

    An event counts once in each of its countries (or commodities) when `by` is one of those.
    """
    key, source = _dimension(by)
    e = store.events
    fts = use_fts(engine, f)
    with engine.connect() as conn:
        conds = conditions(f, fts)
        if by == "type" and not (f.types or f.countries or f.commodities or f.sources or f.text.strip()):
            # Naming every type lets SQLite answer from the (type, date) index alone instead of
            # reading each event row: several times faster on a large store, same result.
            types = conn.execute(select(e.c.type).distinct()).scalars().all()
            conds.append(e.c.type.in_(types))
        stmt = (select(key.label("key"), e.c.date, func.count().label("n")).select_from(source)
                .where(*conds).group_by(key, e.c.date))
        rows = conn.execute(stmt).all()
    df = pd.DataFrame([tuple(r) for r in rows], columns=["key", "date", "n"])
    df["date"] = pd.to_datetime(df["date"])
    df["n"] = df["n"].astype(int)
    return df


def dimension_counts(engine: Engine, f: Filters = NO_FILTERS, by: str = "country") -> pd.DataFrame:
    """Distinct filtered events per country, commodity, type or status: columns key, n (largest first)."""
    key, source = _dimension(by)
    e = store.events
    n = func.count(func.distinct(e.c.pk))
    stmt = (select(key.label("key"), n.label("n")).select_from(source)
            .where(*conditions(f, use_fts(engine, f))).group_by(key).order_by(n.desc(), key))
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=["key", "n"]).astype({"n": int})


def pair_counts(engine: Engine, f: Filters = NO_FILTERS) -> pd.DataFrame:
    """Filtered events per (country, commodity) pair: columns country, commodity, n."""
    e, ec, em = store.events, store.event_countries, store.event_commodities
    stmt = (
        select(ec.c.code, em.c.commodity, func.count().label("n"))
        .select_from(e.join(ec, ec.c.event_pk == e.c.pk).join(em, em.c.event_pk == e.c.pk))
        .where(*conditions(f, use_fts(engine, f))).group_by(ec.c.code, em.c.commodity)
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=["country", "commodity", "n"]).astype({"n": int})


def group_counts(engine: Engine, groups: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Distinct events per commodity group, a group counting every event of any of its members."""
    em = store.event_commodities
    out: dict[str, int] = {}
    with engine.connect() as conn:
        for gid, members in groups.items():
            out[gid] = conn.execute(
                select(func.count(func.distinct(em.c.event_pk))).where(em.c.commodity.in_(tuple(members)))
            ).scalar_one()
    return out


def summary(engine: Engine, f: Filters, today: date, recent_days: int = 30,
            ahead_days: int = 90) -> dict[str, Any]:
    """Headline numbers: events in view, the newest one dated up to today, and, with every
    filter but the date range, how many are dated in the last `recent_days` and in the next
    `ahead_days` (those two are the same filters with their own window, so the window is
    applied where the filter is answered: the date index or the link tables)."""
    f = replace(f, limit=None)
    fts = use_fts(engine, f)
    with engine.connect() as conn:
        m = matching(f, fts)
        n, latest = conn.execute(select(  # one pass over the filtered set for both
            func.count(), func.max(case((m.c.date <= today, m.c.date))))).one()
        return {
            "events": n,
            "latest": latest,
            "recent": _count(conn, replace(f, since=today - timedelta(days=recent_days), until=today),
                             fts),
            "ahead": _count(conn, replace(f, since=today + timedelta(days=1),
                                          until=today + timedelta(days=ahead_days)), fts),
        }


def _upcoming_conditions(f: Filters, today: date, days: int, fts: bool = False) -> list[Any]:
    e = store.events
    horizon = today + timedelta(days=days)
    in_window = e.c.date.between(today, horizon)
    ends_in_window = and_(e.c.end_date.is_not(None), e.c.end_date.between(today, horizon), e.c.date < today)
    # Both branches are dated up to the horizon: that bound narrows a link-table filter too.
    undated = conditions(replace(f, since=None, until=horizon, limit=None), fts)
    return [*undated, or_(in_window, ends_in_window)]


def upcoming_events(engine: Engine, f: Filters, today: date, days: int = 90,
                    limit: int | None = 500) -> pd.DataFrame:
    """Events happening, starting or expiring from `today` to `days` ahead, soonest first.

    Every filter applies except the date range (upcoming is always the next `days`). Adds
    `when` (the date inside the window) and `what` ("starts" for an event dated in the window,
    "ends" for one that began earlier and whose end date falls in it).
    """
    e = store.events
    df = _events(engine, _upcoming_conditions(f, today, days, use_fts(engine, f)), None,
                 order=(e.c.date, e.c.id))
    if df.empty:
        return df.assign(when=pd.Series(dtype="datetime64[ns]"), what=pd.Series(dtype=object))
    start = pd.Timestamp(today)
    ends = (df["date"] < start) & df["end_date"].notna()
    df["when"] = df["end_date"].where(ends, df["date"])
    df["what"] = ends.map({True: "ends", False: "starts"})
    df = df.sort_values(["when", "id"], kind="stable").reset_index(drop=True)
    return df.head(limit) if limit else df


def has_articles(engine: Engine) -> bool:
    """Whether the store holds any article yet (False for a store without tables)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(store.articles.name):
            return False
        return conn.execute(select(store.articles.c.id).limit(1)).first() is not None
