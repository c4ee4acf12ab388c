"""Parse feed bytes with feedparser into normalised article records.

feedparser never raises on a bad feed; it sets `bozo` and says why. We keep what it parsed and
record the reason as a warning; only a bozo feed with no entries at all is a failed fetch.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser

from ..records import ArticleRecord
from ..stories import domain_of
from ..text import html_to_text
from . import gdelt
from .normalize import article_id, canonical_url, struct_to_utc
from .outlets import attribute, is_link_block, repeats_headline

LOGGER = logging.getLogger(__name__)

# Dates outside this window are a feed's bug (epoch zero, a clock years ahead), not news.
_EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
_FUTURE_SLACK = timedelta(days=1)
MAX_TITLE = 1_000
MAX_SUMMARY = 20_000
# Markup read per title or summary: plenty for 20,000 characters of text, and a bound on the
# work a hostile entry can ask for. The rest of a longer one is dropped before it is read.
MAX_MARKUP = 50 * MAX_SUMMARY
MAX_ENTRIES = 1_000  # a feed is a window on recent news; more is an archive (or an attack)

# Byte order marks, then the layout of "<" in BOM-less UTF-16/32 (XML 1.0, appendix F).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_LAYOUTS = ((b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
            (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"))
_EBCDIC = b"\x4c\x6f\xa7\x94"  # "<?xm"
_CHARSET = re.compile(r";\s*charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_XML_DECL = re.compile(r"\s*<\?xml\b[^>]*?\?>")
_UTF8_DECL = '<?xml version="1.0" encoding="utf-8"?>'
_XML_DECL_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Characters XML 1.0 forbids, raw or as references: expat rejects them, and feedparser's
# fallback parser raises on a reference to a surrogate.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
# Markup that holds no tags, by how it opens and closes: comments, CDATA sections, processing
# instructions, declarations (the order matters: "<!" is tried last). One left open runs to
# the end of the document: that is how an XML reader sees it, and it keeps every scan linear.
_NOT_TAGS = ((b"<!--", b"-->"), (b"<![CDATA[", b"]]>"), (b"<?", b"?>"), (b"<!", b">"))
# An entry's start tag (RSS/RDF item, Atom entry, any namespace prefix), and any tag's opening.
_ENTRY_START = re.compile(rb"<(?P<name>(?:[\w.-]+:)?(?:item|entry))(?=[\s/>])(?P<rest>[^>]*)>?")
_TAG_START = re.compile(rb"<(/?)([A-Za-z_][\w.:-]*)")


@dataclass
class ParsedFeed:
    """Articles from one feed body, plus a warning (bozo) or the reason it failed."""

    articles: list[ArticleRecord] = field(default_factory=list)
    title: str = ""
    warning: str | None = None
    error: str | None = None
    skipped: int = 0  # entries with neither title, summary nor link


def _reason(exc: Any) -> str:
    text = str(exc).strip().splitlines()
    name = exc.__class__.__name__ if isinstance(exc, BaseException) else "error"
    return f"{name}: {text[0][:200]}" if text else name


def parse_feed(content: bytes, headers: dict[str, str], feed_url: str,
               fetched_at: datetime) -> ParsedFeed:
    """Turn one feed body into article records; never raises on bad input."""
    if not content.strip():
        return ParsedFeed(error="empty response body")
    if gdelt.looks_like_json(content):
        articles, error = gdelt.parse_artlist(bytes(content), feed_url, fetched_at,
                                              max_entries=MAX_ENTRIES, max_title=MAX_TITLE)
        return ParsedFeed(articles=articles, error=error,
                          warning=None if articles or error else "the feed has no entries")
    sent_type = (headers or {}).get("content-type", "")
    body, headers, notes = to_utf8(bytes(content), dict(headers or {}))
    body, n_entries = _first_entries(body, MAX_ENTRIES)
    if n_entries > MAX_ENTRIES:
        notes.append(f"{n_entries:,} entries: only the first {MAX_ENTRIES:,} were read")
    try:
        # Bytes, never a str: feedparser would treat a str as a URL or a path and fetch it.
        # Its HTML sanitiser and link resolver are not used: we keep only the text
        # (html_to_text, linear time), and they take the square of the markup's size.
        parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False,
                                  resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 - a feedparser bug on one body is that feed's error
        return ParsedFeed(error=f"feedparser failed: {_reason(exc)}")
    out = ParsedFeed(title=html_to_text(parsed.feed.get("title", "")))
    bozo = _reason(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    if bozo and sent_type:  # quote the Content-Type the server sent, not our utf-8 version of it
        bozo = bozo.replace(headers["content-type"], sent_type)
    entries = parsed.entries
    if entries and parsed.get("bozo") and _last_entry_unclosed(body):
        entries = entries[:-1]
        notes.append("the document ends early: its last entry, maybe cut short, was dropped")
    entries = entries[:MAX_ENTRIES]  # in case the cut above missed entries feedparser found
    feed_lang = parsed.feed.get("language") or headers.get("content-language")
    feed = _FeedInfo(feed_url, fetched_at, feed_lang, out.title, parsed.feed.get("link"))
    seen: set[str] = set()
    for entry in entries:
        record = _entry_to_article(entry, feed)
        if record is None:
            out.skipped += 1
            continue
        if record.id in seen:  # duplicate guid inside one feed: first one wins
            continue
        seen.add(record.id)
        out.articles.append(record)
    if out.skipped:
        notes.append(f"{out.skipped} entries without a title, summary or link were skipped")
    out.warning = "; ".join([bozo] + notes if bozo else notes)[:1000] or None
    if not out.articles:
        if bozo:
            out.error = f"not a usable feed ({out.warning})"
        elif not parsed.get("version") and not parsed.entries:
            out.error = "not a feed: no RSS, Atom or RDF document found"
        elif not parsed.entries:
            out.warning = "the feed has no entries"
    return out


def _first_entries(body: bytes, limit: int) -> tuple[bytes, int]:
    """The document cut after its first `limit` entries and closed again, and its entry count.

    feedparser takes about half a millisecond per entry, so a 10 MB feed of tiny items would
    take it half a minute; past the limit, the rest is never parsed.
    """
    starts = [m.start() for m in _entry_tags(body)]
    if len(starts) <= limit:
        return body, len(starts)
    stack: list[bytes] = []  # the elements open where the first entry starts (root, channel)
    for closing, name, empty in _tags(body, starts[0]):
        if closing:
            while stack and stack.pop() != name:
                pass
        elif not empty:
            stack.append(name)
    return body[: starts[limit]] + b"".join(b"</" + n + b">" for n in reversed(stack)), len(starts)


def _last_entry_unclosed(body: bytes) -> bool:
    """Whether the document stops inside its last entry (a truncated download)."""
    last = next(iter(deque(_entry_tags(body), maxlen=1)), None)
    if last is None or last["rest"].endswith(b"/"):
        return False
    return re.compile(rb"</" + re.escape(last["name"]) + rb"\s*>").search(body, last.end()) is None


def _next_tag(body: bytes, pos: int, end: int) -> int:
    """Where the next "<" that may open a tag is, from `pos` (-1 if none before `end`).

    Comments, CDATA, processing instructions and declarations are skipped by one search for
    their closing marker; one left open runs to `end`. Nothing is scanned twice, so the time
    is linear in the size of the body whatever it holds (a regex alternation restarted at
    every "<" scans an unclosed construct to the end again each time: quadratic).
    """
    while (lt := body.find(b"<", pos, end)) >= 0:
        for opener, closer in _NOT_TAGS:
            if body.startswith(opener, lt):
                close = body.find(closer, lt + len(opener), end)
                pos = end if close < 0 else close + len(closer)
                break
        else:
            return lt
    return -1


def _entry_tags(body: bytes) -> Iterator[re.Match[bytes]]:
    """Every entry start tag outside comments, CDATA and the like, in order (linear time)."""
    pos = 0
    while (lt := _next_tag(body, pos, len(body))) >= 0:
        m = _ENTRY_START.match(body, lt)
        pos = m.end() if m else lt + 1
        if m:
            yield m


def _tags(body: bytes, end: int) -> Iterator[tuple[bytes, bytes, bool]]:
    """(b"/" for an end tag, name, whether self-closing) of each tag before `end` (linear time).

    A tag that never closes runs to `end`, like the markup `_next_tag` skips.
    """
    pos = 0
    while (lt := _next_tag(body, pos, end)) >= 0:
        m = _TAG_START.match(body, lt, end)
        if m is None:
            pos = lt + 1
            continue
        gt = body.find(b">", m.end(), end)
        if gt < 0:
            return
        yield m[1], m[2], body[gt - 1: gt] == b"/"
        pos = gt + 1


def to_utf8(content: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str], list[str]]:
    """The body as clean UTF-8 with headers and XML declaration that say so, and notes on why.

    Which encoding: a byte order mark; else UTF-8 when the bytes are valid UTF-8 (whatever the
    labels claim: servers often send a wrong charset); else the HTTP charset, then the XML
    declaration, if the bytes decode in it; else UTF-8 or windows-1252 with replacements. Handing
    feedparser one agreed encoding keeps its RFC 3023 rules (HTTP charset over BOM) from
    decoding a whole feed wrongly. Characters XML forbids are dropped, raw or as references.
    """
    http = _CHARSET.search(headers.get("content-type", ""))
    xml = _XML_DECL_ENCODING.match(content.removeprefix(codecs.BOM_UTF8)[:1024])
    labels = [(http.group(1) if http else "", "HTTP charset"),
              (xml.group(1).decode("ascii") if xml else "", "XML declaration")]
    declared = [(name, label, where) for label, where in labels if (name := _codec(label))]
    encoding, why, text = _decode(content, [(name, where) for name, _label, where in declared])
    notes = []
    if _NON_ASCII.search(text):  # in plain ASCII, every such label reads the same
        notes += [f"read as {encoding} ({why}), not {label} as the {where} says"
                  for name, label, where in declared if _family(name) != _family(encoding)][:1]
    text = _XML_INVALID.sub("", text)
    if "&#" in text:
        text = _CHAR_REF.sub(_valid_ref, text)
    decl = _XML_DECL.match(text)  # replaced in place, so parse errors keep their line numbers
    text = _UTF8_DECL + (text[decl.end():] if decl else "\n" + text)
    headers = dict(headers)
    if "content-type" in headers:
        headers["content-type"] = headers["content-type"].split(";", 1)[0].strip() + "; charset=utf-8"
    return text.encode("utf-8"), headers, notes


def _decode(content: bytes, declared: list[tuple[str, str]]) -> tuple[str, str, str]:
    """(encoding, why it was chosen, text) by the rules of to_utf8."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            try:
                return name, "byte order mark", content[len(bom):].decode(name)
            except UnicodeDecodeError:  # a mark the bytes contradict: judge them without it
                content = content[len(bom):]
                break
    for layout, name in _LAYOUTS:
        if content.startswith(layout):
            return name, "byte layout", content.decode(name, "replace")
    if content.startswith(_EBCDIC):  # the declaration, read in EBCDIC, names the code page
        m = re.search(r"encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", content[:200].decode("cp037"))
        name = (_codec(m.group(1)) if m else None) or "cp037"
        return name, "EBCDIC layout", content.decode(name, "replace")
    try:
        return "utf-8", "valid UTF-8", content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name, where in declared:
        try:
            return name, where, content.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    text = content.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    if len(_NON_ASCII.findall(text)) - bad >= bad:  # mostly UTF-8, with a few stray bytes
        return "utf-8", "mostly valid UTF-8", text
    return "cp1252", "not valid UTF-8", content.decode("cp1252", "replace")


def _family(codec: str) -> str:
    """'utf-16-le' -> 'utf-16': a declared 'utf-16' agrees with either byte order."""
    return codec.removesuffix("-le").removesuffix("-be")


def _codec(label: str) -> str | None:
    """Python's name for a declared charset ('latin1' -> 'iso8859-1'), None if unknown."""
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip().lower())
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _valid_ref(m: re.Match[str]) -> str:
    """A character reference kept only when it names a character XML allows."""
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    ok = (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
          or 0x10000 <= code <= 0x10FFFF)
    return m.group(0) if ok else ""


@dataclass(frozen=True)
class _FeedInfo:
    """What every entry of one feed shares."""

    url: str
    fetched_at: datetime
    language: str | None
    title: str
    link: str | None


def _entry_to_article(entry: Any, feed: _FeedInfo) -> ArticleRecord | None:
    title = html_to_text((entry.get("title") or "")[:MAX_MARKUP])[:MAX_TITLE]
    raw_summary = entry.get("summary") or ""
    if not raw_summary and entry.get("content"):
        raw_summary = entry["content"][0].get("value", "")
    raw_summary = raw_summary[:MAX_MARKUP]
    link_block = is_link_block(raw_summary)
    summary = "" if link_block else html_to_text(raw_summary)[:MAX_SUMMARY]
    link = canonical_url(entry.get("link"))
    if not link:
        for alt in entry.get("links", []) or []:
            link = canonical_url(alt.get("href"))
            if link:
                break
    guid = entry.get("id") or None
    if guid and canonical_url(guid) and not link and entry.get("guidislink", False):
        link = canonical_url(guid)
    if not (title or summary or link or link_block):
        return None
    source = entry.get("source") or {}
    who = attribute(title, link, source_name=html_to_text(_text(source.get("title")) or
                                                          _text(entry.get("news_source")))[:300],
                    source_url=canonical_url(_text(source.get("href"))),
                    feed_title=feed.title, feed_link=canonical_url(feed.link))
    headline_only = bool(title) and (not summary or repeats_headline(summary, title, who.name))
    published, when_from = _published(entry, feed.fetched_at)
    lang = entry.get("language") or feed.language
    return ArticleRecord(
        id=article_id(guid, who.link, title, summary, feed.url),
        canonical_url=who.link,
        guid=guid,
        title=who.title or summary[:120],
        summary="" if headline_only else summary,
        published_at=published,
        published_source=when_from,
        source_domain=who.domain or domain_of(feed.url),
        language=(str(lang)[:20] if lang else None),
        outlet_name=who.name,
        headline_only=headline_only,
    )


def _text(value: Any) -> str:
    """A feed field as text ('' for anything else: feedparser may give a dict or a list)."""
    return value if isinstance(value, str) else ""


def _published(entry: Any, fetched_at: datetime) -> tuple[datetime, str]:
    """Publication time in UTC: published, else updated, else the fetch time (flagged)."""
    for key, source in (("published_parsed", "published"), ("updated_parsed", "updated"),
                        ("created_parsed", "published")):
        when = struct_to_utc(entry.get(key))
        if when is not None and _EARLIEST <= when <= fetched_at + _FUTURE_SLACK:
            return when, source
    return fetched_at, "fetched"
