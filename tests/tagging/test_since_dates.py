"""A state in place "since" a month or day started then: "has banned exports since January
2020" is the ban's date, not the day it was said. Look-alikes: "since" opening a clause about
an earlier act ("since China imposed curbs", "after Monday's talks") stays background."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
PUB = datetime(2025, 12, 29, 15, 0, tzinfo=UTC)


def _dates(summary: str, type_id: str) -> list[str]:
    return [e.date.isoformat() for e in TAGGER.tag("Update", summary, PUB).events if e.type == type_id]


@pytest.mark.parametrize(("summary", "type_id", "want"), [
    ("Indonesia has banned nickel ore exports since January 2020, officials said on Monday.",
     "export_control", "2020-01-01"),
    ("Rare earth magnets from China have carried a 25% duty since September 2024, US customs "
     "said on Monday.", "tariff", "2024-09-01"),
    ("Zimbabwe has barred raw lithium exports since Dec. 20, 2022, the mines ministry said on Monday.",
     "export_control", "2022-12-20"),
])
def test_in_place_since_a_date_is_its_start(summary: str, type_id: str, want: str) -> None:
    assert want in _dates(summary, type_id)


@pytest.mark.parametrize(("summary", "type_id", "unwanted"), [
    # "since" opening a clause about another act: the news is the day it was said
    ("Copper smelters said on Monday that prices had doubled since Indonesia banned ore exports in "
     "January 2020.", "export_control", "2025-12-29"),
    ("Washington raised tariffs on Chinese graphite on Monday after Friday's talks in Geneva failed.",
     "tariff", "2025-12-26"),
])
def test_since_a_clause_is_background(summary: str, type_id: str, unwanted: str) -> None:
    assert unwanted not in _dates(summary, type_id)
