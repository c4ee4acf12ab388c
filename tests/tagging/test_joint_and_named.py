"""A plan a group of governments endorses is their agreement; a measure named by its month is
one already taken, whatever the sentence says of its future; a meeting "since Friday" began
then."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger


def _events(title: str, summary: str, published: date) -> dict[str, tuple[date, str]]:
    return {e.type: (e.date, e.status) for e in Tagger().tag(title, summary, published).events}


@pytest.mark.parametrize("title", [
    "G7 leaders back five-point plan on critical minerals",
    "The G20 adopted a plan to secure supplies of rare earths",
])
def test_a_plan_a_group_of_governments_endorses_is_an_agreement(title: str) -> None:
    got = _events(title, "", date(2023, 5, 20))
    assert "agreement" in got and "strategy" not in got


def test_one_states_plan_stays_a_strategy() -> None:
    got = _events("Japan unveils a plan to secure supplies of rare earths", "", date(2023, 5, 20))
    assert "strategy" in got and "agreement" not in got


def test_a_measure_named_by_its_month_is_one_already_taken() -> None:
    got = _events("Truce talks", "It is unclear whether Beijing's April licensing of rare earths "
                  "will be eased.", date(2025, 5, 13))
    assert got["export_control"][0] == date(2025, 4, 1)


def test_an_occasion_named_by_its_month_may_be_to_come() -> None:
    got = _events("G20", "December's summit will take up supplies of rare earths, China said.",
                  date(2025, 10, 13))
    assert got["summit"][0] == date(2025, 12, 1)


def test_a_meeting_since_a_weekday_began_that_day() -> None:
    got = _events("Leaders meet", "Meeting since Friday, the Group of Seven leaders on Saturday "
                  "endorsed a plan to secure supplies of lithium.", date(2023, 5, 20))
    assert got["summit"][0] == date(2023, 5, 19)
