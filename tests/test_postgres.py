"""Concurrent ingest into one database, and SQLite/PostgreSQL giving the same events.

The concurrency test runs on both backends; the comparison needs $TRACKER_TEST_PG_URL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest
from helpers.db import PG_ENV, PG_SKIP, REPO, make_db_url
from helpers.feeds import rss, rss_item
from helpers.feedserver import Request, Response
from sqlalchemy import func, select

from ingest import pipeline, store
from ingest.sources.feedlist import load_feeds

COUNTRIES = ["China", "Indonesia", "Chile", "Zimbabwe"]
METALS = [("gallium", "March"), ("nickel", "May"), ("lithium", "July"), ("cobalt", "September"),
          ("graphite", "October"), ("antimony", "December")]
OUTLETS = ["wire.example", "desk.example"]
N_FEEDS = 8


def _articles() -> list[str]:
    """48 items: each of 24 export-control stories told by two outlets (one event, two articles)."""
    items = []
    for country in COUNTRIES:
        for metal, month in METALS:
            for outlet in OUTLETS:
                slug = f"{country.lower()}-{metal}"
                items.append((slug, outlet, f"{country} restricts {metal} exports",
                              f"{country}'s government said it will restrict exports of {metal} "
                              f"from {month} 1, 2025."))
    return [
        (i, slug, outlet, title, text) for i, (slug, outlet, title, text) in enumerate(items)
    ]


def _feed_body(k: int) -> bytes:
    """Feed k carries 16 of the 48 items, overlapping its neighbours, odd feeds in reverse order.

    Links differ only in tracking parameters between feeds, so each item must be stored once.
    """
    arts = _articles()
    chosen = [arts[(k * 6 + j) % len(arts)] for j in range(16)]
    if k % 2:
        chosen.reverse()
    return rss(*(
        rss_item(title, link=f"https://{outlet}/2025/01/{slug}?utm_source=feed{k}&utm_medium=rss",
                 description=text, pub_date=f"Fri, 10 Jan 2025 {i % 24:02d}:00:00 GMT")
        for i, slug, outlet, title, text in chosen
    ), title=f"Feed {k}")


def _spawn(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "TRACKER_DB_URL"}
    full_env.update(env or {})
    return subprocess.Popen([sys.executable, "-m", "ingest", *args], cwd=REPO, env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen[str], timeout: float = 90) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return proc.returncode, out, err


def _snapshot(url: str) -> dict:
    eng = store.connect(url, create=False)
    try:
        with eng.connect() as conn:
            a, af, ea = store.articles, store.article_feeds, store.event_articles
            return {
                "counts": store.counts(eng),
                "urls": sorted(conn.execute(select(a.c.canonical_url)).scalars()),
                "links": sorted(tuple(r) for r in conn.execute(
                    select(a.c.canonical_url, store.feeds.c.name)
                    .join(af, af.c.article_id == a.c.id).join(store.feeds, store.feeds.c.id == af.c.feed_id))),
                "events": sorted(tuple(r) for r in conn.execute(
                    select(store.events.c.id, store.events.c.type, store.events.c.date,
                           store.events.c.countries, store.events.c.commodities))),
                "event_articles": sorted(tuple(r) for r in conn.execute(
                    select(ea.c.event_id, a.c.canonical_url).join(a, a.c.id == ea.c.article_id))),
                "dupe_urls": conn.execute(
                    select(func.count()).select_from(
                        select(a.c.canonical_url).group_by(a.c.canonical_url)
                        .having(func.count() > 1).subquery())).scalar_one(),
            }
    finally:
        eng.dispose()


def test_two_processes_ingesting_the_same_feeds_at_once(db_url, tmp_path, feed_server):
    # The first request of each process waits for the other's, so both runs are in flight together.
    started = threading.Barrier(2)
    first_two = iter(range(2))
    lock = threading.Lock()

    def serve(k: int):
        body = _feed_body(k)

        def respond(req: Request) -> Response:
            with lock:
                is_first = next(first_two, None) is not None
            if is_first:
                started.wait(timeout=20)
            return Response(200, body, {"Content-Type": "application/rss+xml"})
        return respond

    lines = []
    for k in range(N_FEEDS):
        url = feed_server.route(f"/feed{k}.xml", serve(k))
        lines.append(f'[[feeds]]\nname = "Feed {k}"\nurl = "{url}"\n')
    feeds_toml = tmp_path / "feeds.toml"
    feeds_toml.write_text("\n".join(lines))

    procs = [_spawn("run", "--feeds", str(feeds_toml), "--db", db_url, "--workers", "4")
             for _ in range(2)]
    results = [_finish(p) for p in procs]
    for code, out, err in results:
        assert code == 0, err
        assert f"{N_FEEDS} feeds ok, 0 not modified, 0 failed" in out, out + err
        assert "failed" not in err and "Traceback" not in err and "error" not in err.lower(), err
    assert not started.broken  # the two runs really did overlap

    got = _snapshot(db_url)
    assert got["dupe_urls"] == 0
    assert got["counts"]["fetch_log"] == 2 * N_FEEDS
    assert got["counts"]["feeds"] == N_FEEDS

    # The same feeds ingested once, by one process, into a store of their own.
    ref_url = f"sqlite:///{tmp_path / 'reference.db'}"
    ref = store.connect(ref_url)
    try:
        summary = pipeline.run(ref, load_feeds(feeds_toml), workers=4)
        assert summary.count("ok") == N_FEEDS
    finally:
        ref.dispose()
    want = _snapshot(ref_url)
    assert want["counts"]["articles"] == 48 and want["counts"]["events"] == 24
    for key in ("urls", "links", "events", "event_articles"):
        assert got[key] == want[key], key
    for table in ("articles", "article_feeds", "events", "event_articles", "event_countries",
                  "event_commodities"):
        assert got["counts"][table] == want["counts"][table], table


def _events(jsonl: str) -> list[tuple]:
    return [(e["id"], e["type"], e["date"], e["date_precision"], tuple(e["countries"]),
             tuple(e["commodities"]), len(e["articles"]))
            for e in map(json.loads, jsonl.splitlines())]


@pytest.mark.postgres
def test_offline_run_and_export_match_on_sqlite_and_postgres(tmp_path):
    if not os.environ.get(PG_ENV):
        pytest.skip(PG_SKIP)
    with make_db_url("sqlite", tmp_path) as lite, make_db_url("postgresql", tmp_path) as pg:
        runs = [_spawn("run", "--offline", "--db", url) for url in (lite, pg)]
        for code, out, err in map(_finish, runs):
            assert code == 0, err
            assert " 0 failed" in out
        exports = [_spawn("export", "--events", "--format", "jsonl", "--db", url) for url in (lite, pg)]
        (c1, out_lite, e1), (c2, out_pg, e2) = map(_finish, exports)
        assert (c1, e1, c2, e2) == (0, "", 0, "")
        events_lite, events_pg = _events(out_lite), _events(out_pg)
        assert len(events_lite) > 10
        assert events_pg == events_lite
        # Whole records match too (articles' times, evidence, headlines).
        assert out_pg.splitlines() == out_lite.splitlines()
        assert _snapshot(lite)["counts"] == _snapshot(pg)["counts"]
