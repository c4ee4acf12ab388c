"""Precision on hard negatives, prec3 pass: what governs the first of two coordinated parts
governs the second too. A call by someone who is no state reaches a second verb it governs
("urged ministers to set up a reserve of metals and extend price support"), and a mere mention
("talk of duties and subsidies") reaches the second noun; each with a look-alike that must
still fire.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- a call's second verb: the act after it is still only called for -----------------------

@pytest.mark.parametrize("summary", [
    "A study by a Canberra policy institute called on the Australian government to set up a "
    "national reserve of nickel and cobalt and extend price support to local refiners of lithium.",
    "An industry group urged Ottawa to build a stockpile of graphite and offer subsidies for "
    "processors of lithium.",
])
def test_a_second_verb_of_a_call_is_no_act(tagger: Tagger, summary: str) -> None:
    assert "investment" not in types(tagger, "Think tank wants a metals reserve", summary)


@pytest.mark.parametrize("summary", [
    # the government's own call still makes policy
    "The Australian treasurer called on the cabinet to set up a national reserve of nickel and "
    "extend price support to local refiners of lithium.",
    # an act named inside what is asked for, not asked for itself, still stands
    "Lawmakers asked the department for documents about the enforcement of export controls on "
    "Chinese gallium.",
])
def test_a_call_by_a_government_or_about_an_act_still_fires(tagger: Tagger, summary: str) -> None:
    assert types(tagger, "Metals policy", summary) & {"investment", "export_control"}


# --- a mention reaches the second noun ------------------------------------------------------

@pytest.mark.parametrize("summary", [
    "A mining chief said buyers must pay more for cobalt from outside China, arguing that talk of "
    "tariffs and subsidies alone would not rebuild supply.",
    "Nickel traders shrugged off fears of export curbs and tariffs on Indonesian ore.",
])
def test_the_second_of_two_mentioned_measures_is_no_act(tagger: Tagger, summary: str) -> None:
    assert not types(tagger, "Cobalt market", summary) & {"investment", "tariff", "export_control"}


@pytest.mark.parametrize("summary", [
    "Washington imposed tariffs and subsidies for cobalt refiners on Tuesday.",
    "Jakarta imposed export curbs and tariffs on nickel ore on Tuesday.",
])
def test_measures_a_government_takes_still_fire(tagger: Tagger, summary: str) -> None:
    assert types(tagger, "Cobalt policy", summary) & {"investment", "tariff", "export_control"}


# --- "grant" after a modal is a verb, not a department's grant --------------------------------

@pytest.mark.parametrize("summary", [
    "The president signed a ban on Russian uranium imports; the Energy Department can grant "
    "waivers until 2027 if supply runs short.",
    "The ministry will grant exemptions to smelters that run short of ore.",
])
def test_a_department_that_can_grant_waivers_gives_no_money(tagger: Tagger, summary: str) -> None:
    assert "investment" not in types(tagger, "Uranium rules", summary)


@pytest.mark.parametrize("summary", [
    "A Defense Department grant of $20 million will help restart an antimony mine in Idaho.",
    "The Energy Department's new grants will fund two lithium refineries in Nevada.",
])
def test_a_departments_grant_is_still_money(tagger: Tagger, summary: str) -> None:
    assert "investment" in types(tagger, "Mine funding", summary)
