"""Precision on general news: talks, state money and pacts named in stories that are about
something else. Talks held by home bodies (parties, provinces, bidders) are home politics;
each rule has look-alike twins where states are the parties and the event stays.

Own-words headlines and sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- talks held by home bodies: parties, provinces, bidders ---------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Republicans claim progress in talks with White House over budget", ""),
    ("UK ministers to outline plans for Wales",
     "Talks on Monday with political parties come despite lack of deal on the budget."),
    ("Ottawa pushes Ontario to pay more for battery plant",
     "The federal government cut provincial officials out of the negotiations, the premier said."),
    ("Australia holds talks with preferred tenderers for visa system", ""),
])
def test_talks_held_by_home_bodies_are_no_trade_talks(tagger: Tagger, title: str, summary: str) -> None:
    assert "talks" not in types(tagger, title, summary)


@pytest.mark.parametrize(("title", "summary"), [
    ("Democrats say talks with Beijing on rare earths have stalled", ""),
    ("US and Japan hold talks on critical minerals",
     "Talks on Monday with Japanese officials covered lithium and graphite supplies."),
    ("Canada and Germany open negotiations on a critical minerals pact", ""),
])
def test_talks_between_states_stay_talks(tagger: Tagger, title: str, summary: str) -> None:
    assert "talks" in types(tagger, title, summary)


# --- offtakes companies sign or lack are no state buying ----------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Korean anode makers hunt for graphite beyond China",
     "Eight months into China's export licensing for graphite, battery-material makers say approvals "
     "arrive slowly, and several are signing offtake deals in Mozambique to diversify."),
    ("Western rare earth projects still can't get financed",
     "Developers outside China struggle to raise money, leaving many rare earth projects in "
     "Australia waiting on offtake partners."),
    ("Carmakers secure lithium offtakes from Chilean and Argentine mines", ""),
])
def test_offtakes_of_companies_are_no_state_investment(tagger: Tagger, title: str, summary: str) -> None:
    assert not types(tagger, title, summary) & {"investment", "agreement"}


@pytest.mark.parametrize(("title", "summary"), [
    ("Pentagon signs offtake deal for MP Materials rare earth magnets", ""),
    ("Japan's JOGMEC agrees lithium offtake with Australian miner", ""),
    ("US government to act as offtaker for gallium from new refinery", ""),
])
def test_offtakes_of_state_buyers_stay_investment(tagger: Tagger, title: str, summary: str) -> None:
    assert "investment" in types(tagger, title, summary)


# --- subsidies named as a contest or told to states in general ------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Sunak to raise trade issues in Washington",
     "The prime minister says subsidy races are not a solution to hitting climate goals."),
    ("EU warns of global subsidy war over battery metals", ""),
    ("Governments must stop subsidising lithium mines, IMF says", ""),
])
def test_subsidies_named_as_a_kind_are_no_grant(tagger: Tagger, title: str, summary: str) -> None:
    assert "investment" not in types(tagger, title, summary)


@pytest.mark.parametrize(("title", "summary"), [
    ("US offers subsidies for lithium refineries", ""),
    ("Germany should subsidise lithium refining, minister says", ""),
    ("EU must keep pace with Biden's $369bn green subsidy spree for battery metals", ""),
])
def test_subsidies_a_state_grants_stay_investment(tagger: Tagger, title: str, summary: str) -> None:
    assert "investment" in types(tagger, title, summary)


# --- pacts named as a kind: a bare plural with no owner, count or named side ------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Biden struggles to push trade deals with allies as election approaches", ""),
    ("Voters turn against sweeping trade deals", ""),
])
def test_pacts_named_as_a_kind_are_no_agreement(tagger: Tagger, title: str, summary: str) -> None:
    assert "agreement" not in types(tagger, title, summary)


@pytest.mark.parametrize(("title", "summary"), [
    ("US signs trade deals with Japan and Kenya on critical minerals", ""),
    ("Japan pushes for trade deals with Chile and Peru to secure lithium", ""),
])
def test_pacts_with_named_sides_stay_agreements(tagger: Tagger, title: str, summary: str) -> None:
    assert "agreement" in types(tagger, title, summary)
