"""Recall of dated events on real news, 29th pass: meetings, pacts, disputes and bans that real
headlines name in wordings the rules missed, each with look-alikes that must stay silent.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday



def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- a meeting or pact only states hold, named so by its own words ----------------------------

@pytest.mark.parametrize(("title", "type_id"), [
    ("Seabed cobalt rules take centre stage at key international talks", "talks"),
    ("Why the ocean plastics treaty matters for nickel miners", "agreement"),
    ("Dairy farmers fear being traded away in a free trade agreement both sides want this year",
     "agreement"),
    ("Nuclear watchdog IAEA holds talks on uranium stocks", "talks"),
    ("Deep-Sea Nickel Rules Debated at International Talks", "talks"),
])
def test_a_meeting_or_pact_only_states_hold_needs_no_country(
        tagger: Tagger, title: str, type_id: str) -> None:
    assert type_id in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Lithium miner holds talks with its lenders over copper debt",
    "Cobalt trader signs supply agreement with a battery maker",
    "Copper producer in pay talks with its workers",
    "Glencore International signs an offtake agreement with a carmaker",
])
def test_company_talks_and_deals_stay_silent(tagger: Tagger, title: str) -> None:
    assert types(tagger, title) == set()


# --- a dispute under a trade pact ------------------------------------------------------------

@pytest.mark.parametrize("summary", [
    "Chile set up a dispute-settlement panel over Peru's quotas on copper wire under their pact.",
    "Japan asked for formal consultations with Korea over its limits on nickel imports.",
    "Brazil lodged a formal complaint against Argentina's duties on steel pipes.",
])
def test_a_trade_dispute_is_an_investigation(tagger: Tagger, summary: str) -> None:
    assert "investigation" in types(tagger, "Metals trade news", summary)


@pytest.mark.parametrize("summary", [
    "A lithium buyer filed a formal complaint against the miner over late cargoes.",
    "The copper smelter asked for consultations with its workers' union.",
    "The judges of a cobalt art contest sat on a panel in Lusaka.",
])
def test_company_complaints_and_panels_stay_silent(tagger: Tagger, summary: str) -> None:
    assert "investigation" not in types(tagger, "Metals trade news", summary)


def test_a_paused_complaint_is_suspended_and_the_tariffs_it_targets_still_apply(
        tagger: Tagger) -> None:
    ev = tagger.tag("Metals trade news", "Canberra is pausing its formal complaint against "
                    "China's tariffs on barley and copper.", PUB).events
    status = {e.type: e.status for e in ev}
    assert status["investigation"] == "suspended"
    assert status["tariff"] == "in_effect"


# --- a deal not reached, sought together, or being thrashed out ---------------------------------

def status_of(tagger: Tagger, title: str, summary: str, type_id: str) -> list[str]:
    return [e.status for e in tagger.tag(title, summary, PUB).events if e.type == type_id]


@pytest.mark.parametrize("summary", [
    "Canada and the EU failed to agree on how to scrap aluminium duties before the deadline.",
    "India and the UK have yet to agree on rules for steel in their trade talks.",
])
def test_a_deal_not_reached_is_a_proposed_agreement(tagger: Tagger, summary: str) -> None:
    assert status_of(tagger, "Metals trade news", summary, "agreement") == ["proposed"]


def test_failing_to_agree_to_meet_is_no_agreement(tagger: Tagger) -> None:
    summary = "Chile and Peru failed to agree to meet again about copper royalties."
    assert status_of(tagger, "Metals trade news", summary, "agreement") == []


def test_two_governments_looking_to_partner_propose_a_partnership(tagger: Tagger) -> None:
    summary = "South Korea and Australia aim to team up on graphite refining."
    assert status_of(tagger, "Metals trade news", summary, "agreement") == ["proposed"]


@pytest.mark.parametrize("summary", [
    "Two battery makers look to partner on lithium recycling.",
    "The miner wants to team up with a refiner to process cobalt.",
])
def test_companies_looking_to_partner_stay_silent(tagger: Tagger, summary: str) -> None:
    assert "agreement" not in types(tagger, "Metals trade news", summary)


def test_a_deal_being_thrashed_out_is_talks_held(tagger: Tagger) -> None:
    summary = "Japan and the US are hammering out a deal on cobalt supplies for carmakers."
    ev = {e.type: e.status for e in tagger.tag("Metals trade news", summary, PUB).events}
    assert ev.get("talks") == "held"
    assert ev.get("agreement") == "proposed"


def test_a_deal_hammered_out_is_no_talks(tagger: Tagger) -> None:
    summary = "Japan and the US hammered out a deal on cobalt supplies for carmakers."
    assert "talks" not in types(tagger, "Metals trade news", summary)


def test_officials_who_could_not_agree_propose_an_agreement(tagger: Tagger) -> None:
    summary = "Officials from Tokyo and Ottawa couldn't agree on steps to ease nickel duties."
    assert status_of(tagger, "Metals trade news", summary, "agreement") == ["proposed"]


# --- goods banned by how they were made; sanctions enforced; a fund named by its size ----------

def test_a_ban_on_goods_made_with_forced_labour_is_an_import_ban(tagger: Tagger) -> None:
    summary = "A Canadian bill would ban products containing cobalt mined with forced labour."
    assert "import_restriction" in types(tagger, "Metals trade news", summary)


def test_a_retailer_banning_products_stays_silent(tagger: Tagger) -> None:
    summary = "The retailer said it would stop selling goods containing Congolese cobalt."
    assert "import_restriction" not in types(tagger, "Metals trade news", summary)


@pytest.mark.parametrize("title", [
    "Britain moves to clamp down on Iran sanctions evasion by metal traders",
    "The EU weighs a plan to punish firms supplying Russia with copper",
])
def test_enforcing_sanctions_is_a_sanction(tagger: Tagger, title: str) -> None:
    assert "sanction" in types(tagger, title)


def test_evading_sanctions_is_no_sanction(tagger: Tagger) -> None:
    assert types(tagger, "Copper traders accused of sanctions evasion") == set()


def test_the_one_lobbied_over_a_proposal_owns_it(tagger: Tagger) -> None:
    ev = tagger.tag("Beijing lobbies Japan over a proposal to punish firms helping Russia",
                    "", PUB).events
    assert [(e.type, e.actor) for e in ev] == [("sanction", "JP")]


def test_a_government_fund_named_by_its_size_is_an_investment(tagger: Tagger) -> None:
    assert "investment" in types(tagger, "Chile sets aside a $300 million lithium refining fund")


def test_a_private_fund_stays_silent(tagger: Tagger) -> None:
    assert types(tagger, "Mining investor raises $400 million for a battery metals fund") == set()


@pytest.mark.parametrize("title", [
    "Which country runs a $900bn state fund? The weekend quiz",
    "Quiz: which nation banned nickel ore exports in 2020?",
])
def test_a_quiz_reports_no_act(tagger: Tagger, title: str) -> None:
    assert types(tagger, title, "Test your knowledge of tariffs and export bans.") == set()


def test_news_about_a_quiz_show_ban_still_counts(tagger: Tagger) -> None:
    assert "export_control" in types(tagger, "Quiz show host says Indonesia banned nickel ore exports")


def test_an_agreement_on_a_topic_that_would_help_is_proposed(tagger: Tagger) -> None:
    summary = ("Indonesia says an agreement on common nickel export rules with the Philippines "
               "would be a big win.")
    assert status_of(tagger, "Metals trade news", summary, "agreement") == ["proposed"]


# --- who meets, and when: a title opening the meeting's words; a past verb in them ------------

def test_leaders_opening_a_meeting_make_it_a_summit_held(tagger: Tagger) -> None:
    summary = ("Trade ministers of both sides will draft a cobalt plan later, and the leaders of "
               "Chile and Peru promised in a tense meeting to keep lithium trade open.")
    ev = {(e.type, e.status) for e in tagger.tag("Metals trade news", summary, PUB).events}
    assert ("summit", "held") in ev


def test_leaders_who_agreed_to_meet_have_a_meeting_to_come(tagger: Tagger) -> None:
    summary = "The leaders of Chile and Peru agreed to hold talks on lithium next month."
    ev = {(e.type, e.status) for e in tagger.tag("Metals trade news", summary, PUB).events}
    assert ("summit", "held") not in ev and ("talks", "held") not in ev


def test_negotiations_opened_on_a_topic_seek_an_agreement(tagger: Tagger) -> None:
    summary = "Japan and Canada began negotiations on access to each other's nickel markets."
    assert status_of(tagger, "Metals trade news", summary, "agreement") == ["proposed"]


def test_company_negotiations_stay_silent(tagger: Tagger) -> None:
    summary = "The copper miner opened negotiations on wages with its workers."
    assert "agreement" not in types(tagger, "Metals trade news", summary)


def test_a_state_seizing_a_rail_line_takes_it_over(tagger: Tagger) -> None:
    summary = ("The owner is seeking a deal with the Peruvian government after troops seized a "
               "stretch of the rail line that carries its copper.")
    assert "production_control" in types(tagger, "Metals trade news", summary)


def test_police_seizing_a_port_cargo_stays_silent(tagger: Tagger) -> None:
    summary = "Police seized smuggled copper cathodes worth $2 million at the port."
    assert "production_control" not in types(tagger, "Metals trade news", summary)


def test_the_imf_and_world_bank_meetings_are_ministerial_talks(tagger: Tagger) -> None:
    summary = "Lima will host the spring meetings of the IMF and World Bank next month."
    assert "talks" in types(tagger, "Copper economy news", summary)


def test_a_bank_board_meeting_stays_silent(tagger: Tagger) -> None:
    summary = "The lithium miner's lenders hold their annual meetings of shareholders in May."
    assert types(tagger, "Copper economy news", summary) == set()


@pytest.mark.parametrize("summary", [
    "The pacts were unveiled at a cooperation council meeting co-chaired by Chile's Deputy "
    "Prime Minister and Peru's Vice Premier.",
    "Zambia's deputy president and Congo's deputy prime minister met to discuss cobalt.",
])
def test_a_deputies_meeting_is_talks(tagger: Tagger, summary: str) -> None:
    assert "summit" not in types(tagger, "Metals trade news", summary)


def test_the_vision_for_a_trade_agreement_is_proposed(tagger: Tagger) -> None:
    summary = "Canberra argues the case for a free trade agreement with Jakarta on nickel."
    assert status_of(tagger, "Metals trade news", summary, "agreement") == ["proposed"]
