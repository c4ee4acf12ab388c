"""A start month to come ("from July") is a start told as such, and an act announced on a
stated day with only a start month is dated by the day it was said (the labels give a month
start no effective date); with no day said, or with a start day, the start stays."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.dates import find_dates
from ingest.tagging.tagger import Tagger

WEDNESDAY = date(2024, 6, 12)


def _dates(title: str, lead: str, type_id: str, pub: date = WEDNESDAY) -> list[date]:
    return [e.date for e in Tagger().tag(title, lead, pub).events if e.type == type_id]


def test_from_a_month_is_a_start_and_in_a_month_none() -> None:
    told = find_dates("The curbs will apply to Chinese cars from July.", WEDNESDAY)
    assert [(d.start, d.start_told) for d in told] == [(date(2024, 7, 1), True)]
    twin = find_dates("The curbs will apply to Chinese cars in July.", WEDNESDAY)
    assert [(d.start, d.start_told) for d in twin] == [(date(2024, 7, 1), False)]


@pytest.mark.parametrize(("title", "lead", "type_id", "want"), [
    # the day it was said, not the month it starts
    ("Brussels to hit Chinese cars with duties",
     "The European Commission said on Tuesday it would impose provisional tariffs on electric "
     "cars imported from China from July.", "tariff", date(2024, 6, 11)),
    ("Seoul checks anode stocks",
     "China said on Monday that exports of some graphite products would need permits from "
     "December.", "export_control", date(2024, 6, 10)),
    # twin: no day said, the start month stays
    ("Harare to end lithium exports",
     "Zimbabwe plans to stop exports of lithium concentrates from January 2027 to push miners "
     "to build refineries.", "export_control", date(2027, 1, 1)),
    # twin: a start day stays the act's date (the labels give it as the effective date)
    ("Brussels to hit Chinese cars with duties",
     "The European Commission said on Tuesday it would impose provisional tariffs on electric "
     "cars imported from China from July 4.", "tariff", date(2024, 7, 4)),
])
def test_a_start_month_gives_way_to_the_day_said(title: str, lead: str, type_id: str,
                                                 want: date) -> None:
    assert want in _dates(title, lead, type_id)
