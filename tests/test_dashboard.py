"""The Streamlit page, driven by AppTest on a store built from the bundled samples.

The page shows acts (one per real-world act, however many reports). Every filter is checked by
counting the markers of the timeline in the chart's plotly spec against an independent pandas
oracle over the act tables of the whole store.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from csv import DictReader
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy
from sqlalchemy import insert, literal, select, update
from streamlit.testing.v1 import AppTest

from ingest import store
from ingest.read import queries as query
from ingest.read.act_export import iter_acts, write_acts
from ingest.read.act_options import act_option_counts
from ingest.read.acts import act_detail, acts_frame
from ingest.read.filters import Filters
from ingest.store import schema
from ingest.tagging.taxonomy import default_taxonomy
from tests.dashboard_fixtures import (
    DASHBOARD,
    PROJECT_ROOT,
    TODAY,
    app,
    build_synthetic_store,
    dashboard_env,
    fresh_streamlit_caches,
    ok,
    sample_engine,
    sample_store_url,
)

FIXTURES = (dashboard_env, fresh_streamlit_caches, sample_engine, sample_store_url)  # used by name below


@pytest.fixture(autouse=True)
def _clear_streamlit_caches(fresh_streamlit_caches):
    yield


def _sets(keys: pd.Series, values: pd.Series, ids: pd.Series) -> pd.Series:
    grouped = values.groupby(keys).apply(set)
    return ids.map(lambda i: grouped.get(i, set()))


@pytest.fixture(scope="module")
def everything(sample_engine) -> pd.DataFrame:
    """Every act with what the filters look at, read straight from the act tables (the oracle)."""
    with sample_engine.connect() as conn:
        a = pd.DataFrame(conn.execute(select(schema.acts)).mappings().all())
        ac = pd.DataFrame(conn.execute(select(schema.act_countries)).mappings().all())
        am = pd.DataFrame(conn.execute(select(schema.act_commodities)).mappings().all())
        r, art = schema.act_reports, store.articles
        ar = pd.DataFrame(conn.execute(select(r.c.act_id, r.c.headline, r.c.evidence, art.c.source_domain)
                                       .join(art, art.c.id == r.c.article_id)).mappings().all())
    a["countries"] = _sets(ac["act_id"], ac["code"], a["id"])
    a["targets"] = a["targets"].map(json.loads)
    a["commodities"] = _sets(am["act_id"], am["commodity"], a["id"])
    a["sources"] = _sets(ar["act_id"], ar["source_domain"], a["id"])
    text = (ar["headline"] + " " + ar["evidence"]).str.lower().groupby(ar["act_id"]).agg(" ".join)
    a["text"] = (a["headline"].str.lower() + " " + a["id"].map(text).fillna(""))
    a["date"], a["date_last"] = pd.to_datetime(a["date"]), pd.to_datetime(a["date_last"])
    return a


@pytest.fixture(scope="module")
def window(sample_engine) -> tuple[date, date]:
    return query.window_from_bounds(query.date_bounds(sample_engine), TODAY)


def in_force_today(df: pd.DataFrame) -> pd.Series:
    """Acts in force on TODAY, whatever their age: taken effect (or in effect with no effective
    date), not ended, not suspended or lifted."""
    today = pd.Timestamp(TODAY)
    started = (pd.to_datetime(df["effective_last"]) <= today) | (
        df["effective_date"].isna() & (df["status"] == "in_effect") & (df["date_last"] <= today))
    not_ended = df["end_date"].isna() | (pd.to_datetime(df["end_date"]) > today)
    return started & not_ended & ~df["status"].isin(["suspended", "lifted"])


def in_window(df: pd.DataFrame, window: tuple[date, date], older: bool = True) -> pd.DataFrame:
    """Acts whose marker date (its whole span: a month, a year) reaches into the window, and
    (the page's default) every act still in force today whatever its age."""
    inside = (df["date_last"] >= pd.Timestamp(window[0])) & (df["date"] <= pd.Timestamp(window[1]))
    return df[inside | in_force_today(df)] if older else df[inside]


def timeline_ids(at: AppTest) -> list[str]:
    """Act ids of the markers drawn in the timeline (from the chart's plotly spec)."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return [i.split("|", 1)[0] for t in spec["data"] for i in t.get("ids", [])]


def shown_count(at: AppTest) -> int:
    return int(at.metric[0].value.replace(",", ""))


def assert_timeline(at: AppTest, expected: pd.DataFrame) -> None:
    got = timeline_ids(at)
    assert len(got) == len(expected) == shown_count(at)
    assert set(got) == set(expected["id"])


# --- rendering ------------------------------------------------------------------------------


def test_smoke_default_view(dashboard_env, everything, window):
    at = ok(app().run())
    assert at.title[0].value.startswith("Critical-minerals")
    expected = in_window(everything, window)
    assert len(expected) > 20
    assert_timeline(at, expected)
    assert at.date_input(key="dates").value == window
    assert any("sample feeds" in c.value and "python -m ingest run" in c.value for c in at.caption)


@pytest.mark.parametrize("view", ["Timeline", "Upcoming", "Overview", "Events", "Feeds"])
def test_every_view_renders(dashboard_env, view):
    at = ok(app(view=view).run())
    if view == "Overview":
        assert len(at.get("plotly_chart")) == 3
        assert any("European Union" in c.value for c in at.caption)
    if view in ("Upcoming", "Events", "Feeds"):
        assert len(at.dataframe) == 1 and not at.dataframe[0].value.empty


def test_filter_options_count_acts_in_the_window(dashboard_env, sample_engine, window):
    """The "· N" after an option is how many acts choosing it shows in the window in view."""
    at = ok(app().run())
    counts = act_option_counts(sample_engine, Filters(since=window[0], until=window[1],
                                                      also_in_force_on=TODAY))
    in_view = set(acts_frame(sample_engine, Filters(countries=("CN",), since=window[0], until=window[1],
                                                    also_in_force_on=TODAY))["id"])
    assert counts["country"]["CN"] == len(in_view)
    ms = at.multiselect(key="country")
    assert ms.format_func("CN") == f"China (CN) · {counts['country']['CN']}"
    assert ms.options[0].endswith(f" · {max(counts['country'].values())}")  # busiest first
    assert "(group)" in at.multiselect(key="commodity").format_func("rare_earths")


# --- filters narrow the timeline ---------------------------------------------------------------


@pytest.mark.parametrize("role, label", [("any", "Any"), ("actor", "Acting"), ("target", "Targeted")])
def test_country_filter_and_role(dashboard_env, everything, window, role, label):
    at = app().run()
    at.multiselect(key="country").select("CN")
    at.radio(key="role").set_value(label)
    ok(at.run())
    d = in_window(everything, window)
    if role == "any":
        expected = d[d["countries"].map(lambda cs: "CN" in cs)]
    elif role == "actor":
        expected = d[d["actor"] == "CN"]
    else:
        expected = d[d["targets"].map(lambda cs: "CN" in cs)]
    assert_timeline(at, expected)


def test_commodity_group_includes_members(dashboard_env, everything, window):
    at = app().run()
    at.multiselect(key="commodity").select("rare_earths")
    ok(at.run())
    members = set(default_taxonomy().members("rare_earths"))
    d = in_window(everything, window)
    assert_timeline(at, d[d["commodities"].map(lambda cs: bool(members & set(cs)))])


def test_type_and_status(dashboard_env, everything, window):
    at = app().run()
    at.multiselect(key="type").select("export_control").select("tariff")
    at.multiselect(key="status").select("announced")
    ok(at.run())
    d = in_window(everything, window)
    assert_timeline(at, d[d["type"].isin(["export_control", "tariff"]) & (d["status"] == "announced")])


def test_date_range(dashboard_env, everything):
    at = app().run()
    at.date_input(key="dates").set_value((date(2025, 6, 1), date(2025, 12, 31)))
    ok(at.run())
    assert_timeline(at, in_window(everything, (date(2025, 6, 1), date(2025, 12, 31))))


def test_source(dashboard_env, everything, window):
    src = "trade-remedies-daily.example"
    at = app().run()
    at.multiselect(key="source").select(src)
    ok(at.run())
    d = in_window(everything, window)
    want = set(d[d["sources"].map(lambda s: src in s)]["id"])
    assert set(timeline_ids(at)) == want and len(timeline_ids(at)) == len(want) > 0


def test_free_text(dashboard_env, everything, window):
    at = app().run()
    at.text_input(key="q").input("Gallium")
    ok(at.run())
    d = in_window(everything, window)
    hit = d["text"].str.contains("gallium")
    assert_timeline(at, d[hit])


@pytest.mark.parametrize("rows", ["Country", "Commodity"])
def test_rows_switch(dashboard_env, everything, window, rows):
    at = ok(app(rows=rows).run())
    d = in_window(everything, window)
    col = "countries" if rows == "Country" else "commodities"
    assert len(timeline_ids(at)) == int(d[col].map(lambda xs: max(len(xs), 1)).sum())
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["yaxis"]["ticktext"][0] in ("China", "United States", "Critical minerals (generic)",
                                                       "Rare earth elements")


# --- URL ------------------------------------------------------------------------------------


def test_url_params_set_filters(dashboard_env, everything, window, sample_engine):
    n_cn = query.option_counts(sample_engine)["country"]["CN"]
    at = ok(app(country=f"China (CN) · {n_cn}", type=["Export control · 1", "tariff"], view="Timeline").run())
    d = in_window(everything, window)
    expected = d[d["countries"].map(lambda cs: "CN" in cs) & d["type"].isin(["export_control", "tariff"])]
    assert at.multiselect(key="country").value == ["CN"]
    assert at.multiselect(key="type").value == ["export_control", "tariff"]  # stale count, plain id
    assert_timeline(at, expected)


def test_url_dates_and_text(dashboard_env, everything):
    at = ok(app(dates=["2025-06-01", "2025-12-31"], q="rare").run())
    d = in_window(everything, (date(2025, 6, 1), date(2025, 12, 31)))
    hit = d["text"].str.contains("rare")
    assert_timeline(at, d[hit])


def test_invalid_url_values_are_ignored(dashboard_env, everything, window):
    at = ok(app(country=["ZZ", "<script>"], commodity="unobtainium", dates="not-a-date",
                role="Sideways", view="Nowhere", rows="Planets", q="").run())
    assert at.multiselect(key="country").value == []
    assert at.date_input(key="dates").value == window
    assert at.radio(key="role").value == "Any"
    assert_timeline(at, in_window(everything, window))


# --- empty, broken and missing stores ---------------------------------------------------------


def test_no_match_message_and_reset(dashboard_env, everything, window):
    at = app().run()
    at.text_input(key="q").input("no such words anywhere qqq")
    at.multiselect(key="country").select("CN")
    ok(at.run())
    assert shown_count(at) == 0
    assert any("No acts match" in i.value for i in at.info)
    assert not at.get("plotly_chart")
    at.button(key="reset_empty").click()
    ok(at.run())
    assert at.text_input(key="q").value == "" and at.multiselect(key="country").value == []
    assert_timeline(at, in_window(everything, window))


def test_feed_health_is_reachable_when_nothing_matches(dashboard_env):
    at = app(view="Feeds")
    at.query_params["q"] = "no such words anywhere qqq"
    ok(at.run())
    assert shown_count(at) == 0
    assert any("No acts match" in i.value for i in at.info)
    assert len(at.dataframe) == 1
    health = at.dataframe[0].value
    assert len(health) >= 6


@pytest.mark.parametrize("kind", ["missing", "no tables", "no articles"])
def test_empty_or_missing_store_says_what_to_run_and_writes_nothing(tmp_path, monkeypatch, kind):
    db = tmp_path / "new" / "tracker.db"
    if kind != "missing":
        db.parent.mkdir()
        db.touch()
    if kind == "no articles":
        store.connect(f"sqlite:///{db}").dispose()
    before = db.read_bytes() if db.exists() else None
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{db}")
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    at = app().run()
    assert not at.exception and not at.error
    (line,) = at.info
    assert "make run" in line.value and "python -m ingest run --offline" in line.value
    assert "\n" not in line.value and not at.get("plotly_chart") and not at.metric
    assert (db.read_bytes() if db.exists() else None) == before  # the page never writes


def test_unreadable_store_gives_one_line_error(tmp_path, monkeypatch):
    bad = tmp_path / "garbage.db"
    bad.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{bad}")
    at = app().run()
    assert not at.exception
    (err,) = at.error
    assert "Cannot read the store" in err.value and "TRACKER_DB_URL" in err.value
    assert "\n" not in err.value and "Traceback" not in err.value


def _as_schema_1(path) -> str:
    """A copy of the sample store that claims schema 1 (so opening it upgrades it)."""
    url = f"sqlite:///{path}"
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:
        store.set_meta(conn, "schema_version", "1")
    engine.dispose()
    return url


@pytest.mark.parametrize("upgraded", [False, True])
def test_outdated_store_says_to_retag_and_is_left_alone(tmp_path, monkeypatch, sample_store_url, upgraded):
    """A store at an older schema (or upgraded, its events not rebuilt yet) is not touched by the
    page: it says to run `python -m ingest retag`, in one line."""
    path = tmp_path / "old.db"
    shutil.copy(sample_store_url.removeprefix("sqlite:///"), path)
    url = _as_schema_1(path)
    if upgraded:
        store.connect(url).dispose()  # what any CLI command does to it
    before = path.read_bytes()
    monkeypatch.setenv("TRACKER_DB_URL", url)
    at = app().run()
    assert not at.exception
    (err,) = at.error
    assert "python -m ingest retag" in err.value and "\n" not in err.value
    assert ("schema 1" in err.value) != upgraded
    assert path.read_bytes() == before


def test_bad_database_url(monkeypatch):
    monkeypatch.setenv("TRACKER_DB_URL", "nonsense://///")
    at = app().run()
    assert not at.exception and "Cannot read the store" in at.error[0].value


# --- table, CSV, detail ------------------------------------------------------------------------


def acts_csv(engine, f: Filters) -> str:
    out = io.StringIO()
    write_acts(iter_acts(engine, f), "csv", out)
    return out.getvalue()


def capture_downloads(monkeypatch) -> list:
    """The callables handed to st.download_button (the CSV is built lazily, on click)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    seen: list = []
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, *args, **kwargs):
        seen.append(data_callable)
        return original(self, data_callable, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return seen


def test_csv_download_is_exactly_the_filtered_set(dashboard_env, sample_engine, window, monkeypatch):
    downloads = capture_downloads(monkeypatch)
    at = app(view="Events").run()
    at.multiselect(key="country").select("CN")
    ok(at.run())
    csv = downloads[-1]()
    assert csv == acts_csv(sample_engine, Filters(countries=("CN",), since=window[0], until=window[1],
                                                  also_in_force_on=TODAY))
    assert csv.splitlines()[0].startswith("id,type,subtype,status,actor,targets")
    assert f"these {shown_count(at)} acts" in at.get("download_button")[0].proto.label


def test_csv_with_dashboard_only_filters(dashboard_env, sample_engine, window, monkeypatch):
    downloads = capture_downloads(monkeypatch)
    at = app(view="Events", q="gallium", role="Acting", country="CN").run()
    ok(at)
    f = Filters(countries=("CN",), country_role="actor", text="gallium", since=window[0], until=window[1],
                also_in_force_on=TODAY)
    ids = set(acts_frame(sample_engine, f)["id"])
    csv = downloads[-1]()
    assert ids and {row["id"] for row in DictReader(io.StringIO(csv))} == ids
    assert csv == acts_csv(sample_engine, f)


def test_events_table_links_and_selection_shows_detail(dashboard_env, sample_engine):
    at = ok(app(view="Events").run())
    table = at.dataframe[0].value
    assert table["link"].str.startswith("https://").all()
    assert (table["headline"].str.len() > 0).all()
    assert {"actor", "targets", "announced", "in_force", "ends", "status", "sources"} <= set(table.columns)
    assert "China" in set(table["actor"]) and not table["actor"].isin(["nan", "None"]).any()
    many = int(table["reports"].idxmax())  # the act with the most reports
    at.session_state["events_table"] = {"selection": {"rows": [many], "columns": [], "cells": []}}
    ok(at.run())
    detail = act_detail(sample_engine, table["id"].iloc[many])
    texts = [m.value for m in at.markdown]
    assert any("Status history" in t for t in texts) and any("Why these reports" in t for t in texts)
    n = len(detail["reports_table"])
    assert n > 1 and any(t.startswith(f"**Reported {n} times by") for t in texts)
    assert sum(t.startswith("- [") for t in texts) == n  # every report, linked
    shown = [t.value for t in at.text]
    assert shown[0] == detail["headline"] and detail["why"] in shown  # plain text
    assert sum(t.startswith("• ") for t in shown) >= len(detail["history"]) >= 1


def test_upcoming_lists_the_next_90_days(dashboard_env):
    at = ok(app(view="Upcoming").run())
    table = at.dataframe[0].value
    assert len(table) > 0 and table["in_days"].between(0, 90).all()
    assert table["in_days"].is_monotonic_increasing


# --- freshness and scale -------------------------------------------------------------------------


def test_new_data_shows_without_restart(tmp_path, monkeypatch, sample_store_url):
    path = tmp_path / "copy.db"
    shutil.copy(sample_store_url.removeprefix("sqlite:///"), path)
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{path}")
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    at = ok(app().run())
    before = shown_count(at)
    engine = store.connect(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(insert(schema.acts).values(
            id="act-fresh", type="tariff", status="announced", date=TODAY, date_precision="day",
            date_last=TODAY, headline="Fresh tariff", first_seen_at=pd.Timestamp.now(tz="UTC").to_pydatetime()))
        store.set_meta(conn, "last_run_at", "2026-11-29T12:00:00+00:00")
    engine.dispose()
    ok(at.run())
    assert shown_count(at) == before + 1


def test_many_events_draw_weekly_counts(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'many.db'}"
    build_synthetic_store(url, 3600, years=1.5, seed=11).dispose()
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    at = ok(app().run())
    n = shown_count(at)
    assert n > 3000
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [t["name"] for t in spec["data"]] == ["Weekly counts"]
    assert sum(int(c[2]) for c in spec["data"][0]["customdata"]) == n
    assert any("weekly counts per row" in c.value for c in at.caption)
    at.multiselect(key="type").select("tariff")
    ok(at.run())
    assert shown_count(at) < 3000 and len(timeline_ids(at)) == shown_count(at)


def test_feed_text_is_escaped_and_bad_links_dropped(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'nasty.db'}"
    engine = build_synthetic_store(url, 5, years=0.5, seed=5)
    nasty = "<img src=x onerror=alert(1)> **bold** [x](javascript:alert(1)) :red[boom]"
    with engine.begin() as conn:
        conn.execute(update(schema.acts).values(headline=nasty))
        conn.execute(update(schema.act_reports).values(
            url=literal("javascript:alert('") + schema.act_reports.c.id + "')", headline=nasty, evidence=nasty))
    engine.dispose()
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    at = ok(app(view="Events").run())
    table = at.dataframe[0].value
    assert table["link"].isna().all()  # no link for a javascript: URL ...
    assert (table["headline"] == nasty).all()  # ... and the headline still shows, as plain text
    at.session_state["events_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    ok(at.run())
    rendered = " ".join(m.value for m in at.markdown)
    assert "](javascript" not in rendered
    assert not re.search(r"(?<!\\)<img", rendered)  # feed text never reaches Markdown unescaped
    assert not re.search(r"(?<!\\)\*\*bold", rendered) and not re.search(r"(?<!\\):red\[", rendered)
    texts = [t.value for t in at.text]
    assert texts[0] == nasty  # the headline, as plain text
    assert any(t.strip() == f"“{nasty}”" for t in texts)  # a report's evidence, as plain text
    assert any(t.startswith("• ") and t.endswith(nasty) for t in texts)  # a report without a web link
    for m in at.markdown:
        assert not m.proto.allow_html


def test_default_window_ends_at_the_furthest_scheduled_date(dashboard_env, sample_engine):
    at = ok(app().run())
    _lo, hi = query.date_bounds(sample_engine)
    assert at.date_input(key="dates").value == (TODAY - timedelta(days=730), max(hi, TODAY))


def test_the_page_imports_no_write_path() -> None:
    """The page and its views read: nothing they import runs ingest, retag or a store write."""
    import ast

    sources = [DASHBOARD, *map(str, (PROJECT_ROOT / "views").glob("*.py"))]
    for path in sources:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names = [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                assert not name.startswith(("ingest.pipeline", "ingest.store.writes", "ingest.workers")), (
                    path, name)
                assert name not in ("ingest.store.save_batch", "ingest.store.write_events"), (path, name)


# --- acts ------------------------------------------------------------------------------------------


def test_one_marker_per_act_however_many_reports(dashboard_env, sample_engine, everything, window):
    at = ok(app().run())
    d = in_window(everything, window)
    assert int(d["report_count"].sum()) > len(d)  # several reports of one act ...
    assert_timeline(at, d)  # ... draw one marker
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    spans = [t for t in spec["data"] if t.get("mode") == "lines"]
    assert spans  # acts taking effect or ending later have a bar to that date


def test_in_force_on_filter(dashboard_env, sample_engine, everything, window):
    day = date(2026, 11, 1)
    at = app().run()
    at.date_input(key="in_force").set_value(day)
    ok(at.run())
    want = set(acts_frame(sample_engine, Filters(since=window[0], until=window[1], in_force_on=day,
                                                 also_in_force_on=TODAY))["id"])
    assert 0 < len(want) < len(in_window(everything, window))
    assert set(timeline_ids(at)) == want and shown_count(at) == len(want)
    in_force = everything.set_index("id").loc[sorted(want)]
    assert (in_force["status"] != "announced").any() or in_force["effective_date"].notna().all()
    assert not (in_force["end_date"].dropna() <= day).any()  # nothing that ended by then


def test_upcoming_lists_acts_under_their_month(dashboard_env):
    at = ok(app(view="Upcoming").run())
    table = at.dataframe[0].value
    assert table["id"].str.startswith("act-").all()
    months = table[table["when"] == "December 2026"]
    assert len(months) >= 1 and (months["in_days"] >= 0).all()
    assert set(table["what"]) <= {"In force", "Ends", "Meets"}


# --- filters without traps (issue 16) --------------------------------------------------------


def url_values(at: AppTest, key: str) -> list[str]:
    """The values of `key` in the page URL as the run left it (AppTest keeps them as a dict)."""
    v = at.query_params.get(key, [])
    return list(v) if isinstance(v, list | tuple) else [v]


def test_url_takes_plain_names_and_is_rewritten_with_ids(dashboard_env):
    at = ok(app(country=["China", "usa"], commodity="rare earths", type="Export control").run())
    assert at.multiselect(key="country").value == ["CN", "US"]
    assert at.multiselect(key="commodity").value == ["rare_earths"]
    assert url_values(at, "country") == ["CN", "US"]
    assert url_values(at, "commodity") == ["rare_earths"]
    assert url_values(at, "type") == ["export_control"]
    assert "dates" not in at.query_params  # the default window is left out
    assert not at.warning


def test_unknown_url_values_are_named_in_a_notice(dashboard_env):
    at = ok(app(country=["China", "Narnia"], commodity="unobtainium").run())
    assert at.multiselect(key="country").value == ["CN"]
    notice = " ".join(w.value for w in at.warning)
    assert "'Narnia'" in notice and "'unobtainium'" in notice
    assert url_values(at, "country") == ["CN"]


@pytest.mark.parametrize(("kind", "typed", "want"), [
    ("country", "usa", ["US"]), ("country", "German", ["DE"]),
    ("commodity", "magnet", ["rare_earths"]), ("commodity", "8505.11", ["rare_earths"]),
])
def test_typed_text_picks_the_one_best_match(dashboard_env, kind, typed, want):
    at = ok(app().run())
    at.multiselect(key=kind).set_value([typed])
    ok(at.run())
    assert at.multiselect(key=kind).value == want
    assert url_values(at, kind) == want


def test_older_acts_in_force_are_shown_by_default_and_said_so(dashboard_env, everything, window):
    at = ok(app().run())
    older = everything[in_force_today(everything) & (everything["date_last"] < pd.Timestamp(window[0]))]
    assert len(older) > 0
    assert set(older["id"]) <= set(timeline_ids(at))
    assert any("still in force today" in c.value and f"{len(older)} older" in c.value for c in at.caption)
    at.checkbox(key="older").uncheck()
    ok(at.run())
    assert_timeline(at, in_window(everything, window, older=False))
    assert url_values(at, "older") == ["hide"]
