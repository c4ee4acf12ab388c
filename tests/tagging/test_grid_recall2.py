"""More grids of plain sentences and title-case headlines: an act said with another verb, voice
or word order makes the same event (a destination between a headline's goods and participle,
talks said with "negotiate" or "discuss", leaders who meet), and its look-alikes (a utility's
tariff, an analyst's expectation, buyers who stop buying) none."""

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


@pytest.mark.parametrize(("text", "type_id"), [
    ("China: Germanium Shipments To US Banned", "export_control"),
    ("UK: Nickel Imports From Russia Banned", "import_restriction"),
    ("Rare Earth Exports To Japan Restricted By Beijing", "export_control"),
])
def test_a_destination_or_origin_may_stand_between_a_headlines_goods_and_participle(
        tagger: Tagger, text: str, type_id: str) -> None:
    assert _types(tagger, text) == [type_id]


@pytest.mark.parametrize("text", [
    "Zambia Raises Power Tariffs For Mines",
    "Zambia raised power tariffs for mines on Tuesday.",
    "The regulator cut water tariffs for mining companies on Tuesday.",
    "Grid tariffs for aluminium smelters will rise next year, the utility said.",
])
def test_a_utilitys_price_is_no_tariff_even_when_the_verb_starts_the_trigger(tagger: Tagger, text: str) -> None:
    assert "tariff" not in _types(tagger, text)


@pytest.mark.parametrize(("text", "type_id"), [
    ("Analysts expect China to restrict graphite exports further, a report said.", "export_control"),
    ("Traders expect Beijing to tighten rare earth export curbs, a survey showed.", "export_control"),
    ("Analysts Expect China To Restrict Graphite Exports", "export_control"),
    ("Importers of Chinese graphite stopped buying as prices rose.", "import_restriction"),
    ("Buyers halted purchases of Russian nickel as prices fell, traders said.", "import_restriction"),
])
def test_a_measure_the_market_expects_or_buyers_who_stop_buying_are_no_act(
        tagger: Tagger, text: str, type_id: str) -> None:
    assert type_id not in _types(tagger, text)


@pytest.mark.parametrize(("text", "type_id"), [
    ("The US ordered importers to stop buying Russian nickel on Tuesday.", "import_restriction"),
    ("Analysts expect China's export ban on gallium to hurt supply.", "export_control"),
])
def test_a_state_ordering_buyers_or_a_ban_analysts_judge_is_still_an_act(
        tagger: Tagger, text: str, type_id: str) -> None:
    assert type_id in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "US, Indonesia Negotiating Critical Minerals Deal",
    "A critical minerals deal was being negotiated by the US and Indonesia, officials said on Tuesday.",
    "The US and Indonesia are negotiating a critical minerals agreement, officials said.",
    "US And Japan Negotiate Critical Minerals Pact",
])
def test_a_deal_negotiated_in_either_voice_is_talks(tagger: Tagger, text: str) -> None:
    assert "talks" in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Union leaders and the miner negotiated a wage deal on Tuesday.",
    "Stellantis warns it may close a plant in Britain if the Brexit deal is not renegotiated.",
])
def test_a_wage_deal_or_a_deal_not_renegotiated_is_no_talks(tagger: Tagger, text: str) -> None:
    assert "talks" not in _types(tagger, text)


def test_a_negation_after_be_denies_a_passive_frame(tagger: Tagger) -> None:
    assert "export_control" not in _types(tagger, "Shipments of graphite to the US were not restricted, MOFCOM said.")


@pytest.mark.parametrize("text", [
    "The US and China discussed rare earth export controls in London on Tuesday.",
    "Japanese and US officials discussed lithium supply on Tuesday.",
    "US, China Discuss Rare Earth Export Controls",
    "Australia and India discussed critical minerals cooperation on Tuesday.",
])
def test_two_governments_discussing_is_talks(tagger: Tagger, text: str) -> None:
    assert _types(tagger, text) == ["talks"]


@pytest.mark.parametrize("text", [
    "Analysts discussed rare earth export controls at a conference on Tuesday.",
    "Tesla and Albemarle discussed a lithium supply deal, sources said.",
    "China discussed its rare earth export controls at a news conference on Tuesday.",
    "Leave and remain campaigners in Britain met to discuss lithium supply on Tuesday.",
])
def test_one_party_companies_or_campaigners_discussing_is_no_talks(tagger: Tagger, text: str) -> None:
    assert "talks" not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Trump, Xi Meet As Rare Earth Curbs Loom",
    "Modi, Albanese Meet To Discuss Critical Minerals",
])
def test_two_leaders_named_with_a_comma_who_meet_are_a_summit(tagger: Tagger, text: str) -> None:
    assert "summit" in _types(tagger, text)


def test_fans_of_a_leader_meeting_are_no_summit(tagger: Tagger) -> None:
    assert "summit" not in _types(tagger, "Fans of Trump met in Texas on Tuesday.")
