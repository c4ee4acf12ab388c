"""A date belongs to the phrase it ends: a start after a second, coordinated act is that act's
("require licences ..., and impose a tariff from April 10"), and a background phrase closed by
a comma ("a year after the invasion,") does not reach the act told after it."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.sentences import clause_starts, subject_clause
from ingest.tagging.tagger import Tagger

FRIDAY = date(2025, 4, 4)


def _events(title: str, summary: str, published: date = FRIDAY) -> dict[str, tuple[date, str | None]]:
    return {e.type: (e.date, e.actor) for e in Tagger().tag(title, summary, published).events}


@pytest.mark.parametrize(("summary", "licences", "tariff"), [
    # a coordinated second act takes the start after it; the first, the day it was said
    ("China said on Friday it would require licences for exports of seven rare earths, and "
     "impose a 34% tariff on all US imports from April 10.", FRIDAY, date(2025, 4, 10)),
    ("Beijing said on Friday it would require export licences for gallium; it would also impose "
     "a 34% tariff on US goods from April 10.", FRIDAY, date(2025, 4, 10)),
    # a plain list of acts shares its start
    ("China said on Friday it would impose tariffs and export licences on rare earths from "
     "April 10.", date(2025, 4, 10), date(2025, 4, 10)),
])
def test_a_start_belongs_to_the_act_of_its_phrase(summary: str, licences: date, tariff: date) -> None:
    got = _events("Beijing hits back", summary)
    assert got["export_control"][0] == licences
    assert got["tariff"][0] == tariff


def test_a_background_phrase_closed_by_a_comma_does_not_reach_the_act_after_it() -> None:
    got = _events("UK to ban imports of Russian copper, aluminium and nickel",
                  "Britain announced the ban on Friday, a year after Moscow's invasion of Ukraine, as "
                  "part of a package of new sanctions that also targets Russian arms makers.",
                  date(2023, 2, 24))
    assert got["sanction"] == (date(2023, 2, 24), "GB")


def test_an_act_inside_the_background_phrase_is_still_the_earlier_one() -> None:
    got = _events("Tokyo steps up", "Japan on Friday pledged funds for gallium recycling, a year after "
                  "China restricted exports of gallium and germanium.", date(2024, 7, 5))
    assert got["export_control"][1] == "CN"
    assert got["export_control"][0] != date(2024, 7, 5)


@pytest.mark.parametrize(("summary", "want"), [
    ("China's industry ministry issued its first 2023 batch of rare earth mining quotas, 19% above "
     "last year's first batch.", date(2023, 3, 27)),
    ("Beijing set this year's rare earth mining quota at 120,000 tonnes, higher than in 2022.",
     date(2023, 3, 27)),
])
def test_a_baseline_compared_with_is_not_the_acts_date(summary: str, want: date) -> None:
    assert _events("Quotas", summary, date(2023, 3, 27))["production_control"][0] == want


def test_a_start_moved_rather_than_the_old_one() -> None:
    got = _events("Jakarta delays ban", "Indonesia will now ban bauxite exports from June rather than "
                  "March, the mines ministry said.", date(2023, 2, 1))
    assert got["export_control"][0] == date(2023, 6, 1)


def test_a_named_subject_after_and_opens_a_clause_of_its_own() -> None:
    got = _events("Busan truce", "Washington said it would halve the fentanyl tariff to 10% and China "
                  "agreed to suspend for a year its export controls on rare earths.", date(2025, 10, 30))
    assert got["export_control"][1] == "CN"
    assert got["tariff"][1] == "US"


def test_two_names_joined_by_and_stay_one_subject() -> None:
    sentence = "The U.S. and Europe failed to agree on a path for eliminating steel tariffs."
    assert subject_clause(sentence, sentence.index("tariffs")) == (0, len(sentence) + 1)
    assert clause_starts("Canada and Britain announced new sanctions.") == (0, 44)


def test_two_states_acts_of_one_type_and_day_stay_two_events() -> None:
    events = Tagger().tag(
        "Beijing bars gallium, germanium sales to US a day after chip curbs",
        "China's commerce ministry said on Tuesday that shipments of gallium to the United States "
        "would no longer be approved. The move followed Washington's latest restrictions on "
        "chipmaking equipment.", date(2024, 12, 3)).events
    actors = {e.actor for e in events if e.type == "export_control"}
    assert {"CN", "US"} <= actors
