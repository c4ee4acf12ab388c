"""Read-side queries for the dashboard and the CLI: plain functions returning DataFrames.

Nothing here imports streamlit; every function takes an Engine and plain values, so it is
tested directly and cached by the page.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from itertools import chain
from typing import Any

import pandas as pd
from sqlalchemy import Engine, Select, Subquery, and_, case, func, or_, select
from sqlalchemy.engine import Connection

from .. import store
from .export import (
    EventFilter,
    _where,
    article_order,
    date_window,
    iter_events,
    link_keys,
    public_columns,
    to_csv_text,
)

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


def _event_conditions(f: Filters, fts: bool = False) -> list[Any]:
    """Conditions only an `events` row can answer: type, status, source and text.

    With `fts` (see `_use_fts`) the text index narrows the text search to candidate events
    first; the LIKE still decides (`_text_conditions`), so results are the plain scan's.
    """
    e = store.events
    conds = _where(EventFilter(types=f.types, statuses=f.statuses))
    if f.sources:
        ea, a = store.event_articles, store.articles
        conds.append(e.c.id.in_(select(ea.c.event_id).join(a, a.c.id == ea.c.article_id)
                                .where(a.c.source_domain.in_(f.sources))))
    return conds + _text_conditions(f, fts)


def _text_conditions(f: Filters, fts: bool = False) -> list[Any]:
    """The text filter: the LIKE test, after the index look-up when `fts` and the term allows.

    SQLite tests a row's conditions in the order given, so callers put the LIKE (the costly
    one: it lower-cases both texts) after every cheaper condition, the date window included.
    """
    term = _text_term(f)
    if not term:
        return []
    e = store.events
    conds = []
    q = _fts_query(term) if fts else None
    if q is not None:
        ix = store.events_fts
        conds.append(e.c.pk.in_(select(ix.c.rowid).where(ix.c[store.FTS_TABLE].match(q))))
    like = f"%{_escape_like(term)}%"
    conds.append(or_(func.lower(e.c.headline).like(like, escape="\\"),
                     func.lower(e.c.evidence).like(like, escape="\\")))
    return conds


def _text_term(f: Filters) -> str:
    """The text filter as the search compares it: stripped and lower-cased."""
    return f.text.strip().lower()


def _fts_query(term: str) -> str | None:
    """The FTS5 query for `term` (one quoted string, so operators and punctuation are literal),
    or None when the text index cannot answer it and the search must scan.

    The trigram index needs 3 characters. It folds case per character (ASCII and non-ASCII
    alike) and keeps every other character, while the LIKE compares SQLite's lower() (ASCII
    only) of the text with the lower-cased term: any text the LIKE accepts has the term's
    characters, up to ASCII case, so the index finds it; what else the index finds (other
    non-ASCII case) the LIKE drops. A NUL cannot go into an FTS5 query string, so it scans.
    """
    if len(term) < 3 or "\x00" in term:
        return None
    return '"' + term.replace('"', '""') + '"'


FTS_PROBE = 1000  # matches read to estimate how common a term is
FTS_MAX_SHARE = 0.3  # a term in more of the events than this is found faster by the scan
# Per store, the terms already probed: one dashboard render asks every query function with the
# same term. A stale answer only picks the slower of two ways to the same result.
_common_terms: weakref.WeakKeyDictionary[Engine, dict[str, bool]] = weakref.WeakKeyDictionary()


def _use_fts(engine: Engine, f: Filters) -> bool:
    """Whether the text filter is answered through the FTS index: SQLite with the index, a term
    the index can take, and not so common that reading its matches costs more than the scan."""
    q = _fts_query(_text_term(f))
    if q is None or not store.has_text_index(engine):
        return False
    seen = _common_terms.setdefault(engine, {})
    if q not in seen:
        if len(seen) >= 256:  # bounded: terms typed into the search box
            seen.clear()
        seen[q] = _common(engine, q)
    return not seen[q]


def _common(engine: Engine, q: str) -> bool:
    """Whether the FTS query `q` matches more than FTS_MAX_SHARE of the events.

    Estimated from where its FTS_PROBE-th match falls in key order (a few ms): the index
    returns matches by key, so a term in half the events reaches it around key 2 x FTS_PROBE.
    """
    ix, e = store.events_fts, store.events
    with engine.connect() as conn:
        nth = conn.execute(select(ix.c.rowid).where(ix.c[store.FTS_TABLE].match(q))
                           .order_by(ix.c.rowid).limit(1).offset(FTS_PROBE - 1)).scalar()
        if nth is None:  # fewer matches than that: the index is the quick way
            return False
        first = conn.execute(select(func.min(e.c.pk))).scalar_one()
    return FTS_PROBE / (nth - first + 1) > FTS_MAX_SHARE


def _links(f: Filters) -> tuple[Select, bool] | None:
    """Keys and dates of the events passing the country and commodity filters in the window."""
    return link_keys(f.countries, f.commodities, f.since, f.until, f.country_role)


def _conditions(f: Filters, fts: bool = False) -> list[Any]:
    """SQL conditions on `events` for a Filters.

    Country and commodity filters become `pk IN (...)` over the link tables, which carry each
    event's date, so the window is applied inside their indexes and SQLite seeks `events` by
    integer key only for the events that match (no date condition on `events` then, or the
    planner may walk the date index instead).
    """
    e = store.events
    text_conds = _text_conditions(f, fts)
    conds = _event_conditions(replace(f, text=""))
    conds.extend(text_conds[:-1])  # the index look-up, if any
    link = _links(f)
    if link is None:
        conds.extend(date_window(e.c.date, f.since, f.until))
    else:
        conds.append(e.c.pk.in_(link[0].with_only_columns(link[0].selected_columns.pk)))
    return conds + text_conds[-1:]  # the LIKE last: it is tested only on rows passing the rest


def _matching(f: Filters, fts: bool = False) -> Subquery:
    """The filtered events as (pk, date) rows, each event once.

    Without a type, status, source or text filter a country or commodity filter is answered
    from the link tables alone, never reading an `events` row.
    """
    link = _links(f)
    if link is not None and not _event_conditions(f):
        stmt, repeats = link
        return (stmt.distinct() if repeats else stmt).subquery()
    e = store.events
    return select(e.c.pk, e.c.date).where(*_conditions(f, fts)).subquery()


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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


def events_frame(engine: Engine, f: Filters = Filters()) -> pd.DataFrame:
    """Filtered events, newest first, one row each, with their first article's link and source."""
    return _events(engine, _conditions(f, _use_fts(engine, f)), f.limit)


def count_events(engine: Engine, f: Filters = Filters()) -> int:
    """How many events match (without loading them)."""
    fts = _use_fts(engine, f)
    with engine.connect() as conn:
        return _count(conn, f, fts)


def _count(conn: Connection, f: Filters, fts: bool = False) -> int:
    return conn.execute(select(func.count()).select_from(_matching(f, fts))).scalar_one()


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
        row = conn.execute(select(*public_columns()).where(e.c.id == event_id)).mappings().first()
        if row is None:
            return None
        arts = conn.execute(
            select(a.c.id, a.c.title, a.c.canonical_url, a.c.source_domain, a.c.published_at,
                   ea.c.evidence)
            .join(ea, ea.c.article_id == a.c.id).where(ea.c.event_id == event_id)
        ).all()
    ev = dict(row)
    for col in ("countries", "targets", "commodities"):
        ev[col] = json.loads(ev[col])
    # The export's order (publication time, URL, id), so the page lists them alike.
    ev["articles"] = [{k: v for k, v in x._mapping.items() if k != "id"}
                      for x in sorted(arts, key=article_order)]
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
    return window_from_bounds(date_bounds(engine), today)


def window_from_bounds(bounds: tuple[date | None, date | None], today: date) -> tuple[date, date]:
    """default_window from already known date bounds (the dashboard caches them)."""
    _lo, hi = bounds
    return today - timedelta(days=730), max(hi or today, today)


# --- dashboard aggregates ----------------------------------------------------------------
# Every count below is computed in SQL over the filtered set, so the page never loads more
# events than it draws one by one.

ROW_DIMENSIONS = ("type", "country", "commodity", "status")
EXPORT_CHUNK = 2000


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


def daily_counts(engine: Engine, f: Filters = Filters(), by: str = "type") -> pd.DataFrame:
    """Events per (`by` value, day) in the filtered set: columns key, date, n.

    An event counts once in each of its countries (or commodities) when `by` is one of those.
    """
    key, source = _dimension(by)
    e = store.events
    fts = _use_fts(engine, f)
    with engine.connect() as conn:
        conds = _conditions(f, fts)
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


def dimension_counts(engine: Engine, f: Filters = Filters(), by: str = "country") -> pd.DataFrame:
    """Distinct filtered events per country, commodity, type or status: columns key, n (largest first)."""
    key, source = _dimension(by)
    e = store.events
    n = func.count(func.distinct(e.c.pk))
    stmt = (select(key.label("key"), n.label("n")).select_from(source)
            .where(*_conditions(f, _use_fts(engine, f))).group_by(key).order_by(n.desc(), key))
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=["key", "n"]).astype({"n": int})


def pair_counts(engine: Engine, f: Filters = Filters()) -> pd.DataFrame:
    """Filtered events per (country, commodity) pair: columns country, commodity, n."""
    e, ec, em = store.events, store.event_countries, store.event_commodities
    stmt = (
        select(ec.c.code, em.c.commodity, func.count().label("n"))
        .select_from(e.join(ec, ec.c.event_pk == e.c.pk).join(em, em.c.event_pk == e.c.pk))
        .where(*_conditions(f, _use_fts(engine, f))).group_by(ec.c.code, em.c.commodity)
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
    fts = _use_fts(engine, f)
    with engine.connect() as conn:
        m = _matching(f, fts)
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
    undated = _conditions(replace(f, since=None, until=horizon, limit=None), fts)
    return [*undated, or_(in_window, ends_in_window)]


def upcoming_events(engine: Engine, f: Filters, today: date, days: int = 90,
                    limit: int | None = 500) -> pd.DataFrame:
    """Events happening, starting or expiring from `today` to `days` ahead, soonest first.

    Every filter applies except the date range (upcoming is always the next `days`). Adds
    `when` (the date inside the window) and `what` ("starts" for an event dated in the window,
    "ends" for one that began earlier and whose end date falls in it).
    """
    e = store.events
    df = _events(engine, _upcoming_conditions(f, today, days, _use_fts(engine, f)), None,
                 order=(e.c.date, e.c.id))
    if df.empty:
        return df.assign(when=pd.Series(dtype="datetime64[ns]"), what=pd.Series(dtype=object))
    start = pd.Timestamp(today)
    ends = (df["date"] < start) & df["end_date"].notna()
    df["when"] = df["end_date"].where(ends, df["date"])
    df["what"] = ends.map({True: "ends", False: "starts"})
    df = df.sort_values(["when", "id"], kind="stable").reset_index(drop=True)
    return df.head(limit) if limit else df


def event_ids(engine: Engine, f: Filters = Filters()) -> list[str]:
    """Ids of the filtered events in export order (newest first, then id)."""
    e = store.events
    conds = _conditions(replace(f, limit=None), _use_fts(engine, f))
    stmt = select(e.c.id).where(*conds).order_by(e.c.date.desc(), e.c.id)
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(stmt)]


def iter_filtered_events(engine: Engine, f: Filters = Filters()) -> Iterator[dict[str, Any]]:
    """The filtered events as `ingest.export.iter_events` yields them, in the same order.

    The dashboard's filters (country role, source, text) go beyond EventFilter, so the ids are
    chosen here and handed to the exporter in chunks that stay under SQL parameter limits.
    """
    ids = event_ids(engine, f)
    chunks = (ids[i: i + EXPORT_CHUNK] for i in range(0, len(ids), EXPORT_CHUNK))
    return chain.from_iterable(iter_events(engine, EventFilter(event_ids=tuple(c))) for c in chunks)


def export_csv(engine: Engine, f: Filters = Filters()) -> str:
    """The filtered set as CSV with the columns of `python -m ingest export` (whole set, no limit)."""
    return to_csv_text(iter_filtered_events(engine, f))


def has_articles(engine: Engine) -> bool:
    """Whether the store holds any article yet (an empty store is built from the samples)."""
    with engine.connect() as conn:
        return conn.execute(select(store.articles.c.id).limit(1)).first() is not None
