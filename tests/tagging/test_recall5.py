"""Recall pass 5: a negation whose verb is one of ending leaves the act it names standing (in
effect); a refusal to comment denies nothing; a WTO case named by its noun may drop the
article as headlines do; an act taken as part of a deal names the deal. Each with twins that
must stay silent.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def events(tagger: Tagger, title: str, summary: str = "") -> dict[str, str]:
    return {e.type: e.status for e in tagger.tag(title, summary, PUB).events}


# --- a denied ending: the act stands -----------------------------------------------------------

@pytest.mark.parametrize("title, type_id", [
    ("Jakarta says it will not lift its ban on bauxite exports", "export_control"),
    ("Beijing refuses to scrap its licensing rule for antimony exports", "export_control"),
    ("Washington has no plans to ease the 50% tariff on imported copper", "tariff"),
    ("Manila won't drop nickel dispute at WTO, trade chief says", "investigation"),
    ("Ottawa is not going to withdraw its sanctions on Russian aluminium", "sanction"),
])
def test_a_denied_ending_leaves_the_act_in_effect(tagger: Tagger, title: str, type_id: str) -> None:
    assert events(tagger, title).get(type_id) == "in_effect"


@pytest.mark.parametrize("title", [
    "Jakarta says it will not impose a ban on bauxite exports",
    "Beijing has no plans to restrict antimony exports",
    "Washington did not end up imposing a tariff on copper",
    "Canberra rules out a ban on lithium exports",
])
def test_a_denied_act_is_still_no_act(tagger: Tagger, title: str) -> None:
    assert not events(tagger, title)


# --- a WTO case with the article dropped ----------------------------------------------------

@pytest.mark.parametrize("title", [
    "Chile files complaint at WTO over lithium duties",
    "Nickel curbs challenged at WTO by Brussels",
    "Jakarta vows to keep up nickel fight at WTO",
])
def test_a_wto_case_without_its_article(tagger: Tagger, title: str) -> None:
    assert "investigation" in events(tagger, title)


@pytest.mark.parametrize("title", [
    "Chile's case for lithium royalties runs counter to WTO rules, critics say",
    "Nickel exporters fight for a voice in WTO reform",
])
def test_wto_rules_and_reform_are_no_case(tagger: Tagger, title: str) -> None:
    assert "investigation" not in events(tagger, title)


# --- an act taken as part of a pact names the pact ---------------------------------------------

@pytest.mark.parametrize("title", [
    "Tokyo will ease curbs on chip chemicals to Seoul as part of a deal to settle their trade row",
    "Washington took two labs off its entity list as part of a broader agreement with Beijing",
    "Canberra to host a US-run lithium refinery as part of a complex three-way pact, officials say",
])
def test_an_act_as_part_of_a_deal_names_the_deal(tagger: Tagger, title: str) -> None:
    assert "agreement" in events(tagger, title)


@pytest.mark.parametrize("title", [
    "Autonomous trucks will haul copper ore as part of a deal between two mining firms",
    "Recycling lithium is part of the deal, the chief executive said",
])
def test_a_company_deal_or_no_state_is_no_pact(tagger: Tagger, title: str) -> None:
    assert "agreement" not in events(tagger, title)


# --- a refusal to comment denies nothing ------------------------------------------------------

def test_a_refusal_to_comment_leaves_the_act(tagger: Tagger) -> None:
    got = events(tagger, "Jakarta bauxite policy",
                 "The Indonesian ministry declined to comment on the bauxite export ban.")
    assert "export_control" in got


@pytest.mark.parametrize("summary", [
    "The Indonesian ministry declined to impose a bauxite export ban.",
    "The Indonesian ministry refused to consider a bauxite export ban.",
])
def test_a_refusal_to_act_still_denies(tagger: Tagger, summary: str) -> None:
    assert "export_control" not in events(tagger, "Jakarta bauxite policy", summary)
