"""A state's plan or strategy named first, then made public ("Seoul's strategy, unveiled on
Monday, ..."), is the state's strategy; a company's or a central bank's is no act."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

MONDAY = date(2023, 2, 27)


def _types(summary: str) -> set[str]:
    return {e.type for e in Tagger().tag("Minerals news", summary, MONDAY).events}


@pytest.mark.parametrize("summary", [
    "Seoul's strategy, unveiled on Monday, names 33 critical minerals.",
    "The European Commission's plan, unveiled on Monday, includes joint purchasing of critical minerals.",
    "Canberra's new roadmap, published on Monday, lists lithium and rare earths as priorities.",
])
def test_a_states_plan_named_then_made_public_is_a_strategy(summary: str) -> None:
    assert "strategy" in _types(summary)


@pytest.mark.parametrize("summary", [
    "Rio Tinto's strategy, published on Monday, doubles lithium output.",
    "Albemarle's plan, unveiled in February, would double lithium output in Nevada.",
    "The Fed's plan, announced on Monday, sent copper prices higher.",
])
def test_a_company_or_central_banks_plan_stays_silent(summary: str) -> None:
    assert _types(summary) == set()


@pytest.mark.parametrize("title", [
    "Brussels puts EUR 3 billion behind plan to secure critical minerals",
    "Tokyo puts JPY 50 billion into rare earth projects abroad",
])
def test_money_a_state_puts_behind_a_plan_is_an_investment(title: str) -> None:
    assert "investment" in {e.type for e in Tagger().tag(title, "", MONDAY).events}


def test_money_a_company_puts_behind_its_expansion_is_none() -> None:
    assert Tagger().tag("Glencore puts USD 500 million behind cobalt expansion", "", MONDAY).events == ()
