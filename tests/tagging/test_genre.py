"""A review of a work tells its story: the talks and deals in it are no government's acts; a
review a government holds is still news. Own-words headlines."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.genre import reviews_a_work
from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 4)



@pytest.mark.parametrize("title", [
    "The Cobalt Road review – a documentary of deals and sanctions that drags",
    "Nickel Diplomacy by A. Writer review — how Jakarta bargained with Beijing",
    "Quiet Keyboard X2 review: a lithium battery that lasts a week",
    "Review: a stage play about trade talks in 1985",
])
def test_a_review_of_a_work_reports_no_act(tagger: Tagger, title: str) -> None:
    assert reviews_a_work(title)
    res = tagger.tag(title, "Negotiations between Chile and China over lithium export curbs "
                     "fill the second act.", PUB)
    assert not res.events and not res.relevant


@pytest.mark.parametrize("title", [
    "WTO trade policy review – China told to drop its rare earth export curbs",
    "Defence review: Canberra to stockpile rare earths",
    "Chile and China review lithium export curbs",
])
def test_a_review_a_government_holds_is_news(tagger: Tagger, title: str) -> None:
    assert not reviews_a_work(title)
    assert tagger.tag(title, "", PUB).events
