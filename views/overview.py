"""The Overview tab: acts per month by type, countries x commodities, and a world map (every
count counts acts, however many reports each has)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from ingest.read.acts import acts_frame
from ingest.read.filters import Filters

from .act_tables import country_counts, daily_counts, pair_counts, timeline_frame
from .detail import md
from .figures import country_commodity_heatmap, monthly_by_type, world_map
from .labels import Labels
from .loaders import Source

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def acts_in_view(engine: Engine, f: Filters) -> pd.DataFrame:
    """The filtered acts as the chart frames are built from (cached per store version)."""
    return timeline_frame(acts_frame(engine, f))


def view(src: Source, f: Filters, labels: Labels, today: date) -> None:
    acts = src.load(acts_in_view, f)
    st.subheader("Acts per month, by type", anchor=False)
    st.plotly_chart(monthly_by_type(daily_counts(acts, "type"), labels=labels, today=today),
                    key="monthly", config={"displaylogo": False})
    st.subheader("Countries × commodities", anchor=False)
    st.plotly_chart(country_commodity_heatmap(pair_counts(acts), labels=labels),
                    key="heatmap", config={"displaylogo": False})
    st.caption("The 12 busiest commodities in view and the countries most often named with them; an "
               "act counts once in each country × commodity cell it names.")
    st.subheader("Acts by country", anchor=False)
    fig, skipped = world_map(country_counts(acts), labels=labels)
    config: dict[str, Any] = {"displaylogo": False}
    if (STATIC_DIR / "world_110m.json").exists() and st.get_option("server.enableStaticServing"):
        config["topojsonURL"] = "app/static/"  # the country shapes are served here: works offline
    st.plotly_chart(fig, key="map", config=config)
    if not skipped.empty:
        st.caption("Not on the map (no single country shape): " + ", ".join(
            f"{md(r.label)} **{r.n:,}**" for r in skipped.itertuples()) + " acts.")
