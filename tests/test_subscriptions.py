"""Saved views: a run publishes each view's new and changed acts to its Atom file and webhook.

Feeds and webhook receivers are served on 127.0.0.1; backoff waits go to a fake sleep."""

from __future__ import annotations

import html
import json
import threading
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import feedparser
import pytest
from helpers.feeds import rss, rss_item
from helpers.feedserver import FeedServer, Response
from helpers.hostile import one_line
from helpers.sockets import silent_port

from ingest import pipeline, store
from ingest.cli import main
from ingest.sources.feedlist import FeedSpec
from ingest.sources.fetch import FetchSettings
from ingest.store import subscriptions as subs
from ingest.subscriptions.atom import render
from ingest.subscriptions.changes import ViewAct, entries_for
from ingest.subscriptions.publish import ViewError, add_view, feed_of, publish_all
from ingest.subscriptions.webhook import Policy, deliver
from ingest.tagging.taxonomy import default_taxonomy

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
FAST = FetchSettings(backoff=0, retries=0, deadline=10, connect_timeout=2, read_timeout=5)

FIRST = rss_item(
    "China tightens export controls on gallium and germanium",
    link="https://news.example/a1", guid="a1", pub_date="Mon, 30 Nov 2026 08:00:00 GMT",
    description="China's commerce ministry said exporters of gallium and germanium will need "
                "licences from January 1, 2027.")
SECOND = rss_item(
    "China bans gallium exports to the United States",
    link="https://news.example/a2", guid="a2", pub_date="Thu, 03 Dec 2026 08:00:00 GMT",
    description="China banned exports of gallium to the United States with immediate effect, "
                "the commerce ministry said on Thursday.")
OTHER = rss_item(
    "Australia opens consultation on lithium royalties",
    link="https://news.example/b1", guid="b1", pub_date="Tue, 01 Dec 2026 08:00:00 GMT",
    description="Western Australia said it would review lithium royalty rates next year.")


def _feeds_file(path: Path, url: str) -> Path:
    path.write_text(f'[[feeds]]\nname = "news"\nurl = "{url}"\n')
    return path


def _parsed(data: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def test_atom_is_valid_and_escapes_feed_text() -> None:
    nasty = "Tariffs & <script>alert(1)</script> \x0b “quotes” ]]> é"
    entries = [{"entry_id": "tag:minerals-tracker,2026:v/act-1/new/abc", "act_id": "act-1", "kind": "new",
                "title": f"New act: {nasty}", "content": f"<p>{html.escape(nasty)}</p>",
                "link": "https://news.example/a?x=1&y=2", "updated_at": T0}]
    parsed = _parsed(render("v & w", "country=CN&commodity=gallium", entries, T0))
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Minerals tracker: v & w"
    (e,) = parsed.entries
    assert e.id == "tag:minerals-tracker,2026:v/act-1/new/abc"
    assert e.title == "New act: Tariffs & <script>alert(1)</script>  “quotes” ]]> é"
    assert e.link == "https://news.example/a?x=1&y=2"
    assert e.updated_parsed[:6] == (2026, 12, 1, 12, 0, 0)
    assert "&lt;script&gt;" in e.content[0].value  # the HTML keeps the feed's text as text
    assert _parsed(render("empty", "", [], T0)).entries == []


def test_webhook_retries_server_errors_with_backoff(feed_server: FeedServer) -> None:
    url = feed_server.route("/hook", Response(500), Response(503), Response(204))
    sleeps: list[float] = []
    d = deliver(url, {"changes": [1]}, policy=Policy(timeout=2, tries=4, backoff=1.0, budget=60),
                sleep=sleeps.append)
    assert d.ok and d.attempts == 3 and d.status == 204
    assert sleeps == [1.0, 2.0]  # exponential
    posts = feed_server.hits("/hook")
    assert [p.method for p in posts] == ["POST"] * 3
    assert json.loads(posts[-1].body) == {"changes": [1]}
    assert posts[-1].headers["content-type"] == "application/json"


def test_webhook_gives_up_on_a_client_error_and_on_a_bad_url(feed_server: FeedServer) -> None:
    url = feed_server.route("/hook", Response(404))
    sleeps: list[float] = []
    d = deliver(url, {}, sleep=sleeps.append)
    assert not d.ok and d.attempts == 1 and d.error == "HTTP 404 after 1 try" and sleeps == []
    assert deliver("ftp://x.example/h", {}).error.startswith("not an http(s) URL")


def test_webhook_timeouts_stay_within_the_budget() -> None:
    sleeps: list[float] = []
    now = [0.0]

    def clock() -> float:
        return now[0]

    def sleep(s: float) -> None:
        sleeps.append(s)
        now[0] += s

    with silent_port() as port:  # accepted, never answered: every try times out
        d = deliver(f"http://127.0.0.1:{port}/hook", {}, policy=Policy(timeout=0.2, tries=5, backoff=1.0,
                                                                       budget=4.0), sleep=sleep, clock=clock)
    assert not d.ok and "Timeout" in (d.error or "")
    assert sleeps == [1.0, 2.0] and d.attempts == 3  # a third wait (4s) would pass the 4s budget


def test_bad_views_are_refused_in_one_line(engine) -> None:
    with pytest.raises(ViewError, match="country 'Narnia' is not a known country"):
        add_view(engine, "x", "country=Narnia")
    with pytest.raises(ViewError, match="view name"):
        add_view(engine, "../etc", "country=CN")
    with pytest.raises(ViewError, match="not an http"):
        add_view(engine, "x", "country=CN", "file:///etc/passwd")
    with pytest.raises(ViewError, match="no view named 'nope'"):
        feed_of(engine, "nope")


def test_a_new_matching_report_reaches_the_feed_file_and_the_webhook(
        db_url, feed_server, tmp_path, monkeypatch, capsys) -> None:
    out = tmp_path / "subs"
    monkeypatch.setenv("TRACKER_SUBSCRIPTIONS_DIR", str(out))
    feed_url = feed_server.route("/feed.xml", Response(200, rss(FIRST, OTHER)))
    hook = feed_server.route("/hook", Response(200, b"ok"))
    feeds = _feeds_file(tmp_path / "feeds.toml", feed_url)
    run = ["run", "--feeds", str(feeds), "--db", db_url, "--workers", "1"]
    assert main(run) == 0
    assert main(["subscriptions", "add", "cn-gallium", "country=China&commodity=gallium",
                 "--webhook", hook, "--db", db_url]) == 0
    assert main(["subscriptions", "add", "au", "country=AU", "--db", db_url]) == 0
    assert "cn-gallium" in capsys.readouterr().out
    assert _parsed((out / "cn-gallium.atom").read_bytes()).entries == []  # today's acts: the baseline

    feed_server.route("/feed.xml", Response(200, rss(FIRST, SECOND, OTHER)))
    assert main(run) == 0
    assert "view cn-gallium: " in capsys.readouterr().err
    entries = _parsed((out / "cn-gallium.atom").read_bytes()).entries
    assert entries and all(e.id.startswith("tag:minerals-tracker,2026:cn-gallium/act-") for e in entries)
    assert any("https://news.example/a2" in e.content[0].value for e in entries)
    assert any("gallium" in e.content[0].value.lower() for e in entries)
    assert _parsed((out / "au.atom").read_bytes()).entries == []  # nothing new for Australia
    (post,) = feed_server.hits("/hook")
    body = json.loads(post.body)
    assert body["subscription"] == "cn-gallium" and body["query"] == "country=CN&commodity=gallium"
    assert {c["id"] for c in body["changes"]} == {e.id for e in entries}

    capsys.readouterr()
    assert main(run) == 0  # nothing new: no entry, no POST
    assert "view cn-gallium" not in capsys.readouterr().err
    assert len(_parsed((out / "cn-gallium.atom").read_bytes()).entries) == len(entries)
    assert len(feed_server.hits("/hook")) == 1

    assert main(["subscriptions", "atom", "cn-gallium", "--db", db_url]) == 0
    assert capsys.readouterr().out.encode() == (out / "cn-gallium.atom").read_bytes()
    assert main(["subscriptions", "list", "--db", db_url]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].split() == ["name", "query", "last", "fired", "entries", "webhook"]
    row = next(line for line in listing if line.startswith("cn-gallium"))
    assert "country=CN&commodity=gallium" in row and " ok " in row and f" {len(entries)} " in row
    assert main(["subscriptions", "remove", "au", "--db", db_url]) == 0
    assert not (out / "au.atom").exists()


def test_a_failing_webhook_is_retried_recorded_and_does_not_fail_ingest(
        engine, feed_server, tmp_path) -> None:
    feed_url = feed_server.route("/feed.xml", Response(200, rss(FIRST)))
    release = threading.Event()

    def hang(conn, stop) -> None:  # a receiver that never answers
        release.wait(5)

    hook = feed_server.route("/hook", Response(500), Response(raw=hang))
    spec = [FeedSpec("news", feed_url)]
    assert pipeline.run(engine, spec, settings=FAST, workers=1).count("ok") == 1
    add_view(engine, "cn", "country=CN", hook, folder=tmp_path)
    feed_server.route("/feed.xml", Response(200, rss(FIRST, SECOND)))
    summary = pipeline.run(engine, spec, settings=FAST, workers=1)
    assert summary.count("ok") == 1
    sleeps: list[float] = []
    post = partial(deliver, sleep=sleeps.append)
    try:
        (res,) = publish_all(engine, folder=tmp_path, post=post,
                             policy=Policy(timeout=0.2, tries=3, backoff=0.5, budget=10))
    finally:
        release.set()
    assert res.error is None and res.entries >= 1  # the feed was written all the same
    assert _parsed((tmp_path / "cn.atom").read_bytes()).entries
    assert res.webhook is not None and not res.webhook.ok and res.webhook.attempts == 3
    assert sleeps == [0.5, 1.0]
    assert len(feed_server.hits("/hook")) == 3
    with engine.connect() as conn:
        view = subs.get(conn, "cn")
    assert view is not None and view["webhook_status"] == "failed" and view["webhook_failures"] == 1
    assert "Timeout" in view["webhook_error"] and "after 3 tries" in view["webhook_error"]
    from ingest.read.subscriptions import subscription_health
    health = subscription_health(engine)
    assert health.loc[0, "webhook"].startswith("failed")


def test_unknown_view_and_bad_query_exit_2_with_one_line(tmp_path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    assert main(["subscriptions", "add", "x", "commodity=unobtainium&country=Narnia", "--db", db]) == 2
    assert one_line(capsys.readouterr().err.strip()) == (
        "error: country 'Narnia' is not a known country (and 1 more)")
    assert main(["subscriptions", "atom", "nope", "--db", db]) == 2
    assert one_line(capsys.readouterr().err.strip()) == "error: no view named 'nope'; see `subscriptions list`"
    assert main(["subscriptions", "remove", "nope", "--db", db]) == 2
    assert main(["subscriptions"]) == 2
    with store.connect(db).connect() as conn:
        assert subs.all_views(conn) == []


def _act(act_id: str, status: str, reports: list[str], in_force: str = "") -> ViewAct:
    row = {"id": act_id, "type": "export_control", "status": status, "actor": "CN", "targets": ["US"],
           "commodities": ["gallium"], "headline": "China curbs gallium", "date": "2026-12-01",
           "date_label": "2026-12-01", "announced": "2026-12-01", "in_force": in_force, "ends": ""}
    reps = [{"id": r, "url": f"https://news.example/{r}", "outlet": "news.example", "headline": f"Report {r}",
             "evidence": f"Evidence of {r} <b>", "published_at": T0} for r in reports]
    return ViewAct(row, reps)


def test_one_entry_per_change_and_none_for_a_regrouped_act() -> None:
    tax = default_taxonomy()
    before = {"act-1": _act("act-1", "announced", ["r1"]).state()}
    after = {"act-1": _act("act-1", "in_effect", ["r1", "r2"], in_force="2027-01-01"),
             "act-2": _act("act-2", "announced", ["r3"])}
    entries = entries_for("v", before, after, tax, T0)
    kinds = {(e["act_id"], e["kind"]) for e in entries}
    assert kinds == {("act-1", "status"), ("act-1", "report"), ("act-1", "dates"), ("act-2", "new")}
    by = {e["kind"]: e for e in entries if e["act_id"] == "act-1"}
    assert by["status"]["title"] == "Now In effect (was Announced): China curbs gallium"
    assert by["report"]["title"] == "1 new report: China curbs gallium"
    assert "Report r2" in by["report"]["content"] and "Report r1" not in by["report"]["content"]
    assert by["report"]["link"] == "https://news.example/r2"
    assert by["dates"]["title"].startswith("Dates changed: in force 2027-01-01 (was none)")
    assert "Evidence of r2 &lt;b&gt;" in by["report"]["content"]  # feed text escaped once
    again = entries_for("v", before, after, tax, T0)
    assert [e["entry_id"] for e in again] == [e["entry_id"] for e in entries]  # stable ids
    published = {k: a.state() for k, a in after.items()}
    assert entries_for("v", published, after, tax, T0) == []  # nothing changed
    regrouped = {"act-9": _act("act-9", "announced", ["r3"])}  # act-2's report under a new id
    assert entries_for("v", published, regrouped, tax, T0) == []


def test_run_succeeds_and_says_so_when_a_webhook_refuses(db_url, feed_server, tmp_path, monkeypatch,
                                                          capsys) -> None:
    monkeypatch.setenv("TRACKER_SUBSCRIPTIONS_DIR", str(tmp_path / "subs"))
    feed_url = feed_server.route("/feed.xml", Response(200, rss(FIRST)))
    hook = feed_server.route("/hook", Response(410, b"gone"))  # final: no retry, no wait
    run = ["run", "--feeds", str(_feeds_file(tmp_path / "feeds.toml", feed_url)), "--db", db_url]
    assert main(run) == 0
    assert main(["subscriptions", "add", "cn", "country=CN", "--webhook", hook, "--db", db_url]) == 0
    feed_server.route("/feed.xml", Response(200, rss(FIRST, SECOND)))
    capsys.readouterr()
    assert main(run) == 0
    assert "view cn: webhook failed: HTTP 410 after 1 try" in capsys.readouterr().err
    assert main(["subscriptions", "list", "--db", db_url]) == 0
    assert "failed x1" in capsys.readouterr().out and len(feed_server.hits("/hook")) == 1
