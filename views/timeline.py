"""The Timeline tab: one marker per act at its announcement date, with a bar to its
effective or end date, coloured by its current status (weekly counts when there are too many);
clicking a marker shows the act's detail."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from ingest.read.acts import acts_frame
from ingest.read.filters import Filters
from ingest.tagging.taxonomy import default_taxonomy

from .act_detail import show_act
from .act_tables import daily_counts, timeline_frame
from .detail import selected_point
from .figures import from_spec
from .labels import Labels
from .loaders import Source
from .review_controls import focused
from .timeline_chart import timeline, timeline_weekly

MAX_MARKERS = 3000  # beyond this many acts in view the timeline shows weekly counts
ROW_CHOICES = {"Event type": "type", "Country": "country", "Commodity": "commodity"}
COLOUR_CHOICES = {"Status": "status", "Commodity": "commodity"}
CONFIG = {"displaylogo": False}


def timeline_spec(engine: Engine, f: Filters, rows: str, colour: str, today: date) -> dict[str, Any]:
    """The timeline of the filtered set as a plain dict (cheap to cache and copy)."""
    labels = Labels.from_taxonomy(default_taxonomy())
    acts = timeline_frame(acts_frame(engine, f))
    window = (f.since, f.until) if f.since and f.until else None
    if window and len(acts) and acts["date"].min() < pd.Timestamp(window[0]):  # older acts in force
        window = (acts["date"].min().date(), window[1])
    if len(acts) > MAX_MARKERS:
        fig = timeline_weekly(daily_counts(acts, rows), today=today, labels=labels, rows=rows, window=window)
    else:
        fig = timeline(acts, today=today, labels=labels, rows=rows, colour=colour, window=window)
    return fig.to_plotly_json()


def view(src: Source, f: Filters, n: int, labels: Labels, today: date) -> None:
    c1, c2, _ = st.columns([2, 1.4, 3])
    rows_choice = c1.segmented_control("Rows", list(ROW_CHOICES), default="Event type", required=True,
                                       key="rows", bind="query-params")
    colour_choice = c2.segmented_control("Colour", list(COLOUR_CHOICES), default="Status", required=True,
                                         key="colour", bind="query-params")
    rows = ROW_CHOICES.get(rows_choice or "Event type", "type")
    colour = COLOUR_CHOICES.get(colour_choice or "Status", "status")
    fig = from_spec(src.load(timeline_spec, f, rows, colour, today))
    if n > MAX_MARKERS:
        st.plotly_chart(fig, key="timeline_weekly", config=CONFIG)
        st.caption(f":material/info: {n:,} acts in view, more than {MAX_MARKERS:,}: the timeline shows "
                   "**weekly counts per row** (bubble size). Narrow the filters to see individual acts "
                   "and select one for its details.")
        return
    state = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points", config=CONFIG)
    st.caption("One marker per act, at its announcement date; open markers are dated after today; bars "
               "run to the date it takes effect or ends. Click a marker for its history and reports.")
    act_id = selected_point(state)
    if act_id and act_id not in set(src.load(acts_frame, f)["id"]):
        act_id = None  # a selection left over from other filters
    act_id = focused(act_id)  # or the act just reviewed: a dismissed one has left the timeline
    if act_id:
        show_act(src, act_id, labels)
