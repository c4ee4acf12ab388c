"""The store: SQLAlchemy Core schema and idempotent writes, on SQLite or PostgreSQL.

Every write is an upsert on a stable key, so re-running ingest on the same input changes
nothing; each feed's batch is written in one transaction, so a failed or killed run leaves
no partial feed behind.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    column,
    create_engine,
    delete,
    event,
    func,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import (
    ArgumentError,
    InternalError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.schema import DropTable
from sqlalchemy.sql.expression import TableClause

LOGGER = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "tracker.db"
DEFAULT_DB_URL = f"sqlite:///{DEFAULT_DB_PATH}"
DB_ENV_VAR = "TRACKER_DB_URL"
SCHEMA_VERSION = "2"
# Schemas whose event tables `connect` can rebuild: events are derived from stored articles,
# so an upgrade drops them, recreates them and leaves a note that they must be re-tagged.
UPGRADABLE_VERSIONS = ("1",)
REBUILD_KEY = "events_rebuild"  # meta key present while events must be rebuilt from articles
_SCHEMA_LOCK = 0x6D696E7472  # PostgreSQL advisory lock held while creating the schema


class StoreError(Exception):
    """The store cannot be opened or used; the message says what to do."""


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite keeps no offset of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given to the store; use UTC-aware times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


metadata = MetaData()

feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("tags", Text, nullable=False, default="[]"),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_status", String(20)),  # ok | not_modified | failed | skipped
    Column("last_http_status", Integer),
    Column("last_error", Text),
    Column("last_warning", Text),
    Column("last_attempt_at", UTCDateTime),
    Column("last_success_at", UTCDateTime),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime),
    Column("items_last", Integer, nullable=False, default=0),
    Column("articles_total", Integer, nullable=False, default=0),
    Column("newest_item_at", UTCDateTime),
)

fetch_log = Table(
    "fetch_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("status", String(20), nullable=False),
    Column("http_status", Integer),
    Column("duration_s", Float, nullable=False, default=0.0),
    Column("bytes", Integer, nullable=False, default=0),
    Column("items", Integer, nullable=False, default=0),
    Column("new_articles", Integer, nullable=False, default=0),
    Column("error", Text),
    Index("ix_fetch_log_feed", "feed_id", "started_at"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("canonical_url", Text, unique=True),
    Column("guid", Text),
    Column("title", Text, nullable=False, default=""),
    Column("summary", Text, nullable=False, default=""),
    Column("published_at", UTCDateTime, nullable=False),
    Column("published_source", String(10), nullable=False),  # published | updated | fetched
    Column("source_domain", String(255), nullable=False, default=""),
    Column("language", String(20)),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("relevant", Boolean, nullable=False, default=False),
    Column("countries", Text, nullable=False, default="[]"),
    Column("commodities", Text, nullable=False, default="[]"),
    Column("tagger_version", String(40)),
    Index("ix_articles_published", "published_at"),
)

article_feeds = Table(
    "article_feeds",
    metadata,
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True),
    Column("first_seen_at", UTCDateTime, nullable=False),
)

# Event row key: INTEGER PRIMARY KEY on SQLite (the rowid itself), BIGSERIAL on PostgreSQL.
EventPk = BigInteger().with_variant(Integer(), "sqlite")

events = Table(
    "events",
    metadata,
    # The integer key makes link-table joins cheap; `id` (EventRecord.key) stays the public id.
    Column("pk", EventPk, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("type", String(40), nullable=False),
    Column("subtype", String(60)),
    Column("status", String(20), nullable=False),
    Column("date", Date, nullable=False),
    Column("date_precision", String(5), nullable=False),
    Column("end_date", Date),
    Column("date_source", String(10), nullable=False),
    Column("actor", String(2)),
    Column("countries", Text, nullable=False, default="[]"),
    Column("targets", Text, nullable=False, default="[]"),
    Column("commodities", Text, nullable=False, default="[]"),
    Column("evidence", Text, nullable=False),
    Column("headline", Text, nullable=False, default=""),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Index("ix_events_date", "date"),
    Index("ix_events_type_date", "type", "date"),
)

# event_articles keeps the public text id: it is read per event (detail, export, the first
# article's link) and per article (retag), never scanned for a filtered aggregate, and its rows
# must compare equal across rebuilds (integer keys are reassigned when events are rebuilt).
event_articles = Table(
    "event_articles",
    metadata,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence", Text, nullable=False),
    Index("ix_event_articles_article", "article_id"),
)

# The filter tables carry the event's integer key and its date (part of the event's identity,
# so it never changes): a country or commodity filter with a date window is answered inside
# (code, date, event_pk) / (commodity, date, event_pk) without reading `events` rows.
event_countries = Table(
    "event_countries",
    metadata,
    Column("event_pk", EventPk, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("code", String(2), primary_key=True),
    Column("role", String(10), nullable=False),  # actor | target | party
    Column("date", Date, nullable=False),
    Index("ix_event_countries_code", "code", "date", "event_pk", "role"),
    sqlite_with_rowid=False,
)

event_commodities = Table(
    "event_commodities",
    metadata,
    Column("event_pk", EventPk, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("commodity", String(40), primary_key=True),
    Column("date", Date, nullable=False),
    Index("ix_event_commodities_commodity", "commodity", "date", "event_pk"),
    sqlite_with_rowid=False,
)

# Every (country, commodity) pair of an event: a filter on both is one index range per pair of
# values here, where checking each country row against event_commodities costs a b-tree probe
# per row (~100 ms for CN x rare earths over two years at 1M events, against a few ms here).
event_pairs = Table(
    "event_pairs",
    metadata,
    Column("code", String(2), primary_key=True),
    Column("commodity", String(40), primary_key=True),
    Column("date", Date, primary_key=True),
    Column("event_pk", EventPk, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("role", String(10), nullable=False),
    Index("ix_event_pairs_event", "event_pk"),
    sqlite_with_rowid=False,
)

EVENT_TABLES = (event_articles, event_countries, event_commodities, event_pairs, events)  # children first

meta = Table(
    "meta",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

# Text search index (SQLite only): an FTS5 table over events.headline and events.evidence with
# the trigram tokenizer, which answers case-insensitive substring queries from the index. Its
# content is the `events` table itself (external content, keyed by `pk`), kept in step by the
# triggers below, so it adds only the index. It is not in `metadata`: `connect` creates it,
# builds it for a store made before it existed, and PostgreSQL has none (search scans there).
FTS_TABLE = "events_fts"
events_fts = TableClause(FTS_TABLE, column("rowid"), column(FTS_TABLE))  # for `rowid ... MATCH :q`
_FTS_DDL = (f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(headline, evidence, content='events', "
            "content_rowid='pk', tokenize='trigram', columnsize=0)")
_FTS_OLD = "INSERT INTO events_fts (events_fts, rowid, headline, evidence) " \
           "VALUES ('delete', old.pk, old.headline, old.evidence);"
_FTS_NEW = "INSERT INTO events_fts (rowid, headline, evidence) " \
           "VALUES (new.pk, new.headline, new.evidence);"
FTS_TRIGGERS = {
    "events_fts_insert": f"AFTER INSERT ON events BEGIN {_FTS_NEW} END",
    "events_fts_delete": f"AFTER DELETE ON events BEGIN {_FTS_OLD} END",
    "events_fts_update": f"AFTER UPDATE OF pk, headline, evidence ON events BEGIN {_FTS_OLD} {_FTS_NEW} END",
}


# --- plain data passed into the store ---------------------------------------------------


@dataclass(frozen=True)
class ArticleRecord:
    """One normalised feed entry, ready to store."""

    id: str
    canonical_url: str | None
    guid: str | None
    title: str
    summary: str
    published_at: datetime
    published_source: str
    source_domain: str
    language: str | None


class EventRecord(NamedTuple):
    """One tagged event, as the tagger produced it for one article (a tuple: cheap to build)."""

    type: str
    subtype: str | None
    status: str
    date: date
    date_precision: str
    end_date: date | None
    date_source: str
    actor: str | None
    countries: tuple[str, ...]
    targets: tuple[str, ...]
    commodities: tuple[str, ...]
    evidence: str

    @property
    def key(self) -> str:
        """Identity across articles: the same act reported twice is one event."""
        raw = "|".join(
            [
                self.type,
                self.subtype or "",
                self.status,
                self.date.isoformat(),
                self.date_precision,
                self.actor or "",
                ",".join(sorted(self.countries)),
                ",".join(sorted(self.commodities)),
            ]
        )
        return hashlib.sha1(raw.encode()).hexdigest()


@dataclass(frozen=True)
class TaggedArticle:
    """An article with its tags and events (events only when relevant)."""

    article: ArticleRecord
    relevant: bool
    countries: tuple[str, ...] = ()
    commodities: tuple[str, ...] = ()
    events: tuple[EventRecord, ...] = ()
    tagger_version: str = ""


@dataclass
class BatchResult:
    """What one feed batch changed."""

    new_articles: int = 0
    new_events: int = 0
    items: int = 0
    article_ids: list[str] = field(default_factory=list)


# --- engine -----------------------------------------------------------------------------


def resolve_url(url: str | None = None) -> str:
    """The database URL: explicit argument, then $TRACKER_DB_URL, then the SQLite default."""
    return url or os.environ.get(DB_ENV_VAR) or DEFAULT_DB_URL


_BUSY_TIMEOUT_S = 30  # how long a SQLite connection waits for another's lock


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_S * 1000}")
    _use_wal(cur)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _use_wal(cur: sqlite3.Cursor) -> None:
    """Put the database in WAL mode (a no-op once it is).

    While another process is creating the same new database, the switch can fail at once with
    "database is locked": SQLite does not wait on the busy handler there. Retry until the busy
    timeout; by then the other process has usually made the switch itself.
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT_S
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def connect(url: str | None = None, *, create: bool = True, upgrade: bool | None = None) -> Engine:
    """Open the store at `url`, creating the schema when `create` (SQLite: and the folder).

    A store at an older schema is upgraded when `upgrade` (default: `create`): its event tables
    are recreated empty and flagged for a re-tag (`needs_rebuild`), articles and feeds stay.
    Without `upgrade` an outdated store raises StoreError saying how to upgrade it.
    """
    url = resolve_url(url)
    upgrade = create if upgrade is None else upgrade
    existing = True  # a new SQLite file is created under the lock below, never probed first
    try:
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            path = Path(url.removeprefix("sqlite:///"))
            existing = path.exists() and path.stat().st_size > 0
            if not create and not path.exists():
                raise StoreError(
                    f"no store at {path}: run `python -m ingest run --offline` to build it"
                )
            path.parent.mkdir(parents=True, exist_ok=True)
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": _BUSY_TIMEOUT_S, "check_same_thread": False}
        engine = create_engine(url, **kwargs)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r} ({exc})") from None
    except ModuleNotFoundError as exc:
        raise StoreError(f"database driver missing for {url!r}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        return _open_schema(engine, url, existing=existing, create=create, upgrade=upgrade)
    except StoreError:
        engine.dispose()  # no pooled connection outlives a refused store
        raise


def _open_schema(engine: Engine, url: str, *, existing: bool, create: bool, upgrade: bool) -> Engine:
    """Check the stored schema version; create, upgrade or refuse as `connect` documents."""
    complete, version, indexed = _schema_state(engine) if existing else (False, None, False)
    if complete and version == SCHEMA_VERSION:
        if not indexed and (create or upgrade):
            _add_text_index(engine, url)
        return engine
    if not (create or upgrade):
        if version not in (None, SCHEMA_VERSION):
            raise StoreError(_outdated(url, version, "it must be upgraded"))
        return engine
    try:
        _create_schema(engine)
    # (PostgreSQL raises ProgrammingError / InternalError for, e.g., no right to DROP TABLE.)
    except (OperationalError, ProgrammingError, InternalError) as exc:
        if version not in (None, SCHEMA_VERSION):
            raise StoreError(_outdated(url, version, f"upgrading it failed ({_first_line(exc)})")
                             ) from None
        verb = "open" if isinstance(exc, OperationalError) else "create"
        raise StoreError(f"cannot {verb} the store at {safe_url(url)}: {_first_line(exc)}") from None
    return engine


def _outdated(url: str, version: str, why: str) -> str:
    return (f"the store at {safe_url(url)} has schema {version}, this version needs "
            f"{SCHEMA_VERSION}; {why}: run `python -m ingest retag` as a user that may write "
            "to it (articles are kept, events are rebuilt from them)")


def _create_schema(engine: Engine) -> None:
    """Create missing tables (or upgrade old ones) under a lock, so concurrent openers agree."""
    with engine.begin() as conn:
        # Two processes opening a new store at once: one creates it, the other waits
        # for that and then finds the tables (create_all alone races on CREATE TABLE).
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
        elif conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        version = _stored_version(conn)
        if version not in (None, SCHEMA_VERSION):
            _upgrade_events(conn, version)
        metadata.create_all(conn)
        _ensure_text_index(conn)
        _upsert(conn, meta, {"key": "schema_version", "value": SCHEMA_VERSION}, ["key"])


def _upgrade_events(conn: Connection, version: str) -> None:
    """Drop the event tables of an older schema (create_all remakes them) and flag a rebuild.

    Events are derived data: `python -m ingest retag` (or any CLI command, or the dashboard)
    rebuilds them from the stored articles, which this never touches.
    """
    if version not in UPGRADABLE_VERSIONS:
        raise StoreError(f"the store has schema {version!r}, which this version ({SCHEMA_VERSION}) "
                         "cannot read: use the release that wrote it, or build a new store")
    if conn.dialect.name == "sqlite":  # the text index goes too (its triggers go with `events`)
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    for t in EVENT_TABLES:
        conn.execute(DropTable(t, if_exists=True))
    set_meta(conn, REBUILD_KEY, f"schema {version} -> {SCHEMA_VERSION}")
    LOGGER.warning("store upgraded from schema %s to %s: events must be rebuilt (retag)",
                   version, SCHEMA_VERSION)


def _stored_version(conn: Connection) -> str | None:
    """The schema version the store records, or None for a store with no schema yet."""
    if not inspect(conn).has_table("meta"):
        return None
    return conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()


def _schema_state(engine: Engine) -> tuple[bool, str | None, bool]:
    """Whether every table exists, the recorded schema version, and whether the text index is
    complete (or not wanted: PostgreSQL, or a SQLite without FTS5).

    Only reads, so it never waits for a writer: opening the store takes no write lock unless
    there is something to create (on SQLite a running ingest would keep BEGIN IMMEDIATE waiting).
    """
    try:
        with engine.connect() as conn:
            complete = not set(metadata.tables) - set(inspect(conn).get_table_names())
            indexed = not _wants_text_index(conn) or _text_index_complete(conn)
            return complete, _stored_version(conn), indexed
    except OperationalError:  # let the locked path decide (and report)
        return False, None, False


# --- text index -------------------------------------------------------------------------

_warned_no_fts = False
_indexed_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


@cache
def fts5_available() -> bool:
    """Whether this process's SQLite has FTS5 with the trigram tokenizer (3.34+)."""
    try:
        db = sqlite3.connect(":memory:")
    except sqlite3.Error:  # pragma: no cover
        return False
    try:
        db.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='trigram')")
        return True
    except sqlite3.Error:
        return False
    finally:
        db.close()


def _wants_text_index(conn: Connection) -> bool:
    """SQLite with FTS5 builds the text index; elsewhere text search scans (with a warning)."""
    global _warned_no_fts
    if conn.dialect.name != "sqlite":
        return False
    if fts5_available():
        return True
    if not _warned_no_fts:
        _warned_no_fts = True
        LOGGER.warning("SQLite %s has no FTS5 trigram tokenizer: text search scans every event "
                       "(slow on a large store)", sqlite3.sqlite_version)
    return False


def _text_index_complete(conn: Connection) -> bool:
    """The FTS table and its three triggers exist (they are only ever created together)."""
    names = [FTS_TABLE, *FTS_TRIGGERS]
    n = conn.execute(
        text("SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'trigger') AND name IN "
             f"({', '.join(f':n{i}' for i in range(len(names)))})"),
        {f"n{i}": name for i, name in enumerate(names)},
    ).scalar_one()
    return n == len(names)


def _ensure_text_index(conn: Connection) -> bool:
    """Create the text index and its triggers if missing, filled from `events`; True if built.

    Runs inside the schema transaction. Whatever part of it exists is dropped first, so the
    index always starts complete and consistent with `events`.
    """
    if not _wants_text_index(conn) or _text_index_complete(conn):
        return False
    for name in FTS_TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    conn.exec_driver_sql(_FTS_DDL)
    for name, body in FTS_TRIGGERS.items():
        conn.exec_driver_sql(f"CREATE TRIGGER {name} {body}")
    n = conn.execute(select(func.count()).select_from(events)).scalar_one()
    if n:
        LOGGER.warning("building the text-search index for %d stored events (once)", n)
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")
    return True


def _add_text_index(engine: Engine, url: str) -> None:
    """Give a store made before the text index (same schema version) its index, if it may be
    written; one that cannot be (read-only, say) is still searched, by a scan."""
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            _ensure_text_index(conn)
    except OperationalError as exc:
        LOGGER.warning("cannot add the text-search index to the store at %s (%s): text search "
                       "scans every event", safe_url(url), _first_line(exc))


def has_text_index(engine: Engine) -> bool:
    """Whether text search may use the FTS index (SQLite with the index and its triggers)."""
    if engine.dialect.name != "sqlite":
        return False
    if engine in _indexed_engines:
        return True
    with engine.connect() as conn:
        ok = _wants_text_index(conn) and _text_index_complete(conn)
    if ok:
        _indexed_engines.add(engine)
    return ok


def needs_rebuild(engine: Engine) -> bool:
    """Whether an upgrade emptied the event tables and they must be re-tagged from articles."""
    with engine.connect() as conn:
        return get_meta(conn, REBUILD_KEY) is not None


def mark_rebuilt(conn: Connection) -> None:
    """Clear the rebuild flag once every stored article has been re-tagged."""
    conn.execute(delete(meta).where(meta.c.key == REBUILD_KEY))


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


@contextmanager
def atomic(engine: Engine) -> Iterator[Connection]:
    """One transaction: everything inside is written, or nothing is."""
    with engine.begin() as conn:
        yield conn


def _insert(conn: Connection, table: Table) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise StoreError(f"unsupported database {conn.dialect.name!r}: use SQLite or PostgreSQL")


def _insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]],
                   *, count: bool = True) -> int:
    """Insert rows, skipping those whose keys exist; returns how many were new (0 unless `count`).

    Counting uses RETURNING (an INSERT's rowcount is -1 on psycopg); without it the rows go
    through the driver's plain executemany, which is several times faster for big batches.
    """
    if not rows:
        return 0
    stmt = _insert(conn, table).on_conflict_do_nothing()
    if not count:
        conn.execute(stmt, list(rows))
        return 0
    stmt = stmt.returning(*table.primary_key.columns)
    return len(conn.execute(stmt, list(rows)).all())


def _upsert(conn: Connection, table: Table, row: dict[str, Any], keys: list[str]) -> None:
    stmt = _insert(conn, table).values(**row)
    updates = {k: v for k, v in row.items() if k not in keys}
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=updates))


# --- feeds ------------------------------------------------------------------------------


def ensure_feed(conn: Connection, name: str, url: str, tags: Iterable[str] = ()) -> int:
    """The feed's id, creating or updating its row (a changed URL resets the validators)."""
    row = conn.execute(select(feeds.c.id, feeds.c.url).where(feeds.c.name == name)).first()
    tags_json = json.dumps(sorted(tags))
    if row is None:
        _insert_ignore(conn, feeds, [{"name": name, "url": url, "tags": tags_json,
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
    newest_item_at: datetime | None = None,
) -> None:
    """Log one fetch attempt and update the feed's health row."""
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
    }


def _chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


def _stored_ids(conn: Connection, batch: Sequence[ArticleRecord]) -> tuple[dict[str, str], set[str]]:
    """Stored article ids for a batch: by canonical URL, and the ids themselves (bulk look-ups)."""
    urls = sorted({a.canonical_url for a in batch if a.canonical_url})
    ids = sorted({a.id for a in batch})
    by_url: dict[str, str] = {}
    for chunk in _chunks(urls):
        by_url.update({r.canonical_url: str(r.id) for r in conn.execute(
            select(articles.c.id, articles.c.canonical_url).where(articles.c.canonical_url.in_(chunk)))})
    known: set[str] = set()
    for chunk in _chunks(ids):
        known.update(str(r[0]) for r in conn.execute(select(articles.c.id).where(articles.c.id.in_(chunk))))
    return by_url, known


def _stored_id(a: ArticleRecord, by_url: dict[str, str], known: set[str]) -> str | None:
    if a.canonical_url and a.canonical_url in by_url:
        return by_url[a.canonical_url]
    return a.id if a.id in known else None


def save_batch(
    conn: Connection, feed_id: int | None, tagged: Sequence[TaggedArticle], now: datetime
) -> BatchResult:
    """Store one feed's articles and their events inside the caller's transaction.

    Articles already stored (same canonical URL or id) are linked to this feed, not duplicated;
    events of an article already stored are left as they are (retag rewrites them). Work is
    done in a few bulk statements per batch, not a handful per article.
    """
    result = BatchResult(items=len(tagged))
    batch = [t.article for t in tagged]
    by_url, known = _stored_ids(conn, batch)
    fresh: dict[str, TaggedArticle] = {}  # first copy of each new article in this batch
    claimed: set[str] = set()
    for t in tagged:
        a = t.article
        keys = {a.id} | ({a.canonical_url} if a.canonical_url else set())
        if _stored_id(a, by_url, known) is None and not keys & claimed:
            fresh[a.id] = t
            claimed |= keys
    inserted: set[str] = set()
    rows = [_article_row(t, now) for t in fresh.values()]
    for chunk in _chunks(rows):
        stmt = _insert(conn, articles).on_conflict_do_nothing().returning(articles.c.id)
        inserted.update(str(r[0]) for r in conn.execute(stmt, list(chunk)))
    if fresh:  # look again: a concurrent ingest may have stored some of them first
        by_url, known = _stored_ids(conn, batch)
    links = []
    for t in tagged:
        aid = _stored_id(t.article, by_url, known)
        if aid is None:  # pragma: no cover - the insert above guarantees a row
            raise StoreError(f"article {t.article.id} vanished during its own insert")
        result.article_ids.append(aid)
        if feed_id is not None:
            links.append({"article_id": aid, "feed_id": feed_id, "first_seen_at": now})
    result.new_articles = len(inserted)
    result.new_events = write_events_bulk(
        conn, [(aid, fresh[aid]) for aid in sorted(inserted) if aid in fresh], now)
    _insert_ignore(conn, article_feeds, links, count=False)
    return result


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
    for chunk in _chunks(list(ev_rows.values())):
        new += _insert_ignore(conn, events, chunk)
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
        _insert_ignore(conn, table, rows, count=False)
    return new


def event_pks(conn: Connection, ids: Sequence[str]) -> dict[str, int]:
    """The integer keys of stored events, by public id (bulk, 500 ids a statement)."""
    out: dict[str, int] = {}
    for chunk in _chunks(list(ids)):
        out.update((str(r.id), int(r.pk)) for r in conn.execute(
            select(events.c.pk, events.c.id).where(events.c.id.in_(chunk))))
    return out


def replace_tags(conn: Connection, article_id: str, t: TaggedArticle, now: datetime) -> int:
    """Re-tag one stored article: new tags, its old event links dropped, orphans removed."""
    conn.execute(
        update(articles).where(articles.c.id == article_id).values(
            relevant=t.relevant,
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
        if orphans:
            orphan_pks = select(events.c.pk).where(events.c.id.in_(orphans))
            for table in (event_countries, event_commodities, event_pairs):
                conn.execute(delete(table).where(table.c.event_pk.in_(orphan_pks)))
            conn.execute(delete(events).where(events.c.id.in_(orphans)))
    return new


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Record a store-wide setting (last run time, tagger version...)."""
    _upsert(conn, meta, {"key": key, "value": value}, ["key"])


def get_meta(conn: Connection, key: str) -> str | None:
    """A store-wide setting, or None."""
    return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()


def counts(engine: Engine) -> dict[str, int]:
    """Row counts of every table (for summaries and tests)."""
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in metadata.sorted_tables
        }


def is_missing_or_empty(url: str | None = None) -> bool:
    """True when the store has no articles yet (or its SQLite file does not exist)."""
    url = resolve_url(url)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return True
    try:
        engine = connect(url)
        with engine.connect() as conn:
            n = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        engine.dispose()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the store at {safe_url(url)}: {_first_line(exc)}") from None
    return n == 0
