"""Feed text to plain text: markup as a browser reads it, and no invisible characters that
change how a headline reads (bidirectional overrides and isolates, direction marks)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers.feeds import rss, rss_item

from ingest.sources.parse import parse_feed
from ingest.tagging.tagger import Tagger
from ingest.text import html_to_text

NOW = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)
# Every bidirectional control and direction mark, and the deprecated format controls.
FORMAT_CHARS = ["\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)),
                *map(chr, range(0x2066, 0x2070))]


@pytest.mark.parametrize("raw,expected", [
    ("a <!-- comment --> b", "a b"),
    ("a <!-- never closed <b>bold</b>", "a"),  # an unclosed comment runs to the end
    ("a <![CDATA[hidden]]> b", "a b"),
    ("a <!DOCTYPE html> b <?php echo 1 ?> c", "a b c"),
    ('<a title="x > y">link</a> text', "link text"),  # ">" inside a quoted value
    ("<a title='never closed>link</a> text", ""),  # an unclosed tag swallows the rest
    ("text then <b", "text then"),
    ("1 < 2 and 3 <= 4", "1 < 2 and 3 <= 4"),  # "<" that opens nothing is text
    ("<script>if (a<b) { x = '</p>' }</script>after", "after"),
    ("<STYLE>p { }</STYLE>after", "after"),
    ("<svg><style>q</style>inside</svg>outside", "outside"),
    ("<script/>shown", "shown"),
    ("<p>one</p><p>two</p>", "one two"),
    ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),  # escaped text stays text
])
def test_markup_is_read_as_a_browser_reads_it(raw, expected):
    assert html_to_text(raw) == expected


@pytest.mark.parametrize("char", FORMAT_CHARS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("form", ["raw", "decimal", "hex", "double-escaped"])
def test_invisible_format_characters_are_removed(char, form):
    code = ord(char)
    enc = {"raw": char, "decimal": f"&#{code};", "hex": f"&#x{code:X};",
           "double-escaped": f"&amp;#x{code:x};"}[form]
    for text in (f"{enc}Reuters{enc}", f"<b>China {enc}curbs</b> {enc}gallium", f"{enc}"):
        out = html_to_text(text)
        assert not any(c in out for c in FORMAT_CHARS), (text, out)
    assert html_to_text(f"China{enc} curbs gallium exports") == "China curbs gallium exports"


def test_no_stored_text_keeps_them():
    """Titles, summaries and the evidence the tagger quotes, from a feed full of them."""
    mixed = "".join(FORMAT_CHARS)
    title = f"China {mixed}restricts gallium{chr(0x202E)} exports"
    desc = (f"China's commerce ministry said it will restrict exports of{chr(0x2067)} gallium "
            f"and germanium from Aug. 1, 2023.&#x202E;{mixed}")
    body = rss(rss_item(title, link="https://bidi.example/1", description=desc,
                        pub_date="Mon, 03 Jul 2023 09:00:00 +0000"), title=f"Feed {mixed}")
    out = parse_feed(body, {"content-type": "application/rss+xml"}, "https://bidi.example/", NOW)
    (article,) = out.articles
    res = Tagger().tag(article.title, article.summary, article.published_at)
    texts = [out.title, article.title, article.summary, *(e.evidence for e in res.events)]
    assert res.events
    for text in texts:
        assert not any(c in text for c in FORMAT_CHARS), repr(text)
    assert article.title == "China restricts gallium exports"
    # The tagger cleans raw input too (`ingest tag` gives it HTML as sent).
    raw = Tagger().tag(title, desc, article.published_at)
    assert all(not any(c in e.evidence for c in FORMAT_CHARS) for e in raw.events)


def test_every_whitespace_run_is_one_space_however_it_was_typed():
    """Folding with string calls reads as whitespace what the WHITESPACE regex does: tabs,
    newlines, no-break and ideographic spaces, in plain text and in markup alike."""
    from ingest.text import WHITESPACE

    for raw in ["a\u00a0\u00a0b\tc\n\nd", " \u3000lead\u2003trail \u2028", "x  y", "x y", "\x1c"]:
        want = WHITESPACE.sub(" ", raw).strip()
        assert html_to_text(raw) == want and html_to_text(f"<p>{raw}</p>") == want, raw


def test_the_tagger_straightens_quotes_and_spaces_as_feeds_type_them():
    from ingest.tagging.vocab import normalise_text

    assert normalise_text("China\u2019s \u2018ban\u2019\u00a0on gallium, anti\u2011dumping, non\u2010EU") == (
        "China's 'ban' on gallium, anti-dumping, non-EU")
    assert normalise_text("plain") == "plain" and normalise_text("caf\u00e9") == "caf\u00e9"
