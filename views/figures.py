"""Plotly figures and display tables for the dashboard: plain functions, no streamlit.

Every builder takes DataFrames from `ingest.query` plus plain values and returns a figure (or
a DataFrame ready to show), so it is unit-tested by looking at `fig.data`. Feed text (headlines,
evidence, sources) is HTML-escaped before it reaches a hover label, and only http(s) URLs are
ever turned into links.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote, urlsplit

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pycountry

from ingest.tagging.taxonomy import Taxonomy

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
NONE_ROW = {"country": "No country", "commodity": "No commodity"}
ROW_TITLES = {"type": "Event type", "country": "Country", "commodity": "Commodity"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- labels -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Labels:
    """Display names for ids, from the taxonomy (unknown ids fall back to a tidy form of the id)."""

    types: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    commodities: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # group id -> members
    type_order: tuple[str, ...] = ()
    status_order: tuple[str, ...] = ()

    @classmethod
    def from_taxonomy(cls, tax: Taxonomy) -> Labels:
        groups = {c.id: tax.members(c.id) for c in tax.commodities if c.kind == "group"}
        return cls(
            types={t.id: t.label for t in tax.event_types},
            statuses={s.id: s.label for s in tax.statuses},
            commodities={c.id: c.label for c in tax.commodities},
            countries={c.code: c.label for c in tax.countries},
            groups=groups,
            type_order=tuple(t.id for t in tax.event_types),
            status_order=tuple(s.id for s in tax.statuses),
        )

    @staticmethod
    def _tidy(x: str) -> str:
        return str(x).replace("_", " ").capitalize()

    def type(self, x: str) -> str:
        return self.types.get(x) or self._tidy(x)

    def status(self, x: str) -> str:
        return self.statuses.get(x) or self._tidy(x)

    def commodity(self, x: str) -> str:
        return self.commodities.get(x) or self._tidy(x)

    def country(self, x: str) -> str:
        return self.countries.get(x) or str(x)

    def parent_group(self, cid: str) -> str | None:
        for gid, members in self.groups.items():
            if gid != cid and cid in members:
                return gid
        return None


def option_label(label: str, count: int | None = None) -> str:
    """'China (CN) · 42': a filter option with its event count."""
    return label if count is None else f"{label} · {count:,}"


# --- safe text and links ------------------------------------------------------------------


def safe_link(url: Any) -> str | None:
    """The URL when it is an absolute http(s) link, else None (never javascript:, data:, ...)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\r\n\t "):
        return None
    return url


def headline_link(url: Any, headline: str) -> str | None:
    """A link to the article with the headline as a text fragment (`#:~:text=`), which browsers
    use to highlight it on the page; None unless the URL is a safe http(s) link."""
    link = safe_link(url)
    if link is None:
        return None
    base = link.split("#", 1)[0]
    return f"{base}#:~:text={quote(headline or base, safe='').replace('-', '%2D')}"


HEADLINE_PATTERN = r"#:~:text=(.*)$"  # the headline inside a headline_link


def _esc(text: Any, width: int | None = None, limit: int | None = None) -> str:
    """HTML-escaped (plotly renders a subset of HTML in labels), truncated, wrapped with <br>."""
    s = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    s = " ".join(s.split())
    if limit and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    lines = textwrap.wrap(s, width) if width else [s]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def date_text(d: Any, precision: str = "day", end: Any = None) -> str:
    """'2026-12-10', 'Dec 2026 (month)', '2027 (year)', with ' → end' when there is one."""
    if d is None or pd.isna(d):
        return ""
    d = pd.Timestamp(d)
    if precision == "year":
        s = f"{d.year} (year)"
    elif precision == "month":
        s = f"{MONTHS[d.month - 1]} {d.year} (month)"
    else:
        s = d.strftime("%Y-%m-%d")
    if end is not None and not pd.isna(end):
        s += f" → {pd.Timestamp(end).strftime('%Y-%m-%d')}"
    return s


# --- figures: shared pieces ---------------------------------------------------------------
# Figures are assembled as plain dicts and wrapped without plotly's per-property validation,
# which costs more than the query behind a figure (tests/test_figures.py validates every
# builder's output with plotly's full validator instead).


def _figure(data: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def from_spec(spec: dict[str, Any]) -> go.Figure:
    """A figure from `fig.to_plotly_json()`, e.g. out of a cache (unpickling a go.Figure would
    re-validate every property)."""
    return go.Figure(spec, _validate=False)


def _layout(height: int, **kw: Any) -> dict[str, Any]:
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
    layout = _layout(height, xaxis={"visible": False}, yaxis={"visible": False})
    layout["annotations"] = [{"text": html.escape(message), "x": 0.5, "y": 0.5, "xref": "paper",
                              "yref": "paper", "showarrow": False, "font": {"size": 15, "color": "#666"}}]
    return _figure([], layout)


def _today_line(layout: dict[str, Any], today: date) -> None:
    x = pd.Timestamp(today).strftime("%Y-%m-%d")
    layout["shapes"].append({"type": "line", "x0": x, "x1": x, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                             "line": {"color": "#444", "width": 1.2, "dash": "dot"}, "layer": "below"})
    layout["annotations"].append({"x": x, "y": 1, "xref": "x", "yref": "paper", "text": "today",
                                  "showarrow": False, "yanchor": "bottom", "font": {"size": 11, "color": "#444"},
                                  "bgcolor": "rgba(255,255,255,0.8)"})


def _row_separators(layout: dict[str, Any], n_rows: int) -> None:
    layout["shapes"].extend(
        {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": i + 0.5, "y1": i + 0.5,
         "line": {"color": "#eee", "width": 1}, "layer": "below"} for i in range(n_rows - 1))


def _row_axes(layout: dict[str, Any], rows: list[str], window: tuple[date, date] | None,
              dates: pd.Series) -> None:
    layout["xaxis"] = {"type": "date", "range": _x_range(window, dates), "showgrid": True,
                       "gridcolor": "#eee", "title": {"text": ""}}
    layout["yaxis"] = {"tickmode": "array", "tickvals": list(range(len(rows))), "ticktext": rows,
                       "range": [len(rows) - 0.5, -0.5], "showgrid": False, "zeroline": False,
                       "title": {"text": ""}, "automargin": True, "fixedrange": True}
    _row_separators(layout, len(rows))


def _x_range(window: tuple[date, date] | None, dates: pd.Series) -> list[str] | None:
    if window:
        lo, hi = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    elif len(dates):
        lo, hi = dates.min(), dates.max()
    else:
        return None
    pad = max((hi - lo) * 0.02, pd.Timedelta(days=7))
    return [(lo - pad).strftime("%Y-%m-%d"), (hi + pad).strftime("%Y-%m-%d")]


def _row_label(by: str, labels: Labels):
    return {"type": labels.type, "country": labels.country, "commodity": labels.commodity}[by]


def _order_rows(keys: pd.Series, weights: pd.Series | None, by: str, max_rows: int,
                labels: Labels) -> tuple[list[str], dict[str, str]]:
    """Rows (largest first; for types, taxonomy order) capped at max_rows, the rest as 'Other'."""
    totals = (weights if weights is not None else pd.Series(1, index=keys.index)).groupby(keys).sum()
    name = _row_label(by, labels)
    if by == "type" and len(totals) <= max_rows:  # the taxonomy's order: measures first
        order = [t for t in labels.type_order if t in totals.index]
        order += sorted(k for k in totals.index if k not in order)
    else:
        order = sorted(totals.index, key=lambda k: (-totals[k], name(k)))
    keep = order[: max_rows - 1] if len(order) > max_rows else order
    mapping = {k: (NONE_ROW.get(by, "") if k == "" else name(k)) for k in keep}
    rest = [k for k in order if k not in mapping]
    if rest:
        plural = {"country": "countries", "commodity": "commodities", "type": "types"}[by]
        mapping.update({k: f"Other {plural} ({len(rest)})" for k in rest})
    rows = list(dict.fromkeys(mapping[k] for k in order))
    return rows, mapping


def _explode(df: pd.DataFrame, by: str) -> pd.DataFrame:
    """One row per (event, row key): the type, or each of its countries / commodities."""
    if by == "type":
        return df.assign(row_key=df["type"])
    col = {"country": "countries", "commodity": "commodities"}[by]
    out = df.assign(row_key=df[col].map(lambda xs: list(xs) if len(xs) else [""])).explode("row_key")
    return out.reset_index(drop=True)


def _jitter(ids: pd.Series, spread: float = 0.56) -> np.ndarray:
    """A stable vertical offset per event id, so events on one day in one row don't hide each other."""
    h = pd.util.hash_pandas_object(ids.astype(str), index=False).to_numpy()
    return ((h % 1000) / 999.0 - 0.5) * spread


def primary_commodity(commodities: Sequence[str], labels: Labels) -> str:
    """The commodity that colours an event: its first specific one, rolled up to its group."""
    specific = [c for c in commodities if c != "critical_minerals"]
    if not specific:
        return "critical_minerals" if commodities else ""
    c = specific[0]
    return labels.parent_group(c) or c


def _dates(s: pd.Series) -> list[str]:
    return s.dt.strftime("%Y-%m-%d").tolist()


# --- timeline -------------------------------------------------------------------------------

HOVER = ("<b>%{customdata[1]}</b><br>%{customdata[2]} · %{customdata[8]} · %{customdata[5]}"
         "<br><b>Countries:</b> %{customdata[3]}<br><b>Commodities:</b> %{customdata[4]}"
         "<br><i>%{customdata[6]}</i><br><span style='color:#666'>%{customdata[7]}</span><extra></extra>")


def _hover_frame(df: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Escaped, wrapped hover fields per event id (a few thousand events at most)."""
    col = {c: df[c].tolist() for c in ("headline", "date", "date_precision", "end_date", "countries",
                                       "commodities", "status", "evidence", "source", "type")}
    return pd.DataFrame({
        "h_headline": [_esc(h, 70, 160) for h in col["headline"]],
        "h_when": [date_text(a, p, b) for a, p, b in zip(col["date"], col["date_precision"], col["end_date"],
                                                         strict=True)],
        "h_countries": [_esc(", ".join(labels.country(c) for c in cs) or "—", 80) for cs in col["countries"]],
        "h_commodities": [_esc(", ".join(labels.commodity(c) for c in cs) or "—", 80)
                          for cs in col["commodities"]],
        "h_status": [html.escape(labels.status(s)) for s in col["status"]],
        "h_evidence": [_esc(x, 80, 240) for x in col["evidence"]],
        "h_source": [_esc(s or "") for s in col["source"]],
        "h_type": [html.escape(labels.type(t)) for t in col["type"]],
    }, index=df["id"].tolist())


def timeline(df: pd.DataFrame, *, today: date, labels: Labels, rows: str = "type",
             colour: str = "status", window: tuple[date, date] | None = None,
             max_rows: int = 25, max_colours: int = 9, webgl: bool | None = None) -> go.Figure:
    """One marker per event (per row it belongs to) at its date; bars for events with an end.

    rows: type | country | commodity. colour: status | commodity. Events dated after `today`
    are open markers. Marker traces carry `ids` "<event id>|<row key>" and `customdata[i][0]`
    = event id (for selection and tests); legend entries are separate empty traces.
    """
    if df.empty:
        return empty_figure("No events match the filters")
    d = _explode(df, rows)
    row_names, mapping = _order_rows(d["row_key"], None, rows, max_rows, labels)
    d["row"] = d["row_key"].map(mapping)
    d["y"] = d["row"].map({r: i for i, r in enumerate(row_names)}).astype(float) + _jitter(
        d["id"] + "|" + d["row_key"].astype(str))

    if colour == "commodity":
        prim = df.set_index("id")["commodities"].map(lambda cs: primary_commodity(cs, labels))
        d["ckey"] = d["id"].map(prim)
        top = [k for k in d.drop_duplicates("id")["ckey"].value_counts().index if k][:max_colours]
        d["ckey"] = d["ckey"].where(d["ckey"].isin(top), "_other")
        groups = [(k, labels.commodity(k), QUALITATIVE[i % len(QUALITATIVE)]) for i, k in enumerate(top)]
        groups.append(("_other", "Other / none", OTHER_COLOUR))
    else:
        d["ckey"] = d["status"]
        known = [s for s in labels.status_order if s in set(d["status"])]
        known += sorted(set(d["status"]) - set(known))
        groups = [(s, labels.status(s), STATUS_COLOURS.get(s, OTHER_COLOUR)) for s in known]

    cols = ["id", "h_headline", "h_when", "h_countries", "h_commodities", "h_status", "h_evidence",
            "h_source", "h_type"]
    d = d[["id", "date", "end_date", "row_key", "y", "ckey"]].join(_hover_frame(df, labels), on="id")
    d["future"] = d["date"] > pd.Timestamp(today)
    d["uid"] = d["id"] + "|" + d["row_key"].astype(str)
    kind = "scattergl" if (len(d) > 1000 if webgl is None else webgl) else "scatter"
    data: list[dict[str, Any]] = []
    by_colour = dict(tuple(d.groupby("ckey", sort=False)))
    for key, name, colr in groups:
        g = by_colour.get(key)
        if g is None:
            continue
        s = g[g["end_date"].notna() & (g["end_date"] > g["date"])]
        if not s.empty:
            xs: list[Any] = []
            ys: list[Any] = []
            for a, b, y in zip(_dates(s["date"]), _dates(s["end_date"]), s["y"].tolist(), strict=True):
                xs += [a, b, None]
                ys += [y, y, None]
            data.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "name": f"{name} (span)",
                         "legendgroup": key, "showlegend": False, "hoverinfo": "skip", "opacity": 0.35,
                         "line": {"color": colr, "width": 4}})
        # The legend entry is its own empty trace, so its symbol is always a filled dot.
        data.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": name,
                     "legendgroup": key, "hoverinfo": "skip", "marker": {"color": colr, "size": 10}})
        fut = g["future"].to_numpy()
        data.append({
            "type": kind, "x": _dates(g["date"]), "y": g["y"].round(4).tolist(), "mode": "markers",
            "name": name, "legendgroup": key, "showlegend": False, "ids": g["uid"].tolist(),
            "customdata": g[cols].to_numpy().tolist(), "hovertemplate": HOVER,
            "marker": {"color": colr, "size": 10, "opacity": 0.9,
                       "symbol": np.where(fut, "circle-open", "circle").tolist(),
                       "line": {"width": np.where(fut, 2.2, 0.6).tolist(),
                                "color": np.where(fut, colr, "white").tolist()}},
        })
    if d["future"].any():
        data.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers",
                     "name": "Dated after today", "hoverinfo": "skip",
                     "marker": {"symbol": "circle-open", "size": 10, "color": "#444", "line": {"width": 2}}})
    layout = _layout(max(320, 110 + 34 * len(row_names)), hovermode="closest", dragmode="zoom",
                     modebar={"orientation": "v"})
    layout["margin"]["r"] = 36
    _row_axes(layout, row_names, window, d["date"])
    _today_line(layout, today)
    return _figure(data, layout)


def weekly_counts(daily: pd.DataFrame) -> pd.DataFrame:
    """Daily counts (key, date, n) summed per ISO week (Monday): columns key, week, n."""
    if daily.empty:
        return pd.DataFrame(columns=["key", "week", "n"])
    d = daily.assign(week=daily["date"] - pd.to_timedelta(daily["date"].dt.day_of_week, unit="D"))
    return d.groupby(["key", "week"], as_index=False)["n"].sum()


def timeline_weekly(daily: pd.DataFrame, *, today: date, labels: Labels, rows: str = "type",
                    window: tuple[date, date] | None = None, max_rows: int = 25) -> go.Figure:
    """The timeline for many events: one bubble per row and week, sized by the week's count.

    `daily` is query.daily_counts for the same `rows` dimension.
    """
    if daily.empty:
        return empty_figure("No events match the filters")
    w = weekly_counts(daily.assign(key=daily["key"].fillna("")))
    row_names, mapping = _order_rows(w["key"], w["n"], rows, max_rows, labels)
    w["row"] = w["key"].map(mapping)
    w = w.groupby(["row", "week"], as_index=False)["n"].sum()
    w["y"] = w["row"].map({r: i for i, r in enumerate(row_names)})
    top = max(int(w["n"].max()), 1)
    data = [{
        "type": "scattergl", "x": _dates(w["week"]), "y": w["y"].tolist(), "mode": "markers",
        "name": "Weekly counts", "showlegend": False,
        "customdata": np.column_stack([w["row"].map(html.escape), w["week"].dt.strftime("%d %b %Y"),
                                       w["n"].astype(str)]).tolist(),
        "hovertemplate": "<b>%{customdata[0]}</b><br>Week of %{customdata[1]}: %{customdata[2]} events"
                         "<extra></extra>",
        "marker": {"size": (5 + 19 * np.sqrt(w["n"] / top)).round(1).tolist(), "color": "#4E79A7",
                   "opacity": 0.7, "line": {"width": 0.5, "color": "white"}},
    }]
    layout = _layout(max(320, 110 + 34 * len(row_names)), hovermode="closest")
    layout["margin"]["t"] = 28
    _row_axes(layout, row_names, window, w["week"])
    _today_line(layout, today)
    return _figure(data, layout)


# --- overview -------------------------------------------------------------------------------


def monthly_by_type(daily: pd.DataFrame, *, labels: Labels, today: date | None = None) -> go.Figure:
    """Stacked bars: events per month, one colour per event type (from daily_counts by type)."""
    if daily.empty:
        return empty_figure("No events match the filters")
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
    layout = _layout(400, barmode="stack", bargap=0.15)
    layout["xaxis"] = {"type": "date", "title": {"text": ""}, "ticklabelmode": "period",
                       "dtick": "M3" if len(months) > 14 else "M1", "tickformat": "%b %Y"}
    layout["yaxis"] = {"title": {"text": "Events per month"}, "rangemode": "tozero", "gridcolor": "#eee"}
    if today is not None and months[0] <= pd.Timestamp(today) <= months[-1] + pd.offsets.MonthEnd(1):
        _today_line(layout, today)
    return _figure(data, layout)


BLUES = [[0.0, "#deebf7"], [0.35, "#9ecae1"], [0.7, "#4292c6"], [1.0, "#08306b"]]


def country_commodity_heatmap(pairs: pd.DataFrame, *, labels: Labels, top_countries: int = 15,
                              top_commodities: int = 12) -> go.Figure:
    """Events per country × commodity for the busiest of each (from query.pair_counts)."""
    if pairs.empty:
        return empty_figure("No events with both a country and a commodity")
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
        "colorbar": {"title": {"text": "events", "side": "right"}, "thickness": 12, "len": 0.8},
        "hovertemplate": "%{y} × %{x}: %{z} events<extra></extra>",
    }]
    layout = _layout(max(300, 150 + 32 * len(cs)))
    layout["margin"]["t"] = 10
    layout["xaxis"] = {"side": "top", "tickangle": -30, "showgrid": False, "automargin": True}
    layout["yaxis"] = {"autorange": "reversed", "showgrid": False, "automargin": True}
    return _figure(data, layout)


def iso3(code: str) -> str | None:
    """ISO 3166-1 alpha-3 for an alpha-2 code; None for EU and anything pycountry does not know."""
    c = pycountry.countries.get(alpha_2=code) if code and len(code) == 2 else None
    return c.alpha_3 if c else None


def world_map(counts: pd.DataFrame, *, labels: Labels) -> tuple[go.Figure, pd.DataFrame]:
    """Choropleth of events per country (from query.dimension_counts by country).

    Returns the figure and the rows without an ISO-3 code (the EU, ...) to show separately.
    """
    if counts.empty:
        return empty_figure("No events with a country"), pd.DataFrame(columns=["key", "label", "n"])
    c = counts.assign(iso3=counts["key"].map(iso3), label=counts["key"].map(labels.country))
    skipped = c[c["iso3"].isna()][["key", "label", "n"]].reset_index(drop=True)
    c = c[c["iso3"].notna()]
    if c.empty:
        return empty_figure("No events with a mappable country"), skipped
    data = [{
        "type": "choropleth", "locations": c["iso3"].tolist(), "z": c["n"].astype(int).tolist(),
        "locationmode": "ISO-3", "text": c["label"].map(html.escape).tolist(), "colorscale": BLUES,
        "zmin": 0, "marker": {"line": {"color": "white", "width": 0.5}},
        "colorbar": {"title": {"text": "events", "side": "right"}, "thickness": 12, "len": 0.8},
        "hovertemplate": "%{text}: %{z} events<extra></extra>",
    }]
    layout = _layout(440, margin={"l": 0, "r": 0, "t": 10, "b": 0})
    layout["geo"] = {"showframe": False, "showcoastlines": False, "showcountries": True,
                     "countrycolor": "#ccc", "showland": True, "landcolor": "#f2f2f2",
                     "projection": {"type": "natural earth"}, "lataxis": {"range": [-58, 85]}}
    return _figure(data, layout), skipped


# --- tables ---------------------------------------------------------------------------------


def events_table(df: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """The events as shown in the table: labels instead of ids, the headline as text and, next
    to it, a safe link to the first article (empty when it has no http(s) URL)."""
    cols = ["id", "date", "type", "status", "headline", "link", "countries", "commodities", "source",
            "articles", "precision"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame({
        "id": df["id"],
        "date": df["date"].dt.date,
        "precision": df["date_precision"],
        "type": df["type"].map(labels.type),
        "status": df["status"].map(labels.status),
        "countries": df["countries"].map(lambda cs: ", ".join(cs)),
        "commodities": df["commodities"].map(lambda cs: ", ".join(labels.commodity(c) for c in cs)),
        "headline": df["headline"].fillna(""),
        "link": [headline_link(u, h) for u, h in zip(df["url"], df["headline"], strict=True)],
        "source": df["source"].fillna(""),
        "articles": df["n_articles"],
    })[cols]


def upcoming_table(df: pd.DataFrame, labels: Labels, today: date) -> pd.DataFrame:
    """Upcoming events (query.upcoming_events) as shown: when, in how many days, what, links."""
    cols = ["id", "when", "in_days", "what", "type", "status", "headline", "link", "countries",
            "commodities", "source"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    t = events_table(df, labels)
    when = df["when"]
    return t.assign(
        when=[date_text(w, p if k == "starts" else "day") for w, p, k in
              zip(when, df["date_precision"], df["what"], strict=True)],
        in_days=(when - pd.Timestamp(today)).dt.days.astype(int),
        what=df["what"].map({"starts": "Starts", "ends": "Ends"}),
    )[cols]


def health_table(health: pd.DataFrame) -> pd.DataFrame:
    """Feed health (query.feed_health) with the URL kept only when it is an http(s) link."""
    if health.empty:
        return health
    return health.assign(link=health["url"].map(safe_link))


def detail_articles(articles: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The articles of query.event_detail with `link` set only for http(s) URLs."""
    return [{**a, "link": safe_link(a.get("canonical_url"))} for a in articles]
