"""Fill a store with synthetic events at scale (10k to 1M) for query and dashboard benchmarks.

Rows go straight into the store's tables in large batches; the shape follows what ingest
writes (an event cites an article; countries and commodities in their own tables).
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert

from ingest import store
from ingest.taxonomy import default_taxonomy

BATCH = 20_000
MAJOR = ["CN", "US", "EU", "JP", "KR", "AU", "CA", "IN", "ID", "CD", "ZW", "CL", "AR", "RU",
         "UA", "VN", "MY", "SA", "BR", "ZA", "DE", "FR", "GB", "MX", "PE", "KZ", "NA", "PH"]
SOURCES = ["minerals-wire.example", "trade-daily.example", "mining-desk.example",
           "policy-review.example", "asia-brief.example", "gov-notices.example"]


def populate(url: str, n_events: int, seed: int = 1) -> None:
    """Create the schema at `url` and insert `n_events` events with their articles."""
    tax = default_taxonomy()
    rng = random.Random(seed)
    types = [e.id for e in tax.event_types]
    statuses = {"measure": ["announced", "in_effect", "threatened", "proposed", "suspended", "lifted"],
                "meeting": ["held", "scheduled"], "agreement": ["in_effect", "proposed"],
                "strategy": ["announced", "in_effect", "proposed"]}
    kind = {e.id: e.kind for e in tax.event_types}
    commodities = [c.id for c in tax.commodities if c.kind != "group"]
    weights = [8 if c in ("rare_earths", "gallium", "germanium", "graphite", "lithium", "cobalt",
                          "nickel", "copper", "antimony", "tungsten") else 1 for c in commodities]
    start = date(2019, 1, 1)
    span = (date(2027, 3, 1) - start).days
    now = datetime(2026, 11, 29, tzinfo=UTC)
    engine = store.connect(url)
    with engine.begin() as conn:
        store.set_meta(conn, "last_run_at", now.isoformat())
    n_articles = max(1, n_events // 2)
    art_ids = [hashlib.sha1(f"a{seed}-{i}".encode()).hexdigest() for i in range(n_articles)]
    with engine.begin() as conn:
        rows = []
        for i, aid in enumerate(art_ids):
            d = start + timedelta(days=int(span * rng.random() ** 0.6))
            src = rng.choice(SOURCES)
            rows.append({
                "id": aid, "canonical_url": f"https://{src}/{d:%Y/%m}/story-{i}", "guid": None,
                "title": f"Story {i} on trade policy", "summary": "Synthetic benchmark article.",
                "published_at": datetime(d.year, d.month, d.day, 9, tzinfo=UTC),
                "published_source": "published", "source_domain": src, "language": "en",
                "first_seen_at": now, "relevant": True, "countries": "[]", "commodities": "[]",
                "tagger_version": "bench",
            })
            if len(rows) >= BATCH:
                conn.execute(insert(store.articles), rows)
                rows = []
        if rows:
            conn.execute(insert(store.articles), rows)
    ev_rows, ec_rows, em_rows, ea_rows = [], [], [], []

    def flush(conn) -> None:
        for table, rows in ((store.events, ev_rows), (store.event_countries, ec_rows),
                            (store.event_commodities, em_rows), (store.event_articles, ea_rows)):
            if rows:
                conn.execute(insert(table), rows)
                rows.clear()

    with engine.begin() as conn:
        for i in range(n_events):
            eid = hashlib.sha1(f"e{seed}-{i}".encode()).hexdigest()
            t = rng.choice(types)
            d = start + timedelta(days=int(span * rng.random() ** 0.6))
            cs = list(dict.fromkeys(rng.choices(MAJOR, k=rng.randint(1, 3))))
            ms = list(dict.fromkeys(rng.choices(commodities, weights=weights, k=rng.randint(1, 3))))
            ms = list(tax.rollup(ms))
            actor = cs[0] if kind[t] == "measure" else None
            targets = cs[1:2] if actor else []
            evidence = (f"{tax.country(cs[0]).label} took a {t.replace('_', ' ')} step on "
                        f"{', '.join(ms[:2])} exports, officials said.")
            ev_rows.append({
                "id": eid, "type": t, "subtype": None, "status": rng.choice(statuses[kind[t]]),
                "date": d, "date_precision": "day", "end_date": None,
                "date_source": "text", "actor": actor, "countries": json.dumps(cs),
                "targets": json.dumps(targets), "commodities": json.dumps(ms),
                "evidence": evidence, "headline": f"Headline {i}: {evidence[:60]}",
                "first_seen_at": now,
            })
            for c in cs:
                role = "actor" if c == actor else "target" if c in targets else "party"
                ec_rows.append({"event_id": eid, "code": c, "role": role})
            em_rows.extend({"event_id": eid, "commodity": m} for m in ms)
            ea_rows.append({"event_id": eid, "article_id": art_ids[i % n_articles], "evidence": evidence})
            if len(ev_rows) >= BATCH:
                flush(conn)
        flush(conn)
    engine.dispose()
