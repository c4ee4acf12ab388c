"""Headline verbs (issue 18, headline recall): the terse verbs headlines use for an act and its
state ("scraps", "axes", "eyes", "floats", "phases out", "bars", "OKs", "to shut"), a state's
verb on a bare ban whose goods are named elsewhere ("... as Jakarta extends ban"), and the
look-alikes with the same words that are no act. Own-words headlines, tagged alone."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 6, 11)


def _event(tagger: Tagger, title: str, type_: str):  # noqa: ANN202 - an EventRecord
    res = tagger.tag(title, "", PUB)
    assert res.relevant, (title, res)
    return next(e for e in res.events if e.type == type_)


@pytest.mark.parametrize(("title", "type_", "status"), [
    # the article dropped: "scraps the levy" told as "scraps copper export levy"
    ("Kinshasa scraps copper export levy", "export_control", "lifted"),
    ("Hanoi Axes Tungsten Export Quota", "export_control", "lifted"),
    ("Manila nixes nickel ore export tax", "export_control", "lifted"),
    ("Jakarta drops tin export ban", "export_control", "lifted"),
    # weighing an act: eyes, floats
    ("Harare eyes platinum export ban", "export_control", "proposed"),
    ("Ottawa floats surtax on Chinese graphite", "tariff", "proposed"),
    # the state's act named by a verb in capitals
    ("Indonesia OKs export levy on nickel pig iron", "export_control", "in_effect"),
])
def test_a_headline_verb_sets_the_status(tagger: Tagger, title: str, type_: str, status: str) -> None:
    assert _event(tagger, title, type_).status == status


@pytest.mark.parametrize("title", [
    "All eyes on Beijing's gallium export curbs",  # an idiom, not a state weighing
    "Beijing bans copper scraps exports",  # scrap metal, not a verb
])
def test_the_same_words_as_nouns_set_no_status(tagger: Tagger, title: str) -> None:
    res = tagger.tag(title, "", PUB)
    assert all(e.status not in ("lifted", "proposed") for e in res.events), res


@pytest.mark.parametrize(("title", "type_", "subtype", "actor", "status"), [
    ("Manila to phase out raw nickel ore exports", "export_control", "raw_ore_ban", "PH",
     "announced"),
    ("Tokyo phases out Russian palladium imports", "import_restriction", "ban", "JP", None),
    # "bar" right after the state that bars, goods right after it
    ("Canberra bars Russian aluminium", "import_restriction", "ban", "AU", None),
    ("Ottawa, Tokyo bar fresh Russian nickel", "import_restriction", "ban", None, None),
    # a state's verb on a bare ban, the goods named elsewhere in the headline
    ("Nickel ore rallies as Jakarta extends ban", "export_control", "ban", "ID", None),
    ("Russian uranium flows again as Washington pauses ban", "import_restriction", "ban", "US",
     "suspended"),
    ("Chinese antimony may reach Japan again as Beijing lifts curbs", "export_control", "other",
     "CN", "lifted"),
    # a pact signed as a memorandum; a mine a state will close
    ("Chile and India sign lithium memorandum", "agreement", "mou", None, None),
    ("Zambia to shut unlicensed copper mines", "production_control", "other", "ZM", "announced"),
])
def test_a_headline_verb_gives_its_act(tagger: Tagger, title: str, type_: str, subtype: str,
                                       actor: str | None, status: str | None) -> None:
    ev = _event(tagger, title, type_)
    assert ev.subtype == subtype
    if actor is not None:
        assert ev.actor == actor
    if status is not None:
        assert ev.status == status


@pytest.mark.parametrize("title", [
    "Chile raises the bar for lithium miners",  # the noun
    "Miner bars contractors from copper site",  # a company, no state
    "Copper dips as Beijing eases Covid curbs",  # the curb is on something else
    "Nickel rises as Manila lifts curbs on protests",  # its own object
    "Carmaker to phase out nickel batteries",  # a company's product line
    "Glencore and Tesla sign cobalt memorandum",  # companies
    "Vale to close nickel mine in Canada",  # a company closing its mine
    "Peru copper mine to close as protests spread",  # no state closing it
    "Protesters vow to shut Peru copper mine",
])
def test_look_alikes_give_no_event(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).events, title


@pytest.mark.parametrize(("title", "type_", "subtype", "status"), [
    # goods told free to go again: the ban lifted
    ("Antimony shipments to Japan can resume, Beijing says", "export_control", "ban", "lifted"),
    # goods not let out, in the speaker's words
    ("'We will not let bauxite leave unprocessed', Conakry minister says", "export_control",
     "ban", "announced"),
    ("Jakarta won't allow tin ore to leave the country", "export_control", "ban", "announced"),
    # a deposit handed to a state company
    ("Harare hands lithium claims and deposits to state miner", "production_control",
     "nationalisation", None),
    ("Bolivia grants lithium concessions to new state company", "production_control",
     "nationalisation", None),
])
def test_a_headline_outcome_gives_its_act(tagger: Tagger, title: str, type_: str, subtype: str,
                                          status: str | None) -> None:
    ev = _event(tagger, title, type_)
    assert ev.subtype == subtype
    if status is not None:
        assert ev.status == status


@pytest.mark.parametrize("title", [
    "Cobalt shipments from Kolwezi to resume after floods",  # no state, no destination
    "Nickel ore shipments can resume as weather clears in Indonesia",
    "Jakarta will not allow foreign workers to leave nickel smelter",  # people, not goods
    "Bolivia grants lithium concessions to Chinese firm",  # a company's concession
])
def test_outcome_look_alikes_give_no_event(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).events, title


@pytest.mark.parametrize(("title", "type_", "actor"), [
    # a leader as the acting subject stands for the state
    ("Hichilema orders halt to raw copper concentrate exports", "export_control", "ZM"),
    ("Tokayev raises export duty on tungsten concentrate", "export_control", "KZ"),
    ("Mulino orders copper mine closure", "production_control", "PA"),
    # a stake told without the word: "takes X% of" a company
    ("Canberra takes 15% of rare earths developer Arafura", "investment", "AU"),
    # "hits X with duties"
    ("Seoul hits Chinese graphite anodes with duties", "tariff", "KR"),
])
def test_a_headline_subject_or_verb_gives_its_act(tagger: Tagger, title: str, type_: str,
                                                  actor: str) -> None:
    assert _event(tagger, title, type_).actor == actor


@pytest.mark.parametrize("title", [
    "Chile takes 40% of lithium profits",  # a share of money, not of a company
    "China takes 60% of global cobalt output",  # a market share
    "Glencore takes 10% of lithium developer",  # a company's stake
    "Copper hits record with duties looming",  # a market headline
    "Marcos Alonso signs for Barcelona",  # a first name alone names no leader
])
def test_subject_and_verb_look_alikes_give_no_event(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).events, title


@pytest.mark.parametrize(("title", "type_", "actor"), [
    # title case that leaves its longer prepositions in lower case is still title case
    ("Malaysia Bans Raw Rare Earth Exports from January, with Refiners to Follow",
     "export_control", "MY"),
    ("Kinshasa Extends Cobalt Export Halt into 2026 with Quotas after October",
     "export_control", "CD"),
    # a capitalised verb right after the state is no company's name ("Congo Extends" is no
    # "China Moly")
    ("Gabon Bans raw manganese ore exports", "export_control", "GA"),
    ("Mongolia Proposes export tax on copper concentrate", "export_control", "MN"),
])
def test_a_capitalised_verb_is_the_states_act(tagger: Tagger, title: str, type_: str,
                                              actor: str) -> None:
    assert _event(tagger, title, type_).actor == actor


@pytest.mark.parametrize("title", [
    "China Moly raises cobalt output as exports slow",  # a capitalised name is a company
    "Indonesia Asahan Aluminium halts bauxite exports",
])
def test_a_capitalised_name_after_a_state_is_still_a_company(tagger: Tagger, title: str) -> None:
    res = tagger.tag(title, "", PUB)
    assert not any(e.actor for e in res.events), res


@pytest.mark.parametrize(("title", "type_", "status"), [
    # a title-case speaker names who acts: "..., Manila Says"
    ("Cobalt Export Ban Delayed, Kinshasa Says", "export_control", "suspended"),
    # the headline's passive after the measure
    ("Graphite Export Curbs Eased by Beijing", "export_control", "lifted"),
    ("US tariffs on Chinese graphite paused", "tariff", "suspended"),
    ("Kinshasa's cobalt export ban suspended for three months", "export_control", "suspended"),
    # an act still weighed, or told in the future passive
    ("Bauxite export levy in the works, Conakry says", "export_control", "proposed"),
    ("Lithium exports to be banned from next year, Harare says", "export_control", "announced"),
])
def test_a_headline_passive_or_idiom_sets_the_status(tagger: Tagger, title: str, type_: str,
                                                     status: str) -> None:
    assert _event(tagger, title, type_).status == status


def test_a_ban_suspended_is_the_ban_not_an_export_halt(tagger: Tagger) -> None:
    ev = _event(tagger, "Cobalt export ban suspended by Kinshasa", "export_control")
    assert (ev.subtype, ev.status) == ("ban", "suspended")


@pytest.mark.parametrize(("title", "subtype", "actor"), [
    # a market headline naming a state's bare ban or permits: the act behind the move
    ("Cobalt prices slump after Congo ban", "ban", "CD"),
    ("Tungsten buyers brace for Vietnam's ban", "ban", "VN"),
    ("Antimony prices climb as Chinese licences trickle out", "licensing", "CN"),
])
def test_a_states_bare_measure_in_a_market_headline(tagger: Tagger, title: str, subtype: str,
                                                    actor: str) -> None:
    ev = _event(tagger, title, "export_control")
    assert (ev.subtype, ev.actor) == (subtype, actor)


@pytest.mark.parametrize("title", [
    "Lithium prices slump after Chile election",  # no measure
    "Lithium project wins Chilean permits",  # a mine's permits
    "Australian licences for nickel miners delayed",
    "Copper slips on US tariff fears",  # a fear, no act
])
def test_market_look_alikes_give_no_trade_control(tagger: Tagger, title: str) -> None:
    assert not any(e.type == "export_control" for e in tagger.tag(title, "", PUB).events), title


@pytest.mark.parametrize(("title", "status"), [
    ("Manila plans export levy on nickel ore -sources", "announced"),
    ("Hanoi plans tungsten export ban", "announced"),
])
def test_a_state_planning_a_named_measure_has_announced_it(tagger: Tagger, title: str,
                                                           status: str) -> None:
    assert _event(tagger, title, "export_control").status == status


def test_a_plan_as_a_noun_sets_no_status(tagger: Tagger) -> None:
    res = tagger.tag("Manila's export ban plans rattle nickel buyers", "", PUB)
    assert all(e.status != "announced" for e in res.events), res


def test_a_state_backing_a_mines_revival_told_as_a_noun(tagger: Tagger) -> None:
    ev = _event(tagger, "Pentagon Backs Restart of Idaho Antimony Mine", "investment")
    assert ev.actor == "US"


@pytest.mark.parametrize("title", [
    "Glencore backs restart of Zambian copper mine",  # a company
    "Investors back revival of Cornish tin mine",
])
def test_others_backing_a_revival_give_no_event(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).events, title
