"""One story seen in several feeds under different URLs (an aggregator's redirect, GDELT's
link, the outlet's own feed) is one article: same outlet, same headline, close in time.

The outlet is the article's `source_domain`; the headline is compared by `headline_key`,
which ignores case, punctuation and a trailing site name; "close" is STORY_WINDOW, wide enough
for GDELT's "first seen" time, which trails publication by minutes to hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Connection

from ..records import ArticleRecord, TaggedArticle
from ..stories import candidate_keys, domain_of, headline_key
from .schema import articles, outlets
from .sql import chunks, insert_for

STORY_WINDOW = timedelta(hours=48)


@dataclass
class StoryIndex:
    """Stored (and just-claimed) articles by (outlet domain, headline key), with their times."""

    window: timedelta = STORY_WINDOW
    _by: dict[tuple[str, str], list[tuple[datetime, str, str | None]]] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection, batch: Sequence[ArticleRecord]) -> StoryIndex:
        """The stored articles that may be copies of those in `batch` (bulk look-ups)."""
        index = cls()
        domains = {a.source_domain for a in batch if a.source_domain}
        keys = sorted({k for a in batch if a.source_domain for k in candidate_keys(a.title)})
        cols = (articles.c.id, articles.c.source_domain, articles.c.headline_key, articles.c.published_at,
                articles.c.canonical_url)
        for in_domains in chunks(sorted(domains)):  # both IN lists: the (domain, key) index answers
            for in_keys in chunks(keys):
                for r in conn.execute(select(*cols).where(articles.c.source_domain.in_(in_domains),
                                                          articles.c.headline_key.in_(in_keys))):
                    index._by.setdefault((r.source_domain, r.headline_key), []).append(
                        (r.published_at, str(r.id), r.canonical_url))
        return index

    def match(self, a: ArticleRecord) -> str | None:
        """The id of a stored copy of `a`'s story, or None."""
        if not a.source_domain:
            return None  # no outlet known: nothing says two headlines are one outlet's
        for key in candidate_keys(a.title):
            for when, aid, url in self._by.get((a.source_domain, key), ()):
                if (aid != a.id and abs(when - a.published_at) <= self.window
                        and not _two_pages(a.canonical_url, url, a.source_domain)):
                    return aid
        return None

    def add(self, a: ArticleRecord) -> None:
        """Count `a` as stored (a later copy in the same batch then matches it)."""
        if a.source_domain:
            self._by.setdefault((a.source_domain, headline_key(a.title)), []).append(
                (a.published_at, a.id, a.canonical_url))


def _two_pages(url: str | None, other: str | None, domain: str) -> bool:
    """Whether two links are different pages of the outlet's own site: then two headlines
    alike are two articles (a daily "Metals morning brief"), not one. An aggregator's link,
    or the same path in another form (a query, an /amp ending), says nothing against it."""
    if not (url and other and domain_of(url) == domain == domain_of(other)):
        return False
    return _page_path(url) != _page_path(other)


def _page_path(url: str) -> str:
    path = urlsplit(url).path.rstrip("/")
    for ending in ("/amp", ".amp"):
        path = path.removesuffix(ending)
    return path.rstrip("/").lower()


def known_names(conn: Connection, domains: Sequence[str]) -> dict[str, str]:
    """The registered name of each of `domains` that has one."""
    out: dict[str, str] = {}
    for chunk in chunks(sorted(d for d in set(domains) if d)):
        out.update((r.domain, r.name) for r in conn.execute(
            select(outlets.c.domain, outlets.c.name).where(outlets.c.domain.in_(chunk))))
    return out


def register_names(conn: Connection, names: dict[str, str], now: datetime) -> None:
    """Register outlet names not known yet, and give them to the stored articles of those
    domains that have none (once per domain: later names never overwrite the first)."""
    rows = [{"domain": d, "name": n, "first_seen_at": now} for d, n in sorted(names.items()) if d and n]
    new: list[str] = []
    for chunk in chunks(rows):
        stmt = insert_for(conn, outlets).on_conflict_do_nothing().returning(outlets.c.domain)
        new += [str(r[0]) for r in conn.execute(stmt, list(chunk))]
    for domain in new:
        conn.execute(update(articles)
                     .where(articles.c.source_domain == domain,
                            or_(articles.c.outlet_name.is_(None), articles.c.outlet_name == ""))
                     .values(outlet_name=names[domain]))


def improvements(stored: dict[str, object], copy: TaggedArticle) -> tuple[dict[str, object], bool]:
    """What another copy of a stored article adds to it: the publisher's URL where the stored
    link is an aggregator's, and the copy's text (and tags: True) where the stored one had
    only a headline. ({}, False) when it adds nothing."""
    a = copy.article
    values: dict[str, object] = {}
    domain = str(stored["source_domain"] or "")
    if (a.canonical_url and domain and domain_of(a.canonical_url) == domain
            and domain_of(str(stored["canonical_url"] or "")) != domain):
        values["canonical_url"] = a.canonical_url
    retag = (bool(stored["headline_only"]) and not stored["page_text"]
             and (not a.headline_only or bool(a.page_text)))
    if retag:
        values.update(title=a.title, summary=a.summary, headline_only=a.headline_only,
                      page_text=a.page_text or None, headline_key=headline_key(a.title),
                      language=a.language, gloss=a.gloss or None)
    return values, retag
