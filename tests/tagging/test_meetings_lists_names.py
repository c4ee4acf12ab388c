"""A leaders' meeting told by its occasion ("Meeting at the White House on Monday, the two
presidents ..."), a listing of parties on a control list, and a country whose name is also a
bird; the scorer reads a start kept on the label's event. Each with a twin that keeps the old
reading. Written in our own words.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.evaluate import _gold_dates
from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
PUB = date(2024, 3, 13)


def _types(title: str, summary: str = "") -> set[tuple[str, str | None]]:
    return {(e.type, e.subtype) for e in TAGGER.tag(title, summary, PUB).events}


@pytest.mark.parametrize("summary", [
    "Meeting at the Élysée on Tuesday, the two presidents agreed to work on a cobalt supply pact.",
    "After meeting in Canberra on Monday, the prime minister and his guest said lithium would "
    "be part of a new supply deal.",
    "Chile's president used Tuesday's meeting to press for a lithium processing agreement.",
])
def test_a_leaders_meeting_told_by_its_occasion_is_a_summit(summary: str) -> None:
    assert ("summit", "leaders_meeting") in _types("Leaders eye minerals pact", summary)


@pytest.mark.parametrize("summary", [
    "The company's president said at Tuesday's board meeting that lithium output would rise.",
    "Meeting analysts on Tuesday, the miner said its cobalt sales had doubled.",
])
def test_a_meeting_of_no_leaders_is_no_summit(summary: str) -> None:
    assert not any(t == "summit" for t, _s in _types("Miner update", summary))


def test_parties_put_on_a_control_list_are_listed_not_an_export_control() -> None:
    got = _types("Beijing adds 12 US defence firms to its export control list",
                 "The companies may no longer buy dual-use items such as gallium from China, the "
                 "commerce ministry said on Wednesday.")
    assert ("sanction", "entity_list") in got
    assert ("export_control", "other") not in got


def test_goods_put_on_a_control_list_stay_an_export_control() -> None:
    got = _types("US puts gallium items on the Commerce Control List")
    assert {t for t, _s in got} == {"export_control"}


@pytest.mark.parametrize(("title", "country"), [
    ("Turkey slaps extra duty on Chinese steel and aluminium", "TR"),
    ("Turkey imposes 40% tariff on Chinese-made cars", "TR"),
])
def test_a_name_that_is_also_a_bird_acts_as_a_state(title: str, country: str) -> None:
    assert country in TAGGER.tag(title, "", PUB).countries


def test_the_bird_stays_a_bird() -> None:
    assert "TR" not in TAGGER.tag("Turkey prices climb before the holidays", "", PUB).countries


def test_a_start_kept_on_the_labels_event_counts_for_its_date() -> None:
    gold = {"dates": [{"type": "tariff", "date": "2024-03-12", "precision": "day"}],
            "events": [{"type": "tariff", "date": "2024-03-12", "effective_date": "2024-04-01"}]}
    assert _gold_dates(gold)[0]["effective_date"] == "2024-04-01"


@pytest.mark.parametrize(("summary", "status"), [
    # a participle naming where goods come from tells no past: the start is to come
    ("The Commission said on Wednesday it would apply duties on electric cars made in China "
     "from Friday.", "announced"),
    # twin: the past verb is the sentence's own
    ("The Commission on Wednesday made duties on electric cars from China apply from Friday "
     "last week.", "in_effect"),
])
def test_goods_made_somewhere_do_not_make_a_start_past(summary: str, status: str) -> None:
    got = {(e.type, e.status) for e in TAGGER.tag("EU duties", summary, PUB).events}
    assert ("tariff", status) in got


@pytest.mark.parametrize(("summary", "day"), [
    # an act someone owns, dated by a weekday, happened that day, whatever it is expected to do
    ("The Commerce Department's preliminary finding on Tuesday is expected to raise costs for "
     "battery makers.", date(2024, 3, 12)),
    # twin: a meeting to come keeps its day to come
    ("Trade ministers are expected to meet on Friday to discuss the duties.", date(2024, 3, 15)),
])
def test_an_owned_act_dated_by_a_weekday_is_past(summary: str, day: date) -> None:
    events = TAGGER.tag("US sets anti-dumping duty on graphite anode material", summary, PUB).events
    assert day in {e.date for e in events}


def test_a_pact_that_talks_are_about_is_proposed() -> None:
    got = {(e.type, e.status) for e in TAGGER.tag("US, Japan open talks on minerals pact", "", PUB).events}
    assert ("agreement", "proposed") in got
    # twin: a pact signed after talks stands
    signed = TAGGER.tag("US, Japan sign minerals pact after talks in Tokyo", "", PUB).events
    assert ("agreement", "in_effect") in {(e.type, e.status) for e in signed}


def test_listed_names_with_particles_open_a_headlines_to() -> None:
    got = {(e.type, e.status) for e in TAGGER.tag(
        "Lula, von der Leyen to open talks on lithium pact", "", PUB).events}
    assert ("talks", "scheduled") in got


@pytest.mark.parametrize(("title", "kind", "status"), [
    # a permission to ship abroad taken back: the export regime bites
    ("US revokes waivers that let Korean chipmakers ship tools to their China plants",
     "export_control", "in_effect"),
    ("China revokes export licences for gallium shipments to US firms", "export_control", "in_effect"),
    # twins: a requirement lifted is lifted; a mining licence revoked is a production control
    ("China lifts export licence requirement for gallium", "export_control", "lifted"),
    ("Mali revokes mining licences of lithium explorers", "production_control", "in_effect"),
])
def test_a_permission_taken_back_tightens_the_measure(title: str, kind: str, status: str) -> None:
    got = {(e.type, e.status) for e in TAGGER.tag(title, "", PUB).events}
    assert (kind, status) in got
    assert not any(t == "production_control" for t, _s in got) or kind == "production_control"


def test_an_owner_of_a_change_owns_the_measure() -> None:
    events = TAGGER.tag("Tariff threat", "The president said on Friday he would add a 100% tariff "
                        "on Chinese imports in response to Beijing's sweeping expansion of rare "
                        "earth export controls announced on Thursday.", PUB).events
    assert {e.actor for e in events if e.type == "export_control"} == {"CN"}


@pytest.mark.parametrize(("title", "summary", "truce"), [
    ("US and China slash tariffs for 90 days after Geneva talks", "", True),
    ("Tariff relief", "The two sides will cut their extra duties on each other's goods from "
     "Wednesday, officials from the United States and China said.", True),
    # twins: two states imposing together, or one state cutting, make no truce
    ("US and EU impose tariffs on Chinese steel", "", False),
    ("China cuts tariffs on US soybeans", "", False),
])
def test_two_states_easing_together_have_a_truce(title: str, summary: str, truce: bool) -> None:
    events = TAGGER.tag(title, summary, PUB).events
    assert (("agreement", "truce") in {(e.type, e.subtype) for e in events}) is truce
    assert all(e.date <= PUB for e in events if e.type == "agreement")


@pytest.mark.parametrize(("title", "summary", "investment"), [
    # the fund a pact sets up is the pact's content
    ("US and Ukraine sign minerals deal creating joint investment fund", "", False),
    ("Minerals deal signed", "The accord signed in Washington on Wednesday sets up a joint "
     "reconstruction fund fed by revenue from new lithium projects.", False),
    # twin: a state setting up a fund of its own invests
    ("Saudi Arabia launches mining fund", "The kingdom set up a $10 billion fund on Tuesday to buy "
     "stakes in lithium mines abroad.", True),
])
def test_a_fund_a_pact_sets_up_is_the_pacts_content(title: str, summary: str, investment: bool) -> None:
    types = {e.type for e in TAGGER.tag(title, summary, PUB).events}
    assert ("investment" in types) is investment


def test_a_curb_on_smelter_permits_is_no_export_control() -> None:
    types = {e.type for e in TAGGER.tag("Indonesia to curb new nickel smelter permits", "", PUB).events}
    assert "export_control" not in types
    # twin: a curb on the goods themselves is the export regime's
    assert "export_control" in {e.type for e in TAGGER.tag("China curbs graphite exports", "", PUB).events}


def test_sparks_spares_no_tariff() -> None:
    assert not TAGGER.tag("Election win sparks fears of new tariff war, metals slide", "", PUB).events
    # twin: a tariff that spares goods exempts them
    spared = TAGGER.tag("US spares Canadian aluminium from tariffs", "", PUB).events
    assert ("tariff", "exemption") in {(e.type, e.subtype) for e in spared}


def test_a_duty_lifted_to_a_rate_is_raised() -> None:
    events = TAGGER.tag("Aluminium news", "A proclamation signed on Friday lifts the "
                        "duty on aluminium made in Russia to 200% from April 10.", PUB).events
    assert {e.status for e in events if e.type == "tariff"} == {"announced"}
    # twin: tariffs lifted with no rate are removed
    lifted = TAGGER.tag("US lifts tariffs on Canadian aluminium", "", PUB).events
    assert {e.status for e in lifted if e.type == "tariff"} == {"lifted"}


def test_a_restated_act_after_its_speaker_keeps_its_start() -> None:
    events = TAGGER.tag("Congo extends cobalt export freeze", "Citing high stockpiles, the regulator "
                        "said on Monday the suspension imposed in February would run for a "
                        "further three months.", PUB).events
    assert {e.date for e in events if e.type == "export_control"} == {date(2024, 3, 11), date(2024, 2, 1)}


def test_a_measure_another_act_only_makes_possible_is_threatened() -> None:
    events = TAGGER.tag("Trump orders probe into critical minerals imports, paving way for tariffs",
                        "", PUB).events
    assert {e.status for e in events if e.type == "tariff"} == {"threatened"}


@pytest.mark.parametrize(("summary", "summit"), [
    # two leaders named as a pair before their meeting, whatever stands before them
    ("Analysts see the curbs as leverage before a planned Trump-Xi meeting in South Korea.", True),
    ("Markets rallied after the Biden-Xi meeting on the sidelines of APEC eased rare earth fears.", True),
    # twin: a pair that is no leader's is a firm's meeting
    ("Analysts see the curbs as leverage before a planned Glencore-Xstrata meeting in London.", False),
])
def test_a_leader_pair_before_a_meeting_is_a_summit(summary: str, summit: bool) -> None:
    assert any(t == "summit" for t, _s in _types("China widens rare earth controls", summary)) is summit
