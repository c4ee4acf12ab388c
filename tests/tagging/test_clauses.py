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


def of_type(evs: list[EventRecord], type_: str) -> EventRecord:
    return next(e for e in evs if e.type == type_)


@pytest.mark.parametrize("summary", [
    "Japan announced subsidies for graphite mines on Monday, weeks after Beijing widened its "
    "export controls on graphite.",
    "South Korea plans to stockpile graphite after China tightened export controls on the "
    "mineral.",
    "The EU will impose tariffs on Chinese graphite in July, months after China restricted "
    "graphite exports.",
    "Weeks after China imposed curbs on graphite exports, Japan will fund new mines next month.",
    "Japan will subsidise graphite refiners since China imposed curbs on graphite exports.",
])
def test_an_earlier_act_referred_to_keeps_its_own_status_and_no_borrowed_date(
        tagger: Tagger, summary: str) -> None:
    control = of_type(events(tagger, "Graphite supply", summary), "export_control")
    assert (control.actor, control.status, control.date_source) == ("CN", "in_effect", "background")


def test_an_earlier_act_keeps_the_date_its_own_clause_states(tagger: Tagger) -> None:
    evs = events(tagger, "Graphite supply", "After China imposed curbs on graphite exports in "
                 "December, Japan said on Monday it will fund new mines.")
    control = of_type(evs, "export_control")
    assert (control.date, control.date_precision, control.status) == (
        date(2024, 12, 1), "month", "in_effect")


def test_a_meeting_the_news_follows_was_held(tagger: Tagger) -> None:
    summit = of_type(events(tagger, "Graphite supply", "Tokyo will fund graphite mines next "
                            "month, following the leaders' meeting."), "summit")
    assert (summit.status, summit.date_source) == ("held", "background")


@pytest.mark.parametrize(("summary", "type_", "day", "status"), [
    # the news itself after "after": its own clause dates it
    ("Graphite prices rose after China imposed export curbs on graphite on Monday.",
     "export_control", LAST_MONDAY, "in_effect"),
    # a meeting just before a past act of the news: that day bounds it
    ("Japan and Chile agreed a lithium deal on Tuesday after two days of talks in Santiago.",
     "talks", LAST_MONDAY, "held"),
    # "the following" is no subordinator
    ("Japan will take the following measures next month: a ban on graphite exports.",
     "export_control", date(2025, 4, 1), "announced"),
])
def test_look_alikes_of_an_earlier_act(tagger: Tagger, summary: str, type_: str, day: date,
                                       status: str) -> None:
    ev = of_type(events(tagger, "Graphite supply", summary), type_)
    assert (ev.date, ev.status) == (day, status)


@pytest.mark.parametrize(("title", "parties"), [
    ("Peru's president and Japan's prime minister meet in South Korea on copper", {"PE", "JP"}),
    ("US and China hold talks on rare earths in Geneva, Switzerland", {"US", "CN"}),
    # a host among those meeting stays: one other country meets there, or it is named as one
    ("US officials hold talks on rare earths in China", {"US", "CN"}),
    ("US and Chinese officials meet in China over gallium", {"US", "CN"}),
])
def test_a_meetings_venue_is_no_party(tagger: Tagger, title: str, parties: set[str]) -> None:
    tagged = tagger.tag(title, "", PUB)
    meeting = next(e for e in tagged.events if e.type in ("talks", "summit"))
    assert set(meeting.countries) == parties
    assert set(meeting.countries) <= set(tagged.countries)  # the venue is still named


@pytest.mark.parametrize(("title", "summary"), [
    ("EU and China to hold an export-control dialogue on rare earths", ""),
    ("EU and China to hold export control dialogue over rare earth curbs", ""),
    ("Rare earth supply", "The EU and China will hold a dialogue on export controls next week."),
    ("Japan and Korea hold talks on tariffs on graphite anodes", ""),
])
def test_a_measure_a_meeting_is_about_is_no_act(tagger: Tagger, title: str, summary: str) -> None:
    assert {e.type for e in events(tagger, title, summary)} == {"talks"}


@pytest.mark.parametrize("title", [
    # a government's own measure, or one told as made, is an act referred to
    "EU and China hold talks on China's export controls on gallium",
    "EU and China hold talks over the gallium curbs Beijing imposed in July",
    # a measure of its own next to the meeting
    "China tightens gallium export controls ahead of talks with the EU",
])
def test_a_measure_beside_a_meeting_is_still_an_act(tagger: Tagger, title: str) -> None:
    assert "export_control" in {e.type for e in events(tagger, title)}


@pytest.mark.parametrize("title", [
    "The pause on China's gallium ban for the US is scheduled to lapse on Friday",
    "Pause on China's US-only gallium ban is scheduled to lapse Friday",
])
def test_a_pause_scheduled_to_lapse_is_a_suspension_ending_that_day(tagger: Tagger,
                                                                    title: str) -> None:
    evs = events(tagger, title)
    assert [(e.type, e.status, e.end_date) for e in evs] == [
        ("export_control", "suspended", date(2025, 3, 7))]


@pytest.mark.parametrize(("summary", "type_", "actor"), [
    ("Moscow announced it will cut nickel output this month in response to Western sanctions.",
     "sanction", None),
    ("China raised tariffs on US soybeans on Monday in retaliation for US tariffs on Chinese "
     "steel.", "tariff", "US"),
])
def test_the_measure_a_response_answers_stands_undated(tagger: Tagger, summary: str, type_: str,
                                                       actor: str | None) -> None:
    answered = next(e for e in events(tagger, "Graphite and nickel", summary)
                    if e.type == type_ and e.actor == actor)
    assert (answered.status, answered.date_source) == ("in_effect", "background")


def test_the_news_clause_stops_where_a_background_clause_begins(tagger: Tagger) -> None:
    evs = events(tagger, "Graphite", "China raised tariffs on US soybeans on Monday in "
                 "retaliation for US tariffs on Chinese graphite.")
    raised = next(e for e in evs if e.date_source == "text")
    assert (raised.actor, raised.targets, raised.date) == ("CN", ("US",), LAST_MONDAY)
    answered = next(e for e in evs if e.date_source == "background")
    assert (answered.actor, answered.targets) == ("US", ("CN",))
