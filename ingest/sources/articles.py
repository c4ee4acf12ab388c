"""Article pages of relevant headline-only items, for tagging on more than a headline.

Off unless TRACKER_FETCH_ARTICLES=1, and only with the optional extractor installed
(`pip install -e .[articles]`: trafilatura). A page is fetched like a feed (fetch_http: the same
size cap, deadline, redirect and address policy, one request at a time per host and at least
ARTICLE_MIN_INTERVAL_S apart), only where the site's robots.txt allows it, and only when the
link is the publisher's own (an aggregator's opaque redirect is never followed).
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from ..records import ArticleRecord, TaggedArticle
from ..stories import headline_words
from .fetch import FetchResult
from .outlets import is_publisher_link

LOGGER = logging.getLogger(__name__)

ARTICLE_MIN_INTERVAL_S = 2.0  # between two requests to one publisher's host
MAX_PAGE_TEXT = 20_000  # characters of main text kept (as for a feed's summary)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
ROBOTS_AGENT = "minerals-tracker"  # the product token robots.txt rules are matched against
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DISALLOW_ALL = ["User-agent: *", "Disallow: /"]

Fetch = Callable[[str], FetchResult]


def extractor_available() -> bool:
    """Whether trafilatura (the optional `articles` extra) is installed."""
    return importlib.util.find_spec("trafilatura") is not None


class Robots:
    """Each host's robots.txt, fetched once per run through the same fetch as the pages.

    A missing robots.txt (404 and other 4xx but 401/403) allows everything; 401/403 forbid
    everything; a server error or a failed fetch forbids too, until the next run.
    """

    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._rules: dict[str, RobotFileParser] = {}
        self._lock = threading.Lock()

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            rules = self._rules.get(root)
            if rules is None:
                rules = self._rules[root] = self._load(root)
        return rules.can_fetch(ROBOTS_AGENT, url)

    def _load(self, root: str) -> RobotFileParser:
        result = self._fetch(root + "/robots.txt")
        rules = RobotFileParser(root + "/robots.txt")
        if result.status == "ok":
            rules.parse(result.content.decode("utf-8", "replace").splitlines())
        elif result.http_status is not None and 400 <= result.http_status < 500 \
                and result.http_status not in (401, 403):
            rules.parse([])
        else:
            LOGGER.info("%s/robots.txt: %s; not fetching pages there this run", root, result.error)
            rules.parse(_DISALLOW_ALL)
        return rules


def page_text(url: str, fetch: Fetch, robots: Robots) -> str:
    """The main text of the article page at `url` ('' when it may not or cannot be had)."""
    if not robots.allows(url):
        LOGGER.info("robots.txt disallows %s", url)
        return ""
    result = fetch(url)
    if result.status != "ok":
        LOGGER.info("article page %s: %s", url, result.error)
        return ""
    kind = result.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind not in _HTML_TYPES:
        LOGGER.info("article page %s: not HTML (%s)", url, kind or "no content type")
        return ""
    import trafilatura  # the optional extra: imported only when pages are fetched

    text = trafilatura.extract(result.content, url=url, include_comments=False, include_tables=False)
    return (text or "").strip()[:MAX_PAGE_TEXT]


def without_headline(text: str, headline: str) -> str:
    """The page text without a first line that repeats the headline (the page's <h1>): the
    tagger reads the headline already, and a line without a full stop would run into the next."""
    first, _, rest = text.partition("\n")
    return rest.strip() if headline_words(first) == headline_words(headline) else text


def wants_page(t: TaggedArticle) -> bool:
    """A relevant item the feed gave only a headline for, with the publisher's own link."""
    a = t.article
    return t.relevant and a.headline_only and not a.page_text and is_publisher_link(a.canonical_url, a.source_domain)


def enrich(tagged: Sequence[TaggedArticle], *, text_of: Callable[[str], str],
           retag: Callable[[ArticleRecord], TaggedArticle],
           stored: Callable[[list[ArticleRecord]], set[str]]) -> list[TaggedArticle]:
    """Re-tag each wanted item (see wants_page) not stored yet on its page's text; the fuller
    tagging is kept, with the page text that gave it, when it still finds the item relevant."""
    wanted = [t for t in tagged if wants_page(t)]
    if not wanted:
        return list(tagged)
    done = stored([t.article for t in wanted])
    better: dict[str, TaggedArticle] = {}
    for t in wanted:
        if t.article.id in done or t.article.canonical_url is None:
            continue
        text = without_headline(text_of(t.article.canonical_url), t.article.title)
        if text:
            fuller = retag(replace(t.article, page_text=text))
            if fuller.relevant:
                better[t.article.id] = fuller
    return [better.get(t.article.id, t) for t in tagged]
