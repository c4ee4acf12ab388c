"""Look-alikes the review of the recall and dates passes found: analysis rates, a company's own
licences, curbs said to have eased, a question about a measure taken as given, and "the day
before" an occasion. Each must keep the behaviour its rule was meant to have."""

from __future__ import annotations

from datetime import date

from ingest.acts.earlier import INSTRUMENT as _DOCUMENT
from ingest.tagging.tagger import Tagger

TUESDAY = date(2025, 6, 10)


def _types(tagger: Tagger, title: str, summary: str = "") -> list[str]:
    return [e.type for e in tagger.tag(title, summary, TUESDAY).events]


def test_a_rate_in_an_analysis_is_no_tariff(tagger: Tagger) -> None:
    assert _types(tagger, "Economists model a 30% tariff on nickel in their central case") == []
    assert _types(tagger, "Nickel outlook: a 15% tariff scenario for Indonesian ore") == []
    assert _types(tagger, "Nickel buyers face 30% tariff from Friday") == ["tariff"]


def test_a_companys_own_licence_is_no_export_control(tagger: Tagger) -> None:
    assert _types(tagger, "Miner update", "Eramet said its nickel exports need a permit from "
                  "its bank.") == []
    assert _types(tagger, "Tungsten exports now need a licence") == ["export_control"]


def test_curbs_said_to_have_eased_are_none_in_force(tagger: Tagger) -> None:
    assert _types(tagger, "Peru's zinc exports rose after the restrictions eased") == []


def test_a_question_about_a_countrys_measures_takes_them_as_given(tagger: Tagger) -> None:
    assert _types(tagger, "Will Indian duties on cobalt hurt Congo?") == ["tariff"]
    assert _types(tagger, "Will India put duties on cobalt?") == []


def test_the_day_before_an_occasion_dates_no_act_by_a_shift(tagger: Tagger) -> None:
    [talks] = [e for e in tagger.tag("Gallium news", "China announced export curbs on gallium on "
               "Monday, the day before talks in Geneva.", TUESDAY).events if e.type == "talks"]
    assert talks.date != date(2025, 6, 8)  # not the Sunday before Monday


def test_numbered_instruments_are_titles_not_quantities() -> None:
    assert _DOCUMENT.findall("Glencore orders 500 tonnes; notice 30 days before") == []
    assert [n for _a, _b, n, _y in _DOCUMENT.findall("Order No. 7 and Announcement 46")] == ["7", "46"]


def test_an_aside_keeps_its_date_when_no_later_date_follows(tagger: Tagger) -> None:
    """", which restricted gallium exports in August 2023," dates the aside's act only: the ban
    of the main clause is a second act, of the day it was reported."""
    evs = tagger.tag("Antimony news", "China, which restricted gallium exports in August 2023, has "
                     "banned antimony shipments to the US.", TUESDAY).events
    assert sorted(str(e.date) for e in evs if e.type == "export_control") == ["2023-08-01", "2025-06-10"]


def test_a_question_followed_by_a_statement_still_only_asks(tagger: Tagger) -> None:
    assert _types(tagger, "Could Jakarta ban bauxite exports? Traders weigh the odds") == []
    assert _types(tagger, "Bauxite: how long will it last? Jakarta bans exports") == ["export_control"]
