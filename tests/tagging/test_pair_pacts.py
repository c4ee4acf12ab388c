"""A pact named by its two parties ("the US-China deal") is an agreement of those states; a
compound that names no two states ("the Teck-Glencore deal", "a long-term deal") is none."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

DAY = date(2025, 5, 13)


def _agreements(title: str) -> list[tuple[str, ...]]:
    return [e.countries for e in Tagger().tag(title, "", DAY).events if e.type == "agreement"]


@pytest.mark.parametrize(("title", "parties"), [
    ("Geneva truce: what the US-China deal means for rare earths", {"US", "CN"}),
    ("Australia-India pact opens door to lithium supplies", {"AU", "IN"}),
])
def test_a_pact_named_by_two_states_is_their_agreement(title: str, parties: set[str]) -> None:
    assert any(parties <= set(c) for c in _agreements(title))


@pytest.mark.parametrize("title", [
    "Canada is watching the Teck-Glencore deal on copper",
    "Glencore signs long-term deal for Congo cobalt",
    "Tesla inks off-take agreement for Chilean lithium",
])
def test_a_compound_that_names_no_two_states_is_no_pact(title: str) -> None:
    assert _agreements(title) == []
