"""A start told at the end of an earlier verb's phrase in a list ("announced duties from Feb.
10, opened a probe ...") is that act's, not the next one's; a start opening the sentence, or
told after the trigger, stays the act's."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

TUESDAY = date(2025, 2, 4)


def _dates(summary: str, type_id: str) -> list[date]:
    return [e.date for e in Tagger().tag("Update", summary, TUESDAY).events if e.type == type_id]


@pytest.mark.parametrize(("summary", "type_id", "want"), [
    # the next verb's act takes the day told for the whole list, not the earlier start
    ("Beijing on Tuesday announced duties of 15% on US coal from Feb. 10, opened an antitrust "
     "investigation into a US chipmaker and added two firms to a blacklist.", "investigation",
     TUESDAY),
    ("The ministry said on Monday it would levy duties on US copper from March 1, and launched "
     "an anti-dumping investigation into US graphite.", "investigation", date(2025, 2, 3)),
    # a start after the trigger is the act's own
    ("Beijing will impose duties of 15% on US coal from Feb. 10, trade officials said.",
     "tariff", date(2025, 2, 10)),
    # a start opening the sentence is of all of it
    ("From Feb. 10, exporters of gallium will need licences, the ministry said.",
     "export_control", date(2025, 2, 10)),
])
def test_whose_start_a_date_is(summary: str, type_id: str, want: date) -> None:
    assert want in _dates(summary, type_id)
