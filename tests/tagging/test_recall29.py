"""Recall of dated events on real news, 29th pass: meetings, pacts, disputes and bans that real
headlines name in wordings the rules missed, each with look-alikes that must stay silent.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- a meeting or pact only states hold, named so by its own words ----------------------------

@pytest.mark.parametrize(("title", "type_id"), [
    ("Seabed cobalt rules take centre stage at key international talks", "talks"),
    ("Why the ocean plastics treaty matters for nickel miners", "agreement"),
    ("Dairy farmers fear being traded away in a free trade agreement both sides want this year",
     "agreement"),
    ("Nuclear watchdog IAEA holds talks on uranium stocks", "talks"),
])
def test_a_meeting_or_pact_only_states_hold_needs_no_country(
        tagger: Tagger, title: str, type_id: str) -> None:
    assert type_id in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Lithium miner holds talks with its lenders over copper debt",
    "Cobalt trader signs supply agreement with a battery maker",
    "Copper producer in pay talks with its workers",
])
def test_company_talks_and_deals_stay_silent(tagger: Tagger, title: str) -> None:
    assert types(tagger, title) == set()
