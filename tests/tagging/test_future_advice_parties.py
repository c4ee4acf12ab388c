"""A measure told in the future is announced; a meeting after a headline's "<name> to <verb>" is
to come; a measure someone who is no state says "should" be taken is no act; a place is no
measure's owner.
Each with a twin that keeps the old reading. Written in our own words.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
PUB = date(2023, 6, 7)


def _events(title: str, summary: str = "") -> list[tuple[str, str, str | None]]:
    return [(e.type, e.status, e.actor) for e in TAGGER.tag(title, summary, PUB).events]


@pytest.mark.parametrize(("summary", "kind", "status"), [
    # the measure is what the future verb's predicate names
    ("The finance minister said in her budget speech that machinery imported to make lithium-ion "
     "cells will be exempt from customs duty.", "tariff", "announced"),
    ("The resources minister said an extra A$500 million would go to the Critical Minerals "
     "Facility to back lithium refining.", "investment", "announced"),
    # twins: applying now, or a future verb acting on a measure that stands
    ("Machinery imported to make lithium-ion cells is now exempt from customs duty, the finance "
     "ministry said.", "tariff", "in_effect"),
    ("The Treasury secretary will need to defend US export controls on gallium during her trip to "
     "Beijing.", "export_control", "in_effect"),
])
def test_a_measure_the_future_predicates_is_announced(summary: str, kind: str, status: str) -> None:
    got = {(t, s) for t, s, _a in _events("Budget and trade news", summary)}
    assert (kind, status) in got


@pytest.mark.parametrize(("title", "status"), [
    ("Albanese to raise lithium trade in Washington talks with Biden", "scheduled"),
    ("Brazil's Lula to discuss nickel deal with Macron on France visit", "scheduled"),
    # a purpose clause after a verb, or a clause of its own: the meeting is under way
    ("Leaders race to bring Orban round on lithium as EU summit opens", "held"),
])
def test_a_headline_infinitive_puts_its_meeting_ahead(title: str, status: str) -> None:
    statuses = {s for t, s, _a in _events(title) if t in ("summit", "talks")}
    assert statuses == {status}


def test_advice_from_no_state_is_no_act() -> None:
    advised = _events("UK 'should impose sanctions on Russian nickel traders' - report",
                      "Britain should impose sanctions on Russian nickel traders, a report from an "
                      "all-party group of lawmakers urged on Wednesday.")
    assert not [t for t, _s, _a in advised if t == "sanction"]
    imposed = _events("UK imposes sanctions on Russian nickel traders",
                      "Britain imposed sanctions on Russian nickel traders on Wednesday, the "
                      "foreign office said.")
    assert ("sanction", "in_effect", "GB") in imposed


def test_a_place_named_before_a_measure_does_not_own_it() -> None:
    events = _events("What a war could bring",
                     "Blockades of grain routes in Ukraine, stockpiles hoarded during the pandemic and "
                     "the steady tightening of U.S.-China export controls show supply chains used as "
                     "weapons.")
    assert [a for t, _s, a in events if t == "export_control"] == [None]


@pytest.mark.parametrize(("summary", "possible"), [
    ("Officials signalled that Tokyo may file a formal WTO complaint over China's seafood ban.", True),
    ("Tokyo filed a formal WTO complaint over China's seafood ban on Tuesday.", False),
])
def test_a_measure_only_possible_is_at_most_threatened(summary: str, possible: bool) -> None:
    statuses = {s for t, s, _a in _events("Seafood dispute", summary) if t == "investigation"}
    assert statuses and (statuses == {"threatened"}) is possible


@pytest.mark.parametrize(("summary", "talks"), [
    ("The commerce secretary raised export rules in a meeting with top officials in Beijing.", True),
    ("The commerce secretary raised export rules in a speech to business leaders in Beijing.", False),
])
def test_a_meeting_with_officials_is_talks(summary: str, talks: bool) -> None:
    assert any(t == "talks" for t, _s, _a in _events("US-China ties", summary)) is talks


@pytest.mark.parametrize(("summary", "status"), [
    # a pact named by its title or acronym stands, whatever the sentence's future says
    ("Twelve kinds of goods from Taiwan under the Economic Cooperation Framework Agreement (ECFA) "
     "will lose their tariff cuts from January 1, the State Council said.", "in_effect"),
    # a pact still to be made, even when capitalised
    ("Seoul and London will launch negotiations on a new Free Trade Agreement on Tuesday.", "proposed"),
])
def test_a_pact_named_by_its_title_stands(summary: str, status: str) -> None:
    statuses = {s for t, s, _a in _events("Trade news", summary) if t == "agreement"}
    assert statuses == {status}


@pytest.mark.parametrize(("title", "summary", "divest"), [
    ("Canberra orders China-linked fund to cut stake in rare earths miner",
     "The treasurer on Friday ordered the fund and its associates to reduce their holding in the "
     "rare earths developer on national interest grounds.", True),
    # a company's own choice to trim a holding
    ("Miner trims stake in lithium joint venture",
     "The company's board voted on Friday to reduce its holding in a lithium joint venture.", False),
])
def test_an_order_to_cut_a_stake_is_a_divestment(title: str, summary: str, divest: bool) -> None:
    assert any(t == "sanction" for t, _s, _a in _events(title, summary)) is divest


@pytest.mark.parametrize(("summary", "status"), [
    # only the ending is possible: the tariffs stand
    ("Beijing could soon remove its tariffs on Australian barley, trade officials said.", "in_effect"),
    ("Beijing removed its tariffs on Australian barley on Tuesday, trade officials said.", "lifted"),
])
def test_a_lifting_only_possible_leaves_the_measure_standing(summary: str, status: str) -> None:
    assert {s for t, s, _a in _events("Barley trade", summary) if t == "tariff"} == {status}


@pytest.mark.parametrize(("title", "summary", "status"), [
    ("Trade minister flies to Brussels for lithium talks",
     "The minister is travelling to Brussels for talks with EU counterparts on a minerals accord.",
     "scheduled"),
    ("Nickel negotiations to continue in Jakarta",
     "Talks on a nickel accord will continue next week, officials said.", "scheduled"),
    ("UK revives plan for lithium trade talks with Chile", "", "scheduled"),
    # held: the talks took place on the trip
    ("Trade minister held lithium talks in Brussels",
     "The minister held talks with EU counterparts on a minerals accord on Monday.", "held"),
])
def test_a_meeting_travelled_to_or_told_ahead_is_to_come(title: str, summary: str, status: str) -> None:
    assert {s for t, s, _a in _events(title, summary) if t == "talks"} == {status}


@pytest.mark.parametrize(("summary", "status"), [
    ("The prime minister said he was confident a minerals deal will be struck with India.", "proposed"),
    ("Pretoria asked Washington for an early renewal of the trade agreement on minerals.", "proposed"),
    ("Berlin urged Paris to drop its opposition to a trade deal between the EU and Mercosur.",
     "proposed"),
    # made: signed, or struck in the past
    ("The prime minister said a minerals deal was struck with India on Monday.", "in_effect"),
])
def test_a_pact_still_to_be_made_is_proposed(summary: str, status: str) -> None:
    assert {s for t, s, _a in _events("Trade pact news", summary) if t == "agreement"} == {status}


@pytest.mark.parametrize(("title", "summary", "tariff"), [
    ("Households urged to read meters as price cap drops",
     "Ofgem lowered the cap on a typical dual-fuel tariff to £2,074 from Saturday.", False),
    ("Man jailed for theft still held years on",
     "He has been in prison since receiving a minimum two-year tariff in 2012.", False),
    # a duty on goods, beside energy news
    ("UK sets tariff on Chinese lithium batteries",
     "Britain will impose a 10% tariff on lithium batteries imported from China from July.", True),
])
def test_a_household_price_plan_or_a_prison_term_is_no_tariff(title: str, summary: str, tariff: bool) -> None:
    assert any(t == "tariff" for t, _s, _a in _events(title, summary)) is tariff


def test_a_currency_names_no_country() -> None:
    got = TAGGER.tag("Taiwan sets aside US$375 million for chip subsidies",
                     "Taiwan said it would spend US$375 million on chip subsidies, the US said.", PUB)
    assert got.countries == ("TW", "US")  # the US named as a speaker still counts
    only = TAGGER.tag("Taiwan sets aside US$375 million for chip subsidies", "", PUB)
    assert only.countries == ("TW",)


def test_a_document_named_after_in_still_names_its_owner() -> None:
    """"in MOFCOM Announcement No. 46" names China's notice, not a place."""
    got = TAGGER.tag("Mineral ban pause reaches its end date",
                     "The one-year suspension of the clause in MOFCOM Announcement No. 46 that barred "
                     "gallium shipments to the United States ran until Nov. 27.", PUB)
    assert {e.actor for e in got.events if e.type == "export_control"} == {"CN"}


def test_a_pact_refused_is_still_proposed() -> None:
    assert [(t, st) for t, st, _a in _events("Kyiv refuses to sign US minerals deal")] == [("agreement", "proposed")]
    assert [(t, st) for t, st, _a in _events("Kyiv signs US minerals deal")] == [("agreement", "in_effect")]
