"""A state shutting a mine or smelter is a production control announced or in effect; a
company closing its own, or rebels shutting mines, is no act of a state."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

DAY = date(2023, 11, 29)


def _events(title: str) -> list[tuple[str, str, str | None]]:
    return [(e.type, e.status, e.actor) for e in Tagger().tag(title, "", DAY).events]


@pytest.mark.parametrize(("title", "want"), [
    ("Panama to shut First Quantum copper mine after court ruling",
     ("production_control", "announced", "PA")),
    ("Indonesia closes illegal nickel mines", ("production_control", "in_effect", "ID")),
])
def test_a_state_shutting_a_mine_controls_production(title: str, want: tuple[str, str, str]) -> None:
    assert want in _events(title)


@pytest.mark.parametrize("title", [
    "Glencore to shut nickel smelter in New Caledonia",
    "BHP to close Western Australia nickel mines as prices slump",
    "Australian miner BHP to shut nickel mines",
    "Myanmar rebels shut rare earth mines",
])
def test_a_company_or_rebels_closing_mines_is_no_state_act(title: str) -> None:
    assert _events(title) == []
