"""Targets named in the headline carry to the body's report of the same measure, for every
aimed type but export controls.

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


def test_an_import_restriction_target_carries_to_the_body_report(tagger: Tagger) -> None:
    found = events_of(tagger, "import_restriction", "Britain bans imports of Russian aluminium",
                      "The trade department said on Friday the ban on the metal starts next month.")
    assert found and {t for e in found for t in e.targets} == {"RU"}


def test_an_export_control_keeps_only_its_own_sentence_targets(tagger: Tagger) -> None:
    """Export curbs are not carried: headlines name their country as often as a rival in a
    dispute ("hits back in chip war with US") as a destination, and a misread target then
    splits the act's reports (China's 2023 gallium licensing became two markers)."""
    found = events_of(tagger, "export_control", "China hits back in chip war with the US",
                      "The commerce ministry said on Monday gallium exporters will need licences from Aug. 1.")
    assert found and all("US" not in e.targets for e in found)


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
