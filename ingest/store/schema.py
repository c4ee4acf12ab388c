"""The store's schema: SQLAlchemy Core tables, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    column,
    false,
)
from sqlalchemy.sql.expression import TableClause

SCHEMA_VERSION = "2"
# Schemas whose event tables `connect` can rebuild: events are derived from stored articles,
# so an upgrade drops them, recreates them and leaves a note that they must be re-tagged.
UPGRADABLE_VERSIONS = ("1",)
REBUILD_KEY = "events_rebuild"  # meta key present while events must be rebuilt from articles
_SCHEMA_LOCK = 0x6D696E7472  # PostgreSQL advisory lock held while creating the schema


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite keeps no offset of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given to the store; use UTC-aware times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


metadata = MetaData()

feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("tags", Text, nullable=False, default="[]"),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_status", String(20)),  # ok | not_modified | failed | skipped
    Column("last_http_status", Integer),
    Column("last_error", Text),
    Column("last_warning", Text),
    Column("last_attempt_at", UTCDateTime),
    Column("last_success_at", UTCDateTime),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime),
    Column("items_last", Integer, nullable=False, default=0),
    Column("articles_total", Integer, nullable=False, default=0),
    Column("newest_item_at", UTCDateTime),
)

fetch_log = Table(
    "fetch_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("status", String(20), nullable=False),
    Column("http_status", Integer),
    Column("duration_s", Float, nullable=False, default=0.0),
    Column("bytes", Integer, nullable=False, default=0),
    Column("items", Integer, nullable=False, default=0),
    Column("new_articles", Integer, nullable=False, default=0),
    Column("error", Text),
    Index("ix_fetch_log_feed", "feed_id", "started_at"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("canonical_url", Text, unique=True),
    Column("guid", Text),
    Column("title", Text, nullable=False, default=""),
    Column("summary", Text, nullable=False, default=""),
    Column("published_at", UTCDateTime, nullable=False),
    Column("published_source", String(10), nullable=False),  # published | updated | fetched
    Column("source_domain", String(255), nullable=False, default=""),
    Column("language", String(20)),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("relevant", Boolean, nullable=False, default=False),
    Column("countries", Text, nullable=False, default="[]"),
    Column("commodities", Text, nullable=False, default="[]"),
    Column("tagger_version", String(40)),
    Index("ix_articles_published", "published_at"),
)

article_feeds = Table(
    "article_feeds",
    metadata,
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True),
    Column("first_seen_at", UTCDateTime, nullable=False),
)

# Event row key: INTEGER PRIMARY KEY on SQLite (the rowid itself), BIGSERIAL on PostgreSQL.
EventPk = BigInteger().with_variant(Integer(), "sqlite")

events = Table(
    "events",
    metadata,
    # The integer key makes link-table joins cheap; `id` (EventRecord.key) stays the public id.
    Column("pk", EventPk, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
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
    Column("first_seen_at", UTCDateTime, nullable=False),
    Index("ix_events_date", "date"),
    Index("ix_events_type_date", "type", "date"),
)

# event_articles keeps the public text id: it is read per event (detail, export, the first
# article's link) and per article (retag), never scanned for a filtered aggregate, and its rows
# must compare equal across rebuilds (integer keys are reassigned when events are rebuilt).
event_articles = Table(
    "event_articles",
    metadata,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence", Text, nullable=False),
    Index("ix_event_articles_article", "article_id"),
)

# The filter tables carry the event's integer key and its date (part of the event's identity,
# so it never changes): a country or commodity filter with a date window is answered inside
# (code, date, event_pk) / (commodity, date, event_pk) without reading `events` rows.
event_countries = Table(
    "event_countries",
    metadata,
    Column("event_pk", EventPk, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("code", String(2), primary_key=True),
    Column("role", String(10), nullable=False),  # actor | target | party
    Column("date", Date, nullable=False),
    Index("ix_event_countries_code", "code", "date", "event_pk", "role"),
    sqlite_with_rowid=False,
)

event_commodities = Table(
    "event_commodities",
    metadata,
    Column("event_pk", EventPk, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("commodity", String(40), primary_key=True),
    Column("date", Date, nullable=False),
    Index("ix_event_commodities_commodity", "commodity", "date", "event_pk"),
    sqlite_with_rowid=False,
)

# Every (country, commodity) pair of an event: a filter on both is one index range per pair of
# values here, where checking each country row against event_commodities costs a b-tree probe
# per row (~100 ms for CN x rare earths over two years at 1M events, against a few ms here).
event_pairs = Table(
    "event_pairs",
    metadata,
    Column("code", String(2), primary_key=True),
    Column("commodity", String(40), primary_key=True),
    Column("date", Date, primary_key=True),
    Column("event_pk", EventPk, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("role", String(10), nullable=False),
    Index("ix_event_pairs_event", "event_pk"),
    sqlite_with_rowid=False,
)

EVENT_TABLES: tuple[Table, ...] = (event_articles, event_countries, event_commodities, event_pairs, events)  # children first

meta = Table(
    "meta",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

# Text search index (SQLite only): an FTS5 table over events.headline and events.evidence with
# the trigram tokenizer, which answers case-insensitive substring queries from the index. Its
# content is the `events` table itself (external content, keyed by `pk`), kept in step by the
# triggers below, so it adds only the index. It is not in `metadata`: `connect` creates it,
# builds it for a store made before it existed, and PostgreSQL has none (search scans there).
FTS_TABLE = "events_fts"
events_fts = TableClause(FTS_TABLE, column("rowid"), column(FTS_TABLE))  # for `rowid ... MATCH :q`
_FTS_DDL = (f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(headline, evidence, content='events', "
            "content_rowid='pk', tokenize='trigram', columnsize=0)")
_FTS_OLD = "INSERT INTO events_fts (events_fts, rowid, headline, evidence) " \
           "VALUES ('delete', old.pk, old.headline, old.evidence);"
_FTS_NEW = "INSERT INTO events_fts (rowid, headline, evidence) " \
           "VALUES (new.pk, new.headline, new.evidence);"
FTS_TRIGGERS = {
    "events_fts_insert": f"AFTER INSERT ON events BEGIN {_FTS_NEW} END",
    "events_fts_delete": f"AFTER DELETE ON events BEGIN {_FTS_OLD} END",
    "events_fts_update": f"AFTER UPDATE OF pk, headline, evidence ON events BEGIN {_FTS_OLD} {_FTS_NEW} END",
}



# --- Outlet attribution and cross-feed de-duplication (issue 18) -----------------------------
# Columns added to `articles`. They are additive: `connect` adds them to a store made before
# them (ALTER TABLE ... ADD COLUMN, see engine.add_article_columns), code that does not know
# them reads the store as before, and the schema version does not change.
ARTICLE_ADDED_COLUMNS = (
    Column("outlet_name", Text),  # the outlet's name as a feed gave it; NULL or "" when none did
    Column("headline_only", Boolean, nullable=False, server_default=false()),  # no text but the headline
    Column("headline_key", String(40)),  # ingest.stories.headline_key(title): finds the same story
    Column("page_text", Text),  # the article page's main text, when tags came from it
    Column("gloss", Text),  # the headline's English gloss, when it was tagged through one
)
for _column in ARTICLE_ADDED_COLUMNS:
    articles.append_column(_column)
# The same outlet's copies of one headline (source_domain is the outlet's domain).
ix_articles_story = Index("ix_articles_story", articles.c.source_domain, articles.c.headline_key)

# The outlet registry: the first name a feed gave each outlet domain (GDELT items name none).
outlets = Table(
    "outlets",
    metadata,
    Column("domain", String(255), primary_key=True),
    Column("name", Text, nullable=False),
    Column("first_seen_at", UTCDateTime, nullable=False),
)


# --- acts (issue 14) ----------------------------------------------------------------------
# One row per real-world act consolidated from reports (see docs/acts.md). Derived data, like
# events: `retag` rebuilds them, and a schema upgrade drops them with the event tables.

acts = Table(
    "acts",
    metadata,
    Column("id", String(24), primary_key=True),  # "act-" + 16 hex of the founding report's id
    Column("type", String(40), nullable=False),
    Column("subtype", String(60)),
    Column("actor", String(2)),
    Column("targets", Text, nullable=False, default="[]"),
    Column("parties", Text, nullable=False, default="[]"),
    Column("commodities", Text, nullable=False, default="[]"),
    Column("status", String(20), nullable=False, default=""),
    Column("date", Date, nullable=False),  # the marker date: announced, else in force, else first seen
    Column("date_precision", String(6), nullable=False),
    Column("date_last", Date, nullable=False),  # the last day `date` may mean (month, year, window)
    Column("announced_date", Date),
    Column("announced_precision", String(6)),
    Column("announced_report", String(24)),
    Column("effective_date", Date),
    Column("effective_precision", String(6)),
    Column("effective_last", Date),
    Column("effective_report", String(24)),
    Column("end_date", Date),
    Column("end_precision", String(6)),
    Column("end_report", String(24)),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("sources", Integer, nullable=False, default=0),
    Column("report_count", Integer, nullable=False, default=0),
    Column("headline", Text, nullable=False, default=""),
    Column("modifier", Boolean, nullable=False, default=False),
    Column("modifies", String(24)),
    Column("why", Text, nullable=False, default=""),
    Index("ix_acts_date", "date"),
    Index("ix_acts_type_date", "type", "date"),
    Index("ix_acts_effective", "effective_date"),
    Index("ix_acts_modifies", "modifies"),
)

# Every report, joined or not (a mention no act took yet waits here with act_id NULL).
act_reports = Table(
    "act_reports",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("act_id", String(24)),
    Column("article_id", String(40), nullable=False),
    Column("kind", String(8), nullable=False),  # event | weak | mention
    Column("url", Text, nullable=False, default=""),
    Column("outlet", String(255), nullable=False, default=""),
    Column("published_at", UTCDateTime, nullable=False),
    Column("headline", Text, nullable=False, default=""),
    Column("evidence", Text, nullable=False, default=""),
    Column("words", Text, nullable=False, default=""),
    Column("countries", Text, nullable=False, default="[]"),
    Column("commodities", Text, nullable=False, default="[]"),
    Column("type", String(40)),
    Column("subtype", String(60)),
    Column("status", String(20)),
    Column("date", Date),
    Column("date_precision", String(6)),
    Column("date_last", Date),
    Column("end_date", Date),
    Column("actor", String(2)),
    Column("targets", Text, nullable=False, default="[]"),
    Column("modifier", Boolean, nullable=False, default=False),
    Index("ix_act_reports_act", "act_id"),
    Index("ix_act_reports_article", "article_id"),
)
# Columns added to `act_reports` after it was first released, added to an older store by
# `connect` like ARTICLE_ADDED_COLUMNS (engine.add_article_columns); the acts are then marked
# behind, so the next run rebuilds them with the new column filled.
ACT_REPORT_ADDED_COLUMNS = (
    # A change report's marks of the earlier act it changes (acts.earlier), a JSON list.
    Column("changes", Text, nullable=False, server_default="[]"),
)
for _column in ACT_REPORT_ADDED_COLUMNS:
    act_reports.append_column(_column)

act_history = Table(
    "act_history",
    metadata,
    Column("id", EventPk, primary_key=True, autoincrement=True),
    Column("act_id", String(24), nullable=False),
    Column("status", String(20), nullable=False),
    Column("date", Date, nullable=False),
    Column("date_precision", String(6), nullable=False),
    Column("date_last", Date, nullable=False),
    Column("report_id", String(24), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("via_act", String(24)),  # set on an entry another act (a suspension ...) made
    Index("ix_act_history_act", "act_id"),
    Index("ix_act_history_via", "via_act"),
)

# Candidate look-up: (type|country, type|c:commodity or m|country for mentions, month) -> act.
act_keys = Table(
    "act_keys",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("month", Integer, primary_key=True),
    Column("act_id", String(24), primary_key=True),
    Index("ix_act_keys_act", "act_id"),
    sqlite_with_rowid=False,
)

# Mentions and weak events no act took yet, by key and month: an act founded later finds them.
act_pending = Table(
    "act_pending",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("month", Integer, primary_key=True),
    Column("report_id", String(24), primary_key=True),
    Index("ix_act_pending_report", "report_id"),
    sqlite_with_rowid=False,
)

act_countries = Table(
    "act_countries",
    metadata,
    Column("act_id", String(24), primary_key=True),
    Column("code", String(2), primary_key=True),
    Column("role", String(10), nullable=False),  # actor | target | party
    Index("ix_act_countries_code", "code", "act_id"),
    sqlite_with_rowid=False,
)

act_commodities = Table(
    "act_commodities",
    metadata,
    Column("act_id", String(24), primary_key=True),
    Column("commodity", String(40), primary_key=True),
    Index("ix_act_commodities_commodity", "commodity", "act_id"),
    sqlite_with_rowid=False,
)

ACT_TABLES = (act_keys, act_pending, act_countries, act_commodities, act_history, act_reports, acts)
EVENT_TABLES = ACT_TABLES + EVENT_TABLES  # an upgrade that drops events drops the acts made from them



# --- review (issue 16) ---------------------------------------------------------------------
# An analyst's reviews of acts, in their own module (same `metadata`); see docs/review.md.
from .review_schema import REVIEW_TABLES as REVIEW_TABLES  # noqa: E402  (needs the tables above)
from .review_schema import review_acts as review_acts  # noqa: E402
