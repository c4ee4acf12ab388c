"""A step told in a clause with the pact as its subject ("a treaty that abolishes most duties")
is the pact's content, not an act of its own (labelling.md: what a pact commits its parties to
stays inside the agreement). Its look-alikes stay acts: a step with a start of its own, a
party's own measure, an existing measure the pact opens to others, a clause with a subject of
its own, and a clause that tells the pact's background.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.contents import pact_content
from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


def content(sentence: str, trigger: str) -> bool:
    low = sentence.lower()
    t0 = low.index(trigger)
    return pact_content(low, 0, t0, t0 + len(trigger))


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Peru and Korea signed a treaty on Monday, an accord that opens Peruvian copper to Korean "
     "smelters and abolishes most import duties.", "abolishes most import duties"),
    ("Both sides back the pact, which cuts tariffs on cobalt.", "cuts tariffs"),
    ("Officials hailed the deal that would scrap tariffs on nickel.", "scrap tariffs"),
])
def test_a_step_the_pact_itself_takes_is_its_content(sentence: str, trigger: str) -> None:
    assert content(sentence, trigger)


@pytest.mark.parametrize(("sentence", "trigger"), [
    # a start of its own
    ("Officials hailed the deal that would scrap tariffs on nickel from January.", "scrap tariffs"),
    # a party's own measure
    ("They signed a truce that pauses its export controls on gallium.", "export controls"),
    # an existing measure the pact opens to others
    ("They signed a pact that lets Korean cobalt count toward American tax credits.", "tax credits"),
    # a clause with a subject of its own
    ("They reached a deal under which the goods will face a 15% tariff.", "tariff"),
    ("They reached a deal that the government will cut tariffs under.", "cut tariffs"),
    # the pact's background
    ("They signed a truce that followed new tariffs on cobalt.", "tariffs"),
])
def test_steps_with_a_life_of_their_own_stay_acts(sentence: str, trigger: str) -> None:
    assert not content(sentence, trigger)


def test_a_trade_pact_abolishing_duties_is_one_agreement(tagger: Tagger) -> None:
    found = types(tagger, "Peru and South Korea sign copper trade pact",
                  "Peru and South Korea signed their trade treaty on Tuesday, an accord that opens "
                  "Peruvian copper to Korean smelters and abolishes most remaining import tariffs.")
    assert "agreement" in found and "tariff" not in found


def test_a_party_cutting_its_own_tariff_in_a_truce_still_acts(tagger: Tagger) -> None:
    found = types(tagger, "Washington and Beijing agree truce on minerals",
                  "Washington and Beijing agreed a truce on Tuesday; the US will cut its tariffs on "
                  "Chinese graphite to 10% from 25%.")
    assert {"agreement", "tariff"} <= found


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Korea will invest $20 billion in Peruvian mines under the deal signed on Monday.",
     "invest $20 billion"),
    ("Chile is to set up a state fund as part of the accord.", "set up a state fund"),
])
def test_a_new_step_a_party_takes_under_the_pact_is_its_content(sentence: str, trigger: str) -> None:
    assert content(sentence, trigger)


@pytest.mark.parametrize(("sentence", "trigger"), [
    # a party's change of an existing measure is its own act
    ("The US will cut tariffs on graphite to 10% under the truce.", "tariffs"),
    ("Beijing is to suspend export controls on gallium as part of the deal.", "export controls"),
    # a party's own measure
    ("Jakarta keeps its export ban under the new framework.", "export ban"),
    # a law, not a pact
    ("The state will invest $2 billion under the new mining law.", "invest $2 billion"),
    # the pact in the next sentence
    ("Korea will invest $20 billion in mines.\nUnder the deal, both sides meet yearly.",
     "invest $20 billion"),
])
def test_changes_and_own_measures_under_a_pact_stay_acts(sentence: str, trigger: str) -> None:
    assert not content(sentence, trigger)


def test_money_pledged_under_a_pact_is_one_agreement(tagger: Tagger) -> None:
    found = types(tagger, "Peru and Korea sign minerals deal",
                  "Korea will invest $20 billion in Peruvian copper mines under the agreement "
                  "signed on Tuesday, officials said.")
    assert "agreement" in found and "investment" not in found


@pytest.mark.parametrize("sentence", [
    "Chile will open a dispute panel over copper quotas under the pact.",
    "Korea invested $20 billion in Peruvian mines under the deal last year.",
])
def test_disputes_and_steps_already_taken_under_a_pact_stay_acts(sentence: str) -> None:
    trigger = "copper quotas" if "quotas" in sentence else "invested $20 billion"
    assert not content(sentence, trigger)
