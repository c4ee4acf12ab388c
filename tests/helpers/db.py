"""Temporary stores for tests: a SQLite file, or a schema of its own in the PostgreSQL test database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[2]
PG_ENV = "TRACKER_TEST_PG_URL"
PG_SKIP = (f"PostgreSQL tests need ${PG_ENV}, e.g. "
           "postgresql+psycopg://tracker:tracker@127.0.0.1:5432/tracker_test")


@contextmanager
def pg_schema(base_url: str) -> Iterator[str]:
    """A fresh schema in the test database, dropped afterwards; the URL puts it on the search_path."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def make_db_url(kind: str, folder: Path) -> Iterator[str]:
    """A URL for an empty store: kind "sqlite" (a file in `folder`) or "postgresql" (skips without one)."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'store.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    with pg_schema(base) as url:
        yield url
