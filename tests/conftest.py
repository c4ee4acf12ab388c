"""Shared fixtures: a local feed server, temporary stores on SQLite and PostgreSQL, CLI runners.

PostgreSQL tests run when $TRACKER_TEST_PG_URL names a database the tests may write to, e.g.
postgresql+psycopg://tracker:tracker@127.0.0.1:5432/tracker_test; each test gets a schema of its
own (dropped afterwards), so runs never see each other's rows.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from helpers.db import REPO, make_db_url
from helpers.feedserver import FeedServer

if TYPE_CHECKING:
    from ingest.tagging.tagger import Tagger

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A threaded HTTP server on 127.0.0.1 with a free port; add responses with .route()."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store's URL, once on SQLite and once on PostgreSQL (skipped without one)."""
    with make_db_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def engine(db_url: str):
    """An opened store (schema created) on each backend."""
    from ingest import store

    eng = store.connect(db_url)
    try:
        yield eng
    finally:
        eng.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def offline_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[str]:
    """A store built once per module from the bundled samples (`run --offline`), per backend."""
    from ingest import pipeline, store
    from ingest.sources.feedlist import sample_feeds

    with make_db_url(request.param, tmp_path_factory.mktemp("offline")) as url:
        eng = store.connect(url)
        try:
            summary = pipeline.run(eng, sample_feeds(), workers=4)
            assert summary.count("failed") == 0, summary.line()
        finally:
            eng.dispose()
        yield url


def run_cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`python -m ingest ARGS` in a subprocess from the repo root, output captured as text."""
    full_env = {k: v for k, v in os.environ.items() if k != "TRACKER_DB_URL"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args], cwd=REPO, input=stdin, capture_output=True,
        text=True, env=full_env, timeout=timeout, check=False,
    )


@pytest.fixture
def cli():
    """Run the CLI in a subprocess: cli("export", "--db", url) -> CompletedProcess."""
    return run_cli


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    """One tagger for every test that asks for it: it keeps no state between articles (see
    tests/tagging/test_parts.py); a module may still define its own."""
    from ingest.tagging.tagger import Tagger

    return Tagger()
