"""Grids of the general forms that carry an act on real-news misses, written before the fix:
two states as the subject of "agreed to" any verb, a named instrument a state launches or signs
(a declaration, charter, compact, partnership), a state that lends or pledges a sum in words
("1 billion euros"), and a country's name as the owner of a curb on goods ("China graphite
curbs"); each with the close look-alikes that must stay no act (companies, analysts, a bill
that bans another country's goods)."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

THURSDAY = date(2024, 5, 2)


def _types(tagger: Tagger, text: str) -> list[str]:
    """A sentence is a summary; a line without a full stop is a headline."""
    headline = not text.endswith(".")
    result = tagger.tag(text, "", THURSDAY) if headline else tagger.tag("Update", text, THURSDAY)
    return sorted({e.type for e in result.events})


@pytest.mark.parametrize("text", [
    "Spain and Morocco agreed on Wednesday to reopen two customs posts for lithium trucks.",
    "Chile and Argentina agreed to harmonise their lithium rules.",
    "Japan and India have agreed to pool rare earth purchases.",
    "Canberra and Tokyo agreed to align their critical minerals rules.",
    "Chile, Peru and Bolivia agree to share lithium brine data",
])
def test_two_states_agreeing_to_any_act_make_an_agreement(tagger: Tagger, text: str) -> None:
    assert "agreement" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Glencore and Anglo American agreed to merge their copper units.",
    "Miners and traders agreed that lithium prices had bottomed.",
    "Analysts and bankers agreed to disagree on the copper outlook.",
    "Rio Tinto and Glencore agree to combine lithium assets",
])
def test_companies_or_pundits_agreeing_make_no_agreement(tagger: Tagger, text: str) -> None:
    assert "agreement" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Leaders adopted the Jakarta declaration on critical minerals on Wednesday.",
    "Japan and the Philippines launched a nickel partnership on Wednesday.",
    "Kenya and the UAE unveil a cobalt charter",
    "Ministers from Zambia and Congo signed a battery minerals declaration on Wednesday.",
])
def test_a_named_instrument_states_launch_or_sign_is_an_agreement(tagger: Tagger, text: str) -> None:
    assert "agreement" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Tesla and Glencore launched a nickel partnership on Wednesday.",
    "The miner filed its customs declaration for the copper cargo.",
    "Campaigners unveil a cobalt charter for artisanal miners",
])
def test_a_companys_partnership_or_a_customs_declaration_is_no_agreement(tagger: Tagger, text: str) -> None:
    assert "agreement" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Germany lends 1 billion euros to lithium refinery",
    "Berlin pledges 500 million euros for lithium projects",
    "Japan will lend 30 billion yen to a nickel smelter in Indonesia.",
    "Canada offers C$100 million in funding for graphite mine",
])
def test_a_state_lending_or_pledging_a_sum_in_words_is_an_investment(tagger: Tagger, text: str) -> None:
    assert "investment" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Glencore pledges 500 million euros for lithium projects",
    "Banks lend 1 billion euros to Glencore for copper purchases",
    "Glencore offers C$100 million for graphite miner",
])
def test_a_company_lending_or_pledging_is_no_state_investment(tagger: Tagger, text: str) -> None:
    assert "investment" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "South Korea calls emergency meeting on China graphite curbs",
    "Japan faces China gallium curbs",
    "Korean battery makers brace for China graphite controls",
    "Japan studies Beijing rare earth restrictions",
])
def test_a_country_named_before_goods_and_a_curb_owns_the_curb(tagger: Tagger, text: str) -> None:
    assert _types(tagger, text) == ["export_control"]


@pytest.mark.parametrize("text", [
    "Senate passes Russia uranium ban",
    "US bans Russian uranium imports",
    "EU weighs curbs on Russian aluminium",
])
def test_a_ban_on_a_countrys_goods_stays_an_import_measure(tagger: Tagger, text: str) -> None:
    assert "export_control" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Lithium miners cheer Ottawa's new funding",
    "Graphite developer taps Canberra's loans",
    "Nickel refiners line up for Tokyo’s subsidies",
    "The refinery will use state funding for its lithium plant.",
    "A government-backed loan for the nickel smelter was signed on Wednesday.",
    "Federal financing for two copper projects was approved on Wednesday.",
])
def test_a_states_money_named_as_a_noun_is_an_investment(tagger: Tagger, text: str) -> None:
    assert "investment" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Lithium miners cheer Glencore's new funding",
    "In Chile, Albemarle's loans for lithium projects grew.",
    "Congo miner Kamoto's new financing for cobalt",
    "State funding for universities was cut on Wednesday.",
    "Ministers launched a network to coordinate public financing for mineral projects.",
])
def test_a_companys_money_or_funding_for_no_asset_is_no_investment(tagger: Tagger, text: str) -> None:
    assert "investment" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Nickel jumps after Jakarta tightens ore quotas",
    "Indonesia cut nickel ore quotas for 2025 on Wednesday.",
])
def test_ore_quotas_a_state_sets_are_a_production_control(tagger: Tagger, text: str) -> None:
    assert "production_control" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Norway cuts cod quotas",
    "Congo cuts cobalt export quotas",
])
def test_fishing_or_export_quotas_are_no_production_control(tagger: Tagger, text: str) -> None:
    assert "production_control" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Vietnam approves rare earth master plan",
    "Indonesia unveils nickel downstreaming roadmap",
    "Congo's new cobalt policy rattles traders",
])
def test_a_states_plan_for_a_named_mineral_is_a_strategy(
        tagger: Tagger, text: str) -> None:
    assert "strategy" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Glencore names new critical minerals head",
    "Glencore approves copper expansion plan",
    "Glencore's new cobalt policy for artisanal suppliers",
])
def test_a_companys_plan_or_a_pundits_call_is_no_strategy(tagger: Tagger, text: str) -> None:
    assert "strategy" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "The Commerce Department on Tuesday broadened its restrictions on advanced semiconductors.",
    "Samsung shares fall on US curbs on chipmaking tools",
    "Washington widens controls on AI chips",
])
def test_a_states_curbs_on_chips_are_an_export_control(tagger: Tagger, text: str) -> None:
    assert "export_control" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Apple's supply chain curbs",
    "Samsung's chip curbs on overtime",
    "China widens restrictions on tech firms' data use",
    "Intel's restrictions on chip sales to retailers",
])
def test_a_companys_curbs_or_a_curb_on_tech_firms_is_no_export_control(tagger: Tagger, text: str) -> None:
    assert "export_control" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Having banned nickel ore exports in 2020, Indonesia now eyes bauxite.",
    "After banning raw lithium exports last year, Zimbabwe now taxes concentrates.",
    "Having restricted graphite exports in December, China now eyes more minerals",
])
def test_a_fronted_participle_whose_subject_is_a_state_is_the_states_act(tagger: Tagger, text: str) -> None:
    assert "export_control" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Having banned nickel ore exports in 2020, Indonesia's miners now eye bauxite.",
    "After halting cobalt exports for a month, Glencore resumed shipments.",
])
def test_a_fronted_participle_whose_subject_is_no_state_is_no_act(tagger: Tagger, text: str) -> None:
    assert "export_control" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "China's state reserve bought cobalt from local producers.",
    "Japan will buy cobalt for its national reserve",
    "Seoul buys rare earths for the state stockpile",
])
def test_metal_a_state_buys_for_its_reserve_is_a_stockpile(tagger: Tagger, text: str) -> None:
    assert "investment" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Chile's national lithium reserves are the world's largest",
    "Glencore buys cobalt for its own reserve",
    "The miner's copper reserves rose 5% last year.",
])
def test_geological_reserves_or_a_companys_stock_are_no_stockpile(tagger: Tagger, text: str) -> None:
    assert "investment" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "The Minerals Security Partnership adds India",
    "Minerals Security Partnership welcomes Estonia as new member",
    "The critical minerals alliance admitted Kenya on Wednesday.",
    "Australia signs on to the US-led minerals club",
])
def test_a_state_admitted_to_or_signing_on_to_a_states_partnership_is_an_agreement(
        tagger: Tagger, text: str) -> None:
    assert "agreement" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "The battery makers' alliance adds Chinese supplier CATL",
    "Glencore signs on to the industry's cobalt club",
    "The Minerals Security Partnership meets in Paris",
])
def test_a_company_admitted_or_a_partnership_only_meeting_is_no_new_agreement(
        tagger: Tagger, text: str) -> None:
    assert "agreement" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Zambia’s plan to dig its way out of debt with a copper revival",
    "Indonesia's push to build a battery industry draws Chinese money",
    "Chile's quest to dominate lithium faces a water problem",
    "The US's plan to cut reliance on Chinese rare earths",
])
def test_a_states_plan_to_grow_a_mineral_sector_is_a_strategy(tagger: Tagger, text: str) -> None:
    assert "strategy" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Glencore's plan to expand copper mining in Chile",
    "China's plan to retaliate against US tariffs",
    "Albemarle's push to build a lithium refinery in Chile",
])
def test_a_companys_plan_or_a_plan_on_no_minerals_is_no_strategy(tagger: Tagger, text: str) -> None:
    assert "strategy" not in _types(tagger, text)


def test_a_states_plan_named_as_what_another_act_is_part_of_is_no_strategy(tagger: Tagger) -> None:
    text = ("Indonesia stopped overseas sales of bauxite ore from Saturday, part of President Joko "
            "Widodo's drive to build alumina refining at home.")
    assert _types(tagger, text) == ["export_control"]


@pytest.mark.parametrize("text", [
    "Anode makers weigh Washington's new graphite duties",
    "The EU's new levies on Chinese electric cars take effect",
    "Smelters fret over Jakarta’s higher duties on nickel pig iron",
])
def test_a_states_duties_or_levies_named_by_their_owner_are_a_tariff(tagger: Tagger, text: str) -> None:
    assert "tariff" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "The minister's duties include overseeing copper mines",
    "Glencore's new levies on suppliers anger cobalt diggers",
])
def test_an_officials_or_a_companys_duties_are_no_tariff(tagger: Tagger, text: str) -> None:
    assert "tariff" not in _types(tagger, text)
