"""A clause of time told in the present ("before the rules bite on Aug. 1") is about days to
come, whatever past verb the sentence began with; told in the past ("before the rules took
effect on Aug. 1") it stays past."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.dates import find_dates

PUB = date(2023, 7, 12)


@pytest.mark.parametrize(("sentence", "want"), [
    ("Traders said consumers are rushing to secure gallium before the rules bite on Aug. 1.",
     date(2023, 8, 1)),
    ("Traders said buyers stocked up before the licences start on Aug. 1.", date(2023, 8, 1)),
    # twins: the clause told in the past
    ("Traders said consumers rushed to secure gallium before the rules took effect on Aug. 1.",
     date(2022, 8, 1)),
    ("Traders said consumers rushed to secure gallium before the rules started on Aug. 1.",
     date(2022, 8, 1)),
])
def test_a_present_clause_of_time_is_ahead(sentence: str, want: date) -> None:
    assert [d.start for d in find_dates(sentence, PUB)] == [want]
