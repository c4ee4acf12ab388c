"""Fill a store with synthetic events at scale (10k to 1M) for query and dashboard benchmarks.

Rows go straight into the store's tables in large batches; the shape follows what ingest
writes (an event cites an article; countries and commodities in their own tables).
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import UTC, date, datetime, timedelta

from ingest import store
from ingest.tagging.taxonomy import default_taxonomy

BATCH = 20_000
MAJOR = ["CN", "US", "EU", "JP", "KR", "AU", "CA", "IN", "ID", "CD", "ZW", "CL", "AR", "RU",
         "UA", "VN", "MY", "SA", "BR", "ZA", "DE", "FR", "GB", "MX", "PE", "KZ", "NA", "PH"]
ARTICLE_INSERT = (
    "INSERT INTO articles (id, canonical_url, guid, title, summary, published_at, published_source, "
    "source_domain, language, first_seen_at, relevant, countries, commodities, tagger_version) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
SOURCES = ["minerals-wire.example", "trade-daily.example", "mining-desk.example",
           "policy-review.example", "asia-brief.example", "gov-notices.example"]


def populate(url: str, n_events: int, seed: int = 1) -> None:
    """Create the schema at `url` (SQLite) and insert `n_events` events with their articles.

    A throw-away benchmark file: loaded with the journal off and the secondary indexes (and the
    text index) built after the rows, which is how a bulk load should be done.
    """
    import sqlite3

    if not url.startswith("sqlite:///"):
        raise ValueError("benchmark stores are SQLite files")
    engine = store.connect(url)  # the real schema, indexes included
    engine.dispose()
    path = url.removeprefix("sqlite:///")
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL").fetchall()
    for name, _sql in indexes:
        db.execute(f'DROP INDEX "{name}"')
    # The text index's triggers too: it is rebuilt from `events` in one pass after the load.
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for name, _sql in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    tax = default_taxonomy()
    rng = random.Random(seed)
    types = [e.id for e in tax.event_types]
    statuses = {"measure": ["announced", "in_effect", "threatened", "proposed", "suspended", "lifted"],
                "meeting": ["held", "scheduled"], "agreement": ["in_effect", "proposed"],
                "strategy": ["announced", "in_effect", "proposed"]}
    kind = {e.id: e.kind for e in tax.event_types}
    label = {c.code: c.label for c in tax.countries}
    commodities = [c.id for c in tax.commodities if c.kind != "group"]
    weights = [8 if c in ("rare_earths", "gallium", "germanium", "graphite", "lithium", "cobalt",
                          "nickel", "copper", "antimony", "tungsten") else 1 for c in commodities]
    start = date(2019, 1, 1)
    span = (date(2027, 3, 1) - start).days
    now = "2026-11-29 00:00:00.000000"
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_run_at', ?)",
               (datetime(2026, 11, 29, tzinfo=UTC).isoformat(),))
    n_articles = max(1, n_events // 2)
    art_ids = [hashlib.sha1(f"a{seed}-{i}".encode()).hexdigest() for i in range(n_articles)]

    def day() -> date:
        return start + timedelta(days=int(span * rng.random() ** 0.6))

    rows = []
    for i, aid in enumerate(art_ids):
        d = day()
        src = rng.choice(SOURCES)
        rows.append((aid, f"https://{src}/{d:%Y/%m}/story-{i}", None, f"Story {i} on trade policy",
                     "Synthetic benchmark article.", f"{d} 09:00:00.000000", "published", src, "en",
                     now, 1, "[]", "[]", "bench"))
        if len(rows) >= BATCH:
            db.executemany(ARTICLE_INSERT, rows)
            rows.clear()
    db.executemany(ARTICLE_INSERT, rows)
    ev, ec, em, ea, ep = [], [], [], [], []

    def flush() -> None:
        db.executemany(
            "INSERT INTO events (pk, id, type, subtype, status, date, date_precision, end_date, "
            "date_source, actor, countries, targets, commodities, evidence, headline, first_seen_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", ev)
        db.executemany("INSERT INTO event_countries (event_pk, code, role, date) VALUES (?,?,?,?)", ec)
        db.executemany("INSERT INTO event_commodities (event_pk, commodity, date) VALUES (?,?,?)", em)
        db.executemany("INSERT INTO event_articles (event_id, article_id, evidence) VALUES (?,?,?)", ea)
        db.executemany("INSERT INTO event_pairs (code, commodity, date, event_pk, role) "
                       "VALUES (?,?,?,?,?)", ep)
        for x in (ev, ec, em, ea, ep):
            x.clear()

    for i in range(n_events):
        eid = hashlib.sha1(f"e{seed}-{i}".encode()).hexdigest()
        t = rng.choice(types)
        cs = list(dict.fromkeys(rng.choices(MAJOR, k=rng.randint(1, 3))))
        ms = list(tax.rollup(list(dict.fromkeys(
            rng.choices(commodities, weights=weights, k=rng.randint(1, 3))))))
        actor = cs[0] if kind[t] == "measure" else None
        targets = cs[1:2] if actor else []
        evidence = (f"{label[cs[0]]} took a {t.replace('_', ' ')} step on "
                    f"{', '.join(ms[:2])} exports, officials said.")
        status = rng.choice(statuses[kind[t]])  # drawn before the date, as the data always was
        pk, d = i + 1, str(day())
        ev.append((pk, eid, t, None, status, d, "day", None, "text",
                   actor, json.dumps(cs), json.dumps(targets), json.dumps(ms), evidence,
                   f"Headline {i}: {evidence[:60]}", now))
        roles = [(c, "actor" if c == actor else "target" if c in targets else "party") for c in cs]
        ec.extend((pk, c, role, d) for c, role in roles)
        em.extend((pk, m, d) for m in ms)
        ep.extend((c, m, d, pk, role) for c, role in roles for m in ms)
        ea.append((eid, art_ids[i % n_articles], evidence))
        if len(ev) >= BATCH:
            flush()
    flush()
    for _name, sql in indexes + triggers:
        db.execute(sql)
    if triggers:  # SQLite with FTS5: fill the text index (the triggers keep it from now on)
        db.execute(f"INSERT INTO {store.FTS_TABLE} ({store.FTS_TABLE}) VALUES ('rebuild')")
    db.execute("ANALYZE")
    db.commit()
    db.close()
