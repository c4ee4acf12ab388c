"""Opening the store: engine, schema version checks, upgrades, and the SQLite text index."""

from __future__ import annotations

import logging
import sqlite3
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, create_engine, delete, event, func, inspect, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import (
    ArgumentError,
    InternalError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.schema import Column, CreateColumn, DropTable

from .. import settings
from ..stories import headline_key
from ..text import first_line
from . import subscription_tables  # noqa: F401 - puts the subscription tables on `metadata`
from .errors import StoreError
from .schema import (
    _FTS_DDL,
    ACT_REPORT_ADDED_COLUMNS,
    ARTICLE_ADDED_COLUMNS,
    EVENT_TABLES,
    FTS_TABLE,
    FTS_TRIGGERS,
    REBUILD_KEY,
    SCHEMA_VERSION,
    UPGRADABLE_VERSIONS,
    act_reports,
    articles,
    events,
    ix_articles_story,
    meta,
    metadata,
)
from .sql import chunks, get_meta, set_meta, upsert

LOGGER = logging.getLogger(__name__)
_SCHEMA_LOCK = 0x6D696E7472  # PostgreSQL advisory lock held while creating the schema


# --- engine -----------------------------------------------------------------------------


def resolve_url(url: str | None = None) -> str:
    """The database URL: explicit argument, then $TRACKER_DB_URL, then the SQLite default."""
    return url or settings.current().db_url


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
    if complete and not (create or upgrade) and _missing_article_columns(engine):
        raise StoreError(f"the store at {safe_url(url)} lacks the outlet columns or act-report columns of this version: run "
                         "`python -m ingest retag` as a user that may write to it (nothing is lost)")
    if complete and version == SCHEMA_VERSION and (create or upgrade) and _missing_article_columns(engine):
        complete = False  # add them below, under the schema lock
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
            raise StoreError(_outdated(url, version, f"upgrading it failed ({first_line(exc)})")
                             ) from None
        verb = "open" if isinstance(exc, OperationalError) else "create"
        raise StoreError(f"cannot {verb} the store at {safe_url(url)}: {first_line(exc)}") from None
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
        add_article_columns(conn)
        _ensure_text_index(conn)
        upsert(conn, meta, {"key": "schema_version", "value": SCHEMA_VERSION}, ["key"])


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


# --- Outlet attribution and cross-feed de-duplication (issue 18) -----------------------------


def _missing_article_columns(engine: Engine) -> list[str]:
    """The added `articles` (and `act_reports`) columns a store made before them lacks."""
    with engine.connect() as conn:
        have = {c["name"] for c in inspect(conn).get_columns("articles")}
        reports = {c["name"] for c in inspect(conn).get_columns(act_reports.name)}
    return ([c.name for c in ARTICLE_ADDED_COLUMNS if c.name not in have]
            + [c.name for c in ACT_REPORT_ADDED_COLUMNS if reports and c.name not in reports])


def add_article_columns(conn: Connection) -> None:
    """Add the outlet columns and their index to an older `articles` table (inside the schema
    transaction), and key the stored headlines so that new copies of them are recognised."""
    missing = _add_columns(conn, articles.name, ARTICLE_ADDED_COLUMNS)
    ix_articles_story.create(conn, checkfirst=True)
    if any(c.name == "headline_key" for c in missing):
        rows = conn.execute(select(articles.c.id, articles.c.title)).all()
        keys = [{"aid": r.id, "key": headline_key(r.title or "")} for r in rows]
        for chunk in chunks(keys, 1000):
            conn.execute(update(articles).where(articles.c.id == bindparam("aid"))
                         .values(headline_key=bindparam("key")), list(chunk))
        LOGGER.warning("added outlet columns to %d stored articles", len(rows))
    _add_act_report_columns(conn)


def _add_columns(conn: Connection, table: str, columns: tuple[Column[Any], ...]) -> list[Column[Any]]:
    """Add to `table` those of `columns` it lacks (an older store); return them."""
    have = {c["name"] for c in inspect(conn).get_columns(table)}
    missing = [c for c in columns if c.name not in have]
    for column in missing:
        ddl = CreateColumn(column).compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {ddl}")
    return missing


def _add_act_report_columns(conn: Connection) -> None:
    """Add the later `act_reports` columns to an older store; its acts are then marked behind
    (meta `acts_behind`, acts.ingest), so the next run rebuilds them with the columns filled."""
    missing = _add_columns(conn, act_reports.name, ACT_REPORT_ADDED_COLUMNS)
    if missing and conn.execute(select(act_reports.c.id).limit(1)).first() is not None:
        set_meta(conn, "acts_behind", "1")
        LOGGER.warning("added %s to the stored act reports: the next run rebuilds the acts",
                       ", ".join(c.name for c in missing))


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
                       "scans every event", safe_url(url), first_line(exc))


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


@contextmanager
def atomic(engine: Engine) -> Iterator[Connection]:
    """One transaction: everything inside is written, or nothing is."""
    with engine.begin() as conn:
        yield conn


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
        raise StoreError(f"cannot read the store at {safe_url(url)}: {first_line(exc)}") from None
    return n == 0
