"""Date expressions resolved against the publication date."""

from __future__ import annotations

import re
from datetime import date

import pytest

from ingest.tagging.dates import find_dates, may_start_date

PUB = date(2025, 10, 14)  # a Tuesday


def first(sentence: str, pub: date = PUB):
    found = [d for d in find_dates(sentence, pub) if not d.reporting]
    assert found, sentence
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "start", "end", "precision"),
    [
        ("The rules apply from Oct. 13.", date(2025, 10, 13), None, "day"),
        ("It was announced on 13 October.", date(2025, 10, 13), None, "day"),
        ("The summit runs from October 31 to November 1.", date(2025, 10, 31), date(2025, 11, 1), "day"),
        ("Leaders will meet on 22-23 November in Johannesburg.", date(2025, 11, 22), date(2025, 11, 23), "day"),
        ("The curbs took effect on Dec. 1, 2023.", date(2023, 12, 1), None, "day"),
        ("The quota applies in 2026.", date(2026, 1, 1), None, "year"),
        ("A review is due in November 2026.", date(2026, 11, 1), None, "month"),
        ("Talks were held October 25-27.", date(2025, 10, 25), date(2025, 10, 27), "day"),
        ("The decision came on 2025-10-09.", date(2025, 10, 9), None, "day"),
        ("Delegations will meet from Friday to Sunday.", date(2025, 10, 17), date(2025, 10, 19), "day"),
        ("Ministers meet next month.", date(2025, 11, 1), None, "month"),
        ("The ban was imposed last month.", date(2025, 9, 1), None, "month"),
    ],
)
def test_explicit_and_relative_forms(sentence: str, start: date, end: date | None,
                                     precision: str) -> None:
    d = first(sentence)
    assert (d.start, d.end, d.precision) == (start, end, precision)


def test_weekday_follows_tense() -> None:
    assert first("Officials met on Monday.").start == date(2025, 10, 13)
    assert first("Officials will meet on Friday.").start == date(2025, 10, 17)
    assert first("The duties apply from Tuesday.", date(2020, 5, 18)).start == date(2020, 5, 19)


def test_relative_weeks_are_spans() -> None:
    d = first("Working-level talks will take place this week.")
    assert (d.start, d.end) == (date(2025, 10, 14), date(2025, 10, 19)) and d.vague
    d = first("The ministers met last week.")
    assert (d.start, d.end) == (date(2025, 10, 6), date(2025, 10, 12))


def test_year_is_chosen_by_tense_and_proximity() -> None:
    # Published in late December: "January 5" ahead is next year, behind is this year.
    pub = date(2025, 12, 28)
    assert first("The ban will start on January 5.", pub).start == date(2026, 1, 5)
    assert first("The ban started on December 20.", pub).start == date(2025, 12, 20)
    # Published in January, a past "December" is last year.
    assert first("Talks were held on Dec. 10.", date(2026, 1, 8)).start == date(2025, 12, 10)


def test_reporting_until_and_since_dates_are_marked() -> None:
    found = find_dates("Bessent said on Oct. 13 that the pause lasts until Nov. 10.", PUB)
    said, until = found
    assert said.reporting and not until.reporting and until.bound
    assert not [d for d in find_dates("Their first talks since 2019 went well.", PUB)]


def test_span_of_days_ending_on_a_weekday() -> None:
    d = first("Ministers ended two days of talks in Vienna on Sunday.", date(2026, 10, 12))
    assert (d.start, d.end) == (date(2026, 10, 10), date(2026, 10, 11))


def test_words_that_look_like_months_are_not_dates() -> None:
    assert find_dates("The EU may consider tighter rules.", PUB) == []
    assert find_dates("Protesters march in the capital.", PUB) == []


def test_trying_only_the_forms_a_word_can_start_finds_what_a_full_scan_finds() -> None:
    # The tagger passes the words that may start a date; each is tried with only the forms
    # that can begin with that kind of word. That must find exactly what one scan finds.
    sentences = [
        "Talks ran from Monday to Wednesday, 22-23 November and Oct. 31 to Nov. 1, 2026.",
        "The ban takes effect 2026-01-05, not in March 2025; since 2019 it was debated.",
        "Next Tuesday and this month, early June, mid-July, end of August, in 2027.",
        "Officials met yesterday, today and last week; the deal expires on 1 December 2025.",
        "On 5 of June the quota of 30,000 tonnes for 2024 was cut by 12.5% from May 3.",
        "During 2023, by September, until Friday's meeting, coming Monday, past year.",
    ]
    for s in sentences:
        low = s.lower()
        words = [(m.start(), m.group()) for m in re.finditer(r"\w+", low)
                 if may_start_date(m.group()) and not (m.start() and low[m.start() - 1] == "-")]
        assert find_dates(s, PUB, low, words) == find_dates(s, PUB), s


def test_a_weekday_takes_the_tense_of_its_own_clause() -> None:
    # A past verb in another clause ("killed") does not make a summit "ahead" of us past.
    d = first("Officials say the crash killed 14; ministers meet ahead of a wider summit on Friday.")
    assert d.start == date(2025, 10, 17)
    d = first("Officials say ministers met ahead of a wider summit on Friday.")
    assert d.start == date(2025, 10, 10)


def test_this_month_and_this_year_start_at_publication() -> None:
    # A window that holds the publication day dates the act to it, at the window's precision.
    d = first("Talks on a lasting deal this year have stalled.")
    assert (d.start, d.precision) == (PUB, "year")
    d = first("The curbs are the second set this month.")
    assert (d.start, d.precision) == (PUB, "month")
    assert first("The quota rises next year.").start == date(2026, 1, 1)


def test_meeting_verb_in_the_present_points_to_the_coming_day() -> None:
    """A headline's present for a meeting ("leaders meet Thursday") is the Thursday to come;
    told in the past it is the one gone, and a verb after the date does not count."""
    monday = date(2025, 10, 27)
    first = find_dates("Leaders' week opens in Gyeongju on Friday; the two presidents meet Thursday",
                       monday)
    assert [m.start for m in first] == [date(2025, 10, 31), date(2025, 10, 30)]
    assert find_dates("The two presidents met Thursday in Busan", monday)[0].start == date(2025, 10, 23)
    ordered = find_dates("The president on Tuesday directed the ministry to open an inquiry", monday)
    assert ordered[0].start == date(2025, 10, 21)


@pytest.mark.parametrize(("sentence", "start"), [
    # "by" just before a date is a deadline: ahead, though a source "said" after it
    ("The regulator is expected to tell each of the licensed exporters their individual cobalt "
     "allocations for the first quarter by Dec. 15, two sources said.", date(2025, 12, 15)),
    # told in the past, the date before it stays past
    ("Exporters had received their quotas by Sept. 30, traders said.", date(2025, 9, 30)),
])
def test_a_deadline_by_a_date(sentence: str, start: date) -> None:
    assert first(sentence).start == start


def test_a_meeting_verb_reaches_its_day_across_a_venue() -> None:
    """"meet in <place> on Thursday": the present still points ahead across the place's name;
    "a meeting in <place> on Saturday" names no present verb (a noun), so its tense decides."""
    wednesday = date(2025, 10, 22)
    d = find_dates("Leaders of both sides meet in Kuala Lumpur on Thursday", wednesday)
    assert d[0].start == date(2025, 10, 23)
    d = find_dates("A delegation offered its support during a meeting in Lima on Saturday", wednesday)
    assert d[0].start == date(2025, 10, 18)


def test_the_nth_day_of_an_occasion_dates_its_first_day() -> None:
    # PUB is a Tuesday: the visit began on Sunday when Tuesday is its third day
    d = first("The premier began the third day of his state visit to Hanoi on Tuesday.")
    assert (d.start, d.end) == (date(2025, 10, 12), PUB)
    d = first("On the second day of the summit in Lima on Tuesday, leaders signed a pact.")
    assert (d.start, d.end) == (date(2025, 10, 13), PUB)
    # look-alike: the n-th day of something that is no occasion
    d = first("Copper fell for a second day of trading on Tuesday.")
    assert (d.start, d.end) == (PUB, None)
