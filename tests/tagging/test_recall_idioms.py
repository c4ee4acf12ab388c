"""Recall of acts told in headline idioms and owned nouns: a curb told before a meeting that
follows it in time ("tightens controls ahead of a summit" is no topic of the summit); a levy on
goods named by their origin; goods choked off, throttled or squeezed, brakes slammed on
exports, exports put on ice or taps kept shut; a state's freeze of a commodity; a dumping case.
Each with twins that must stay silent.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- a curb told before a meeting in time is an act, not the meeting's topic -----------------

@pytest.mark.parametrize("title", [
    "Beijing tightens graphite controls ahead of Modi-Albanese meeting",
    "China widens antimony curbs before leaders' meeting",
])
def test_a_curb_before_a_meeting_is_an_act(tagger: Tagger, title: str) -> None:
    assert "export_control" in types(tagger, title)


def test_a_curb_named_as_the_meetings_subject_stays_its_topic(tagger: Tagger) -> None:
    assert "export_control" not in types(tagger, "US and Japan hold export controls talks in Tokyo")


# --- a levy on goods named by their origin -------------------------------------------------

@pytest.mark.parametrize("title", [
    "Ottawa's levies on Chinese e-bikes take effect",
    "Brussels readies levy on Russian fertiliser",
])
def test_a_levy_on_foreign_goods_is_a_tariff(tagger: Tagger, title: str) -> None:
    assert "tariff" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Council levies on Scottish households rise again",
    "New levy on British banks hits profits",
])
def test_a_levy_on_people_or_banks_is_no_tariff(tagger: Tagger, title: str) -> None:
    assert "tariff" not in types(tagger, title)


# --- headline idioms of holding goods back -----------------------------------------------------

@pytest.mark.parametrize("title", [
    "Harare chokes off raw lithium shipments",
    "Beijing throttles supply of graphite to Korean battery makers",
    "Kinshasa slams brakes on cobalt exports to lift prices",
    "Conakry shuts door on bauxite exports",
    "Congo puts cobalt exports on ice for four months",
    "Kinshasa keeps cobalt taps shut for another quarter",
])
def test_goods_held_back_by_a_state_are_an_export_control(tagger: Tagger, title: str) -> None:
    assert "export_control" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Higher rates squeeze exports of German carmakers",
    "Chinese smelters squeeze supply of alumina",
    "Airline puts expansion plans on ice",
    "Fed slams the brakes on growth",
    "Shipping delays throttle exports from Chilean ports",
])
def test_markets_and_firms_holding_back_are_no_export_control(tagger: Tagger, title: str) -> None:
    assert "export_control" not in types(tagger, title)


# --- a state's freeze of a commodity --------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Congo's Cobalt Freeze Sends Hydroxide Prices Higher",
    "Cobalt jumps as Kinshasa extends cobalt freeze",
])
def test_a_states_commodity_freeze_is_an_export_control(tagger: Tagger, title: str) -> None:
    assert "export_control" in types(tagger, title)


@pytest.mark.parametrize(("title", "want"), [
    ("Copper price freeze lifted in Zambia", set()),
    ("Lithium miners face hiring freeze", set()),
    ("US imposes asset freeze on Russian aluminium tycoon", {"sanction"}),
])
def test_other_freezes_are_no_export_control(tagger: Tagger, title: str, want: set[str]) -> None:
    assert types(tagger, title) == want


# --- a dumping case opened ------------------------------------------------------------------

def test_a_dumping_case_opened_is_an_investigation(tagger: Tagger) -> None:
    assert "investigation" in types(tagger, "US Commerce opens dumping case on Chinese anode material")


# --- a leader's possessive in a title-case headline is the state, never a company's home -------

@pytest.mark.parametrize("title", [
    "Modi's Last Word: Export Caps on Rare Earth Magnets",
    "Albanese's Big Bet: Curbs on Raw Lithium Exports",
])
def test_a_leaders_possessive_acts_in_a_title_case_headline(tagger: Tagger, title: str) -> None:
    assert "export_control" in types(tagger, title)


def test_a_leaders_possessive_before_no_act_makes_none(tagger: Tagger) -> None:
    assert not types(tagger, "Modi's Last Word: A Memoir of the Campaign Trail")


# --- counter-tariffs; heads holding a meeting ---------------------------------------------------

@pytest.mark.parametrize("title", [
    "Ottawa hits back with C$30 billion of counter-tariffs",
    "Brussels readies counter-duties on US bourbon",
])
def test_counter_tariffs_are_tariffs(tagger: Tagger, title: str) -> None:
    assert "tariff" in types(tagger, title)


def test_a_counter_offer_is_no_tariff(tagger: Tagger) -> None:
    assert "tariff" not in types(tagger, "Union rejects counter-offer from carmaker")


@pytest.mark.parametrize("title", [
    "Modi and Albanese hold first meeting in Canberra",
    "Lula, Xi held a two-hour meeting on Friday",
])
def test_heads_holding_a_meeting_is_a_summit(tagger: Tagger, title: str) -> None:
    assert "summit" in types(tagger, title)


def test_a_board_holding_a_meeting_is_no_summit(tagger: Tagger) -> None:
    assert "summit" not in types(tagger, "Lithium miner's board holds emergency meeting")
