"""Per-event fields on real-news constructions: status, actor, targets and dates (issue 15).

Every text here is written for the test, in our own words.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ingest.tagging.tagger import Tagger

PUB = datetime(2025, 10, 14, 9, 0, tzinfo=UTC)  # a Tuesday



def events_of(tagger: Tagger, type_id: str, title: str, summary: str = ""):
    return [e for e in tagger.tag(title, summary, PUB).events if e.type == type_id]


def test_a_headline_meeting_held_and_a_body_meeting_to_come_are_two_occasions(
        tagger: Tagger) -> None:
    found = events_of(tagger, "talks", "Chile and Peru trade talks end without a deal",
                      "Ministers say both sides will meet again in December.")
    assert {(e.status, e.date) for e in found} == {
        ("held", date(2025, 10, 14)), ("scheduled", date(2025, 12, 1))}


def test_a_country_right_before_its_measure_owns_it_inside_a_prepositional_phrase(
        tagger: Tagger) -> None:
    (ev,) = events_of(tagger, "sanction", "Tycoon loses court challenge",
                      "German Kahn, a founder of a fund, lost his court challenge against "
                      "European Union sanctions over his reported links to the leadership of "
                      "Russia.")
    assert (ev.actor, ev.targets) == ("EU", ("RU",))


def test_a_year_naming_an_agreement_dates_it_and_says_it_stands(tagger: Tagger) -> None:
    (ev,) = events_of(tagger, "agreement", "Britain to keep sanctions on Tehran",
                      "London is expected to announce plans to breach the 2015 Iran nuclear "
                      "deal when the sanctions come up for lifting.")
    assert (ev.date, ev.date_precision, ev.status) == (date(2015, 1, 1), "year", "in_effect")
    (ev,) = events_of(tagger, "agreement", "Zambia audit faults copper deal",
                      "Zambia's auditors found significant breaches of the 2011 agreement with "
                      "Beijing.")
    assert (ev.date, ev.date_precision) == (date(2011, 1, 1), "year")


def test_ahead_of_places_the_next_meeting_in_the_future_not_the_one_before_it(
        tagger: Tagger) -> None:
    (ev,) = events_of(tagger, "talks", "Japan and Canada discuss minerals",
                      "The two foreign ministers shook hands before their talks in Tokyo on "
                      "Oct. 14, ahead of the G7 ministers' meeting.")
    assert ev.status == "held"
    (ev,) = events_of(tagger, "talks", "Japan prepares for crucial trade talks with Canada")
    assert ev.status == "scheduled"


def test_a_sentence_s_own_tense_outweighs_a_date_borrowed_from_its_neighbour(
        tagger: Tagger) -> None:
    found = events_of(tagger, "talks", "Pacific ministers fail to agree",
                      "Chile and Peru officials will hold the next round of talks in 2026. "
                      "The agreement ended intense week-long negotiations between the two "
                      "governments.")
    assert ("held", date(2025, 10, 14)) in {(e.status, e.date) for e in found}


def test_a_country_followed_by_its_ministry_is_the_state_not_a_company_label(
        tagger: Tagger) -> None:
    (ev,) = events_of(tagger, "export_control", "Beijing briefs partners",
                      "China's Ministry of Commerce said on Thursday the country told the U.S. "
                      "and Japan about this week's export controls in advance.")
    assert ev.actor == "CN"


def test_a_trigger_naming_a_state_s_own_act_is_that_state_s(tagger: Tagger) -> None:
    (ev,) = events_of(tagger, "investment", "Minister weighs in on subsidies",
                      "The U.K.'s finance minister said on Friday that the U.S. Inflation "
                      "Reduction Act is an attempt to catch up on clean energy.")
    assert ev.actor == "US"


def test_a_country_named_as_opposed_is_not_the_actor(tagger: Tagger) -> None:
    (ev,) = events_of(tagger, "export_control", "Coup leaders act on uranium",
                      "Amid anti-French protests, the junta announced it was suspending "
                      "exports of uranium to France.")
    assert (ev.actor, ev.targets) == (None, ("FR",))


@pytest.mark.parametrize(("summary", "actor"), [
    # described: the country named last
    ("Canada asked for consultations with Mexico over the Latin American nation's "
     "restrictions on imports of modified corn.", "MX"),
    ("South Africa requested a meeting with Botswana after the neighbouring country "
     "extended a ban on vegetable imports.", "BW"),
    # bare: the headline's subject
    ("The office of the US trade envoy opened a probe into Chinese practices. The probe could "
     "lead the administration to impose tariffs on tungsten from China.", "US"),
])
def test_a_government_referred_back_to_is_the_actor(tagger: Tagger, summary: str,
                                                     actor: str) -> None:
    evs = [e for e in tagger.tag("US trade dispute widens", summary, PUB).events
           if e.type in ("import_restriction", "tariff")]
    assert [e.actor for e in evs] == [actor]


def test_a_headline_government_is_the_one_country_the_article_names(tagger: Tagger) -> None:
    (ev,) = events_of(tagger, "export_control", "Coal miner attacks Government for Limiting Exports",
                      "Australia ships a third of the world's traded coal.")
    assert ev.actor == "AU"


def test_one_chamber_s_vote_leaves_a_measure_proposed(tagger: Tagger) -> None:
    (ev,) = events_of(tagger, "import_restriction", "US House approves Russian uranium ban")
    assert ev.status == "proposed"
    (ev,) = events_of(tagger, "import_restriction", "Biden signs Russian uranium import ban "
                      "into law after the House passed it")
    assert ev.status == "in_effect"


def test_leaders_preparing_a_measure_propose_it(tagger: Tagger) -> None:
    (ev,) = events_of(tagger, "sanction", "G7 leaders prepare new sanctions on Russian nickel")
    assert ev.status == "proposed"


def test_a_headline_that_takes_the_target_for_the_actor_leaves_the_body_status(
        tagger: Tagger) -> None:
    """'New Russia sanctions target ...' reads Russia as acting; the body says Washington
    announced sanctions against Russia: the headline's misreading says nothing of the status."""
    found = events_of(tagger, "sanction", "New Russia sanctions target nickel traders",
                      "Washington announced new sanctions against Russia on Monday, aimed at "
                      "nickel and palladium traders.")
    assert [e.status for e in found] == ["announced"]


def test_a_delay_only_campaigned_for_leaves_an_incoming_measure_announced(tagger: Tagger) -> None:
    found = events_of(tagger, "tariff", "Carmakers push Brussels on battery duties",
                      "The lobby group redoubled efforts for the European Commission to delay "
                      "incoming tariffs on lithium batteries.")
    assert [e.status for e in found] == ["announced"]


def test_talks_held_ahead_of_a_summit_to_come_are_their_own_meeting(tagger: Tagger) -> None:
    """Talks in a summit's sentence are the summit itself only when both are the same
    occasion; "failed to agree ... ahead of a summit" reports talks held before it."""
    res = tagger.tag("Metals news", "The US and Chile failed to agree on lithium duties ahead of "
                                    "a summit in Washington.", PUB)
    assert {(e.type, e.status) for e in res.events if e.type in ("talks", "summit")} == {
        ("talks", "held"), ("summit", "scheduled")}
    # a date to come after "ahead of" dates the later summit, not the talks
    res = tagger.tag("Metals news", "Chile and Peru failed to agree on lithium duties ahead of a "
                                    "summit in Lima next month.", PUB)
    assert {(e.type, e.status, e.date) for e in res.events if e.type in ("talks", "summit")} == {
        ("talks", "held", PUB.date()), ("summit", "scheduled", date(2025, 11, 1))}


def test_a_court_pausing_a_government_body_s_ban_suspends_it(tagger: Tagger) -> None:
    found = events_of(tagger, "import_restriction", "Cobalt traders win a reprieve",
                      "A US appeals court on Monday paused a government commission's import ban "
                      "on cobalt from two refiners.")
    assert [e.status for e in found] == ["suspended"]
