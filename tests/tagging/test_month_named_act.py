"""A month between an owner or "the" and an act's noun names the act by when it came
("Beijing's April export curbs", "its October controls"): the last such month up to the
news, the next one when the sentence is about days to come. Look-alikes: "may" the modal,
a month before a noun that is no act, a month with no owner or article before it."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.dates import find_dates
from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
JULY = date(2025, 7, 11)


@pytest.mark.parametrize(("sentence", "want"), [
    ("Carmakers ran short after Beijing's April export curbs on rare earths.", ["2025-04-01"]),
    ("Trump said China had paused its October export controls.", ["2024-10-01"]),
    ("The March tariffs on steel still bite.", ["2025-03-01"]),
    ("Leaders will sign the pact at the December summit in Lima.", ["2025-12-01"]),
    # look-alikes
    ("China may ban gallium exports.", []),
    ("The April export figures showed a drop.", []),
    ("Exports fell sharply as April curbs bit.", []),
])
def test_a_month_naming_an_act(sentence: str, want: list[str]) -> None:
    found = find_dates(sentence, JULY)
    assert [d.start.isoformat() for d in found] == want
    assert not any(d.reporting for d in found)  # "said ... its October controls": no day said


@pytest.mark.parametrize(("summary", "pub", "want"), [
    ("Washington is trying to loosen China's grip on magnets after Beijing's April export "
     "curbs on rare earths.", JULY, [("2025-04-01", "month", "in_effect")]),
    # a change of the named act: the change on the news day, the act in its month
    ("China lifted its April export curbs on rare earths on Friday.", JULY,
     [("2025-04-01", "month", "in_effect"), ("2025-07-11", "day", "lifted")]),
])
def test_the_act_a_month_names(summary: str, pub: date, want: list[tuple[str, str, str]]) -> None:
    events = TAGGER.tag("Update", summary, pub).events
    got = sorted((e.date.isoformat(), e.date_precision, e.status) for e in events
                 if e.type == "export_control")
    assert got == want
