"""Network faults: slow, silent, resetting, erroring and redirecting servers on 127.0.0.1.

Each test runs ingest over broken feeds next to a good one and checks that the run completes in
time, the good feed is stored, and each failure is recorded with a one-line reason (in the
feed-health table and `python -m ingest feeds`) with nothing else written for it. Repeat
offenders back off: later runs do not contact them at all. Memory stays bounded by the size cap.
"""

from __future__ import annotations

import json
import re
import socket
import struct
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import run_cli
from helpers.db import REPO
from helpers.feeds import rss, rss_item
from helpers.feedserver import Response, drip
from helpers.hostile import endless, feed_rows, good_feed, gzip_bomb, one_line
from helpers.sockets import full_backlog_port, silent_port
from sqlalchemy import select

from ingest import pipeline, store
from ingest.cli import main
from ingest.read.queries import feed_health
from ingest.sources.feedlist import FeedSpec
from ingest.sources.fetch import FetchSettings

NOW = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)
RSS = {"Content-Type": "application/rss+xml"}


def ingest(engine, specs: list[FeedSpec], settings: FetchSettings, now=lambda: NOW):
    """Run ingest over `specs`; returns outcomes and feed health by name, and the seconds taken."""
    t0 = time.monotonic()
    summary = pipeline.run(engine, specs, workers=4, settings=settings, now=now)
    seconds = time.monotonic() - t0
    outcomes = {o.name: o for o in summary.outcomes}
    health = feed_health(engine, now=now()).set_index("feed").to_dict("index")
    return outcomes, health, seconds


def assert_failed(engine, outcomes, health, name: str, reason: str) -> pipeline.FeedOutcome:
    """The feed failed with `reason` (a fragment), recorded on one line, and wrote no articles."""
    out = outcomes[name]
    assert out.status == "failed", (out.error, out.warning)
    assert reason in one_line(out.error), out.error
    row = health[name]
    assert (row["status"], row["error"], row["failures"], row["articles"]) == ("failed", out.error, 1, 0)
    assert row["next_try"] != "next run"  # backing off
    assert feed_rows(engine, name) == {"links": 0, "log": 1}
    return out


def assert_good(engine, outcomes, *names: str) -> None:
    for name in names:
        out = outcomes[name]
        assert (out.status, out.error, out.new_articles) == ("ok", None, 2), out
        assert feed_rows(engine, name)["links"] == 2


def durations(engine) -> dict[str, float]:
    f, log = store.feeds, store.fetch_log
    with engine.connect() as conn:
        return dict(conn.execute(select(f.c.name, log.c.duration_s).join(log, log.c.feed_id == f.c.id)).all())


# --- slow servers: the whole-request deadline --------------------------------------------------


def _drip_headers(conn: socket.socket, stop: threading.Event) -> None:
    """A reply whose status line and headers arrive one byte a second (each read succeeds)."""
    for b in drip(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nX-Pad: " + b"p" * 500, 1.0, stop):
        conn.sendall(b)


def test_dripping_servers_are_stopped_by_the_request_deadline(feed_server, engine):
    body = good_feed("drip")
    specs = [
        FeedSpec("good-a", feed_server.feed("/good-a", good_feed("a"))),
        FeedSpec("drip-body", feed_server.route("/drip-body", Response(
            200, headers={**RSS, "Content-Length": str(len(body))},
            chunks=lambda: drip(body, 1.0, feed_server.stopping)))),
        FeedSpec("drip-headers", feed_server.route("/drip-headers", Response(raw=_drip_headers))),
        FeedSpec("good-b", feed_server.feed("/good-b", good_feed("b"))),
    ]
    # Reads time out after 1.5 s, and a byte comes every second: only the deadline can stop it.
    settings = FetchSettings(deadline=2, read_timeout=1.5, connect_timeout=1, retries=2, backoff=0)
    outcomes, health, seconds = ingest(engine, specs, settings)
    assert_good(engine, outcomes, "good-a", "good-b")
    assert_failed(engine, outcomes, health, "drip-body", "gave up after the 2s request deadline")
    assert_failed(engine, outcomes, health, "drip-headers", "gave up after the 2s request deadline")
    took = durations(engine)
    for name in ("drip-body", "drip-headers"):
        # The deadline, not a read timeout (a byte comes every second, inside the 1.5 s read
        # timeout) nor a retry (one hit); the upper bound leaves a busy machine room to wake up.
        assert 1.9 <= took[name] < 3.4, took
        assert len(feed_server.hits(f"/{name}")) == 1  # no time left for a retry
    assert seconds < 12  # both share one host, so they ran one after the other (2 s each)


def test_connect_and_read_timeouts(feed_server, engine):
    settings = FetchSettings(deadline=5, read_timeout=0.5, connect_timeout=0.5, retries=0, backoff=0)
    with silent_port() as silent, full_backlog_port() as full:
        specs = [
            FeedSpec("good-a", feed_server.feed("/good-a", good_feed("a"))),
            FeedSpec("never-answers", f"http://127.0.0.1:{silent}/feed"),
            FeedSpec("never-accepts", f"http://127.0.0.1:{full}/feed"),
            FeedSpec("good-b", feed_server.feed("/good-b", good_feed("b"))),
        ]
        outcomes, health, seconds = ingest(engine, specs, settings)
    assert_good(engine, outcomes, "good-a", "good-b")
    assert_failed(engine, outcomes, health, "never-answers", "read timeout talking to 127.0.0.1")
    assert_failed(engine, outcomes, health, "never-accepts", "connect timeout talking to 127.0.0.1")
    took = durations(engine)
    assert took["never-answers"] < 1.0 and took["never-accepts"] < 1.0, took
    assert seconds < 5


# --- broken connections, HTTP errors and redirects ----------------------------------------------


def _reset_mid_body(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n"
                 + good_feed("reset", 5)[:300])
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()  # with linger 0: an RST, not a FIN


def _close_mid_body(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n"
                 + good_feed("closed", 5)[:300])
    conn.shutdown(socket.SHUT_RDWR)


def _redirect(location: str) -> Response:
    return Response(302, headers={"Location": location})


HTTP_CASES = {
    # name: (responses in turn, reason fragment, requests the server must see)
    "reset-mid-body": ([Response(raw=_reset_mid_body)],
                       "connection to 127.0.0.1 failed: [Errno 104] Connection reset by peer", 2),
    "closed-mid-body": ([Response(raw=_close_mid_body)], "connection broken by 127.0.0.1: peer closed", 2),
    "404": ([Response(404)], "HTTP 404 Not Found", 1),
    "410": ([Response(410)], "HTTP 410 Gone", 1),
    "429": ([Response(429, headers={"Retry-After": "120"})], "HTTP 429 Too Many Requests (retry after 120s)", 1),
    "429-forever": ([Response(429, headers={"Retry-After": "99999999999"})], "HTTP 429 Too Many Requests", 1),
    "429-odd-header": ([Response(429, headers={"Retry-After": "\u00b2"})], "HTTP 429 Too Many Requests", 1),
    "500": ([Response(500)], "HTTP 500 Internal Server Error", 2),
    "503": ([Response(503, headers={"Retry-After": "30"})], "HTTP 503 Service Unavailable", 2),
    "redirect-loop": ([_redirect("/redirect-loop-b")], "more than 5 redirects (loop?)", 3),  # + 3 to -b
    "redirect-to-javascript": ([_redirect("javascript:alert(1)")],
                               "refused to follow a redirect to 'javascript:alert(1)': only http(s) URLs are fetched", 1),
    "redirect-to-data": ([_redirect("data:application/rss+xml,<rss/>")], "refused to follow a redirect", 1),
    "redirect-to-ftp": ([_redirect("ftp://127.0.0.1/feed.xml")], "refused to follow a redirect", 1),
    "redirect-to-path": ([_redirect("/etc/passwd")], "HTTP 404 Not Found", 1),  # stays on this server
}


def test_http_errors_resets_and_bad_redirects(feed_server, engine, tmp_path, capsys):
    secret = tmp_path / "secret.xml"  # a perfectly good feed, that a redirect must never read
    secret.write_bytes(rss(rss_item("Local file leaked", link="https://leak.example/1")))
    feed_server.route("/redirect-loop-b", _redirect("/redirect-loop"))
    specs = [FeedSpec("good-a", feed_server.feed("/good-a", good_feed("a")))]
    for name, (responses, _reason, _n) in HTTP_CASES.items():
        specs.append(FeedSpec(name, feed_server.route(f"/{name}", *responses)))
    specs.append(FeedSpec("redirect-to-file", feed_server.route("/redirect-to-file",
                                                                _redirect(secret.resolve().as_uri()))))
    specs.append(FeedSpec("good-b", feed_server.feed("/good-b", good_feed("b"))))
    settings = FetchSettings(deadline=5, read_timeout=2, connect_timeout=1, retries=1, backoff=0,
                             max_retry_after=1)
    outcomes, health, seconds = ingest(engine, specs, settings)

    assert_good(engine, outcomes, "good-a", "good-b")
    for name, (_responses, reason, requests) in HTTP_CASES.items():
        assert_failed(engine, outcomes, health, name, reason)
        assert len(feed_server.hits(f"/{name}")) == requests, name
    assert len(feed_server.hits("/redirect-loop-b")) == 3
    assert len(feed_server.hits("/etc/passwd")) == 1  # a path is a path on the same http server
    out = assert_failed(engine, outcomes, health, "redirect-to-file", "refused to follow a redirect to 'file://")
    assert "only http(s) URLs are fetched" in out.error
    with engine.connect() as conn:
        assert "Local file leaked" not in conn.execute(select(store.articles.c.title)).scalars().all()
    assert store.counts(engine)["articles"] == 4
    assert seconds < 10

    # Back-off: permanent errors rest for hours, Retry-After is honoured (at most a day).
    nxt = {o.name: o.next_attempt_at for o in outcomes.values() if o.status == "failed"}
    assert nxt["410"] >= NOW + timedelta(hours=6) and nxt["404"] >= NOW + timedelta(hours=6)
    assert nxt["429"] == NOW + timedelta(seconds=120)
    assert nxt["429-forever"] == NOW + pipeline.BACKOFF_MAX
    assert nxt["500"] == NOW + pipeline.BACKOFF_BASE

    # The same reasons, one per row, in `python -m ingest feeds`.
    url = engine.url.render_as_string(hide_password=False)
    assert main(["feeds", "--db", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    for name in HTTP_CASES:
        (line,) = [ln for ln in lines if ln.lstrip().startswith(name + " ")]
        assert outcomes[name].error in line and "failed" in line


# --- memory: bounded by the size cap ---------------------------------------------------------

CHILD = r"""
import json, sys, time, tracemalloc
from ingest import pipeline, store
from ingest.sources.feedlist import FeedSpec
from ingest.sources.fetch import FetchSettings

def status_kb(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field + ":"))

urls = json.loads(sys.argv[2])
engine = store.connect(sys.argv[1])
with open("/proc/self/clear_refs", "w") as f:  # reset the peak (VmHWM) to the current size
    f.write("5")
before = status_kb("VmRSS")
tracemalloc.start()
t0, cpu0 = time.monotonic(), time.process_time()
summary = pipeline.run(engine, [FeedSpec(n, u) for n, u in urls.items()], workers=4)
seconds, cpu = time.monotonic() - t0, time.process_time() - cpu0
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(json.dumps({"seconds": seconds, "cpu": cpu, "traced_peak": peak, "rss_growth_kb": status_kb("VmHWM") - before,
                  "outcomes": {o.name: [o.status, o.error] for o in summary.outcomes}}))
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="measures peak memory via Linux /proc")
def test_default_cap_stops_200MB_and_gzip_bombs_with_bounded_memory(feed_server, tmp_path):
    """Default settings (10 MB cap), in a fresh process so its peak memory is its own."""
    cap = FetchSettings().max_bytes
    sent, sent_declared = [0], [0]
    urls = {
        "good": feed_server.feed("/good", good_feed("good")),
        "200MB-streamed": feed_server.route("/big", Response(200, headers=RSS, chunks=endless(200 << 20, sent))),
        "200MB-declared": feed_server.route("/declared", Response(
            200, headers={**RSS, "Content-Length": str(200 << 20)}, chunks=endless(200 << 20, sent_declared))),
        "gzip-bomb-256MB": feed_server.route("/bomb", Response(
            200, gzip_bomb(256 << 20), {**RSS, "Content-Encoding": "gzip"})),
    }
    res = subprocess.run([sys.executable, "-c", CHILD, f"sqlite:///{tmp_path / 'mem.db'}", json.dumps(urls)],
                         cwd=REPO, capture_output=True, text=True, timeout=60, check=False)
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout.splitlines()[-1])
    out = got["outcomes"]
    assert out["good"] == ["ok", None]
    assert out["200MB-streamed"] == ["failed", f"response body over the {cap:,}-byte size cap"]
    assert out["200MB-declared"] == ["failed", f"response of {200 << 20:,} bytes is over the {cap:,}-byte size cap"]
    assert out["gzip-bomb-256MB"] == ["failed", f"response body over the {cap:,}-byte size cap"]
    # No stall (the child's own timeout is 60 s) and little work: CPU time, which a busy
    # machine's other work does not inflate (the wall clock took 33 s under a load of 8).
    assert got["cpu"] < 10, got
    assert sent[0] < 4 * cap, sent  # the server was cut off near the cap, not after 200 MB
    assert sent_declared[0] < 2 * cap, sent_declared  # refused on the header alone
    # Python-level peak: one body up to the cap and its copy; process peak likewise.
    assert got["traced_peak"] < 3 * cap, got
    assert got["rss_growth_kb"] * 1024 < 6 * cap, got  # two capped bodies in flight, each copied once


# --- repeat offenders back off -------------------------------------------------------------------


def _cli_feeds_rows(url: str, capsys: pytest.CaptureFixture | None = None) -> dict[str, str]:
    """`python -m ingest feeds` rows by feed name (in this process when given capsys: faster)."""
    if capsys is None:
        res = run_cli("feeds", "--db", url)
        assert res.returncode == 0, res.stderr
        out = res.stdout
    else:
        capsys.readouterr()
        assert main(["feeds", "--db", url]) == 0
        out = capsys.readouterr().out
    return {line.split()[0]: line for line in out.splitlines()[1:]}


def test_repeat_offenders_are_not_contacted_until_their_next_try(feed_server, db_url, tmp_path, capsys):
    feeds = tmp_path / "feeds.toml"
    feeds.write_text("".join(f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n\n' for n, u in (
        ("gone", feed_server.route("/gone", Response(410))),
        ("down", feed_server.route("/down", Response(503))),
        ("limited", feed_server.route("/limited", Response(429, headers={"Retry-After": "7200"}))),
        ("good", feed_server.feed("/good", good_feed("good"))),
    )))
    first = run_cli("run", "--feeds", str(feeds), "--db", db_url, "--workers", "4")
    assert first.returncode == 0, first.stderr
    assert "1 feeds ok, 0 not modified, 3 failed, 0 skipped" in first.stdout
    for line in ("failed: gone: HTTP 410 Gone", "failed: down: HTTP 503 Service Unavailable",
                 "failed: limited: HTTP 429 Too Many Requests (retry after 7200s)"):
        assert line in first.stderr
    hits = {p: len(feed_server.hits(p)) for p in ("/gone", "/down", "/limited", "/good")}
    assert hits == {"/gone": 1, "/down": 3, "/limited": 1, "/good": 1}  # 503 retried within the run

    rows = _cli_feeds_rows(db_url)
    started = datetime.now(UTC)
    for name, rest in (("gone", timedelta(hours=6)), ("down", pipeline.BACKOFF_BASE),
                       ("limited", timedelta(hours=2))):
        assert rows[name].split()[1] == "failed" and "next run" not in rows[name]
        assert _failures(rows[name]) == 1
        when = datetime.strptime(_next_try(rows[name]), "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
        assert started + rest - timedelta(minutes=2) <= when <= started + rest + timedelta(minutes=1), (name, when)
    assert "next run" in rows["good"] and _failures(rows["good"]) == 0

    second = run_cli("run", "--feeds", str(feeds), "--db", db_url, "--workers", "4")
    assert second.returncode == 0, second.stderr
    assert "1 feeds ok, 0 not modified, 0 failed, 3 skipped (backing off)" in second.stdout
    again = {p: len(feed_server.hits(p)) for p in hits}
    assert again == {**hits, "/good": 2}  # the failing servers were not contacted at all

    forced = run_cli("run", "--feeds", str(feeds), "--db", db_url, "--only", "gone", "--force")
    assert forced.returncode == 1 and "failed: gone: HTTP 410 Gone" in forced.stderr  # every feed failed
    assert len(feed_server.hits("/gone")) == 2
    rows = _cli_feeds_rows(db_url, capsys)
    assert {name: _failures(line) for name, line in rows.items()} == {"gone": 2, "down": 1, "limited": 1, "good": 0}


def _failures(line: str) -> int:
    """The consecutive-failures column of a `feeds` row (the number right before next_try)."""
    return int(re.findall(r"(\d+)\s+(?:next run|\d{4}-\d\d-\d\d \d\d:\d\d UTC)", line)[-1])


def _next_try(line: str) -> str:
    """The 'YYYY-MM-DD HH:MM' of the next_try column in a `feeds` row."""
    stamps = re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d", line)
    return stamps[-1]  # columns: last_fetch, newest_item (if any), next_try


def test_a_flapping_feed_waits_longer_each_time_and_is_contacted_only_when_due(feed_server, engine):
    url = feed_server.route("/flaky", Response(500))
    spec = [FeedSpec("flaky", url)]
    settings = FetchSettings(retries=0, backoff=0, deadline=5)
    clock = [NOW]
    tried = []
    for minutes in (0, 5, 14, 16, 30, 45, 47, 100, 108):
        clock[0] = NOW + timedelta(minutes=minutes)
        (out,) = pipeline.run(engine, spec, settings=settings, now=lambda: clock[0]).outcomes
        if out.status == "failed":
            tried.append(minutes)
    # Waits of 15, 30 and 60 minutes after the 1st, 2nd and 3rd failure.
    assert tried == [0, 16, 47, 108]
    assert len(feed_server.hits("/flaky")) == len(tried)
    health = feed_health(engine, now=clock[0]).set_index("feed")
    assert health.loc["flaky", "failures"] == 4
    assert health.loc["flaky", "next_try"] == (clock[0] + 8 * pipeline.BACKOFF_BASE).strftime("%Y-%m-%d %H:%M UTC")

