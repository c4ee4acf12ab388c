"""Whole runs: idempotence, cross-feed duplicates, failure isolation and backoff, UTC, retag."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta

from helpers.feeds import rss, rss_item
from helpers.feedserver import Response
from sqlalchemy import select

from ingest import pipeline, store
from ingest.read.queries import feed_health
from ingest.sources.feedlist import FeedSpec, sample_feeds
from ingest.sources.fetch import FetchSettings

FAST = FetchSettings(backoff=0, retries=0, deadline=10, connect_timeout=2, read_timeout=5)
GALLIUM = ("China restricts gallium and germanium exports",
           "China's commerce ministry said it will restrict exports of gallium and germanium "
           "from Aug. 1, 2023.")
NICKEL = ("Indonesia bans nickel ore exports",
          "Indonesia will ban exports of nickel ore from January 2020, the government said.")


def _feed(*items: str) -> bytes:
    return rss(*items)


def _rows(engine, table, *cols):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(*(table.c[c] for c in cols)).order_by(*(table.c[c] for c in cols)))]


# --- idempotence ----------------------------------------------------------------------------


def test_offline_run_twice_gives_identical_counts(engine):
    first = pipeline.run(engine, sample_feeds(), workers=4)
    assert first.count("ok") == len(sample_feeds()) and first.count("failed") == 0
    assert first.new_articles > 50 and first.new_events > 10
    counts = store.counts(engine)
    assert counts["articles"] == first.new_articles and counts["events"] == first.new_events

    second = pipeline.run(engine, sample_feeds(), workers=4)
    assert second.count("not_modified") == len(sample_feeds())
    assert second.new_articles == 0 and second.new_events == 0
    again = store.counts(engine)
    assert again.pop("fetch_log") == counts.pop("fetch_log") + len(sample_feeds())
    assert again == counts


def test_reingesting_changed_files_with_same_items_adds_nothing(engine, tmp_path):
    for p in sample_feeds()[:3]:
        shutil.copy(p.url, tmp_path)
    specs = sample_feeds(tmp_path)
    pipeline.run(engine, specs, workers=4)
    counts = store.counts(engine)
    ids = _rows(engine, store.events, "id")
    for f in tmp_path.iterdir():  # new mtime: the file "changed", so it is parsed again
        os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 10**9))
    again = pipeline.run(engine, specs, workers=4)
    assert again.count("ok") == len(specs)
    assert again.new_articles == 0 and again.new_events == 0
    after = store.counts(engine)
    assert after.pop("fetch_log") == counts.pop("fetch_log") + len(specs)
    assert after == counts
    assert _rows(engine, store.events, "id") == ids


def test_same_article_in_two_feeds_is_one_article(feed_server, engine):
    link = "https://news.example/2025/11/gallium"
    a = feed_server.feed("/a", _feed(rss_item(GALLIUM[0], link=link, description=GALLIUM[1],
                                              pub_date="Mon, 03 Nov 2025 09:00:00 GMT")))
    b = feed_server.feed("/b", _feed(rss_item(GALLIUM[0], link=link + "?utm_source=rss&utm_medium=feed",
                                              description=GALLIUM[1],
                                              pub_date="Mon, 03 Nov 2025 09:00:00 GMT")))
    summary = pipeline.run(engine, [FeedSpec("A", a), FeedSpec("B", b)], workers=2, settings=FAST)
    assert sorted(o.status for o in summary.outcomes) == ["ok", "ok"]
    assert summary.new_articles == 1
    assert _rows(engine, store.articles, "canonical_url") == [(link,)]
    with engine.connect() as conn:
        linked = conn.execute(
            select(store.feeds.c.name).join(store.article_feeds,
                                            store.article_feeds.c.feed_id == store.feeds.c.id)
            .order_by(store.feeds.c.name)).scalars().all()
    assert linked == ["A", "B"]
    c = store.counts(engine)
    assert c["article_feeds"] == 2
    assert c["events"] >= 1 and c["event_articles"] == c["events"]  # events once, not per feed


# --- failures -------------------------------------------------------------------------------


def test_failing_feed_does_not_stop_the_others(feed_server, engine):
    good = feed_server.feed("/good", _feed(rss_item(NICKEL[0], link="https://n.example/1",
                                                    description=NICKEL[1])))
    specs = [
        FeedSpec("broken", feed_server.route("/broken", Response(500))),
        FeedSpec("good", good),
        FeedSpec("html", feed_server.route("/html", Response(
            200, b"<html><body><p>Not a feed</p></body></html>", {"Content-Type": "text/html"}))),
    ]
    summary = pipeline.run(engine, specs, workers=3, settings=FAST)
    status = {o.name: o for o in summary.outcomes}
    assert status["good"].status == "ok" and status["good"].new_articles == 1
    assert status["broken"].status == "failed"
    assert status["broken"].error == "HTTP 500 Internal Server Error"
    assert status["html"].status == "failed" and status["html"].error.startswith("not a ")
    assert not summary.all_failed

    with engine.connect() as conn:
        errors = dict(conn.execute(select(store.feeds.c.name, store.feeds.c.last_error)).all())
    assert errors == {"broken": "HTTP 500 Internal Server Error", "good": None,
                      "html": status["html"].error}
    health = feed_health(engine).set_index("feed")
    assert health.loc["broken", "status"] == "failed"
    assert health.loc["broken", "error"] == "HTTP 500 Internal Server Error"
    assert health.loc["broken", "http"] == 500
    assert health.loc["broken", "failures"] == 1
    assert health.loc["broken", "next_try"] != "next run"
    assert health.loc["good", "status"] == "ok" and health.loc["good", "articles"] == 1
    assert health.loc["good", "error"] == "" and health.loc["good", "next_try"] == "next run"


def test_bozo_warning_is_recorded(feed_server, engine):
    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            b"<item><title>Cobalt quota &nbsp; set</title><link>https://a.example/c</link></item>"
            b"</channel></rss>")
    url = feed_server.route("/bozo", Response(200, body, {"Content-Type": "application/rss+xml"}))
    (out,) = pipeline.run(engine, [FeedSpec("bozo", url)], workers=1, settings=FAST).outcomes
    assert out.status == "ok" and out.new_articles == 1 and "undefined entity" in out.warning
    health = feed_health(engine).set_index("feed")
    assert "undefined entity" in health.loc["bozo", "warning"]


def test_repeated_failures_back_off_and_skip_unless_forced(feed_server, engine):
    url = feed_server.route("/down", Response(503))
    spec = [FeedSpec("down", url)]
    t0 = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)

    (o1,) = pipeline.run(engine, spec, settings=FAST, now=lambda: t0).outcomes
    assert o1.status == "failed" and o1.next_attempt_at == t0 + pipeline.BACKOFF_BASE

    # Before next_attempt_at: skipped, not fetched.
    (o2,) = pipeline.run(engine, spec, settings=FAST, now=lambda: t0 + timedelta(minutes=5)).outcomes
    assert o2.status == "skipped" and o2.error == "HTTP 503 Service Unavailable"
    assert len(feed_server.hits("/down")) == 1

    # After it: tried again, and the wait doubles.
    t1 = t0 + timedelta(minutes=20)
    (o3,) = pipeline.run(engine, spec, settings=FAST, now=lambda: t1).outcomes
    assert o3.status == "failed" and o3.next_attempt_at == t1 + 2 * pipeline.BACKOFF_BASE
    with engine.connect() as conn:
        state = conn.execute(select(store.feeds)).mappings().one()
    assert state["consecutive_failures"] == 2
    assert state["next_attempt_at"] == t1 + 2 * pipeline.BACKOFF_BASE
    assert state["next_attempt_at"] > t1

    # force=True tries it anyway; a success clears the failure state.
    feed_server.route("/down", Response(200, _feed(rss_item("Back", link="https://b.example/1"))))
    summary = pipeline.run(engine, spec, settings=FAST, force=True, now=lambda: t1 + timedelta(minutes=1))
    assert [o.status for o in summary.outcomes] == ["ok"]
    with engine.connect() as conn:
        state = conn.execute(select(store.feeds)).mappings().one()
    assert state["consecutive_failures"] == 0 and state["last_error"] is None
    assert state["next_attempt_at"] is None
    assert [r[0] for r in _rows(engine, store.fetch_log, "status")].count("failed") == 2


def test_real_clock_skips_a_feed_that_just_failed(feed_server, engine):
    spec = [FeedSpec("down", feed_server.route("/down", Response(503)))]
    pipeline.run(engine, spec, settings=FAST)
    summary = pipeline.run(engine, spec, settings=FAST)
    assert [o.status for o in summary.outcomes] == ["skipped"]
    assert summary.outcomes[0].next_attempt_at > datetime.now(UTC)
    assert not summary.all_failed  # skipped feeds do not count as failures
    assert [o.status for o in pipeline.run(engine, spec, settings=FAST, force=True).outcomes] == ["failed"]


def test_backoff_schedule():
    now = datetime(2025, 1, 1, tzinfo=UTC)
    assert pipeline.backoff_after(1, 500, None, now) == now + timedelta(minutes=15)
    assert pipeline.backoff_after(3, 500, None, now) == now + timedelta(hours=1)
    assert pipeline.backoff_after(30, 500, None, now) == now + pipeline.BACKOFF_MAX
    assert pipeline.backoff_after(1, 404, None, now) == now + timedelta(hours=6)
    assert pipeline.backoff_after(1, 429, 120, now) == now + timedelta(seconds=120)


# --- time zones -----------------------------------------------------------------------------

DST_ITEMS = [
    # (pubDate as the feed gives it, the UTC instant it means)
    ("Sat, 01 Nov 2025 12:00:00 -0400", datetime(2025, 11, 1, 16, 0, tzinfo=UTC)),
    ("Sun, 02 Nov 2025 01:30:00 -0400", datetime(2025, 11, 2, 5, 30, tzinfo=UTC)),  # EDT, before
    ("Sun, 02 Nov 2025 01:30:00 -0500", datetime(2025, 11, 2, 6, 30, tzinfo=UTC)),  # EST, after
    ("Sun, 02 Nov 2025 05:59:59 GMT", datetime(2025, 11, 2, 5, 59, 59, tzinfo=UTC)),
    ("Sun, 02 Nov 2025 06:00:00 +0000", datetime(2025, 11, 2, 6, 0, tzinfo=UTC)),
    ("Mon, 03 Nov 2025 09:00:00 -0500", datetime(2025, 11, 3, 14, 0, tzinfo=UTC)),
    ("Sun, 09 Mar 2025 02:30:00 -0500", datetime(2025, 3, 9, 7, 30, tzinfo=UTC)),  # spring gap
]


def test_times_are_utc_under_new_york_tz_across_dst(db_url, tmp_path, cli):
    items = [rss_item(f"{GALLIUM[0]} ({i})", link=f"https://dst.example/{i}",
                      description=GALLIUM[1], pub_date=when)
             for i, (when, _utc) in enumerate(DST_ITEMS)]
    (tmp_path / "dst.xml").write_bytes(rss(*items))
    (tmp_path / "feeds.toml").write_text('[[feeds]]\nname = "dst"\nurl = "dst.xml"\n')
    env = {"TZ": "America/New_York", "PGTZ": "America/New_York"}

    res = cli("run", "--feeds", str(tmp_path / "feeds.toml"), "--db", db_url, "--workers", "1", env=env)
    assert res.returncode == 0, res.stderr
    assert "1 feeds ok" in res.stdout

    eng = store.connect(db_url, create=False)
    try:
        with eng.connect() as conn:
            got = dict(conn.execute(select(store.articles.c.canonical_url,
                                           store.articles.c.published_at)).all())
            sources = set(conn.execute(select(store.articles.c.published_source)).scalars())
            newest = conn.execute(select(store.feeds.c.newest_item_at)).scalar_one()
    finally:
        eng.dispose()
    assert got == {f"https://dst.example/{i}": utc for i, (_w, utc) in enumerate(DST_ITEMS)}
    assert sources == {"published"}
    assert newest == datetime(2025, 11, 3, 14, 0, tzinfo=UTC)

    if db_url.startswith("sqlite"):  # what is on disk is naive UTC text, whatever TZ said
        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as raw:
            on_disk = raw.execute("SELECT published_at FROM articles WHERE canonical_url = ?",
                                  ("https://dst.example/2",)).fetchone()[0]
        assert on_disk.startswith("2025-11-02 06:30:00")

    out = cli("export", "--events", "--format", "jsonl", "--db", db_url, env=env)
    assert out.returncode == 0, out.stderr
    published = {a["url"]: a["published"] for line in out.stdout.splitlines()
                 for a in json.loads(line)["articles"]}
    assert published["https://dst.example/1"] == "2025-11-02T05:30:00+00:00"
    assert published["https://dst.example/2"] == "2025-11-02T06:30:00+00:00"


# --- retag ----------------------------------------------------------------------------------


def test_retag_restores_events_and_is_idempotent(engine):
    pipeline.run(engine, sample_feeds()[:3], workers=3)
    counts = store.counts(engine)
    events = _rows(engine, store.events, "id", "type", "date", "countries", "commodities")
    links = _rows(engine, store.event_articles, "event_id", "article_id")
    assert events

    # Lose every event and every tag, as if the taxonomy had changed under the store.
    with store.atomic(engine) as conn:
        for t in (store.event_articles, store.event_countries, store.event_commodities, store.events):
            conn.execute(t.delete())
        conn.execute(store.articles.update().values(relevant=False, countries="[]", commodities="[]"))
    assert store.counts(engine)["events"] == 0

    n, n_events = pipeline.retag(engine)
    assert n == counts["articles"] and n_events == counts["events"]
    assert _rows(engine, store.events, "id", "type", "date", "countries", "commodities") == events
    assert _rows(engine, store.event_articles, "event_id", "article_id") == links
    assert store.counts(engine) == counts

    assert pipeline.retag(engine) == (n, n_events)  # twice: nothing changes
    assert store.counts(engine) == counts
    assert _rows(engine, store.events, "id", "type", "date", "countries", "commodities") == events


# --- concurrent writers ---------------------------------------------------------------------


class _Deadlock(Exception):
    sqlstate = "40P01"

    def __str__(self) -> str:
        return "deadlock detected\nDETAIL: Process 1 waits for ShareLock on transaction 2"


def test_a_write_that_loses_a_deadlock_is_retried(feed_server, engine, monkeypatch):
    from sqlalchemy.exc import OperationalError

    real = store.save_batch
    calls = []

    def flaky(conn, *args, **kwargs):
        calls.append(1)
        result = real(conn, *args, **kwargs)  # written, then rolled back by the "deadlock"
        if len(calls) < 3:
            raise OperationalError("INSERT ...", {}, _Deadlock())
        return result

    monkeypatch.setattr(store, "save_batch", flaky)
    url = feed_server.feed("/f", _feed(rss_item(NICKEL[0], link="https://n.example/1", description=NICKEL[1])))
    (out,) = pipeline.run(engine, [FeedSpec("f", url)], workers=1, settings=FAST).outcomes
    assert len(calls) == 3
    assert out.status == "ok" and out.new_articles == 1 and out.new_events == 1
    c = store.counts(engine)
    assert c["articles"] == 1 and c["fetch_log"] == 1 and c["events"] == 1


def test_a_persistent_store_error_fails_only_that_feed(feed_server, engine, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def broken(conn, feed_id, *args, **kwargs):
        raise OperationalError("INSERT ...", {}, RuntimeError("disk I/O error"))

    good = feed_server.feed("/good", _feed(rss_item("Fine", link="https://n.example/ok")))
    bad = feed_server.feed("/bad", _feed(rss_item("Doomed", link="https://n.example/bad")))
    real = store.save_batch
    monkeypatch.setattr(store, "save_batch",
                        lambda conn, fid, tagged, now: (broken if tagged[0].article.title == "Doomed"
                                                        else real)(conn, fid, tagged, now))
    summary = pipeline.run(engine, [FeedSpec("bad", bad), FeedSpec("good", good)], workers=2, settings=FAST)
    got = {o.name: (o.status, o.error) for o in summary.outcomes}
    assert got == {"bad": ("failed", "store error: disk I/O error"), "good": ("ok", None)}
    assert store.counts(engine)["articles"] == 1


def test_worker_processes_give_the_same_store_as_one_process(tmp_path) -> None:
    """Big runs parse and tag in worker processes; the stored result must not change."""
    from ingest.read.events import iter_events
    from ingest.sources.feedlist import sample_feeds

    results = []
    for processes in (0, 2):
        engine = store.connect(f"sqlite:///{tmp_path / f'p{processes}.db'}")
        summary = pipeline.run(engine, sample_feeds(), processes=processes)
        assert summary.count("ok") == len(sample_feeds())
        events = sorted((e["id"], e["date"], tuple(e["countries"])) for e in iter_events(engine))
        results.append((store.counts(engine)["articles"], events))
        engine.dispose()
    assert results[0] == results[1] and results[0][1]
