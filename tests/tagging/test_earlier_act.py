"""A sentence telling a change of an earlier act dated by its noun makes two events: the
change, dated by the sentence's other dates, and the earlier act, in effect from its own date.
Look-alikes: a noun's date with no change told stays the one act's; a change with no dated
noun is one event."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()


def _dated(summary: str, pub: date, type_id: str = "export_control") -> list[tuple[str, str]]:
    events = TAGGER.tag("Update", summary, pub).events
    return sorted((e.date.isoformat(), e.status) for e in events if e.type == type_id)


@pytest.mark.parametrize(("summary", "pub", "type_id", "want"), [
    ("Congo said on Saturday it would extend the cobalt export ban it imposed in February by "
     "three months.", date(2025, 6, 23), "export_control",
     [("2025-02-01", "in_effect"), ("2025-06-21", "in_effect")]),
    ("Citing high stocks, Congo's regulator said on Saturday the cobalt export suspension "
     "imposed in February would run for a further three months.", date(2025, 6, 23),
     "export_control", [("2025-02-01", "in_effect"), ("2025-06-21", "in_effect")]),
    ("China's commerce ministry said on Sunday it would suspend until Nov. 27, 2026 the ban on "
     "exports of gallium to the United States that it imposed in December 2024.",
     date(2025, 11, 10), "export_control",
     [("2024-12-01", "in_effect"), ("2025-11-09", "suspended")]),
    # the change's object heads a relative clause telling the earlier act, its date before
    ("Beijing said on Sunday it would lift, from Monday, the part of its March 2023 notice that "
     "restricted exports of germanium to Japan.", date(2025, 5, 12), "export_control",
     [("2023-03-01", "in_effect"), ("2025-05-11", "lifted")]),
    ("Indonesia on Tuesday lifted the nickel ore export ban it introduced in January 2020.",
     date(2024, 3, 6), "export_control", [("2020-01-01", "in_effect"), ("2024-03-05", "lifted")]),
])
def test_a_change_and_the_act_it_changes(summary: str, pub: date, type_id: str,
                                         want: list[tuple[str, str]]) -> None:
    assert _dated(summary, pub, type_id) == want


@pytest.mark.parametrize(("summary", "pub", "want"), [
    # a noun's date with no change told: one act, of that date
    ("Traders said the nickel ore export ban imposed in January 2020 remains in force.",
     date(2024, 3, 6), [("2020-01-01", "in_effect")]),
    ("Smelters are still adjusting to the cobalt export curbs imposed in February, the "
     "regulator said on Saturday.", date(2025, 6, 23), [("2025-02-01", "in_effect")]),
    # the same relative clause with no change told: the notice's act, of its date
    ("Buyers are still bound by the part of its March 2023 notice that restricted exports of "
     "germanium to Japan, the ministry said on Sunday.", date(2025, 5, 12), [("2023-03-01", "in_effect")]),
    # a change with no dated noun: one event
    ("Congo said on Saturday it would extend its cobalt export ban by three months.",
     date(2025, 6, 23), [("2025-06-21", "announced")]),
    # what the act does, or a change of something else near it, is no change of the act
    ("Congo's cobalt export ban, imposed in February, has doubled prices.", date(2025, 6, 23),
     [("2025-02-01", "in_effect")]),
    ("Congo's miners raised concerns about the export ban on cobalt it imposed in February.",
     date(2025, 6, 23), [("2025-02-01", "in_effect")]),
    ("Cobalt prices eased after the export ban Congo imposed in February.", date(2025, 6, 23),
     [("2025-02-01", "in_effect")]),
    # a date after the noun that dates a statement, not the act
    ("Congo has extended its suspension of cobalt exports for another three months, the "
     "regulator said in a statement dated Saturday.", date(2025, 6, 23),
     [("2025-06-21", "in_effect")]),
    # a date to come after the noun is the change's start, not an earlier act (a start month
    # leaves the act dated by the day it was said: test_start_month)
    ("China said on Monday it would tighten the graphite export rules from December.",
     date(2023, 11, 6), [("2023-11-06", "announced")]),
])
def test_one_act_when_nothing_earlier_is_changed(summary: str, pub: date,
                                                 want: list[tuple[str, str]]) -> None:
    assert _dated(summary, pub) == want
