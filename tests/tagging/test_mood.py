"""Averted, hoped-for, upcoming and background acts are not reported as new announced acts."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 4)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


def statuses(tagger: Tagger, text: str) -> dict[str, str]:
    return {e.type: e.status for e in tagger.tag("Metals news", text, PUB).events}


def test_an_averted_act_is_no_event(tagger: Tagger) -> None:
    got = statuses(tagger, "Brussels and Washington extended a truce on aluminum trade to avoid "
                           "the possible return of tariffs on both sides.")
    assert "tariff" not in got


def test_an_agreement_sought_or_hypothetical_is_proposed(tagger: Tagger) -> None:
    assert statuses(tagger, "Tokyo and Washington are seeking to sign an agreement on lithium "
                            "supply.")["agreement"] == "proposed"
    assert statuses(tagger, "A truce between Seoul and Canberra on nickel duties would unlock "
                            "new supply, officials said.")["agreement"] == "proposed"


def test_leaders_to_meet_is_a_scheduled_meeting(tagger: Tagger) -> None:
    assert statuses(tagger, "The leaders of Chile and Argentina are expected to hold talks on "
                            "lithium.")["talks"] == "scheduled"


def test_tariffs_placed_when_he_was_president_stand_from_before(tagger: Tagger) -> None:
    got = statuses(tagger, "Trump said he placed tariffs on foreign aluminum when he was "
                           "president.")
    assert got["tariff"] == "in_effect"
