"""Headline-only items (aggregator feeds give a title and nothing else, issue 18): the act a
headline states gives an event, in the terse grammar headlines use. Own-words headlines."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 6, 11)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


@pytest.mark.parametrize(("title", "type_", "subtype", "actor"), [
    ("Washington says Beijing will issue general licences for gallium", "export_control",
     "licensing", "CN"),
    ("Tokyo and Canberra settle on a framework to secure rare earth supply", "agreement",
     "framework", None),
    ("Defence ministry's $90m deal sets a $60/kg floor for lithium", "investment",
     "price_floor", None),
    ("ARECOMS order freezes Congolese cobalt shipments", "export_control", "suspension", "CD"),
    # a nominal headline names its government after the act
    ("Curb on tungsten export: Vietnam's mining push gathers pace", "export_control", "other",
     "VN"),
    ("Xi signs off on curbing exports of antimony", "export_control", "other", "CN"),
])
def test_a_headline_alone_gives_its_act(tagger: Tagger, title: str, type_: str, subtype: str,
                                        actor: str | None) -> None:
    res = tagger.tag(title, "", PUB)
    assert res.relevant, res
    ev = next(e for e in res.events if e.type == type_)
    assert ev.subtype == subtype
    if actor is not None:
        assert ev.actor == actor


@pytest.mark.parametrize("title", [
    "Cobalt traders rethink stockpiles as supply worries linger",
    "Recyclers offer recovered lithium to cautious cell makers",
])
def test_market_headlines_give_no_event(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", PUB).events


def test_a_headline_future_is_announced(tagger: Tagger) -> None:
    res = tagger.tag("Tokyo and Seoul agree a truce; Beijing to pause its graphite export curbs",
                     "", PUB)
    ev = next(e for e in res.events if e.type == "export_control")
    assert (ev.status, ev.actor) == ("announced", "CN")
