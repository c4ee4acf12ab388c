"""Export and read-side queries over a store built from the samples, on SQLite and PostgreSQL.

Expected results are computed from the unfiltered export, so the tests hold whatever the
tagger finds in the samples; the filters and formats are what is under test.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from ingest import store
from ingest.read import queries as query
from ingest.read.events import event_detail, iter_events
from ingest.read.export import CSV_COLUMNS, to_csv_text, write
from ingest.read.filters import Filters
from ingest.tagging.taxonomy import default_taxonomy

RARE_EARTHS = set(default_taxonomy().members("rare_earths"))


@pytest.fixture(scope="module")
def engine(offline_db_url):
    eng = store.connect(offline_db_url, create=False)
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def everything(engine):
    return list(iter_events(engine))


def _ids(events) -> list[str]:
    return [e["id"] for e in events]


def test_events_are_newest_first_with_articles(everything):
    assert len(everything) > 10
    dates = [e["date"] for e in everything]
    assert dates == sorted(dates, reverse=True)
    for ev in everything:
        assert ev["articles"], ev["id"]
        for a in ev["articles"]:
            assert set(a) == {"url", "title", "source", "outlet", "headline_only", "published",
                              "language", "gloss"}
            assert a["published"].endswith("+00:00")
        assert ev["evidence"] and ev["type"] and ev["status"]
        assert date.fromisoformat(ev["date"])


@pytest.mark.parametrize("flt,keep", [
    (Filters(countries=("CN",)), lambda e: "CN" in e["countries"]),
    (Filters(commodities=tuple(RARE_EARTHS)), lambda e: bool(RARE_EARTHS & set(e["commodities"]))),
    (Filters(types=("export_control",)), lambda e: e["type"] == "export_control"),
    (Filters(statuses=("announced",)), lambda e: e["status"] == "announced"),
    (Filters(since=date(2025, 10, 1), until=date(2025, 12, 31)),
     lambda e: "2025-10-01" <= e["date"] <= "2025-12-31"),
    (Filters(countries=("CN",), commodities=tuple(RARE_EARTHS), types=("export_control",),
                 since=date(2023, 1, 1)),
     lambda e: "CN" in e["countries"] and bool(RARE_EARTHS & set(e["commodities"]))
     and e["type"] == "export_control" and e["date"] >= "2023-01-01"),
], ids=["country", "commodity-group", "type", "status", "window", "combined"])
def test_filters(engine, everything, flt, keep):
    expected = [e["id"] for e in everything if keep(e)]
    assert expected, "the samples should have events matching this filter"
    assert _ids(iter_events(engine, flt)) == expected
    assert len(expected) < len(everything)


def test_limit_keeps_the_newest(engine, everything):
    assert _ids(iter_events(engine, Filters(limit=3))) == _ids(everything)[:3]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_formats_round_trip(everything, fmt):
    buf = io.StringIO()
    n = write(everything, fmt, buf)
    assert n == len(everything)
    text = buf.getvalue()
    if fmt == "jsonl":
        assert [json.loads(line) for line in text.splitlines()] == everything
    elif fmt == "json":
        assert json.loads(text) == everything
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
        assert list(rows[0]) == CSV_COLUMNS
        assert [r["id"] for r in rows] == _ids(everything)
        first = everything[0]
        assert rows[0]["countries"] == ";".join(first["countries"])
        assert rows[0]["urls"] == ";".join(a["url"] or "" for a in first["articles"])
        assert to_csv_text(everything) == text


def test_unknown_format_is_refused(everything):
    with pytest.raises(ValueError, match="unknown format"):
        write(everything, "xml", io.StringIO())


# --- queries.py -------------------------------------------------------------------------------


def test_events_frame_matches_export(engine, everything):
    df = query.events_frame(engine)
    assert list(df.columns) == query.EVENT_COLUMNS
    assert df["id"].tolist() == _ids(everything)
    assert df["countries"].tolist() == [e["countries"] for e in everything]
    assert (df["n_articles"] == [len(e["articles"]) for e in everything]).all()
    assert query.count_events(engine) == len(everything)
    assert len(query.events_frame(engine, Filters(limit=5))) == 5


def test_events_frame_filters(engine, everything):
    f = Filters(countries=("CN",), country_role="actor", types=("export_control",))
    df = query.events_frame(engine, f)
    assert len(df) and (df["actor"] == "CN").all() and (df["type"] == "export_control").all()
    assert query.count_events(engine, f) == len(df)
    target = query.events_frame(engine, Filters(countries=("CN",), country_role="target"))
    assert all("CN" in t for t in target["targets"])


def test_text_search_is_case_insensitive_and_escapes_wildcards(engine, everything):
    word = everything[0]["headline"].split()[0]
    df = query.events_frame(engine, Filters(text=word.upper()))
    expected = [e["id"] for e in everything
                if word.lower() in e["headline"].lower() or word.lower() in e["evidence"].lower()]
    assert df["id"].tolist() == expected
    # % and _ are literal characters, not LIKE wildcards; a backslash is just a backslash.
    assert query.events_frame(engine, Filters(text="%")).empty == \
        (not any("%" in e["headline"] + e["evidence"] for e in everything))
    assert query.events_frame(engine, Filters(text="_")).empty
    assert query.events_frame(engine, Filters(text="\\")).empty


def test_source_filter(engine, everything):
    source = everything[0]["articles"][0]["source"]
    df = query.events_frame(engine, Filters(sources=(source,)))
    expected = [e["id"] for e in everything if source in {a["source"] for a in e["articles"]}]
    assert df["id"].tolist() == expected


def test_bounds_counts_detail(engine, everything):
    lo, hi = query.date_bounds(engine)
    assert (lo.isoformat(), hi.isoformat()) == (everything[-1]["date"], everything[0]["date"])
    opts = query.option_counts(engine)
    assert set(opts) == {"country", "commodity", "type", "status", "source"}
    assert opts["type"]["export_control"] == sum(e["type"] == "export_control" for e in everything)
    assert opts["country"]["CN"] == sum("CN" in e["countries"] for e in everything)
    ev = everything[0]
    detail = event_detail(engine, ev["id"])
    assert {k: v for k, v in detail.items() if k != "articles"} == {k: v for k, v in ev.items() if k != "articles"}
    assert [{k: v for k, v in a.items() if k != "evidence"} for a in detail["articles"]] == ev["articles"]
    assert all(a["evidence"] for a in detail["articles"])
    assert event_detail(engine, "no-such-id") is None


def test_store_version_and_windows(engine):
    v = query.store_version(engine)
    assert v == query.store_version(engine) and v.endswith(f"|{store.counts(engine)['events']}")
    start, end = query.window_from_bounds(query.date_bounds(engine), date(2025, 11, 5))
    assert start == date(2023, 11, 6) and end >= date(2025, 11, 5)
    soon = query.upcoming_events(engine, Filters(), date(2025, 11, 5), days=90)
    assert (soon["date"] <= pd.Timestamp(2026, 2, 3)).all()
    assert soon["when"].is_monotonic_increasing


def test_feed_health_lists_every_sample_feed(engine):
    df = query.feed_health(engine, now=datetime.now(UTC))
    assert len(df) == store.counts(engine)["feeds"]
    assert set(df["status"]) == {"ok"}
    assert (df["articles"] > 0).all() and (df["error"] == "").all() and (df["warning"] == "").all()
    assert df["last_fetch"].str.endswith(" UTC").all()
