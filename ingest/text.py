"""Plain text: HTML fragments to text, one-line messages, and which links may be shown as links."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

# Whitespace runs other than a lone space (which folding leaves as it is): starting with a
# literal or a class lets the regex engine skip ahead instead of stopping at every space.
WHITESPACE = re.compile(r"[^\S ]\s*| \s+")
# Control characters no text needs (NUL breaks PostgreSQL text; the rest is noise). Whitespace
# controls (tab, newlines, form feed) are folded into spaces by WHITESPACE instead.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
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
        fragment = CONTROL_CHARS.sub("", fragment)
    if "<" not in fragment and "&" not in fragment:
        if fragment.isascii() and "  " not in fragment and not any(c in fragment for c in "\t\n\r\v\f"):
            return fragment.strip()  # plain text with single spaces: nothing to fold
        return WHITESPACE.sub(" ", fragment).strip()
    parser = _TextExtractor()
    try:
        parser.feed(fragment)
        parser.close()
        text = "".join(parser.parts)
    except (AssertionError, ValueError):  # html.parser's complaints about broken markup
        text = re.sub(r"<[^>]*>", " ", fragment)
    # Feeds often double-escape ("&amp;amp;"): decode what is left once more.
    text = CONTROL_CHARS.sub("", html.unescape(text)) if "&" in text else text
    return WHITESPACE.sub(" ", text.replace("\u00a0", " ")).strip()




def first_line(exc: BaseException) -> str:
    """An exception as one line (a database error's driver message when it has one)."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def safe_link(url: Any) -> str | None:
    """The URL when it is an absolute http(s) link, else None (never javascript:, data:, ...)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\r\n\t "):
        return None
    return url
