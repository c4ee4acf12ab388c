"""Precision on hard negatives, prec5 pass: a company's deal or talks is no state's (a
company word is the subject of the pact's verb, and no state is the other side "with" whom it
is made), and a list's market word names every mineral of the list as a market. Each with
look-alikes that must still fire.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def tag(tagger: Tagger, title: str, summary: str = ""):  # type: ignore[no-untyped-def]
    return tagger.tag(title, summary, PUB)


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tag(tagger, title, summary).events}


# --- a company's deals and talks ------------------------------------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Juniors land buyers", "Two Canadian explorers signed supply agreements with a Japanese battery "
     "maker on Monday, a sign that lithium buyers want more sources."),
    ("Graphite shares rise", "Several Brazilian producers struck offtake deals with European anode "
     "makers this week for their graphite."),
    # a government word inside a compound ("government-brokered") names no state acting
    ("Strike ends at copper mine", "Copper output resumed after the miner and its union agreed to "
     "return to government-brokered wage talks on Tuesday."),
])
def test_a_companys_deal_or_talks_is_no_act(tagger: Tagger, title: str, summary: str) -> None:
    res = tag(tagger, title, summary)
    assert not ({"agreement", "talks"} & {e.type for e in res.events})
    assert not res.relevant


@pytest.mark.parametrize(("title", "summary", "kind"), [
    # a state is the other side of the company's deal
    ("Copper mine deal near", "A Canadian miner is close to striking a deal with Panama's government "
     "on its copper mine.", "agreement"),
    # a group of states is no company group
    ("G7 acts on minerals", "Group of Seven leaders agreed on a critical minerals action plan on Sunday.",
     "agreement"),
    # the companies only speak of the states' pact
    ("Miners welcome plan", "Lithium producers say the cobalt and lithium pact the EU and Chile signed "
     "on Monday will help.", "agreement"),
    # states as the subject
    ("Pact signed", "Australia and Japan signed a lithium supply agreement on Tuesday.", "agreement"),
    ("Talks planned", "The EU and Chile will explore a lithium agreement next month.", "agreement"),
])
def test_a_states_pact_still_fires(tagger: Tagger, title: str, summary: str, kind: str) -> None:
    assert kind in types(tagger, title, summary)


def test_explorers_are_a_noun_not_the_verb_explore(tagger: Tagger) -> None:
    # "explor..." in the proposed-deal trigger is the verb only: "explorers signed" tells no plan
    res = tag(tagger, "Deal news", "Three explorers signed offtake agreements with a carmaker.")
    assert "agreement" not in {e.type for e in res.events}
    assert "agreement" in types(tagger, "Deal news", "Canada is exploring a nickel deal with Korea.")


# --- a list's market word -------------------------------------------------------------------

def test_a_lists_market_word_names_each_mineral_a_market(tagger: Tagger) -> None:
    res = tag(tagger, "Truck tariffs jolt stocks",
              "The president announced 25% duties on heavy trucks. Copper and silver futures barely moved.")
    assert "tariff" in {e.type for e in res.events}
    assert not res.relevant
    res = tag(tagger, "Truck tariffs jolt stocks",
              "The president announced 25% duties on heavy trucks. Nickel, cobalt prices slipped.")
    assert not res.relevant


def test_a_mineral_named_as_goods_beside_a_market_keeps_the_entry(tagger: Tagger) -> None:
    # copper is named as goods (a tariff on it) even though silver is a market
    res = tag(tagger, "Tariffs widen", "The president announced 25% duties on copper and heavy trucks. "
              "Silver futures barely moved.")
    assert res.relevant
    # a list with no market word after it is goods
    res = tag(tagger, "Truck tariffs", "The president announced 25% duties on heavy trucks. Copper and "
              "silver shipments from Chile were not affected.")
    assert res.relevant or "tariff" in {e.type for e in res.events}


# --- a source named by the talks it knows of ------------------------------------------------

def test_talks_a_source_knows_of_are_no_talks_of_their_own(tagger: Tagger) -> None:
    res = tag(tagger, "Nickel sellers weigh joint sales",
              "Three large nickel miners have considered selling metal from their Indonesian and "
              "Philippine operations together, people familiar with the talks said.")
    assert "talks" not in {e.type for e in res.events}
    assert not res.relevant
    res = tag(tagger, "Graphite sellers confer", "Two graphite refiners looked at a merger, according to "
              "sources close to the negotiations.")
    assert "talks" not in {e.type for e in res.events}


def test_talks_told_in_the_main_clause_stay(tagger: Tagger) -> None:
    # the states' talks are told by the main clause; the source's words add nothing and take nothing
    assert "talks" in types(tagger, "Lithium pact near", "Chile and the EU held talks on a lithium "
                            "pact on Monday, people familiar with the talks said.")
    # a plain definite "the talks" with a state still counts
    assert "talks" in types(tagger, "Cobalt talks", "Congo and the US began the talks on cobalt on Monday.")


# --- a country as the place of talks --------------------------------------------------------

@pytest.mark.parametrize("summary", [
    "Workers at a cobalt refinery in Zambia walked out on Monday as talks with management stalled.",
    "The union at a lithium mine in Argentina, the region's biggest, went on strike after talks with "
    "the owner broke down.",
])
def test_a_country_as_the_place_makes_no_party_to_talks(tagger: Tagger, summary: str) -> None:
    res = tag(tagger, "Strike at mine", summary)
    assert "talks" not in {e.type for e in res.events}
    assert not res.relevant


@pytest.mark.parametrize("summary", [
    # the country modifies the talks: it is their party
    "Lithium came up in Chile trade talks on Monday.",
    # the country before the talks, not after "in"
    "Zambia held talks with the EU on cobalt on Monday.",
    # a government word still makes them a state's
    "Ministers met in Zambia for talks on cobalt on Monday.",
])
def test_talks_with_a_state_party_stay(tagger: Tagger, summary: str) -> None:
    assert "talks" in types(tagger, "Cobalt talks", summary)
