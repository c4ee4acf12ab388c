"""A measure its own noun phrase tells as standing ("existing curbs", "the ongoing tightening of
controls") applies: a plan around it only changes it. One a verb of ending takes away keeps
the plan's status, and a plain measure under a plan stays planned."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 4)


def statuses(tagger: Tagger, text: str, type_id: str) -> set[str]:
    return {e.status for e in tagger.tag(text, "", PUB).events if e.type == type_id}


@pytest.mark.parametrize(("text", "type_id"), [
    ("Brussels plans to widen existing export restrictions on aluminium to Belarus.", "export_control"),
    ("Hungary pushes to extend its existing import ban on Serbian wheat.", "import_restriction"),
    ("The ongoing tightening of Washington's export controls on chips unsettles Seoul.", "export_control"),
])
def test_a_measure_named_as_standing_applies(tagger: Tagger, text: str, type_id: str) -> None:
    assert statuses(tagger, text, type_id) == {"in_effect"}


@pytest.mark.parametrize(("text", "type_id", "want"), [
    ("Brussels plans to widen export restrictions on aluminium to Belarus.", "export_control", "proposed"),
    ("Tokyo plans to lift its existing tariffs on Korean steel.", "tariff", "proposed"),
])
def test_a_plain_or_ended_measure_keeps_the_plan(tagger: Tagger, text: str, type_id: str, want: str) -> None:
    assert statuses(tagger, text, type_id) == {want}
