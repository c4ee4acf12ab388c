"""Recall of acts told in everyday headline verbs: leaders who hold or have a call; powers
invoked to raise a state's own output; goods put on a permit list; minerals handed or
transferred to the state; a bid blocked after a four-word owner and sum. Each with twins that
must stay silent.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- a call held, had or holding ------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Modi, Albanese hold 40-minute call on lithium supply",
    "Lula and Xi held a rare call about niobium trade",
    "Macron had a long call with Ramaphosa over platinum exports",
])
def test_leaders_holding_a_call_are_talks(tagger: Tagger, title: str) -> None:
    assert "talks" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Glencore held an earnings call on cobalt prices",
    "Copper miner holds investor call after output slump",
    "Zambia holds calls for tenders on copper blocks",
    "Police had to call in experts after a lithium battery fire",
])
def test_company_calls_and_other_calls_are_no_talks(tagger: Tagger, title: str) -> None:
    assert "talks" not in types(tagger, title)


# --- powers invoked to raise the state's own output -----------------------------------------

@pytest.mark.parametrize("title", [
    "President invokes emergency powers to expand nickel and cobalt mining",
    "Washington invoked the Defense Production Act to speed up rare earth processing",
])
def test_powers_invoked_to_raise_output_are_a_strategy(tagger: Tagger, title: str) -> None:
    assert "strategy" in types(tagger, title)


def test_powers_invoked_for_a_tariff_are_only_the_tariff(tagger: Tagger) -> None:
    assert types(tagger, "White House invokes emergency powers to put a 25% tariff on copper") == {"tariff"}


# --- goods put on a permit list -------------------------------------------------------------

def test_goods_put_on_a_permit_list_are_an_export_licence(tagger: Tagger) -> None:
    events = tagger.tag("Antimony lands on Beijing's permit list", "", PUB).events
    assert [(e.type, e.subtype, e.actor) for e in events] == [("export_control", "licensing", "CN")]


def test_a_work_permit_list_is_no_export_control(tagger: Tagger) -> None:
    assert "export_control" not in types(tagger, "Chile expands work permit list for lithium mine staff")


# --- minerals handed or transferred to the state --------------------------------------------

@pytest.mark.parametrize("title", [
    "Bolivia's president signs decree handing lithium to the state",
    "Zimbabwe transfers control of lithium to the state",
])
def test_minerals_handed_to_the_state_are_a_nationalisation(tagger: Tagger, title: str) -> None:
    events = tagger.tag(title, "", PUB).events
    assert [(e.type, e.subtype) for e in events] == [("production_control", "nationalisation")]


@pytest.mark.parametrize("title", [
    "Governor hands the lithium fraud case to the state prosecutor",
    "Miner transfers its cobalt stake to the state-owned fund",
])
def test_a_case_handed_to_state_officials_is_no_nationalisation(tagger: Tagger, title: str) -> None:
    assert "production_control" not in types(tagger, title)


# --- a bid blocked with its owner and sum between -------------------------------------------

def test_a_bid_blocked_after_its_owner_and_sum_is_a_divestment(tagger: Tagger) -> None:
    events = tagger.tag("Canberra blocks Sinosteel's $1.2 billion bid for a lithium miner", "", PUB).events
    assert [(e.type, e.subtype, e.actor) for e in events] == [("sanction", "divestment", "AU")]


def test_a_bid_a_company_drops_is_no_divestment(tagger: Tagger) -> None:
    assert "sanction" not in types(tagger, "Albemarle drops its $4.2 billion bid for Liontown")


# --- discussing with another side after the verb --------------------------------------------

@pytest.mark.parametrize("title", [
    "Chile's mining minister will discuss copper exports with her Chinese counterpart",
    "Canberra to discuss rare earth supply with Japan next month",
    "Lula to discuss niobium trade with Macron in Paris",
])
def test_discussing_with_another_state_is_talks(tagger: Tagger, title: str) -> None:
    assert "talks" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Beijing discussed the antimony rules with Chinese companies",
    "Prime minister discusses lithium royalties with reporters",
    "Minister discusses the cobalt plan with students in Lubumbashi",
    "Albanese discusses critical minerals strategy",
])
def test_discussing_alone_or_with_firms_is_no_talks(tagger: Tagger, title: str) -> None:
    assert "talks" not in types(tagger, title)


# --- a Brexit deal is a pact of states whoever names it ------------------------------------

def test_a_brexit_deal_named_by_a_carmaker_is_an_agreement(tagger: Tagger) -> None:
    assert "agreement" in types(tagger, "Carmaker warns of plant closure unless the Brexit deal is reworked")


def test_a_carmakers_supply_deal_is_no_agreement(tagger: Tagger) -> None:
    assert "agreement" not in types(tagger, "Carmaker warns of plant closure unless its lithium deal is reworked")


# --- "feds" is the federal government -------------------------------------------------------

def test_the_feds_funding_minerals_is_a_state_investment(tagger: Tagger) -> None:
    result = tagger.tag("Feds put $200 million into graphite processing", "Ottawa's natural resources minister "
                        "announced the money on Tuesday.", PUB)
    assert "investment" in {e.type for e in result.events} and result.relevant


def test_a_company_funding_minerals_is_no_state_investment(tagger: Tagger) -> None:
    assert "investment" not in types(tagger, "Miner puts $200 million into graphite processing")


# --- a head "in" another state's capital, in a headline -------------------------------------

@pytest.mark.parametrize("title", [
    "Lula in Beijing: Brazil and China sign niobium pact",
    "Fresh cobalt curbs as Tshisekedi in Washington",
])
def test_a_head_in_another_capital_is_a_visit(tagger: Tagger, title: str) -> None:
    assert "summit" in types(tagger, title)


@pytest.mark.parametrize(("title", "summary"), [
    ("Xi in Beijing vows rare earth self-reliance", ""),
    ("Lula in speech backs lithium refining at home", ""),
    ("Copper tariff threat clouds talks", "Trump questioned whether a planned call with Xi Jinping in "
     "Seoul would go ahead."),
])
def test_a_head_at_home_or_a_venue_in_the_body_is_no_visit(tagger: Tagger, title: str, summary: str) -> None:
    assert "summit" not in types(tagger, title, summary)
