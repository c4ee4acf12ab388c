"""Hostile markup costs linear time: unclosed comments, CDATA, processing instructions,
declarations and tags, repeated to a megabyte, anywhere in a feed or a summary.

A scan that restarts at every "<" and looks for a closing marker that never comes takes the
square of the size (a 540 KB body of "<![CDATA[" took 264 s). The bounds below are a hundred
times what the linear code needs, and a thousand times less than what the quadratic code took.
They bound the process's CPU time, not the wall clock: other work on a busy machine does not
count, and the quadratic scans they guard against are all CPU.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from helpers.feeds import rss, rss_item

from ingest.sources.parse import MAX_ENTRIES, _entry_tags, _first_entries, _last_entry_unclosed, parse_feed

NOW = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)
MB = 1 << 20
# Openings whose closing marker never comes, each alone and all mixed.
UNCLOSED = [b"<![CDATA[", b"<?", b"<?xml-stylesheet ", b"<!--", b"<!", b"<!DOCTYPE x ", b"<!ENTITY "]
UNCLOSED_MIXED = b"".join(UNCLOSED)
# Tags that never close (no ">"), for the scans that read tags.
OPEN_TAGS = [b"<a", b"</a", b"<a b='", b'<item x="', b"<entry", b"<rss:item "]


def _seconds(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def _repeat(marker: bytes, size: int) -> bytes:
    return marker * (size // len(marker))


def _feed_with(run: bytes, where: str) -> bytes:
    """An RSS document of two good entries with `run` before, between or inside them."""
    first = rss_item("First", link="https://lin.example/1").encode()
    second = rss_item("Second", link="https://lin.example/2").encode()
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
    if where == "before":
        return head + run + first + second
    if where == "between":
        return head + first + run + second
    return head + first + second[:-len(b"</item>")] + run  # inside the last entry, to the end


def _prescan(body: bytes) -> None:
    _first_entries(body, MAX_ENTRIES)
    _last_entry_unclosed(body)


@pytest.mark.parametrize("marker", [*UNCLOSED, UNCLOSED_MIXED], ids=lambda m: m.decode())
@pytest.mark.parametrize("where", ["before", "between", "inside"])
def test_unclosed_markup_is_scanned_once(marker, where):
    for size in (64 * 1024, MB):
        body = _feed_with(_repeat(marker, size), where)
        assert _seconds(lambda b=body: _prescan(b)) < 1.0, (marker, where, size)


@pytest.mark.parametrize("marker", OPEN_TAGS, ids=lambda m: m.decode())
def test_tags_that_never_close_are_scanned_once(marker):
    # Past MAX_ENTRIES entries the scan also reads every tag before the first entry.
    entries = b"".join(rss_item(f"E{i}", link=f"https://lin.example/{i}").encode()
                       for i in range(MAX_ENTRIES + 1))
    for size in (64 * 1024, 256 * 1024):
        run = _repeat(marker, size)
        for body in (b"<rss><channel>" + run + entries, b"<rss><channel>" + entries + run):
            assert _seconds(lambda b=body: _prescan(b)) < 1.0, (marker, size)


def test_markup_is_skipped_as_before():
    """Entries inside comments, CDATA, declarations and instructions are not entries."""
    body = (b"<rss><channel><!-- <item>c</item> --><![CDATA[ <item>d</item> ]]>"
            b"<?pi <item>p</item> ?><!DOCTYPE x><item>real</item><entry/></channel></rss>")
    assert [m["name"] for m in _entry_tags(body)] == [b"item", b"entry"]
    assert not _last_entry_unclosed(body)
    assert _last_entry_unclosed(body[: body.index(b"real</item>") + 4])
    # An unclosed comment hides everything after it, as it does from an XML reader.
    assert [m["name"] for m in _entry_tags(b"<rss><item>a</item><!-- <item>b</item>")] == [b"item"]


def test_a_cut_document_is_closed_again_whatever_precedes_its_entries():
    items = [rss_item(f"Item {i}", link=f"https://cut.example/{i}") for i in range(MAX_ENTRIES + 5)]
    doc = rss(*items).replace(b"<channel>", b"<channel><!-- <x> --><?pi <y> ?><br/><![CDATA[<z>]]>")
    cut, n = _first_entries(doc, MAX_ENTRIES)
    assert n == MAX_ENTRIES + 5
    assert cut.endswith(b"</channel></rss>")
    out = parse_feed(cut, {"content-type": "application/rss+xml"}, "https://cut.example/", NOW)
    assert out.warning is None and len(out.articles) == MAX_ENTRIES


@pytest.mark.parametrize("marker", UNCLOSED, ids=lambda m: m.decode())
def test_parse_feed_on_a_megabyte_of_unclosed_markup(marker):
    """The whole parse (feedparser included) stays fast; feedparser's own fallback parser reads
    a document that is not well-formed at about 2 s a megabyte, so this one is a quarter of one."""
    for where in ("before", "between"):
        body = _feed_with(_repeat(marker, MB // 4), where)
        t0 = time.process_time()
        out = parse_feed(body, {"content-type": "application/rss+xml"}, "https://lin.example/", NOW)
        assert time.process_time() - t0 < 2.0, (marker, where)
        assert out.error is None or "\n" not in out.error


# --- summaries: html_to_text and what feedparser is given ------------------------------------

# Markup that made html.parser (and feedparser's sanitiser) rescan to the end at every step.
HTML_RUNS = ["<!--", "<![CDATA[", "<!", "<!DOCTYPE", "<![if ", "<?", "</", "</a", "<a", "<a\n",
             "<a b='", '<a b="', "<a b=", "<a b='>'", "<script>", "<", "&", "&#", "&#x", "&amp"]


@pytest.mark.parametrize("run", HTML_RUNS)
def test_html_to_text_is_linear(run):
    from ingest.text import html_to_text

    for size in (16 * 1024, 256 * 1024):
        text = "Cobalt quota " + run * (size // len(run))
        assert _seconds(lambda t=text: html_to_text(t)) < 1.0, (run, size)


@pytest.mark.parametrize("run", ["<!--", "<a\n", "<a b='", "<!", "</a", "<?"])
@pytest.mark.parametrize("cdata", [True, False])
def test_a_hostile_description_is_parsed_in_linear_time(run, cdata):
    """40,000 "<!--" in a CDATA description took feedparser's sanitiser 4.6 s, html.parser 18 s.

    Raw markup makes the document ill-formed, and feedparser's fallback parser (linear, but
    about 2 s a megabyte) reads it: those runs are kept smaller.
    """
    for repeats in ((40_000, 160_000) if cdata else (10_000, 40_000)):
        markup = run * repeats
        desc = f"<![CDATA[Cobalt export quota {markup}]]>" if cdata else "Cobalt export quota " + markup
        body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Quota'
                f'</title><link>https://lin.example/q</link><description>{desc}</description></item>'
                f'</channel></rss>').encode()
        t0 = time.process_time()
        out = parse_feed(body, {"content-type": "application/rss+xml"}, "https://lin.example/", NOW)
        assert time.process_time() - t0 < 3.0, (run, cdata, repeats)
        assert [a.title for a in out.articles] == ["Quota"]
