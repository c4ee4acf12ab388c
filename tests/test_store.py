"""The store on SQLite and PostgreSQL: schema, idempotent upserts, UTC times, retag writes."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from ingest import settings, store
from ingest.records import ArticleRecord, EventRecord, TaggedArticle
from ingest.store import StoreError

NOW = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)


def article(n: int, *, url: str | None = None, published: datetime | None = None) -> ArticleRecord:
    return ArticleRecord(
        id=f"{n:040x}", canonical_url=url if url is not None else f"https://news.example/{n}",
        guid=None, title=f"Article {n}", summary="China restricts gallium exports.",
        published_at=published or datetime(2025, 11, 2, 6, 30, tzinfo=UTC),
        published_source="published", source_domain="news.example", language="en",
    )


def event(commodity: str = "gallium", day: date = date(2025, 12, 1)) -> EventRecord:
    return EventRecord(type="export_control", subtype="licensing", status="announced", date=day,
                       date_precision="day", end_date=None, date_source="text", actor="CN",
                       countries=("CN", "US"), targets=("US",), commodities=(commodity,),
                       evidence=f"China restricts {commodity} exports.")


def tagged(a: ArticleRecord, *events: EventRecord) -> TaggedArticle:
    return TaggedArticle(a, bool(events), ("CN",), tuple(c for e in events for c in e.commodities),
                         tuple(events), "test-1")


def save(engine, feed_name: str, *items: TaggedArticle) -> store.BatchResult:
    with store.atomic(engine) as conn:
        fid = store.ensure_feed(conn, feed_name, f"https://feeds.example/{feed_name}")
        return store.save_batch(conn, fid, list(items), NOW)


def test_connect_creates_schema_and_version(engine):
    with engine.connect() as conn:
        assert store.get_meta(conn, "schema_version") == store.SCHEMA_VERSION
    assert set(store.counts(engine)) == {t.name for t in store.metadata.sorted_tables}
    assert all(n == 0 for k, n in store.counts(engine).items() if k != "meta")


def test_connect_twice_is_harmless(db_url):
    for _ in range(2):
        eng = store.connect(db_url)
        assert store.counts(eng)["meta"] == 1
        eng.dispose()


def test_save_batch_counts_new_rows_and_is_idempotent(engine):
    items = [tagged(article(1), event()), tagged(article(2))]
    first = save(engine, "wire", *items)
    assert (first.new_articles, first.new_events, first.items) == (2, 1, 2)
    before = store.counts(engine)
    again = save(engine, "wire", *items)
    assert (again.new_articles, again.new_events) == (0, 0)
    assert store.counts(engine) == before
    assert before["articles"] == 2 and before["events"] == 1 and before["article_feeds"] == 2
    assert before["event_countries"] == 2 and before["event_commodities"] == 1


def test_same_event_from_two_articles_is_one_event(engine):
    res = save(engine, "wire", tagged(article(1), event()), tagged(article(2), event()))
    assert res.new_events == 1
    c = store.counts(engine)
    assert c["events"] == 1 and c["event_articles"] == 2


def test_same_url_in_two_feeds_is_one_article(engine):
    save(engine, "one", tagged(article(1, url="https://news.example/x")))
    res = save(engine, "two", tagged(article(99, url="https://news.example/x")))
    assert res.new_articles == 0
    assert res.article_ids == [f"{1:040x}"]  # linked to the copy already stored
    c = store.counts(engine)
    assert c["articles"] == 1 and c["article_feeds"] == 2


def test_articles_without_url_dedupe_on_id(engine):
    save(engine, "one", tagged(article(5, url="")))
    save(engine, "two", tagged(article(5, url="")))
    c = store.counts(engine)
    assert c["articles"] == 1 and c["article_feeds"] == 2


def test_times_round_trip_as_utc(engine):
    eastern = timezone(timedelta(hours=-5))
    local = datetime(2025, 11, 2, 1, 30, tzinfo=eastern)  # 06:30 UTC
    save(engine, "wire", tagged(article(1, published=local)))
    with engine.connect() as conn:
        got = conn.execute(select(store.articles.c.published_at, store.articles.c.first_seen_at)).one()
    assert got.published_at == datetime(2025, 11, 2, 6, 30, tzinfo=UTC)
    assert got.published_at.utcoffset() == timedelta(0)
    assert got.first_seen_at == NOW


def test_naive_datetimes_are_refused(engine):
    naive = ArticleRecord(**{**article(1).__dict__, "published_at": datetime(2025, 11, 2, 6, 30)})
    with pytest.raises(StatementError, match="naive datetime"):
        save(engine, "wire", tagged(naive))
    assert store.counts(engine)["articles"] == 0


def test_failed_batch_leaves_nothing(engine):
    with pytest.raises(RuntimeError), store.atomic(engine) as conn:
        fid = store.ensure_feed(conn, "wire", "https://feeds.example/wire")
        store.save_batch(conn, fid, [tagged(article(1), event())], NOW)
        raise RuntimeError("killed mid-feed")
    c = store.counts(engine)
    assert c["articles"] == 0 and c["events"] == 0 and c["feeds"] == 0


def test_ensure_feed_keeps_id_and_resets_validators_on_new_url(engine):
    with store.atomic(engine) as conn:
        fid = store.ensure_feed(conn, "wire", "https://feeds.example/a", ["x"])
        store.record_attempt(conn, fid, started_at=NOW, status="ok", http_status=200, duration_s=0.1,
                             nbytes=10, items=0, new_articles=0, error=None, etag='"e"',
                             last_modified="Wed, 05 Nov 2025 12:00:00 GMT")
        assert store.ensure_feed(conn, "wire", "https://feeds.example/a", ["x"]) == fid
        assert store.feed_state(conn, fid)["etag"] == '"e"'
        assert store.ensure_feed(conn, "wire", "https://feeds.example/b", ["y"]) == fid
        state = store.feed_state(conn, fid)
    assert state["url"] == "https://feeds.example/b"
    assert state["etag"] is None and state["last_modified"] is None
    assert json.loads(state["tags"]) == ["y"]


def test_record_attempt_counts_failures_and_health(engine):
    save(engine, "wire", tagged(article(1)), tagged(article(2)))
    with store.atomic(engine) as conn:
        fid = store.ensure_feed(conn, "wire", "https://feeds.example/wire")
        for i in range(2):
            store.record_attempt(conn, fid, started_at=NOW + timedelta(minutes=i), status="failed",
                                 http_status=503, duration_s=0.1, nbytes=0, items=0, new_articles=0,
                                 error="HTTP 503 Service Unavailable",
                                 next_attempt_at=NOW + timedelta(hours=1))
        state = store.feed_state(conn, fid)
    assert state["consecutive_failures"] == 2
    assert state["last_error"] == "HTTP 503 Service Unavailable"
    assert state["next_attempt_at"] == NOW + timedelta(hours=1)
    assert state["articles_total"] == 2
    assert state["newest_item_at"] == datetime(2025, 11, 2, 6, 30, tzinfo=UTC)
    assert store.counts(engine)["fetch_log"] == 2


def test_replace_tags_drops_orphan_events(engine):
    a = article(1)
    save(engine, "wire", tagged(a, event("gallium")))
    with store.atomic(engine) as conn:
        store.replace_tags(conn, a.id, tagged(a, event("germanium")), NOW)
    with engine.connect() as conn:
        rows = conn.execute(select(store.events.c.commodities)).scalars().all()
        comms = conn.execute(select(store.event_commodities.c.commodity)).scalars().all()
    assert [json.loads(r) for r in rows] == [["germanium"]]
    assert comms == ["germanium"]
    with store.atomic(engine) as conn:
        store.replace_tags(conn, a.id, tagged(a), NOW)  # no longer relevant
    c = store.counts(engine)
    assert c["events"] == c["event_articles"] == c["event_countries"] == c["event_commodities"] == 0
    assert c["articles"] == 1


def test_meta_upsert(engine):
    with store.atomic(engine) as conn:
        store.set_meta(conn, "last_run_at", "a")
        store.set_meta(conn, "last_run_at", "b")
        assert store.get_meta(conn, "last_run_at") == "b"
        assert store.get_meta(conn, "nope") is None


def test_missing_sqlite_store_is_a_store_error(tmp_path):
    path = tmp_path / "nowhere" / "tracker.db"
    with pytest.raises(StoreError, match=r"no store at .*run `python -m ingest run --offline`"):
        store.connect(f"sqlite:///{path}", create=False)
    assert not path.exists()
    assert store.is_missing_or_empty(f"sqlite:///{path}")


def test_is_missing_or_empty(db_url):
    assert store.is_missing_or_empty(db_url)
    eng = store.connect(db_url)
    save(eng, "wire", tagged(article(1)))
    eng.dispose()
    assert not store.is_missing_or_empty(db_url)


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://x/y"])
def test_bad_url_is_a_store_error(url):
    with pytest.raises(StoreError):
        store.connect(url)


def test_unreachable_postgres_is_a_store_error():
    # Port 9 on loopback: nothing listens, so the connection is refused at once.
    with pytest.raises(StoreError, match="cannot open the store at postgresql"):
        store.connect("postgresql+psycopg://u:secret@127.0.0.1:9/db?connect_timeout=2")


def test_resolve_url_prefers_argument_then_env(monkeypatch):
    monkeypatch.setenv("TRACKER_DB_URL", "sqlite:///from-env.db")
    assert store.resolve_url("sqlite:///arg.db") == "sqlite:///arg.db"
    assert store.resolve_url() == "sqlite:///from-env.db"
    monkeypatch.delenv("TRACKER_DB_URL")
    assert store.resolve_url() == settings.DEFAULT_DB_URL
    assert "secret" not in store.safe_url("postgresql+psycopg://u:secret@h/db")


def test_text_search_treats_like_wildcards_literally(engine):
    from ingest.read.filters import Filters
    from ingest.read.queries import events_frame

    titles = ["Tariff of 50% on cobalt", "Tariff of 500 on cobalt", "Quota on rare_earths",
              "Quota on rare earths", "Levy on C:\\path cobalt"]
    items = []
    for i, title in enumerate(titles):
        a = ArticleRecord(**{**article(i).__dict__, "title": title})
        items.append(tagged(a, event(day=date(2025, 12, i + 1))))
    save(engine, "wire", *items)

    def found(text: str) -> list[str]:
        return sorted(events_frame(engine, Filters(text=text))["headline"])

    assert found("50%") == ["Tariff of 50% on cobalt"]
    assert found("rare_e") == ["Quota on rare_earths"]  # "_" is not "any one character"
    assert found("C:\\PATH") == ["Levy on C:\\path cobalt"]
    assert found("TARIFF OF 50") == ["Tariff of 50% on cobalt", "Tariff of 500 on cobalt"]
