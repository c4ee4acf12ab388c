"""A date told as an owner ("last month's truce", "Friday's talks") names the act of the noun
right after it: that act takes it, and the sentence's other acts do not."""

from __future__ import annotations

from datetime import date

from ingest.tagging.tagger import Tagger

WEDNESDAY = date(2025, 6, 11)


def _dates(summary: str, type_id: str, pub: date = WEDNESDAY) -> list[date]:
    return [e.date for e in Tagger().tag("Trade teams meet in London", summary, pub).events
            if e.type == type_id]


LEAD = ("Negotiators from the United States and China agreed late on Tuesday on a framework to "
        "put {when} Geneva truce back on track after two days of talks in London.")


def test_a_possessive_date_is_its_nouns_not_the_talks() -> None:
    summary = LEAD.format(when="last month's")
    assert _dates(summary, "talks") == [date(2025, 6, 9)]
    assert date(2025, 5, 1) in _dates(summary, "agreement")


def test_twin_a_date_not_told_as_an_owner_is_the_sentences() -> None:
    summary = ("Negotiators from the United States and China agreed last month on a framework "
               "to put the Geneva truce back on track after two days of talks in London.")
    assert _dates(summary, "talks") == [date(2025, 5, 1)]


def test_twin_a_possessive_date_of_what_was_said_in_is_the_day_said() -> None:
    summary = ("Australia will give companies a production tax credit for refining critical "
               "minerals from 2027-28, Treasurer Jim Chalmers said in Tuesday's budget.")
    assert _dates(summary, "investment", date(2024, 5, 15)) == [date(2024, 5, 14)]


def test_twin_a_relative_clause_of_the_owned_noun_keeps_its_date() -> None:
    summary = ("Congress passed last year's CHIPS Act, which invested $52 billion in domestic "
               "semiconductor manufacturing.")
    assert _dates(summary, "investment", date(2023, 9, 29)) == [date(2022, 1, 1)]
