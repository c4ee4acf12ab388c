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

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Connection

from ..records import ArticleRecord, TaggedArticle
from ..stories import candidate_keys, domain_of, headline_key
from .schema import articles
from .sql import chunks

STORY_WINDOW = timedelta(hours=48)


@dataclass
class StoryIndex:
    """Stored (and just-claimed) articles by (outlet domain, headline key), with their times."""

    window: timedelta = STORY_WINDOW
    _by: dict[tuple[str, str], list[tuple[datetime, str]]] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection, batch: Sequence[ArticleRecord]) -> StoryIndex:
        """The stored articles that may be copies of those in `batch` (bulk look-ups)."""
        index = cls()
        domains = {a.source_domain for a in batch if a.source_domain}
        keys = sorted({k for a in batch if a.source_domain for k in candidate_keys(a.title)})
        for chunk in chunks(keys):
            rows = conn.execute(select(articles.c.id, articles.c.source_domain, articles.c.headline_key,
                                       articles.c.published_at)
                                .where(articles.c.headline_key.in_(chunk)))
            for r in rows:
                if r.source_domain in domains:
                    index._by.setdefault((r.source_domain, r.headline_key), []).append(
                        (r.published_at, str(r.id)))
        return index

    def match(self, a: ArticleRecord) -> str | None:
        """The id of a stored copy of `a`'s story, or None."""
        if not a.source_domain:
            return None  # no outlet known: nothing says two headlines are one outlet's
        for key in candidate_keys(a.title):
            for when, aid in self._by.get((a.source_domain, key), ()):
                if aid != a.id and abs(when - a.published_at) <= self.window:
                    return aid
        return None

    def add(self, a: ArticleRecord) -> None:
        """Count `a` as stored (a later copy in the same batch then matches it)."""
        if a.source_domain:
            self._by.setdefault((a.source_domain, headline_key(a.title)), []).append((a.published_at, a.id))


def known_names(conn: Connection, domains: Sequence[str]) -> dict[str, str]:
    """An outlet name already stored for each domain that has one (the outlet registry)."""
    out: dict[str, str] = {}
    for chunk in chunks(sorted(d for d in set(domains) if d)):
        rows = conn.execute(select(articles.c.source_domain, articles.c.outlet_name)
                            .where(articles.c.source_domain.in_(chunk), articles.c.outlet_name != "")
                            .order_by(articles.c.first_seen_at))
        for r in rows:
            out.setdefault(r.source_domain, r.outlet_name)
    return out


def name_unnamed(conn: Connection, names: dict[str, str]) -> None:
    """Give stored articles without an outlet name the name a feed has now given their domain."""
    for domain, name in sorted(names.items()):
        conn.execute(update(articles)
                     .where(articles.c.source_domain == domain,
                            or_(articles.c.outlet_name.is_(None), articles.c.outlet_name == ""))
                     .values(outlet_name=name))


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
                      page_text=a.page_text or None, headline_key=headline_key(a.title))
    return values, retag
