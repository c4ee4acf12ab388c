"""An aside right after an act's noun that tells of that act ("China's export licensing for
graphite, which took effect in December, ...") dates it; an aside about another noun ("China,
which restricted gallium exports in August 2023, said ...") does not date the sentence's act."""

from __future__ import annotations

from datetime import date

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 29)


def _dates(summary: str, type_id: str = "export_control") -> list[date]:
    return [e.date for e in Tagger().tag("Korean anode makers look beyond China", summary, PUB).events
            if e.type == type_id]


def test_an_aside_about_the_acts_own_noun_dates_it() -> None:
    summary = ("Eight months into China's export licensing for graphite, which took effect in "
               "December, Korean battery makers say approvals arrive slowly.")
    assert _dates(summary) == [date(2023, 12, 1)]


def test_twin_an_aside_about_another_noun_leaves_the_act() -> None:
    summary = ("China, which restricted gallium exports in August 2023, said on Tuesday it "
               "would ban antimony shipments to the United States.")
    assert date(2024, 7, 23) in _dates(summary)
