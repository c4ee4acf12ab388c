"""Recall on state money, minerals pacts and rules as 2023-25 feeds say them: projects picked
as strategic, a company that receives a state grant or loan, a state lender's letter of
interest, a support package, money a legislature approves for a stockpile, a state handing a
project to a company, recycling targets; each with look-alikes (company deals, analyst notes,
company goals, private lenders) that must stay silent.

Own-words headlines and sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- projects chosen as strategic, by any verb of choosing, or given the status --------------

@pytest.mark.parametrize(("title", "summary"), [
    ("EU picks 47 strategic raw materials projects for fast-track support", ""),
    ("Commission chooses 60 strategic projects for critical raw materials",
     "The list includes lithium mines in Portugal."),
    ("Swedish graphite mine wins EU strategic project status", ""),
    ("Brussels shortlists 13 strategic projects abroad",
     "Lithium and graphite mines in Canada and Brazil are among them."),
])
def test_projects_picked_as_strategic_are_state_support(
        tagger: Tagger, title: str, summary: str) -> None:
    assert "investment" in types(tagger, title, summary)


def test_a_project_only_likely_to_win_the_status_is_no_act(tagger: Tagger) -> None:
    assert not types(tagger, "Analysts pick the lithium projects most likely to win EU strategic status")


# --- a company that receives state money is its recipient, not the investor ------------------

@pytest.mark.parametrize("title", [
    "Graphite miner receives $150 million DOE grant",
    "Graphite miner wins $150 million Pentagon grant",
    "Lithium developer secures $2 billion DOE loan",
    "Talon Metals awarded $20.6 million Defense Department grant for nickel exploration",
    "Graphite miner receives $600 million EXIM letter of interest",
    "US Ex-Im Bank approves $900 million loan for Serbian lithium mine",
    "Australia's Critical Minerals Facility lends A$185 million to Iluka rare earths refinery",
])
def test_a_company_receiving_state_money_reports_state_investment(tagger: Tagger, title: str) -> None:
    assert "investment" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Australian miner secures $50 million loan from Macquarie for lithium project",
    "Chinese lithium miner gets $100 million loan from Bank of China",
    "Copper miner receives $500 million investment from Glencore",
    "Rare earths miner wins $30 million investment from private equity firm",
    "Miner secures letter of interest from commercial banks for lithium project",
    "Lithium miner plans to invest $200 million after winning state approval",
])
def test_private_money_received_is_no_state_investment(tagger: Tagger, title: str) -> None:
    assert "investment" not in types(tagger, title)


# --- help told as a package; money a legislature approves; a stockpile's funding -------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Western Australia unveils A$150 million support package for nickel miners", ""),
    ("US raises cobalt stockpile funding",
     "Congress on Tuesday approved $50 million for the Pentagon to buy cobalt."),
])
def test_a_package_or_approved_money_is_state_investment(
        tagger: Tagger, title: str, summary: str) -> None:
    assert "investment" in types(tagger, title, summary)


@pytest.mark.parametrize("title", [
    "Lithium miner unveils A$150 million funding package for its refinery",
    "Nickel producer agrees rescue package with lenders",
    "Shareholders approved $50 million for the lithium miner's buyback",
    "Board approves $300 million for nickel smelter upgrade",
    "Glencore raises cobalt stockpile as prices slump",
])
def test_a_company_package_or_budget_is_no_state_investment(tagger: Tagger, title: str) -> None:
    assert "investment" not in types(tagger, title)


# --- a state handing a project to a company is a deal it is party to --------------------------

@pytest.mark.parametrize("title", [
    "Bolivia hands $1 billion lithium project to CATL-led consortium",
    "Bolivia picks Russian and Chinese firms to develop lithium deposits",
])
def test_a_state_handing_a_project_to_a_company_is_an_agreement(tagger: Tagger, title: str) -> None:
    assert "agreement" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Albemarle hands lithium project to joint venture partner",
    "CATL picks Chinese firms to build Bolivian lithium plants",
    "Sibanye picks contractors for Finnish lithium refinery",
    "Piedmont hands over stake in Ghana lithium project to Atlantic",
])
def test_a_company_handing_or_picking_is_no_agreement(tagger: Tagger, title: str) -> None:
    assert "agreement" not in types(tagger, title)


# --- recycling targets a government sets are rules -------------------------------------------

def test_recycling_targets_set_by_a_government_are_a_strategy(tagger: Tagger) -> None:
    assert "strategy" in types(tagger, "EU sets lithium recycling targets",
                               "The EU on Monday set targets for recycled lithium in new batteries from 2031.")


@pytest.mark.parametrize("title", [
    "Umicore sets recycling targets for battery metals",
    "Battery recyclers miss their own recycling targets for lithium",
])
def test_a_company_goal_or_a_complaint_about_targets_is_no_strategy(tagger: Tagger, title: str) -> None:
    assert "strategy" not in types(tagger, title)


# --- two states easing tariffs together have a pact -------------------------------------------

@pytest.mark.parametrize("title", [
    "US and China slash tariffs for 90 days after Geneva talks",
    "The US and China will cut their extra tariffs on each other's goods from May 14",
    "Copper rises as US and China ease tariffs",
])
def test_two_states_easing_tariffs_together_is_an_agreement(tagger: Tagger, title: str) -> None:
    assert "agreement" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Glencore and Trafigura cut copper output as tariffs bite",
    "Ford and GM cut prices as tariffs on steel ease",
    "Chile and Peru cut copper output",
    "China cuts tariffs on US goods and lifts rare earth curbs",
])
def test_one_state_or_two_companies_easing_is_no_agreement(tagger: Tagger, title: str) -> None:
    assert "agreement" not in types(tagger, title)


# --- a sum received from a state body; a rule that producers process at home -----------------

@pytest.mark.parametrize("title", [
    "Perpetua Resources gets $6.9 million from Pentagon for antimony project",
    "Copper miner wins $20 million in funding from Department of Energy",
])
def test_a_sum_received_from_a_state_body_is_state_investment(tagger: Tagger, title: str) -> None:
    assert "investment" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Lithium miner raises $50 million from private equity fund",
    "Miner says it needs $500 million from government to restart nickel smelter",
])
def test_money_raised_privately_or_only_needed_is_no_state_investment(tagger: Tagger, title: str) -> None:
    assert "investment" not in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Indonesia to require nickel smelters to build in-country refineries",
    "Ghana orders lithium miners to refine ore locally",
])
def test_producers_required_to_process_at_home_is_a_production_control(tagger: Tagger, title: str) -> None:
    assert "production_control" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Investors urge miners to build refineries at home",
    "Glencore requires suppliers to build cleaner cobalt refineries",
    "Analysts expect Jakarta to force nickel producers to build more smelters",
])
def test_a_call_a_company_rule_or_a_forecast_is_no_production_control(tagger: Tagger, title: str) -> None:
    assert "production_control" not in types(tagger, title)


def test_processing_at_home_beside_an_export_ban_is_the_bans_aim(tagger: Tagger) -> None:
    found = types(tagger, "Nigeria to ban raw lithium ore exports",
                  "The ministry said it will ban exports of raw lithium ore from June 1, requiring "
                  "miners to process ore into concentrate locally.")
    assert "export_control" in found
    assert "production_control" not in found


# --- a plan named by its aim of cutting dependence --------------------------------------------

@pytest.mark.parametrize("title", [
    "Brussels unveils RESourceEU, a 3 billion euro plan to cut reliance on Chinese rare earths",
    "Japan's package to reduce dependence on Chinese rare earths wins cabinet approval",
])
def test_a_states_plan_to_cut_dependence_is_a_strategy(tagger: Tagger, title: str) -> None:
    assert "strategy" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Tesla unveils plan to cut reliance on Chinese graphite",
    "Automakers' plan to cut dependence on Chinese lithium falters, analysts say",
])
def test_a_companys_plan_to_cut_dependence_is_no_strategy(tagger: Tagger, title: str) -> None:
    assert "strategy" not in types(tagger, title)


def test_states_that_plan_as_a_verb_name_no_plan_noun(tagger: Tagger) -> None:
    assert "strategy" not in types(tagger, "Japan, US plan to cut reliance on China for rare earths")


# --- a state body's deal with a company is state money ----------------------------------------

@pytest.mark.parametrize("title", [
    "Pentagon's agreement with Vulcan Elements boosts rare earth magnet supply",
    "MP Materials soars on $400 million Pentagon partnership with rare earths producer",
])
def test_a_funding_bodys_deal_with_a_company_is_state_investment(tagger: Tagger, title: str) -> None:
    assert "investment" in types(tagger, title)


def test_a_company_deal_with_a_company_is_no_state_investment(tagger: Tagger) -> None:
    assert not types(tagger, "Rare earth miner MP Materials signs magnet supply deal with Apple")


@pytest.mark.parametrize(("title", "wanted"), [
    ("Xi and Trump agree one-year pause on rare earth controls in Busan", True),
    ("US and China agree 90-day tariff pause", True),
    ("Glencore and unions agree pause in strike at cobalt mine", False),
])
def test_a_pause_agreed_without_a_preposition_is_a_truce_between_states(
        tagger: Tagger, title: str, wanted: bool) -> None:
    assert ("agreement" in types(tagger, title)) is wanted


def test_royalty_relief_is_state_money(tagger: Tagger) -> None:
    assert "investment" in types(tagger, "Western Australia offers lithium miners royalty relief")


@pytest.mark.parametrize("title", [
    "Miners call for royalty relief as lithium prices slump",
    "Franco-Nevada buys royalty on copper mine",
])
def test_royalty_relief_only_asked_for_or_a_royalty_bought_is_no_investment(tagger: Tagger, title: str) -> None:
    assert "investment" not in types(tagger, title)


# --- a foreign-investment screener is a state body --------------------------------------------

def test_a_screener_blocking_a_stake_acts_for_its_state(tagger: Tagger) -> None:
    assert "sanction" in types(tagger, "CFIUS blocks Chinese stake in lithium merger")


@pytest.mark.parametrize("title", [
    "CFIUS clears Chinese stake in lithium merger",
    "Investors fear CFIUS review of lithium takeover",
])
def test_a_stake_cleared_or_a_review_feared_is_no_block(tagger: Tagger, title: str) -> None:
    assert "sanction" not in types(tagger, title)
