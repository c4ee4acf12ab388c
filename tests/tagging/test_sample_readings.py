"""Readings the bundled sample feeds showed wrong, each fixed by a general rule and tested here
on sentences of our own: one body "agreeing to" act alone, talks on a summit's margins,
pacts only ranked or expected, meetings only planned or ordered, and a measure's own pause."""

from __future__ import annotations

from datetime import date

from ingest.tagging.tagger import Tagger

WEDNESDAY = date(2025, 10, 15)


def _events(tagger: Tagger, title: str, summary: str = "") -> list[tuple[str, str]]:
    return [(e.type, e.status) for e in tagger.tag(title, summary, WEDNESDAY).events]


def test_one_body_agreeing_to_act_makes_no_pact(tagger: Tagger) -> None:
    assert "agreement" not in {t for t, _s in _events(
        tagger, "Panel on tin curbs", "The WTO's dispute body agreed on Friday to establish a panel on "
        "Bolivia's tin export curbs, at Brazil's request.")}
    assert ("agreement", "in_effect") in _events(
        tagger, "Tin deal", "Bolivia and Brazil agreed on Friday to expand tin supply cooperation.")
    assert ("agreement", "in_effect") in _events(
        tagger, "Tin deal", "Bolivia agreed with Brazil to develop tin smelting together.")


def test_a_pact_only_ranked_or_expected_is_proposed(tagger: Tagger) -> None:
    assert _events(tagger, "Summit host priorities", "Kenya has put a minerals framework and trade "
                   "finance at the top of its agenda.") == [("agreement", "proposed")]
    assert _events(tagger, "Minerals pact", "Officials expect a cobalt agreement between Zambia and "
                   "Korea to be signed next month.")[0] == ("agreement", "proposed")
    assert _events(tagger, "Minerals pact", "Zambia and Korea signed a cobalt agreement on "
                   "Monday.") == [("agreement", "in_effect")]


def test_a_meeting_only_planned_or_ordered_is_still_to_come(tagger: Tagger) -> None:
    assert ("talks", "scheduled") in _events(
        tagger, "Lithium talks", "The president told ministers to negotiate with Chile over lithium.")
    assert ("summit", "scheduled") in _events(
        tagger, "Rare earths", "She questioned a planned meeting with Xi Jinping over rare earths.")
    assert ("talks", "held") in _events(
        tagger, "Lithium talks", "Japan negotiated with Chile over lithium on Monday.")


def test_a_measure_naming_its_pause_is_suspended(tagger: Tagger) -> None:
    assert ("tariff", "suspended") in _events(
        tagger, "Graphite duties", "Beijing announced a further extension of its tariff pause on US "
        "graphite.")
    assert ("tariff", "in_effect") in _events(
        tagger, "Graphite duties", "Beijing imposed a tariff on US graphite on Monday.")


def test_ministers_talks_on_a_summits_margins_are_talks(tagger: Tagger) -> None:
    held = _events(tagger, "Cobalt talks", "Ministers from Zambia and Japan will hold talks on cobalt from "
                   "Oct. 25 to 27, on the margins of the ASEAN summit.")
    assert ("talks", "scheduled") in held
    led = _events(tagger, "Cobalt talks", "Ramaphosa and Kishida held talks on cobalt on the sidelines of "
                  "the G20 summit on Monday.")
    assert ("talks", "held") not in led and ("summit", "held") in led


def test_a_law_entering_into_force_applies(tagger: Tagger) -> None:
    assert _events(tagger, "EU critical minerals law enters into force") == [("strategy", "in_effect")]
    assert _events(tagger, "EU proposes critical minerals law") == [("strategy", "proposed")]


def test_others_weighing_an_acts_impact_do_not_make_it_proposed(tagger: Tagger) -> None:
    assert _events(tagger, "Cathode makers weigh the cost of Indonesia's nickel export ban") == [
        ("export_control", "in_effect")]
    assert _events(tagger, "Indonesia weighs nickel export ban") == [("export_control", "proposed")]


def test_progress_on_a_pact_is_a_pact_sought(tagger: Tagger) -> None:
    assert _events(tagger, "Canada reports progress on India cobalt trade deal") == [("agreement", "proposed")]
    assert _events(tagger, "Canada and India sign cobalt trade deal") == [("agreement", "in_effect")]


def test_an_export_stop_replaced_by_quotas_is_an_export_quota(tagger: Tagger) -> None:
    assert ("export_control", "in_effect") in _events(
        tagger, "Harare swaps its lithium export ban for quotas")
    found = tagger.tag("Harare swaps its lithium export ban for quotas", "", WEDNESDAY).events
    assert [e.subtype for e in found if e.type == "export_control"] == ["quota"]
    assert [e.subtype for e in tagger.tag("Harare keeps its lithium export ban", "", WEDNESDAY).events
            if e.type == "export_control"] == ["ban"]


def test_an_act_that_need_not_happen_is_a_threat(tagger: Tagger) -> None:
    assert ("tariff", "threatened") in _events(tagger, "Greer says 60% nickel tariff need not happen")
    assert ("tariff", "threatened") not in _events(tagger, "Greer says 60% nickel tariff applies from Monday")


def test_a_headline_law_in_force_outweighs_the_body_announcing_it(tagger: Tagger) -> None:
    found = _events(tagger, "EU critical minerals law enters into force",
                    "The regulation sets 2030 benchmarks for recycling and processing of lithium.")
    assert found == [("strategy", "in_effect")]
    assert _events(tagger, "EU unveils critical minerals law",
                   "The regulation sets 2030 benchmarks for recycling and processing of lithium.") != [
        ("strategy", "in_effect")]
