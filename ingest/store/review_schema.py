"""The review tables (issue 16): an analyst's reviews of acts, on the store's one `metadata`."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text

from .schema import EventPk, UTCDateTime, metadata

# An analyst's reviews of acts. Not derived data: `retag` and schema upgrades keep them, and
# they are applied again after every consolidation (see docs/review.md). A review is keyed by
# its own id and finds its act again through the act's founding report (`anchor`), else the
# act id it last had, else the act holding most of the reports it had (`reports`), else the act
# holding most of their articles (a retag with another taxonomy gives reports new ids).

review_acts = Table(
    "review_acts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("act_id", String(24)),  # the act it applies to now (NULL: its act is gone)
    Column("anchor", String(24), nullable=False),  # the act's founding report when first reviewed
    Column("reports", Text, nullable=False, default="[]"),  # the act's report ids then
    Column("articles", Text, nullable=False, default="[]"),  # their articles (ids change on retag)
    Column("state", String(10), nullable=False, default=""),  # confirmed | dismissed | edited | ""
    Column("reason", Text, nullable=False, default=""),
    Column("by", String(100), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_review_acts_act", "act_id"),
    Index("ix_review_acts_anchor", "anchor"),
)

# The current value of each reviewed field (JSON): confirmed or edited values win over the tagger.
review_fields = Table(
    "review_fields",
    metadata,
    Column("review_id", Integer, primary_key=True),
    Column("field", String(20), primary_key=True),
    Column("value", Text, nullable=False),
    Column("source", String(10), nullable=False),  # confirmed | edited
    Column("by", String(100), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

# Every review action, append-only: who, when, what, the value before and after (JSON).
review_log = Table(
    "review_log",
    metadata,
    Column("id", EventPk, primary_key=True, autoincrement=True),
    Column("review_id", Integer, nullable=False),
    Column("act_id", String(24)),
    Column("action", String(10), nullable=False),  # confirm | dismiss | edit | merge | split | add
    Column("field", String(20), nullable=False, default=""),
    Column("old", Text),
    Column("new", Text),
    Column("reason", Text, nullable=False, default=""),
    Column("by", String(100), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_review_log_review", "review_id"),
)

# Grouping constraints consolidation honours: `must` puts two reports in one act (a merge),
# `cannot` keeps them apart (a split).
review_links = Table(
    "review_links",
    metadata,
    Column("a", String(24), primary_key=True),
    Column("b", String(24), primary_key=True),
    Column("kind", String(6), primary_key=True),  # must | cannot
    Column("by", String(100), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

# Acts added by hand: one report each (a URL and a sentence), consolidated like any other.
review_added = Table(
    "review_added",
    metadata,
    Column("report_id", String(24), primary_key=True),
    Column("url", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("fields", Text, nullable=False),  # JSON: type, status, actor, targets, commodities, date
    Column("by", String(100), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

REVIEW_TABLES = (review_acts, review_fields, review_log, review_links, review_added)
