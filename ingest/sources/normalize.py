"""Normalise feed entries: canonical URLs, stable ids, UTC times (plain text: ingest.text)."""

from __future__ import annotations

import calendar
import hashlib
import re
import time
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..text import CONTROL_CHARS, WHITESPACE, is_web_scheme

# Query parameters that only track the click, never select the content.
_TRACKING_PARAMS = re.compile(r"^(utm_[a-z_]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid)$", re.I)
MAX_URL = 2048  # longer "links" are not links anyone publishes (and overflow a btree index)
MAX_HOST = 253  # the longest DNS name
def canonical_url(url: str | None) -> str | None:
    """The URL without fragment and tracking parameters, scheme and host lower-cased.

    Returns None for anything that is not an absolute http(s) URL of sane length, so only web
    links are ever stored (and rendered) as links.
    """
    if not url:
        return None
    url = url.strip()
    if len(url) > MAX_URL or CONTROL_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if not is_web_scheme(scheme) or not parts.hostname or len(parts.hostname) > MAX_HOST:
        return None
    host = parts.hostname.lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        return None
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
         if not _TRACKING_PARAMS.match(k)]
    )
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def source_domain(url: str | None) -> str:
    """The host of a URL without a leading www., or '' when there is none."""
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = host.lower()
    if len(host) > MAX_HOST:
        return ""
    return host[4:] if host.startswith("www.") else host


def article_id(guid: str | None, link: str | None, title: str, summary: str, feed_url: str) -> str:
    """A stable 40-hex id: from the guid, else the canonical link, else the content.

    Guids that are not globally unique by shape (no scheme, short) are scoped to their feed,
    since two feeds may both number their items 1, 2, 3.
    """
    if guid and guid.strip():
        g = guid.strip()
        scoped = g if (":" in g or len(g) >= 16) else f"{feed_url}#{g}"
        basis = "guid:" + scoped
    elif link:
        basis = "url:" + link
    else:
        basis = "hash:" + WHITESPACE.sub(" ", f"{title}\n{summary}").strip().lower()
    return hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()


def struct_to_utc(value: time.struct_time | None) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime (timegm, never mktime: no DST shift)."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None
