"""ingest.read: the filters and aggregates, checked against independent oracles (pandas over
the full frame, or the exported events) on the store built from the bundled samples."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pandas as pd
import pytest

from ingest import store
from ingest.read import queries as query
from ingest.read.events import iter_events
from ingest.read.export import to_csv_text
from ingest.read.filters import Filters, expand_commodities
from ingest.sources.feedlist import sample_feeds
from ingest.tagging.taxonomy import default_taxonomy
from tests.dashboard_fixtures import TODAY, build_synthetic_store, sample_engine, sample_store_url

FIXTURES = (sample_engine, sample_store_url)  # shared fixtures used by name below

WINDOW = Filters(since=TODAY - timedelta(days=730), until=date(2027, 12, 31))


@pytest.fixture(scope="module")
def everything(sample_engine) -> pd.DataFrame:
    return query.events_frame(sample_engine)


def ids(df: pd.DataFrame) -> set[str]:
    return set(df["id"])


def test_events_frame_columns_and_order(everything):
    assert list(everything.columns) == query.EVENT_COLUMNS
    assert len(everything) > 50
    assert everything["date"].is_monotonic_decreasing
    assert (everything["n_articles"] >= 1).all()
    assert everything["url"].str.startswith("https://").all()


def test_limit(sample_engine):
    assert len(query.events_frame(sample_engine, Filters(limit=7))) == 7


@pytest.mark.parametrize("role, column", [("any", None), ("actor", "actor"), ("target", "targets")])
def test_country_role(sample_engine, everything, role, column):
    got = query.events_frame(sample_engine, Filters(countries=("CN",), country_role=role))
    if column is None:
        want = everything[everything["countries"].map(lambda cs: "CN" in cs)]
    elif column == "actor":
        want = everything[everything["actor"] == "CN"]
    else:
        want = everything[everything["targets"].map(lambda cs: "CN" in cs)]
    assert ids(got) == ids(want)
    assert len(got) > 0


def test_commodity_group_includes_members(sample_engine, everything):
    members = default_taxonomy().members("rare_earths")
    got = query.events_frame(sample_engine, Filters(commodities=members))
    want = everything[everything["commodities"].map(lambda cs: bool(set(cs) & set(members)))]
    assert ids(got) == ids(want)
    assert any("neodymium" in cs for cs in got["commodities"])  # a member, not only the group


def test_types_statuses_dates(sample_engine, everything):
    f = Filters(types=("tariff", "summit"), statuses=("announced", "held"),
                since=date(2025, 1, 1), until=date(2026, 6, 30))
    got = query.events_frame(sample_engine, f)
    d = everything
    want = d[d["type"].isin(f.types) & d["status"].isin(f.statuses)
             & (d["date"] >= "2025-01-01") & (d["date"] <= "2026-06-30")]
    assert ids(got) == ids(want) and len(got) > 0


def test_source_filter_uses_every_article(sample_engine, everything):
    src = "official-notices-digest.example"
    got = query.events_frame(sample_engine, Filters(sources=(src,)))
    want = {ev["id"] for ev in iter_events(sample_engine) if any(a["source"] == src for a in ev["articles"])}
    assert ids(got) == want and want


def test_text_search_is_case_insensitive_and_literal(sample_engine, everything):
    got = query.events_frame(sample_engine, Filters(text="  GALLIUM "))
    mask = (everything["headline"].str.lower().str.contains("gallium")
            | everything["evidence"].str.lower().str.contains("gallium"))
    assert ids(got) == ids(everything[mask]) and len(got) > 0
    for literal in ("%", "_", "100%"):  # LIKE wildcards match only themselves
        hit = (everything["headline"].str.contains(literal, regex=False)
               | everything["evidence"].str.contains(literal, regex=False))
        assert query.count_events(sample_engine, Filters(text=literal)) == hit.sum() < len(everything)


def test_count_matches_frame(sample_engine):
    f = Filters(countries=("US",), types=("investment",))
    assert query.count_events(sample_engine, f) == len(query.events_frame(sample_engine, f))


def test_daily_counts_sum_to_events(sample_engine, everything):
    for by, col in (("type", None), ("country", "countries"), ("commodity", "commodities")):
        daily = query.daily_counts(sample_engine, WINDOW, by)
        inside = everything[everything["date"] >= pd.Timestamp(WINDOW.since)]
        expected = len(inside) if col is None else int(inside[col].map(len).sum())
        assert daily["n"].sum() == expected, by
    # the index-friendly path (no filters beyond dates) and the general one agree
    a = query.daily_counts(sample_engine, WINDOW, "type")
    b = query.daily_counts(sample_engine, replace(WINDOW, types=tuple(sorted(set(everything["type"])))), "type")
    pd.testing.assert_frame_equal(a.sort_values(["key", "date"]).reset_index(drop=True),
                                  b.sort_values(["key", "date"]).reset_index(drop=True))


def test_dimension_and_pair_counts(sample_engine, everything):
    dim = query.dimension_counts(sample_engine, Filters(), "country").set_index("key")["n"]
    assert dim["CN"] == everything["countries"].map(lambda cs: "CN" in cs).sum()
    assert dim.is_monotonic_decreasing
    pairs = query.pair_counts(sample_engine, Filters(countries=("CN",), country_role="actor"))
    assert set(pairs["country"]) >= {"CN"}
    with pytest.raises(ValueError):
        query.dimension_counts(sample_engine, Filters(), "colour")


def test_group_counts(sample_engine, everything):
    members = default_taxonomy().members("rare_earths")
    got = query.group_counts(sample_engine, {"rare_earths": members})["rare_earths"]
    assert got == everything["commodities"].map(lambda cs: bool(set(cs) & set(members))).sum()


def test_summary(sample_engine, everything):
    s = query.summary(sample_engine, WINDOW, TODAY)
    assert s["events"] == query.count_events(sample_engine, WINDOW)
    d = everything["date"]
    assert s["ahead"] == ((d > pd.Timestamp(TODAY)) & (d <= pd.Timestamp(TODAY + timedelta(days=90)))).sum()
    assert s["recent"] == ((d >= pd.Timestamp(TODAY - timedelta(days=30))) & (d <= pd.Timestamp(TODAY))).sum()
    assert s["latest"] <= TODAY


def test_upcoming_events_window_and_expiries(sample_engine, everything):
    up = query.upcoming_events(sample_engine, WINDOW, TODAY, 90)
    assert len(up) > 0
    assert up["when"].is_monotonic_increasing
    assert (up["when"] >= pd.Timestamp(TODAY)).all()
    assert (up["when"] <= pd.Timestamp(TODAY + timedelta(days=90))).all()
    # the date range filter does not apply, the others do
    narrowed = query.upcoming_events(sample_engine, Filters(since=date(2020, 1, 1), until=date(2020, 2, 1),
                                                            types=("summit",)), TODAY, 90)
    assert set(narrowed["type"]) <= {"summit"} and len(narrowed) >= 1
    # an event that started before the window and ends inside it is listed as ending
    spans = everything[everything["end_date"] > everything["date"]]
    ev = spans.iloc[0]
    day = max(ev["date"] + pd.Timedelta(days=1), ev["end_date"] - pd.Timedelta(days=30)).date()
    ending = query.upcoming_events(sample_engine, Filters(), day, 90)
    row = ending[ending["id"] == ev["id"]]
    assert list(row["what"]) == ["ends"]


def test_upcoming_empty_frame_has_columns(sample_engine):
    up = query.upcoming_events(sample_engine, Filters(countries=("AQ",)), TODAY, 90)
    assert up.empty and {"when", "what"} <= set(up.columns)


def test_export_takes_every_filter_of_the_page(sample_engine, everything):
    """The export and the page's download read the same filter model as the queries: country
    role, source and text included, in the order of the events table."""
    for f in (Filters(countries=("CN",), since=date(2025, 1, 1)),
              Filters(text="gallium", country_role="actor", countries=("CN",)),
              Filters(sources=("official-notices-digest.example",), types=("export_control", "tariff")),
              Filters()):
        want = list(query.events_frame(sample_engine, f)["id"])
        got = [ev["id"] for ev in iter_events(sample_engine, f)]
        assert got == want and want, f
    csv = to_csv_text(iter_events(sample_engine, Filters(countries=("CN",))))
    assert csv.count("\n") == query.count_events(sample_engine, Filters(countries=("CN",))) + 1


def test_export_in_chunks_keeps_order(tmp_path, monkeypatch):
    from ingest.read import events

    engine = build_synthetic_store(f"sqlite:///{tmp_path / 'syn.db'}", 1200, seed=3)
    monkeypatch.setattr(events, "ARTICLE_CHUNK", 100)
    f = Filters(countries=("CN",), types=("tariff", "sanction"))
    got = list(iter_events(engine, f))
    assert [ev["id"] for ev in got] == list(query.events_frame(engine, f)["id"])
    assert all(ev["articles"] for ev in got)
    engine.dispose()


def test_commodity_expansion_is_shared():
    tax = default_taxonomy()
    got = expand_commodities(tax, ["gallium", "rare_earths", "neodymium"])
    assert got[:2] == ("gallium", "rare_earths") and "neodymium" in got
    assert len(got) == len(set(got)) and set(got) == {"gallium", *tax.members("rare_earths")}


def test_window_and_bounds(sample_engine):
    lo, hi = query.date_bounds(sample_engine)
    assert lo < hi
    since, until = query.window_from_bounds((lo, hi), TODAY)
    assert since == TODAY - timedelta(days=730) and until == max(hi, TODAY)
    assert query.window_from_bounds((None, None), TODAY) == (TODAY - timedelta(days=730), TODAY)


def test_has_articles_and_version(tmp_path, sample_engine):
    assert query.has_articles(sample_engine)
    empty = store.connect(f"sqlite:///{tmp_path / 'empty.db'}")
    assert not query.has_articles(empty)
    assert query.store_version(empty) == "|0"
    empty.dispose()


def test_feed_health_still_serves_the_cli(sample_engine):
    h = query.feed_health(sample_engine)
    assert len(h) == len(sample_feeds()) and set(h["status"]) == {"ok"}
    assert (h["articles"] > 0).all()
