"""A later sentence with no event of its own that dates by a definite noun an act told before
it ("The suspension began in February.") repeats that act, in effect from that past date.
Look-alikes: a noun only talked of, a date to come, a noun of another type, a sentence that
makes its own event."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
PUB = date(2025, 6, 23)
COBALT = ("Congo will keep its halt on cobalt exports for another three months, the regulator "
          "said on Saturday. ")


def _dates(summary: str, type_id: str) -> list[tuple[str, str]]:
    events = TAGGER.tag("Update", summary, PUB).events
    return sorted((e.date.isoformat(), e.date_precision) for e in events if e.type == type_id)


@pytest.mark.parametrize(("summary", "type_id", "want"), [
    (COBALT + "The suspension began in February.", "export_control",
     [("2025-02-01", "month"), ("2025-06-21", "day")]),
    (COBALT + "The original four-month ban, imposed in February, was due to expire this weekend.",
     "export_control", [("2025-02-01", "month"), ("2025-06-21", "day")]),
    ("South Africa has requested consultations at the WTO over EU safeguard duties on "
     "ferrochrome. Pretoria said the duties, in place since last November, have forced closures.",
     "tariff", [("2024-11-01", "month"), ("2025-06-23", "day")]),
])
def test_a_definite_noun_dates_the_act(summary: str, type_id: str, want: list[tuple[str, str]]) -> None:
    assert _dates(summary, type_id) == want


@pytest.mark.parametrize("second", [
    "The suspension was first floated in 2019.",  # only talked of
    "The suspension ends in September.",  # a date to come
    "The duties began in February.",  # no tariff told before
    "The suspension began last week.",  # a window, not a date
])
def test_no_restated_act(second: str) -> None:
    assert _dates(COBALT + second, "export_control") == [("2025-06-21", "day")]
    assert _dates(COBALT + second, "tariff") == []


def test_a_restated_act_made_known_keeps_its_status_and_another_states_is_none() -> None:
    events = TAGGER.tag("Update", "China will ban gallium exports from Aug. 1. The ban was "
                        "announced in early July.", date(2023, 7, 20)).events
    assert sorted((e.date.isoformat(), e.status) for e in events) == [
        ("2023-07-01", "announced"), ("2023-08-01", "announced")]
    events = TAGGER.tag("Update", "China has banned gallium exports. The US curbs began in "
                        "October 2022.", date(2023, 8, 20)).events
    assert [(e.actor, e.date.isoformat()) for e in events] == [("CN", "2023-08-20")]


def test_a_trigger_ends_in_its_sentence() -> None:
    events = TAGGER.tag("Update", "Trade grew between Chile and Japan. Miners agreed to cut "
                        "copper output.", date(2024, 5, 2)).events
    assert "agreement" not in {e.type for e in events}
