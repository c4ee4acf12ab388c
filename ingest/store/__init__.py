"""The store: SQLAlchemy Core on a database URL (SQLite by default, PostgreSQL to scale out).

`schema` holds the tables, `engine` opens (creates, upgrades) a store, `writes` stores what
ingest produced. Every write is an upsert on a stable key, so re-running ingest on the same
input changes nothing; each feed's batch is one transaction, so a failed or killed run leaves
no partial feed behind.
"""

from .engine import (
    atomic,
    connect,
    counts,
    fts5_available,
    has_text_index,
    is_missing_or_empty,
    mark_rebuilt,
    needs_rebuild,
    resolve_url,
    safe_url,
)
from .errors import StoreError
from .schema import (
    FTS_TABLE,
    SCHEMA_VERSION,
    article_feeds,
    articles,
    event_articles,
    event_commodities,
    event_countries,
    event_pairs,
    events,
    events_fts,
    feeds,
    fetch_log,
    meta,
    metadata,
    outlets,
    review_acts,
)
from .sql import get_meta, set_meta
from .writes import (
    BatchResult,
    already_stored,
    ensure_feed,
    event_pks,
    feed_state,
    record_attempt,
    replace_tags,
    save_batch,
    write_events,
    write_events_bulk,
)

__all__ = [
    "FTS_TABLE", "SCHEMA_VERSION", "BatchResult", "StoreError", "already_stored", "article_feeds", "articles", "atomic",
    "connect", "counts", "ensure_feed", "event_articles", "event_commodities", "event_countries",
    "event_pairs", "event_pks", "events", "events_fts", "feed_state", "feeds", "fetch_log",
    "fts5_available", "get_meta", "has_text_index", "is_missing_or_empty", "mark_rebuilt", "meta",
    "metadata", "needs_rebuild", "outlets", "record_attempt", "replace_tags", "resolve_url", "review_acts", "safe_url",
    "save_batch", "set_meta", "write_events", "write_events_bulk",
]
