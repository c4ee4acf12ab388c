"""Events as plain dicts with the articles that report them: the one serialiser shared by the
CLI export, the page's CSV download and its event detail."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import Connection

from .. import store
from .filters import NO_FILTERS, Filters
from .where import conditions, use_fts

ARTICLE_CHUNK = 500  # event ids per article look-up (under every backend's parameter limit)


def iter_events(engine: Engine, f: Filters = NO_FILTERS) -> Iterator[dict[str, Any]]:
    """The filtered events (newest first, then id), each with its articles' url, title,
    source and publication time."""
    e = store.events
    stmt = (select(*public_columns()).where(*conditions(f, use_fts(engine, f)))
            .order_by(e.c.date.desc(), e.c.id))
    if f.limit:
        stmt = stmt.limit(f.limit)
    with engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
        ids = [r["id"] for r in rows]
        arts: dict[str, list[dict[str, Any]]] = {}
        for i in range(0, len(ids), ARTICLE_CHUNK):
            arts.update(_articles(conn, ids[i: i + ARTICLE_CHUNK]))
    for r in rows:
        yield event_dict(r, arts.get(r["id"], []))


def event_detail(engine: Engine, event_id: str) -> dict[str, Any] | None:
    """One event as `iter_events` gives it, each article also with the sentence it gave."""
    with engine.connect() as conn:
        row = conn.execute(select(*public_columns()).where(store.events.c.id == event_id)).mappings().first()
        if row is None:
            return None
        return event_dict(row, _articles(conn, [event_id], evidence=True).get(event_id, []))


def event_dict(r: Any, articles: list[dict[str, Any]]) -> dict[str, Any]:
    """One `events` row (a mapping) as plain JSON-ready data: ISO dates, lists, its articles."""
    return {
        "id": r["id"],
        "type": r["type"],
        "subtype": r["subtype"],
        "status": r["status"],
        "date": r["date"].isoformat(),
        "date_precision": r["date_precision"],
        "end_date": r["end_date"].isoformat() if r["end_date"] else None,
        "date_source": r["date_source"],
        "actor": r["actor"],
        "countries": json.loads(r["countries"]),
        "targets": json.loads(r["targets"]),
        "commodities": json.loads(r["commodities"]),
        "headline": r["headline"],
        "evidence": r["evidence"],
        "articles": articles,
    }


def public_columns() -> list[Any]:
    """Every `events` column but the internal integer key (results show the public id only)."""
    return [c for c in store.events.c if c.name != "pk"]


def article_order(r: Any) -> tuple[Any, ...]:
    """An event's articles by publication time, then URL, then id: the same on every backend.

    Sorted in Python, not SQL: PostgreSQL's collation orders URLs unlike SQLite's bytes.
    """
    return r.published_at, r.canonical_url or "", r.id


def _articles(conn: Connection, event_ids: list[str], *, evidence: bool = False
              ) -> dict[str, list[dict[str, Any]]]:
    """Event id -> its articles in `article_order`, with each one's evidence when asked."""
    ea, a, o = store.event_articles, store.articles, store.outlets
    outlet = func.coalesce(func.nullif(a.c.outlet_name, ""), o.c.name).label("outlet")
    rows = conn.execute(
        select(ea.c.event_id, ea.c.evidence, a.c.id, a.c.canonical_url, a.c.title, a.c.source_domain,
               a.c.published_at, outlet, a.c.headline_only, a.c.language, a.c.gloss)
        .join(a, a.c.id == ea.c.article_id).outerjoin(o, o.c.domain == a.c.source_domain)
        .where(ea.c.event_id.in_(event_ids))
    ).all()
    out: dict[str, list[dict[str, Any]]] = {}
    for r in sorted(rows, key=article_order):
        item = {"url": r.canonical_url, "title": r.title, "source": r.source_domain,
                "outlet": r.outlet or r.source_domain, "headline_only": bool(r.headline_only),
                "language": r.language, "gloss": r.gloss or "",
                "published": r.published_at.isoformat() if r.published_at else None}
        if evidence:
            item["evidence"] = r.evidence
        out.setdefault(r.event_id, []).append(item)
    return out
