"""Politeness per host (a fake clock: no test sleeps) and, with TRACKER_FETCH_ARTICLES=1, article
pages of relevant headline-only items: robots.txt honoured, the feed fetch's caps, main text by
trafilatura, events re-tagged on it. Pages are served from 127.0.0.1."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from helpers.feedserver import Response
from sqlalchemy import select

from ingest import pipeline, store
from ingest.sources import articles
from ingest.sources.feedlist import FeedSpec
from ingest.sources.fetch import FetchSettings, fetch_http, make_client
from ingest.sources.net import HOST_MIN_INTERVAL_S, HostGate
from ingest.tagging.tagger import Tagger

needs_extractor = pytest.mark.skipif(importlib.util.find_spec("trafilatura") is None,
                                     reason="the optional extractor (pip install -e '.[articles]') is missing")
HEADLINE = "China puts seven medium and heavy rare earths under export licences"
PAGE_SENTENCE = ("The Ministry of Commerce imposed export controls on samarium, gadolinium, terbium, "
                 "dysprosium, lutetium, scandium and yttrium on April 4, 2025.")
PAGE = (f"<html><head><title>{HEADLINE}</title></head><body><nav>Home | Markets | Subscribe</nav>"
        f"<article><h1>{HEADLINE}</h1><p>{PAGE_SENTENCE}</p><p>Traders said shipments from Chinese "
        "ports slowed at once while exporters filed their first applications with the ministry, "
        "which has 45 working days to decide on each.</p></article><footer>(c) Ore Review</footer>"
        "</body></html>").encode()


class FakeClock:
    """A monotonic clock that only moves when something sleeps on it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_gdelt_gets_five_seconds_between_requests_whatever_the_feed_list_says() -> None:
    clock = FakeClock()
    gate = HostGate(clock=clock, sleep=clock.sleep)
    assert HOST_MIN_INTERVAL_S["api.gdeltproject.org"] >= 5
    for _ in range(3):
        with gate.hold("api.gdeltproject.org", 0.0):
            clock.now += 0.5  # the request itself
    assert clock.sleeps == [5.0, 5.0]
    with gate.hold("news.google.com", 0.0):  # another host does not wait
        pass
    assert clock.sleeps == [5.0, 5.0]


def test_the_largest_interval_asked_for_a_host_holds_for_all_its_feeds() -> None:
    clock = FakeClock()
    gate = HostGate(clock=clock, sleep=clock.sleep, floors={})
    with gate.hold("feeds.example", 7.0):
        pass
    with gate.hold("FEEDS.example", 0.0):  # a feed that asked for nothing, same host
        pass
    assert clock.sleeps == [7.0]


def test_a_run_spaces_requests_to_an_aggregator_host(feed_server, engine) -> None:
    clock = FakeClock()
    gate = HostGate(clock=clock, sleep=clock.sleep, floors={"127.0.0.1": 5.0})
    body = b'<rss version="2.0"><channel><title>t</title></channel></rss>'
    specs = [FeedSpec(f"f{i}", feed_server.feed(f"/f{i}", body)) for i in range(3)]
    summary = pipeline.run(engine, specs, tagger=Tagger(), gate=gate, workers=3)
    assert summary.count("ok") == 3
    assert clock.sleeps == [5.0, 5.0]  # the three feeds one after the other, 5 s apart


# --- article pages ---------------------------------------------------------------------------


def _feed(items: list[tuple[str, str]]) -> bytes:
    """A GDELT-style RSS list: title, link and date only (headline-only items)."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>Fri, 04 Apr 2025 11:45:00 GMT"
                   "</pubDate></item>" for t, link in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>GDELT</title>{body}</channel></rss>'.encode()


@pytest.fixture
def tagger() -> Tagger:
    return Tagger()


@pytest.fixture
def gate() -> HostGate:
    clock = FakeClock()
    return HostGate(clock=clock, sleep=clock.sleep)


@needs_extractor
def test_relevant_headline_only_items_are_tagged_on_their_page(feed_server, db_url, tagger, gate,
                                                               monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_FETCH_ARTICLES", "1")
    feed_server.route("/robots.txt", Response(body=b"User-agent: *\nDisallow: /private/\n",
                                              headers={"Content-Type": "text/plain"}))
    feed_server.route("/news/seven", Response(body=PAGE, headers={"Content-Type": "text/html; charset=utf-8"}))
    feed_server.route("/private/seven", Response(body=PAGE, headers={"Content-Type": "text/html"}))
    feed = feed_server.feed("/gdelt", _feed([
        (HEADLINE, feed_server.url("/news/seven")),
        (HEADLINE.replace("seven", "7"), feed_server.url("/private/seven")),
        ("Shipping rates ease in the Baltic", feed_server.url("/news/shipping")),  # not relevant
    ]))
    engine = store.connect(db_url)
    pipeline.run(engine, [FeedSpec("gdelt", feed)], tagger=tagger, gate=gate)
    a, ea = store.articles, store.event_articles
    with engine.connect() as conn:
        rows = {urlsplit(r.canonical_url).path: r for r in conn.execute(select(a))}
        cited = [r.evidence for r in conn.execute(select(ea))]
    fetched = rows["/news/seven"]
    assert fetched.headline_only and PAGE_SENTENCE in fetched.page_text
    assert "Subscribe" not in fetched.page_text  # the page's main text only
    assert any(PAGE_SENTENCE in e for e in cited)  # an event rests on the page's sentence
    assert "terbium" in fetched.commodities and "terbium" not in fetched.title
    assert rows["/private/seven"].page_text is None and not feed_server.hits("/private/seven")
    assert not feed_server.hits("/news/shipping")  # irrelevant items are not fetched
    assert len(feed_server.hits("/robots.txt")) == 1
    assert feed_server.hits("/news/seven")[0].headers["accept"].startswith("text/html")
    pipeline.run(engine, [FeedSpec("gdelt", feed)], tagger=tagger, gate=gate, force=True)
    assert len(feed_server.hits("/news/seven")) == 1  # a stored article's page is not fetched again
    engine.dispose()


def test_pages_are_not_fetched_by_default(feed_server, engine, tagger, gate, monkeypatch) -> None:
    monkeypatch.delenv("TRACKER_FETCH_ARTICLES", raising=False)
    feed = feed_server.feed("/gdelt", _feed([(HEADLINE, feed_server.url("/news/seven"))]))
    pipeline.run(engine, [FeedSpec("gdelt", feed)], tagger=tagger, gate=gate)
    assert not feed_server.hits("/robots.txt") and not feed_server.hits("/news/seven")


@pytest.fixture
def fetch(feed_server, gate):
    client = make_client(2)
    settings = replace(FetchSettings(max_bytes=len(PAGE) + 100), accept=articles.PAGE_ACCEPT)
    yield lambda url: fetch_http(url, client=client, settings=settings, gate=gate, min_interval_s=2.0)
    client.close()


@pytest.mark.parametrize("status, allowed", [(404, True), (410, True), (403, False), (401, False),
                                             (500, False)])
def test_robots_txt_answers(feed_server, fetch, status, allowed) -> None:
    feed_server.route("/robots.txt", Response(status=status))
    assert articles.Robots(fetch).allows(feed_server.url("/news/a")) is allowed


@needs_extractor
def test_pages_keep_the_feed_fetchs_limits(feed_server, fetch) -> None:
    feed_server.route("/robots.txt", Response(status=404))
    feed_server.route("/big", Response(body=PAGE + b" " * 200, headers={"Content-Type": "text/html"}))
    feed_server.route("/pdf", Response(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}))
    feed_server.route("/ok", Response(body=PAGE, headers={"Content-Type": "text/html"}))
    robots = articles.Robots(fetch)
    assert articles.page_text(feed_server.url("/big"), fetch, robots) == ""  # over the size cap
    assert articles.page_text(feed_server.url("/pdf"), fetch, robots) == ""  # not a page
    assert PAGE_SENTENCE in articles.page_text(feed_server.url("/ok"), fetch, robots)


def test_only_the_publishers_own_link_is_fetched() -> None:
    from ingest.records import ArticleRecord, TaggedArticle

    when = datetime(2025, 4, 4, tzinfo=UTC)
    rec = ArticleRecord("1", "https://news.google.com/rss/articles/CBMi?oc=5", None, HEADLINE, "", when,
                        "published", "pacificorereview.example", "en", "Pacific Ore Review", True)
    assert not articles.wants_page(TaggedArticle(rec, True))  # an opaque redirect: never followed
    own = replace(rec, canonical_url="https://www.pacificorereview.example/a")
    assert articles.wants_page(TaggedArticle(own, True))
    assert not articles.wants_page(TaggedArticle(own, False))
    assert not articles.wants_page(TaggedArticle(replace(own, headline_only=False), True))
