"""Status readings of the fourth status pass, each with a look-alike that keeps its reading:
an aim told after a measure reported done is the state's later aim, not the measure's plan."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 4)  # a Thursday


def statuses(tagger: Tagger, title: str, text: str, type_id: str) -> set[str]:
    return {e.status for e in tagger.tag(title, text, PUB).events if e.type == type_id}


@pytest.mark.parametrize("text", [
    "Zambia's government has banned cobalt exports, the mines ministry said on Wednesday, "
    "as the country seeks to earn more from its mines.",
    "Ghana imposed new curbs on bauxite exports on Tuesday, part of a push to build local smelters.",
])
def test_an_aim_after_a_measure_done_leaves_it_in_effect(tagger: Tagger, text: str) -> None:
    assert statuses(tagger, "Minerals policy update", text, "export_control") == {"in_effect"}


@pytest.mark.parametrize("text", [
    "Zambia's government seeks to ban cobalt exports, the mines ministry said on Wednesday.",
    "Ghana plans to impose new curbs on bauxite exports, the ministry said on Tuesday.",
])
def test_a_plan_before_the_measure_still_proposes_it(tagger: Tagger, text: str) -> None:
    assert statuses(tagger, "Minerals policy update", text, "export_control") == {"proposed"}
