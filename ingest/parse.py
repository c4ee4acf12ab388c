"""Parse feed bytes with feedparser into normalised article records.

feedparser never raises on a bad feed; it sets `bozo` and says why. We keep what it parsed and
record the reason as a warning; only a bozo feed with no entries at all is a failed fetch.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser

from .normalize import article_id, canonical_url, html_to_text, source_domain, struct_to_utc
from .store import ArticleRecord

LOGGER = logging.getLogger(__name__)

# Dates outside this window are a feed's bug (epoch zero, a clock years ahead), not news.
_EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
_FUTURE_SLACK = timedelta(days=1)
MAX_TITLE = 1_000
MAX_SUMMARY = 20_000


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
    # Bytes, never a str: feedparser would treat a str as a URL or a path and fetch it.
    parsed = feedparser.parse(bytes(content), response_headers=dict(headers or {}),
                              sanitize_html=True, resolve_relative_uris=True)
    out = ParsedFeed(title=html_to_text(parsed.feed.get("title", "")))
    if parsed.get("bozo"):
        out.warning = _reason(parsed.get("bozo_exception"))
    feed_lang = parsed.feed.get("language") or headers.get("content-language")
    seen: set[str] = set()
    for entry in parsed.entries:
        record = _entry_to_article(entry, feed_url, fetched_at, feed_lang)
        if record is None:
            out.skipped += 1
            continue
        if record.id in seen:  # duplicate guid inside one feed: first one wins
            continue
        seen.add(record.id)
        out.articles.append(record)
    if not out.articles:
        if parsed.get("bozo"):
            out.error = f"not a usable feed ({out.warning})"
        elif not parsed.get("version") and not parsed.entries:
            out.error = "not a feed: no RSS, Atom or RDF document found"
        elif not parsed.entries:
            out.warning = "the feed has no entries"
    if out.skipped and out.warning is None:
        out.warning = f"{out.skipped} entries without a title, summary or link were skipped"
    return out


def _entry_to_article(entry: Any, feed_url: str, fetched_at: datetime,
                      feed_lang: str | None) -> ArticleRecord | None:
    title = html_to_text(entry.get("title", ""))[:MAX_TITLE]
    raw_summary = entry.get("summary") or ""
    if not raw_summary and entry.get("content"):
        raw_summary = entry["content"][0].get("value", "")
    summary = html_to_text(raw_summary)[:MAX_SUMMARY]
    link = canonical_url(entry.get("link"))
    if not link:
        for alt in entry.get("links", []) or []:
            link = canonical_url(alt.get("href"))
            if link:
                break
    guid = entry.get("id") or None
    if guid and canonical_url(guid) and not link and entry.get("guidislink", False):
        link = canonical_url(guid)
    if not (title or summary or link):
        return None
    published, source = _published(entry, fetched_at)
    lang = entry.get("language") or feed_lang
    return ArticleRecord(
        id=article_id(guid, link, title, summary, feed_url),
        canonical_url=link,
        guid=guid,
        title=title or summary[:120],
        summary=summary,
        published_at=published,
        published_source=source,
        source_domain=source_domain(link) or source_domain(feed_url),
        language=(str(lang)[:20] if lang else None),
    )


def _published(entry: Any, fetched_at: datetime) -> tuple[datetime, str]:
    """Publication time in UTC: published, else updated, else the fetch time (flagged)."""
    for key, source in (("published_parsed", "published"), ("updated_parsed", "updated"),
                        ("created_parsed", "published")):
        when = struct_to_utc(entry.get(key))
        if when is not None and _EARLIEST <= when <= fetched_at + _FUTURE_SLACK:
            return when, source
    return fetched_at, "fetched"
