"""Recall on real news, 30th pass: companies named by what they make or the mine they run,
plans and preparations that set a status, deals named by their policy topic, and doubt about
a standing pact that denies nothing; each with look-alikes that must stay silent.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday



def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


def status_of(tagger: Tagger, title: str, summary: str, type_id: str) -> list[str]:
    return [e.status for e in tagger.tag(title, summary, PUB).events if e.type == type_id]


# --- a maker of goods, or a mine, is a company: the country before it only labels it -----------

@pytest.mark.parametrize(("title", "summary"), [
    ("Japanese cathode maker agrees a nickel offtake in the Philippines", ""),
    ("Brazilian steelmaker halts iron ore shipments at its port", ""),
    ("Miner declares force majeure at Zambian copper mine after floods",
     "Heavy rain cut the roads for weeks, forcing it to halt output and shipments."),
    ("US cell makers seek duties on Korean cobalt sulphate", ""),
])
def test_a_company_named_by_its_goods_or_mine_acts_for_no_state(
        tagger: Tagger, title: str, summary: str) -> None:
    assert types(tagger, title, summary) == set()


@pytest.mark.parametrize(("title", "type_id"), [
    ("Chinese policy makers weigh new limits on graphite exports", "export_control"),
    ("Indonesia bans nickel ore exports from its mines", "export_control"),
    ("Peru's copper mines face a new export tax, the government said", "export_control"),
    # bare "makers" name no goods: the country may still own the act
    ("Korean makers count the cost of new export controls on cobalt", "export_control"),
])
def test_a_state_still_acts_beside_makers_and_mines(tagger: Tagger, title: str, type_id: str) -> None:
    assert type_id in types(tagger, title)


# --- a deal on a matter only states settle -------------------------------------------------------

@pytest.mark.parametrize("summary", [
    "Brussels struck a migration deal with Tunisia that also covers phosphate trade.",
    "Canberra wants the fisheries agreement with Jakarta to cover nickel ports too.",
    "Ministers said the peace agreement between the two neighbours reopened the cobalt route.",
])
def test_a_deal_named_by_a_matter_of_state_is_an_agreement(tagger: Tagger, summary: str) -> None:
    assert "agreement" in types(tagger, "Metals trade news", summary)


@pytest.mark.parametrize("title", [
    "Cobalt miner reaches debt deal with its lenders",
    "Chinese firm signs a $300 million energy deal in Kazakhstan",
    "A guard company signs a security agreement with a copper miner",
])
def test_debt_energy_and_private_security_deals_stay_silent(tagger: Tagger, title: str) -> None:
    assert types(tagger, title) == set()


# --- not knowing or saying whether a measure or pact stands denies nothing of it ---------------

@pytest.mark.parametrize(("summary", "type_id"), [
    ("The envoy doesn't know if the 2019 cobalt pact with Zambia can be saved.", "agreement"),
    ("Jakarta would not say whether the nickel ore export ban will stay.", "export_control"),
])
def test_an_open_question_is_no_negation(tagger: Tagger, summary: str, type_id: str) -> None:
    assert type_id in types(tagger, "Metals trade news", summary)


@pytest.mark.parametrize("summary", [
    "Jakarta said it would not impose a nickel ore export ban.",
    "Chile is not sure it will sign a lithium agreement with Peru.",
])
def test_a_plain_negation_still_denies(tagger: Tagger, summary: str) -> None:
    assert types(tagger, "Metals trade news", summary) == set()


# --- a state ordering output changes, or deciding to cut its own ---------------------------------

@pytest.mark.parametrize("summary", [
    "Beijing told its rare earth smelters to cut output by a fifth this winter.",
    "Kinshasa asked cobalt producers to raise production before the quota starts.",
    "Jakarta will temporarily slash nickel ore output this quarter.",
])
def test_a_state_steering_output_is_a_production_control(tagger: Tagger, summary: str) -> None:
    assert "production_control" in types(tagger, "Metals trade news", summary)


@pytest.mark.parametrize(("title", "summary"), [
    ("Copper miner to cut output at its Chilean mine", ""),
    ("Metals trade news", "The Zambian miner said it will cut production costs at its copper mines."),
    ("Metals trade news", "Codelco will trim its copper output forecast for the year."),
    ("Metals trade news", "Campaigners urged the smelter to halt production after the accident."),
])
def test_company_cuts_forecasts_and_pleas_stay_silent(tagger: Tagger, title: str, summary: str) -> None:
    assert "production_control" not in types(tagger, title, summary)


# --- a government that plans new measures has announced them; one readying money proposes it -----

@pytest.mark.parametrize(("title", "summary", "type_id", "status"), [
    ("Japan plans new export curbs on chip-grade gallium", "", "export_control", "announced"),
    ("Metals trade news", "The EU plans more sanctions on Russian aluminium.", "sanction", "announced"),
    ("Metals trade news", "Ottawa is readying a $2 billion fund to subsidise nickel refining.",
     "investment", "proposed"),
])
def test_plans_for_new_measures_and_money_readied(
        tagger: Tagger, title: str, summary: str, type_id: str, status: str) -> None:
    assert status_of(tagger, title, summary, type_id) == [status]


def test_a_plan_to_act_is_still_proposed(tagger: Tagger) -> None:
    assert status_of(tagger, "Japan plans to impose export curbs on gallium", "",
                     "export_control") == ["proposed"]


# --- a UN summit is one only states hold -----------------------------------------------------------

@pytest.mark.parametrize("summary", [
    "Experts spoke on the eve of a crucial UN summit on ocean mining and cobalt.",
    "Delegates gather in Nairobi for the U.N. environment summit on mineral waste.",
])
def test_a_un_summit_needs_no_country(tagger: Tagger, summary: str) -> None:
    assert "summit" in types(tagger, "Metals trade news", summary)


@pytest.mark.parametrize(("title", "summary"), [
    ("International Lithium Summit opens in Perth", ""),
    ("Metals trade news", "Miners met at a lithium industry summit in Perth."),
])
def test_business_summits_stay_silent(tagger: Tagger, title: str, summary: str) -> None:
    assert "summit" not in types(tagger, title, summary)


# --- a preliminary trade-remedy duty tells of the case that set it ---------------------------------

@pytest.mark.parametrize("summary", [
    "Ottawa set a provisional anti-dumping duty of 40% on Chinese silicon metal.",
    "Brussels announced preliminary countervailing duties on Indonesian nickel pig iron.",
])
def test_a_preliminary_duty_is_a_tariff_and_an_open_case(tagger: Tagger, summary: str) -> None:
    assert {"tariff", "investigation"} <= types(tagger, "Metals trade news", summary)


def test_a_preliminary_profit_margin_stays_silent(tagger: Tagger) -> None:
    summary = "The miner posted a preliminary profit margin of 12% on copper sales."
    assert types(tagger, "Metals trade news", summary) == set()


# --- a minerals plan governments back or endorse -------------------------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Metals trade news", "Canberra and Tokyo endorsed a plan to secure supplies of rare earths."),
])
def test_a_minerals_plan_governments_back_is_a_strategy(
        tagger: Tagger, title: str, summary: str) -> None:
    assert "strategy" in types(tagger, title, summary)


def test_a_minerals_plan_a_group_of_governments_backs_is_their_agreement(tagger: Tagger) -> None:
    got = types(tagger, "ASEAN ministers back a ten-point plan on critical minerals", "")
    assert "agreement" in got and "strategy" not in got


@pytest.mark.parametrize(("title", "summary"), [
    ("Rio Tinto shareholders back plan for lithium expansion", ""),
    ("Metals trade news", "The miner's board approved a plan to expand nickel mining in Sulawesi."),
])
def test_a_company_plan_backed_by_its_owners_stays_silent(
        tagger: Tagger, title: str, summary: str) -> None:
    assert types(tagger, title, summary) == set()
