"""Who published an entry: the outlet behind an aggregator's item, its headline without the
outlet's name, and whether the feed gave anything beyond that headline.

Aggregators (Google News, Bing News, GDELT) re-publish other outlets' articles: the outlet is
named by an RSS `<source>` element (or Bing's `News:Source`), a " - Outlet" title suffix, or only
the article URL's domain; the link may be the aggregator's redirect, with or without the
publisher's URL inside it. Everything here is a pure function of one entry's fields.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from ..stories import (
    MIN_HEADLINE_WORDS,
    SEPARATOR,
    SEPARATORS,
    domain_of,
    headline_words,
    registrable_domain,
)
from ..text import is_web_url
from .normalize import canonical_url

_FEED_TITLE_SEPARATOR = re.compile("|".join(re.escape(s) for s in (*SEPARATORS, ": ")))
# Query parameters a redirect wrapper puts the target URL in (Bing's apiclick.aspx?url=,
# Google's /url?q=, many click trackers' ?u=).
_TARGET_PARAMS = ("url", "u", "q")
_FILLER = frozenset({"the", "of", "and"})
_WORD = re.compile(r"\w+")
# One piece of markup for the link-block test: a tag (bounded, so a "<" that never closes costs
# at most that much), text, or a stray "<". Each character is read a bounded number of times.
_PIECE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]{0,2000}>|[^<]+|<")
_LINK_TAGS = frozenset({"a", "font"})


@dataclass(frozen=True)
class Attribution:
    """An entry's outlet and clean headline."""

    link: str | None  # the canonical link: the publisher's URL when the feed gives it
    domain: str  # the outlet's registrable domain, without www.
    name: str  # the outlet's name, "" when nothing names it
    title: str  # the headline without a " - Outlet" suffix


def squash(text: str) -> str:
    """Letters and digits only, accents dropped, case folded: how a name compares to a domain."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.casefold() if c.isalnum() and c.isascii())


def name_matches_domain(name: str, domain: str) -> bool:
    """Whether `name` is how the site at `domain` calls itself: "Harbour Ledger" for
    harbourledger.com, "The Alloy Observer" for alloyobserver.com, "MINING.COM" for
    mining.com, "South China Morning Post" for scmp.com."""
    if not name or not domain:
        return False
    words = _WORD.findall(name.casefold())
    squashed = squash(name)
    without_the = squash(" ".join(words[1:])) if words[:1] == ["the"] else squashed
    initials = "".join(w[0] for w in words if w not in _FILLER)
    label = squash(domain.split(".")[0])
    candidates = {squashed, without_the} | ({initials} if 2 <= len(initials) <= 6 else set())
    return label in candidates or squash(domain) in candidates


def strip_named_suffix(title: str, name: str) -> str:
    """`title` without a trailing " - Name" (any separator), when the name is exactly `name`."""
    if not name:
        return title
    folded = title.casefold()
    for sep in SEPARATORS:
        tail = (sep + name).casefold()
        if folded.endswith(tail) and len(headline_words(title[: -len(tail)])) >= MIN_HEADLINE_WORDS:
            return title[: -len(tail)].rstrip()
    return title


def split_domain_suffix(title: str, domain: str) -> tuple[str, str]:
    """(headline, outlet name) when the title ends in a separator and a name that matches
    `domain`, else (title, ""). Tried from the last separator leftwards, so a name that itself
    holds one ("Mining - Weekly Review") is found whole."""
    for m in reversed(list(SEPARATOR.finditer(title))):
        head, suffix = title[: m.start()].rstrip(), title[m.end():].strip()
        if len(headline_words(head)) < MIN_HEADLINE_WORDS:
            break
        if name_matches_domain(suffix, domain):
            return head, suffix
    return title, ""


def unwrap_link(url: str | None) -> str | None:
    """The target of a redirect wrapper (bing.com/news/apiclick.aspx?url=...), else None.

    Only a parameter holding a whole http(s) URL on another site counts. An opaque redirect
    (Google News's /rss/articles/CBMi...) cannot be unwrapped without following it."""
    if not url or "?" not in url:
        return None
    try:
        params = parse_qsl(urlsplit(url).query)
    except ValueError:
        return None
    wrapper = domain_of(url)
    for key, value in params:
        if key.lower() in _TARGET_PARAMS and is_web_url(value):
            target = canonical_url(value)
            if target and domain_of(target) != wrapper:
                return target
    return None


def is_link_block(fragment: str) -> bool:
    """Whether a description is only links and the outlets' names beside them (Google News's
    "<a>Headline</a>&nbsp;<font>Outlet</font>", or its list of related stories): no summary."""
    links = 0
    depth = 0
    for m in _PIECE.finditer(fragment):
        tag = (m.group(2) or "").lower()
        if tag in _LINK_TAGS:
            closing = bool(m.group(1))
            depth = max(0, depth - 1) if closing else depth + 1
            links += tag == "a" and not closing
        elif depth == 0 and not tag and html.unescape(m.group()).strip(" \t\r\n\u00a0"):
            return False
    return links > 0


def repeats_headline(summary: str, title: str, outlet: str) -> bool:
    """Whether a summary's words are all in the headline or the outlet's name (no new text)."""
    words = set(headline_words(summary))
    return words <= set(headline_words(title)) | set(headline_words(outlet))


def feed_outlet_name(feed_title: str, domain: str) -> str:
    """The part of an outlet's own feed title that names it ("Harbour Ledger - Markets" ->
    "Harbour Ledger"), or "" when no part matches the domain."""
    for part in _FEED_TITLE_SEPARATOR.split(feed_title):
        if name_matches_domain(part.strip(), domain):
            return part.strip()
    return ""


def attribute(title: str, link: str | None, *, source_name: str = "", source_url: str | None = None,
              domain_hint: str = "", feed_title: str = "", feed_link: str | None = None) -> Attribution:
    """The outlet and clean headline of one entry.

    `source_name`/`source_url`: a `<source>` element (or Bing's `News:Source`); `domain_hint`:
    an outlet domain the feed states (GDELT's JSON `domain`); `feed_title`/`feed_link`: the
    feed's own, which name the outlet only when the entry links to the feed's own site.
    """
    publisher = unwrap_link(link) or link
    link_domain = domain_of(publisher)
    stated = registrable_domain(domain_hint.strip().removeprefix("www.")) or domain_of(source_url)
    # A link to another site than the one the feed names as the outlet is the aggregator's.
    domain = stated or link_domain
    name = source_name.strip()
    clean = strip_named_suffix(title, name)
    if clean == title:
        clean, suffix = split_domain_suffix(title, domain)
        name = name or suffix
    if not name and feed_link and domain_of(feed_link) == domain:
        name = feed_outlet_name(feed_title, domain)
    return Attribution(publisher, domain, name[:300], clean)


def is_publisher_link(url: str | None, outlet_domain: str) -> bool:
    """Whether `url` is on the outlet's own site (not an aggregator's redirect)."""
    return bool(url) and bool(outlet_domain) and domain_of(url) == outlet_domain
