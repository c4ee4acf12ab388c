"""A counted gap before the news ("a day after Washington widened its curbs") is counted from
the news day the sentence states ("said on Tuesday"), and from publication when it states none."""

from __future__ import annotations

from datetime import date

from ingest.tagging.tagger import Tagger

WEDNESDAY = date(2024, 12, 4)


def _dates(summary: str, pub: date = WEDNESDAY) -> list[date]:
    return sorted(e.date for e in Tagger().tag("Beijing hits back", summary, pub).events
                  if e.type == "export_control")


def test_a_day_after_counts_from_the_day_said() -> None:
    summary = ("China's commerce ministry said on Tuesday that shipments of gallium to the United "
               "States were banned, a day after Washington widened its curbs on chipmaking "
               "equipment.")
    assert _dates(summary) == [date(2024, 12, 2), date(2024, 12, 3)]


def test_twin_with_no_day_stated_it_counts_from_publication() -> None:
    summary = ("China's commerce ministry said shipments of gallium to the United States were "
               "banned, a day after Washington widened its curbs on chipmaking equipment.")
    assert _dates(summary) == [date(2024, 12, 3), date(2024, 12, 4)]
