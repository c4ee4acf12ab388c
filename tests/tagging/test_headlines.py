"""Headline-only items (aggregator feeds give a title and nothing else, issue 18): the act a
headline states gives an event, in the terse grammar headlines use. Own-words headlines."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 6, 11)



@pytest.mark.parametrize(("title", "type_", "subtype", "actor"), [
    ("Washington says Beijing will issue general licences for gallium", "export_control",
     "licensing", "CN"),
    ("Tokyo and Canberra settle on a framework to secure rare earth supply", "agreement",
     "framework", None),
    ("Defence ministry's $90m deal sets a $60/kg floor for lithium", "investment",
     "price_floor", None),
    ("ARECOMS order freezes Congolese cobalt shipments", "export_control", "suspension", "CD"),
    # a nominal headline names its government after the act
    ("Curb on tungsten export: Vietnam's mining push gathers pace", "export_control", "other",
     "VN"),
    ("Xi signs off on curbing exports of antimony", "export_control", "other", "CN"),
])
def test_a_headline_alone_gives_its_act(tagger: Tagger, title: str, type_: str, subtype: str,
                                        actor: str | None) -> None:
    res = tagger.tag(title, "", PUB)
    assert res.relevant, res
    ev = next(e for e in res.events if e.type == type_)
    assert ev.subtype == subtype
    if actor is not None:
        assert ev.actor == actor


@pytest.mark.parametrize("title", [
    "Cobalt traders rethink stockpiles as supply worries linger",
    "Recyclers offer recovered lithium to cautious cell makers",
])
def test_market_headlines_give_no_event(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).events


def test_a_headline_future_is_announced(tagger: Tagger) -> None:
    res = tagger.tag("Tokyo and Seoul agree a truce; Beijing to pause its graphite export curbs",
                     "", PUB)
    ev = next(e for e in res.events if e.type == "export_control")
    assert (ev.status, ev.actor) == ("announced", "CN")


@pytest.mark.parametrize(("title", "type_", "actor", "targets", "status"), [
    # a ban on a mineral with no export/import word: an export control by context
    ("Hanoi lifts its Japan-only ban on tungsten and bismuth for a year", "export_control",
     "VN", ("JP",), "lifted"),
    ("Jakarta bans nickel and cobalt shipments to India", "export_control", "ID", ("IN",),
     "in_effect"),
    # goods named by their origin: a ban on what comes in
    ("Ottawa passes Russian uranium ban", "import_restriction", "CA", ("RU",), None),
])
def test_a_ban_on_a_mineral_is_typed_by_its_goods(tagger: Tagger, title: str, type_: str,
                                                  actor: str, targets: tuple[str, ...],
                                                  status: str | None) -> None:
    res = tagger.tag(title, "", PUB)
    assert res.relevant and [e.type for e in res.events] == [type_]
    ev = res.events[0]
    assert (ev.subtype, ev.actor, ev.targets) == ("ban", actor, targets)
    if status is not None:
        assert ev.status == status


@pytest.mark.parametrize("title", [
    "Campaigners call for a ban on cobalt from child labour mines",
    "Chipmakers fear a gallium ban could follow",
])
def test_a_ban_nobody_in_government_imposes_gives_no_event(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).events


@pytest.mark.parametrize(("title", "type_", "subtype", "country"), [
    # the goods' own movement stands for "export"; the country they leave is the state acting
    ("Rare earth magnets now need Beijing's approval to be shipped abroad", "export_control",
     "licensing", "CN"),
    ("Indonesian nickel ore can't be sold abroad from January", "export_control", "ban", "ID"),
    ("Zimbabwe: lithium concentrate exports frozen until further notice", "export_control",
     "suspension", "ZW"),
    ("Rare earth shipments to US frozen by Beijing", "export_control", "suspension", "CN"),
    ("Graphite Exporters In China Must Now Apply For Licences", "export_control", "licensing",
     "CN"),
    ("Lithium exporters in Zimbabwe told to process locally", "export_control", "raw_ore_ban",
     "ZW"),
    ("Gallium, germanium: Beijing's new export regime takes effect", "export_control",
     "licensing", "CN"),
    # a state body taking a share; a law named for its subject; a statute only a state invokes
    ("US government to own 10% of Lithium Americas", "investment", "equity", "US"),
    ("Government takes golden share in lithium miner", "investment", "equity", None),
    ("Section 232 probe into critical minerals ends without tariffs", "investigation", None, "US"),
])
def test_outcome_and_nominal_headlines_give_their_act(tagger: Tagger, title: str, type_: str,
                                                      subtype: str | None,
                                                      country: str | None) -> None:
    res = tagger.tag(title, "", PUB)
    assert res.relevant, res
    ev = next(e for e in res.events if e.type == type_)
    assert subtype is None or ev.subtype == subtype
    assert country is None or country in ev.countries


@pytest.mark.parametrize("title", [
    "Road blockade halts shipments from Peruvian copper mine",  # no state stops them
    "Glencore holds 10% of cobalt miner",
    "Copper shipments halted by strike at Chilean port",
    "Miners apply for provisional licences to explore the seabed for nickel",  # no export
])
def test_goods_stopped_by_no_state_give_no_event(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).relevant


@pytest.mark.parametrize(("title", "type_", "country"), [
    ("Cobalt exports halted by Congo for four months", "export_control", "CD"),
    ("Nickel ore exports banned by Indonesia from January", "export_control", "ID"),
    ("Tariff of 25% on graphite imposed by US", "tariff", "US"),
])
def test_the_agent_of_a_passive_headline_acts(tagger: Tagger, title: str, type_: str,
                                              country: str) -> None:
    ev = next(e for e in tagger.tag(title, "", PUB).events if e.type == type_)
    assert country in ev.countries


@pytest.mark.parametrize(("title", "subtype", "country"), [
    ("Beijing's new graphite rules: exporters need permits from December", "licensing", "CN"),
    ("Lithium ore to stay in Namibia under cabinet decision", "ban", "NA"),
    ("Congo's cobalt shipments back on, capped at 18,125 tonnes", "quota", "CD"),
    ("China shuts door on gallium sales to US military users", "ban", "CN"),
])
def test_goods_kept_home_or_capped_are_export_controls(tagger: Tagger, title: str, subtype: str,
                                                      country: str) -> None:
    ev = next(e for e in tagger.tag(title, "", PUB).events if e.type == "export_control")
    assert (ev.subtype, country in ev.countries) == (subtype, True)


@pytest.mark.parametrize("title", [
    "Nickel ore prices stay in Indonesia's favour",
    "Critical minerals remain in demand, minister says",
])
def test_goods_staying_in_a_market_sense_are_no_ban(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).events
