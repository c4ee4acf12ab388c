"""The Events tab: the newest acts as a table, the whole filtered set as a CSV download (one
line per act, as `python -m ingest export` writes it)."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

import streamlit as st

from ingest.read.act_export import iter_acts, write_acts
from ingest.read.acts import acts_frame
from ingest.read.filters import Filters

from .act_detail import show_act
from .act_tables import acts_table
from .detail import selected_row
from .labels import Labels
from .loaders import Source
from .review_controls import focused, table_key

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


def act_columns() -> dict[str, Any]:
    """Column settings shared by the act tables (Events and Upcoming): the key columns (act,
    acting, targets, announced, in force, status, sources, commodities) fit at 1440 px with
    the sidebar open; the headline wraps (rows taller than 4rem wrap) rather than being cut."""
    return {
        "id": None,
        "headline": st.column_config.TextColumn("Act", width=262),
        "link": st.column_config.LinkColumn("Report", display_text=":material/open_in_new:", width=40,
                                            help="Opens its earliest report (none when it has no web link)"),
        "actor": st.column_config.TextColumn("Acting", width=80, help="The country taking the measure"),
        "targets": st.column_config.TextColumn("Targets", width=90, help="The countries it is aimed at"),
        "announced": st.column_config.TextColumn("Announced", width=88),
        "in_force": st.column_config.TextColumn("In force", width=88),
        "status": st.column_config.TextColumn("Status", width=92, help="Its current status"),
        "sources": st.column_config.TextColumn("Sources", width=118, help="The distinct outlets reporting it"),
        "official": st.column_config.CheckboxColumn(
            "Official", width=58, help="Reported by an official source (a government or EU site, the "
                                       "Federal Register; see data/official_sources.toml)"),
        "commodities": st.column_config.TextColumn("Commodities", width=120),
        "hs_codes": st.column_config.TextColumn("HS codes", width=110,
                                                help="The commodities' Harmonized System codes"),
        "ends": st.column_config.TextColumn("Ends", width=92),
        "reports": st.column_config.NumberColumn("Reports", width=64, help="Reports of it"),
        "type": st.column_config.TextColumn("Type", width=110),
    }


def _csv(engine: Any, f: Filters) -> str:
    out = io.StringIO()
    write_acts(iter_acts(engine, f), "csv", out)
    return out.getvalue()


def view(src: Source, f: Filters, n: int, labels: Labels) -> None:
    table = acts_table(src.load(acts_frame, replace(f, limit=MAX_TABLE_ROWS)), labels)
    engine = src.engine
    # Above the table on the left: the table's own toolbar (search, full screen) shows on
    # hover at its top right and would cover a button there.
    st.download_button(
        f"Download these {n:,} acts as CSV", data=lambda: _csv(engine, f),
        file_name="minerals-acts.csv", mime="text/csv", key="csv", on_click="ignore",
        icon=":material/download:", width="content",
        help="Exactly the filtered acts, with the columns of `python -m ingest export`")
    st.caption(f"Showing the newest {len(table):,} of {n:,} acts; the CSV has all {n:,}."
               if n > len(table) else f"{n:,} acts. Click a column header to sort; select a row for "
                                      "its history and reports.")
    state = st.dataframe(table, column_config=act_columns(), hide_index=True, on_select="rerun",
                         selection_mode="single-row", key=table_key("events_table"), height=560,
                         row_height=66)
    act_id = focused(selected_row(state, table))  # or the act just reviewed here
    if act_id:
        show_act(src, act_id, labels)
