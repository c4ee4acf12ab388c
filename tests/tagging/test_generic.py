"""Generic mineral words named by their use ("chipmaking metals") give the critical-minerals
group; "metals" alone, or one metal described by its use, gives none."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 4)



@pytest.mark.parametrize("text", [
    "Beijing curbs exports of chipmaking metals",
    "Beijing limits exports of two metals key to the making of semiconductors",
    "Ottawa and Canberra agree to pool minerals needed for the energy transition",
    "Seoul curbs shipments of EV minerals",
    "Hanoi restricts exports of rare metals",
    "Lima seeks pacts on mineral sourcing for electric-vehicle batteries",
    "Governments vie for commodities essential for making electric cars",
    "Beijing could use its grip on mineral sectors vital to renewable power",
])
def test_a_generic_word_qualified_by_its_use_names_the_group(tagger: Tagger, text: str) -> None:
    assert "critical_minerals" in tagger.tag(text, "", PUB).commodities


@pytest.mark.parametrize("text", [
    "Washington raises metal tariffs on imports",
    "Lithium, the key metal, rallied on Monday",
    "Tokyo tightens export rules on chip materials such as photoresists",
])
def test_metals_alone_or_one_metal_described_names_no_group(tagger: Tagger, text: str) -> None:
    assert "critical_minerals" not in tagger.tag(text, "", PUB).commodities


def test_a_hyphenated_compound_modifier_names_its_commodity(tagger: Tagger) -> None:
    assert "critical_minerals" in tagger.tag(
        "Washington Backs Critical-Mineral Projects Abroad", "", PUB).commodities


def test_the_material_of_a_weapons_programme_makes_no_story_relevant(tagger: Tagger) -> None:
    res = tagger.tag("Tehran increases stockpile of near-weapons-grade uranium",
                     "IAEA inspectors said the stockpile grew by 5%.", PUB)
    assert "uranium" in res.commodities and not res.relevant
    assert tagger.tag("Washington bans imports of Russian enriched uranium", "", PUB).relevant


def test_a_qualified_phrase_starts_within_reach_of_its_head() -> None:
    """The scan for qualified phrases starts USE_REACH characters before the text's first head
    word: the longest word put before a head, and its space, must fit in that reach."""
    import re

    from ingest.tagging import generic

    before_head = r"(?:" + generic._USE + r"|rare|key|high-performance|chip[- ]?making|chip|semiconductor) "
    assert re._parser.parse(before_head).getwidth()[1] <= generic.USE_REACH  # type: ignore[attr-defined]
    low = "x " * 40 + "prices rose. green technologies metals and the battery metals used in evs"
    found = [(m.start(), m.end()) for m in generic._QUALIFIED.finditer(low)]
    assert found and [h.start for h in generic.qualified_generics(low, low, [])] == [a for a, _b in found]
