"""The Timeline tab: one marker per event (weekly counts when there are too many); clicking a
marker shows the event's detail."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st
from sqlalchemy import Engine

from ingest.read import queries as query
from ingest.read.filters import Filters
from ingest.tagging.taxonomy import default_taxonomy

from .detail import selected_point, show_detail
from .figures import from_spec
from .labels import Labels
from .loaders import Source
from .timeline_chart import timeline, timeline_weekly

MAX_MARKERS = 3000  # beyond this many events in view the timeline shows weekly counts
ROW_CHOICES = {"Event type": "type", "Country": "country", "Commodity": "commodity"}
COLOUR_CHOICES = {"Status": "status", "Commodity": "commodity"}
CONFIG = {"displaylogo": False}


def timeline_spec(engine: Engine, f: Filters, rows: str, colour: str, today: date) -> dict[str, Any]:
    """The timeline of the filtered set as a plain dict (cheap to cache and copy)."""
    labels = Labels.from_taxonomy(default_taxonomy())
    window = (f.since, f.until) if f.since and f.until else None
    if query.count_events(engine, f) > MAX_MARKERS:
        fig = timeline_weekly(query.daily_counts(engine, f, rows), today=today, labels=labels, rows=rows,
                              window=window)
    else:
        fig = timeline(query.events_frame(engine, f), today=today, labels=labels, rows=rows, colour=colour,
                       window=window)
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
        st.caption(f":material/info: {n:,} events in view, more than {MAX_MARKERS:,}: the timeline shows "
                   "**weekly counts per row** (bubble size). Narrow the filters to see individual events "
                   "and select one for its details.")
        return
    state = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points", config=CONFIG)
    st.caption("One marker per event; open markers are dated after today; bars show events with an end "
               "date. Click a marker for its evidence and articles.")
    event_id = selected_point(state)
    if event_id and event_id in set(src.load(query.events_frame, f)["id"]):
        show_detail(src, event_id, labels)
