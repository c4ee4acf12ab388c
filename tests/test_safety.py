"""Content safety end to end: a feed full of markup and hostile links, through ingest to the page.

Markup in titles and summaries is stored as its text (html_to_text: tags, scripts and attribute
values gone; text that merely looks like a tag is kept as text), only http(s) links are stored
(canonical_url), and the dashboard shows feed text escaped and links only for http(s) URLs.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from helpers.feedserver import Response
from sqlalchemy import select, update
from streamlit.testing.v1 import AppTest

from ingest import pipeline, store
from ingest.read import queries as query
from ingest.read.acts import act_detail
from ingest.read.events import event_detail
from ingest.sources.feedlist import FeedSpec
from ingest.store import schema
from tests.dashboard_fixtures import TODAY as SAMPLE_TODAY
from tests.dashboard_fixtures import app, build_synthetic_store, fresh_streamlit_caches, ok

FIXTURES = (fresh_streamlit_caches,)  # used by name below
TODAY = date(2025, 11, 10)
FETCHED = datetime(2025, 11, 10, 8, 0, tzinfo=UTC)
SAFE = "https://safe.example/cobalt"

# Every item is relevant (so it becomes an event and reaches every view) and carries an attack.
HOSTILE_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hostile &lt;script&gt;alert('feed')&lt;/script&gt; feed</title>
<link>https://hostile.example/</link><description>x</description>
<item>
  <title><![CDATA[China restricts gallium exports<script>alert('t1')</script>]]></title>
  <link>javascript:alert('l1')</link>
  <description><![CDATA[<p onclick="alert('d1')">China's commerce ministry said on Nov. 3, 2025 it will
    restrict exports of gallium.</p><img src=x onerror="alert('d1b')"><script>alert('d1c')</script>]]></description>
  <pubDate>Mon, 03 Nov 2025 09:00:00 +0000</pubDate>
</item>
<item>
  <title>Indonesia bans nickel ore exports &amp;lt;script&amp;gt;alert('t2')&amp;lt;/script&amp;gt;</title>
  <link>data:text/html,&lt;script&gt;alert('l2')&lt;/script&gt;</link>
  <guid isPermaLink="true">javascript:alert('g2')</guid>
  <description>Indonesia said on Nov. 4, 2025 it will ban exports of nickel ore.</description>
  <pubDate>Tue, 04 Nov 2025 09:00:00 +0000</pubDate>
</item>
<item>
  <title>Chile sets lithium export quota</title>
  <link>  JavaScript:alert('l3')</link>
  <description>&lt;a href="javascript:alert('a3')"&gt;Chile&lt;/a&gt; said on Nov. 5, 2025 it will set
    an export quota on lithium. &lt;iframe src="data:text/html,x"&gt;&lt;/iframe&gt;</description>
  <pubDate>Wed, 05 Nov 2025 09:00:00 +0000</pubDate>
</item>
<item>
  <title><![CDATA[Congo suspends <b onmouseover="alert('t4')">cobalt</b> exports]]></title>
  <link>https://safe.example/cobalt?utm_source=rss</link>
  <description>The Democratic Republic of Congo said on Nov. 6, 2025 it will suspend cobalt exports.</description>
  <pubDate>Thu, 06 Nov 2025 09:00:00 +0000</pubDate>
</item>
</channel></rss>
"""
ATTACKS = ("alert('t1')", "alert('d1')", "alert('d1b')", "alert('d1c')", "alert('a3')", "alert('t4')",
           "onerror", "onclick", "onmouseover", "<img", "<iframe", "<b ")


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("safety")
    feed = folder / "hostile.xml"
    feed.write_text(HOSTILE_FEED, encoding="utf-8")
    url = f"sqlite:///{folder / 'hostile.db'}"
    engine = store.connect(url)
    try:
        summary = pipeline.run(engine, [FeedSpec("Hostile <b>feed</b>", str(feed))], workers=1,
                               now=lambda: FETCHED)
        (out,) = summary.outcomes
        assert (out.status, out.new_articles) == ("ok", 4), out
        assert out.new_events >= 4
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="module")
def hostile_engine(hostile_url: str):
    engine = store.connect(hostile_url)
    yield engine
    engine.dispose()


def _articles(engine) -> pd.DataFrame:
    a = store.articles
    with engine.connect() as conn:
        rows = conn.execute(select(a.c.title, a.c.summary, a.c.canonical_url, a.c.guid)).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=["title", "summary", "url", "guid"])


# --- store and query level -------------------------------------------------------------------


def test_markup_is_stored_as_its_text(hostile_engine):
    arts = _articles(hostile_engine).set_index("url", drop=False)
    text = " ".join(arts["title"]) + " " + " ".join(arts["summary"])
    for attack in ATTACKS:
        assert attack not in text, attack
    titles = sorted(arts["title"])
    assert titles == sorted([
        "China restricts gallium exports",
        "Indonesia bans nickel ore exports <script>alert('t2')</script>",  # escaped text stays text
        "Chile sets lithium export quota",
        "Congo suspends cobalt exports",
    ])
    chile = arts[arts["title"].str.startswith("Chile")].iloc[0]
    assert chile["summary"].startswith("Chile said on Nov. 5, 2025 it will set an export quota")


def test_only_http_links_are_stored(hostile_engine):
    arts = _articles(hostile_engine)
    assert sorted(arts["url"].dropna()) == [SAFE]  # tracking parameter dropped too
    assert arts["url"].isna().sum() == 3
    assert "javascript:alert('g2')" in set(arts["guid"])  # an id, never used as a link


def test_queries_give_links_only_for_http(hostile_engine):
    events = query.events_frame(hostile_engine)
    assert len(events) >= 4
    assert set(events["url"].dropna()) == {SAFE}
    for eid in events["id"]:
        detail = event_detail(hostile_engine, eid)
        for art in detail["articles"]:
            assert art["url"] in (None, SAFE)
            assert "<script" not in art["title"] or "alert('t2')" in art["title"]
    health = query.feed_health(hostile_engine)
    assert list(health["feed"]) == ["Hostile <b>feed</b>"]  # a name from the feed list, kept as text


# --- the dashboard ---------------------------------------------------------------------------

_LINK_TARGET = re.compile(r"\]\(([^)]*)\)")
_RAW_TAG = re.compile(r"(?<!\\)<\s*(script|img|iframe|a|b)\b", re.I)


def _app(monkeypatch, url: str, **params: str) -> AppTest:
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    return app(**params)


def _assert_safe_markdown(at: AppTest) -> str:
    """Every markdown and caption on the page: no raw tags, links only to http(s), no HTML allowed."""
    texts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for m in list(at.markdown) + list(at.caption):
        assert not m.proto.allow_html
    for text in texts:
        assert not _RAW_TAG.search(text), text
        for target in _LINK_TARGET.findall(text):
            assert target.startswith(("https://", "http://")), text
    return " ".join(texts)


def _assert_safe_links(frame: pd.DataFrame, *columns: str) -> None:
    for col in columns:
        for cell in frame[col].dropna():
            assert str(cell).startswith(("https://", "http://")), (col, cell)
            assert "<script" not in str(cell)


@pytest.fixture(autouse=True)
def _clear_caches(fresh_streamlit_caches):
    yield


def test_events_table_and_detail_escape_text_and_drop_bad_links(monkeypatch, hostile_url, hostile_engine):
    at = ok(_app(monkeypatch, hostile_url, view="Events").run())
    _assert_safe_markdown(at)
    table = at.dataframe[0].value
    assert len(table) >= 4
    _assert_safe_links(table, "link")
    safe_rows = table[table["link"].notna()]
    assert len(safe_rows) >= 1 and all(h.startswith(SAFE + "#:~:text=") for h in safe_rows["link"])
    assert table["headline"].str.len().gt(0).all()  # every row keeps its headline as text
    # The headline is a plain-text cell: the grid draws it as text, never as HTML or a link.
    for cell in map(str, table.drop(columns=["headline"]).to_numpy().ravel()):
        assert "<script" not in cell and "javascript:" not in cell.lower() and "data:text" not in cell

    # The detail of each event: headline and article links, escaped.
    for row in range(len(table)):
        at.session_state["events_table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
        ok(at.run())
        rendered = _assert_safe_markdown(at)
        assert "**Reported " in rendered
        act = act_detail(hostile_engine, table["id"].iloc[row])
        if "alert('t2')" in act["headline"]:
            assert act["headline"] in [t.value for t in at.text]  # shown, but only as plain text
            assert "script" not in rendered
        if (act["reports_table"]["url"] == SAFE).any():
            assert f"]({SAFE})" in rendered
        else:
            assert "](" not in rendered.split("**Reported ", 1)[1]  # no link at all


def test_timeline_hover_text_is_escaped(monkeypatch, hostile_url):
    at = ok(_app(monkeypatch, hostile_url).run())
    _assert_safe_markdown(at)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    hover = json.dumps([t.get("customdata") for t in spec["data"] if t.get("customdata")])
    assert "alert('t2')" in hover.replace("\\u0027", "'").replace("&#x27;", "'")
    assert "<script" not in hover and "&lt;script&gt;" in hover  # plotly renders HTML: escaped
    assert "javascript:" not in hover.lower()


def test_feed_health_view_shows_the_feed_name_as_text(monkeypatch, hostile_url):
    at = ok(_app(monkeypatch, hostile_url, view="Feeds").run())
    _assert_safe_markdown(at)
    health = at.dataframe[0].value
    assert list(health["feed"]) == ["Hostile <b>feed</b>"]  # a dataframe cell is text, never HTML
    assert health["link"].isna().all()  # a local file path is not a link



def test_feed_health_view_shows_each_failure_on_one_line(monkeypatch, tmp_path, feed_server):
    feed = tmp_path / "hostile.xml"
    feed.write_text(HOSTILE_FEED, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'health.db'}"
    engine = store.connect(url)
    try:
        specs = [FeedSpec("good", str(feed)),
                 FeedSpec("gone", feed_server.route("/gone", Response(410))),
                 FeedSpec("html", feed_server.route("/html", Response(
                     200, b"<html><body>Moved</body></html>", {"Content-Type": "text/html"}))),
                 FeedSpec("missing file", str(tmp_path / "nope.xml"))]
        outcomes = {o.name: o for o in pipeline.run(engine, specs, workers=2).outcomes}  # real clock
    finally:
        engine.dispose()
    at = ok(_app(monkeypatch, url, view="Feeds").run())
    _assert_safe_markdown(at)
    health = at.dataframe[0].value.set_index("feed")
    for name in ("gone", "html", "missing file"):
        error = outcomes[name].error
        assert error and "\n" not in error
        assert health.loc[name, "status"] == "failed" and health.loc[name, "error"] == error
        assert health.loc[name, "next_try"] != "next run"
    assert health.loc["gone", "error"] == "HTTP 410 Gone"
    assert health.loc["html", "error"] == "not a usable feed (NonXMLContentType: text/html is not an XML media type)"
    assert health.loc["good", "status"] == "ok" and health.loc["good", "error"] == ""


# --- nothing in feed text becomes a link -------------------------------------------------------

# What Streamlit's Markdown (GitHub's autolink rules) makes a link out of plain text, escaped or
# not: web addresses with or without a scheme, e-mail addresses, mailto: and xmpp: forms.
AUTOLINKS = ["www.example.com", "WWW.Example.org/path?q=1", "http://evil.example/x", "https://evil.example",
             "bob@example.org", "mailto:bob@example.org", "xmpp:bob@example.org/home", "a.b+c@sub.example.co.uk"]
_CANDIDATE = re.compile(r"www\.|https?:|mailto:|xmpp:|[\w.+-]@[\w-]+\.", re.I)
_LINK = re.compile(r"\[(?:\\.|[^\]\\])*\]\((https?://[^)\s]*)\)")


def _outside_links(markdown: str) -> str:
    """The text of a Markdown source that is not inside a link, escapes undone."""
    return re.sub(r"\\(.)", r"\1", _LINK.sub(" ", markdown))


@pytest.mark.parametrize("where", ["headline", "evidence", "title", "source"])
def test_feed_text_never_becomes_a_link(monkeypatch, tmp_path, where):
    url = f"sqlite:///{tmp_path / 'links.db'}"
    engine = build_synthetic_store(url, 6, years=0.5, seed=3)
    text = "See " + " and ".join(AUTOLINKS) + " today"
    with engine.begin() as conn:
        r = schema.act_reports
        if where == "headline":
            conn.execute(update(schema.acts).values(headline=text))
        elif where in ("evidence", "title"):
            conn.execute(update(r).values({"evidence" if where == "evidence" else "headline": text}))
        else:
            conn.execute(update(r).values(outlet=AUTOLINKS[0]))
        # Half the reports keep an http(s) link; the others have none.
        conn.execute(update(r).where(r.c.id.like("%1%")).values(url=""))
    engine.dispose()
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.setenv("TRACKER_TODAY", SAMPLE_TODAY.isoformat())
    at = ok(app(view="Events").run())
    table = at.dataframe[0].value
    shown = 0
    for row in range(len(table)):
        at.session_state["events_table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
        ok(at.run())
        for element in list(at.markdown) + list(at.caption):
            rest = _outside_links(element.value)
            assert not _CANDIDATE.search(rest), (where, element.value)
            for target in _LINK.findall(element.value):
                assert target.startswith(("https://", "http://")) and "evil" not in target
        needle = text if where != "source" else AUTOLINKS[0]
        shown += any(needle in t.value for t in at.text) or any(
            needle in re.sub(r"\\(.)", r"\1", m.value) for m in at.markdown)
    assert shown == len(table)  # the feed text is on the page every time, as text
