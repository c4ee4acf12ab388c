"""A month or day right after a participle dating its noun's act ("a review launched in
February") is past, whatever the sentence expects; a past verb before a date outweighs an
"ahead of" after it; a noun's act started in the past ("rules that took effect on Friday")
is dated by that start. Look-alikes: "to be launched in", "will", "expected in" stay ahead."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.dates import find_dates
from ingest.tagging.tagger import Tagger

JULY = date(2025, 7, 9)  # a Wednesday


def _first(sentence: str, pub: date = JULY) -> str:
    d = find_dates(sentence, pub)[0]
    return d.start.isoformat()[:7] if d.precision == "month" else d.start.isoformat()


@pytest.mark.parametrize(("sentence", "want"), [
    # a participle right before the date: past, whatever is expected around it
    ("Traders had expected a lower rate from a security review launched in February.", "2025-02"),
    ("Buyers will watch the duties imposed in November for signs of easing.", "2024-11"),
    ("Officials plan to widen the curbs introduced in October.", "2024-10"),
    ("Analysts expect changes to the quota cut on Monday.", "2025-07-07"),
    # a past verb before the date outweighs "ahead of" after it
    ("Battery makers raised their graphite stocks in November ahead of the permit rules.",
     "2024-11"),
    ("Smelters doubled their orders in December ahead of the new levy.", "2024-12"),
    # look-alikes: still to come
    ("The review will be launched in February.", "2026-02"),
    ("Talks are expected in February.", "2026-02"),
    ("Ministers will meet in November ahead of the summit.", "2025-11"),
    ("The levy, to be imposed in September, covers copper.", "2025-09"),
    ("Buyers are stocking up in August ahead of the levy.", "2025-08"),
])
def test_the_tense_a_date_takes(sentence: str, want: str) -> None:
    assert _first(sentence) == want


@pytest.mark.parametrize(("summary", "want"), [
    ("Korean cell makers raised graphite stocks in November ahead of Chinese permit "
     "requirements that took effect on Friday, officials said.", date(2023, 12, 1)),
    ("Refiners cut imports in October, before Chinese export licences that came into force "
     "on Friday, traders said.", date(2023, 12, 1)),
])
def test_a_nouns_act_is_dated_by_its_told_start(summary: str, want: date) -> None:
    events = Tagger().tag("Update", summary, date(2023, 12, 5)).events
    assert [e.date for e in events if e.type == "export_control"] == [want]
