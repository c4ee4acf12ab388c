"""Text built to make the tagger take the square of its length: a trigger or a number repeated
across a whole summary (20,000 characters, the most a feed's summary keeps). Each took 5 to 13
seconds before its fix (a licensing regime named a thousand times, "1,1,1,..." after "tariff",
a headline's "to meet" repeated); the linear code takes well under half a second, and the
bound below is ten times that and more, so a busy machine does not make these flaky."""

from __future__ import annotations

import time
from datetime import date

import pytest

from ingest.tagging.dates import _headline_future
from ingest.tagging.tagger import Tagger
from ingest.tagging.triggers import MAX_PER_SENTENCE, capped

SUMMARY_CAP = 20_000
BOUND_SECONDS = 4.0
HOSTILE = {
    "an owned licensing regime repeated": "Chinese licensing " * 1000 + "of gallium",
    "an owned curb repeated": "China curbs gallium exports. " + "Beijing's curbs on gallium " * 700,
    "a number that never ends after a trigger": "tariff " + "1," * 9000,
    "a rate repeated": "a 25% tariff on copper " * 800,
    "a headline future repeated": "Talks to meet " * 1400 + "said on Monday",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_summaries_tag_in_bounded_time(tagger: Tagger, name: str) -> None:
    text = HOSTILE[name][:SUMMARY_CAP]
    t0 = time.perf_counter()
    tagger.tag("Gallium curbs", text, date(2025, 6, 10))
    assert time.perf_counter() - t0 < BOUND_SECONDS


def test_a_sentence_makes_at_most_a_dozen_events_candidates() -> None:
    import re

    m = re.match("x", "x")
    assert m is not None
    found = [(0, 0, m)] * 40 + [(1, 0, m)] * 3
    kept = capped(found)
    assert [f[0] for f in kept].count(0) == MAX_PER_SENTENCE and [f[0] for f in kept].count(1) == 3


def test_the_headline_future_check_is_linear_and_still_reads_futures() -> None:
    assert _headline_future("chiefs to discuss niger crisis ")
    assert not _headline_future("chiefs to discuss niger crisis, officials said ")
    assert not _headline_future("copper rises to record ")
    assert not _headline_future("talks to meet " * 7000 + "said ")
