"""Dates, 33rd pass: which of a sentence's dates is an act's own, in our own words, each with
look-alikes that must keep the date they had.

Publication on Friday 2024-11-15 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

from ingest.tagging.dates import find_dates
from ingest.tagging.tagger import Tagger

PUB = date(2024, 11, 15)  # a Friday


def dated(tagger: Tagger, title: str, summary: str, type_id: str,
          pub: date = PUB) -> list[tuple[str, str]]:
    return sorted((e.date.isoformat(), e.date_precision)
                  for e in tagger.tag(title, summary, pub).events if e.type == type_id)


# --- a month owning an act ("July's curbs"): the act of that month ---------------------------

def test_a_month_owning_an_act_dates_it(tagger: Tagger) -> None:
    got = dated(tagger, "Which metal next for Beijing?",
                "China's new paperwork for graphite traders last week followed August's curbs "
                "on antimony and gallium.", "export_control")
    assert ("2024-08-01", "month") in got


def test_an_owned_month_is_the_last_one_unless_the_sentence_looks_ahead() -> None:
    (past,) = find_dates("September's controls on antimony hit traders", PUB)
    assert (past.start, past.precision) == (date(2024, 9, 1), "month")
    (later,) = find_dates("December's summit will be held in Lima", PUB)
    assert later.start == date(2024, 12, 1)
    (last_year,) = find_dates("the tariffs of December's package stayed", date(2024, 3, 4))
    assert last_year.start == date(2023, 12, 1)


def test_a_name_like_may_owns_no_month() -> None:
    assert find_dates("Theresa May's deal on customs", PUB) == []
    assert find_dates("March ahead with the plan", PUB) == []


# --- a date after an act's noun and participle is that act's ("the truce agreed last year") --

TRUCE = ("Officials from Washington and Beijing will meet next week to discuss extending the truce "
         "agreed in Madrid last year, under which China paused its gallium export controls.")


def test_a_date_claimed_by_a_later_noun_leaves_the_meeting(tagger: Tagger) -> None:
    events = tagger.tag("Trade teams to meet before truce runs out", TRUCE, PUB).events
    (talks,) = [e for e in events if e.type == "talks"]
    assert (talks.date, talks.status) == (date(2024, 11, 18), "scheduled")
    assert ("2023-01-01", "year") in dated(tagger, "Trade teams to meet", TRUCE, "agreement")


def test_a_date_of_the_meeting_itself_stays(tagger: Tagger) -> None:
    summary = "Officials from Washington and Beijing met in Madrid last year to discuss extending the truce."
    events = tagger.tag("Trade teams to meet before truce runs out", summary, PUB).events
    (talks,) = [e for e in events if e.type == "talks"]
    assert (talks.date, talks.status) == (date(2023, 1, 1), "held")


def test_an_act_under_a_dated_instrument_takes_its_date(tagger: Tagger) -> None:
    got = dated(tagger, "Kenya takes stake in cobalt mine",
                "Kenya's government will hold a 10% free-carried interest in a new cobalt mine under "
                "a framework agreement signed in Nairobi on Tuesday.", "investment")
    assert got == [("2024-11-12", "day")]


def test_a_dated_topic_before_the_trigger_keeps_its_date(tagger: Tagger) -> None:
    got = dated(tagger, "Beijing keeps curbs",
                "Controls announced in July on gallium remain in place, although general licences "
                "are expected for cobalt.", "export_control")
    assert got == [("2024-07-01", "month")]


# --- the date the trigger's own noun is given outweighs the clause's other dates --------------

def test_duties_dated_by_their_own_relative_clause(tagger: Tagger) -> None:
    got = dated(tagger, "Indonesia takes EU nickel duties to WTO",
                "Indonesia requested consultations at the World Trade Organization on Monday over "
                "countervailing duties the European Union imposed in August on stainless steel "
                "made with its nickel.", "tariff")
    assert got == [("2024-08-01", "month")]


def test_a_measure_in_place_since_a_month(tagger: Tagger) -> None:
    got = dated(tagger, "Pretoria fights EU duties",
                "Pretoria said the duties on ferrochrome, in place since last March, have forced "
                "smelters to close.", "tariff")
    assert got == [("2024-03-01", "month")]


def test_duties_with_no_date_of_their_own_keep_the_clause_day(tagger: Tagger) -> None:
    got = dated(tagger, "Indonesia takes EU nickel duties to WTO",
                "Indonesia requested consultations at the World Trade Organization on Monday over "
                "countervailing duties on stainless steel made with its nickel, imposed by the "
                "European Union.", "tariff")
    assert got == [("2024-11-11", "day")]
    got = dated(tagger, "Indonesia hits back", "Indonesia imposed duties on Monday on stainless "
                "steel from the EU, which it says used nickel illegally.", "tariff")
    assert got == [("2024-11-11", "day")]


# --- "after two days of talks": the talks ran up to the day of the news -----------------------

def _talks(tagger: Tagger, summary: str) -> list[tuple[date, date | None]]:
    events = tagger.tag("Jakarta and Tokyo agree nickel framework", summary, PUB).events
    return [(e.date, e.end_date) for e in events if e.type == "talks"]


def test_talks_of_stated_length_end_on_the_day_their_outcome_was_said(tagger: Tagger) -> None:
    assert _talks(tagger, "After three days of talks in Jakarta, negotiators from Indonesia and Japan "
                  "said on Thursday they had agreed a framework on nickel supplies.") == [
        (date(2024, 11, 12), date(2024, 11, 14))]


def test_talks_of_stated_length_end_on_the_day_of_the_deal(tagger: Tagger) -> None:
    assert _talks(tagger, "Negotiators from Indonesia and Japan agreed a framework on nickel supplies "
                  "on Wednesday, after two days of talks in Jakarta.") == [
        (date(2024, 11, 12), date(2024, 11, 13))]


def test_talks_of_no_stated_length_take_no_day_from_what_was_said(tagger: Tagger) -> None:
    assert _talks(tagger, "After talks in Jakarta, negotiators from Indonesia and Japan said on "
                  "Thursday they had agreed a framework on nickel supplies.") == [(PUB, None)]


# --- "on the same day", "a day later": a day named by another ---------------------------------

JAKARTA = "Jakarta hits back at Brussels"


def test_the_same_day_is_the_day_of_the_news_before(tagger: Tagger) -> None:
    got = dated(tagger, JAKARTA, "Indonesia said on Wednesday it would raise export duties on nickel "
                "pig iron from January 1. On the same day the trade ministry put four EU firms on a "
                "sanctions list.", "sanction")
    assert got == [("2024-11-13", "day")]


def test_the_same_day_told_of_the_future_is_the_day_to_come(tagger: Tagger) -> None:
    got = dated(tagger, JAKARTA, "Indonesia said on Wednesday it would raise export duties on nickel "
                "pig iron from January 1. It would also impose sanctions on four EU firms the same "
                "day.", "sanction")
    assert got == [("2025-01-01", "day")]


def test_a_day_later_counts_on(tagger: Tagger) -> None:
    got = dated(tagger, JAKARTA, "Indonesia said on Wednesday it would raise export duties on nickel "
                "pig iron. A day later the trade ministry put four EU firms on a sanctions list.",
                "sanction")
    assert got == [("2024-11-14", "day")]


def test_the_same_day_with_no_day_before_it_names_none(tagger: Tagger) -> None:
    got = dated(tagger, JAKARTA, "Indonesia raised export duties on nickel pig iron. The trade "
                "ministry put four EU firms on a sanctions list the same day.", "sanction")
    assert got == [("2024-11-15", "day")]


# --- a headline's "to" tells the future: its weekday is the one to come ------------------------

def test_a_headline_to_do_names_a_day_to_come() -> None:
    (meet,) = find_dates("Regional defence chiefs to discuss Sahel crisis Thursday and Friday",
                         date(2024, 11, 12), headline=True)  # a Tuesday
    assert (meet.start, meet.end) == (date(2024, 11, 14), date(2024, 11, 15))
    (levy,) = find_dates("Higher cobalt royalties to kick in on Saturday", PUB, headline=True)
    assert levy.start == date(2024, 11, 16)


def test_a_headline_to_a_level_or_a_body_sentence_keeps_the_past() -> None:
    (rise,) = find_dates("Copper rises to record on Thursday", PUB, headline=True)
    assert rise.start == date(2024, 11, 14)
    (body,) = find_dates("The ministry moved to ban exports on Thursday", PUB)
    assert body.start == date(2024, 11, 14)


# --- a month or a day whose year is named by a shift ("in September last year") ---------------

def test_a_month_or_day_takes_the_year_its_shift_names(tagger: Tagger) -> None:
    for text, start, precision in (("in September last year", date(2023, 9, 1), "month"),
                                   ("in October of last year", date(2023, 10, 1), "month"),
                                   ("from March next year", date(2025, 3, 1), "month"),
                                   ("on Oct. 9 last year", date(2023, 10, 9), "day"),
                                   ("on 9 October last year", date(2023, 10, 9), "day")):
        (m,) = find_dates(text, PUB)
        assert (m.start, m.precision) == (start, precision), text
    got = dated(tagger, "China curbs", "Beijing imposed curbs on gallium exports on 9 October last "
                "year.", "export_control")
    assert got == [("2023-10-09", "day")]


def test_a_month_before_a_comma_keeps_its_own_year() -> None:
    found = find_dates("In September, last year's decree was upheld", PUB)
    assert [(m.start, m.precision) for m in found] == [(date(2024, 9, 1), "month"),
                                                       (date(2023, 1, 1), "year")]


# --- a start told in the present is still to come ("the duties kick in on Monday") -------------

def test_a_start_told_in_the_present_is_to_come(tagger: Tagger) -> None:
    for verb in ("go into effect", "kick in", "come into force"):
        events = tagger.tag("Nickel duties", f"Indonesia's export duties on nickel pig iron {verb} on "
                            "Monday, the trade ministry said.", PUB).events
        assert [(e.date, e.status) for e in events] == [(date(2024, 11, 18), "announced")], verb


def test_a_start_told_in_the_past_stays_past(tagger: Tagger) -> None:
    for verb in ("went into effect", "kicked in", "came into force"):
        events = tagger.tag("Nickel duties", f"Indonesia's export duties on nickel pig iron {verb} on "
                            "Monday, the trade ministry said.", PUB).events
        assert [(e.date, e.status) for e in events] == [(date(2024, 11, 11), "in_effect")], verb


# --- "X on Monday extended ...": a verb told in the past right after the weekday ---------------

def test_a_weekday_before_a_past_verb_is_past_whatever_comes_after() -> None:
    for text in ("The EU on Monday extended until March 2025 its sanctions on Russian nickel",
                 "Beijing on Monday tightened curbs that will apply from next month",
                 "Pretoria's president on Monday briefed his Chinese counterpart on the plan"):
        assert find_dates(text, PUB)[0].start == date(2024, 11, 11), text


def test_a_weekday_before_a_future_stays_ahead() -> None:
    for text in ("Ministers on Monday will discuss tariffs on Chinese graphite",
                 "The EU on Monday is expected to adopt sanctions on Russian nickel"):
        assert find_dates(text, PUB)[0].start == date(2024, 11, 18), text


# --- an aside (", which ... ,") keeps its date to itself ----------------------------------------

ASIDE = ("China, which restricted gallium exports in August 2023, said on Tuesday it would ban "
         "antimony shipments to the US.")


def test_an_aside_dates_only_its_own_act(tagger: Tagger) -> None:
    assert dated(tagger, "Metals news", ASIDE, "export_control") == [("2023-08-01", "month"),
                                                                      ("2024-11-12", "day")]


def test_a_decision_reported_with_would_is_announced_a_bill_is_proposed(tagger: Tagger) -> None:
    said = tagger.tag("Metals news", "China said on Tuesday it would ban antimony shipments to the US.",
                      PUB).events
    assert [(e.date, e.status) for e in said] == [(date(2024, 11, 12), "announced")]
    bill = tagger.tag("Metals news", "The bill would ban antimony shipments to China.", PUB).events
    assert [e.status for e in bill] == ["proposed"]


# --- "scrap" as metal is no lifting; "scrapped", "to scrap" still lift -------------------------

def test_scrap_metal_lifts_nothing(tagger: Tagger) -> None:
    events = tagger.tag("Metals news", "Russia banned exports of rare earth scrap and magnet waste on "
                        "Thursday.", PUB).events
    assert [(e.date, e.status) for e in events] == [(date(2024, 11, 14), "in_effect")]


def test_scrapping_a_ban_lifts_it(tagger: Tagger) -> None:
    for text in ("Indonesia scrapped its ban on bauxite exports on Thursday.",
                 "Indonesia scraps its ban on bauxite exports."):
        assert [e.status for e in tagger.tag("Metals news", text, PUB).events] == ["lifted"], text


# --- an inquiry's finding behind the news is made known on the news day -----------------------

def test_a_finding_that_led_to_the_decision_takes_its_day(tagger: Tagger) -> None:
    got = dated(tagger, "No cobalt duties for now",
                "The president on Wednesday chose not to impose duties on refined cobalt after a "
                "Commerce Department probe found that imports threaten national security.",
                "investigation")
    assert got == [("2024-11-13", "day")]


def test_a_probe_behind_the_news_with_no_finding_stays_undated(tagger: Tagger) -> None:
    got = dated(tagger, "Cobalt duties imposed",
                "The president on Wednesday imposed duties on refined cobalt after a Commerce "
                "Department probe into imports.", "investigation")
    assert got == [("2024-11-15", "day")]  # the publication day: the text gives none


# --- a start stated in an earlier clause is another act's ("levies ..., due from Nov. 20, but
# also licence requirements") ------------------------------------------------------------------

def test_a_start_in_an_earlier_clause_is_not_borrowed(tagger: Tagger) -> None:
    got = dated(tagger, "Beijing hits back", "Beijing's answer to the US duties included levies of 15% "
                "on American coal, due from Nov. 20, but also licence requirements for exports of "
                "indium and tungsten.", "export_control", date(2024, 11, 13))
    assert got == [("2024-11-13", "day")]


def test_a_start_after_the_trigger_stays_its_own(tagger: Tagger) -> None:
    for tail in (" from Dec. 15, under a notice the commerce ministry and customs issued jointly on "
                 "Tuesday.", ", starting Dec. 15."):
        got = dated(tagger, "Beijing tightens antimony exports", "Shipments of antimony ores, ingots "
                    "and oxides out of China will need a government licence" + tail,
                    "export_control", date(2024, 11, 13))
        assert got == [("2024-12-15", "day")], tail
