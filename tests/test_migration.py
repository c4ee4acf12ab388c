"""Opening a store written at schema 1: events are rebuilt from the stored articles, nothing else moves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy
from helpers.db import make_db_url
from sqlalchemy import (
    Column,
    Date,
    Engine,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
)

from ingest import store
from ingest.store import StoreError, schema

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
KEPT = ("feeds", "fetch_log", "articles", "article_feeds")

# The schema-1 event tables, as that release created them (TEXT keys, no dates on the links).
V1 = MetaData()
for _t in (store.feeds, store.fetch_log, store.articles, store.article_feeds, store.meta):
    _t.to_metadata(V1)
V1_EVENTS = Table(
    "events", V1,
    Column("id", String(40), primary_key=True),
    Column("type", String(40), nullable=False),
    Column("subtype", String(60)),
    Column("status", String(20), nullable=False),
    Column("date", Date, nullable=False),
    Column("date_precision", String(5), nullable=False),
    Column("end_date", Date),
    Column("date_source", String(10), nullable=False),
    Column("actor", String(2)),
    Column("countries", Text, nullable=False, default="[]"),
    Column("targets", Text, nullable=False, default="[]"),
    Column("commodities", Text, nullable=False, default="[]"),
    Column("evidence", Text, nullable=False),
    Column("headline", Text, nullable=False, default=""),
    Column("first_seen_at", schema.UTCDateTime, nullable=False),
    Index("ix_events_date", "date"),
    Index("ix_events_type_date", "type", "date"),
)
V1_ARTICLES = Table(
    "event_articles", V1,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence", Text, nullable=False),
    Index("ix_event_articles_article", "article_id"),
)
V1_COUNTRIES = Table(
    "event_countries", V1,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("code", String(2), primary_key=True),
    Column("role", String(10), nullable=False),
    Index("ix_event_countries_code", "code", "event_id"),
)
V1_COMMODITIES = Table(
    "event_commodities", V1,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("commodity", String(40), primary_key=True),
    Index("ix_event_commodities_commodity", "commodity", "event_id"),
)


def _rows(engine: Engine, table: Table) -> list[tuple]:
    with engine.connect() as conn:
        return sorted(tuple(map(str, r)) for r in conn.execute(select(table)))


def _events(engine: Engine) -> dict[str, list[tuple]]:
    """Every event fact by public id (integer keys differ between builds; first_seen_at too)."""
    e, ea = store.events, store.event_articles
    cols = [c for c in e.c if c.name not in ("pk", "first_seen_at")]
    out: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        out["events"] = sorted(tuple(map(str, r)) for r in conn.execute(select(*cols)))
        out["cites"] = sorted(tuple(r) for r in conn.execute(select(ea.c.event_id, ea.c.article_id)))
        for name, t, cs in (("countries", store.event_countries, ("code", "role", "date")),
                            ("commodities", store.event_commodities, ("commodity", "date")),
                            ("pairs", store.event_pairs, ("code", "commodity", "role", "date"))):
            stmt = select(e.c.id, *(t.c[c] for c in cs)).join(e, e.c.pk == t.c.event_pk)
            out[name] = sorted(tuple(map(str, r)) for r in conn.execute(stmt))
    return out


def _v1_copy(fresh: Engine, url: str) -> Engine:
    """A schema-1 store holding the fresh store's articles, feeds, log and events."""
    old = sqlalchemy.create_engine(url)
    V1.create_all(old)
    e = store.events
    with fresh.connect() as src, old.begin() as dst:
        for name in KEPT:
            rows = [dict(r) for r in src.execute(select(store.metadata.tables[name])).mappings()]
            if rows:
                dst.execute(insert(V1.tables[name]), rows)
        dst.execute(insert(V1_EVENTS), [
            {k: v for k, v in r.items() if k != "pk"}
            for r in src.execute(select(e)).mappings()])
        dst.execute(insert(V1_ARTICLES), [
            dict(r) for r in src.execute(select(store.event_articles)).mappings()])
        for v1, t, col in ((V1_COUNTRIES, store.event_countries, ("code", "role")),
                           (V1_COMMODITIES, store.event_commodities, ("commodity",))):
            stmt = select(e.c.id.label("event_id"), *(t.c[c] for c in col)).join(e, e.c.pk == t.c.event_pk)
            dst.execute(insert(v1), [dict(r) for r in src.execute(stmt).mappings()])
        dst.execute(insert(V1.tables["meta"]), [{"key": "schema_version", "value": "1"}])
    return old


@pytest.mark.parametrize("kind", BACKENDS)
def test_cli_rebuilds_events_of_a_schema_1_store(kind, tmp_path: Path, cli):
    with make_db_url(kind, tmp_path / "a") as fresh_url, make_db_url(kind, tmp_path / "b") as old_url:
        (tmp_path / "a").mkdir(exist_ok=True)
        (tmp_path / "b").mkdir(exist_ok=True)
        res = cli("run", "--offline", "--db", fresh_url)
        assert res.returncode == 0, res.stderr
        fresh = store.connect(fresh_url)
        old = _v1_copy(fresh, old_url)
        kept = {name: _rows(old, V1.tables[name]) for name in KEPT}
        old.dispose()
        with pytest.raises(StoreError, match="schema 1.*python -m ingest retag"):
            store.connect(old_url, create=False)  # a reader never changes the store

        res = cli("export", "--events", "--format", "jsonl", "--db", old_url)  # any command upgrades
        assert res.returncode == 0, res.stderr
        assert "re-tagging stored articles" in res.stderr
        want = cli("export", "--events", "--format", "jsonl", "--db", fresh_url)
        assert [json.loads(x) for x in res.stdout.splitlines()] == \
            [json.loads(x) for x in want.stdout.splitlines()]

        upgraded = store.connect(old_url, create=False)
        try:
            assert _events(upgraded) == _events(fresh)
            assert _events(upgraded)["events"]
            assert {name: _rows(upgraded, store.metadata.tables[name]) for name in KEPT} == kept
            assert not store.needs_rebuild(upgraded)
            with upgraded.connect() as conn:
                assert store.get_meta(conn, "schema_version") == store.SCHEMA_VERSION
            res = cli("retag", "--db", old_url)  # and nothing changes after that
            assert res.returncode == 0 and "re-tagging stored articles" not in res.stderr
            assert _events(upgraded) == _events(fresh)
        finally:
            upgraded.dispose()
            fresh.dispose()


def test_upgrade_flags_rebuild_and_keeps_articles(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = sqlalchemy.create_engine(url)
    V1.create_all(old)
    with old.begin() as conn:
        conn.execute(insert(V1.tables["meta"]), [{"key": "schema_version", "value": "1"}])
    old.dispose()
    engine = store.connect(url)
    try:
        assert store.needs_rebuild(engine)
        assert set(store.counts(engine)) == set(store.metadata.tables)
    finally:
        engine.dispose()


def test_store_from_an_unknown_schema_is_refused(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    store.connect(url).dispose()
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:
        store.set_meta(conn, "schema_version", "9")
    engine.dispose()
    with pytest.raises(StoreError, match="schema '9'"):
        store.connect(url)
    with engine.connect() as conn:  # refused without touching it
        assert store.get_meta(conn, "schema_version") == "9"
