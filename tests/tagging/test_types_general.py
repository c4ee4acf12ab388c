"""Event types on real-news-like text, each rule with a look-alike twin that must not change:
a deal named by its side (a state, not a club or a state's fund), curbs named by the goods
before them ("U.S. chip restrictions"), and "met" whose object is a requirement (satisfied,
no meeting held).

Own-words headlines and sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- a deal named by its side ----------------------------------------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Winemakers hopeful of a return to Chinese shelves",
     "After the Australian government announced a deal with China that could end duties on barley, "
     "wine producers were cautiously optimistic."),
    ("Australia announces deal with China to end barley duties", ""),
    ("Sunak says he will not sign a flawed Northern Ireland text",
     "A deal with the European Union over trade barriers could be struck in the coming days, "
     "the deputy prime minister said."),
])
def test_a_deal_with_a_state_is_a_pact(tagger: Tagger, title: str, summary: str) -> None:
    assert "agreement" in types(tagger, title, summary)


@pytest.mark.parametrize(("title", "summary"), [
    ("Villa sign Spanish defender", "Aston Villa have agreed a deal with Villarreal to sign Spain's Pau Torres."),
    ("Glencore secures deal with Tesla for Australian cobalt", ""),
    ("Vale nears stake sale", "The Brazilian miner is close to completing the deal with Saudi Arabia's "
     "sovereign-wealth fund and a Saudi mining company."),
    ("Toyota electric trucks head for mines", "The trucks enter Australia's mines under a deal between "
     "two climate firms."),
    ("Senators urge Mexico compliance", "The committee that deals with trade urged the president to act "
     "against Mexico."),
])
def test_a_deal_with_a_company_or_a_verb_is_no_pact(tagger: Tagger, title: str, summary: str) -> None:
    assert "agreement" not in types(tagger, title, summary)


# --- curbs named by the goods before them ----------------------------------------------------

@pytest.mark.parametrize("title", [
    "ASML says China revenue to be steady despite U.S. chip restrictions",
    "Beijing warns of retaliation over new semiconductor curbs",
])
def test_goods_before_the_curbs_name_export_controls(tagger: Tagger, title: str) -> None:
    assert "export_control" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Nvidia sales hit by China chip controls",  # whose controls the name does not say
    "Chip shares rally as inflation cools",
    "Chipmakers weigh restrictions on overtime at plants",
])
def test_chips_without_a_state_curb_stay_as_they_were(tagger: Tagger, title: str) -> None:
    assert "export_control" not in types(tagger, title)


# --- "met" a requirement ---------------------------------------------------------------------

def test_met_a_requirement_is_no_meeting(tagger: Tagger) -> None:
    assert "talks" not in types(tagger, "Indonesia keeps iPhone 16 off shelves",
                                "Industry ministry officials said Apple had not met a 40% domestic "
                                "content requirement.")


def test_officials_who_met_counterparts_held_talks(tagger: Tagger) -> None:
    assert "talks" in types(tagger, "Indonesia and US discuss nickel",
                            "Indonesian officials met US trade negotiators in Jakarta on Monday.")


# --- a state measure as the subject of "announced" -------------------------------------------

def test_sanctions_announced_are_a_state_act(tagger: Tagger) -> None:
    assert "sanction" in types(tagger, "Treasury targets network shipping electronics to Russia",
                               "Sanctions announced on Wednesday hit companies in China and Turkey.")


def test_sanctions_only_talked_of_stay_no_act(tagger: Tagger) -> None:
    assert "sanction" not in types(tagger, "Traders weigh risks in metals",
                                   "Sanctions could hit companies in China and Turkey, analysts said.")


# --- an official gone abroad for talks -------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Israeli foreign minister in Sudan to discuss normalisation",
    "Indonesian minister visits Washington to discuss nickel",
])
def test_an_official_abroad_to_discuss_holds_talks(tagger: Tagger, title: str) -> None:
    assert "talks" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Miner's chief executive in Jakarta to discuss nickel smelter",
    "Nickel prices in Jakarta to discuss at length",
])
def test_no_official_abroad_holds_no_talks(tagger: Tagger, title: str) -> None:
    assert "talks" not in types(tagger, title)
