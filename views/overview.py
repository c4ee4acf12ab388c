"""The Overview tab: events per month by type, countries x commodities, and a world map."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from ingest.read import queries as query
from ingest.read.filters import Filters

from .detail import md
from .figures import country_commodity_heatmap, monthly_by_type, world_map
from .labels import Labels
from .loaders import Source

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def view(src: Source, f: Filters, labels: Labels, today: date) -> None:
    st.subheader("Events per month, by type", anchor=False)
    st.plotly_chart(monthly_by_type(src.load(query.daily_counts, f, "type"), labels=labels, today=today),
                    key="monthly", config={"displaylogo": False})
    st.subheader("Countries × commodities", anchor=False)
    st.plotly_chart(country_commodity_heatmap(src.load(query.pair_counts, f), labels=labels),
                    key="heatmap", config={"displaylogo": False})
    st.caption("The 12 busiest commodities in view and the countries most often named with them; an "
               "event counts once in each country × commodity cell it names.")
    st.subheader("Events by country", anchor=False)
    fig, skipped = world_map(src.load(query.dimension_counts, f, "country"), labels=labels)
    config: dict[str, Any] = {"displaylogo": False}
    if (STATIC_DIR / "world_110m.json").exists() and st.get_option("server.enableStaticServing"):
        config["topojsonURL"] = "app/static/"  # the country shapes are served here: works offline
    st.plotly_chart(fig, key="map", config=config)
    if not skipped.empty:
        st.caption("Not on the map (no single country shape): " + ", ".join(
            f"{md(r.label)} **{r.n:,}**" for r in skipped.itertuples()) + " events.")
