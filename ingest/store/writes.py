"""Writes: feeds and their fetch log, articles, events. Every write is an upsert on a stable key."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import Connection

from ..records import ArticleRecord, TaggedArticle
from ..stories import headline_key
from .dedupe import StoryIndex, improvements, known_names, register_names
from .errors import StoreError
from .schema import (
    article_feeds,
    articles,
    event_articles,
    event_commodities,
    event_countries,
    event_pairs,
    events,
    feeds,
    fetch_log,
)
from .sql import chunks, insert_for, insert_ignore


@dataclass
class BatchResult:
    """What one feed batch changed."""

    new_articles: int = 0
    new_events: int = 0
    items: int = 0
    article_ids: list[str] = field(default_factory=list)
    inserted: set[str] = field(default_factory=set)  # ids of the articles this batch stored


# --- feeds ------------------------------------------------------------------------------


def ensure_feed(conn: Connection, name: str, url: str, tags: Iterable[str] = ()) -> int:
    """The feed's id, creating or updating its row (a changed URL resets the validators)."""
    row = conn.execute(select(feeds.c.id, feeds.c.url).where(feeds.c.name == name)).first()
    tags_json = json.dumps(sorted(tags))
    if row is None:
        insert_ignore(conn, feeds, [{"name": name, "url": url, "tags": tags_json,
                                      "consecutive_failures": 0, "items_last": 0,
                                      "articles_total": 0}])
        return conn.execute(select(feeds.c.id).where(feeds.c.name == name)).scalar_one()
    values: dict[str, Any] = {"tags": tags_json}
    if row.url != url:
        values.update(url=url, etag=None, last_modified=None)
    conn.execute(update(feeds).where(feeds.c.id == row.id).values(**values))
    return int(row.id)


def feed_state(conn: Connection, feed_id: int) -> dict[str, Any]:
    """The stored validators and failure state of one feed."""
    row = conn.execute(select(feeds).where(feeds.c.id == feed_id)).mappings().one()
    return dict(row)


def record_attempt(
    conn: Connection,
    feed_id: int,
    *,
    started_at: datetime,
    status: str,
    http_status: int | None,
    duration_s: float,
    nbytes: int,
    items: int,
    new_articles: int,
    error: str | None,
    warning: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    next_attempt_at: datetime | None = None,
) -> None:
    """Log one fetch attempt and update the feed's health row (its article count and newest
    item are counted from the stored articles)."""
    conn.execute(
        fetch_log.insert().values(
            feed_id=feed_id, started_at=started_at, status=status, http_status=http_status,
            duration_s=duration_s, bytes=nbytes, items=items, new_articles=new_articles,
            error=error,
        )
    )
    values: dict[str, Any] = {
        "last_status": status,
        "last_http_status": http_status,
        "last_attempt_at": started_at,
        "next_attempt_at": next_attempt_at,
    }
    if status == "failed":
        values["last_error"] = error
        values["consecutive_failures"] = feeds.c.consecutive_failures + 1
    else:
        values["last_error"] = None
        values["last_warning"] = warning
        values["last_success_at"] = started_at
        values["consecutive_failures"] = 0
        if status == "ok":
            values["items_last"] = items
            if etag is not None or last_modified is not None:
                values["etag"] = etag
                values["last_modified"] = last_modified
    conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))
    count = conn.execute(
        select(func.count()).select_from(article_feeds).where(article_feeds.c.feed_id == feed_id)
    ).scalar_one()
    newest = conn.execute(
        select(func.max(articles.c.published_at))
        .select_from(articles.join(article_feeds, article_feeds.c.article_id == articles.c.id))
        .where(article_feeds.c.feed_id == feed_id)
    ).scalar_one()
    if isinstance(newest, datetime) and newest.tzinfo is None:
        newest = newest.replace(tzinfo=UTC)
    conn.execute(
        update(feeds).where(feeds.c.id == feed_id).values(articles_total=count, newest_item_at=newest)
    )


# --- articles and events ----------------------------------------------------------------


def _article_row(t: TaggedArticle, now: datetime) -> dict[str, Any]:
    a = t.article
    return {
        "id": a.id,
        "canonical_url": a.canonical_url,
        "guid": a.guid,
        "title": a.title,
        "summary": a.summary,
        "published_at": a.published_at,
        "published_source": a.published_source,
        "source_domain": a.source_domain,
        "language": a.language,
        "first_seen_at": now,
        "relevant": t.relevant,
        "countries": json.dumps(list(t.countries)),
        "commodities": json.dumps(list(t.commodities)),
        "tagger_version": t.tagger_version,
        "outlet_name": a.outlet_name,
        "headline_only": a.headline_only,
        "headline_key": headline_key(a.title),
        "page_text": a.page_text or None,
        "gloss": a.gloss or None,
    }


def _stored_ids(conn: Connection, batch: Sequence[ArticleRecord]) -> tuple[dict[str, str], set[str]]:
    """Stored article ids for a batch: by canonical URL, and the ids themselves (bulk look-ups)."""
    urls = sorted({a.canonical_url for a in batch if a.canonical_url})
    ids = sorted({a.id for a in batch})
    by_url: dict[str, str] = {}
    for chunk in chunks(urls):
        by_url.update({r.canonical_url: str(r.id) for r in conn.execute(
            select(articles.c.id, articles.c.canonical_url).where(articles.c.canonical_url.in_(chunk)))})
    known: set[str] = set()
    for chunk in chunks(ids):
        known.update(str(r[0]) for r in conn.execute(select(articles.c.id).where(articles.c.id.in_(chunk))))
    return by_url, known


def already_stored(conn: Connection, batch: Sequence[ArticleRecord]) -> set[str]:
    """The ids of the articles in `batch` that are stored already (by id or canonical URL)."""
    by_url, known = _stored_ids(conn, batch)
    return {a.id for a in batch if _stored_id(a, by_url, known) is not None}


def _stored_id(a: ArticleRecord, by_url: dict[str, str], known: set[str]) -> str | None:
    if a.canonical_url and a.canonical_url in by_url:
        return by_url[a.canonical_url]
    return a.id if a.id in known else None


def save_batch(
    conn: Connection, feed_id: int | None, tagged: Sequence[TaggedArticle], now: datetime
) -> BatchResult:
    """Store one feed's articles and their events inside the caller's transaction.

    Articles already stored (same canonical URL or id, or the same outlet's same headline close
    in time: see dedupe.py) are linked to this feed, not duplicated, and gain what this copy
    adds (the publisher's URL, text beyond a headline); events of an article already stored are
    left as they are unless its text changed. Work is done in a few bulk statements per batch,
    not a handful per article.
    """
    result = BatchResult(items=len(tagged))
    batch = [t.article for t in tagged]
    by_url, known = _stored_ids(conn, batch)
    stories = StoryIndex.load(conn, [a for a in batch if _stored_id(a, by_url, known) is None])
    fresh: dict[str, TaggedArticle] = {}  # first copy of each new article in this batch
    twins: dict[str, str] = {}  # article id -> the stored (or fresh) copy of its story
    claimed: set[str] = set()
    for t in tagged:
        a = t.article
        if _stored_id(a, by_url, known) is not None:
            continue
        twin = stories.match(a)
        keys = {a.id} | ({a.canonical_url} if a.canonical_url else set())
        if twin is not None:
            twins[a.id] = twin
        elif not keys & claimed:
            fresh[a.id] = t
            claimed |= keys
            stories.add(a)
    names = known_names(conn, [t.article.source_domain for t in fresh.values() if not t.article.outlet_name])
    inserted: set[str] = set()
    rows = [_article_row(t, now) for t in fresh.values()]
    for row in rows:
        row["outlet_name"] = row["outlet_name"] or names.get(row["source_domain"], "")
    for chunk in chunks(rows):
        stmt = insert_for(conn, articles).on_conflict_do_nothing().returning(articles.c.id)
        inserted.update(str(r[0]) for r in conn.execute(stmt, list(chunk)))
    if fresh:  # look again: a concurrent ingest may have stored some of them first
        by_url, known = _stored_ids(conn, batch)
    links = []
    copies: list[tuple[str, TaggedArticle]] = []
    for t in tagged:
        aid = _stored_id(t.article, by_url, known) or twins.get(t.article.id)
        if aid is None:  # pragma: no cover - the insert above guarantees a row
            raise StoreError(f"article {t.article.id} vanished during its own insert")
        result.article_ids.append(aid)
        if aid not in inserted or fresh.get(aid) is not t:
            copies.append((aid, t))
        if feed_id is not None:
            links.append({"article_id": aid, "feed_id": feed_id, "first_seen_at": now})
    result.new_articles = len(inserted)
    result.inserted = inserted
    result.new_events = write_events_bulk(
        conn, [(aid, fresh[aid]) for aid in sorted(inserted) if aid in fresh], now)
    result.new_events += _merge_copies(conn, copies, now)
    register_names(conn, {t.article.source_domain: t.article.outlet_name for t in reversed(tagged)
                          if t.article.outlet_name and t.article.source_domain}, now)
    insert_ignore(conn, article_feeds, links, count=False)
    return result


def _merge_copies(conn: Connection, copies: Sequence[tuple[str, TaggedArticle]], now: datetime) -> int:
    """Let each copy of a stored article improve it (see dedupe.improvements); returns new events."""
    if not copies:
        return 0
    cols = (articles.c.id, articles.c.canonical_url, articles.c.source_domain,
            articles.c.headline_only, articles.c.page_text)
    stored: dict[str, dict[str, Any]] = {}
    for chunk in chunks(sorted({aid for aid, _ in copies})):
        stored.update((str(r["id"]), dict(r)) for r in conn.execute(
            select(*cols).where(articles.c.id.in_(chunk))).mappings())
    new = 0
    for aid, t in copies:
        values, retag = improvements(stored[aid], t)
        url = values.get("canonical_url")
        if url is not None and conn.execute(select(articles.c.id).where(
                articles.c.canonical_url == url)).first() is not None:
            del values["canonical_url"]  # another stored article has that URL (a story merged late)
        if values:
            conn.execute(update(articles).where(articles.c.id == aid).values(**values))
            stored[aid].update(values)
        if retag:
            new += replace_tags(conn, aid, t, now)
    return new


def write_events(conn: Connection, article_id: str, t: TaggedArticle, now: datetime) -> int:
    """Link the article to its events, creating events not seen before; returns new events."""
    return write_events_bulk(conn, [(article_id, t)], now)


def write_events_bulk(conn: Connection, items: Sequence[tuple[str, TaggedArticle]],
                      now: datetime) -> int:
    """Events of many articles in a few bulk statements; returns how many events were new.

    Events go in first (existing ones are skipped), then one look-up per 500 keys gives their
    integer keys, which the country and commodity rows carry together with the event's date.
    """
    ev_rows: dict[str, dict[str, Any]] = {}
    roles: dict[tuple[str, str], str] = {}
    comms: set[tuple[str, str]] = set()
    cites: dict[tuple[str, str], dict[str, Any]] = {}
    for article_id, t in items:
        if not t.relevant:
            continue
        for ev in t.events:
            key = ev.key
            ev_rows.setdefault(key, {
                "id": key, "type": ev.type, "subtype": ev.subtype, "status": ev.status,
                "date": ev.date, "date_precision": ev.date_precision, "end_date": ev.end_date,
                "date_source": ev.date_source, "actor": ev.actor,
                "countries": json.dumps(list(ev.countries)),
                "targets": json.dumps(list(ev.targets)),
                "commodities": json.dumps(list(ev.commodities)),
                "evidence": ev.evidence, "headline": t.article.title, "first_seen_at": now,
            })
            for code in ev.countries:
                role = "actor" if code == ev.actor else "target" if code in ev.targets else "party"
                roles.setdefault((key, code), role)
            comms.update((key, c) for c in ev.commodities)
            cites.setdefault((key, article_id),
                             {"event_id": key, "article_id": article_id, "evidence": ev.evidence})
    new = 0
    for chunk in chunks(list(ev_rows.values())):
        new += insert_ignore(conn, events, chunk)
    pks = event_pks(conn, list(ev_rows))
    if len(pks) < len(ev_rows):  # pragma: no cover - the insert above guarantees every row
        raise StoreError("events vanished during their own insert")
    # Countries and commodities of an event that already existed are already there: the same
    # key means the same countries and commodities, so DO NOTHING keeps this idempotent.
    country_rows = [{"event_pk": pks[k], "code": c, "role": r, "date": ev_rows[k]["date"]}
                    for (k, c), r in roles.items()]
    commodity_rows = [{"event_pk": pks[k], "commodity": c, "date": ev_rows[k]["date"]}
                      for k, c in sorted(comms)]
    by_event: dict[str, list[str]] = {}
    for k, c in sorted(comms):
        by_event.setdefault(k, []).append(c)
    pair_rows = [{"event_pk": pks[k], "code": code, "commodity": c, "role": r,
                  "date": ev_rows[k]["date"]}
                 for (k, code), r in roles.items() for c in by_event.get(k, ())]
    for table, rows in ((event_countries, country_rows), (event_commodities, commodity_rows),
                        (event_pairs, pair_rows), (event_articles, list(cites.values()))):
        insert_ignore(conn, table, rows, count=False)
    refresh_representatives(conn, list(ev_rows))
    return new


def refresh_representatives(conn: Connection, ids: Sequence[str]) -> None:
    """Each event shows its earliest report (published time, then article id) as headline and
    evidence, whatever order its articles were stored in: a store rebuilt by `retag` then
    reads the same as one built fresh. Only rows that change are written (the text index
    re-indexes every updated row)."""
    order = (articles.c.published_at, articles.c.id)
    cited = event_articles.c.event_id == events.c.id
    joined = event_articles.join(articles, articles.c.id == event_articles.c.article_id)
    headline = select(articles.c.title).select_from(joined).where(cited).order_by(*order) \
        .limit(1).correlate(events).scalar_subquery()
    evidence = select(event_articles.c.evidence).select_from(joined).where(cited) \
        .order_by(*order).limit(1).correlate(events).scalar_subquery()
    for chunk in chunks(list(ids)):
        conn.execute(update(events).where(events.c.id.in_(chunk))
                     .where(or_(events.c.headline != headline, events.c.evidence != evidence))
                     .values(headline=headline, evidence=evidence))


def event_pks(conn: Connection, ids: Sequence[str]) -> dict[str, int]:
    """The integer keys of stored events, by public id (bulk, 500 ids a statement)."""
    out: dict[str, int] = {}
    for chunk in chunks(list(ids)):
        out.update((str(r.id), int(r.pk)) for r in conn.execute(
            select(events.c.pk, events.c.id).where(events.c.id.in_(chunk))))
    return out


def replace_tags(conn: Connection, article_id: str, t: TaggedArticle, now: datetime) -> int:
    """Re-tag one stored article: new tags, its old event links dropped, orphans removed."""
    conn.execute(
        update(articles).where(articles.c.id == article_id).values(
            relevant=t.relevant,
            language=t.article.language,
            gloss=t.article.gloss or None,
            countries=json.dumps(list(t.countries)),
            commodities=json.dumps(list(t.commodities)),
            tagger_version=t.tagger_version,
        )
    )
    old = [r[0] for r in conn.execute(
        select(event_articles.c.event_id).where(event_articles.c.article_id == article_id)
    )]
    conn.execute(delete(event_articles).where(event_articles.c.article_id == article_id))
    new = write_events(conn, article_id, t, now)
    if old:
        still_cited = {r[0] for r in conn.execute(
            select(event_articles.c.event_id).where(event_articles.c.event_id.in_(old)))}
        orphans = [e for e in old if e not in still_cited]
        refresh_representatives(conn, sorted(still_cited))
        if orphans:
            orphan_pks = select(events.c.pk).where(events.c.id.in_(orphans))
            for table in (event_countries, event_commodities, event_pairs):
                conn.execute(delete(table).where(table.c.event_pk.in_(orphan_pks)))
            conn.execute(delete(events).where(events.c.id.in_(orphans)))
    return new


