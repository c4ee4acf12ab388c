"""A sentence that refers back ("The truce keeps ...") with no date of its own takes the date of
the sentence before it; when that one is undated too, the one before that (the paragraph keeps
to one occasion), but never the headline's."""

from __future__ import annotations

from datetime import date

from ingest.tagging.tagger import Tagger

WEDNESDAY = date(2025, 8, 13)
FIRST = ("President Trump signed an executive order on Monday extending the pause on higher "
         "tariffs on Chinese goods until November 10.")
LAST = "The truce keeps US tariffs on Chinese imports at 30% and Chinese duties on US goods at 10%."


def _truce_dates(summary: str) -> list[date]:
    events = Tagger().tag("Tariff pause extended", summary, WEDNESDAY).events
    return [e.date for e in events if e.type == "agreement"]


def test_an_anaphor_reaches_past_one_undated_sentence() -> None:
    summary = f"{FIRST} China's commerce ministry announced a matching extension. {LAST}"
    assert _truce_dates(summary) == [date(2025, 8, 11)]


def test_twin_a_dated_sentence_before_it_gives_its_own_date() -> None:
    summary = f"{FIRST} China's commerce ministry announced a matching extension on Tuesday. {LAST}"
    assert _truce_dates(summary) == [date(2025, 8, 12)]
