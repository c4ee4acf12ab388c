"""Dialect-aware statements the writes share: INSERT ... ON CONFLICT, and the meta table."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from .errors import StoreError
from .schema import meta


def insert_for(conn: Connection, table: Table) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise StoreError(f"unsupported database {conn.dialect.name!r}: use SQLite or PostgreSQL")


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]],
                   *, count: bool = True) -> int:
    """Insert rows, skipping those whose keys exist; returns how many were new (0 unless `count`).

    Counting uses RETURNING (an INSERT's rowcount is -1 on psycopg); without it the rows go
    through the driver's plain executemany, which is several times faster for big batches.
    """
    if not rows:
        return 0
    stmt = insert_for(conn, table).on_conflict_do_nothing()
    if not count:
        conn.execute(stmt, list(rows))
        return 0
    stmt = stmt.returning(*table.primary_key.columns)
    return len(conn.execute(stmt, list(rows)).all())


def upsert(conn: Connection, table: Table, row: dict[str, Any], keys: list[str]) -> None:
    """Insert `row`, or update its other columns where the `keys` columns match a stored row."""
    stmt = insert_for(conn, table).values(**row)
    updates = {k: v for k, v in row.items() if k not in keys}
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=updates))


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Record a store-wide setting (last run time, tagger version...)."""
    upsert(conn, meta, {"key": key, "value": value}, ["key"])


def get_meta(conn: Connection, key: str) -> str | None:
    """A store-wide setting, or None."""
    return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()


def chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    """Slices of at most `size`: IN lists stay under every driver's parameter limit."""
    for i in range(0, len(items), size):
        yield items[i: i + size]
