"""Normalise feed entries: canonical URLs, plain text from HTML, stable ids, UTC times."""

from __future__ import annotations

import calendar
import hashlib
import html
import re
import time
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track the click, never select the content.
_TRACKING_PARAMS = re.compile(r"^(utm_[a-z_]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid)$", re.I)
# Whitespace runs other than a lone space (which folding leaves as it is): starting with a
# literal or a class lets the regex engine skip ahead instead of stopping at every space.
_WS = re.compile(r"[^\S ]\s*| \s+")
# Control characters no text needs (NUL breaks PostgreSQL text; the rest is noise). Whitespace
# controls (tab, newlines, form feed) are folded into spaces by _WS instead.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_URL = 2048  # longer "links" are not links anyone publishes (and overflow a btree index)
MAX_HOST = 253  # the longest DNS name
_BLOCK_TAGS = frozenset(
    ["p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "header", "footer", "figure", "figcaption", "table", "pre", "hr", "dd", "dt"]
)
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg"})


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment, dropping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str | None) -> str:
    """Plain text of an HTML (or plain) fragment: tags stripped, entities decoded, spaces folded."""
    if not fragment:
        return ""
    if not fragment.isprintable():  # (printable text has no control characters to drop)
        fragment = _CONTROL.sub("", fragment)
    if "<" not in fragment and "&" not in fragment:
        if fragment.isascii() and "  " not in fragment and not any(c in fragment for c in "\t\n\r\v\f"):
            return fragment.strip()  # plain text with single spaces: nothing to fold
        return _WS.sub(" ", fragment).strip()
    parser = _TextExtractor()
    try:
        parser.feed(fragment)
        parser.close()
        text = "".join(parser.parts)
    except (AssertionError, ValueError):  # html.parser's complaints about broken markup
        text = re.sub(r"<[^>]*>", " ", fragment)
    # Feeds often double-escape ("&amp;amp;"): decode what is left once more.
    text = _CONTROL.sub("", html.unescape(text)) if "&" in text else text
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip()


def canonical_url(url: str | None) -> str | None:
    """The URL without fragment and tracking parameters, scheme and host lower-cased.

    Returns None for anything that is not an absolute http(s) URL of sane length, so only web
    links are ever stored (and rendered) as links.
    """
    if not url:
        return None
    url = url.strip()
    if len(url) > MAX_URL or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname or len(parts.hostname) > MAX_HOST:
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
        basis = "hash:" + _WS.sub(" ", f"{title}\n{summary}").strip().lower()
    return hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()


def struct_to_utc(value: time.struct_time | None) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime (timegm, never mktime: no DST shift)."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None
