"""Fetching over HTTP: validators, compression, redirects, retries, caps, politeness.

Every response comes from the in-process server on 127.0.0.1; retries never really wait
(backoff=0 and an injected sleep that records the delays it was asked for).
"""

from __future__ import annotations

import contextlib
import gzip
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from helpers.feeds import rss, rss_item
from helpers.feedserver import Request, Response
from sqlalchemy import select

from ingest import store
from ingest.pipeline import run
from ingest.sources.feedlist import FeedSpec
from ingest.sources.fetch import USER_AGENT, FetchSettings, HostGate, fetch_file, fetch_http

FAST = FetchSettings(backoff=0, retries=2, deadline=10, connect_timeout=2, read_timeout=5)
BODY = rss(rss_item("Gallium export curbs", link="https://news.example/a", guid="urn:a",
                    pub_date="Mon, 03 Nov 2025 09:00:00 +0000"))
ETAG = '"v1"'
LAST_MODIFIED = "Mon, 03 Nov 2025 09:00:00 GMT"


@pytest.fixture
def client():
    with httpx.Client(trust_env=False) as c:
        yield c


class Sleeps(list):
    """An injected sleep: records each delay instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def conditional(req: Request) -> Response:
    """200 with validators, or 304 when the client sends them back."""
    if req.headers.get("if-none-match") == ETAG or req.headers.get("if-modified-since") == LAST_MODIFIED:
        return Response(304, headers={"ETag": ETAG})
    return Response(200, BODY, {"Content-Type": "application/rss+xml", "ETag": ETAG,
                                "Last-Modified": LAST_MODIFIED})


# --- validators and 304 ---------------------------------------------------------------------


def test_200_returns_body_and_validators(feed_server, client):
    url = feed_server.route("/feed", conditional)
    r = fetch_http(url, client=client, settings=FAST)
    assert r.status == "ok" and r.http_status == 200
    assert r.content == BODY
    assert (r.etag, r.last_modified) == (ETAG, LAST_MODIFIED)
    sent = feed_server.hits("/feed")[0].headers
    assert "if-none-match" not in sent and "if-modified-since" not in sent


def test_conditional_get_gives_not_modified(feed_server, client):
    url = feed_server.route("/feed", conditional)
    r = fetch_http(url, client=client, etag=ETAG, last_modified=LAST_MODIFIED, settings=FAST)
    assert r.status == "not_modified" and r.http_status == 304 and r.content == b""
    sent = feed_server.hits("/feed")[0].headers
    assert sent["if-none-match"] == ETAG
    assert sent["if-modified-since"] == LAST_MODIFIED


def test_second_run_sends_validators_and_304_writes_nothing(feed_server, engine):
    url = feed_server.route("/feed", conditional)
    spec = FeedSpec("conditional", url)

    first = run(engine, [spec], workers=1, settings=FAST)
    assert [o.status for o in first.outcomes] == ["ok"]
    assert first.new_articles == 1
    with engine.connect() as conn:
        row = conn.execute(select(store.feeds).where(store.feeds.c.name == "conditional")).mappings().one()
    assert (row["etag"], row["last_modified"]) == (ETAG, LAST_MODIFIED)
    before = store.counts(engine)

    second = run(engine, [spec], workers=1, settings=FAST)
    assert [o.status for o in second.outcomes] == ["not_modified"]
    sent = feed_server.hits("/feed")[1].headers
    assert sent["if-none-match"] == ETAG
    assert sent["if-modified-since"] == LAST_MODIFIED

    after = store.counts(engine)
    assert after["fetch_log"] == before["fetch_log"] + 1
    assert {k: v for k, v in after.items() if k != "fetch_log"} == \
        {k: v for k, v in before.items() if k != "fetch_log"}
    with engine.connect() as conn:
        log = conn.execute(select(store.fetch_log.c.status, store.fetch_log.c.http_status,
                                  store.fetch_log.c.new_articles)
                           .order_by(store.fetch_log.c.id)).all()
        row = conn.execute(select(store.feeds).where(store.feeds.c.name == "conditional")).mappings().one()
    assert [tuple(r) for r in log] == [("ok", 200, 1), ("not_modified", 304, 0)]
    assert row["last_status"] == "not_modified"
    assert row["etag"] == ETAG  # a 304 keeps the validators


def test_local_file_unchanged_is_not_modified(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(BODY)
    first = fetch_file(str(path), etag=None, settings=FAST)
    assert first.status == "ok" and first.content == BODY and first.etag
    again = fetch_file(str(path), etag=first.etag, settings=FAST)
    assert again.status == "not_modified"
    missing = fetch_file(str(tmp_path / "nope.xml"), etag=None, settings=FAST)
    assert missing.status == "failed" and "cannot read file" in missing.error


# --- body encoding and size -----------------------------------------------------------------


def test_gzip_body_is_decoded(feed_server, client):
    url = feed_server.route("/gz", Response(200, gzip.compress(BODY), {
        "Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}))
    r = fetch_http(url, client=client, settings=FAST)
    assert r.status == "ok"
    assert r.content == BODY
    assert "content-encoding" not in r.headers  # feedparser must not decode it again
    assert "gzip" in feed_server.hits("/gz")[0].headers["accept-encoding"]


def test_corrupt_gzip_fails_with_one_line(feed_server, client):
    url = feed_server.route("/badgz", Response(200, b"not gzip at all", {"Content-Encoding": "gzip"}))
    r = fetch_http(url, client=client, settings=FAST)
    assert r.status == "failed" and r.final
    assert "decode" in r.error and "\n" not in r.error


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-length"])
def test_size_cap_aborts_large_body(feed_server, client, declared):
    big = b"<rss>" + b"x" * 50_000 + b"</rss>"
    url = feed_server.route("/big", Response(200, big, {"Content-Type": "application/rss+xml"},
                                             length=declared))
    r = fetch_http(url, client=client, settings=FetchSettings(max_bytes=10_000, backoff=0))
    assert r.status == "failed"
    assert r.final and r.attempts == 1
    assert "10,000-byte size cap" in r.error
    assert "\n" not in r.error
    assert r.content == b""


def test_gzip_bomb_hits_the_cap_on_decoded_size(feed_server, client):
    bomb = gzip.compress(b" " * 200_000)
    assert len(bomb) < 10_000
    url = feed_server.route("/bomb", Response(200, bomb, {"Content-Encoding": "gzip"}))
    r = fetch_http(url, client=client, settings=FetchSettings(max_bytes=10_000, backoff=0))
    assert r.status == "failed" and "size cap" in r.error


# --- redirects ------------------------------------------------------------------------------


def _chain(feed_server, hops: int) -> str:
    """/r0 -> /r1 -> ... -> /r{hops} which serves the feed."""
    for i in range(hops):
        feed_server.route(f"/r{i}", Response(302, headers={"Location": f"/r{i + 1}"}))
    feed_server.route(f"/r{hops}", Response(200, BODY, {"Content-Type": "application/rss+xml"}))
    return feed_server.url("/r0")


def test_five_redirects_are_followed(feed_server, client):
    url = _chain(feed_server, 5)
    r = fetch_http(url, client=client, settings=FAST)
    assert r.status == "ok" and r.content == BODY
    assert r.headers["content-location"] == feed_server.url("/r5")
    assert [q.path for q in feed_server.requests] == [f"/r{i}" for i in range(6)]


def test_six_redirects_fail_with_one_line(feed_server, client):
    url = _chain(feed_server, 6)
    r = fetch_http(url, client=client, settings=FAST)
    assert r.status == "failed" and r.final
    assert r.error == "more than 5 redirects (loop?)"
    assert len(feed_server.requests) == 6  # not retried, and /r6 never requested
    assert feed_server.hits("/r6") == []


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml"])
def test_redirect_to_other_scheme_is_refused(feed_server, client, target):
    url = feed_server.route("/evil", Response(301, headers={"Location": target}))
    r = fetch_http(url, client=client, settings=FAST)
    assert r.status == "failed" and r.final
    assert r.error.startswith("refused to follow a redirect to")
    assert target in r.error and "\n" not in r.error
    assert len(feed_server.requests) == 1


# --- HTTP errors and retries ----------------------------------------------------------------


@pytest.mark.parametrize("status,reason", [(404, "Not Found"), (410, "Gone")])
def test_gone_fails_without_retry(feed_server, client, status, reason):
    url = feed_server.route("/gone", Response(status))
    sleeps = Sleeps()
    r = fetch_http(url, client=client, settings=FAST, sleep=sleeps)
    assert r.status == "failed" and r.http_status == status
    assert r.error == f"HTTP {status} {reason}"
    assert r.attempts == 1 and len(feed_server.requests) == 1 and sleeps == []


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_retried_then_fail(feed_server, client, status):
    url = feed_server.route("/flaky", Response(status))
    sleeps = Sleeps()
    settings = FetchSettings(retries=2, backoff=0.25, deadline=10)
    r = fetch_http(url, client=client, settings=settings, sleep=sleeps)
    assert r.status == "failed" and r.http_status == status
    assert r.error.startswith(f"HTTP {status} ")
    assert r.attempts == 3 and len(feed_server.requests) == 3
    assert sleeps == [0.25, 0.5]  # exponential backoff, injected: no real waiting


def test_server_error_then_success(feed_server, client):
    url = feed_server.route("/recovers", Response(503), Response(200, BODY))
    r = fetch_http(url, client=client, settings=FAST, sleep=Sleeps())
    assert r.status == "ok" and r.attempts == 2 and r.content == BODY


def test_429_with_retry_after_zero_then_200(feed_server, client):
    url = feed_server.route("/limited", Response(429, headers={"Retry-After": "0"}),
                            Response(200, BODY, {"Content-Type": "application/rss+xml"}))
    sleeps = Sleeps()
    r = fetch_http(url, client=client, settings=FAST, sleep=sleeps)
    assert r.status == "ok" and r.content == BODY
    assert r.attempts == 2 and sleeps == [0.0]


def test_429_with_long_retry_after_fails_at_once(feed_server, client):
    url = feed_server.route("/later", Response(429, headers={"Retry-After": "3600"}))
    sleeps = Sleeps()
    r = fetch_http(url, client=client, settings=FAST, sleep=sleeps)
    assert r.status == "failed" and r.retry_after == 3600
    assert "retry after 3600s" in r.error
    assert r.attempts == 1 and sleeps == []


def test_connection_refused_is_a_one_line_failure(client):
    # A port we bound and closed: nothing listens there.
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = fetch_http(f"http://127.0.0.1:{port}/feed", client=client,
                   settings=FetchSettings(retries=0, backoff=0))
    assert r.status == "failed"
    assert r.error.startswith("cannot connect to 127.0.0.1") and "\n" not in r.error


# --- politeness -----------------------------------------------------------------------------


def test_user_agent_names_the_project(feed_server, client):
    url = feed_server.route("/ua", Response(200, BODY))
    fetch_http(url, client=client, settings=FAST)
    ua = feed_server.hits("/ua")[0].headers["user-agent"]
    assert ua == USER_AGENT
    assert ua.startswith("minerals-tracker/")


def _overlap_probe(feed_server, paths: list[str], parties: int) -> None:
    """Each request waits (briefly) for `parties` requests to be in flight at once."""
    barrier = threading.Barrier(parties)

    def hold(req: Request) -> Response:
        with contextlib.suppress(threading.BrokenBarrierError):  # the gate let only one in
            barrier.wait(timeout=0.3)
        return Response(200, BODY)

    for p in paths:
        feed_server.route(p, hold)


def _fetch_all(feed_server, client, paths: list[str], gate: HostGate | None) -> list[str]:
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        futures = [pool.submit(fetch_http, feed_server.url(p), client=client, settings=FAST,
                               gate=gate) for p in paths]
        return [f.result().status for f in futures]


def test_without_gate_requests_overlap(feed_server, client):
    # The control for the next test: the probe does see concurrent requests to one host.
    paths = ["/a", "/b", "/c"]
    _overlap_probe(feed_server, paths, parties=3)
    assert _fetch_all(feed_server, client, paths, gate=None) == ["ok"] * 3
    assert feed_server.max_active == 3


def test_host_gate_serialises_requests_to_one_host(feed_server, client):
    paths = ["/a", "/b", "/c"]
    _overlap_probe(feed_server, paths, parties=2)
    assert _fetch_all(feed_server, client, paths, gate=HostGate()) == ["ok"] * 3
    assert feed_server.max_active == 1
    assert len(feed_server.requests) == 3


def test_host_gate_spaces_requests_by_min_interval():
    gate = HostGate()
    stamps: list[float] = []
    import time

    for _ in range(3):
        with gate.hold("feeds.example", 0.05):
            stamps.append(time.monotonic())
    gaps = [b - a for a, b in zip(stamps, stamps[1:], strict=False)]
    assert all(g >= 0.049 for g in gaps), gaps
    with gate.hold("other.example", 0.05):  # another host does not wait
        assert time.monotonic() - stamps[-1] < 0.05


def test_pipeline_records_http_failure_reason(feed_server, engine):
    url = feed_server.route("/missing", Response(404))
    summary = run(engine, [FeedSpec("missing", url)], workers=1, settings=FAST,
                  now=lambda: datetime(2025, 11, 3, 12, tzinfo=UTC))
    (out,) = summary.outcomes
    assert out.status == "failed" and out.error == "HTTP 404 Not Found"
    # A 404 is likely permanent: the feed rests for at least six hours.
    assert out.next_attempt_at >= datetime(2025, 11, 3, 12, tzinfo=UTC) + timedelta(hours=6)


# --- validators that cannot be sent back ------------------------------------------------------

# What a server may send (http.server writes each character as one latin-1 byte): UTF-8 bytes,
# latin-1, a non-breaking space, an endless tag.
BAD_SENT = ['"caf\u00c3\u00a9"', '"caf\u00e9"', 'W/"\u00ff\u00fe"', '"v1"\u00a0', '"' + "x" * 2000 + '"']
# What an older version may have stored: anything at all.
BAD_STORED = BAD_SENT + ['"\u2603"', '"a\x01b"', '"a\r\nX-Injected: 1"', '"\x7f"', '"\u202e"', ""]


@pytest.mark.parametrize("bad", BAD_SENT, ids=range(len(BAD_SENT)))
@pytest.mark.parametrize("header", ["ETag", "Last-Modified"])
def test_a_validator_that_is_not_ascii_is_not_stored_and_later_runs_fetch(feed_server, engine, header, bad):
    url = feed_server.route("/feed", Response(200, BODY, {"Content-Type": "application/rss+xml", header: bad}))
    spec = [FeedSpec("odd-validator", url)]
    for n in (1, 2, 3):
        (out,) = run(engine, spec, workers=1, settings=FAST).outcomes
        assert out.status == "ok", out
        assert out.warning == f"ignored the {header} sent: not visible ASCII"
        assert len(feed_server.hits("/feed")) == n
        sent = feed_server.hits("/feed")[-1].headers
        assert "if-none-match" not in sent and "if-modified-since" not in sent
    with engine.connect() as conn:
        row = conn.execute(select(store.feeds).where(store.feeds.c.name == "odd-validator")).mappings().one()
    assert (row["etag"], row["last_modified"]) == (None, None)


@pytest.mark.parametrize("bad", BAD_STORED, ids=range(len(BAD_STORED)))
def test_a_stored_bad_validator_never_blocks_a_fetch(feed_server, engine, bad):
    url = feed_server.route("/feed", conditional)
    spec = [FeedSpec("stored-bad", url)]
    run(engine, spec, workers=1, settings=FAST)
    with engine.begin() as conn:  # as if an older version had stored it
        conn.execute(store.feeds.update().where(store.feeds.c.name == "stored-bad")
                     .values(etag=bad, last_modified=bad, last_status="failed",
                             next_attempt_at=datetime(2999, 1, 1, tzinfo=UTC)))
    forced = run(engine, spec, workers=1, settings=FAST, force=True)
    assert [o.status for o in forced.outcomes] == ["ok"], forced.outcomes
    sent = feed_server.hits("/feed")[-1].headers
    assert "if-none-match" not in sent and "if-modified-since" not in sent
    # A usable validator came back with that 200: the next run is a plain conditional GET.
    (again,) = run(engine, spec, workers=1, settings=FAST).outcomes
    assert again.status == "not_modified"
