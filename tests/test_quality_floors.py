"""Quality floors on the real-news labelled set (data/labelled/real-news/, texts in ../shared).

The floors are the figures measured when they were set (docs/quality.md), rounded down: a
change that makes the tagger worse on real news fails here. Issue 15 asks for actor >= 0.90,
status >= 0.85 and dates >= 0.85 per event; the floors below say honestly where we are. Raise
them when the figures rise. Only the dev split is used for tuning; the test split is measured.
"""

from __future__ import annotations

import pytest

from ingest.tagging.evaluate import (
    CORPORA_DIR,
    REAL_CORPORA,
    Report,
    load_real,
    parse_time,
    read_jsonl,
    score,
)
from ingest.tagging.tagger import Tagger

pytestmark = pytest.mark.skipif(
    not all((CORPORA_DIR / name).is_file() for name in REAL_CORPORA),
    reason="real-news texts (../shared/corpora) are not in this checkout")

# split -> measure -> floor (F1 for the fields, accuracy for actor, status and dates)
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"relevance": 0.92, "event_types": 0.89, "countries": 0.98, "commodities": 0.96,
            "events": 0.835, "targets": 0.75, "actor": 0.905, "status": 0.875, "dates": 0.91,
            "dates_found": 0.97},
    "test": {"relevance": 0.795, "event_types": 0.76, "countries": 0.97, "commodities": 0.96,
             "events": 0.71, "targets": 0.475, "actor": 0.88, "status": 0.75, "dates": 0.80,
             "dates_found": 0.93},
    # labelled after the rules were last tuned, no relevant entry (relevance: none called);
    # since 2026-12-07 (late) half of 2023-d/e/f (general 2023 news, labelled blind) is in it
    "fresh": {"event_types": 0.78, "countries": 0.975, "events": 0.72, "targets": 0.735,
              "actor": 0.755, "status": 0.75, "dates": 0.74, "dates_found": 0.92},
}
# Issue 15's per-event targets on the dev split are met (actor 0.906, status 0.877, dates
# 0.903; the 2026-12-07 late dev entries of 2023-d/e/f, general news, brought them down from
# 0.922, 0.883, 0.922). Not met (see docs/quality.md): relevance 0.90 and types 0.85 on the
# test split (0.800, 0.766 at tagger-26), dates 0.80 on unseen real text (test 0.805, but one
# of its dates is the read "Feds invest" entry's; fresh 0.742). Actor,
# status and targets are scored on matched events: finding more events adds harder ones, so
# their accuracy can dip while the number right rises; so can dates found (fresh 71/76 ->
# 71/77 when officials' trips abroad became talks, 2026-12-07: one more event, none lost).
# tagger-24 (2026-12-07): dev targets 0.756 -> 0.749 (more events found, 9 more gold events
# matched, their targets harder: recall of targets 0.648 -> 0.642) and fresh actor 0.722 ->
# 0.714 (65 right before and after, one more measure matched) lowered their floors.
SIZES = {"dev": (1100, 140), "test": (200, 20), "fresh": (80, 60)}  # at least this many entries, gold events


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


def test_random_real_entries_are_rarely_called_relevant_wrongly() -> None:
    """Precision on the random corpus (real-news-2023.jsonl, 2,444 entries as feeds gave them):
    every entry called relevant is labelled, and at most 2 of them (0.08%) are labelled
    irrelevant (issue 15 allows 0.3%). Measured: 60 called relevant, 2 wrongly."""
    labels = {item["link"]: item["gold"]["relevant"] for item in load_real()}
    tagger = Tagger()
    called = wrong = unlabelled = total = 0
    for _i, entry in read_jsonl(CORPORA_DIR / REAL_CORPORA[0], "a corpus entry",
                                lambda e: e["link"]):
        total += 1
        if not tagger.tag(entry.get("title", ""), entry.get("summary", ""),
                          parse_time(entry["published"])).relevant:
            continue
        called += 1
        gold = labels.get(entry["link"])
        unlabelled += gold is None
        wrong += gold is False
    assert total > 2000
    assert wrong <= 2 and unlabelled == 0, (wrong, unlabelled)
    assert called <= 0.03 * total


def test_no_fresh_entry_is_called_relevant() -> None:
    """The fresh split has no relevant entry: every one called relevant would be wrong."""
    rep = score(load_real(split="fresh"))
    assert rep.scores["relevance"].fp == 0
