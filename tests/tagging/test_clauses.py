"""Clause-level binding: a date, a status and a party belong to the act of their own clause.

A sentence often reports two acts ("signed a memorandum on Monday, and a deal is to be signed
on Tuesday"), an earlier act as background ("weeks after Beijing tightened its curbs"), or a
meeting's venue ("talks in Geneva"). Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.records import EventRecord
from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday
LAST_MONDAY, NEXT_TUESDAY, LAST_TUESDAY = date(2025, 3, 3), date(2025, 3, 11), date(2025, 3, 4)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


def events(tagger: Tagger, title: str, summary: str = "") -> list[EventRecord]:
    return list(tagger.tag(title, summary, PUB).events)


def by_subtype(evs: list[EventRecord], subtype: str) -> EventRecord:
    return next(e for e in evs if e.subtype == subtype)


def test_each_clause_with_its_own_subject_dates_its_own_act(tagger: Tagger) -> None:
    evs = events(tagger, "Peru and Korea sign copper accords",
                 "Peru and Korea signed memorandums of understanding on copper on Monday, and a "
                 "framework agreement on lithium is expected to be signed on Tuesday.")
    mou, framework = by_subtype(evs, "mou"), by_subtype(evs, "framework")
    assert (mou.date, mou.status) == (LAST_MONDAY, "in_effect")
    assert (framework.date, framework.status) == (NEXT_TUESDAY, "proposed")


def test_a_date_in_another_acts_clause_does_not_date_an_undated_act(tagger: Tagger) -> None:
    evs = events(tagger, "Peru and Korea sign copper accords",
                 "Peru and Korea signed memorandums of understanding on copper, and a framework "
                 "agreement on lithium is expected to be signed on Tuesday.")
    mou = by_subtype(evs, "mou")
    assert mou.date_source == "published" and mou.status == "in_effect"
    assert by_subtype(evs, "framework").date == NEXT_TUESDAY


def test_a_clause_sharing_the_subject_shares_its_date(tagger: Tagger) -> None:
    # a participle clause goes on about the same occasion
    evs = events(tagger, "Gabon signs manganese convention",
                 "Gabon's government signed a mining convention for a manganese project on "
                 "Monday, taking a 10% stake in the venture.")
    assert {e.type: e.date for e in evs}.get("investment") == LAST_MONDAY


@pytest.mark.parametrize(("summary", "day", "status"), [
    ("The cobalt pact between Zambia and Japan will be signed on Tuesday.", NEXT_TUESDAY,
     "proposed"),
    ("The cobalt pact between Zambia and Japan is to be signed on Tuesday.", NEXT_TUESDAY,
     "proposed"),
    # look-alike: a passive told in the past is past
    ("The cobalt pact between Zambia and Japan was signed on Tuesday.", LAST_TUESDAY,
     "in_effect"),
    ("The cobalt pact between Zambia and Japan has been signed on Tuesday.", LAST_TUESDAY,
     "in_effect"),
])
def test_a_participle_after_a_modal_be_is_still_to_come(tagger: Tagger, summary: str, day: date,
                                                        status: str) -> None:
    agreement = next(e for e in events(tagger, "Zambia, Japan and cobalt", summary)
                     if e.type == "agreement" and e.date_source == "text")
    assert (agreement.date, agreement.status) == (day, status)
