"""Parsing and normalising: canonical URLs, stable ids, plain text, UTC times, bad feeds."""

from __future__ import annotations

import hashlib
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers.feeds import atom, rss, rss_item

from ingest.sources.normalize import article_id, canonical_url, source_domain
from ingest.sources.parse import parse_feed
from ingest.text import html_to_text

FETCHED = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)
FEED_URL = "https://feeds.example/rss"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "feedparser-tests"


def parse(body: bytes, headers: dict[str, str] | None = None):
    return parse_feed(body, headers if headers is not None else {"content-type": "application/rss+xml"},
                      FEED_URL, FETCHED)


# --- canonical URLs -------------------------------------------------------------------------


@pytest.mark.parametrize("raw,expected", [
    ("HTTPS://News.Example.COM/Path/Item?id=7#comments", "https://news.example.com/Path/Item?id=7"),
    ("https://news.example/a?utm_source=rss&utm_medium=feed&utm_campaign=x&id=7",
     "https://news.example/a?id=7"),
    ("https://news.example/a?fbclid=IwAR0&gclid=Cj0&page=2", "https://news.example/a?page=2"),
    ("https://news.example/a?UTM_Source=rss", "https://news.example/a"),
    ("http://news.example", "http://news.example/"),
    ("http://news.example:80/a", "http://news.example/a"),
    ("https://news.example:8443/a", "https://news.example:8443/a"),
    ("  https://news.example/a  ", "https://news.example/a"),
])
def test_canonical_url(raw, expected):
    assert canonical_url(raw) == expected


@pytest.mark.parametrize("raw", [
    None, "", "javascript:alert(1)", "mailto:desk@news.example", "ftp://news.example/a",
    "file:///etc/passwd", "data:text/html,hi", "/relative/path", "news.example/a", "https://",
    "http://[::1",
])
def test_non_http_links_are_none(raw):
    assert canonical_url(raw) is None


def test_source_domain_drops_www():
    assert source_domain("https://WWW.Reuters.com/x") == "reuters.com"
    assert source_domain(None) == ""


# --- article ids ----------------------------------------------------------------------------


def _sha1(s: str) -> str:
    return hashlib.sha1(s.encode()).hexdigest()


def test_article_id_prefers_guid_then_link_then_content():
    guid = "urn:uuid:5b0a1e2c-7c1d-4a8e-9f00-1234567890ab"
    assert article_id(guid, "https://a.example/x", "T", "S", FEED_URL) == _sha1("guid:" + guid)
    assert article_id(None, "https://a.example/x", "T", "S", FEED_URL) == _sha1("url:https://a.example/x")
    by_content = article_id(None, None, "Gallium  curbs", "Text", FEED_URL)
    assert by_content == _sha1("hash:gallium curbs text")
    # Content ids ignore case and spacing; short guids are scoped to their feed.
    assert article_id(None, None, "GALLIUM curbs", " Text ", FEED_URL) == by_content
    assert article_id("42", None, "", "", "https://one.example/rss") != \
        article_id("42", None, "", "", "https://two.example/rss")


def test_parsed_ids_follow_guid_link_content():
    body = rss(
        rss_item("With guid", link="https://a.example/1", guid="urn:test:item-1"),
        rss_item("Link only", link="https://a.example/2?utm_source=rss#top"),
        rss_item("Neither", description="Only words here"),
    )
    got = {a.title: a for a in parse(body).articles}
    assert got["With guid"].id == _sha1("guid:urn:test:item-1")
    assert got["With guid"].guid == "urn:test:item-1"
    assert got["Link only"].id == _sha1("url:https://a.example/2")
    assert got["Link only"].canonical_url == "https://a.example/2"
    assert got["Neither"].canonical_url is None
    assert got["Neither"].id == _sha1("hash:neither only words here")
    assert got["Neither"].source_domain == "feeds.example"  # falls back to the feed's host


def test_same_guid_twice_in_one_feed_keeps_the_first():
    body = rss(rss_item("First", guid="urn:dup"), rss_item("Second", guid="urn:dup"))
    assert [a.title for a in parse(body).articles] == ["First"]


def test_entries_with_nothing_are_skipped_with_a_warning():
    body = rss(rss_item("Kept", link="https://a.example/k"), rss_item(pub_date="Mon, 03 Nov 2025 09:00:00 GMT"))
    out = parse(body)
    assert [a.title for a in out.articles] == ["Kept"]
    assert out.skipped == 1
    assert out.warning == "1 entries without a title, summary or link were skipped"


# --- text -----------------------------------------------------------------------------------


def test_html_to_text():
    html = ("<p>China&#8217;s <b>gallium</b> &amp; germanium&nbsp;curbs</p>"
            "<script>var x = '<p>tracking</p>';</script><style>p{color:red}</style>"
            "<ul><li>one</li><li>two</li></ul>\n\n   &lt;tighten&gt;")
    assert html_to_text(html) == "China\u2019s gallium & germanium curbs one two <tighten>"


@pytest.mark.parametrize("raw,expected", [
    ("", ""), (None, ""), ("  plain\t text \n here ", "plain text here"),
    ("AT&amp;amp;T", "AT&T"), ("a<br>b", "a b"), ("<p>unclosed <b>bold", "unclosed bold"),
])
def test_html_to_text_edge_cases(raw, expected):
    assert html_to_text(raw) == expected


def test_summary_and_title_become_plain_text():
    body = rss(rss_item(
        "Tariffs &amp; <i>quotas</i>", link="https://a.example/t",
        description="<div>First   line<br/>second &eacute;tape</div><script>alert('x')</script>",
    ))
    (a,) = parse(body).articles
    assert a.title == "Tariffs & quotas"
    assert a.summary == "First line second \u00e9tape"
    assert "alert" not in a.summary and "<" not in a.summary


# --- dates and language ---------------------------------------------------------------------


def test_published_updated_fetched():
    body = rss(
        rss_item("Has pubDate", link="https://a.example/p", pub_date="Sun, 02 Nov 2025 01:30:00 -0500",
                 updated="2025-11-04T10:00:00Z"),
        rss_item("Has updated only", link="https://a.example/u", updated="2025-11-04T10:00:00+02:00"),
        rss_item("Has no date", link="https://a.example/n"),
        rss_item("Far future", link="https://a.example/f", pub_date="Thu, 01 Jan 2099 00:00:00 GMT"),
    )
    got = {a.title: (a.published_at, a.published_source) for a in parse(body).articles}
    assert got["Has pubDate"] == (datetime(2025, 11, 2, 6, 30, tzinfo=UTC), "published")
    assert got["Has updated only"] == (datetime(2025, 11, 4, 8, 0, tzinfo=UTC), "updated")
    assert got["Has no date"] == (FETCHED, "fetched")
    assert got["Far future"] == (FETCHED, "fetched")


def test_atom_published_and_updated():
    body = atom(
        {"id": "urn:a:1", "title": "P", "link": "https://a.example/1",
         "published": "2025-11-02T01:30:00-04:00", "updated": "2025-11-03T00:00:00Z"},
        {"id": "urn:a:2", "title": "U", "link": "https://a.example/2", "updated": "2025-11-03T00:00:00Z"},
    )
    got = {a.title: (a.published_at, a.published_source) for a in
           parse(body, {"content-type": "application/atom+xml"}).articles}
    assert got == {"P": (datetime(2025, 11, 2, 5, 30, tzinfo=UTC), "published"),
                   "U": (datetime(2025, 11, 3, 0, 0, tzinfo=UTC), "updated")}


def test_feed_language_is_kept():
    (a,) = parse(rss(rss_item("Zölle", link="https://a.example/de"), language="de-DE")).articles
    assert a.language == "de-DE"
    (b,) = parse(rss(rss_item("Sans langue", link="https://a.example/fr")),
                 {"content-type": "application/rss+xml", "content-language": "fr"}).articles
    assert b.language == "fr"
    (c,) = parse(rss(rss_item("None", link="https://a.example/x"))).articles
    assert c.language is None


# --- bad feeds ------------------------------------------------------------------------------


def test_bozo_feed_with_entries_keeps_them_and_warns():
    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            b"<item><title>Cobalt quota &nbsp; set</title><link>https://a.example/c</link></item>"
            b"</channel></rss>")
    out = parse(body)
    assert [a.canonical_url for a in out.articles] == ["https://a.example/c"]
    assert out.error is None
    assert out.warning and "undefined entity" in out.warning


def test_bozo_feed_without_entries_fails():
    out = parse(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t &bogus;</title>')
    assert out.articles == []
    assert out.error.startswith("not a usable feed (")


def test_html_page_is_not_a_feed():
    page = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"
    out = parse(page, {"content-type": "text/html; charset=utf-8"})
    assert out.articles == [] and out.error
    assert "\n" not in out.error
    out = parse(page, {"content-type": "application/xml"})
    assert out.articles == [] and out.error


@pytest.mark.parametrize("body", [b"", b"   \n", b"\x00\x01\x02binary", b"{\"json\": true}"])
def test_garbage_is_a_failure_not_an_exception(body):
    out = parse(body)
    assert out.articles == [] and out.error


def test_valid_feed_without_entries_warns():
    out = parse(rss())
    assert out.articles == [] and out.error is None
    assert out.warning == "the feed has no entries"


# --- feedparser's own corpus ----------------------------------------------------------------

_HEADER = re.compile(rb"^\s*Header:\s*([A-Za-z0-9-]+)\s*:\s*(.*?)\s*$", re.M)


def _headers(data: bytes) -> dict[str, str]:
    """HTTP headers from the file's leading `Header: Name: value` comment lines."""
    return {k.decode().lower(): v.decode("latin-1") for k, v in _HEADER.findall(data[:8192])}


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not present at {CORPUS}")
def test_feedparser_corpus_never_raises():
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    assert len(files) > 1000
    with_articles, failed, warned, problems = 0, 0, 0, []
    slowest = (0.0, "")
    started = time.monotonic()
    for path in files:
        data = path.read_bytes()
        t0 = time.monotonic()
        try:
            out = parse_feed(data, _headers(data), f"http://127.0.0.1/{path.name}", FETCHED)
        except Exception as exc:  # noqa: BLE001 - the point is that nothing escapes
            problems.append(f"{path.relative_to(CORPUS)}: raised {exc!r}")
            continue
        slowest = max(slowest, (time.monotonic() - t0, str(path.relative_to(CORPUS))))
        if out.articles:
            with_articles += 1
        elif out.error:
            failed += 1
            assert "\n" not in out.error, path
        elif out.warning:
            warned += 1
        else:
            problems.append(f"{path.relative_to(CORPUS)}: no articles and no reason given")
    elapsed = time.monotonic() - started
    print(f"corpus: {len(files)} files, {with_articles} with articles, {failed} failed, "
          f"{warned} without articles but with a warning; slowest {slowest[1]} "
          f"({slowest[0]:.2f}s); {elapsed:.1f}s in all")
    assert problems == []
    assert with_articles > 300
