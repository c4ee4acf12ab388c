"""A date in a phrase opening the sentence ("After talks on Thursday, ...") dates all of it,
every clause's act included; a date inside one clause stays that clause's act's."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.dates import find_dates
from ingest.tagging.tagger import Tagger

FRIDAY = date(2025, 10, 31)
THURSDAY = date(2025, 10, 30)


@pytest.mark.parametrize(("sentence", "fronted"), [
    ("After talks on Thursday, the president said tariffs would fall.", True),
    ("On Thursday, the ministry said exports would resume.", True),
    ("Late on Monday, officials said the ban would stay.", True),
    ("The ministry said on Thursday, in a statement, that exports would resume.", False),
    ("Officials from both countries who met in Geneva on Thursday, said little.", False),
    ("On Thursday the ministry said exports would resume.", False),
])
def test_a_date_opening_the_sentence(sentence: str, fronted: bool) -> None:
    assert find_dates(sentence, FRIDAY)[0].fronted is fronted


@pytest.mark.parametrize("summary", [
    "After meeting on Thursday, the US president said China would pause its export controls "
    "on rare earths, while Washington would halve its tariff on Chinese goods.",
    "On Thursday, the US president said China would pause its export controls on rare earths, "
    "while Washington would cut its tariff on Chinese goods to 10%.",
])
def test_a_fronted_date_dates_every_clause(summary: str) -> None:
    events = Tagger().tag("Update", summary, FRIDAY).events
    assert {e.date for e in events if e.type in ("tariff", "export_control")} == {THURSDAY}
