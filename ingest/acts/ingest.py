"""Acts at ingest: each run's new reports are grouped into the stored acts once, at its end.

Feeds are written one transaction each; their new reports wait in memory and are consolidated
in one transaction when the run's feeds are written (one neighbourhood for the whole run, not
one per feed). A feed's transaction also sets the meta key ACTS_BEHIND, which that final step
clears: a run that died in between leaves it set, and the next run then rebuilds every act
from the stored articles (the same result as consolidating the lost reports).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import Engine, delete, select
from sqlalchemy.engine import Connection

from .. import store
from ..records import ArticleRecord, TaggedArticle
from ..store import acts as act_store
from ..store.schema import act_reports
from ..tagging.tagger import Tagger
from .model import Report
from .reports import tagged_reports

LOGGER = logging.getLogger(__name__)
ACTS_BEHIND = "acts_behind"  # meta key: reports were stored that no act consolidation has seen


def mark_behind(conn: Connection) -> None:
    """Inside a feed's transaction: its reports are not consolidated yet."""
    store.set_meta(conn, ACTS_BEHIND, "1")


def is_behind(engine: Engine) -> bool:
    """Reports wait to be grouped: a run died first, or the store predates acts (it has events
    but no reports: its act tables were just created)."""
    with engine.connect() as conn:
        if store.get_meta(conn, ACTS_BEHIND):
            return True
        no_reports = conn.execute(select(act_reports.c.id).limit(1)).first() is None
        return no_reports and conn.execute(select(store.events.c.pk).limit(1)).first() is not None


def flush(engine: Engine, reports: Sequence[Report], *, rebuild: bool = False,
          tagger: Tagger | None = None) -> int:
    """Consolidate a run's new reports (or rebuild every act when an earlier run died first)."""
    if rebuild:
        LOGGER.warning("an earlier ingest stopped before grouping its reports into acts: "
                       "rebuilding every act from the stored articles")
        return rebuild_acts(engine, tagger)
    with store.atomic(engine) as conn:
        n = act_store.add_reports(conn, reports)
        conn.execute(delete(store.meta).where(store.meta.c.key == ACTS_BEHIND))
    return n


def stored_reports(engine: Engine, tagger: Tagger | None = None) -> list[Report]:
    """Every stored article's reports, tagged afresh (weak events are not stored as events)."""
    tagger = tagger or Tagger()
    a = store.articles
    out: list[Report] = []
    with engine.connect() as conn:
        rows = conn.execute(select(a.c.id, a.c.canonical_url, a.c.guid, a.c.title, a.c.summary,
                                   a.c.published_at, a.c.published_source, a.c.source_domain,
                                   a.c.language)).all()
    for r in rows:
        rec = ArticleRecord(r.id, r.canonical_url, r.guid, r.title, r.summary, r.published_at,
                            r.published_source, r.source_domain, r.language)
        res = tagger.tag(r.title, r.summary, r.published_at)
        t = TaggedArticle(rec, res.relevant, res.countries, res.commodities,
                          res.events if res.relevant else (), tagger.version,
                          () if res.relevant else res.events)
        out += tagged_reports(r.id, t)
    return out


def rebuild_acts(engine: Engine, tagger: Tagger | None = None,
                 reports: Sequence[Report] | None = None) -> int:
    """Replace every act with those the stored articles make; returns the act count."""
    reports = stored_reports(engine, tagger) if reports is None else reports
    with store.atomic(engine) as conn:
        n = act_store.rebuild(conn, reports)
        conn.execute(delete(store.meta).where(store.meta.c.key == ACTS_BEHIND))
    return n
