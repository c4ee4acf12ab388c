"""A meeting mentioned with no date of its own takes the date of the meeting another sentence
names with one date: an article keeps to one meeting. Two dates there, or no meeting named
with its date, leave it on the publication day."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

TUESDAY = date(2023, 8, 15)


def _talks(title: str, summary: str) -> list[date]:
    return [e.date for e in Tagger().tag(title, summary, TUESDAY).events if e.type == "talks"]


@pytest.mark.parametrize(("title", "summary", "want"), [
    ("West African army chiefs to discuss Niger crisis Thursday",
     "The meeting was rescheduled as the coup leaders sent mixed signals about negotiating "
     "with the regional bloc.", date(2023, 8, 17)),
    ("Andean ministers to discuss lithium pricing on Friday",
     "Officials said they were open to negotiating with buyers on long-term supply contracts.",
     date(2023, 8, 18)),
])
def test_an_undated_meeting_takes_the_named_meetings_date(title: str, summary: str,
                                                          want: date) -> None:
    assert want in _talks(title, summary)


@pytest.mark.parametrize(("title", "summary"), [
    # two dates where the meeting is named: which is not told
    ("West African army chiefs to discuss Niger crisis Thursday and on Aug. 30",
     "The meeting was rescheduled as the coup leaders sent mixed signals about negotiating "
     "with the regional bloc."),
    # the dated sentence names no meeting
    ("Niger junta shuts airspace until Thursday",
     "The coup leaders sent mixed signals about negotiating with the regional bloc."),
])
def test_no_single_named_date_leaves_the_publication_day(title: str, summary: str) -> None:
    assert _talks(title, summary) == [TUESDAY]
