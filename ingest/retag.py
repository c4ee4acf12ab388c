"""Re-tag every stored article without fetching: after a taxonomy change or a schema upgrade."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, select

from . import store
from .acts import ingest as act_ingest
from .acts.reports import tagged_reports
from .language.read import tag_article
from .records import ArticleRecord
from .tagging.tagger import Tagger


def retag(engine: Engine, tagger: Tagger | None = None, *, batch_size: int = 500) -> tuple[int, int]:
    """Re-tag every stored article with the current taxonomy; returns (articles, events now)."""
    tagger = tagger or Tagger()
    a = store.articles
    n = 0
    reports = []
    with engine.connect() as conn:
        rows = conn.execute(select(a.c.id, a.c.canonical_url, a.c.guid, a.c.title, a.c.summary,
                                   a.c.published_at, a.c.published_source, a.c.source_domain,
                                   a.c.language, a.c.page_text)).all()
    when = datetime.now(UTC)
    for i in range(0, len(rows), batch_size):
        with store.atomic(engine) as conn:
            for r in rows[i: i + batch_size]:
                rec = ArticleRecord(r.id, r.canonical_url, r.guid, r.title, r.summary,
                                    r.published_at, r.published_source, r.source_domain,
                                    r.language)
                t = tag_article(tagger, rec, r.page_text or r.summary)  # the text tags came from
                store.replace_tags(conn, r.id, t, when)
                reports += tagged_reports(r.id, t)
                n += 1
    act_ingest.rebuild_acts(engine, reports=reports)  # acts grouped afresh from every report
    with store.atomic(engine) as conn:  # every article is re-tagged: events are whole again
        store.mark_rebuilt(conn)
    return n, store.counts(engine)["events"]
