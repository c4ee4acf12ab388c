"""Stores and fixtures shared by the dashboard, figure and query tests (and the benchmark).

Import the fixtures you use into the test module (`from tests.dashboard_fixtures import ...`);
tests/conftest.py belongs to the ingest tests and is left alone.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert
from streamlit.testing.v1 import AppTest

from ingest import pipeline, store
from ingest.sources.feedlist import sample_feeds
from ingest.store import schema
from ingest.tagging.taxonomy import default_taxonomy

TODAY = date(2026, 11, 29)  # the bundled samples are written around this date
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(PROJECT_ROOT / "dashboard.py")


def app(**params: str) -> AppTest:
    """The dashboard under AppTest, opened with these URL query parameters."""
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    for k, v in params.items():
        at.query_params[k] = v
    return at


def ok(at: AppTest) -> AppTest:
    """`at` after asserting the run raised nothing and showed no error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def build_sample_store(path: Path) -> str:
    """A SQLite store built from the bundled sample feeds; returns its URL."""
    url = f"sqlite:///{path}"
    engine = store.connect(url)
    pipeline.run(engine, sample_feeds(), workers=4,
                 now=lambda: datetime(2026, 11, 29, 9, 0, tzinfo=UTC))
    engine.dispose()
    return url


def build_synthetic_store(url: str, n_events: int = 100_000, *, seed: int = 7,
                          today: date = TODAY, years: float = 8.0) -> Engine:
    """A store of `n_events` generated events, inserted straight into the tables.

    Realistic shapes: 1-3 countries and 1-3 commodities per event, one to two articles each,
    dates over the last `years` years plus a few months ahead, eight http(s) sources.
    """
    rng = random.Random(seed)
    tax = default_taxonomy()
    types = [t.id for t in tax.event_types]
    statuses = [s.id for s in tax.statuses]
    busy = ["CN", "US", "EU", "ID", "CA", "AU", "CD", "JP", "IN", "KR", "CL", "ZA", "MY", "RU", "BR"]
    countries = busy + [c.code for c in tax.countries if c.code not in busy][:60]
    commodities = [c.id for c in tax.commodities]
    sources = [f"news{i}.example" for i in range(8)]
    engine = store.connect(url)
    now = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
    span_days = int(years * 365)
    with engine.begin() as conn:
        feed_ids = []
        for i, src in enumerate(sources):
            conn.execute(insert(store.feeds).values(
                name=f"Synthetic {i}", url=f"https://{src}/feed.xml", tags="[]", last_status="ok",
                last_attempt_at=now, last_success_at=now, consecutive_failures=0, items_last=50,
                articles_total=0, newest_item_at=now))
            feed_ids.append(i + 1)
        batch_e, batch_a, batch_ea, batch_ec, batch_em, batch_ep, batch_af = [], [], [], [], [], [], []
        batch_act, batch_ar, batch_acc, batch_acm = [], [], [], []

        def flush() -> None:
            for table, rows in ((store.events, batch_e), (store.articles, batch_a),
                                (store.event_articles, batch_ea), (store.event_countries, batch_ec),
                                (store.event_commodities, batch_em), (store.event_pairs, batch_ep),
                                (store.article_feeds, batch_af), (schema.acts, batch_act),
                                (schema.act_reports, batch_ar), (schema.act_countries, batch_acc),
                                (schema.act_commodities, batch_acm)):
                if rows:
                    conn.execute(insert(table), rows)
                    rows.clear()

        for i in range(n_events):
            eid = f"e{i:07d}"
            d = today - timedelta(days=int(rng.triangular(-120, span_days, 0)))
            cs = rng.sample(countries[:20] if rng.random() < 0.8 else countries, rng.randint(1, 3))
            ms = rng.sample(commodities[:25] if rng.random() < 0.8 else commodities, rng.randint(1, 3))
            actor = cs[0] if rng.random() < 0.7 else None
            targets = cs[1:2] if actor and len(cs) > 1 and rng.random() < 0.5 else []
            typ = rng.choice(types)
            end = d + timedelta(days=rng.randint(1, 40)) if rng.random() < 0.05 else None
            headline = f"{typ.replace('_', ' ').title()} on {', '.join(ms)} involving {', '.join(cs)} #{i}"
            batch_e.append({
                "pk": i + 1, "id": eid, "type": typ, "subtype": None, "status": rng.choice(statuses), "date": d,
                "date_precision": rng.choice(["day"] * 8 + ["month", "year"]), "end_date": end,
                "date_source": rng.choice(["text", "published"]), "actor": actor,
                "countries": json.dumps(cs), "targets": json.dumps(targets), "commodities": json.dumps(ms),
                "evidence": f"Officials said the {typ.replace('_', ' ')} covers {', '.join(ms)} (event {i}).",
                "headline": headline, "first_seen_at": now,
            })
            n_reports, outlets = (1 if rng.random() < 0.8 else 2), set()
            for k in range(n_reports):
                aid = f"a{i:07d}{k}"
                src = rng.choice(sources)
                outlets.add(src)
                pub = datetime.combine(min(d, today), datetime.min.time(), tzinfo=UTC)
                batch_a.append({
                    "id": aid, "canonical_url": f"https://{src}/{i}/{k}", "guid": None, "title": headline,
                    "summary": "", "published_at": pub, "published_source": "published",
                    "source_domain": src, "language": "en", "first_seen_at": now, "relevant": True,
                    "countries": json.dumps(cs), "commodities": json.dumps(ms), "tagger_version": "synthetic",
                })
                batch_ea.append({"event_id": eid, "article_id": aid, "evidence": "synthetic"})
                batch_ar.append({"id": f"r{i:07d}{k}", "act_id": f"act-{i:07d}", "article_id": aid, "kind": "event",
                                 "url": f"https://{src}/{i}/{k}", "outlet": src, "published_at": pub,
                                 "headline": headline, "evidence": batch_e[-1]["evidence"], "type": typ})
                batch_af.append({"article_id": aid, "feed_id": feed_ids[sources.index(src)],
                                 "first_seen_at": now})
            ev = batch_e[-1]
            batch_act.append({  # the same event as one act (each act has one to two reports)
                "id": f"act-{i:07d}", "type": typ, "actor": actor, "targets": ev["targets"],
                "parties": ev["countries"], "commodities": ev["commodities"], "status": ev["status"],
                "date": d, "date_precision": "day", "date_last": d, "announced_date": d,
                "announced_precision": "day", "end_date": end, "end_precision": "day" if end else None,
                "first_seen_at": now, "sources": len(outlets), "report_count": n_reports, "headline": headline,
            })
            for c in cs:
                role = "actor" if c == actor else "target" if c in targets else "party"
                batch_ec.append({"event_pk": i + 1, "code": c, "role": role, "date": d})
                batch_acc.append({"act_id": f"act-{i:07d}", "code": c, "role": role})
            batch_acm.extend({"act_id": f"act-{i:07d}", "commodity": m} for m in ms)
            batch_em.extend({"event_pk": i + 1, "commodity": m, "date": d} for m in ms)
            batch_ep.extend({"event_pk": i + 1, "code": r["code"], "commodity": m, "role": r["role"],
                             "date": d} for r in batch_ec[-len(cs):] for m in ms)
            if len(batch_e) >= 5000:
                flush()
        flush()
        store.set_meta(conn, "last_run_at", now.isoformat())
    return engine


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sample_store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One store from the bundled samples per test session (treat it as read-only)."""
    return build_sample_store(tmp_path_factory.mktemp("dash-store") / "tracker.db")


@pytest.fixture(scope="session")
def sample_engine(sample_store_url: str) -> Iterator[Engine]:
    engine = store.connect(sample_store_url)
    yield engine
    engine.dispose()


@pytest.fixture
def dashboard_env(monkeypatch: pytest.MonkeyPatch, sample_store_url: str) -> str:
    """Point the dashboard at the sample store, with today pinned to the samples' date."""
    monkeypatch.setenv("TRACKER_DB_URL", sample_store_url)
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    return sample_store_url


@pytest.fixture
def fresh_streamlit_caches() -> Iterator[None]:
    """Empty st.cache_data / st.cache_resource before and after a test (use it autouse).

    Also puts back the process's __main__ module, which AppTest replaces with dashboard.py:
    every ingest worker process started later would otherwise import the dashboard first.
    """
    import streamlit as st

    main = sys.modules["__main__"]
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
    sys.modules["__main__"] = main
