"""The Upcoming tab: what is scheduled, takes effect or expires in the next 90 days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import streamlit as st

from ingest.read import queries as query
from ingest.read.filters import Filters

from .detail import selected_row, show_detail
from .events import link_columns
from .labels import Labels
from .loaders import Source
from .tables import upcoming_table

UPCOMING_DAYS = 90


def view(src: Source, f: Filters, labels: Labels, today: date) -> None:
    df = src.load(query.upcoming_events, replace(f, since=None, until=None), today, UPCOMING_DAYS)
    horizon = today + timedelta(days=UPCOMING_DAYS)
    st.caption(f"Scheduled or expected from {today:%d %b %Y} to {horizon:%d %b %Y}: summits, talks, "
               "effective dates and measures that expire. Every filter applies except the date range.")
    if df.empty:
        st.info(f"Nothing scheduled in the next {UPCOMING_DAYS} days for these filters.",
                icon=":material/event_busy:")
        return
    table = upcoming_table(df, labels, today)
    cfg = link_columns() | {
        "when": st.column_config.TextColumn("When", width=125),
        "in_days": st.column_config.NumberColumn("In days", width=70, format="%d"),
        "what": st.column_config.TextColumn("What", width=60,
                                            help="Starts: the event is dated then. Ends: it began earlier "
                                                 "and ends or expires then."),
    }
    state = st.dataframe(table, column_config=cfg, hide_index=True, on_select="rerun",
                         selection_mode="single-row", key="upcoming_table")
    event_id = selected_row(state, table)
    if event_id:
        show_detail(src, event_id, labels)
