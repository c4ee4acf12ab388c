"""Grids of plain sentences: the status and date an act's own words give it, whichever act
verb, publication weekday or year boundary. Each case is one sentence in, (status, date) out."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

WEDNESDAY = date(2024, 12, 4)
MONDAY = date(2024, 12, 2)
JANUARY = date(2025, 1, 9)  # a Thursday


def _event(tagger: Tagger, summary: str, type_id: str, pub: date, title: str = "Update") -> tuple[str, str]:
    events = [e for e in tagger.tag(title, summary, pub).events if e.type == type_id]
    assert events, summary
    return events[0].status, events[0].date.isoformat()


@pytest.mark.parametrize(("summary", "type_id", "pub", "want"), [
    # "said ... it would <act>": a decision reported, whatever the act verb and the day said
    ("The United States said on Monday it would impose tariffs of 25% on Chinese graphite.",
     "tariff", WEDNESDAY, ("announced", "2024-12-02")),
    ("The European Union said on Tuesday it would impose sanctions on Russian aluminium producers.",
     "sanction", JANUARY, ("announced", "2025-01-07")),
    ("Washington said on Monday it would raise duties on Chinese graphite anodes to 50%.",
     "tariff", MONDAY, ("announced", "2024-12-02")),
    ("The US Treasury said on Monday it would blacklist three Russian nickel producers.",
     "sanction", MONDAY, ("announced", "2024-12-02")),
    # "could <act>": a possibility, whatever the act verb
    ("Washington could raise duties on Chinese graphite anodes to 50%, officials said on Tuesday.",
     "tariff", WEDNESDAY, ("threatened", "2024-12-03")),
    ("The US Treasury could blacklist three Russian nickel producers, officials said on Monday.",
     "sanction", JANUARY, ("threatened", "2025-01-06")),
    ("Washington may raise tariffs on Chinese graphite to 50%.", "tariff", WEDNESDAY,
     ("proposed", "2024-12-04")),
    # "announced that it had <act>": done
    ("The US Treasury announced on Tuesday that it had blacklisted three Russian nickel producers.",
     "sanction", WEDNESDAY, ("in_effect", "2024-12-03")),
    # "moved to <act>", headline "X To <act>": announced
    ("The US Treasury moved on Monday to blacklist three Russian nickel producers.",
     "sanction", WEDNESDAY, ("announced", "2024-12-02")),
    # a condition after the act's object (a country) is the actor's threat
    ("China would ban exports of gallium to the United States if Washington refuses to back down, "
     "officials said.", "export_control", WEDNESDAY, ("threatened", "2024-12-04")),
    ("Washington would raise duties on Chinese graphite anodes to 50% if Beijing fails to act, "
     "officials said.", "tariff", WEDNESDAY, ("threatened", "2024-12-04")),
])
def test_status_and_date_of_plain_sentences(tagger: Tagger, summary: str, type_id: str, pub: date,
                                            want: tuple[str, str]) -> None:
    assert _event(tagger, summary, type_id, pub) == want


def test_headline_to_with_any_act_verb(tagger: Tagger) -> None:
    assert _event(tagger, "", "sanction", WEDNESDAY,
                  "US Treasury To Blacklist Three Russian Nickel Producers") == ("announced", "2024-12-04")


@pytest.mark.parametrize("summary", [
    "China imposed export controls on gallium on Tuesday that take effect on Jan. 1.",
    "China imposed export controls on gallium on Tuesday, effective Jan. 1.",
    "China imposed export controls on gallium on Tuesday, with the curbs taking effect on Jan. 1.",
    "Zimbabwe banned exports of raw lithium ore on Tuesday, with the measure taking effect on Jan. 1.",
])
def test_a_past_act_verb_with_a_start_to_come_is_announced_on_its_day(tagger: Tagger, summary: str) -> None:
    assert _event(tagger, summary, "export_control", WEDNESDAY) == ("announced", "2024-12-03")


def test_a_start_told_in_the_participle_is_to_come_across_the_year() -> None:
    from ingest.tagging.dates import find_dates

    got = find_dates("Curbs were imposed on Tuesday, with the rules taking effect on Jan. 1.", WEDNESDAY)
    assert [(d.start.isoformat(), d.start_told) for d in got] == [("2024-12-03", False), ("2025-01-01", True)]


@pytest.mark.parametrize("pub", [WEDNESDAY, JANUARY])
def test_a_target_year_is_no_date_of_the_act(tagger: Tagger, pub: date) -> None:
    status, day = _event(tagger, "Indonesia said it aims to halt all nickel ore exports by 2030.",
                         "export_control", pub)
    assert day == pub.isoformat()


@pytest.mark.parametrize(("pub", "said", "day"), [(WEDNESDAY, "Nov. 20", "2024-11-20"),
                                                  (JANUARY, "Dec. 20", "2024-12-20")])
def test_a_day_until_a_later_year_keeps_its_own_year(tagger: Tagger, pub: date, said: str, day: str) -> None:
    res = tagger.tag("Update", f"China suspended its gallium export ban on {said} until Nov. 27, 2026.", pub)
    ev = next(e for e in res.events if e.status == "suspended")
    assert (ev.date.isoformat(), str(ev.end_date)) == (day, "2026-11-27")


def test_a_change_is_dated_by_its_own_day_not_its_objects_participle(tagger: Tagger) -> None:
    res = tagger.tag("Update", "China's commerce ministry on Friday suspended the export control measures "
                     "announced on Oct. 9 until Nov. 10, 2026.", date(2025, 11, 7))
    ev = next(e for e in res.events if e.type == "export_control")
    assert (ev.date.isoformat(), str(ev.end_date)) == ("2025-11-07", "2026-11-10")
