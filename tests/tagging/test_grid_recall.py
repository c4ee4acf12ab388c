"""Grids of plain sentences for each event type: the same act said with another verb, voice or
noun must make the same event, and its look-alikes (a company's act, a market move, another sense
of the word) none."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

WEDNESDAY = date(2024, 12, 4)


def _types(tagger: Tagger, text: str) -> list[str]:
    """A sentence is a summary; a title-case line without a full stop is a headline."""
    headline = not text.endswith(".")
    result = tagger.tag(text, "", WEDNESDAY) if headline else tagger.tag("Update", text, WEDNESDAY)
    return sorted({e.type for e in result.events})


@pytest.mark.parametrize("text", [
    "The US on Tuesday levied a 25% charge on imported Chinese graphite.",
    "The US on Tuesday imposed a levy on Chinese graphite imports.",
    "Washington raised the levy on Chinese graphite to 50% on Tuesday.",
    "The US on Tuesday put a 25% import tax on Chinese graphite.",
    "US Imposes Levy On Chinese Graphite",
])
def test_a_levy_charge_or_import_tax_on_goods_is_a_tariff(tagger: Tagger, text: str) -> None:
    assert _types(tagger, text) == ["tariff"]


@pytest.mark.parametrize("text", [
    "The miner levied a fee on trucks using its lithium road.",
    "Zimbabwe imposed a levy on lithium miners' profits on Tuesday.",
    "The regulator imposed a charge on Glencore over a cobalt spill on Tuesday.",
])
def test_levies_on_firms_or_profits_are_no_tariff(tagger: Tagger, text: str) -> None:
    assert "tariff" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Chinese graphite is being dumped, the US Commerce Department found on Tuesday.",
    "The US on Tuesday said it would look into whether Chinese graphite is sold below cost.",
    "The Commerce Department found that Chinese graphite was sold at less than fair value.",
    "An investigation into Chinese graphite was opened by the Commission on Tuesday.",
    "The US International Trade Commission on Tuesday voted that Chinese graphite imports injure US producers.",
])
def test_a_finding_an_inquiry_or_an_opened_probe_is_an_investigation(tagger: Tagger, text: str) -> None:
    assert _types(tagger, text) == ["investigation"]


@pytest.mark.parametrize("text", [
    "Chinese graphite is being dumped on the market as demand falls, traders said.",
    "Police are investigating a theft of cobalt at a warehouse in Rotterdam.",
    "Glencore found that cobalt output fell 20% in the quarter.",
])
def test_market_talk_and_police_work_are_no_investigation(tagger: Tagger, text: str) -> None:
    assert "investigation" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Chile said on Tuesday the state would hold a majority in new lithium contracts.",
    "Bolivia on Tuesday seized a lithium plant.",
    "Mining of rare earths will be restricted to state firms, China said on Tuesday.",
])
def test_state_majorities_volume_controls_seizures_and_reserved_mining_are_production_control(
        tagger: Tagger, text: str) -> None:
    assert "production_control" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Glencore cut cobalt output by 10% as prices fell.",
    "Albemarle Sells Stake In Chilean Lithium Mine",
])
def test_a_company_cutting_output_or_selling_a_stake_controls_no_production(tagger: Tagger, text: str) -> None:
    assert "production_control" not in _types(tagger, text)


def test_a_forced_sale_of_stakes_is_a_sanction(tagger: Tagger) -> None:
    # forced divestment is a sanction (the labels' convention: dev-042)
    assert _types(tagger, "Canada Orders Chinese Firms To Sell Lithium Stakes") == ["sanction"]


@pytest.mark.parametrize("text", [
    "The Pentagon on Tuesday gave $90 million to a rare earths processor.",
    "Australia will provide A$1.2 billion for a critical minerals stockpile, the government said.",
])
def test_a_sum_given_for_a_use_or_a_minerals_stockpile_is_an_investment(tagger: Tagger, text: str) -> None:
    assert _types(tagger, text) == ["investment"]


def test_a_company_giving_money_is_no_state_investment(tagger: Tagger) -> None:
    assert "investment" not in _types(tagger, "Glencore gave $90 million to its cobalt unit on Tuesday.")


@pytest.mark.parametrize("text", [
    "Brussels proposed on Thursday that a tenth of the bloc's lithium needs be mined in the EU by 2030.",
    "The Commission wants 40% of the bloc's processed lithium to come from the EU by 2030.",
    "The EU set a target of refining 40% of its lithium at home by 2030.",
])
def test_a_share_of_supply_by_a_year_is_a_strategy(tagger: Tagger, text: str) -> None:
    assert _types(tagger, text) == ["strategy"]


@pytest.mark.parametrize("text", [
    "Lithium prices will hit $20,000 a ton by 2030, analysts said.",
    "Albemarle set a target of producing 40% more lithium by 2030.",
])
def test_forecasts_and_company_targets_are_no_strategy(tagger: Tagger, text: str) -> None:
    assert "strategy" not in _types(tagger, text)
