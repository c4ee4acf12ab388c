"""Text search through the SQLite FTS5 trigram index gives exactly the plain LIKE scan's results.

The scan is the reference: `lower(headline|evidence) LIKE '%term%'` with SQLite's lower() (ASCII
only) against the Python-lower-cased term. The index only narrows the candidates, so every
query below is run both ways (and against a Python oracle of the same rule) and must agree,
also after re-tags and deletions, on a store that predates the index, and without FTS5.
"""

from __future__ import annotations

import logging
import random
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import create_engine, delete, event, select, text, update

from ingest import store
from ingest.read import queries as query
from ingest.read import where
from ingest.read.events import iter_events
from ingest.read.filters import Filters
from ingest.records import ArticleRecord, EventRecord, TaggedArticle

NOW = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)
DAY0 = date(2024, 1, 1)

TEXTS = [
    ("China restricts gallium exports", "Beijing said GALLIUM and germanium need licences."),
    ("CÔTE D'IVOIRE bans raw cobalt", "Côte d'Ivoire's ministry cited the mining code."),
    ("côte d'ivoire follows", "A 100% tariff on graphite anodes, officials said."),
    ("Tariff at 25_percent", "Rates of 5% and 10% apply; a_b and a%b are codes."),
    ('The "golden share" rule', "It's the state's call, the minister's office said."),
    ("Anti-dumping duties on tungsten", "HS 2805.30 covers rare-earth metals; co-operation."),
    ("Straße und ẞTRASSE", "İstanbul talks; ISTANBUL office; ıstanbul."),
    ("KELVIN-grade \u212aelvin", "\u017ftrict rules; STRICT limits."),
    ("ﬁnance ministry", "The finance ministry, Σίσυφος ΣΊΣΥΦΟΣ σίσυφος."),
    ("稀土出口管制", "稀土 export controls 🚫 on ⛏ mining."),
    ("tabs\tand\nnewlines", "back\\slash and [brackets] (paren) {brace} *star* ^caret col:on"),
    ("AND OR NOT NEAR", 'NEAR(gallium) "quoted" gal* -minus +plus'),
]

TERMS = [
    "ga", "Ga", "%", "_", "a", "  ", "gallium", "GALLIUM", "  Gallium  ", "gallium exports",
    "germanium need", "100%", "0% t", "%b", "a_b", "a%b", "5_p", '"golden', 'golden share"',
    '"', '""', "it's", "'s ", "state's", "anti-dumping", "-dumping", "rare-earth", "2805.30",
    "805", "Côte", "CÔTE", "côte d'", "d'ivoire", "straße", "STRASSE", "ẞtrasse", "İstanbul",
    "istanbul", "ıstanbul", "kelvin", "\u212aelvin", "strict", "\u017ftrict", "ﬁnance", "finance",
    "σίσυφος", "ΣΊΣΥΦΟΣ", "Σίσ", "稀土出", "稀土", "🚫 on", "s\tand", "and\nnew", "back\\slash",
    "\\sl", "[brackets]", "(paren)", "{brace}", "*star*", "^caret", "col:on", "AND OR", "NEAR(",
    "gal*", "-minus", "+plus", "zzzz", "officials said", "ion",
]


def _ascii_lower(s: str) -> str:
    return re.sub("[A-Z]", lambda m: m.group().lower(), s)


def oracle(rows: dict[str, tuple[str, str]], term: str) -> set[str]:
    """The old semantics in Python: SQLite lower() folds ASCII only; the term is str.lower()ed."""
    t = term.strip().lower()
    if not t:
        return set(rows)
    return {k for k, (h, e) in rows.items() if t in _ascii_lower(h) or t in _ascii_lower(e)}


def make_event(i: int, evidence: str) -> EventRecord:
    return EventRecord(type="export_control", subtype=None, status="announced",
                       date=DAY0 + timedelta(days=i), date_precision="day", end_date=None,
                       date_source="text", actor="CN", countries=("CN",), targets=(),
                       commodities=("gallium",), evidence=evidence)


def make_article(i: int, title: str) -> ArticleRecord:
    return ArticleRecord(id=f"{i:040x}", canonical_url=f"https://news.example/{i}", guid=None,
                         title=title, summary="", published_at=NOW, published_source="published",
                         source_domain="news.example", language="en")


def fill(engine, texts=TEXTS, start: int = 0) -> None:
    batch = [TaggedArticle(make_article(start + i, h), True, ("CN",), ("gallium",),
                           (make_event(start + i, e),), "t")
             for i, (h, e) in enumerate(texts)]
    with store.atomic(engine) as conn:
        store.save_batch(conn, None, batch, NOW)


def stored(engine) -> dict[str, tuple[str, str]]:
    e = store.events
    with engine.connect() as conn:
        return {r.id: (r.headline, r.evidence) for r in conn.execute(select(e.c.id, e.c.headline,
                                                                            e.c.evidence))}


def scan(engine, f: Filters) -> list[str]:
    """The reference: the same query without the index."""
    e = store.events
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(select(e.c.id).where(*where.conditions(f, fts=False))
                                           .order_by(e.c.date.desc(), e.c.id))]


def ids_of(engine, f: Filters) -> list[str]:
    return list(query.events_frame(engine, f)["id"])


def check_terms(engine, terms=TERMS) -> None:
    rows = stored(engine)
    for term in terms:
        f = Filters(text=term)
        got = ids_of(engine, f)
        assert got == scan(engine, f), term
        if engine.dialect.name == "sqlite":  # PostgreSQL's lower() folds more than ASCII
            assert set(got) == oracle(rows, term), term
        assert query.count_events(engine, f) == len(got), term


def integrity(engine) -> None:
    """FTS5's own check that the index matches the `events` rows it was built from."""
    with engine.begin() as conn:
        conn.exec_driver_sql(f"INSERT INTO {store.FTS_TABLE} ({store.FTS_TABLE}, rank) "
                             "VALUES ('integrity-check', 1)")


needs_fts5 = pytest.mark.skipif(not store.fts5_available(),
                                reason="this SQLite has no FTS5 trigram tokenizer")


def sqlite_only(engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the text index is SQLite's")
    if not store.fts5_available():
        pytest.skip("this SQLite has no FTS5 trigram tokenizer (search scans; tested below)")


# --- results -------------------------------------------------------------------------------


def test_index_results_equal_the_scan(engine):
    fill(engine)
    assert store.has_text_index(engine) == (engine.dialect.name == "sqlite" and store.fts5_available())
    check_terms(engine)


def test_every_query_function_agrees_with_the_scan(engine, monkeypatch):
    fill(engine)
    today = DAY0 + timedelta(days=5)

    def everything(f: Filters) -> list:
        frame = query.events_frame(engine, f)
        return [
            list(frame["id"]) if not frame.empty else [],
            query.count_events(engine, f),
            query.daily_counts(engine, f, "type").values.tolist(),
            query.dimension_counts(engine, f, "country").values.tolist(),
            query.pair_counts(engine, f).values.tolist(),
            query.summary(engine, f, today),
            list(query.upcoming_events(engine, f, today, days=30)["id"]),
            [ev["id"] for ev in iter_events(engine, f)],
        ]

    filters = [Filters(text=t, since=DAY0 + timedelta(days=1)) for t in
               ("gallium", "Côte", "offic", "it's", "100%", "ga")]
    with_index = [everything(f) for f in filters]
    monkeypatch.setattr(store, "has_text_index", lambda _engine: False)
    assert with_index == [everything(f) for f in filters]


def test_the_index_is_used_on_sqlite(engine):
    sqlite_only(engine)
    fill(engine)
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_a: seen.append(statement))
    rows = stored(engine)
    assert query.count_events(engine, Filters(text="gallium")) == len(oracle(rows, "gallium")) > 0
    assert any("MATCH" in s for s in seen)
    seen.clear()
    assert query.count_events(engine, Filters(text="ga")) == len(oracle(rows, "ga")) > 0  # a scan
    assert not any("MATCH" in s for s in seen)


def test_random_texts_and_terms_agree(engine):
    sqlite_only(engine)
    rng = random.Random(7)
    alphabet = ("abcdeklmnosAEKLOS %_'\"-.:*()\\ \t" "ôÔßẞİıſ\u212aσΣςﬁ日本")
    texts = [("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))),
              "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))) for _ in range(150)]
    fill(engine, texts)
    terms = []
    for h, e in rng.sample(texts, 60):
        src = rng.choice((h, e)) or "abc"
        i = rng.randrange(len(src))
        piece = src[i: i + rng.randint(1, 6)]
        terms.append(rng.choice((piece, piece.upper(), piece.lower(), piece.swapcase(), piece.title())))
    check_terms(engine, terms)


# --- keeping the index in step ---------------------------------------------------------------


def test_index_follows_retag_deletes_and_updates(engine):
    fill(engine)
    check_terms(engine)
    # Re-tag two articles: one loses its event (an orphan, deleted), one gets a new evidence.
    with store.atomic(engine) as conn:
        a0, a1 = make_article(0, TEXTS[0][0]), make_article(1, TEXTS[1][0])
        store.replace_tags(conn, a0.id, TaggedArticle(a0, False, (), (), (), "t2"), NOW)
        store.replace_tags(conn, a1.id, TaggedArticle(
            a1, True, ("CN",), ("gallium",), (make_event(99, "Gallium quota for Côte d'Ivoire."),),
            "t2"), NOW)
    check_terms(engine)
    assert query.count_events(engine, Filters(text="gallium quota")) == 1
    assert query.count_events(engine, Filters(text="beijing said")) == 0
    # Delete events directly (the link rows go with them) and edit one in place.
    e = store.events
    with store.atomic(engine) as conn:  # link rows go by ON DELETE CASCADE
        conn.execute(delete(e).where(e.c.headline.like("Tariff%")))
        conn.execute(update(e).where(e.c.headline.like("Anti-dumping%"))
                     .values(headline="Export ban on antimony", evidence="Antimony is banned."))
    check_terms(engine, [*TERMS, "antimony", "export ban", "25_percent"])
    assert query.count_events(engine, Filters(text="anti-dumping")) == 0
    assert query.count_events(engine, Filters(text="ANTIMONY")) == 1
    if engine.dialect.name == "sqlite":
        integrity(engine)


def test_retag_from_empty_events_keeps_the_index(engine):
    from ingest import pipeline
    from ingest.sources.feedlist import sample_feeds

    sqlite_only(engine)
    pipeline.run(engine, sample_feeds()[:3], workers=1)
    terms = ["gallium", "rare earth", "export", "China", "tariff", "ministry"]
    check_terms(engine, terms)
    with store.atomic(engine) as conn:
        for t in (store.event_articles, store.event_countries, store.event_commodities,
                  store.event_pairs, store.events):
            conn.execute(t.delete())
    assert query.count_events(engine, Filters(text="gallium")) == 0
    pipeline.retag(engine)
    check_terms(engine, terms)
    integrity(engine)


# --- stores made before the index, upgrades, and SQLite without FTS5 --------------------------


def _drop_index(url: str) -> None:
    eng = create_engine(url)
    with eng.begin() as conn:
        for name in store.schema.FTS_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql(f"DROP TABLE {store.FTS_TABLE}")
    eng.dispose()


def _has_fts_table(engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = :n"),
                            {"n": store.FTS_TABLE}).scalar_one() == 1


@needs_fts5
def test_store_without_the_index_gets_it_on_open(tmp_path, caplog):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    eng = store.connect(url)
    fill(eng)
    eng.dispose()
    _drop_index(url)  # a schema-2 store written before the index existed

    ro = store.connect(url, create=False, upgrade=False)  # may not write: searched by a scan
    assert not _has_fts_table(ro) and not store.has_text_index(ro)
    check_terms(ro)
    ro.dispose()

    with caplog.at_level(logging.WARNING, logger="ingest.store"):
        eng = store.connect(url)
    assert "building the text-search index" in caplog.text
    assert store.has_text_index(eng)
    with eng.connect() as conn:
        assert store.get_meta(conn, "schema_version") == store.SCHEMA_VERSION
    integrity(eng)
    check_terms(eng)
    fill(eng, [("New gallium curbs", "Côte d'Ivoire again.")], start=100)  # triggers work
    check_terms(eng)
    integrity(eng)
    eng.dispose()


@needs_fts5
def test_schema_1_upgrade_recreates_the_index(tmp_path):
    url = f"sqlite:///{tmp_path / 'v1.db'}"
    eng = store.connect(url)
    fill(eng)
    with store.atomic(eng) as conn:
        store.set_meta(conn, "schema_version", "1")
    eng.dispose()
    eng = store.connect(url)  # drops and recreates the event tables, and the index with them
    assert store.needs_rebuild(eng) and store.counts(eng)["events"] == 0
    assert store.has_text_index(eng)
    assert query.count_events(eng, Filters(text="gallium")) == 0
    fill(eng)
    check_terms(eng)
    integrity(eng)
    eng.dispose()


def test_without_fts5_search_scans(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(store.engine, "fts5_available", lambda: False)
    monkeypatch.setattr(store.engine, "_warned_no_fts", False)
    with caplog.at_level(logging.WARNING, logger="ingest.store"):
        eng = store.connect(f"sqlite:///{tmp_path / 'plain.db'}")
    assert "no FTS5" in caplog.text
    assert not _has_fts_table(eng) and not store.has_text_index(eng)
    fill(eng)
    check_terms(eng)
    eng.dispose()


def test_fts_query_quotes_the_term():
    assert where.fts_query("ga") is None
    assert where.fts_query("gallium") == '"gallium"'
    assert where.fts_query('a"b') == '"a""b"'
    assert where.fts_query("a\x00b") is None


@needs_fts5
def test_store_that_cannot_take_the_index_is_still_searched(tmp_path, monkeypatch, caplog):
    from sqlalchemy.exc import OperationalError

    url = f"sqlite:///{tmp_path / 'ro.db'}"
    eng = store.connect(url)
    fill(eng)
    eng.dispose()
    _drop_index(url)

    def read_only(conn):
        raise OperationalError("CREATE VIRTUAL TABLE", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setattr(store.engine, "_ensure_text_index", read_only)
    with caplog.at_level(logging.WARNING, logger="ingest.store"):
        eng = store.connect(url)
    assert "cannot add the text-search index" in caplog.text and "readonly" in caplog.text
    assert not store.has_text_index(eng)
    check_terms(eng)
    eng.dispose()


def test_a_term_in_most_events_is_scanned(engine, monkeypatch):
    sqlite_only(engine)
    fill(engine, [(f"Common story {i}", "Officials said so.") for i in range(9)]
         + [("Rare gallium story", "Officials said so.")])
    monkeypatch.setattr(where, "FTS_PROBE", 3)
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_a: seen.append(statement))
    common, rare = Filters(text="common"), Filters(text="gallium")  # in 9 events of 10; in 1
    assert where.use_fts(engine, rare) and not where.use_fts(engine, common)
    for f in (common, rare):
        got = ids_of(engine, f)
        assert ("MATCH" in seen[-1]) == (f is rare)  # the query itself, not the probe
        assert got == scan(engine, f) and got
