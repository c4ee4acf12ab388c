"""The subscription tables (issue 16), on the store's one `metadata`: saved views and what
each last published. Kept apart from `schema` (which is long enough); `engine` imports this
module, so every store it opens or creates has these tables."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text

from .schema import EventPk, UTCDateTime, metadata

# A saved view (a name and the dashboard's query string) and what it last published: per act,
# the state its feed last reported (so a run adds entries for changes only), and the feed's
# newest entries (the Atom file is rendered from these). Not derived data: a rebuild of acts
# keeps them, and their absence in an older store is filled by `create_all`.

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("query", Text, nullable=False),  # clean ids only (ingest.read.view_query)
    Column("webhook", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_fired_at", UTCDateTime),  # the end of the last run that looked for changes
    Column("entries_total", Integer, nullable=False, default=0),  # every entry ever published
    Column("webhook_status", String(10)),  # ok | failed; NULL until a POST was tried
    Column("webhook_at", UTCDateTime),
    Column("webhook_error", Text),
    Column("webhook_failures", Integer, nullable=False, default=0),  # consecutive
)

subscription_acts = Table(
    "subscription_acts",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("act_id", String(24), primary_key=True),
    Column("state", Text, nullable=False),  # JSON: status, dates and report ids last published
    sqlite_with_rowid=False,
)

subscription_entries = Table(
    "subscription_entries",
    metadata,
    Column("id", EventPk, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False),
    Column("entry_id", Text, nullable=False),  # the Atom id (a tag: URI), stable per change
    Column("act_id", String(24), nullable=False),
    Column("kind", String(10), nullable=False),  # new | status | report | dates
    Column("title", Text, nullable=False),
    Column("content", Text, nullable=False),  # HTML (escaped into the feed as type="html")
    Column("link", Text),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_subscription_entries_name", "name", "id"),
)
