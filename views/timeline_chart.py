"""The timeline figure: one marker per event in rows by type, country or commodity, acts that
would overlap in a row stacked in lanes (`lanes`), or weekly counts when there are too many
events to draw one by one (no streamlit)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .figures import (
    OTHER_COLOUR,
    QUALITATIVE,
    STATUS_COLOURS,
    base_layout,
    empty_figure,
    figure,
    iso_dates,
    today_line,
)
from .labels import Labels, date_text, esc
from .lanes import gap_days, row_lanes

NONE_ROW = {"country": "No country", "commodity": "No commodity"}


def _row_axes(layout: dict[str, Any], rows: list[str], window: tuple[date, date] | None,
              dates: pd.Series, lanes: list[int] | None = None) -> None:
    """Rows top to bottom, each `lanes[i]` lanes tall (one lane each by default), its label at
    its middle and a thin line between rows."""
    lanes = lanes or [1] * len(rows)
    tops = np.concatenate([[0], np.cumsum(lanes)[:-1]]).tolist()
    layout["xaxis"] = {"type": "date", "range": _x_range(window, dates), "showgrid": True,
                       "gridcolor": "#eee", "title": {"text": ""}}
    layout["yaxis"] = {"tickmode": "array", "tickvals": [t + (n - 1) / 2 for t, n in zip(tops, lanes, strict=True)],
                       "ticktext": rows, "range": [sum(lanes) - 0.5, -0.5], "showgrid": False,
                       "zeroline": False, "title": {"text": ""}, "automargin": True, "fixedrange": True}
    layout["shapes"].extend(
        {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": t - 0.5, "y1": t - 0.5,
         "line": {"color": "#ddd", "width": 1}, "layer": "below"} for t in tops[1:])


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


def primary_commodity(commodities: Sequence[str], labels: Labels) -> str:
    """The commodity that colours an event: its first specific one, rolled up to its group."""
    specific = [c for c in commodities if c != "critical_minerals"]
    if not specific:
        return "critical_minerals" if commodities else ""
    c = specific[0]
    return labels.parent_group(c) or c


# --- timeline -------------------------------------------------------------------------------

HOVER_COLUMNS = ["id", "h_headline", "h_when", "h_countries", "h_commodities", "h_status", "h_evidence",
                 "h_source", "h_type"]  # customdata of a marker, in HOVER's order
HOVER = ("<b>%{customdata[1]}</b><br>%{customdata[2]} · %{customdata[8]} · %{customdata[5]}"
         "<br><b>Countries:</b> %{customdata[3]}<br><b>Commodities:</b> %{customdata[4]}"
         "<br><i>%{customdata[6]}</i><br><span style='color:#666'>%{customdata[7]}</span><extra></extra>")


def _hover_frame(df: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Escaped, wrapped hover fields per event id (a few thousand events at most)."""
    col = {c: df[c].tolist() for c in ("headline", "date", "date_precision", "end_date", "countries",
                                       "commodities", "status", "evidence", "source", "type")}
    return pd.DataFrame({
        "h_headline": [esc(h, 70, 160) for h in col["headline"]],
        "h_when": [date_text(a, p, b) for a, p, b in zip(col["date"], col["date_precision"], col["end_date"],
                                                         strict=True)],
        "h_countries": [esc(", ".join(labels.country(c) for c in cs) or "—", 80) for cs in col["countries"]],
        "h_commodities": [esc(", ".join(labels.commodity(c) for c in cs) or "—", 80)
                          for cs in col["commodities"]],
        "h_status": [html.escape(labels.status(s)) for s in col["status"]],
        "h_evidence": [esc(x, 80, 240) for x in col["evidence"]],
        "h_source": [esc(s or "") for s in col["source"]],
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
        return empty_figure("No acts match the filters")
    d = _explode(df, rows)
    row_names, mapping = _order_rows(d["row_key"], None, rows, max_rows, labels)
    d["row"] = d["row_key"].map(mapping)
    d["uid"] = d["id"] + "|" + d["row_key"].astype(str)
    x_range = _x_range(window, d["date"])
    d["lane"] = row_lanes(d, gap_days(pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])) if x_range else 7)
    lanes = [int(d.loc[d["row"] == r, "lane"].max()) + 1 for r in row_names]
    tops = dict(zip(row_names, np.concatenate([[0], np.cumsum(lanes)[:-1]]).tolist(), strict=True))
    d["y"] = d["row"].map(tops) + d["lane"]
    d["ckey"], groups = _colours(df, d, colour, labels, max_colours)
    d = d[["id", "uid", "date", "end_date", "row_key", "y", "ckey"]].join(_hover_frame(df, labels), on="id")
    d["future"] = d["date"] > pd.Timestamp(today)
    kind = "scattergl" if (len(d) > 1000 if webgl is None else webgl) else "scatter"
    data: list[dict[str, Any]] = []
    by_colour = dict(tuple(d.groupby("ckey", sort=False)))
    for key, name, colr in groups:
        if key in by_colour:
            data.extend(_colour_traces(by_colour[key], key, name, colr, kind))
    if d["future"].any():
        data.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers",
                     "name": "Dated after today", "hoverinfo": "skip",
                     "marker": {"symbol": "circle-open", "size": 10, "color": "#444", "line": {"width": 2}}})
    layout = base_layout(max(320, 110 + 20 * sum(lanes) + 12 * len(row_names)), hovermode="closest",
                         dragmode="zoom", modebar={"orientation": "v"})
    layout["margin"]["r"] = 36
    _row_axes(layout, row_names, window, d["date"], lanes)
    today_line(layout, today)
    return figure(data, layout)


def _colours(df: pd.DataFrame, d: pd.DataFrame, colour: str, labels: Labels,
             max_colours: int) -> tuple[pd.Series, list[tuple[str, str, str]]]:
    """Each exploded row's colour key, and the (key, legend name, colour) groups in legend order:
    by status (taxonomy order), or by primary commodity (the busiest, the rest as "Other")."""
    if colour == "commodity":
        prim = df.set_index("id")["commodities"].map(lambda cs: primary_commodity(cs, labels))
        ckey = d["id"].map(prim)
        top = [k for k in ckey[~d["id"].duplicated()].value_counts().index if k][:max_colours]
        groups = [(k, labels.commodity(k), QUALITATIVE[i % len(QUALITATIVE)]) for i, k in enumerate(top)]
        return ckey.where(ckey.isin(top), "_other"), [*groups, ("_other", "Other / none", OTHER_COLOUR)]
    known = [s for s in labels.status_order if s in set(d["status"])]
    known += sorted(set(d["status"]) - set(known))
    return d["status"], [(s, labels.status(s), STATUS_COLOURS.get(s, OTHER_COLOUR)) for s in known]


def _colour_traces(g: pd.DataFrame, key: str, name: str, colr: str, kind: str) -> list[dict[str, Any]]:
    """One colour's traces: bars for its events with an end date, a legend entry, the markers."""
    data: list[dict[str, Any]] = []
    s = g[g["end_date"].notna() & (g["end_date"] > g["date"])]
    if not s.empty:
        xs: list[Any] = []
        ys: list[Any] = []
        for a, b, y in zip(iso_dates(s["date"]), iso_dates(s["end_date"]), s["y"].tolist(), strict=True):
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
        "type": kind, "x": iso_dates(g["date"]), "y": g["y"].round(4).tolist(), "mode": "markers",
        "name": name, "legendgroup": key, "showlegend": False, "ids": g["uid"].tolist(),
        "customdata": g[HOVER_COLUMNS].to_numpy().tolist(), "hovertemplate": HOVER,
        "marker": {"color": colr, "size": 10, "opacity": 0.9,
                   "symbol": np.where(fut, "circle-open", "circle").tolist(),
                   "line": {"width": np.where(fut, 2.2, 0.6).tolist(),
                            "color": np.where(fut, colr, "white").tolist()}},
    })
    return data


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
        return empty_figure("No acts match the filters")
    w = weekly_counts(daily.assign(key=daily["key"].fillna("")))
    row_names, mapping = _order_rows(w["key"], w["n"], rows, max_rows, labels)
    w["row"] = w["key"].map(mapping)
    w = w.groupby(["row", "week"], as_index=False)["n"].sum()
    w["y"] = w["row"].map({r: i for i, r in enumerate(row_names)})
    top = max(int(w["n"].max()), 1)
    data = [{
        "type": "scattergl", "x": iso_dates(w["week"]), "y": w["y"].tolist(), "mode": "markers",
        "name": "Weekly counts", "showlegend": False,
        "customdata": np.column_stack([w["row"].map(html.escape), w["week"].dt.strftime("%d %b %Y"),
                                       w["n"].astype(str)]).tolist(),
        "hovertemplate": "<b>%{customdata[0]}</b><br>Week of %{customdata[1]}: %{customdata[2]} acts"
                         "<extra></extra>",
        "marker": {"size": (5 + 19 * np.sqrt(w["n"] / top)).round(1).tolist(), "color": "#4E79A7",
                   "opacity": 0.7, "line": {"width": 0.5, "color": "white"}},
    }]
    layout = base_layout(max(320, 110 + 34 * len(row_names)), hovermode="closest")
    layout["margin"]["t"] = 28
    _row_axes(layout, row_names, window, w["week"])
    today_line(layout, today)
    return figure(data, layout)


