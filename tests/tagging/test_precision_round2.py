"""Precision on hard negatives, second round: acts only wished for by members of a legislature
or by people in the street, and acts of states left unnamed ("governments", "more countries");
each with a look-alike that must keep its event.

Own-words sentences; publication on Wednesday 2024-03-13.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 3, 13)  # a Wednesday


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- a call by lawmakers is their wish, not the state's act -------------------------------------

@pytest.mark.parametrize(("title", "kind"), [
    ("Senators urge Biden to ban Chinese graphite imports", "import_restriction"),
    ("US lawmakers call for tariffs on Chinese lithium batteries", "tariff"),
    ("Opposition MPs press ministers for a ban on cobalt from Congo", "import_restriction"),
    ("Republicans demand sanctions on Russian aluminium", "sanction"),
])
def test_a_call_by_lawmakers_is_no_act(tagger: Tagger, title: str, kind: str) -> None:
    assert kind not in types(tagger, title)


@pytest.mark.parametrize(("title", "kind"), [
    ("US House passes bill to ban Russian uranium imports", "import_restriction"),
    ("Lawmakers propose a ban on imports of Russian uranium", "import_restriction"),
    ("The trade minister urged Brussels to impose duties on Chinese graphite", "tariff"),
    ("Senators question the enforcement of US export controls on gallium", "export_control"),
])
def test_a_legislature_or_a_government_acts(tagger: Tagger, title: str, kind: str) -> None:
    assert kind in types(tagger, title)


def test_a_request_for_papers_on_an_act_keeps_the_act(tagger: Tagger) -> None:
    summary = ("A top Republican lawmaker asked the Commerce Department for documents linked to "
               "the enforcement of export controls on gallium.")
    assert "export_control" in types(tagger, "Lawmaker seeks files", summary)


# --- people in the street call, they do not act -------------------------------------------------

@pytest.mark.parametrize("title", [
    "Protesters in Serbia demand ban on lithium mining",
    "Villagers in Chile urge a halt to lithium extraction in the salt flats",
    "Farmers in Portugal demand a moratorium on lithium mining",
])
def test_a_call_by_protesters_is_no_act(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).events


@pytest.mark.parametrize("title", [
    "Serbia bans lithium mining in Jadar valley",
    "Portugal orders a moratorium on new lithium mines",
])
def test_a_state_that_bans_mining_acts(tagger: Tagger, title: str) -> None:
    assert "production_control" in types(tagger, title)


def test_the_european_union_is_no_union_of_workers(tagger: Tagger) -> None:
    summary = ("The European Union has bowed to demands from carmakers for a delay to the "
               "introduction of 10% tariffs on electric vehicles.")
    assert "tariff" in types(tagger, "EU delays EV tariffs", summary)


# --- states left unnamed: general talk, no act ------------------------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Governments have poured billions into lithium projects", "But few mines have opened."),
    ("Resource nationalism: more countries weigh export bans on raw minerals", ""),
    ("Export bans on nickel ore have become popular among producer countries", ""),
    ("Countries are scrambling to secure critical minerals through subsidies", ""),
    ("Water crisis looms", "Governments must stop subsidising the overuse of water in mining, "
                           "a report says."),
])
def test_unnamed_states_make_no_event(tagger: Tagger, title: str, summary: str) -> None:
    assert not tagger.tag(title, summary, PUB).events


@pytest.mark.parametrize(("title", "kind"), [
    ("G7 countries impose sanctions on Russian aluminium", "sanction"),
    ("Western governments ban imports of Russian nickel", "import_restriction"),
    ("The two countries agreed export curbs on rare earths", "export_control"),
    ("Indonesia and other countries weigh export bans on raw nickel ore", "export_control"),
])
def test_named_states_still_act(tagger: Tagger, title: str, kind: str) -> None:
    assert kind in types(tagger, title)


def test_a_headlines_states_are_the_bodys_governments(tagger: Tagger) -> None:
    summary = "Governments formulate lists of critical minerals according to their needs."
    result = tagger.tag("The critical minerals lists of China, the EU and the US", summary, PUB)
    assert "strategy" in {e.type for e in result.events}


# --- a state's talks with people at home or with firms are home bargaining --------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Peru's Las Bambas copper blockade ends after government talks with communities", ""),
    ("Chile opens talks with miners on lithium royalties", ""),
    ("Copper mine deal near", "Codelco will lead negotiations with private operators whose "
                              "lithium contracts expire this decade."),
])
def test_talks_with_people_at_home_or_firms_are_no_talks(tagger: Tagger, title: str, summary: str) -> None:
    assert "talks" not in types(tagger, title, summary)


@pytest.mark.parametrize("title", [
    "Indonesia holds talks with China on nickel",
    "Chile opens talks with the EU on lithium supply",
])
def test_talks_between_states_stay(tagger: Tagger, title: str) -> None:
    assert "talks" in types(tagger, title)


def test_pacts_of_unnamed_states_are_general_talk(tagger: Tagger) -> None:
    summary = ("As economic and political tides turn against sweeping trade deals, governments "
               "turn to narrower, less controversial pacts.")
    assert "agreement" not in types(tagger, "Free trade takes a back seat", summary)


@pytest.mark.parametrize("title", [
    "Nations agree high seas treaty at the UN",
    "The two governments signed minerals deals on Monday",
])
def test_a_pact_of_states_stays(tagger: Tagger, title: str) -> None:
    assert "agreement" in types(tagger, title)


# --- people once in office speak for themselves; a measure said to be kept stands ---------------

@pytest.mark.parametrize("title", [
    "Ex-official says China will expand rare earth export curbs",
    "Former US trade negotiator says Washington could slap tariffs on Chinese graphite",
])
def test_a_former_officials_forecast_is_no_act(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).events


@pytest.mark.parametrize("title", [
    "China will expand rare earth export curbs, the commerce ministry says",
    "Former minister says Indonesia will keep its nickel ore export ban",
    "Analysts say Indonesia will keep its ban on nickel ore exports",
])
def test_a_states_word_or_a_kept_measure_stays(tagger: Tagger, title: str) -> None:
    assert "export_control" in types(tagger, title)
