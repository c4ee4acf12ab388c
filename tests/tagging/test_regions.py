"""Sub-national governments act for their country; a region's name alone is only a place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.tagging import regions as regions_module
from ingest.tagging.regions import region_governments
from ingest.tagging.tagger import Tagger
from ingest.tagging.taxonomy import TaxonomyError

PUB = date(2024, 7, 4)



@pytest.mark.parametrize(("summary", "type_", "actor"), [
    ("Saskatchewan's Minister of Energy announces new limits on uranium mining in the north.",
     "production_control", "CA"),
    ("The Queensland government banned uranium mining on Tuesday.",
     "production_control", "AU"),
])
def test_a_region_s_government_acts_for_its_country(tagger: Tagger, summary: str, type_: str,
                                                     actor: str) -> None:
    ev = next(e for e in tagger.tag("Mining news", summary, PUB).events if e.type == type_)
    assert ev.actor == actor and actor in ev.countries


@pytest.mark.parametrize("text", ["lithium brine near the Nevada border", "the NSW coast",
                                  "Papua New Guinea government"])
def test_a_region_named_only_as_a_place_names_no_government(text: str) -> None:
    assert region_governments(text, 0, len(text)) == []


def test_a_malformed_regions_file_is_a_taxonomy_error(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "regions.toml"
    bad.write_text('institutions = ["government"]\n[[region]]\ncountry = "AU"\n', encoding="utf-8")
    monkeypatch.setattr(regions_module, "REGIONS_FILE", bad)
    regions_module.regions.cache_clear()
    try:
        with pytest.raises(TaxonomyError, match="needs a country and names"):
            regions_module.regions()
    finally:
        monkeypatch.undo()
        regions_module.regions.cache_clear()


def test_a_region_of_an_unknown_country_is_a_taxonomy_error(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "regions.toml"
    bad.write_text('institutions = ["government"]\n[[region]]\ncountry = "XX"\nnames = ["Atlantis"]\n',
                   encoding="utf-8")
    monkeypatch.setattr(regions_module, "REGIONS_FILE", bad)
    regions_module.regions.cache_clear()
    try:
        with pytest.raises(TaxonomyError, match="unknown country 'XX'"):
            regions_module.regions()
    finally:
        monkeypatch.undo()
        regions_module.regions.cache_clear()


@pytest.mark.parametrize(("title", "type_", "acts"), [
    # a region as the subject of a policy verb acts for its country
    ("Northern Territory considers replacing its mining royalties scheme", "strategy", True),
    ("Queensland bans lithium mining near the reef", "production_control", True),
    # the name alone is a place: no government acts
    ("Miners in Queensland halt lithium mining after floods", "production_control", False),
])
def test_a_region_as_the_subject_of_a_policy_verb_acts(title: str, type_: str, acts: bool) -> None:
    evs = [e for e in Tagger().tag(title, "", date(2025, 3, 4)).events if e.type == type_]
    assert bool(evs) is acts
    if acts:
        assert evs[0].actor == "AU"


def test_policy_verbs_must_be_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "regions.toml"
    bad.write_text('institutions = ["government"]\npolicy_verbs = [""]\n', encoding="utf-8")
    monkeypatch.setattr(regions_module, "REGIONS_FILE", bad)
    regions_module.regions.cache_clear()
    try:
        with pytest.raises(TaxonomyError, match="policy_verbs"):
            regions_module.regions()
    finally:
        monkeypatch.undo()
        regions_module.regions.cache_clear()
