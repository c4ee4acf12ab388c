"""Plain text: HTML fragments to text, one-line messages, and which links may be shown as links."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

# Whitespace runs other than a lone space (which folding leaves as it is): starting with a
# literal or a class lets the regex engine skip ahead instead of stopping at every space.
WHITESPACE = re.compile(r"[^\S ]\s*| \s+")
# Control characters no text needs (NUL breaks PostgreSQL text; the rest is noise). Whitespace
# controls (tab, newlines, form feed) are folded into spaces by WHITESPACE instead.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Invisible characters that change how the text around them reads: bidirectional embeddings,
# overrides and isolates, the left-to-right, right-to-left and Arabic letter marks, and the
# deprecated format controls. "\u202eReuters" displays backwards; stored text never has them.
FORMAT_CHARS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u206f]")
_UNWANTED = re.compile(f"{CONTROL_CHARS.pattern[:-1]}{FORMAT_CHARS.pattern[1:]}")
_BLOCK_TAGS = frozenset(
    ["p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "header", "footer", "figure", "figcaption", "table", "pre", "hr", "dd", "dt"]
)
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "applet"})
# One piece of HTML, matched where the previous one ended. Every branch either finds its end
# or runs to the end of the text, as a browser reads an unclosed comment or a tag whose ">"
# never comes, so each character is read a bounded number of times: linear time whatever
# the markup. (html.parser instead rescans to the end at every unclosed construct: 40,000
# "<!--" took it 18 s.) A ">" inside a quoted attribute value does not end a tag.
_PIECE = re.compile(r"""
    (?P<text>[^<]+)
  | <!--(?:-?>|.*?--!?>|.*)                          # comment
  | <!\[CDATA\[(?:.*?\]\]>|.*)                       # CDATA section: not shown
  | <(?:[!?]|/(?![A-Za-z]))(?:[^>]*>|.*)             # declaration, instruction, bogus comment
  | <(?P<end>/?)(?P<tag>[A-Za-z][^\t\n\f\r\x20/>]*)   # a tag, then its attributes
    (?:[^>"'=]++|=\s*+(?:"[^"]*+"|'[^']*+'|(?!["']))|["'])*+
    (?:>|.*)
  | (?P<lt><)                                         # a "<" that opens nothing is text
""", re.S | re.X)
# Where a script's or style's text ends: their content is not markup.
_RAW_END = {name: re.compile(rf"</{name}(?=[\t\n\f\r />])", re.I) for name in ("script", "style")}


def _text_parts(fragment: str) -> list[str]:
    """The text pieces of an HTML fragment (entities still encoded), scripts and the like left out."""
    parts: list[str] = []
    skip = 0
    pos, n = 0, len(fragment)
    while pos < n:
        m = _PIECE.match(fragment, pos)
        assert m is not None  # the last branches match any "<", the first anything else
        pos = m.end()
        kind = m.lastgroup
        if kind in ("text", "lt"):
            if not skip:
                parts.append(m.group())
            continue
        if kind != "tag":
            continue  # a comment, a declaration and the like
        tag = m["tag"].lower()
        if tag in _SKIP_TAGS:
            if m["end"]:
                skip = max(0, skip - 1)
            elif not m.group().endswith("/>"):
                skip += 1
                if tag in _RAW_END:  # jump to its end tag (or to the end of the text)
                    close = _RAW_END[tag].search(fragment, pos)
                    pos = close.start() if close else n
        elif tag in _BLOCK_TAGS:
            parts.append(" ")
    return parts


def html_to_text(fragment: str | None) -> str:
    """Plain text of an HTML (or plain) fragment: tags stripped, entities decoded, spaces folded.

    Control characters and invisible format characters (bidirectional overrides) are removed.
    """
    if not fragment:
        return ""
    if not fragment.isprintable():  # (printable text has no control or format characters)
        fragment = _UNWANTED.sub("", fragment)
    if "<" not in fragment and "&" not in fragment:
        if fragment.isascii() and "  " not in fragment and not any(c in fragment for c in "\t\n\r\v\f"):
            return fragment.strip()  # plain text with single spaces: nothing to fold
        return _folded(fragment)
    text = "".join(_text_parts(fragment)) if "<" in fragment else fragment
    if "&" in text:
        # Decoded twice: feeds often double-escape ("&amp;amp;").
        text = html.unescape(text)
        text = _UNWANTED.sub("", html.unescape(text) if "&" in text else text)
    return _folded(text)


def _folded(text: str) -> str:
    """`text` with every whitespace run one space, none at its ends: WHITESPACE's folding and a
    strip (the same characters are whitespace to both), in C string calls, not a regex scan."""
    return " ".join(text.split())


def first_line(exc: BaseException) -> str:
    """An exception as one line (a database error's driver message when it has one)."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


WEB_SCHEMES = ("http", "https")


def is_web_scheme(scheme: str) -> bool:
    """Whether a URL scheme is http or https, the only ones fetched, stored or shown as links."""
    return scheme.lower() in WEB_SCHEMES


def is_web_url(url: str) -> bool:
    """Whether `url` starts with http:// or https:// (any case), without parsing it."""
    return url[:8].lower().startswith(("http://", "https://"))


def safe_link(url: Any) -> str | None:
    """The URL when it is an absolute http(s) link, else None (never javascript:, data:, ...)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not is_web_scheme(parts.scheme) or not parts.netloc or any(c in url for c in "\r\n\t "):
        return None
    return url
