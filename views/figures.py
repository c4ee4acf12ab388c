"""Plotly figures for the overview, and the pieces every figure shares (no streamlit).

Builders take DataFrames from `ingest.read.queries` plus plain values and return a figure,
so they are unit-tested by looking at `fig.data`. Figures are assembled as plain dicts and
wrapped without plotly's per-property validation, which costs more than the query behind a
figure (tests/test_figures.py validates every builder's output with the full validator).
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pycountry

from .labels import Labels

# Okabe-Ito based, readable on white and for the common colour-vision deficiencies.
STATUS_COLOURS = {
    "threatened": "#E69F00",
    "proposed": "#56B4E9",
    "announced": "#0072B2",
    "in_effect": "#B2182B",
    "suspended": "#8C8C8C",
    "lifted": "#009E73",
    "scheduled": "#CC79A7",
    "held": "#6A3D9A",
}
# Tableau 10 plus one: eleven hues that stay apart, for event types and commodities.
QUALITATIVE = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7",
               "#9C755F", "#BAB0AC", "#2F4B7C"]
OTHER_COLOUR = "#A0A0A0"
TEMPLATE = "plotly_white"
FONT = {"family": "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif", "size": 13}

# --- shared pieces ------------------------------------------------------------------------


def figure(data: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def from_spec(spec: dict[str, Any]) -> go.Figure:
    """A figure from `fig.to_plotly_json()`, e.g. out of a cache (unpickling a go.Figure would
    re-validate every property)."""
    return go.Figure(spec, _validate=False)


def base_layout(height: int, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "template": _template(), "height": height, "font": FONT,
        "margin": {"l": 10, "r": 10, "t": 64, "b": 10},
        "hoverlabel": {"align": "left", "bgcolor": "white", "font": {"size": 12}},
        "legend": {"orientation": "h", "yref": "container", "yanchor": "top", "y": 1, "xanchor": "left",
                   "x": 0, "title": {"text": ""}, "traceorder": "normal"},
        "shapes": [], "annotations": [],
    }
    base.update(kw)
    return base


_TEMPLATE: dict[str, Any] = {}


def _template() -> dict[str, Any]:
    if not _TEMPLATE:
        import plotly.io as pio

        _TEMPLATE.update(pio.templates[TEMPLATE].to_plotly_json())
    return _TEMPLATE


def empty_figure(message: str, height: int = 260) -> go.Figure:
    """A blank figure that says why it is blank (no axes drawn)."""
    layout = base_layout(height, xaxis={"visible": False}, yaxis={"visible": False})
    layout["annotations"] = [{"text": html.escape(message), "x": 0.5, "y": 0.5, "xref": "paper",
                              "yref": "paper", "showarrow": False, "font": {"size": 15, "color": "#666"}}]
    return figure([], layout)


def today_line(layout: dict[str, Any], today: date) -> None:
    x = pd.Timestamp(today).strftime("%Y-%m-%d")
    layout["shapes"].append({"type": "line", "x0": x, "x1": x, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                             "line": {"color": "#444", "width": 1.2, "dash": "dot"}, "layer": "below"})
    layout["annotations"].append({"x": x, "y": 1, "xref": "x", "yref": "paper", "text": "today",
                                  "showarrow": False, "yanchor": "bottom", "font": {"size": 11, "color": "#444"},
                                  "bgcolor": "rgba(255,255,255,0.8)"})


def iso_dates(s: pd.Series) -> list[str]:
    """Timestamps as YYYY-MM-DD strings (plotly reads them as dates in any time zone)."""
    return s.dt.strftime("%Y-%m-%d").tolist()


# --- overview -------------------------------------------------------------------------------


def monthly_by_type(daily: pd.DataFrame, *, labels: Labels, today: date | None = None) -> go.Figure:
    """Stacked bars: events per month, one colour per event type (from daily_counts by type)."""
    if daily.empty:
        return empty_figure("No acts match the filters")
    m = daily.assign(month=daily["date"].dt.to_period("M").dt.to_timestamp())
    m = m.groupby(["month", "key"], as_index=False)["n"].sum()
    present = set(m["key"])
    types = [t for t in labels.type_order if t in present] + sorted(present - set(labels.type_order))
    months = pd.date_range(m["month"].min(), m["month"].max(), freq="MS")
    x = months.strftime("%Y-%m-%d").tolist()
    data = []
    for i, t in enumerate(types):
        g = m[m["key"] == t].set_index("month")["n"].reindex(months, fill_value=0)
        name = html.escape(labels.type(t))
        data.append({
            "type": "bar", "x": x, "y": g.astype(int).tolist(), "name": name, "xperiod": "M1",
            "xperiodalignment": "middle", "marker": {"color": QUALITATIVE[i % len(QUALITATIVE)],
                                                     "line": {"width": 0}},
            "hovertemplate": f"{name}: %{{y}}<br>%{{x|%b %Y}}<extra></extra>",
        })
    layout = base_layout(400, barmode="stack", bargap=0.15)
    layout["xaxis"] = {"type": "date", "title": {"text": ""}, "ticklabelmode": "period",
                       "dtick": "M3" if len(months) > 14 else "M1", "tickformat": "%b %Y"}
    layout["yaxis"] = {"title": {"text": "Acts per month"}, "rangemode": "tozero", "gridcolor": "#eee"}
    if today is not None and months[0] <= pd.Timestamp(today) <= months[-1] + pd.offsets.MonthEnd(1):
        today_line(layout, today)
    return figure(data, layout)


BLUES = [[0.0, "#deebf7"], [0.35, "#9ecae1"], [0.7, "#4292c6"], [1.0, "#08306b"]]


def country_commodity_heatmap(pairs: pd.DataFrame, *, labels: Labels, top_countries: int = 15,
                              top_commodities: int = 12) -> go.Figure:
    """Events per country × commodity for the busiest of each (from query.pair_counts)."""
    if pairs.empty:
        return empty_figure("No acts with both a country and a commodity")
    mtot = pairs.groupby("commodity")["n"].sum().sort_values(ascending=False, kind="stable")
    ms = list(mtot.index[:top_commodities])
    inside = pairs[pairs["commodity"].isin(ms)]
    ctot = inside.groupby("country")["n"].sum().sort_values(ascending=False, kind="stable")
    cs = list(ctot.index[:top_countries])  # only countries with events in the columns shown
    z = (inside[inside["country"].isin(cs)]
         .pivot_table(index="country", columns="commodity", values="n", aggfunc="sum")
         .reindex(index=cs, columns=ms))
    zv = z.to_numpy(dtype=float)
    text = np.where(np.isnan(zv), "", np.nan_to_num(zv).astype(int).astype(str))
    data = [{
        "type": "heatmap", "z": [[None if np.isnan(v) else int(v) for v in row] for row in zv],
        "x": [html.escape(labels.commodity(m).replace(" (generic)", "")) for m in ms],
        "y": [html.escape(labels.country(c)) for c in cs], "text": text.tolist(), "texttemplate": "%{text}",
        "colorscale": BLUES, "zmin": 0, "hoverongaps": False, "xgap": 2, "ygap": 2,
        "colorbar": {"title": {"text": "acts", "side": "right"}, "thickness": 12, "len": 0.8},
        "hovertemplate": "%{y} × %{x}: %{z} acts<extra></extra>",
    }]
    layout = base_layout(max(300, 150 + 32 * len(cs)))
    layout["margin"]["t"] = 10
    layout["xaxis"] = {"side": "top", "tickangle": -30, "showgrid": False, "automargin": True}
    layout["yaxis"] = {"autorange": "reversed", "showgrid": False, "automargin": True}
    return figure(data, layout)


def iso3(code: str) -> str | None:
    """ISO 3166-1 alpha-3 for an alpha-2 code; None for EU and anything pycountry does not know."""
    c = pycountry.countries.get(alpha_2=code) if code and len(code) == 2 else None
    return c.alpha_3 if c else None


def world_map(counts: pd.DataFrame, *, labels: Labels) -> tuple[go.Figure, pd.DataFrame]:
    """Choropleth of events per country (from query.dimension_counts by country).

    Returns the figure and the rows without an ISO-3 code (the EU, ...) to show separately.
    """
    if counts.empty:
        return empty_figure("No acts with a country"), pd.DataFrame(columns=["key", "label", "n"])
    c = counts.assign(iso3=counts["key"].map(iso3), label=counts["key"].map(labels.country))
    skipped = c[c["iso3"].isna()][["key", "label", "n"]].reset_index(drop=True)
    c = c[c["iso3"].notna()]
    if c.empty:
        return empty_figure("No events with a mappable country"), skipped
    data = [{
        "type": "choropleth", "locations": c["iso3"].tolist(), "z": c["n"].astype(int).tolist(),
        "locationmode": "ISO-3", "text": c["label"].map(html.escape).tolist(), "colorscale": BLUES,
        "zmin": 0, "marker": {"line": {"color": "white", "width": 0.5}},
        "colorbar": {"title": {"text": "acts", "side": "right"}, "thickness": 12, "len": 0.8},
        "hovertemplate": "%{text}: %{z} acts<extra></extra>",
    }]
    layout = base_layout(440, margin={"l": 0, "r": 0, "t": 10, "b": 0})
    layout["geo"] = {"showframe": False, "showcoastlines": False, "showcountries": True,
                     "countrycolor": "#ccc", "showland": True, "landcolor": "#f2f2f2",
                     "projection": {"type": "natural earth"}, "lataxis": {"range": [-58, 85]}}
    return figure(data, layout), skipped


