"""Recall of acts told with a verb or noun the triggers lacked: an inquiry begun or kicked off,
or one into subsidies or dumping; curbs on investment into a named country (the sanction
family's investment restrictions); a state seizing a firm's units or stakes, or putting them
under temporary or state management; deposits or reserves handed over to the state; a royalty
imposed, slapped or charged; the re-negotiation of a pact as talks. Each with twins that must
stay silent.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- an inquiry begun, kicked off, or into subsidies and dumping ---------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Brussels begins probe into Chinese battery subsidies", ""),
    ("Canada kicks off inquiry into cheap aluminium extrusions", ""),
    ("Seoul's trade commission began an investigation last month into dumped graphite anodes", ""),
    ("Beijing weighs response",
     "The premier spoke after the European Union began an investigation into electric bus subsidies."),
    ("India opens an inquiry into subsidised copper tubes", ""),
])
def test_an_inquiry_begun_or_into_subsidies_is_an_investigation(tagger: Tagger, title: str, summary: str) -> None:
    assert "investigation" in types(tagger, title, summary)


@pytest.mark.parametrize("title", [
    "Police begin investigation into stadium crush",
    "Club kicks off inquiry into coach's conduct",
    "Reporters began an investigation into the senator's donors",
])
def test_other_inquiries_stay_silent(tagger: Tagger, title: str) -> None:
    assert "investigation" not in types(tagger, title)


# --- curbs on investment into a named country: sanctions ------------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("White House order restricts US investment in Chinese quantum firms", ""),
    ("Washington widens curbs on investment into China's chip sector", ""),
    ("What the Treasury's crackdown on Chinese investment means for funds", ""),
    ("Treasury finalises outbound investment rules", "The rules take effect on Jan. 2."),
])
def test_curbs_on_investment_into_a_country_are_a_sanction(tagger: Tagger, title: str, summary: str) -> None:
    assert "sanction" in types(tagger, title, summary)


@pytest.mark.parametrize(("title", "summary"), [
    ("Higher rates curb investment in housing, central bank says", ""),
    ("Fund managers limit investment in new bonds as yields jump", ""),
    ("Miners restrict investment in exploration as prices fall", ""),
])
def test_investment_slowed_by_markets_is_no_sanction(tagger: Tagger, title: str, summary: str) -> None:
    assert "sanction" not in types(tagger, title, summary)


# --- seizures of a firm's units or stakes; temporary or state management -------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Moscow seizes local subsidiaries of two Western brewers", ""),
    ("Kremlin decree puts a Finnish utility's assets under temporary management", ""),
    ("Niger's junta seizes stakes in uranium miner", ""),
])
def test_a_state_seizing_units_or_managing_them_is_a_takeover(tagger: Tagger, title: str, summary: str) -> None:
    assert "production_control" in types(tagger, title, summary)


@pytest.mark.parametrize("title", [
    "Activist fund seizes on weak results to demand board seats",
    "Investors seize the moment as shares rally",
    "Chipmaker's new chief seizes control of the agenda",
])
def test_seizing_a_moment_is_no_takeover(tagger: Tagger, title: str) -> None:
    assert "production_control" not in types(tagger, title)


# --- deposits handed over to the state -------------------------------------------------------

@pytest.mark.parametrize("title", [
    "President signs decree handing lithium reserves to state",
    "New law transfers all copper deposits over to the state",
])
def test_deposits_handed_to_the_state_are_nationalised(tagger: Tagger, title: str) -> None:
    assert "production_control" in types(tagger, title)


def test_a_deposit_handed_to_a_state_company_stays_a_deal_or_nationalisation(tagger: Tagger) -> None:
    # handed to "the state of Nevada" is a place, not the state taking it
    assert "production_control" not in types(tagger, "Miner hands mines to the state of Nevada's college")


# --- a royalty imposed, slapped, charged ------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Harare slaps 7% royalty on lithium concentrate sales",
    "Ministry will impose a new royalty on cobalt output from July",
])
def test_a_royalty_imposed_is_the_royalty_regime(tagger: Tagger, title: str) -> None:
    assert "strategy" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Record label charges royalties on streams of old hits",
    "Songwriter sues label over unpaid royalties",
])
def test_royalties_of_music_are_no_act(tagger: Tagger, title: str) -> None:
    assert not types(tagger, title)


# --- the re-negotiation of a pact as talks --------------------------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Kinshasa presses Beijing on mining deal",
     "Congo and China aim to conclude the re-negotiation of their minerals-for-roads contract."),
    ("Mexico seeks renegotiation of the trade agreement with Washington", ""),
])
def test_the_renegotiation_of_a_pact_is_talks(tagger: Tagger, title: str, summary: str) -> None:
    assert "talks" in types(tagger, title, summary)


@pytest.mark.parametrize("title", [
    "Union demands renegotiation of the pay deal at the car plant",
    "Drugmakers sue over Medicare price negotiation of their contracts",
])
def test_the_renegotiation_of_home_deals_is_no_trade_talks(tagger: Tagger, title: str) -> None:
    assert "talks" not in types(tagger, title)


# --- a minister named without a title on a trip abroad is talks --------------------------------

@pytest.mark.parametrize("title", [
    "Yellen heads to Beijing as chip curbs bite",
    "Blinken visits Jakarta to discuss nickel",
    "Antony Blinken begins China visit put off by balloon row",
    "Wang Yi arrives in Canberra for first trip in years",
])
def test_a_named_minister_abroad_holds_talks(tagger: Tagger, title: str) -> None:
    got = types(tagger, title)
    assert "talks" in got and "summit" not in got


@pytest.mark.parametrize("title", [
    "Yellen visits Detroit battery plant",
    "Raimondo heads to Ohio to tout chips law",
    "Blinken's trip to the border region",
])
def test_a_named_minister_at_home_holds_no_talks(tagger: Tagger, title: str) -> None:
    assert "talks" not in types(tagger, title)


def test_a_meeting_of_two_named_heads_stays_a_summit(tagger: Tagger) -> None:
    # a minister named before it does not make the heads' meeting talks
    got = {(e.type, e.subtype) for e in tagger.tag(
        "Bessent says Modi-Albanese meeting will go ahead", "", PUB).events}
    assert ("summit", "leaders_meeting") in got and ("talks", "ministerial") not in got


def test_one_ministers_list_feeds_the_trip_trigger_and_the_titles() -> None:
    """`{ministers}` expands to event_types.toml's list, which meetings.py reads as titles."""
    from ingest.tagging.meetings import people, titles
    from ingest.tagging.taxonomy import default_taxonomy

    patterns = [t.pattern for et in default_taxonomy().event_types for t in et.triggers]
    assert any("blinken" in p for p in patterns)
    assert not any("{ministers}" in p for p in patterns)
    assert "blinken" in people("ministers") and "xi jinping" in people("leaders")
    heads, ministers = titles()
    assert ministers.search("then blinken said") and heads.search("a trump-xi meeting")
