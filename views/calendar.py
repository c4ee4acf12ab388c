"""The Upcoming tab: acts that take effect, end or meet in the next 90 days; a step dated only
to a month is listed under its month ("December 2026") until that month is over."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import streamlit as st

from ingest.read.acts import upcoming_acts
from ingest.read.filters import Filters

from .act_detail import show_act
from .act_tables import upcoming_table
from .detail import selected_row
from .events import act_columns
from .labels import Labels
from .loaders import Source

UPCOMING_DAYS = 90


def view(src: Source, f: Filters, labels: Labels, today: date) -> None:
    df = src.load(upcoming_acts, today, UPCOMING_DAYS, replace(f, since=None, until=None, limit=None))
    horizon = today + timedelta(days=UPCOMING_DAYS)
    st.caption(f"Scheduled or expected from {today:%d %b %Y} to {horizon:%d %b %Y}: summits, talks, "
               "acts taking effect and acts that expire. Every filter applies except the date range.")
    if df.empty:
        st.info(f"Nothing scheduled in the next {UPCOMING_DAYS} days for these filters.",
                icon=":material/event_busy:")
        return
    table = upcoming_table(df, labels, today)
    cfg = act_columns() | {
        "when": st.column_config.TextColumn("When", width=125),
        "in_days": st.column_config.NumberColumn("In days", width=70, format="%d",
                                                 help="0 while a month-precision date's month runs"),
        "what": st.column_config.TextColumn("What", width=70,
                                            help="In force: the act takes effect then. Ends: it ends or "
                                                 "expires then. Meets: the meeting is held then."),
    }
    state = st.dataframe(table, column_config=cfg, hide_index=True, on_select="rerun",
                         selection_mode="single-row", key="upcoming_table")
    act_id = selected_row(state, table)
    if act_id:
        show_act(src, act_id, labels)
