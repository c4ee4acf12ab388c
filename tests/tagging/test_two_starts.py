"""One announcement of measures that start on different days is dated by the day it was made
(or, with none told, the publication day); a single start to come stays the act's date, and a
meeting's days are its own."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

WEDNESDAY = date(2024, 8, 28)


def _dates(summary: str, type_id: str) -> list[date]:
    return [e.date for e in Tagger().tag("Update", summary, WEDNESDAY).events if e.type == type_id]


@pytest.mark.parametrize(("summary", "type_id", "want"), [
    # two starts to come, the day it was said
    ("Ottawa said on Monday it would levy a 100% surtax on Chinese cars from Oct. 1 and a 25% "
     "surtax on Chinese steel and aluminium from Oct. 15.", "tariff", date(2024, 8, 26)),
    ("Canada's finance minister said on Tuesday it would impose duties on Chinese aluminium "
     "from Oct. 15 and on Chinese cars from Oct. 1.", "tariff", date(2024, 8, 27)),
    ("Exporters of gallium will need licences from Sept. 15 and exporters of graphite from "
     "Dec. 1, the commerce ministry said on Monday.", "export_control", date(2024, 8, 26)),
    # two starts to come, no day said: the publication day
    ("Jakarta will ban nickel ore exports from Jan. 1 and bauxite exports from June 1.",
     "export_control", WEDNESDAY),
    # one start to come: it stays the act's date
    ("Ottawa said on Monday it would levy a 25% surtax on Chinese aluminium from Oct. 15.",
     "tariff", date(2024, 10, 15)),
    ("Jakarta will ban bauxite exports from June 1, the mines ministry said on Monday.",
     "export_control", date(2025, 6, 1)),
])
def test_the_date_of_an_act_told_with_its_starts(summary: str, type_id: str, want: date) -> None:
    assert want in _dates(summary, type_id)


def test_a_meetings_days_are_its_own() -> None:
    got = Tagger().tag("Update", "Trade ministers from Chile and Peru will hold talks on lithium "
                       "from Sept. 3 to Sept. 5, officials said on Monday.", WEDNESDAY).events
    assert [e.date for e in got if e.type == "talks"] == [date(2024, 9, 3)]
