"""A measure reported with a present or past act verb applies; one planned, or named as a
noun, does not on that account; sanctions named with no plan around them stand."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 4)



def status(tagger: Tagger, text: str, type_: str) -> str:
    return next(e.status for e in tagger.tag(text, "", PUB).events if e.type == type_)


@pytest.mark.parametrize("text", [
    "Hanoi bans exports of tungsten ore",
    "Jakarta has restricted exports of nickel ore and announced it will review quotas",
    "Beijing is restricting exports of gallium",
    "Ottawa imposes export curbs on lithium",
])
def test_a_finite_act_verb_reports_a_measure_in_effect(tagger: Tagger, text: str) -> None:
    assert status(tagger, text, "export_control") == "in_effect"


@pytest.mark.parametrize("text", [
    "Hanoi will ban exports of tungsten ore",
    "Jakarta announces curbs on exports of nickel ore",
])
def test_a_planned_or_announced_measure_is_not_in_effect(tagger: Tagger, text: str) -> None:
    assert status(tagger, text, "export_control") == "announced"


def test_standing_sanctions_apply_but_promised_ones_do_not(tagger: Tagger) -> None:
    assert status(tagger, "Moscow says western sanctions on its nickel sector failed",
                  "sanction") == "in_effect"
    assert status(tagger, "Washington will unveil new sanctions on Russian nickel",
                  "sanction") != "in_effect"


@pytest.mark.parametrize(("text", "expected"), [
    # PUB is a Thursday: "this week" and "Monday" are days of the past week
    ("Vietnam's export curbs on tungsten this week unsettle buyers", "announced"),
    ("Vietnam's trade ministry says buyers knew of this week's export controls on tungsten in "
     "advance", "announced"),
    # an older measure named as a noun stands
    ("Vietnam's 2019 export curbs on tungsten still unsettle buyers", "in_effect"),
])
def test_a_measure_named_only_as_news_of_the_past_week_is_announced(
        tagger: Tagger, text: str, expected: str) -> None:
    """No act verb and no cue: a measure dated to the past few days is that day's news (it was
    announced); nothing in the text says it applies yet."""
    assert status(tagger, text, "export_control") == expected
