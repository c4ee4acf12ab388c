"""Saved views as a health table for the Feeds tab: when each last fired, how many entries its
feed holds, and how its webhook fared (no streamlit here)."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine

from ..store import subscriptions as subs

COLUMNS = ["view", "query", "last_fired", "entries", "webhook", "failures", "error"]


def _when(t: datetime | None) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if t else "never"


def subscription_health(engine: Engine) -> pd.DataFrame:
    """One row per saved view; `webhook` is "-", "not yet", "ok" or "failed"."""
    with engine.connect() as conn:
        views = subs.all_views(conn)
    rows = [{
        "view": v["name"], "query": v["query"] or "(every act)",
        "last_fired": _when(v["last_fired_at"]), "entries": v["entries"],
        "webhook": "-" if not v["webhook"] else (v["webhook_status"] or "not yet"),
        "failures": v["webhook_failures"], "error": v["webhook_error"] or "",
    } for v in views]
    return pd.DataFrame(rows, columns=COLUMNS)
