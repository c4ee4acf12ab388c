"""views figures, labels and tables: plain unit tests on fig.data, on small hand-made frames
(no store, no streamlit)."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from ingest import text
from ingest.read.queries import EVENT_COLUMNS
from ingest.tagging.taxonomy import default_taxonomy
from views import figures, labels, tables, timeline_chart

TODAY = date(2026, 11, 29)
LABELS = labels.Labels.from_taxonomy(default_taxonomy())


def frame(rows: list[dict]) -> pd.DataFrame:
    """An events frame shaped like query.events_frame."""
    base = {"end_date": None, "date_precision": "day", "date_source": "text", "subtype": None,
            "status": "announced", "actor": None, "countries": [], "targets": [], "commodities": [],
            "headline": "h", "evidence": "e", "url": "https://news.example/a", "source": "news.example",
            "n_articles": 1}
    df = pd.DataFrame([{**base, **r} for r in rows])[EVENT_COLUMNS]
    df["date"] = pd.to_datetime(df["date"])
    df["end_date"] = pd.to_datetime(df["end_date"])
    return df


EVENTS = frame([
    {"id": "a", "date": "2026-01-10", "type": "export_control", "status": "in_effect", "countries": ["CN"],
     "commodities": ["gallium", "germanium"], "actor": "CN"},
    {"id": "b", "date": "2026-03-01", "type": "tariff", "countries": ["US", "CN"], "commodities": ["graphite"],
     "actor": "US", "targets": ["CN"]},
    {"id": "c", "date": "2026-12-10", "type": "summit", "status": "scheduled", "countries": ["US"],
     "commodities": ["critical_minerals"], "date_precision": "month"},
    {"id": "d", "date": "2025-10-09", "end_date": "2026-11-10", "type": "export_control", "status": "suspended",
     "countries": ["CN"], "commodities": ["neodymium", "rare_earths"]},
    {"id": "e", "date": "2026-05-05", "type": "talks", "status": "held", "countries": [], "commodities": []},
])


def markers(fig: go.Figure) -> list[str]:
    """Event ids of every drawn marker (marker traces carry ids; legend entries carry none)."""
    return [i.split("|", 1)[0] for t in fig.data if t.ids for i in t.ids]


def valid(fig: go.Figure) -> go.Figure:
    """Re-build with plotly's full validator: every property must be a real plotly property."""
    return go.Figure(fig.to_dict())


def test_timeline_one_marker_per_event_by_type():
    fig = valid(timeline_chart.timeline(EVENTS, today=TODAY, labels=LABELS))
    assert sorted(markers(fig)) == ["a", "b", "c", "d", "e"]
    assert fig.layout.yaxis.ticktext == ("Export control", "Tariff", "Talks", "Summit")  # taxonomy order
    legend = [t.name for t in fig.data if t.showlegend is not False and not t.ids and t.mode == "markers"]
    assert "In effect" in legend and "Dated after today" in legend


def test_timeline_rows_by_country_and_commodity():
    by_country = timeline_chart.timeline(EVENTS, today=TODAY, labels=LABELS, rows="country")
    assert sorted(markers(by_country)) == ["a", "b", "b", "c", "d", "e"]  # b names two countries
    assert "No country" in by_country.layout.yaxis.ticktext
    assert by_country.layout.yaxis.ticktext[0] == "China"  # busiest row first
    by_commodity = timeline_chart.timeline(EVENTS, today=TODAY, labels=LABELS, rows="commodity", colour="commodity")
    assert len(markers(by_commodity)) == 7
    names = {t.name for t in by_commodity.data}
    assert "Rare earth elements" in names  # neodymium rolls up to its group for colour


def test_timeline_future_events_are_open_markers_and_today_is_drawn():
    fig = timeline_chart.timeline(EVENTS, today=TODAY, labels=LABELS)
    for t in fig.data:
        for i, sym in zip(t.ids or (), t.marker.symbol or (), strict=False):
            assert sym == ("circle-open" if i.startswith("c|") else "circle")
    today = [s for s in fig.layout.shapes if s.x0 == "2026-11-29"]
    assert today and today[0].yref == "paper"
    assert any(a.text == "today" for a in fig.layout.annotations)


def test_timeline_spans_for_events_with_an_end():
    fig = timeline_chart.timeline(EVENTS, today=TODAY, labels=LABELS)
    spans = [t for t in fig.data if t.mode == "lines"]
    assert len(spans) == 1 and list(spans[0].x[:2]) == ["2025-10-09", "2026-11-10"]


def test_timeline_hover_is_escaped_and_truncated():
    nasty = frame([{"id": "x", "date": "2026-01-01", "type": "tariff",
                    "headline": "<script>alert(1)</script> <a href='javascript:x'>click</a>",
                    "evidence": "word " * 200, "source": "<b>src</b>"}])
    fig = timeline_chart.timeline(nasty, today=TODAY, labels=LABELS)
    cd = next(t.customdata for t in fig.data if t.ids)[0]
    assert cd[0] == "x"
    assert "<script>" not in json.dumps(list(cd)) and "&lt;script&gt;" in cd[1]
    assert "<a " not in cd[1] and cd[7] == "&lt;b&gt;src&lt;/b&gt;"
    assert len(cd[6]) < 300 and cd[6].endswith("…")


def test_timeline_caps_rows_and_uses_webgl_when_many():
    many = frame([{"id": f"e{i}", "date": f"2026-01-{1 + i % 28:02d}", "type": "tariff",
                   "countries": [f"C{i % 40:02d}"]} for i in range(1200)])
    fig = timeline_chart.timeline(many, today=TODAY, labels=LABELS, rows="country", max_rows=10)
    assert len(fig.layout.yaxis.ticktext) == 10
    assert fig.layout.yaxis.ticktext[-1] == "Other countries (31)"
    assert {t.type for t in fig.data if t.ids} == {"scattergl"}
    assert len(markers(fig)) == 1200


def test_timeline_empty_says_so():
    fig = timeline_chart.timeline(EVENTS.iloc[0:0], today=TODAY, labels=LABELS)
    assert not fig.data and "No acts" in fig.layout.annotations[0].text


def test_weekly_counts_and_figure():
    daily = pd.DataFrame({"key": ["tariff", "tariff", "summit"],
                          "date": pd.to_datetime(["2026-11-23", "2026-11-27", "2026-11-30"]), "n": [2, 3, 1]})
    w = timeline_chart.weekly_counts(daily)
    assert w.set_index(["key", "week"])["n"].to_dict() == {
        ("summit", pd.Timestamp("2026-11-30")): 1, ("tariff", pd.Timestamp("2026-11-23")): 5}
    fig = valid(timeline_chart.timeline_weekly(daily, today=TODAY, labels=LABELS))
    (trace,) = fig.data
    assert trace.name == "Weekly counts" and sorted(int(c[2]) for c in trace.customdata) == [1, 5]


def test_monthly_by_type_stacks_every_type():
    daily = pd.DataFrame({"key": ["tariff", "tariff", "summit"],
                          "date": pd.to_datetime(["2026-01-03", "2026-03-09", "2026-03-10"]), "n": [2, 3, 1]})
    fig = valid(figures.monthly_by_type(daily, labels=LABELS, today=TODAY))
    assert fig.layout.barmode == "stack"
    tariff = next(t for t in fig.data if t.name == "Tariff")
    assert list(tariff.y) == [2, 0, 3]  # Jan, Feb (empty), Mar
    assert sum(sum(t.y) for t in fig.data) == 6


def test_heatmap_top_n_and_labels():
    pairs = pd.DataFrame({"country": ["CN", "CN", "US", "AU"], "commodity": ["gallium", "graphite", "gallium", "lithium"],
                          "n": [5, 2, 3, 1]})
    fig = valid(figures.country_commodity_heatmap(pairs, labels=LABELS, top_countries=2, top_commodities=2))
    (hm,) = fig.data
    assert list(hm.y) == ["China", "United States"] and list(hm.x) == ["Gallium", "Graphite"]
    assert hm.z[0][0] == 5 and hm.z[1][1] is None


def test_world_map_iso3_and_eu_separately():
    counts = pd.DataFrame({"key": ["CN", "EU", "US", "XK"], "n": [5, 4, 3, 1]})
    fig, skipped = figures.world_map(counts, labels=LABELS)
    valid(fig)
    assert list(fig.data[0].locations) == ["CHN", "USA"]
    assert list(skipped["key"]) == ["EU", "XK"] and skipped["label"][0] == "European Union"
    assert figures.iso3("CD") == "COD" and figures.iso3("EU") is None


@pytest.mark.parametrize("url, ok", [
    ("https://a.example/x?y=1", True), ("http://a.example", True), ("HTTPS://A.EXAMPLE/", True),
    ("javascript:alert(1)", False), ("data:text/html,x", False), ("//a.example", False),
    ("ftp://a.example", False), ("https://a.example/ x", False), (None, False), (3, False), ("", False),
])
def test_safe_link(url, ok):
    assert (text.safe_link(url) is not None) is ok


def test_headline_link_cell_round_trips_the_headline():
    import re
    from urllib.parse import unquote

    cell = labels.headline_link("https://a.example/p#old", "Beijing bans #2 - gallium & co")
    assert cell.startswith("https://a.example/p#:~:text=")
    text = unquote(re.search(r"#:~:text=(.*)$", cell).group(1))
    assert text == "Beijing bans #2 - gallium & co"
    assert labels.headline_link("javascript:alert(1)", "x") is None


def test_events_and_upcoming_tables():
    t = tables.events_table(EVENTS, LABELS)
    assert list(t.columns[:6]) == ["id", "date", "type", "status", "headline", "link"]
    assert t.loc[t["id"] == "b", "type"].item() == "Tariff"
    up = EVENTS[EVENTS["id"].isin(["c", "d"])].assign(
        when=pd.to_datetime(["2026-12-10", "2026-11-10"]), what=["starts", "ends"])
    u = tables.upcoming_table(up, LABELS, date(2026, 11, 1))
    assert list(u["in_days"]) == [39, 9] and list(u["when"]) == ["Dec 2026 (month)", "2026-11-10"]
    assert tables.events_table(EVENTS.iloc[0:0], LABELS).empty


def test_date_text():
    assert labels.date_text(pd.Timestamp("2027-01-01"), "year") == "2027 (year)"
    assert labels.date_text(pd.Timestamp("2026-12-01"), "month") == "Dec 2026 (month)"
    assert labels.date_text(date(2026, 1, 2), "day", date(2026, 1, 5)) == "2026-01-02 → 2026-01-05"


def test_detail_articles_and_health_links():
    arts = tables.detail_articles([{"url": "javascript:x"}, {"url": "https://ok.example"}])
    assert [a["link"] for a in arts] == [None, "https://ok.example"]
    h = tables.health_table(pd.DataFrame({"url": ["/data/samples/x.xml", "https://feed.example/rss"]}))
    assert h["link"].isna().tolist() == [True, False] and h["link"][1] == "https://feed.example/rss"


def test_from_spec_round_trip():
    fig = timeline_chart.timeline(EVENTS, today=TODAY, labels=LABELS)
    again = figures.from_spec(fig.to_plotly_json())
    assert markers(again) == markers(fig)


def test_figures_tables_and_queries_never_import_streamlit():
    """Only the page, the loaders and the tab views use streamlit; the rest is plain code."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    pure = [root / "views" / f"{m}.py" for m in ("labels", "figures", "timeline_chart", "tables")]
    pure += sorted((root / "ingest" / "read").glob("*.py"))
    for path in pure:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] == "streamlit" for n in names), path


def test_timeline_marker_inside_a_span_gets_its_own_lane():
    """Act a (January) falls inside act d's span bar in the same row: they are stacked in two
    lanes of that row, not jittered, and the row's label sits between them."""
    fig = timeline_chart.timeline(EVENTS, today=TODAY, labels=LABELS)
    y = {i.split("|", 1)[0]: yy for t in fig.data if t.ids for i, yy in zip(t.ids, t.y, strict=True)}
    assert {y["a"], y["d"]} == {0, 1}
    assert all(float(v).is_integer() for v in y.values())
    assert fig.layout.yaxis.tickvals[0] == 0.5
    again = timeline_chart.timeline(EVENTS, today=TODAY, labels=LABELS)
    assert again.to_plotly_json() == fig.to_plotly_json()
