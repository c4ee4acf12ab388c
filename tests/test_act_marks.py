"""HS codes and official sources: the marks the act detail, the act table and the export add."""

from __future__ import annotations

import io
import json
from csv import DictReader
from pathlib import Path

import pytest

from ingest import settings
from ingest.cli import main
from ingest.read import act_marks
from ingest.read.act_marks import OfficialSourcesError, hs_codes, is_official, load_official_suffixes
from ingest.tagging.taxonomy import default_taxonomy
from tests.dashboard_fixtures import sample_store_url

FIXTURES = (sample_store_url,)  # used by name below


@pytest.mark.parametrize(("url", "official"), [
    ("https://www.federalregister.gov/documents/2026/01/02/x", True),
    ("https://english.mofcom.gov.cn/article/x.html", True),
    ("https://policy.trade.ec.europa.eu/news/x", True),
    ("https://www.gov.uk/government/news/x", True),
    ("https://www.reuters.com/markets/x", False),
    ("https://notgov.com/x", False),  # "gov" must be a whole label
    ("https://gov.example.com/x", False),
    ("javascript:alert(1)", False),
    ("", False),
])
def test_official_sources_by_host(url, official):
    assert is_official(url) is official


def test_the_bundled_list_is_valid_and_bad_entries_are_named(tmp_path: Path):
    assert "gov" in load_official_suffixes(settings.OFFICIAL_SOURCES_FILE)
    bad = tmp_path / "official.toml"
    bad.write_text('suffixes = ["gov", "https://x.gov/", ".gov.cn"]\n')
    with pytest.raises(OfficialSourcesError, match=r"'https://x.gov/', '.gov.cn'"):
        load_official_suffixes(bad)
    bad.write_text("suffixes = \n")
    with pytest.raises(OfficialSourcesError, match="cannot read"):
        load_official_suffixes(bad)


def test_hs_codes_come_from_the_taxonomy():
    tax = default_taxonomy()
    codes = {c.id: c.hs_codes for c in tax.commodities}
    assert hs_codes(["rare_earths", "rare_earths"], tax) == list(codes["rare_earths"])
    assert hs_codes(["critical_minerals"], tax) == list(codes["critical_minerals"])
    assert hs_codes([], tax) == []


@pytest.fixture
def notices_are_official(tmp_path, monkeypatch):
    """The samples' notices digest counted as an official source (the samples use .example hosts)."""
    listed = tmp_path / "official_sources.toml"
    listed.write_text('suffixes = ["gov", "official-notices-digest.example"]\n')
    monkeypatch.setattr(settings, "OFFICIAL_SOURCES_FILE", listed)
    act_marks._suffixes.cache_clear()
    yield
    act_marks._suffixes.cache_clear()


def test_export_carries_hs_codes_and_official_reports(sample_store_url, notices_are_official, capsys):
    assert main(["export", "--db", sample_store_url, "--format", "jsonl"]) == 0
    acts = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    tax = default_taxonomy()
    assert all(a["hs_codes"] == hs_codes(a["commodities"], tax) for a in acts)
    assert any(a["hs_codes"] for a in acts)
    reports = [r for a in acts for r in a["reports"]]
    assert all(r["official"] is is_official(r["url"]) for r in reports)
    assert any(r["official"] for r in reports) and not all(r["official"] for r in reports)
    assert main(["export", "--db", sample_store_url, "--format", "csv"]) == 0
    rows = list(DictReader(io.StringIO(capsys.readouterr().out)))
    for row, a in zip(rows, acts, strict=True):
        assert row["hs_codes"] == ";".join(a["hs_codes"])
        assert row["official"].split(";") == ["yes" if r["official"] else "no" for r in a["reports"]]
