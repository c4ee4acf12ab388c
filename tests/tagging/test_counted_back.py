"""Dates counted back from publication: "a year ago", and an anniversary ("one year after the
law"), which date the earlier act, not the day of the news."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.dates import find_dates
from ingest.tagging.tagger import Tagger

PUB = date(2024, 9, 12)


@pytest.mark.parametrize(
    ("sentence", "start", "precision"),
    [
        ("The levy on cobalt exports came into force a year ago.", date(2023, 9, 1), "month"),
        ("Quotas set two years ago still bind smelters.", date(2022, 9, 1), "month"),
        ("Licences issued six months ago are up for review.", date(2024, 3, 1), "month"),
        ("A probe opened 3 years ago has stalled.", date(2021, 9, 1), "month"),
        ("Duties imposed nearly four years ago may be lifted.", date(2020, 1, 1), "year"),
        ("The envoy visited a week ago.", date(2024, 9, 5), "day"),
    ],
)
def test_a_time_ago_counts_back_from_publication(sentence: str, start: date, precision: str) -> None:
    [d] = find_dates(sentence, PUB)
    assert (d.start, d.precision) == (start, precision)


@pytest.mark.parametrize("sentence", [
    "One of the two smelters shut.",
    "About a third of the ore goes abroad.",
    "Some of the tariffs were cut, and more than a few firms left.",
    "Just days ago the minister spoke.",  # no count: no date
])
def test_counting_words_without_ago_are_no_date(sentence: str) -> None:
    assert find_dates(sentence, PUB) == []



def test_an_anniversary_dates_the_earlier_act(tagger: Tagger) -> None:
    result = tagger.tag("Two years after Jakarta banned nickel ore exports, smelters thrive",
                        "Investors have poured money into local refining.", PUB)
    [ev] = [e for e in result.events if e.type == "export_control"]
    assert (ev.actor, ev.date, ev.date_precision) == ("ID", date(2022, 9, 1), "month")


def test_an_uncounted_gap_still_leaves_the_earlier_act_undated(tagger: Tagger) -> None:
    result = tagger.tag("Years after Jakarta banned nickel ore exports, smelters thrive",
                        "Investors have poured money into local refining.", PUB)
    for ev in result.events:
        assert ev.date_source != "text"


def test_the_news_itself_keeps_its_own_day(tagger: Tagger) -> None:
    """The count dates the clause after "after", not the act the sentence reports."""
    result = tagger.tag("EU adopts new sanctions on Russia a year after its last package",
                        "", PUB)
    [ev] = [e for e in result.events if e.type == "sanction"]
    assert ev.date == PUB


def test_after_a_fronted_clause_the_main_clause_is_the_news(tagger: Tagger) -> None:
    """"Two years after X, Y": X is the earlier act (dated by the count, done by Y's subject),
    Y the news of the day."""
    result = tagger.tag("Kinshasa tightens cobalt rules",
                        "Two years after capping cobalt exports, Kinshasa has now stopped "
                        "hydroxide shipments altogether.", PUB)
    got = sorted((e.date, e.actor) for e in result.events if e.type == "export_control")
    assert got == [(date(2022, 9, 1), "CD"), (PUB, "CD")]


def test_a_stated_length_is_no_gap(tagger: Tagger) -> None:
    """"for 90 days after talks": how long the cut lasts, not when the talks were."""
    result = tagger.tag("Seoul and Jakarta to suspend nickel duties for 60 days after Bali talks",
                        "", PUB)
    for ev in result.events:
        assert ev.date >= PUB
