"""A store that refuses writes (a full disk) ends the run with exit status 3, one line per feed
it could not store, and every feed written before it intact.

SQLite is made to fill up for real: `PRAGMA max_page_count` on each connection caps the file
a few pages past what the first feeds need, so later batches fail with "database or disk is
full" inside their transaction.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers.feeds import rss, rss_item
from sqlalchemy import func, select

from ingest import store
from ingest.acts import ingest as act_ingest
from ingest.cli import main
from ingest.store import engine as store_engine

N_FEEDS, WRITTEN = 8, 3
TEXT = ("China's commerce ministry said it will restrict exports of gallium and germanium from "
        "Aug. 1, 2023, citing national security, in a notice that also named graphite. ") * 6


def _feeds(folder: Path) -> Path:
    """N_FEEDS local feeds of 40 relevant items each, and a feed list naming them in order."""
    entries = []
    for f in range(N_FEEDS):
        items = [rss_item(f"China restricts gallium exports ({f}-{i})", link=f"https://full.example/{f}/{i}",
                          description=TEXT, pub_date="Mon, 03 Jul 2023 09:00:00 +0000") for i in range(40)]
        (folder / f"feed{f}.xml").write_bytes(rss(*items))
        entries.append(f'[[feeds]]\nname = "feed-{f}"\nurl = "feed{f}.xml"\n')
    toml = folder / "feeds.toml"
    toml.write_text("\n".join(entries))
    return toml


def _pages(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return conn.execute("PRAGMA page_count").fetchone()[0]


def _articles_per_feed(url: str) -> dict[str, int]:
    engine = store.connect(url, create=False)
    try:
        f, af = store.feeds, store.article_feeds
        with engine.connect() as conn:
            rows = conn.execute(select(f.c.name, func.count(af.c.article_id)).select_from(
                f.outerjoin(af, af.c.feed_id == f.c.id)).group_by(f.c.name)).all()
        return dict(rows)
    finally:
        engine.dispose()


@pytest.mark.parametrize("workers", [1, 4])
def test_a_full_disk_exits_3_and_keeps_what_was_written(tmp_path, monkeypatch, capsys, workers):
    toml = _feeds(tmp_path)
    # How big the store is after the first feeds: measured on a store of its own.
    probe = tmp_path / "probe.db"
    first = tmp_path / "first.toml"
    first.write_text("\n".join(toml.read_text().split("\n\n")[:WRITTEN]))
    # Acts are grouped once at the end of a run: the probe measures the feeds alone.
    monkeypatch.setattr(act_ingest, "flush", lambda *args, **kwargs: 0)
    assert main(["run", "--feeds", str(first), "--db", f"sqlite:///{probe}", "--workers", "1"]) == 0
    limit = _pages(probe) + 2
    capsys.readouterr()
    monkeypatch.undo()

    real = store_engine._sqlite_pragmas

    def tiny_disk(dbapi_conn, record):
        real(dbapi_conn, record)
        dbapi_conn.execute(f"PRAGMA max_page_count = {limit}")

    monkeypatch.setattr(store_engine, "_sqlite_pragmas", tiny_disk)
    db = tmp_path / "full.db"
    url = f"sqlite:///{db}"
    code = main(["run", "--feeds", str(toml), "--db", url, "--workers", str(workers)])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "Traceback" not in err
    failed = [ln for ln in err.splitlines() if ln.startswith("failed: ")]
    assert failed == [f"failed: feed-{f}: store error: database or disk is full" for f in range(WRITTEN, N_FEEDS)]
    (last,) = [ln for ln in err.splitlines() if ln.startswith("error: ")]
    assert last.startswith(f"error: the store refused {N_FEEDS - WRITTEN} writes (store error: database or disk is full)")

    monkeypatch.setattr(store_engine, "_sqlite_pragmas", real)
    counts = _articles_per_feed(url)
    assert {n: counts.get(n, 0) for n in (f"feed-{f}" for f in range(N_FEEDS))} == {
        f"feed-{f}": 40 if f < WRITTEN else 0 for f in range(N_FEEDS)}
    # With room again, the next run stores the rest.
    assert main(["run", "--feeds", str(toml), "--db", url]) == 0
    assert set(_articles_per_feed(url).values()) == {40}
