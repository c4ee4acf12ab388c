"""Crash safety: SIGKILL the ingest process in the middle of a run, then run it again.

The kill lands while the run is writing a large feed (its batch is one transaction) and another
feed is still dripping in. Afterwards the store is intact, holds each feed whole or not at all,
and a second run leaves exactly what one clean run would have written: nothing duplicated.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import run_cli
from helpers.db import REPO
from helpers.feeds import rss, rss_item
from helpers.feedserver import FeedServer, Response, drip
from helpers.hostile import feed_rows, good_feed
from sqlalchemy import func, select, text

from ingest import store
from ingest.store.errors import StoreError

BIG = 800  # items in the feed being written when the kill comes


def _big_feed() -> bytes:
    items = []
    for i in range(BIG):
        if i % 8 == 0:
            items.append(rss_item(f"China restricts gallium exports, notice {i}", link=f"https://big.example/{i}",
                                  description=f"China said on Nov. {1 + i % 28}, 2025 it will restrict "
                                              "exports of gallium and germanium.",
                                  pub_date="Mon, 03 Nov 2025 09:00:00 +0000"))
        else:
            items.append(rss_item(f"Harbour city council meeting {i}", link=f"https://big.example/{i}",
                                  description="The council discussed parking and a new library.",
                                  pub_date="Mon, 03 Nov 2025 09:00:00 +0000"))
    return rss(*items)


def _serve(server: FeedServer, slow: bool) -> dict[str, str]:
    """The feed list: three small feeds, the big one, a slow one, two more small ones."""
    slow_body = good_feed("slow")
    slow_response = (Response(200, headers={"Content-Type": "application/rss+xml"},
                              chunks=lambda: drip(slow_body, 0.2, server.stopping))
                     if slow else Response(200, slow_body, {"Content-Type": "application/rss+xml"}))
    return {
        "one": server.feed("/one", good_feed("one")),
        "two": server.feed("/two", good_feed("two")),
        "three": server.feed("/three", good_feed("three")),
        "big": server.feed("/big", _big_feed()),
        "slow": server.route("/slow", slow_response),
        "five": server.feed("/five", good_feed("five")),
        "six": server.feed("/six", good_feed("six")),
    }


def _feeds_file(path: Path, urls: dict[str, str]) -> Path:
    path.write_text("".join(f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n\n' for n, u in urls.items()))
    return path


def _content(url: str) -> dict[str, set]:
    """Everything ingest wrote, by stable keys (row ids of the feeds table differ per store)."""
    engine = store.connect(url, create=False)
    a, e, ea, af, f = store.articles, store.events, store.event_articles, store.article_feeds, store.feeds
    try:
        with engine.connect() as conn:
            return {
                "articles": set(conn.execute(select(a.c.id, a.c.canonical_url, a.c.title)).all()),
                "events": set(conn.execute(select(e.c.id, e.c.type, e.c.date)).all()),
                "event_articles": set(conn.execute(select(ea.c.event_id, ea.c.article_id)).all()),
                "article_feeds": set(conn.execute(
                    select(af.c.article_id, f.c.name).join(f, f.c.id == af.c.feed_id)).all()),
            }
    finally:
        engine.dispose()


def _sqlite_locked(path: str) -> bool:
    """Whether another connection holds the SQLite write lock (asked without waiting)."""
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc)
    finally:
        probe.close()


# Row-level write locks another PostgreSQL backend holds on this test's tables.
_PG_WRITERS = text(
    "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND l.mode = 'RowExclusiveLock' "
    "AND l.granted AND l.pid <> pg_backend_pid()")


def _logged(conn, name: str) -> bool:
    f, log = store.feeds, store.fetch_log
    return conn.execute(select(func.count()).select_from(log.join(f, f.c.id == log.c.feed_id))
                        .where(f.c.name == name)).scalar_one() > 0


def _inside_big_write(db_url: str, proc: subprocess.Popen, handed_off: Callable[[], bool],
                      seconds: float = 120.0) -> bool:
    """Wait (polling, no sleeps) until the big feed is handed off (`handed_off`: the worker has
    asked for the slow feed after it), "three" is committed and a write transaction is open.

    Feeds are written in list order with one worker, so that open transaction is the big feed's.
    Every condition is checked in one loop, bounded by time: waiting for the slow feed's request
    first and only then looking for the write lost the race on a loaded machine (the big feed's
    write had ended before the first look). The slow feed keeps the run from ending meanwhile.
    """
    deadline = time.monotonic() + seconds
    engine = None
    while engine is None and time.monotonic() < deadline and proc.poll() is None:
        try:  # connect as soon as the run has made the store, well before the big feed
            engine = store.connect(db_url, create=False)
        except StoreError:
            continue
    if engine is None:
        return False
    try:
        with engine.connect() as conn:
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    return False
                conn.rollback()  # a fresh snapshot for each look
                if not handed_off() or not _logged(conn, "three"):
                    continue
                if db_url.startswith("sqlite"):
                    if _sqlite_locked(db_url.removeprefix("sqlite:///")):
                        return True
                elif conn.execute(_PG_WRITERS).scalar_one() > 0:
                    return True
        return False
    finally:
        engine.dispose()


def test_sigkill_mid_write_leaves_whole_feeds_and_a_rerun_completes(db_url, tmp_path):
    server = FeedServer().start()
    try:
        feeds = _feeds_file(tmp_path / "feeds.toml", _serve(server, slow=True))
        env = {k: v for k, v in os.environ.items() if k != "TRACKER_DB_URL"}
        # One worker: feeds are fetched in list order while the main thread writes the previous
        # one, so the slow feed's request arrives just as the big feed's batch starts writing.
        proc = subprocess.Popen(
            [sys.executable, "-m", "ingest", "run", "--feeds", str(feeds), "--db", db_url, "--workers", "1"],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            inside = _inside_big_write(db_url, proc, lambda: bool(server.hits("/slow")))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=10)
        assert inside, "the run never got inside the big feed's write"
        assert proc.returncode == -signal.SIGKILL
        assert len(server.hits("/big")) == 1 and server.hits("/five") == []
    finally:
        server.stop()

    if db_url.startswith("sqlite"):
        path = db_url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []

    # Each feed is all there or not there at all, its log row with it.
    engine = store.connect(db_url, create=False)
    try:
        rows = {name: feed_rows(engine, name) for name in ("one", "two", "three", "big", "slow", "five")}
        counts = store.counts(engine)
    finally:
        engine.dispose()
    assert all(rows[n] == {"links": 2, "log": 1} for n in ("one", "two", "three")), rows
    assert rows["big"] in ({"links": 0, "log": 0}, {"links": BIG, "log": 1}), rows
    if db_url.startswith("sqlite"):  # killed inside its transaction: rolled back whole
        assert rows["big"] == {"links": 0, "log": 0}
    assert rows["slow"] == rows["five"] == {"links": 0, "log": 0}
    assert counts["articles"] == 6 + rows["big"]["links"]

    # A second run, with every server answering promptly, completes.
    server = FeedServer().start()
    try:
        urls = _serve(server, slow=False)
        again = run_cli("run", "--feeds", str(_feeds_file(tmp_path / "feeds2.toml", urls)), "--db", db_url,
                        "--workers", "4", timeout=60)
        assert again.returncode == 0, again.stderr
        assert "7 feeds ok, 0 not modified, 0 failed" in again.stdout
        # The same feeds into a fresh store in one clean run: the reference.
        clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
        clean = run_cli("run", "--feeds", str(tmp_path / "feeds2.toml"), "--db", clean_url, "--workers", "4",
                        timeout=60)
        assert clean.returncode == 0, clean.stderr
    finally:
        server.stop()

    got, want = _content(db_url), _content(clean_url)
    assert len(got["articles"]) == 6 + BIG + 6
    assert got == want  # no duplicate and no missing article, event or link
