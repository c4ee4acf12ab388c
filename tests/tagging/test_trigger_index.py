"""The trigger index is an optimisation only: its shortcuts give the answers of the plain
computation they replace."""

from __future__ import annotations

import pytest

from ingest.tagging.taxonomy import load_taxonomy
from ingest.tagging.triggers import TriggerSet

TEXTS = ["China imposed an export ban on gallium.", "The U.S.-China trade deal was signed.",
         "Analysts said historians. week. $5 billion loan, anti-dumping duties on steel",
         "Officials will hold talks on a framework agreement; it will take effect next month.",
         "x", "e", "ex", "exp", "expo", "export c", "export controls on", "t\u00e9l\u00e9com"]


@pytest.fixture(scope="module")
def sets() -> list[TriggerSet]:
    tax = load_taxonomy()
    return [TriggerSet([t.pattern for et in tax.event_types for t in et.triggers],
                       [et.id for et in tax.event_types for _t in et.triggers]),
            TriggerSet([c for st in tax.statuses for c in st.cues],
                       [st.id for st in tax.statuses for _c in st.cues])]


def test_a_prefix_has_the_candidates_of_asking_every_pattern(sets: list[TriggerSet]) -> None:
    """Candidates narrowed from a shorter prefix's are those of a partial match of every
    pattern, for each start of each text and the text after it up to 40 characters."""
    for ts in sets:
        for text in TEXTS:
            low = text.lower()
            for i in range(len(low)):
                for n in (1, 2, 3, 5, 8, 9, 40):
                    start = low[i: i + n]
                    plain = tuple(k for k, rx in enumerate(ts._partial) if rx.match(start, partial=True))
                    assert ts.candidates(start) == plain, start
                    assert ts.may_start(start) == bool(plain), start


def test_quick_looks_for_words_leave_what_they_guard_unchanged() -> None:
    """A sentence is searched for a region's government or a restated act only when it has the
    word such a pattern needs (Article.has_word): the acts are found as before, and a sentence
    without the word is not searched."""
    from datetime import date

    from ingest.tagging.tagger import Tagger

    tagger = Tagger()
    pub = date(2024, 3, 1)
    text = "The Western Australia government said it would ban exports of lithium ore."
    assert tagger.tag("Lithium ore", text, pub).events[0].actor == "AU"
    told = tagger.tag("Congo halts cobalt exports", "Congo halted cobalt exports for four months. "
                      "The suspension began in February, the regulator said.", pub)
    assert [(e.type, e.date, e.date_precision) for e in told.events] == [
        ("export_control", date(2024, 2, 1), "month")]  # dated by "The suspension began in February"
    place = tagger.tag("Lithium ore", "Miners in Western Australia said exports of lithium ore would fall.", pub)
    assert not place.events  # a region's name with no institution acting: none
