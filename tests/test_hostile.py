"""Hostile content: one ingest run over every kind of broken feed, next to good ones.

Each feed is served by the in-process server on 127.0.0.1. The run must complete; each broken
feed's failure (or warning) is recorded with a one-line reason in the feed-health table and the
`feeds` command; the good feeds are ingested; a failed feed writes nothing but its log row.
"""

from __future__ import annotations

import gzip
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import BACKENDS
from helpers.db import make_db_url
from helpers.feeds import atom, rss, rss_item
from helpers.feedserver import FeedServer, Response
from helpers.hostile import (
    billion_laughs,
    endless,
    external_entity,
    feed_rows,
    good_feed,
    gzip_bomb,
    one_line,
    quadratic_blowup,
)
from sqlalchemy import select

from ingest import pipeline, store
from ingest.cli import main
from ingest.read.queries import feed_health
from ingest.sources.feedlist import FeedSpec
from ingest.sources.fetch import FetchSettings
from ingest.sources.parse import MAX_ENTRIES, MAX_SUMMARY, parse_feed

CAP = 4_000_000
SETTINGS = FetchSettings(max_bytes=CAP, deadline=5, connect_timeout=1, read_timeout=2, retries=0,
                         backoff=0)
NOW = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)
RSS = {"Content-Type": "application/rss+xml"}
TITLE = "Café – ñ “quoted” Zölle"  # non-ASCII in several scripts' worth of bytes
SECRET = "tracker-secret-4f1c"  # the content of a local file an XXE would try to read


@dataclass(frozen=True)
class Case:
    """One hostile feed: what the server sends and what the run must record."""

    response: Response
    status: str  # ok | failed
    reason: str  # a fragment of the error (failed) or of the warning (ok); "" = no warning
    stored: int = 0  # articles the feed ends up with
    titles: tuple[str, ...] = ()  # some titles that must be stored exactly like this


def _items(n: int, tag: str) -> list[str]:
    return [rss_item(f"{tag} item {i}", link=f"https://{tag}.example/{i}", guid=f"urn:{tag}:{i}",
                     description=f"Text of {tag} item {i}.", pub_date="Mon, 03 Nov 2025 09:00:00 +0000")
            for i in range(n)]


def _encoded(body_text: str, encoding: str, bom: bytes = b"") -> bytes:
    return bom + body_text.encode(encoding)


def _doc(title: str, decl: str | None, slug: str = "x") -> str:
    head = f'<?xml version="1.0" encoding="{decl}"?>' if decl else ""
    return (f'{head}<rss version="2.0"><channel><title>enc</title><item><title>{title}</title>'
            f"<link>https://enc.example/{slug}</link></item></channel></rss>")


def _cases(tmp: Path, sent: list[int]) -> dict[str, Case]:
    secret = tmp / "secret.txt"
    secret.write_text(SECRET)
    truncated_xml = good_feed("cut", 3)
    cut_at = truncated_xml.index(b"(cut 2)") + 40  # inside the third item's description
    gz = gzip.compress(good_feed("gz", 3))
    rng = random.Random(7)
    ten_thousand = rss(*_items(10_000, "many"))
    return {
        "malformed-unusable": Case(
            Response(200, b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                          b"<<<<>>>>&&&&</chan", RSS), "failed", "not a usable feed (SAXParseException"),
        "malformed-recoverable": Case(
            Response(200, good_feed("amp", 2).replace(b"(amp 0)", b"(amp 0) & more"), RSS),
            "ok", "not well-formed", 2),
        "truncated-mid-entry": Case(  # no Content-Length: HTTP cannot tell the body is short
            Response(200, truncated_xml[:cut_at], RSS, length=False),
            "ok", "the document ends early: its last entry, maybe cut short, was dropped", 2),
        "html-page": Case(
            Response(200, b"<!DOCTYPE html><html><head><title>Moved</title></head><body><p>Our feed "
                          b"moved.</p></body></html>", {"Content-Type": "text/html; charset=utf-8"}),
            "failed", "not a usable feed (NonXMLContentType: text/html"),
        "empty-body": Case(Response(200, b"", RSS), "failed", "empty response body"),
        "json": Case(
            Response(200, b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", '
                          b'"title": "Gallium"}]}', {"Content-Type": "application/feed+json"}),
            "failed", "not a usable feed"),
        "binary-garbage": Case(
            Response(200, bytes(rng.randrange(256) for _ in range(50_000)),
                     {"Content-Type": "application/octet-stream"}), "failed", "not a usable feed"),
        "truncated-gzip": Case(  # Content-Length matches the short body: only gzip can tell
            Response(200, gz[: len(gz) * 2 // 3], {**RSS, "Content-Encoding": "gzip"}),
            "failed", "the gzip body ends early (truncated download?)"),
        "gzip-bomb": Case(
            Response(200, gzip_bomb(64 << 20), {**RSS, "Content-Encoding": "gzip"}),
            "failed", "response body over the 4,000,000-byte size cap"),
        "billion-laughs": Case(Response(200, billion_laughs(), RSS), "ok", "undefined entity", 1),
        "quadratic-blowup": Case(Response(200, quadratic_blowup(), RSS), "ok",
                                 "limit on input amplification factor", 1),
        "external-entity": Case(Response(200, external_entity(str(secret)), RSS), "ok", "", 1),
        "200MB-body": Case(
            Response(200, headers=RSS, chunks=endless(200 << 20, sent)),
            "failed", "response body over the 4,000,000-byte size cap"),
        "200MB-declared": Case(
            Response(200, headers={**RSS, "Content-Length": str(200 << 20)}, chunks=endless(200 << 20, [0])),
            "failed", "response of 209,715,200 bytes is over the 4,000,000-byte size cap"),
        "10000-items": Case(Response(200, ten_thousand, RSS), "ok",
                            f"10,000 entries: only the first {MAX_ENTRIES:,} were read", MAX_ENTRIES,
                            ("many item 0", f"many item {MAX_ENTRIES - 1}")),
        "bare-items": Case(Response(200, rss(
            rss_item("Only a title: cobalt quota"),
            rss_item(description="Only a description, about lithium."),
            rss_item(link="https://bare.example/only-link"),
            rss_item(guid="urn:bare:only-guid"),  # nothing to show: skipped
            rss_item(pub_date="Mon, 03 Nov 2025 09:00:00 +0000"),  # nothing to show: skipped
        ), RSS), "ok", "2 entries without a title, summary or link were skipped", 3,
            ("Only a title: cobalt quota", "Only a description, about lithium.")),
        "odd-dates": Case(Response(200, rss(
            rss_item("Year 2999", link="https://dates.example/future", pub_date="Tue, 01 Jan 2999 00:00:00 GMT"),
            rss_item("Epoch", link="https://dates.example/epoch", pub_date="Thu, 01 Jan 1970 00:00:00 GMT"),
            rss_item("Year 9999", link="https://dates.example/9999", pub_date="Fri, 31 Dec 9999 23:59:59 +0000"),
            rss_item("Not a date", link="https://dates.example/junk", pub_date="yesterday-ish"),
        ), RSS), "ok", "", 4),
        "duplicate-guids": Case(Response(200, rss(
            rss_item("First copy", link="https://dup.example/1", guid="urn:dup:1"),
            rss_item("Second copy", link="https://dup.example/2", guid="urn:dup:1"),
            rss_item("Same link, other guid", link="https://dup.example/1", guid="urn:dup:3"),
        ), RSS), "ok", "", 1, ("First copy",)),
        "bom-beats-charset": Case(  # UTF-16 BOM, XML says utf-8, HTTP says latin-1: the BOM wins
            Response(200, _encoded(_doc(TITLE, "utf-8", "bom-beats-charset"), "utf-16-le", b"\xff\xfe"),
                     {"Content-Type": "application/rss+xml; charset=iso-8859-1"}),
            "ok", "read as utf-16-le (byte order mark), not iso-8859-1 as the HTTP charset says", 1, (TITLE,)),
        "utf8-labelled-latin1": Case(
            Response(200, _encoded(_doc(TITLE, "iso-8859-1", "utf8-labelled-latin1"), "utf-8"),
                     {"Content-Type": "text/xml; charset=ISO-8859-1"}),
            "ok", "read as utf-8 (valid UTF-8), not ISO-8859-1 as the HTTP charset says", 1, (TITLE,)),
        "cp1252-labelled-utf8": Case(
            Response(200, _encoded(_doc(TITLE.replace("ñ", "n"), "utf-8", "cp1252-labelled-utf8"), "cp1252"), RSS),
            "ok", "read as cp1252 (not valid UTF-8), not utf-8 as the XML declaration says", 1,
            (TITLE.replace("ñ", "n"),)),
        "utf8-with-stray-byte": Case(
            Response(200, _encoded(_doc(TITLE, None, "utf8-with-stray-byte"), "utf-8").replace(b"<link>", b"\xff<link>"), RSS),
            "ok", "", 1, (TITLE,)),
        "no-charset-anywhere": Case(  # no declaration, no charset, no content type
            Response(200, _encoded(_doc(TITLE, None, "no-charset-anywhere"), "utf-8")), "ok", "no Content-type", 1, (TITLE,)),
        "oversized-links": Case(Response(200, rss(  # too long for a link (and a btree index)
            rss_item("Ten-kilobyte link", link="https://long.example/" + rng.randbytes(5000).hex()),
            rss_item("Overlong host", link=f"https://{'h' * 300}.example/x"),
        ), RSS), "ok", "", 2, ("Ten-kilobyte link", "Overlong host")),
        "invalid-characters": Case(Response(200, (
            b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>c</title>'
            b"<item><title>Nul&#0;byte and surrogate&#xD800; ref</title><link>https://chars.example/1</link>"
            b"<guid>urn:chars:\x01one</guid><description>bell\x07 and escape\x1b</description></item>"
            b"</channel></rss>"), RSS), "ok", "", 1, ("Nulbyte and surrogate ref",)),
    }


@dataclass
class Ingest:
    """The outcome of the one run over every case, for the tests below to check."""

    url: str
    cases: dict[str, Case]
    outcomes: dict[str, pipeline.FeedOutcome]
    seconds: float
    sent: list[int]
    health: dict[str, dict] = field(default_factory=dict)


@pytest.fixture(scope="module", params=BACKENDS)
def ingest(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingest]:
    tmp = tmp_path_factory.mktemp("hostile")
    sent = [0]
    cases = _cases(tmp, sent)
    server = FeedServer().start()
    try:
        specs = [FeedSpec("good-first", server.feed("/good-first", good_feed("first")))]
        specs += [FeedSpec(name, server.route(f"/{name}", case.response)) for name, case in cases.items()]
        specs.append(FeedSpec("good-last", server.feed("/good-last", good_feed("last"))))
        with make_db_url(request.param, tmp) as url:
            engine = store.connect(url)
            try:
                t0 = time.monotonic()
                summary = pipeline.run(engine, specs, workers=8, settings=SETTINGS, now=lambda: NOW)
                seconds = time.monotonic() - t0
                result = Ingest(url, cases, {o.name: o for o in summary.outcomes}, seconds, sent)
                result.health = feed_health(engine, now=NOW).set_index("feed").to_dict("index")
                yield result
            finally:
                engine.dispose()
    finally:
        server.stop()


@pytest.fixture(scope="module")
def engine(ingest: Ingest):
    eng = store.connect(ingest.url)
    yield eng
    eng.dispose()


def _titles(engine, feed: str) -> list[str]:
    a, af, f = store.articles, store.article_feeds, store.feeds
    with engine.connect() as conn:
        return list(conn.execute(
            select(a.c.title).join(af, af.c.article_id == a.c.id).join(f, f.c.id == af.c.feed_id)
            .where(f.c.name == feed)).scalars())


CASE_NAMES = [  # spelled out, so each case is a test id even before the fixture runs
    "malformed-unusable", "malformed-recoverable", "truncated-mid-entry", "html-page", "empty-body",
    "json", "binary-garbage", "truncated-gzip", "gzip-bomb", "billion-laughs", "quadratic-blowup",
    "external-entity", "200MB-body", "200MB-declared", "10000-items", "bare-items", "odd-dates",
    "duplicate-guids", "bom-beats-charset", "utf8-labelled-latin1", "cp1252-labelled-utf8",
    "utf8-with-stray-byte", "no-charset-anywhere", "oversized-links", "invalid-characters",
]


def test_case_list_is_complete(ingest):
    assert sorted(CASE_NAMES) == sorted(ingest.cases)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_each_feed_is_recorded_with_a_one_line_reason(ingest, engine, name):
    case, out, row = ingest.cases[name], ingest.outcomes[name], ingest.health[name]
    assert out.status == case.status, (out.error, out.warning)
    assert row["status"] == case.status
    rows = feed_rows(engine, name)
    assert rows["log"] == 1  # the attempt is logged either way
    if case.status == "failed":
        assert case.reason in one_line(out.error)
        assert row["error"] == out.error and row["failures"] == 1
        assert rows["links"] == 0 and row["articles"] == 0  # nothing partial from a failed feed
    else:
        assert out.error is None and row["error"] == ""
        if case.reason:
            assert case.reason in one_line(out.warning)
            assert row["warning"] == out.warning
        else:
            assert not out.warning, out.warning
        assert rows["links"] == row["articles"] == case.stored
        titles = _titles(engine, name)
        assert set(case.titles) <= set(titles), titles


def test_the_good_feeds_around_them_are_ingested(ingest, engine):
    a, af, f, ea = store.articles, store.article_feeds, store.feeds, store.event_articles
    for name in ("good-first", "good-last"):
        out = ingest.outcomes[name]
        assert (out.status, out.error, out.warning) == ("ok", None, None)
        assert out.new_articles == 2
        with engine.connect() as conn:  # each article tagged and linked to its event
            linked = conn.execute(
                select(a.c.id).distinct().join(af, af.c.article_id == a.c.id)
                .join(f, f.c.id == af.c.feed_id).join(ea, ea.c.article_id == a.c.id)
                .where(f.c.name == name, a.c.relevant.is_(True))).all()
        assert len(linked) == 2
    assert ingest.outcomes["good-first"].new_events >= 2
    assert store.counts(engine)["articles"] == sum(c.stored for c in ingest.cases.values()) + 4


def test_the_run_is_bounded_in_time_and_stops_huge_bodies_early(ingest):
    assert ingest.seconds < 15, ingest.seconds
    # The client hung up near the cap: the server never got to stream its 200 MB.
    assert ingest.sent[0] < 10 * CAP, ingest.sent[0]


def test_cli_feeds_lists_every_failure_on_its_row(ingest, capsys):
    assert main(["feeds", "--db", ingest.url]) == 0
    lines = capsys.readouterr().out.splitlines()
    for name, case in ingest.cases.items():
        if case.status == "failed":
            (line,) = [ln for ln in lines if ln.lstrip().startswith(name + " ")]
            assert ingest.outcomes[name].error in line and "failed" in line


def test_entity_bombs_expand_nothing_and_read_no_files(ingest, engine):
    a = store.articles
    with engine.connect() as conn:
        texts = conn.execute(select(a.c.title, a.c.summary)).all()
    for title, summary in texts:
        assert "lollollol" not in title + summary
        assert "x" * 1000 not in summary
        assert SECRET not in title + summary
        assert len(summary) <= MAX_SUMMARY
    assert _titles(engine, "external-entity") == ["XXE"]


def test_sparse_items_get_stable_ids_and_fetch_time(ingest, engine):
    a, af, f = store.articles, store.article_feeds, store.feeds
    with engine.connect() as conn:
        rows = conn.execute(
            select(a.c.title, a.c.canonical_url, a.c.guid, a.c.published_at, a.c.published_source)
            .join(af, af.c.article_id == a.c.id).join(f, f.c.id == af.c.feed_id)
            .where(f.c.name.in_(["bare-items", "odd-dates"])).order_by(a.c.title)).all()
    got = {r.title: r for r in rows}
    assert got["Only a title: cobalt quota"].canonical_url is None
    assert got["Only a description, about lithium."].guid is None
    assert got[""].canonical_url == "https://bare.example/only-link"  # a link and nothing else
    for r in rows:  # no usable date (or an absurd one): the fetch time, flagged as such
        assert (r.published_at, r.published_source) == (NOW, "fetched"), r


def test_oversized_links_are_not_links(ingest, engine):
    a, af, f = store.articles, store.article_feeds, store.feeds
    with engine.connect() as conn:
        rows = conn.execute(
            select(a.c.canonical_url, a.c.source_domain).join(af, af.c.article_id == a.c.id)
            .join(f, f.c.id == af.c.feed_id).where(f.c.name == "oversized-links")).all()
    assert [tuple(r) for r in rows] == [(None, "127.0.0.1")] * 2  # the feed's own host instead


def test_second_run_adds_nothing(ingest, engine):
    """Re-reading every hostile body (no validators were stored) changes no article or event."""
    before = store.counts(engine)
    server = FeedServer().start()
    try:
        specs = [FeedSpec(n, server.route(f"/{n}", c.response)) for n, c in ingest.cases.items()
                 if c.status == "ok"]
        # Same names, new URLs: ensure_feed resets the validators, so everything is parsed again.
        summary = pipeline.run(engine, specs, workers=8, settings=SETTINGS, now=lambda: NOW)
    finally:
        server.stop()
    assert {o.status for o in summary.outcomes} == {"ok"}
    assert summary.new_articles == 0 and summary.new_events == 0
    after = store.counts(engine)
    assert after.pop("fetch_log") == before.pop("fetch_log") + len(specs)
    assert after == before


# --- encodings, parse level ----------------------------------------------------------------

ASCII_PUNCT = TITLE.replace("–", "-").replace("“", '"').replace("”", '"')  # fits latin-1
NO_TILDE = TITLE.replace("ñ", "n")
ENCODINGS = {
    # id: (body, Content-Type, the title it must give)
    "utf16be-bom-vs-charset": (_encoded(_doc(TITLE, "utf-8"), "utf-16-be", b"\xfe\xff"),
                               "application/rss+xml; charset=utf-8", TITLE),
    "utf16le-no-bom": (_encoded(_doc(TITLE, "utf-16"), "utf-16-le"), "application/xml", TITLE),
    "utf32-bom": (_encoded(_doc(TITLE, None), "utf-32-le", b"\xff\xfe\x00\x00"), "text/xml", TITLE),
    "utf8-bom-vs-decl-and-charset": (b"\xef\xbb\xbf" + _encoded(_doc(TITLE, "iso-8859-1"), "utf-8"),
                                     "application/xml; charset=windows-1252", TITLE),
    "cp1252-behind-a-utf8-bom": (b"\xef\xbb\xbf" + _encoded(_doc(NO_TILDE, None), "cp1252"),
                                 "application/xml", NO_TILDE),
    "text-plain": (_encoded(_doc(TITLE, "utf-8"), "utf-8"), "text/plain", TITLE),
    "no-content-type": (_encoded(_doc(TITLE, "iso-8859-1"), "utf-8"), "", TITLE),
    "latin1-declared": (_encoded(_doc(ASCII_PUNCT, None), "latin-1"), "application/xml; charset=latin1",
                        ASCII_PUNCT),
    "koi8-declared": (_encoded(_doc("Таможенные пошлины", "koi8-r"), "koi8-r"), "application/xml",
                      "Таможенные пошлины"),
}


@pytest.mark.parametrize("case", ENCODINGS)
def test_encodings_decode_to_the_same_text(case):
    body, content_type, expected = ENCODINGS[case]
    out = parse_feed(body, {"content-type": content_type} if content_type else {},
                     "https://enc.example/feed", NOW)
    assert [a.title for a in out.articles] == [expected]


def test_atom_feed_of_many_entries_is_cut_and_stays_well_formed():
    entries = [{"id": f"urn:a:{i}", "title": f"Entry {i}", "link": f"https://atom.example/{i}"}
               for i in range(MAX_ENTRIES + 500)]
    out = parse_feed(atom(*entries), {"content-type": "application/atom+xml"}, "https://atom.example/", NOW)
    assert len(out.articles) == MAX_ENTRIES
    assert out.articles[-1].title == f"Entry {MAX_ENTRIES - 1}"
    assert out.warning == f"{MAX_ENTRIES + 500:,} entries: only the first {MAX_ENTRIES:,} were read"
