"""Aggregator feeds (Google News, GDELT, Bing) against tests/fixtures/aggregators/expected.json:
the outlet behind each item, the headline without " - Outlet", headline-only items, and one
stored article per story whatever the feeds and their order, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from ingest import pipeline, store
from ingest.records import ArticleRecord, TaggedArticle
from ingest.sources.feedlist import FeedSpec
from ingest.sources.outlets import (
    SEPARATORS,
    attribute,
    is_link_block,
    name_matches_domain,
    split_domain_suffix,
    unwrap_link,
)
from ingest.sources.parse import parse_feed
from ingest.stories import headline_key, headline_words, registrable_domain
from ingest.tagging.tagger import Tagger

FIXTURES = Path(__file__).parent / "fixtures" / "aggregators"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
ITEMS = EXPECTED["items"]
FEEDS = ["gdelt-critical-minerals.xml", "gdelt-critical-minerals.json", "google-news-rare-earths.xml",
         "google-news-cobalt.xml", "outlet-harbour-ledger.rss", "outlet-meridian-wire.atom"]
TYPES = {".xml": "application/rss+xml", ".json": "application/json", ".rss": "application/rss+xml",
         ".atom": "application/atom+xml"}
FETCHED = datetime(2026, 1, 5, tzinfo=UTC)


def _parsed(feed: str):
    body = (FIXTURES / feed).read_bytes()
    out = parse_feed(body, {"content-type": TYPES[Path(feed).suffix]}, f"https://feeds.example/{feed}", FETCHED)
    assert out.error is None, out.error
    return out


def _record(item: dict):
    """The parsed record of one expected item (by guid, else by link)."""
    arts = _parsed(item["feed"]).articles
    if item.get("guid"):
        found = [a for a in arts if a.guid == item["guid"]]
    else:
        found = [a for a in arts if a.canonical_url == item["link"]]
    assert len(found) == 1, item
    return found[0]


def test_expected_covers_every_item_of_every_fixture() -> None:
    assert len(ITEMS) == 47
    for feed in FEEDS:
        assert len(_parsed(feed).articles) == sum(i["feed"] == feed for i in ITEMS), feed


@pytest.mark.parametrize("item", ITEMS, ids=lambda i: f"{i['feed']}:{i['story']}")
def test_each_item_names_its_outlet_and_keeps_a_clean_headline(item: dict) -> None:
    a = _record(item)
    assert a.source_domain == item["outlet_domain"]
    assert a.headline_only is item["headline_only"]
    if item["title_in_feed"].startswith(item["headline"]):  # only a suffix to cut
        assert a.title == item["headline"]
    else:  # GDELT's own rendering of the headline (Title Case, curly quotes, "Oct 16")
        assert headline_words(a.title) == headline_words(item["headline"])
    assert not any(a.title.endswith(sep + item["outlet_name"]) for sep in SEPARATORS)
    if item["format"].startswith("google") or item["feed"].startswith("outlet"):
        assert a.outlet_name == item["outlet_name"]  # the feed names it
    else:
        assert a.outlet_name in ("", item["outlet_name"])  # GDELT names no outlet
    if a.headline_only:
        assert a.summary == ""  # Google's link block and related stories are not text
    for other in item.get("related_outlets", []):
        assert other not in a.title + a.summary
    if a.canonical_url and "news.google.com" not in a.canonical_url:
        assert a.canonical_url == item["publisher_url"]  # utm_ parameters dropped


def test_gdelt_json_gives_language_codes() -> None:
    langs = {a.source_domain: a.language for a in _parsed("gdelt-critical-minerals.json").articles}
    assert langs["courrierdesmetaux.example"] == "fr" and langs["meridianwire.example"] == "en"


@pytest.mark.parametrize("title, name, domain, headline", [
    ("DRC keeps cobalt export halt for three more months - Mining - Weekly Review", "", "miningweeklyreview.example",
     "DRC keeps cobalt export halt for three more months"),
    ("Congo halts cobalt exports | Harbour Ledger", "", "harbourledger.example", "Congo halts cobalt exports"),
    ("Beijing tightens graphite export checks - South China Morning Post", "", "scmp.com",
     "Beijing tightens graphite export checks"),
    ("Cobalt price steadies - The Alloy Observer", "", "alloyobserver.example", "Cobalt price steadies"),
    ("Quotas replace ban - exports to resume - Copperbelt Courier", "Copperbelt Courier", "copperbeltcourier.example",
     "Quotas replace ban - exports to resume"),
    ("Ministry sets export quota - shipments resume next month", "", "ministry.example",  # no outlet named
     "Ministry sets export quota - shipments resume next month"),
    ("Tariff - Reuters", "Reuters", "reuters.com", "Tariff - Reuters"),  # never cut to one word
])
def test_outlet_suffix_is_cut_only_when_it_names_the_outlet(title, name, domain, headline) -> None:
    assert attribute(title, f"https://www.{domain}/a", source_name=name).title == headline


def test_names_match_domains_by_letters_or_initials() -> None:
    assert name_matches_domain("MINING.COM", "mining.com")
    assert name_matches_domain("Financial Times", "ft.com")
    assert not name_matches_domain("shipments to restart mid-October", "copperbeltcourier.example")
    assert split_domain_suffix("A B C D - Weekly Review", "miningweeklyreview.example") == (
        "A B C D - Weekly Review", "")


def test_registrable_domains_group_a_sites_hosts() -> None:
    assert registrable_domain("news.bbc.co.uk") == "bbc.co.uk"
    assert registrable_domain("www.harbourledger.example") == "harbourledger.example"
    assert registrable_domain("127.0.0.1") == "127.0.0.1"


def test_bing_items_are_unwrapped_and_attributed() -> None:
    """Bing News RSS: the publisher URL inside apiclick.aspx?url=, the outlet in News:Source."""
    body = (b'<?xml version="1.0"?><rss version="2.0" xmlns:News="https://www.bing.com/news/search?q=x">'
            b"<channel><title>cobalt - BingNews</title><link>https://www.bing.com/news/search?q=cobalt</link>"
            b"<item><title>Congo extends cobalt export halt - Copperbelt Courier</title>"
            b"<link>http://www.bing.com/news/apiclick.aspx?ref=FexRss&amp;aid=&amp;tid=1&amp;url=https%3a%2f%2f"
            b"copperbeltcourier.example%2fnews%2fhalt%3futm_source%3dbing&amp;c=1&amp;mkt=en-us</link>"
            b"<description>Kinshasa kept its suspension of cobalt exports for three more months.</description>"
            b"<pubDate>Sat, 21 Jun 2025 17:00:00 GMT</pubDate><News:Source>Copperbelt Courier</News:Source>"
            b"</item></channel></rss>")
    a = parse_feed(body, {"content-type": "application/rss+xml"}, "https://www.bing.com/news/search?q=cobalt",
                   FETCHED).articles[0]
    assert (a.canonical_url, a.source_domain, a.outlet_name, a.title, a.headline_only) == (
        "https://copperbeltcourier.example/news/halt", "copperbeltcourier.example", "Copperbelt Courier",
        "Congo extends cobalt export halt", False)
    assert unwrap_link("https://www.example.com/search?q=rare+earths") is None  # a query, not a URL


def test_link_blocks_are_not_summaries() -> None:
    assert is_link_block('<a href="x">Headline</a>&nbsp;&nbsp;<font color="#6f6f6f">Outlet</font>')
    assert is_link_block("<ol><li><a>One</a> <font>A</font></li><li><a>Two</a> <font>B</font></li></ol>")
    assert not is_link_block('Beijing said on Monday <a href="x">it would</a> restrict exports.')
    assert not is_link_block("plain text")
    assert not is_link_block("<a" * 50_000)  # bounded work on a hostile body


# --- the store: one article per story ---------------------------------------------------------


def _serve(feed_server, feeds: list[str]) -> list[FeedSpec]:
    return [FeedSpec(f, feed_server.feed(f"/{f}", (FIXTURES / f).read_bytes(),
                                         **{"Content-Type": TYPES[Path(f).suffix]}))
            for f in feeds]


def _stored(engine) -> tuple[list, dict[str, set[str]], set[str]]:
    a, af, f = store.articles, store.article_feeds, store.feeds
    with engine.connect() as conn:
        rows = conn.execute(select(a)).all()
        feeds: dict[str, set[str]] = defaultdict(set)
        for r in conn.execute(select(af.c.article_id, f.c.name).join(f, f.c.id == af.c.feed_id)):
            feeds[r.article_id].add(r.name)
        events = {r[0] for r in conn.execute(select(store.events.c.id))}
    return rows, feeds, events


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


@pytest.mark.parametrize("order", ["listed", "reversed"])
def test_each_story_is_stored_once_with_every_feed_that_carried_it(feed_server, db_url, tagger, order) -> None:
    feeds = FEEDS if order == "listed" else FEEDS[::-1]
    engine = store.connect(db_url)
    summary = pipeline.run(engine, _serve(feed_server, feeds), tagger=tagger, workers=2)
    assert summary.count("ok") == len(FEEDS), summary.line()
    rows, feeds_of, _ = _stored(engine)
    assert len(rows) == len(EXPECTED["stories"])
    for name, story in EXPECTED["stories"].items():
        first = next(i for i in ITEMS if i["story"] == name)
        match = [r for r in rows if r.source_domain == first["outlet_domain"]
                 and r.headline_key == headline_key(first["headline"])]
        assert len(match) == 1, name
        r = match[0]
        assert feeds_of[r.id] == {p.split("#", 1)[0] for p in story["appears_in"]}, name
        assert not r.title.endswith(" - " + story["outlet"])
        if any(not p.startswith("google-news") for p in story["appears_in"]):
            assert r.canonical_url == story["publisher_url"], name  # the publisher's URL wins
        in_full = any(p.startswith("outlet-") for p in story["appears_in"])
        assert r.headline_only is (not in_full), name  # a full copy replaces a headline-only one
        if first["outlet_name"] and (in_full or any(p.startswith("google") for p in story["appears_in"])):
            assert r.outlet_name == story["outlet"]
    again = pipeline.run(engine, _serve(feed_server, feeds), tagger=tagger, workers=2, force=True)
    assert again.new_articles == 0 and len(_stored(engine)[0]) == len(rows)
    engine.dispose()


def test_feed_order_does_not_change_what_is_stored(feed_server, tmp_path, tagger) -> None:
    results = []
    for i, feeds in enumerate((FEEDS, FEEDS[::-1])):
        engine = store.connect(f"sqlite:///{tmp_path / f'{i}.db'}")
        pipeline.run(engine, _serve(feed_server, feeds), tagger=tagger, workers=2)
        rows, _, events = _stored(engine)
        results.append(({(r.source_domain, r.headline_key, r.canonical_url, r.headline_only) for r in rows}, events))
        engine.dispose()
    assert results[0] == results[1]


def test_a_late_name_reaches_earlier_unnamed_articles(feed_server, db_url, tagger) -> None:
    """GDELT names no outlet; a Google item naming the domain's outlet later names them too."""
    engine = store.connect(db_url)
    pipeline.run(engine, _serve(feed_server, ["gdelt-critical-minerals.xml"]), tagger=tagger)
    rows, _, _ = _stored(engine)
    assert {r.outlet_name for r in rows if r.source_domain == "asiasupplychainmonitor.example"} == {""}
    pipeline.run(engine, _serve(feed_server, ["google-news-rare-earths.xml"]), tagger=tagger)
    rows, _, _ = _stored(engine)
    assert {r.outlet_name for r in rows if r.source_domain == "pacificorereview.example"} == {"Pacific Ore Review"}
    engine.dispose()


def test_an_older_store_gains_the_outlet_columns(db_url) -> None:
    """A store made before the outlet columns gets them on open, its headlines keyed."""
    engine = store.connect(db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_articles_story")
        for name in ("outlet_name", "headline_only", "headline_key", "page_text"):
            conn.exec_driver_sql(f"ALTER TABLE articles DROP COLUMN {name}")
        conn.exec_driver_sql(
            "INSERT INTO articles (id, canonical_url, guid, title, summary, published_at, published_source, "
            "source_domain, first_seen_at, relevant, countries, commodities) VALUES ('a1', "
            "'https://x.example/1', NULL, 'Congo halts cobalt exports', '', '2025-02-22 18:42:00', "
            "'published', 'x.example', '2025-02-22 18:42:00', false, '[]', '[]')")
    engine.dispose()
    with pytest.raises(store.StoreError, match="outlet columns"):
        store.connect(db_url, create=False)
    engine = store.connect(db_url)
    with engine.connect() as conn:
        row = conn.execute(select(store.articles)).one()
    assert row.headline_key == headline_key("Congo halts cobalt exports")
    assert row.headline_only is False and row.outlet_name is None
    engine.dispose()


def _copy(aid: str, url: str, hours: float, title: str = "Metals morning brief: cobalt quotas bite",
          summary: str = "") -> TaggedArticle:
    when = datetime(2025, 10, 1, 6, tzinfo=UTC) + timedelta(hours=hours)
    return TaggedArticle(ArticleRecord(aid, url, aid, title, summary, when, "published", "ledger.example", "en",
                                       "Ledger", not summary), False)


@pytest.mark.parametrize("copies, stored", [
    # the outlet's own links to two pages: a recurring headline, two articles
    ([("a", "https://ledger.example/brief/2025-10-01", 0), ("b", "https://ledger.example/brief/2025-10-02", 24)], 2),
    # the same page in another form (AMP), and an aggregator's redirect: one article
    ([("a", "https://ledger.example/brief/x", 0), ("b", "https://ledger.example/brief/x/amp", 1),
      ("c", "https://news.google.com/rss/articles/CBMi1?oc=5", 2)], 1),
    # an aggregator's copy three days later is another story
    ([("a", "https://news.google.com/rss/articles/CBMi1?oc=5", 0),
      ("b", "https://news.google.com/rss/articles/CBMi2?oc=5", 72)], 2),
])
def test_headline_matches_respect_pages_and_time(engine, copies, stored) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for aid, url, hours in copies:  # one feed each, one batch each
        with store.atomic(engine) as conn:
            store.save_batch(conn, None, [_copy(aid, url, hours)], now)
    with engine.connect() as conn:
        assert len(conn.execute(select(store.articles.c.id)).all()) == stored


def test_a_copy_with_text_replaces_a_headline_only_one(engine) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with store.atomic(engine) as conn:
        store.save_batch(conn, None, [_copy("g", "https://news.google.com/rss/articles/CBMi1?oc=5", 0)], now)
        store.save_batch(conn, None, [_copy("o", "https://ledger.example/brief/x?utm_source=rss", 0.05,
                                            summary="Quotas cut cobalt shipments by half in October.")], now)
    with engine.connect() as conn:
        row = conn.execute(select(store.articles)).one()
    assert (row.id, row.canonical_url, row.headline_only) == ("g", "https://ledger.example/brief/x?utm_source=rss",
                                                             False)
    assert row.summary.startswith("Quotas")


def test_exported_events_name_the_outlet_and_quote_clean_headlines(feed_server, db_url, tagger) -> None:
    from ingest.read.events import iter_events

    engine = store.connect(db_url)
    pipeline.run(engine, _serve(feed_server, FEEDS), tagger=tagger)
    names = {o["name"] for o in EXPECTED["outlets"].values()}
    exported = list(iter_events(engine))
    assert exported
    for ev in exported:
        assert not any(ev["evidence"].endswith(sep + n) for sep in SEPARATORS for n in names), ev["evidence"]
        for art in ev["articles"]:
            assert art["source"] in EXPECTED["outlets"]  # never news.google.com or gdeltproject.org
            # the outlet's own name when any feed gave one, else its domain; never the aggregator's
            assert art["outlet"] in (EXPECTED["outlets"][art["source"]]["name"], art["source"])
            assert not any(art["title"].endswith(sep + n) for sep in SEPARATORS for n in names)
    engine.dispose()


def test_feed_health_names_the_outlets_each_feed_carried(feed_server, db_url, tagger) -> None:
    from ingest.read.queries import feed_health

    engine = store.connect(db_url)
    pipeline.run(engine, _serve(feed_server, FEEDS), tagger=tagger)
    outlets = feed_health(engine).set_index("feed")["outlets"]
    engine.dispose()
    names = {o["name"] for o in EXPECTED["outlets"].values()}
    google = outlets["google-news-rare-earths.xml"]
    assert int(google.split(":")[0]) > 1  # an aggregator carries many outlets
    assert not {"Google News", "news.google.com"} & set(google.split(": ", 1)[1].split(", "))
    own = outlets["outlet-harbour-ledger.rss"]
    assert own == "1: Harbour Ledger" and "Harbour Ledger" in names
