"""The Feeds tab: each feed's last fetch, status, error and article count; saved views below."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ingest.read import queries as query

from . import subscriptions
from .detail import md
from .loaders import Source
from .tables import health_table

COLUMNS = ["feed", "status", "last_fetch", "articles", "outlets", "newest_item", "error", "failures", "next_try",
           "last_success", "warning", "http", "link"]


def view(src: Source) -> None:
    health = health_table(src.load(query.feed_health))
    if health.empty:
        st.info("No feeds fetched yet: run `python -m ingest run`.")
    else:
        feed_table(health)
    subscriptions.view(src)


def feed_table(health: pd.DataFrame) -> None:
    counts = health["status"].value_counts()
    st.caption(f"{len(health)} feeds: " + ", ".join(f"{n} {md(s)}" for s, n in counts.items())
               + ". Run `python -m ingest feeds` for the same table in a terminal.")
    text, number = st.column_config.TextColumn, st.column_config.NumberColumn
    st.dataframe(health, hide_index=True, key="feeds_table", column_order=COLUMNS, column_config={
        "feed": text("Feed"),
        "status": text("Status", width="small"),
        "last_fetch": text("Last fetch"),
        "last_success": text("Last success"),
        "articles": number("Articles", width="small"),
        "outlets": text("Outlets", help="how many outlets wrote the feed's articles, busiest first"),
        "newest_item": text("Newest item"),
        "failures": number("Failures", width="small"),
        "next_try": text("Next try", width="small"),
        "error": text("Last error", width="large"),
        "warning": text("Warning", width="small"),
        "http": number("HTTP", width="small", format="%d"),
        "link": st.column_config.LinkColumn("Feed URL", display_text=":material/open_in_new:", width="small"),
    })
