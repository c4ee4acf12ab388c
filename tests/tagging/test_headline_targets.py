"""Targets named in the headline carry to the body's report of the same measure (targets4).

Every text here is written for the test, in our own words.
"""

from __future__ import annotations

from datetime import UTC, datetime

from ingest.tagging.tagger import Tagger

PUB = datetime(2025, 6, 3, 9, 0, tzinfo=UTC)


def events_of(tagger: Tagger, type_id: str, title: str, summary: str = ""):
    return [e for e in tagger.tag(title, summary, PUB).events if e.type == type_id]


def test_a_headline_tariff_target_carries_to_the_body_report(tagger: Tagger) -> None:
    found = events_of(tagger, "tariff", "Brazil puts 40% duty on Chinese solar panels",
                      "The finance minister said on Monday the surtax on the panels starts on July 1.")
    assert [e.targets for e in found] == [("CN",)]
    assert all(e.actor == "BR" for e in found)


def test_a_headline_export_control_target_carries_to_the_body_report(tagger: Tagger) -> None:
    found = events_of(tagger, "export_control", "Japan curbs chip tool exports to China",
                      "The trade ministry said on Friday the licence rule for the tools starts next month.")
    assert {t for e in found for t in e.targets} == {"CN"}


def test_no_headline_target_leaves_the_body_measure_unaimed(tagger: Tagger) -> None:
    found = events_of(tagger, "tariff", "Brazil puts 40% duty on solar panels",
                      "The finance minister said on Monday the surtax on the panels starts on July 1.")
    assert found and all(e.targets == () for e in found)


def test_another_actors_headline_target_does_not_carry(tagger: Tagger) -> None:
    """The body's tariff is India's own: the headline's US tariff on China aims nothing of it."""
    found = events_of(tagger, "tariff", "US raises tariff on Chinese steel",
                      "India said on Monday its own duty on steel starts in July.")
    india = [e for e in found if e.actor == "IN"]
    assert india and all(e.targets == () for e in india)
