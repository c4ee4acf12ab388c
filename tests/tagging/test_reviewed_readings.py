"""Readings a review of the day's rules found wrong, with their look-alikes: a power invoked
is the act's means (a power granted is none); a state acting on another's goods owns the
curb; "significant" is no signing; a sentence's checks stop at its end; a pact named by its
year is an act in place."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
PUB = date(2025, 3, 4)


def _events(title: str, summary: str = "") -> list[tuple[str, str | None]]:
    return [(e.type, e.actor) for e in TAGGER.tag(title, summary, PUB).events]


def test_a_power_invoked_is_the_acts_means_and_a_power_granted_none() -> None:
    assert ("tariff", "US") in _events("Trump invokes emergency powers to impose tariffs on Canadian nickel")
    assert _events("New law gives the president the power to impose tariffs on nickel") == []


@pytest.mark.parametrize(("title", "want"), [
    ("US weighs Russia aluminium curbs", ("import_restriction", "US")),
    ("EU to impose Russia aluminium curbs", ("import_restriction", "EU")),
    ("Japan faces China gallium curbs", ("export_control", "CN")),
])
def test_whose_curbs_a_country_name_before_goods_gives(title: str, want: tuple[str, str]) -> None:
    assert _events(title) == [want]


def test_significant_is_no_signing() -> None:
    assert _events("China has significant partnerships with African states on cobalt") == []
    assert ("agreement", None) in _events("Chile and Japan signed a lithium partnership on Monday")


def test_checks_stop_at_the_sentence_end() -> None:
    assert ("sanction", "US") in _events("News", "The US sanctioned Rusal on Friday. The "
                                          "environment ministry said aluminium supply was ample.")
    assert ("investment", "CA") in _events("News", "Prices rose as part of the deal. Ottawa's new "
                                            "funding for the lithium mine was approved.")


def test_a_pact_named_by_its_year() -> None:
    events = TAGGER.tag("Congo watchdog wants more from China deal",
                        "Congo's government watchdog called for an overhaul of its minerals "
                        "deal with China after finding breaches of the 2008 agreement.", PUB).events
    assert any(e.type == "agreement" and e.date.year == 2008 for e in events)


def test_reports_called_false_in_the_next_sentence_deny_nothing() -> None:
    assert ("export_control", "CN") in _events(
        "News", "China restricted gallium exports on Monday. Reports of a full ban were false.")
    assert _events("News", "Beijing said reports of new gallium export controls were false.") == []
