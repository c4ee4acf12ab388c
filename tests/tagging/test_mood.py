"""Averted, hoped-for, upcoming and background acts are not reported as new announced acts."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 4)



def statuses(tagger: Tagger, text: str) -> dict[str, str]:
    return {e.type: e.status for e in tagger.tag("Metals news", text, PUB).events}


def test_an_averted_act_is_no_event(tagger: Tagger) -> None:
    got = statuses(tagger, "Brussels and Washington extended a truce on aluminum trade to avoid "
                           "the possible return of tariffs on both sides.")
    assert "tariff" not in got


@pytest.mark.parametrize("text", [
    "The review will weigh the risk of export restrictions by foreign suppliers of cobalt.",
    "Antimony prices rose on fears of fresh Chinese export curbs.",
    "Buyers priced in the possibility of new tariffs on nickel."])
def test_a_measure_named_as_a_risk_or_fear_is_no_event(tagger: Tagger, text: str) -> None:
    assert not {"export_control", "tariff"} & set(statuses(tagger, text))


def test_the_risk_of_an_owned_measure_still_names_it(tagger: Tagger) -> None:
    got = statuses(tagger, "Buyers weigh the risk of China's gallium export curbs tightening.")
    assert "export_control" in got


def test_an_agreement_sought_or_hypothetical_is_proposed(tagger: Tagger) -> None:
    assert statuses(tagger, "Tokyo and Washington are seeking to sign an agreement on lithium "
                            "supply.")["agreement"] == "proposed"
    assert statuses(tagger, "A truce between Seoul and Canberra on nickel duties would unlock "
                            "new supply, officials said.")["agreement"] == "proposed"
    assert statuses(tagger, "Lima aims to strike a minerals agreement with Tokyo on "
                            "copper.")["agreement"] == "proposed"
    assert statuses(tagger, "Seoul opens negotiations on a new free trade agreement with Chile "
                            "covering lithium.")["agreement"] == "proposed"


def test_leaders_to_meet_is_a_scheduled_meeting(tagger: Tagger) -> None:
    assert statuses(tagger, "The leaders of Chile and Argentina are expected to hold talks on "
                            "lithium.")["talks"] == "scheduled"


@pytest.mark.parametrize("text", [
    "Prime Minister Albanese looks to win lithium deals at the G20 summit.",
    "Chile may give up hosting the lithium summit over the dispute.",
    "The meeting, on the sidelines of a summit in Lima, would be a test of copper ties with Peru.",
])
def test_a_meeting_hoped_for_or_hypothetical_is_scheduled(tagger: Tagger, text: str) -> None:
    assert set(statuses(tagger, text).values()) == {"scheduled"}


@pytest.mark.parametrize("text", [
    "Peru's president to begin visit to Chile as lithium ties deepen.",
    "The Chilean government has requested an urgent meeting with Bolivia over lithium brine.",
])
def test_a_meeting_in_its_own_infinitive_or_asked_for_is_to_come(
        tagger: Tagger, text: str) -> None:
    assert set(statuses(tagger, text).values()) == {"scheduled"}


def test_stalled_negotiations_were_held_whatever_the_clause_would_do(tagger: Tagger) -> None:
    got = statuses(tagger, "Chile and Peru are discussing a lithium pact that would bypass "
                           "stalled negotiations on copper duties.")
    assert got["talks"] == "held"


def test_negotiations_that_could_succeed_were_held(tagger: Tagger) -> None:
    assert statuses(tagger, "Chile and Peru ended negotiations on lithium that could, if "
                            "successful, open new mines.")["talks"] == "held"


def test_tariffs_placed_when_he_was_president_stand_from_before(tagger: Tagger) -> None:
    got = statuses(tagger, "Trump said he placed tariffs on foreign aluminum when he was "
                           "president.")
    assert got["tariff"] == "in_effect"


def test_background_words_about_another_measure_leave_a_new_one_announced(tagger: Tagger) -> None:
    got = statuses(tagger, "Officials said Washington would levy a further 25% tariff on Chinese "
                           "graphite from Aug. 1, over and above duties already in place, and would "
                           "impose export controls on processing equipment the same day.")
    assert got == {"tariff": "announced", "export_control": "announced"}
    assert statuses(tagger, "Beijing condemned the curbs on gallium exports already put in place by "
                            "Washington.").get("export_control") == "in_effect"


def test_a_call_by_campaigners_is_no_government_act(tagger: Tagger) -> None:
    res = tagger.tag("Call for national strategy on lithium battery waste",
                     "Campaigners are calling for a national strategy to make vape makers "
                     "recycle lithium batteries.", PUB)
    assert not res.relevant


def test_a_call_by_a_government_is_one(tagger: Tagger) -> None:
    got = statuses(tagger, "The Chilean government is calling for a national strategy on lithium.")
    assert "strategy" in got


def test_a_country_naming_a_private_person_does_not_act(tagger: Tagger) -> None:
    res = tagger.tag("Metals news", "Australia's richest woman bought a large stake in a "
                     "lithium developer.", PUB)
    assert not res.relevant


def test_a_measure_carried_by_a_bill_is_proposed_until_signed(tagger: Tagger) -> None:
    assert statuses(tagger, "US lawmakers advanced legislation that would bar imports of "
                            "Russian uranium.")["import_restriction"] == "proposed"
    assert statuses(tagger, "President Biden signed legislation banning imports of Russian "
                            "uranium.")["import_restriction"] == "in_effect"


def test_talks_as_a_verb_of_speaking_is_no_meeting(tagger: Tagger) -> None:
    assert "talks" not in statuses(tagger, "The Chilean minister talks about lithium royalties.")
    assert "talks" in statuses(tagger, "Chile and Peru held talks about lithium royalties.")


def test_a_deal_only_claimed_broken_in_a_lawsuit_is_no_agreement(tagger: Tagger) -> None:
    text = ("A mining tycoon's holding firm is suing Canberra in a landmark case arguing a breach "
            "of the regional free trade deal over his nickel project.")
    assert "agreement" not in statuses(tagger, text)
    # a government saying another breaks a deal still names it
    assert "agreement" in statuses(tagger, "Jakarta says Manila is in breach of the nickel "
                                           "supply agreement signed in March.")


def test_a_deal_between_a_company_and_a_state_run_company_is_no_act(tagger: Tagger) -> None:
    text = ("Peruvian copper company Andina reached an agreement with state-run mining company "
            "Minera to jointly produce the metal.")
    assert "agreement" not in statuses(tagger, text)
    assert "agreement" in statuses(tagger, "The Peruvian government reached an agreement with "
                                           "Bolivia to jointly produce copper.")


def test_another_countrys_warning_is_no_threat_by_the_actor(tagger: Tagger) -> None:
    assert statuses(tagger, "Seoul warned on Monday it will watch closely as China tightens "
                            "export controls on graphite.") == {"export_control": "in_effect"}


def test_a_lifting_asked_for_or_refused_leaves_the_measure_standing(tagger: Tagger) -> None:
    assert statuses(tagger, "A mining tycoon is pressing Washington to remove sanctions imposed "
                            "on his cobalt business.") == {"sanction": "in_effect"}


def test_a_future_stated_earlier_reaches_a_coordinated_clause(tagger: Tagger) -> None:
    got = statuses(tagger, "The president will create a national park in Utah but block "
                           "uranium mining around it.")
    assert got["production_control"] == "announced"


@pytest.mark.parametrize("text", [
    "Cell makers announce plans to expand in Ohio to qualify for credits under the Inflation "
    "Reduction Act.",
    "Demand for nickel is poised to jump thanks to the Inflation Reduction Act's tax credits.",
    "Environmentalists are warning amid investments from the Biden-backed Inflation Reduction Act "
    "that lithium mines could harm aquifers.",
])
def test_a_law_cited_by_its_title_is_in_effect(tagger: Tagger, text: str) -> None:
    """A law named by its title as the ground or owner of something stands: the clause's plan,
    threat or forecast is about something else."""
    assert statuses(tagger, text)["investment"] == "in_effect"


@pytest.mark.parametrize("text", [
    "President Arce's programme to exert state control over lithium production divides La Paz.",
    "Bolivia's president leads a lithium strategy, including plans for a state-owned lithium "
    "company.",
])
def test_a_measure_set_out_by_a_plan_named_as_a_noun_is_announced(tagger: Tagger,
                                                                  text: str) -> None:
    assert statuses(tagger, text)["production_control"] == "announced"


def test_a_future_deal_is_proposed(tagger: Tagger) -> None:
    assert statuses(tagger, "Quarrels in Brussels are delaying a future trade deal with Chile on "
                            "lithium.")["agreement"] == "proposed"


def test_an_agreement_said_to_have_been_signed_stands_whatever_is_proposed_around_it(
        tagger: Tagger) -> None:
    got = statuses(tagger, "Campaigners said it was the largest proposed expansion of nickel "
                           "mining since the Jakarta accord on minerals was signed.")
    assert got["agreement"] == "in_effect"


@pytest.mark.parametrize(("text", "expected"), [
    ("Analysts warn that Chile and Bolivia hammered out a secret lithium pact.", "in_effect"),
    # only possible: proposed (docs/labelling.md: an agreement is proposed or in effect)
    ("Analysts warn that Chile and Bolivia could strike a secret lithium pact.", "proposed"),
])
def test_warning_that_reports_what_follows_unless_it_is_only_possible(
        tagger: Tagger, text: str, expected: str) -> None:
    assert statuses(tagger, text)["agreement"] == expected


@pytest.mark.parametrize("text", [
    "Seoul and Canberra stall on a nickel accord, risking a return of tariffs.",
    "Seoul and Canberra will keep talking until December, when tariffs would return on nickel "
    "trade in the absence of a deal.",
])
def test_a_measure_only_risked_or_imagined_returning_is_no_event(tagger: Tagger, text: str) -> None:
    assert "tariff" not in statuses(tagger, text)


def test_a_measure_challenged_stands_whatever_is_planned_about_the_challenge(
        tagger: Tagger) -> None:
    assert statuses(tagger, "Chile is reportedly considering challenging US copper tariffs at "
                            "the World Trade Organization.")["tariff"] == "in_effect"


def test_a_headline_summit_set_for_a_month_is_scheduled_not_held(tagger: Tagger) -> None:
    # "set for December" in a headline: the meeting's date is ahead, so it is to come, and the
    # body's "scheduled to gather ... in December" is the same event, not a second one held today.
    events = tagger.tag("G20 summit set for December near Miami; minerals on the trade track",
                        "Leaders of the Group of 20 are scheduled to gather near Miami in December "
                        "for the summit, with critical minerals on the agenda.", PUB).events
    assert [(e.type, e.status, e.date) for e in events] == [("summit", "scheduled", date(2024, 12, 1))]


@pytest.mark.parametrize("text", [
    "Leaders are expected to discuss tariffs and lithium supply on Friday.",
    "The two ministers talked about export controls on graphite."])
def test_a_measure_only_discussed_is_no_act(tagger: Tagger, text: str) -> None:
    assert not {"tariff", "export_control"} & set(statuses(tagger, text))


@pytest.mark.parametrize("text", [
    "They discussed China's export controls on graphite.",  # an owner's act, referred to
    "Lawmakers discussed how the Inflation Reduction Act subsidies help lithium refiners."])
def test_a_known_act_discussed_is_still_named(tagger: Tagger, text: str) -> None:
    assert {"export_control", "investment"} & set(statuses(tagger, text))


def test_a_non_government_wanting_an_act_is_only_a_request(tagger: Tagger) -> None:
    got = tagger.tag("Recyclers want national strategy on lithium battery waste", "", PUB).events
    assert not got


def test_a_call_in_its_own_clause_is_judged_by_its_own_caller(tagger: Tagger) -> None:
    # officials and countries earlier in the sentence do not make the manufacturers' call policy
    text = ("Brussels and Beijing will hold their export-control dialogue next week, an EU official "
            "said, as European manufacturers press for longer general licences for magnets.")
    assert "export_control" not in statuses(tagger, text)
    # a government pressing for it in its own clause still makes it its plan
    text = "Officials met on Monday, and the commerce ministry pressed for export licences on gallium."
    assert "export_control" in statuses(tagger, text)
