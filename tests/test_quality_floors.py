"""Quality floors on the real-news labelled set (data/labelled/real-news/, texts in ../shared).

The floors are the figures measured when they were set (docs/quality.md), rounded down: a
change that makes the tagger worse on real news fails here. Issue 15 asks for actor >= 0.90,
status >= 0.85 and dates >= 0.85 per event; the floors below say honestly where we are. Raise
them when the figures rise. Only the dev split is used for tuning; the test split is measured.
"""

from __future__ import annotations

import pytest

from ingest.tagging.evaluate import CORPORA_DIR, REAL_CORPORA, Report, load_real, score

pytestmark = pytest.mark.skipif(
    not all((CORPORA_DIR / name).is_file() for name in REAL_CORPORA),
    reason="real-news texts (../shared/corpora) are not in this checkout")

# split -> measure -> floor (F1 for the fields, accuracy for actor, status and dates)
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"relevance": 0.795, "event_types": 0.71, "countries": 0.975, "commodities": 0.95,
            "events": 0.66, "targets": 0.68, "actor": 0.825, "status": 0.78, "dates": 0.61,
            "dates_found": 0.90},
    "test": {"relevance": 0.70, "event_types": 0.66, "countries": 0.97, "commodities": 0.96,
             "events": 0.64, "targets": 0.37, "actor": 0.87, "status": 0.62, "dates": 0.63,
             "dates_found": 0.89},
}
# Issue 15's per-event targets, not met yet (see docs/quality.md): actor 0.90, status 0.85.
SIZES = {"dev": (1000, 140), "test": (200, 20)}  # at least this many entries, gold events


@pytest.fixture(scope="module", params=sorted(FLOORS))
def measured(request) -> tuple[str, Report]:
    return request.param, score(load_real(split=request.param))


def _value(rep: Report, name: str) -> float:
    if name in ("actor", "status", "dates", "dates_found"):
        return float(getattr(rep, name).value)
    return rep.scores[name].f1


def test_the_split_is_large_enough(measured) -> None:
    split, rep = measured
    entries, events = SIZES[split]
    assert rep.n >= entries
    assert rep.scores["events"].tp + rep.scores["events"].fn >= events


def test_floors(measured) -> None:
    split, rep = measured
    low = {name: round(_value(rep, name), 3) for name, floor in FLOORS[split].items()
           if _value(rep, name) + 1e-9 < floor}
    assert not low, f"{split} split below its floors: {low}\n{rep.table()}"
