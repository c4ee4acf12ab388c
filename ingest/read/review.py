"""Reviews as the page, the CLI and export read them: each act's state, the queue, the log."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from ..store.review_overlay import current_values
from ..store.review_schema import review_acts, review_fields, review_log
from ..store.schema import acts
from ..store.sql import chunks
from .filters import NO_FILTERS, REVIEW_STATES, Filters

UNREVIEWED: dict[str, Any] = {"state": "unreviewed", "by": None, "at": None, "reason": None, "edited": []}


def reviews_of(conn: Connection, act_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Each reviewed act's review: state, by, at, reason and the fields edited (the newest
    review when a merge left two on one act)."""
    out: dict[str, dict[str, Any]] = {}
    for chunk in chunks(sorted(set(act_ids))):
        rows = conn.execute(select(review_acts).where(review_acts.c.act_id.in_(chunk), review_acts.c.state != "")
                            .order_by(review_acts.c.at, review_acts.c.id)).mappings().all()
        edited: dict[int, list[str]] = {}
        for rid, field in conn.execute(select(review_fields.c.review_id, review_fields.c.field).where(
                review_fields.c.review_id.in_([m["id"] for m in rows]), review_fields.c.source == "edited")
                .order_by(review_fields.c.field)):
            edited.setdefault(rid, []).append(field)
        for m in rows:
            out[m["act_id"]] = {"state": m["state"], "by": m["by"], "at": m["at"].isoformat(),
                                "reason": m["reason"] or None, "edited": edited.get(m["id"], [])}
    return out


def add_review(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Fill each act row's `review_state` in place."""
    found = reviews_of(conn, [r["id"] for r in rows])
    for row in rows:
        row["review_state"] = found.get(row["id"], UNREVIEWED)["state"]


def queue(engine: Engine, state: str | None = "unreviewed", f: Filters = NO_FILTERS,
          limit: int | None = None) -> pd.DataFrame:
    """Acts in a review state (None: every act, dismissed included) among those `f` keeps,
    newest first seen first, with their review."""
    from .acts import act_conditions  # read.acts reads reviews too

    states = (state,) if state else REVIEW_STATES
    q = (select(acts.c.id, acts.c.type, acts.c.status, acts.c.actor, acts.c.date, acts.c.date_precision,
                acts.c.first_seen_at, acts.c.headline, acts.c.report_count)
         .where(*act_conditions(replace(f, review_states=states, limit=None)))
         .order_by(acts.c.first_seen_at.desc(), acts.c.id))
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        rows = [dict(m) for m in conn.execute(q).mappings()]
        found = reviews_of(conn, [r["id"] for r in rows])
    for r in rows:
        rev = found.get(r["id"], UNREVIEWED)
        r.update(review_state=rev["state"], review_by=rev["by"], review_at=rev["at"],
                 review_reason=rev["reason"], edited=", ".join(rev["edited"]))
    cols = ["id", "type", "status", "actor", "date", "date_precision", "first_seen_at", "headline",
            "report_count", "review_state", "review_by", "review_at", "review_reason", "edited"]
    return pd.DataFrame(rows, columns=cols)


def review_log_of(engine: Engine, act_id: str) -> list[dict[str, Any]]:
    """Every review action on the reviews now attached to an act, oldest first."""
    with engine.connect() as conn:
        ids = [x[0] for x in conn.execute(select(review_acts.c.id).where(review_acts.c.act_id == act_id))]
        rows = conn.execute(select(review_log).where(review_log.c.review_id.in_(ids))
                            .order_by(review_log.c.id)).mappings().all()  # the order they were made
    return [{"action": m["action"], "field": m["field"], "reason": m["reason"], "by": m["by"],
             "at": m["at"].isoformat(), "old": _json(m["old"]), "new": _json(m["new"])} for m in rows]


def _json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def act_fields(engine: Engine, act_id: str) -> dict[str, Any] | None:
    """An act's reviewable fields as stored values (what the page's edit form starts from)."""
    with engine.connect() as conn:
        m = conn.execute(select(acts).where(acts.c.id == act_id)).mappings().first()
    return None if m is None else current_values(m)
