"""Status readings of the fourth status pass, each with a look-alike that keeps its reading:
an aim told after a measure reported done is the state's later aim, not the measure's plan."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 4)  # a Thursday


def statuses(tagger: Tagger, title: str, text: str, type_id: str) -> set[str]:
    return {e.status for e in tagger.tag(title, text, PUB).events if e.type == type_id}


@pytest.mark.parametrize("text", [
    "Zambia's government has banned cobalt exports, the mines ministry said on Wednesday, "
    "as the country seeks to earn more from its mines.",
    "Ghana imposed new curbs on bauxite exports on Tuesday, part of a push to build local smelters.",
])
def test_an_aim_after_a_measure_done_leaves_it_in_effect(tagger: Tagger, text: str) -> None:
    assert statuses(tagger, "Minerals policy update", text, "export_control") == {"in_effect"}


@pytest.mark.parametrize("text", [
    "Zambia's government seeks to ban cobalt exports, the mines ministry said on Wednesday.",
    "Ghana plans to impose new curbs on bauxite exports, the ministry said on Tuesday.",
])
def test_a_plan_before_the_measure_still_proposes_it(tagger: Tagger, text: str) -> None:
    assert statuses(tagger, "Minerals policy update", text, "export_control") == {"proposed"}



def investment_statuses(tagger: Tagger, text: str) -> set[str]:
    return statuses(tagger, "Lithium funding", text, "investment")


@pytest.mark.parametrize("text", [
    "The Energy Department said it had made a conditional commitment for a $900 million loan to a "
    "Utah lithium refinery.",
    "The Energy Department made a conditional commitment to lend up to $500 million to a Nevada "
    "nickel smelter, it said on Monday.",
])
def test_money_promised_on_conditions_is_announced(tagger: Tagger, text: str) -> None:
    assert investment_statuses(tagger, text) == {"announced"}


@pytest.mark.parametrize("text", [
    "The Energy Department approved a $900 million loan to a Utah lithium refinery.",
    "The Energy Department approved a $900 million loan to a Utah lithium refinery, after a "
    "conditional commitment in 2022.",
])
def test_money_approved_is_in_effect(tagger: Tagger, text: str) -> None:
    assert investment_statuses(tagger, text) == {"in_effect"}


def test_a_start_a_span_away_in_the_acts_own_sentence_announces_it(tagger: Tagger) -> None:
    text = "President Lula on Monday signed a ban on imports of Russian nickel, which takes effect in 60 days."
    assert statuses(tagger, "Nickel trade", text, "import_restriction") == {"announced"}
    text = "The trade ministry said on Friday it has banned exports of gallium scrap to China, effective in 90 days."
    assert statuses(tagger, "Japan bans exports of gallium scrap to China", text, "export_control") == {"announced"}


def test_a_start_already_reached_leaves_it_in_effect(tagger: Tagger) -> None:
    text = "President Lula on Monday signed a ban on imports of Russian nickel, which took effect at once."
    assert statuses(tagger, "Nickel trade", text, "import_restriction") == {"in_effect"}


@pytest.mark.parametrize("title,text", [
    ("Canada unveils Critical Minerals Act to curb reliance on imports",
     "Ottawa on Tuesday proposed a law under which a fifth of the country's battery metals would be refined at home."),
    ("Ministers put forward a national minerals strategy", ""),
])
def test_a_proposal_restated_in_the_lead_or_put_forward_is_proposed(tagger: Tagger, title: str, text: str) -> None:
    assert statuses(tagger, title, text, "strategy") == {"proposed"}


@pytest.mark.parametrize("text", [
    "Ottawa on Tuesday published the law, after MPs amended the proposed rules in March.",
    "The law, proposed by Ottawa last year, sets a target for refining at home.",
])
def test_a_proposal_only_named_in_the_lead_leaves_the_act_announced(tagger: Tagger, text: str) -> None:
    assert "proposed" not in statuses(tagger, "Canada unveils Critical Minerals Act to curb reliance on imports",
                                      text, "strategy")


def test_a_participle_before_the_measure_tells_its_status(tagger: Tagger) -> None:
    text = ("Trade ministers from Canada and Mexico met in Ottawa on Monday, discussing steel quotas and "
            "a threatened 40% U.S. tariff on aluminium.")
    assert statuses(tagger, "Ministers meet", text, "tariff") == {"threatened"}


def test_a_country_threatened_by_a_measure_does_not_make_it_a_threat(tagger: Tagger) -> None:
    text = "Mexico, threatened by the 25% U.S. tariff on aluminium imposed in March, met Canada on Monday."
    assert statuses(tagger, "Ministers meet", text, "tariff") != {"threatened"}


def test_one_chamber_s_vote_told_with_its_day_is_still_a_proposal(tagger: Tagger) -> None:
    text = "The Senate on Tuesday passed a ban on imports of Russian palladium, sending it to the House."
    assert statuses(tagger, "Palladium bill", text, "import_restriction") == {"proposed"}
    text = "President Biden on Tuesday signed into law a ban on imports of Russian palladium."
    assert statuses(tagger, "Palladium law", text, "import_restriction") != {"proposed"}
