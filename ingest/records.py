"""Plain record types passed between the stages: parse → tag → store (no database code here)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class ArticleRecord:
    """One normalised feed entry, ready to store."""

    id: str
    canonical_url: str | None
    guid: str | None
    title: str
    summary: str
    published_at: dt.datetime
    published_source: str
    source_domain: str  # the outlet's domain (for an aggregator's item: the outlet's, not the aggregator's)
    language: str | None
    outlet_name: str = ""  # "" when no feed says it
    headline_only: bool = False  # the feed gave no text beyond the headline (and the outlet's name)
    page_text: str = ""  # the article page's main text, when it was fetched and tagged (TRACKER_FETCH_ARTICLES)
    gloss: str = ""  # the headline's English gloss, when it was tagged through one (ingest.language)


class EventRecord(NamedTuple):
    """One tagged event, as the tagger produced it for one article (a tuple: cheap to build)."""

    type: str
    subtype: str | None
    status: str
    date: dt.date
    date_precision: str
    end_date: dt.date | None
    date_source: str
    actor: str | None
    countries: tuple[str, ...]
    targets: tuple[str, ...]
    commodities: tuple[str, ...]
    evidence: str

    @property
    def key(self) -> str:
        """Identity across articles: the same act reported twice is one event."""
        raw = "|".join(
            [
                self.type,
                self.subtype or "",
                self.status,
                self.date.isoformat(),
                self.date_precision,
                self.actor or "",
                ",".join(sorted(self.countries)),
                ",".join(sorted(self.commodities)),
            ]
        )
        return hashlib.sha1(raw.encode()).hexdigest()


@dataclass(frozen=True)
class TaggedArticle:
    """An article with its tags and events (events only when relevant)."""

    article: ArticleRecord
    relevant: bool
    countries: tuple[str, ...] = ()
    commodities: tuple[str, ...] = ()
    events: tuple[EventRecord, ...] = ()
    tagger_version: str = ""
    # Events of an article that names no commodity: never stored as events, but a report of an
    # act found elsewhere may be one ("Kyiv and Washington seal their resources deal").
    weak_events: tuple[EventRecord, ...] = ()

