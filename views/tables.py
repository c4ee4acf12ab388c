"""The tables the page shows, built from query results: labels for ids, links only for
http(s) URLs (no streamlit)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import pandas as pd

from ingest.text import safe_link

from .labels import Labels, date_text, headline_link


def events_table(df: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """The events as shown in the table: labels instead of ids, the headline as text and, next
    to it, a safe link to the first article (empty when it has no http(s) URL)."""
    cols = ["id", "date", "type", "status", "headline", "link", "countries", "commodities", "source",
            "articles", "precision"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame({
        "id": df["id"],
        "date": df["date"].dt.date,
        "precision": df["date_precision"],
        "type": df["type"].map(labels.type),
        "status": df["status"].map(labels.status),
        "countries": df["countries"].map(lambda cs: ", ".join(cs)),
        "commodities": df["commodities"].map(lambda cs: ", ".join(labels.commodity(c) for c in cs)),
        "headline": df["headline"].fillna(""),
        "link": [headline_link(u, h) for u, h in zip(df["url"], df["headline"], strict=True)],
        "source": df["source"].fillna(""),
        "articles": df["n_articles"],
    })[cols]


def upcoming_table(df: pd.DataFrame, labels: Labels, today: date) -> pd.DataFrame:
    """Upcoming events (query.upcoming_events) as shown: when, in how many days, what, links."""
    cols = ["id", "when", "in_days", "what", "type", "status", "headline", "link", "countries",
            "commodities", "source"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    t = events_table(df, labels)
    when = df["when"]
    return t.assign(
        when=[date_text(w, p if k == "starts" else "day") for w, p, k in
              zip(when, df["date_precision"], df["what"], strict=True)],
        in_days=(when - pd.Timestamp(today)).dt.days.astype(int),
        what=df["what"].map({"starts": "Starts", "ends": "Ends"}),
    )[cols]


def health_table(health: pd.DataFrame) -> pd.DataFrame:
    """Feed health (query.feed_health) with the URL kept only when it is an http(s) link."""
    if health.empty:
        return health
    return health.assign(link=health["url"].map(safe_link))


def detail_articles(articles: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The articles of `event_detail` with `link` set only for http(s) URLs."""
    return [{**a, "link": safe_link(a.get("url"))} for a in articles]
