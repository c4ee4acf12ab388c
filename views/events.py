"""The Events tab: the newest events as a table, the whole filtered set as a CSV download."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from ingest.read import queries as query
from ingest.read.events import iter_events
from ingest.read.export import to_csv_text
from ingest.read.filters import Filters

from .detail import selected_row, show_detail
from .labels import Labels
from .loaders import Source
from .tables import events_table

MAX_TABLE_ROWS = 1000  # the table shows the newest rows; the CSV has the whole set


def link_columns() -> dict[str, Any]:
    """Column settings shared by the event tables (Events and Upcoming)."""
    return {
        "id": None,
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD", width="small"),
        "precision": st.column_config.TextColumn("Precision", width="small",
                                                 help="How exact the date is: day, month or year"),
        "type": st.column_config.TextColumn("Type"),
        "status": st.column_config.TextColumn("Status", width="small"),
        "countries": st.column_config.TextColumn("Countries", width="small"),
        "commodities": st.column_config.TextColumn("Commodities"),
        "headline": st.column_config.TextColumn("Headline", width="large"),
        "link": st.column_config.LinkColumn("Article", display_text=":material/open_in_new:", width="small",
                                            help="Opens the first article reporting it (none when it has no web link)"),
        "source": st.column_config.TextColumn("Source"),
        "articles": st.column_config.NumberColumn("Articles", width="small", help="Articles reporting it"),
    }


def view(src: Source, f: Filters, n: int, labels: Labels) -> None:
    table = events_table(src.load(query.events_frame, replace(f, limit=MAX_TABLE_ROWS)), labels)
    top = st.columns([3, 1])
    top[0].caption(f"Showing the newest {len(table):,} of {n:,} events; the CSV has all {n:,}."
                   if n > len(table) else f"{n:,} events. Click a column header to sort; select a row for "
                                          "its details.")
    engine = src.engine
    top[1].download_button(
        f"Download CSV ({n:,})", data=lambda: to_csv_text(iter_events(engine, f)),
        file_name="minerals-events.csv", mime="text/csv", key="csv", on_click="ignore",
        icon=":material/download:", width="stretch",
        help="Exactly the filtered events, with the columns of `python -m ingest export`")
    state = st.dataframe(table, column_config=link_columns(), hide_index=True, on_select="rerun",
                         selection_mode="single-row", key="events_table", height=460)
    event_id = selected_row(state, table)
    if event_id:
        show_detail(src, event_id, labels)
