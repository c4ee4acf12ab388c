"""Recall of meetings, second round: a counterpart met (the meeting's level read from who meets
it), a prime minister's title read as a head's, and a leader's meeting told as the setting of a
request ("seeks assurances at Biden meeting"); each with twins that must stay silent or keep
their type.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def kinds(tagger: Tagger, title: str, summary: str = "") -> set[tuple[str, str]]:
    return {(e.type, e.subtype) for e in tagger.tag(title, summary, PUB).events}


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- a counterpart met: talks for a minister or an untitled one, a summit for a head -----------

@pytest.mark.parametrize(("title", "summary"), [
    ("Lutnick meets Indonesian counterpart in Jakarta", ""),
    ("US and Chile open a lithium forum",
     "The trade secretary unveiled the forum after meeting in Santiago with her Chilean counterpart."),
    ("Canberra plans online meeting on barley duties",
     "Officials are arranging a video meeting between the agriculture minister, Tom Reed, and his "
     "Chinese counterpart in the coming weeks."),
    ("German finance minister heads to Tokyo",
     "The German finance minister will head to meetings with counterparts in Tokyo on Thursday."),
])
def test_a_counterpart_met_is_talks(tagger: Tagger, title: str, summary: str) -> None:
    assert "talks" in types(tagger, title, summary)


def test_a_call_with_a_counterpart_is_a_call(tagger: Tagger) -> None:
    got = kinds(tagger, "Korea's foreign minister calls Tokyo",
                "Korea's foreign minister Park held a second call with his Japanese counterpart "
                "on Tuesday about chip materials.")
    assert ("talks", "call") in got


def test_a_head_meeting_a_counterpart_is_a_summit(tagger: Tagger) -> None:
    got = types(tagger, "Prime Minister Ishiba held a meeting in Canberra with his Australian "
                        "counterpart on Tuesday")
    assert "summit" in got and "talks" not in got


@pytest.mark.parametrize(("title", "summary"), [
    ("Cheap gaming laptops catch up with their premium counterparts", ""),
    ("Private credit funds now rival their public counterparts in size", ""),
    ("Bank chiefs held a meeting on Monday; their counterparts abroad stayed away", ""),
    ("Copper miner's shares lag behind its Chilean counterparts", ""),
])
def test_counterparts_that_are_not_met_stay_silent(tagger: Tagger, title: str, summary: str) -> None:
    assert not types(tagger, title, summary) & {"talks", "summit"}


# --- a prime minister is a head, not a minister ----------------------------------------------

def test_a_prime_minister_travelling_for_talks_with_a_president_is_a_summit(tagger: Tagger) -> None:
    got = types(tagger, "Hopes fade for a quick digital trade deal",
                "Prime Minister Keir Starmer lands in Washington to meet President Donald Trump "
                "over economic ties.")
    assert "summit" in got and "talks" not in got


def test_a_trade_minister_meeting_stays_talks(tagger: Tagger) -> None:
    assert "talks" in types(tagger, "Trade minister Farrell met his Chinese counterpart on Tuesday")


# --- a leader's meeting told as where a request is made ---------------------------------------

def test_a_request_made_at_a_leaders_meeting_keeps_the_meeting(tagger: Tagger) -> None:
    assert "summit" in types(tagger, "Korea's Lee to seek chip assurances at Trump meeting")


@pytest.mark.parametrize("title", [
    "Campaigners call for a meeting with Trump on mine safety",
    "Union seeks a meeting with the trade minister over smelter jobs",
])
def test_a_meeting_only_asked_for_by_non_states_stays_silent(tagger: Tagger, title: str) -> None:
    assert not types(tagger, title) & {"talks", "summit"}


# --- an official's trip abroad is talks; a trip at home is none ------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Copper pact stalls as trade secretary visits Santiago", ""),
    ("Beijing and Washington seek a thaw",
     "Treasury Secretary Scott Bessent arrives in Beijing as both sides weigh new chip curbs."),
    ("Commerce Secretary Lutnick set to travel to Tokyo next week", ""),
    ("Rare earth curbs loom", "The warning came ahead of Treasury Secretary Bessent's visit to Beijing."),
])
def test_an_officials_trip_abroad_is_talks(tagger: Tagger, title: str, summary: str) -> None:
    assert "talks" in types(tagger, title, summary)


@pytest.mark.parametrize(("title", "summary"), [
    ("Energy minister visits flood-hit region", ""),
    ("Australian resources minister visits Pilbara lithium towns", ""),
    ("Health secretary visits hospital in Leeds", ""),
    ("Former trade minister visits Moscow amid criticism", ""),
    ("Beijing irked", "While Treasury Secretary Scott Bessent's visit was praised, Beijing is still irked."),
])
def test_an_officials_trip_at_home_or_told_apart_from_its_place_is_no_talks(
        tagger: Tagger, title: str, summary: str) -> None:
    assert "talks" not in types(tagger, title, summary)
