"""Which year or week a date without one means, told by the verb of its own clause: a start
told in the present ("the surtax starts Oct. 1") is still to come; a past verb in a later
clause ("would be 50%, months after he ordered a review in February") dates its own act; an
occasion that "began Friday" runs from that day; "Friday last week" is that week's Friday; a
start told before "and" another act ("a tariff from April 10 and the addition of firms") is
the first act's. Each with a twin that keeps the old reading. Written in our own words.
"""

from __future__ import annotations

from datetime import date

from ingest.tagging.dates import find_dates


def _days(sentence: str, pub: date) -> list[tuple[date, date | None]]:
    return [(d.start, d.end) for d in find_dates(sentence, pub) if not d.reporting]


def test_a_start_told_in_the_present_is_to_come() -> None:
    pub = date(2024, 8, 27)
    said = "The minister said on Monday the surtax on electric vehicles starts Oct. 1."
    assert _days(said, pub) == [(date(2024, 10, 1), None)]
    assert _days("A surtax on steel began Oct. 1, the minister said.", pub) == [(date(2023, 10, 1), None)]


def test_a_past_verb_of_a_later_clause_dates_its_own_act() -> None:
    pub = date(2025, 7, 9)
    later = "The duty would be 50%, months after he ordered a review of copper imports in February."
    assert _days(later, pub) == [(date(2025, 2, 1), None)]
    # a participle in the future verb's own clause is no past: the start is still to come
    same = "Washington will charge a duty on the copper in imported products from February."
    assert _days(same, pub) == [(date(2026, 2, 1), None)]


def test_an_occasion_that_began_on_a_day_runs_from_it() -> None:
    pub = date(2024, 4, 6)
    began = "Two days of meetings with the vice premier that began Friday covered battery exports."
    assert _days(began, pub) == [(date(2024, 4, 5), date(2024, 4, 6))]
    ended = "Two days of meetings with the vice premier ended on Friday without a deal."
    assert _days(ended, pub) == [(date(2024, 4, 4), date(2024, 4, 5))]


def test_a_weekday_of_a_named_week_is_that_weeks_day() -> None:
    pub = date(2024, 3, 13)  # a Wednesday
    assert _days("The duties applied from Friday last week.", pub) == [(date(2024, 3, 8), None)]
    assert _days("The duties apply from Friday next week.", pub) == [(date(2024, 3, 22), None)]
    assert _days("The duties apply from Friday.", pub) == [(date(2024, 3, 15), None)]


def test_a_start_before_and_is_the_earlier_acts() -> None:
    from ingest.tagging.tagger import Tagger

    pub = date(2025, 4, 4)
    text = ("Beijing said on Friday it would levy a 34% tariff on all US goods from April 10 and "
            "add 16 American firms to its export control list over rare earths.")
    got = {e.type: e.date for e in Tagger().tag("China hits back over rare earths", text, pub).events}
    assert got["tariff"] == date(2025, 4, 10)
    assert got["sanction"] == pub
    # twin: a start after a plain list of acts is of them all
    both = ("Beijing said on Friday it would levy tariffs and add American firms to its export "
            "control list from April 10 over rare earths.")
    got = {e.type: e.date for e in Tagger().tag("China hits back over rare earths", both, pub).events}
    assert got["tariff"] == got["sanction"] == date(2025, 4, 10)
