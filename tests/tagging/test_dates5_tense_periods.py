"""Tense around a weekday: "a plan" (a noun: the thing adopted or presented) tells no future,
so "adopted a plan on Saturday" is the Saturday just gone; "plans to" (a verb of intent) still
points ahead. A start told by its verb in the sentence after a headline ("The rules take effect
on Oct. 1.") makes the headline's act announced, as "From Oct. 1, ..." does. A year of now or
before after "for" ("quotas for 2023" said in 2023) is the period a measure covers, not its date."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ingest.tagging.dates import find_dates
from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
SUNDAY = date(2025, 3, 16)  # a Sunday: last Saturday is the 15th, last Wednesday the 12th


@pytest.mark.parametrize(("sentence", "want"), [
    ("Ministers adopted a plan on Saturday to secure battery metals.", date(2025, 3, 15)),
    ("The commission presented its five-point plan on Wednesday to fund refineries.", date(2025, 3, 12)),
    ("The cabinet endorsed an action plan on Wednesday for rare earth recycling.", date(2025, 3, 12)),
])
def test_a_plan_as_noun_is_no_future(sentence: str, want: date) -> None:
    assert [d.start for d in find_dates(sentence, SUNDAY)] == [want]


@pytest.mark.parametrize(("sentence", "want"), [
    # the verb of intent still points ahead
    ("The ministry plans to publish the quota on Wednesday.", date(2025, 3, 19)),
    ("The government will present a plan on Wednesday to fund refineries.", date(2025, 3, 19)),
])
def test_plans_as_verb_still_points_ahead(sentence: str, want: date) -> None:
    assert [d.start for d in find_dates(sentence, SUNDAY)] == [want]


PUB = datetime(2025, 3, 16, 9, 0, tzinfo=UTC)


def _status(title: str, summary: str) -> list[str]:
    return [e.status for e in TAGGER.tag(title, summary, PUB).events if e.type == "export_control"]


def test_a_start_told_by_its_verb_after_the_headline_announces() -> None:
    assert _status("Zambia bans cobalt exports",
                   "The rules take effect on April 1 and cover refined metal.") == ["announced"]
    assert _status("Zambia bans cobalt exports",
                   "The curbs come into force on April 1.") == ["announced"]


def test_a_start_already_past_keeps_the_act_in_effect() -> None:
    assert _status("Zambia bans cobalt exports",
                   "The rules took effect on March 1 and cover refined metal.") == ["in_effect"]


MARCH_2023 = date(2023, 3, 24)


@pytest.mark.parametrize("sentence", [
    "Beijing set its first batch of tungsten mining quotas for 2023 at 60,000 tonnes.",
    "Jakarta Sets Lower Nickel Ore Output Quota for 2023",
    "The ministry kept its cobalt export allowance for 2022 unchanged.",
])
def test_a_year_of_now_or_before_after_for_is_a_period(sentence: str) -> None:
    assert [d for d in find_dates(sentence, MARCH_2023) if d.precision == "year"] == []


@pytest.mark.parametrize(("sentence", "want"), [
    # a later year after "for" is a start; "in 2023" stays a date
    ("The notice schedules duties on graphite anodes for 2026.", date(2026, 1, 1)),
    ("The quota rose in 2023 after two flat years.", date(2023, 1, 1)),
])
def test_a_later_year_after_for_or_a_year_after_in_stays(sentence: str, want: date) -> None:
    assert [d.start for d in find_dates(sentence, MARCH_2023)] == [want]
