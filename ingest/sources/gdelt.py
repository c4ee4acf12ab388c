"""GDELT DOC 2.0 article lists in JSON form (`mode=ArtList&format=json`), which feedparser
cannot read: the same records as the RSS form, plus the outlet's domain and language.

Each article has `url`, `title`, `seendate` (when GDELT first saw it, `YYYYMMDDTHHMMSSZ`),
`domain`, `language` (a full English name) and `sourcecountry`; any of them may be missing.
GDELT answers a query with no matches with an empty object.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pycountry

from ..records import ArticleRecord
from ..stories import domain_of
from ..text import html_to_text
from .normalize import article_id, canonical_url
from .outlets import attribute

LOGGER = logging.getLogger(__name__)
_SEENDATE = "%Y%m%dT%H%M%SZ"


def looks_like_json(content: bytes) -> bool:
    """Whether a body is a JSON object (GDELT's JSON output), not XML."""
    return content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def parse_artlist(content: bytes, feed_url: str, fetched_at: datetime,
                  *, max_entries: int, max_title: int) -> tuple[list[ArticleRecord], str | None]:
    """The articles of one ArtList JSON body, and an error when it is not one (never raises)."""
    try:
        doc = json.loads(content.decode("utf-8-sig", "replace"))
    except (ValueError, RecursionError) as exc:
        return [], f"not a usable feed: not valid JSON ({str(exc)[:120]})"
    if not isinstance(doc, dict) or (doc and "articles" not in doc):
        return [], "not a usable feed: a JSON document, but not a GDELT article list"
    items = doc.get("articles", [])
    if not isinstance(items, list):
        return [], "not a usable feed: a GDELT answer whose 'articles' is not a list"
    out: list[ArticleRecord] = []
    for item in items[:max_entries]:
        record = _article(item, feed_url, fetched_at, max_title) if isinstance(item, dict) else None
        if record is not None:
            out.append(record)
    return out, None


def _article(item: dict[str, Any], feed_url: str, fetched_at: datetime, max_title: int) -> ArticleRecord | None:
    link = canonical_url(_str(item.get("url")))
    title = html_to_text(_str(item.get("title"))[: max_title * 4])[:max_title]
    if not (link and title):
        return None
    who = attribute(title, link, domain_hint=_str(item.get("domain")))
    seen = _seendate(_str(item.get("seendate")), fetched_at)
    return ArticleRecord(
        id=article_id(None, who.link, title, "", feed_url),
        canonical_url=who.link,
        guid=None,
        title=who.title,
        summary="",
        published_at=seen or fetched_at,
        published_source="published" if seen else "fetched",
        source_domain=who.domain or domain_of(feed_url),
        language=_language(_str(item.get("language"))),
        outlet_name=who.name,
        headline_only=True,
    )


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _seendate(value: str, fetched_at: datetime) -> datetime | None:
    """GDELT's `seendate` as UTC, None when missing, malformed or after the fetch."""
    try:
        when = datetime.strptime(value.strip(), _SEENDATE).replace(tzinfo=UTC)
    except ValueError:
        return None
    return when if when <= fetched_at + timedelta(days=1) else None


def _language(name: str) -> str | None:
    """GDELT's language name as an ISO 639-1 code where there is one ("French" -> "fr")."""
    if not name.strip():
        return None
    try:
        lang = pycountry.languages.lookup(name.strip())
    except LookupError:
        return name.strip()[:20]
    return str(getattr(lang, "alpha_2", None) or lang.alpha_3)
