"""A headline's present "signs" with the instrument signed ("X signs decree handing lithium to
the state", "Y signs order to fast-track mining") tells an act that applies, as "signed" does
in the body (labelling.md: signed into law is in effect). "signs" as a noun ("signs of ...")
or a signing still to come is no such cue."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
PUB = datetime(2025, 3, 21, 9, 0, tzinfo=UTC)


# a lead dating the act to a day of the past week (without a cue, such an act is that day's news: announced)
LEAD = "The president acted on Wednesday in the capital, officials said."


def _statuses(title: str, summary: str = LEAD) -> dict[str, str]:
    return {e.type: e.status for e in TAGGER.tag(title, summary, PUB).events}


@pytest.mark.parametrize(("title", "type_id"), [
    ("Bolivian president signs decree handing lithium reserves to the state", "production_control"),
    ("Chilean president signs decree nationalising lithium deposits", "production_control"),
    ("Indonesian president signs order to ban nickel ore exports", "export_control"),
])
def test_a_headline_signing_an_instrument_applies(title: str, type_id: str) -> None:
    assert _statuses(title).get(type_id) == "in_effect"


@pytest.mark.parametrize(("title", "type_id", "unwanted"), [
    # a signing to come stays announced
    ("Indonesian president to sign order banning nickel ore exports next month", "export_control", "in_effect"),
])
def test_a_signing_to_come_is_not_in_effect(title: str, type_id: str, unwanted: str) -> None:
    assert _statuses(title).get(type_id) != unwanted
