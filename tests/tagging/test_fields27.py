"""Per-event fields, fourth pass: a measure's own verb, tense and clause decide its status,
its actor and its date, whatever the main clause or the headline says.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ingest.records import EventRecord
from ingest.tagging.dates import find_dates
from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday



def event(tagger: Tagger, title: str, summary: str, type_id: str) -> EventRecord:
    return next(e for e in tagger.tag(title, summary, PUB).events if e.type == type_id)


# --- a start still to come, in the measure's own verb --------------------------------------

@pytest.mark.parametrize("summary", [
    "Belgium published export controls that will restrict shipments of germanium to Russia.",
    "Refiners are stockpiling cobalt before Belgium's export controls take effect.",
    "Refiners are stockpiling cobalt until the Belgian export controls come into force.",
    "Carmakers must source lithium in Europe, or else EU tariffs of 10% will be applied on "
    "exports.",
])
def test_a_measure_whose_own_verb_is_future_is_announced(tagger: Tagger, summary: str) -> None:
    ev = tagger.tag("Metals trade news", summary, PUB).events
    assert [e.status for e in ev] == ["announced"]


def test_a_stated_later_start_outweighs_a_headline_act_verb(tagger: Tagger) -> None:
    ev = event(tagger, "Refiner hit with new Belgian limits on germanium exports",
               "Belgium published export controls that will restrict more germanium shipments "
               "to Russia.", "export_control")
    assert ev.status == "announced"


@pytest.mark.parametrize("summary", [
    # a consequence told in the future says nothing of the start
    "Belgium imposed export controls that will hurt germanium refiners.",
    # the start told in the past: it applies
    "Refiners stockpiled cobalt before Belgium's export controls took effect.",
    "Belgium's export controls on germanium took effect on Monday.",
])
def test_a_future_consequence_or_a_past_start_leaves_it_in_effect(tagger: Tagger,
                                                                   summary: str) -> None:
    ev = tagger.tag("Metals trade news", summary, PUB).events
    assert [e.status for e in ev] == ["in_effect"]


def test_a_headline_act_verb_still_outweighs_a_plain_announcement(tagger: Tagger) -> None:
    ev = event(tagger, "Belgium imposes export controls on germanium",
               "Belgium announced export controls on germanium shipments to Russia.",
               "export_control")
    assert ev.status == "in_effect"


# --- the object of a control verb acts ------------------------------------------------------

@pytest.mark.parametrize(("title", "actor"), [
    ("Beijing presses Tokyo to drop its export curbs on gallium", "JP"),
    ("China urges the Netherlands to ease export controls on germanium", "NL"),
    ("Canberra asked Washington to lift its tariffs on lithium", "US"),
    # look-alikes: the subject's own act; a clause break between object and trigger
    ("Beijing imposes export curbs on gallium to press Tokyo", "CN"),
    ("Beijing pressed Tokyo to talk; China then imposed export curbs on gallium", "CN"),
])
def test_the_object_of_a_control_verb_owns_the_measure(tagger: Tagger, title: str,
                                                       actor: str) -> None:
    evs = [e for e in tagger.tag(title, "", PUB).events if e.type in ("export_control", "tariff")]
    assert [e.actor for e in evs] == [actor]


# --- date forms: a named month before or after, a weekend, a year's edge, "a <year> deal" ----

@pytest.mark.parametrize(("words", "start", "precision"), [
    ("signed into law last August", date(2024, 8, 1), "month"),
    ("signed into law last February", date(2025, 2, 1), "month"),
    ("will take effect next March", date(2026, 3, 1), "month"),  # March 2025 is this month
    ("will take effect next June", date(2025, 6, 1), "month"),
    ("takes effect this June", date(2025, 6, 1), "month"),
    ("agreed at the end of 2020", date(2020, 1, 1), "year"),
    ("agreed in early 2021", date(2021, 1, 1), "year"),
    ("agreed in mid-2019", date(2019, 1, 1), "year"),
])
def test_month_and_year_forms(words: str, start: date, precision: str) -> None:
    found = find_dates(f"The deal was {words}.", PUB)
    assert [(d.start, d.precision) for d in found] == [(start, precision)]


def test_this_may_is_a_modal_not_a_month() -> None:
    assert find_dates("This may hurt refiners, officials said.", PUB) == []


@pytest.mark.parametrize(("words", "start"), [
    ("after weekend negotiations", date(2025, 3, 1)),
    ("over the weekend", date(2025, 3, 1)),
    ("last weekend", date(2025, 3, 1)),
    ("will meet at the weekend", date(2025, 3, 8)),
    ("will meet this weekend", date(2025, 3, 8)),
])
def test_a_weekend_runs_saturday_to_sunday(words: str, start: date) -> None:
    found = find_dates(f"Ministers {words} in Geneva.", PUB)
    assert [(d.start, d.end) for d in found] == [(start, start + timedelta(days=1))]


def test_talks_at_the_weekend_are_dated_to_its_saturday(tagger: Tagger) -> None:
    ev = event(tagger, "US and China cut tariffs",
               "The US and China agreed on Wednesday to cut tariffs on rare earths after weekend "
               "negotiations in Geneva.", "talks")
    assert (ev.date, ev.status) == (date(2025, 3, 1), "held")


def test_a_year_after_an_indefinite_article_names_the_deal(tagger: Tagger) -> None:
    ev = event(tagger, "Korean workers at a Canadian battery plant",
               "Korean workers may work in Canada under a 2015 free trade agreement between "
               "Canada and South Korea.", "agreement")
    assert (ev.date, ev.date_precision) == (date(2015, 1, 1), "year")


# --- a country named as a time landmark is no party -----------------------------------------

def test_a_country_in_a_post_or_pre_landmark_owns_no_measure(tagger: Tagger) -> None:
    ev = event(tagger, "Brussels keeps post-Brexit tariffs on UK lithium battery imports", "",
               "tariff")
    assert (ev.actor, ev.targets) == ("EU", ("GB",))


def test_the_same_country_named_plainly_still_acts(tagger: Tagger) -> None:
    ev = event(tagger, "Post-Brexit UK imposes tariffs on Chinese graphite", "", "tariff")
    assert (ev.actor, ev.targets) == ("GB", ("CN",))


# --- a measure only possible, or under study, is proposed ------------------------------------

@pytest.mark.parametrize(("title", "status"), [
    ("Chipmaker shrugs off possible U.S. export restrictions on gallium", "proposed"),
    ("Canada weighs the fallout of potential EU tariffs on nickel", "proposed"),
    ("EU to assess export controls on rare earth magnets to China", "proposed"),
    # look-alikes: studying a measure's effects; a measure made possible; a threat stays one
    ("US will study the impact of its tariffs on cobalt", "in_effect"),
    ("Indonesia's nickel export ban made possible a smelter boom", "in_effect"),
    ("Trump threatens possible tariffs on Chinese graphite", "threatened"),
])
def test_a_possible_or_studied_measure_is_proposed(tagger: Tagger, title: str, status: str) -> None:
    assert [e.status for e in tagger.tag(title, "", PUB).events] == [status]


# --- a measure evaded or drawn on stands ----------------------------------------------------

@pytest.mark.parametrize(("title", "type_id", "status"), [
    ("Battery maker looks to split to avoid Washington's tariffs on graphite", "tariff",
     "in_effect"),
    ("Cathode maker plans to list in Seoul to access US subsidies for lithium", "investment",
     "in_effect"),
    ("Refiners seek to evade US export controls on gallium", "export_control", "in_effect"),
    # look-alikes: a new measure evaded in advance is still to come; a plan to impose stays one
    ("Refiners seek to evade possible US export controls on gallium", "export_control",
     "proposed"),
    ("US plans to impose tariffs on Chinese graphite", "tariff", "proposed"),
])
def test_a_measure_evaded_or_drawn_on_stands(tagger: Tagger, title: str, type_id: str,
                                             status: str) -> None:
    assert event(tagger, title, "", type_id).status == status


# --- an agreement is proposed or made, never threatened ---------------------------------------

@pytest.mark.parametrize(("title", "status"), [
    ("Senator vows to kill Pacific trade deal being pursued by Biden", "proposed"),
    ("Trump threatens to quit the lithium trade agreement with Chile", "in_effect"),
    # look-alikes: a deal made long ago, named with its negotiator, stands
    ("Workers eligible under a 2015 trade agreement negotiated by Canada and Korea", "in_effect"),
])
def test_an_agreement_is_never_threatened(tagger: Tagger, title: str, status: str) -> None:
    assert event(tagger, title, "", "agreement").status == status


# --- a measure named as the circumstance of another act has no actor from the clause ---------

@pytest.mark.parametrize(("title", "actor"), [
    ("Supplier says China is buying up older gallium refining tools amid export controls", None),
    ("Japan stockpiles rare earths despite the new export curbs", None),
    # look-alikes: an owner next to the measure; the clause's own act
    ("Supplier says China is buying up gallium tools amid US export controls", "US"),
    ("China tightens export controls on gallium amid tensions", "CN"),
])
def test_a_circumstance_measure_takes_no_actor_from_the_clause(tagger: Tagger, title: str,
                                                               actor: str | None) -> None:
    assert event(tagger, title, "", "export_control").actor == actor


# --- a meeting put off is still to come --------------------------------------------------------

@pytest.mark.parametrize(("title", "status"), [
    ("Congo and US cobalt talks rescheduled", "scheduled"),
    ("Chile and Argentina lithium talks postponed to May", "scheduled"),
    ("Indonesia and EU nickel talks pushed back", "scheduled"),
    # look-alike: a meeting held
    ("US and Congo hold cobalt talks", "held"),
])
def test_a_meeting_put_off_is_still_to_come(tagger: Tagger, title: str, status: str) -> None:
    assert event(tagger, title, "", "talks").status == status


def test_a_postponed_measure_is_suspended(tagger: Tagger) -> None:
    assert event(tagger, "Indonesia postponed its export ban on nickel ore", "",
                 "export_control").status == "suspended"


# --- a start still to come told in a later sentence with no act of its own --------------------

def test_beginning_a_date_looks_ahead() -> None:
    found = find_dates("Beginning April 1, the ministry said, exporters will need licences.", PUB)
    assert [d.start for d in found] == [date(2025, 4, 1)]


def test_a_headline_act_with_a_start_to_come_in_the_body_is_announced(tagger: Tagger) -> None:
    ev = event(tagger, "Vietnam imposes export controls on rare earths",
               "The government on Monday published new rules for rare earth shipments. "
               "Beginning April 1, the ministry said, shipments of the metals will be allowed "
               "only with its approval.", "export_control")
    assert (ev.status, ev.date) == ("announced", date(2025, 3, 3))


def test_a_start_already_past_leaves_the_headline_act_in_effect(tagger: Tagger) -> None:
    ev = event(tagger, "Vietnam imposes export controls on rare earths",
               "The government on Monday published new rules for rare earth shipments. "
               "Since Feb. 1, the ministry said, shipments of the metals have been allowed "
               "only with its approval.",
               "export_control")
    assert ev.status == "in_effect"
