"""Own-words cases for the taxonomy data added from the real-news error analysis (issue 15).

Each sentence is written for this project; it pins a rule learned on the real-news dev split
(docs/quality.md), so a later data edit that undoes it fails here by name.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.tagging.tagger import Tagger

PUB = datetime(2025, 3, 5, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


@pytest.mark.parametrize("title, commodity", [
    ("Beijing curbs exports of chipmaking metals", "critical_minerals"),
    ("Seoul worries over chip-making minerals after new Chinese curbs", "critical_minerals"),
    ("Washington seeks a pact on EV metals with Jakarta", "critical_minerals"),
    ("Tokyo to stockpile rare metals as supply fears grow", "critical_minerals"),
    ("US lenders back critical-mineral projects in Africa", "critical_minerals"),
])
def test_generic_phrases_name_a_group(tagger: Tagger, title: str, commodity: str) -> None:
    assert commodity in tagger.tag(title, "", PUB).commodities


@pytest.mark.parametrize("title", [
    "Gallery shows glassware in cobalt blue and amber",
    "Crime drama about bent coppers returns for a second series",
    "Airlines keep nickel-and-diming travellers with new fees",
    "Fire blamed on a faulty charging lead",
])
def test_other_senses_name_no_commodity(tagger: Tagger, title: str) -> None:
    assert tagger.tag(title, "", PUB).commodities == ()


@pytest.mark.parametrize("title, kind, status", [
    # A present-tense act with no cue is in effect; "will"/"to" make it announced.
    ("Jakarta restricts nickel ore exports", "export_control", "in_effect"),
    ("Jakarta will restrict nickel ore exports", "export_control", "announced"),
    ("Canberra will guarantee prices for rare earths produced at home", "investment", "announced"),
    ("Astana to nationalise its largest copper smelter", "production_control", "announced"),
    # Seeking, exploring or failing to reach a deal is a proposed agreement.
    ("Brussels and Santiago seek a lithium deal", "agreement", "proposed"),
    ("London and Ottawa explore a critical minerals pact", "agreement", "proposed"),
    # Named agreements, mining bans, unveiled strategies.
    ("Quito signs a free trade agreement covering copper concentrate with Beijing", "agreement", "in_effect"),
    ("Washington bans uranium mining near the canyon", "production_control", "in_effect"),
    ("Canberra unveils a strategy to refine more lithium at home", "strategy", "announced"),
])
def test_policy_wording_and_status(tagger: Tagger, title: str, kind: str, status: str) -> None:
    res = tagger.tag(title, "", PUB)
    assert (kind, status) in {(e.type, e.status) for e in res.events}, res.events


@pytest.mark.parametrize("title, kind", [
    ("Santiago's copper royalty bill clears the senate", "strategy"),
    ("Brussels recognises aluminium as a strategic raw material", "strategy"),
    ("Energy Department earmarks $90 million in funding for a lithium refinery", "investment"),
    ("Indonesian leader Joko Widodo to begin visit to Canberra amid nickel talks", "summit"),
])
def test_more_policy_wording(tagger: Tagger, title: str, kind: str) -> None:
    assert kind in {e.type for e in tagger.tag(title, "", PUB).events}


@pytest.mark.parametrize("title, absent", [
    ("Tehran grows its stockpile of enriched uranium, inspectors say", "investment"),
    ("The minister talks about lithium in a podcast interview", "talks"),
    ("Regulator backs a social tariff for households hit by energy bills", "tariff"),
])
def test_not_an_act(tagger: Tagger, title: str, absent: str) -> None:
    assert absent not in {e.type for e in tagger.tag(title, "", PUB).events}


@pytest.mark.parametrize("title, code", [
    ("EPA proposes limits on emissions from iron ore processing", "US"),
    ("NHS trusts told to check lead levels in supplies", "GB"),
])
def test_agencies_name_their_country(tagger: Tagger, title: str, code: str) -> None:
    assert code in tagger.tag(title, "", PUB).countries


def test_company_names_are_not_countries(tagger: Tagger) -> None:
    res = tagger.tag("Anglo American and Bank of America report results", "", PUB)
    assert "US" not in res.countries
