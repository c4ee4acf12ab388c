"""Weekdays resolved by the tense of the sentence, and a pause for a stated time gets its end."""

from __future__ import annotations

from datetime import date

from ingest.tagging.dates import find_dates
from ingest.tagging.tagger import Tagger

FRIDAY = date(2023, 12, 15)


def days(sentence: str, pub: date = FRIDAY) -> list[date]:
    return [d.start for d in find_dates(sentence, pub)]


def test_a_weekday_in_a_past_sentence_is_the_last_one_whatever_points_ahead() -> None:
    assert days("The leaders promised in a tense meeting Thursday that neither would "
                "use force.") == [date(2023, 12, 14)]
    assert days("The two sides failed to agree ahead of a summit on Tuesday.") == [
        date(2023, 12, 12)]


def test_a_weekday_in_a_future_sentence_is_the_next_one() -> None:
    assert days("Delhi will impose duties on foil imported from China from Monday.") == [
        date(2023, 12, 18)]


def test_a_month_and_day_after_announced_from_is_still_ahead() -> None:
    assert days("Beijing announced curbs on holmium from November 8.", date(2025, 10, 9)) == [
        date(2025, 11, 8)]


def test_put_on_hold_for_one_year_runs_a_year_from_when_it_was_said() -> None:
    res = Tagger().tag("Metals news", "China said on Thursday that the export restrictions "
                       "on rare earths it unveiled on Oct. 9 would be put on hold for one year.",
                       date(2025, 11, 7))
    ev = next(e for e in res.events if e.type == "export_control")
    assert (ev.status, ev.date, ev.end_date) == ("suspended", date(2025, 11, 6), date(2026, 11, 6))


def test_a_headline_act_takes_the_day_its_lead_restates_it_on() -> None:
    # the lead tells the headline's act in other words (no trigger of its own) on one past day
    tagger = Tagger()
    got = tagger.tag("Zambia and Japan sign cobalt pact",
                     "Ministers from both countries on Wednesday initialled a text that gives "
                     "Japanese refiners first call on new Zambian cobalt output.",
                     FRIDAY).events
    assert [(e.type, e.date) for e in got] == [("agreement", date(2023, 12, 13))]
    # a day to come in the lead is no report of the act: the headline stays undated
    got = tagger.tag("Zambia and Japan sign cobalt pact",
                     "Ministers will meet refiners on Monday to explain the text.", FRIDAY).events
    assert all(e.date_source == "published" for e in got if e.type == "agreement")
    # a lead more than a week back is another occasion
    got = tagger.tag("Zambia and Japan sign cobalt pact",
                     "Talks began on Nov. 2 in Lusaka.", FRIDAY).events
    assert all(e.date == FRIDAY for e in got if e.type == "agreement")


def test_an_irregular_past_verb_after_a_weekday_tells_the_past() -> None:
    # "plan" ahead would point to next Tuesday; "sent" says it happened
    assert days("Mexico's government on Tuesday sent Congress a plan to raise tariffs.") == [
        date(2023, 12, 12)]


def test_the_day_something_was_said_spans_no_days() -> None:
    """"After three days of talks, envoys said on Thursday they had agreed": the saying is on
    Thursday, it does not start two days earlier as the talks did."""
    [said] = find_dates("After three days of talks, envoys said on Thursday they had agreed a text.",
                        FRIDAY)
    assert said.reporting and (said.start, said.end) == (date(2023, 12, 14), None)


def test_a_stretch_from_now_is_vague_and_loses_to_a_stated_day() -> None:
    """"phased out over the coming year, under rules adopted on Monday": the rules are Monday's."""
    over, monday = find_dates("Nickel imports will be phased out over the coming year under rules "
                              "adopted by ministers on Monday.", FRIDAY)
    assert over.vague and not monday.vague
    [plain] = find_dates("The quota will be reviewed next year.", FRIDAY)
    assert not plain.vague
