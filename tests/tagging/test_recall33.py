"""Recall on unseen news, 33rd pass: acts said indirectly. A licensing regime named as a noun
with its owner or its goods, goods named by the country they leave, a curb owned through a
word for its goods' class; each with look-alikes that must stay silent.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday


def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- a licensing regime named as a noun: its owner, or its goods as object ----------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Battery makers in Poland brace for Chinese graphite licensing", ""),
    ("Magnet prices jump", "Traders blamed Beijing's new permit rules on dysprosium and terbium."),
    ("What the tariff truce leaves out",
     "The joint statement did not say whether Beijing would ease licensing of rare earth exports."),
    ("Brussels studies the impact",
     "The Commission said the licensing rule for antimony would be reviewed with its partners."),
    ("Korean refiners stock up on cobalt ahead of Indonesian permit requirements", ""),
])
def test_a_licensing_regime_named_as_a_noun_is_an_export_control(
        tagger: Tagger, title: str, summary: str) -> None:
    assert "export_control" in types(tagger, title, summary)


@pytest.mark.parametrize(("title", "summary"), [
    # a mine's or an importer's licence, or goods licensed to be dug or refined at home
    ("Chile tightens mining licensing rules for lithium salt flats", ""),
    ("Zambia's licensing of copper projects is too slow, miners say", ""),
    ("Mongolia overhauls exploration permit system", "Coal and copper deposits are covered."),
    ("Brazil's licensing of nickel smelters draws a green challenge", ""),
    # licensing of no goods at all
    ("Uganda reforms driving licence rules", "The ministry also plans a gold refinery."),
])
def test_other_licences_stay_silent(tagger: Tagger, title: str, summary: str) -> None:
    assert "export_control" not in types(tagger, title, summary)


# --- the country goods leave, named as their origin just after an export trigger ---------------

def test_goods_named_by_origin_after_an_export_trigger_name_the_state_that_acts(
        tagger: Tagger) -> None:
    assert "export_control" in types(
        tagger, "Why magnets are late",
        "Distributors are still learning what the licence requirement on five Chinese heavy rare "
        "earths means for deliveries.")


def test_a_company_named_by_its_origin_is_no_state(tagger: Tagger) -> None:
    # the demonym labels a company, not the goods
    assert types(tagger, "Why magnets are late",
                 "Distributors say licence rules at Chinese magnet makers slow cobalt orders.") == set()


# --- a curb owned through a word for its goods' class --------------------------------------------

def test_an_owned_curb_with_a_class_word_is_an_export_control(tagger: Tagger) -> None:
    assert "export_control" in types(
        tagger, "Japan worried by Chinese metals curbs on gallium")


def test_an_owned_curb_on_something_else_stays_silent(tagger: Tagger) -> None:
    assert types(tagger, "Chinese property curbs hit demand for copper wire") == set()


# --- "no" as the act's own determiner denies it ------------------------------------------------

@pytest.mark.parametrize(("title", "summary", "type_id"), [
    ("Nickel buyers wait on Manila", "No deal has been signed yet, the trade ministry said.",
     "agreement"),
    ("No fresh duties on cobalt for now, Canberra says", "", "tariff"),
])
def test_no_before_the_act_denies_it(tagger: Tagger, title: str, summary: str,
                                     type_id: str) -> None:
    assert type_id not in types(tagger, title, summary)


def test_a_document_number_is_no_denial(tagger: Tagger) -> None:
    assert "export_control" in types(tagger, "Decree No 7 restricting bauxite exports takes effect")


# --- goods that may leave only with leave ------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Under the decree, tin concentrate may only be exported with a ministry permit",
    "Antimony shipments to Japan now need Beijing's approval",
    "Tungsten exports from Vietnam must first be approved by the trade ministry",
    "Washington demands licences for gallium sales to Russia",
])
def test_goods_that_leave_only_with_leave_are_under_export_licensing(
        tagger: Tagger, title: str) -> None:
    assert "export_control" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Miner says its tin can only be shipped abroad once the flooded road reopens",
    "Smelter's cobalt shipments must be approved by its lenders, filing shows",
])
def test_a_company_waiting_to_ship_is_no_export_control(tagger: Tagger, title: str) -> None:
    assert "export_control" not in types(tagger, title)


# --- a compact is an agreement when it is signed -----------------------------------------------

def test_a_signed_compact_is_an_agreement(tagger: Tagger) -> None:
    assert "agreement" in types(tagger, "Canberra and Tokyo sign a compact on nickel and cobalt")


def test_a_compact_car_is_no_agreement(tagger: Tagger) -> None:
    assert types(tagger, "Lithium-powered compact car launched as Korea's EV sales slow") == set()


# --- a weapons programme vetoes only nuclear material ------------------------------------------

def test_dual_use_wording_leaves_other_metals_traded(tagger: Tagger) -> None:
    res = tagger.tag("Tokyo questions Beijing's germanium export controls",
                     "Officials said the non-proliferation rationale for the licences was thin.", PUB)
    assert res.relevant


def test_weapons_uranium_stays_irrelevant(tagger: Tagger) -> None:
    res = tagger.tag("EU keeps sanctions on Tehran",
                     "Ministers cited its stock of highly enriched uranium, the IAEA said.", PUB)
    assert not res.relevant


# --- a probe reported by its verb of inquiry -----------------------------------------------------

@pytest.mark.parametrize("title", [
    "Ottawa to look into Chinese subsidies for aluminium extrusions",
    "Brussels will examine whether Korean nickel sulphate is dumped",
    "Trade ministry agrees to review a complaint over Indonesian cobalt",
])
def test_a_probe_named_by_its_verb_of_inquiry_is_an_investigation(
        tagger: Tagger, title: str) -> None:
    assert "investigation" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Economists examine China's dumping of cheap aluminium",
    "A new study looks into subsidies for cobalt refiners in Indonesia",
    "Ministers to review lithium royalties",
])
def test_an_inquiry_by_no_state_or_into_no_trade_remedy_is_no_probe(
        tagger: Tagger, title: str) -> None:
    assert "investigation" not in types(tagger, title)


# --- a leader hosting or receiving another is a leaders' meeting ---------------------------------

@pytest.mark.parametrize("title", [
    "Lula hosts Ramaphosa in Brasilia with cobalt and nickel on the agenda",
    "Tinubu received by Macron in Paris as lithium ties deepen",
    "The two presidents discussed rare earth supplies over dinner",
])
def test_a_leader_hosting_another_is_a_leaders_meeting(tagger: Tagger, title: str) -> None:
    assert "summit" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Trump hosts mining executives at the White House to discuss lithium",
    "President welcomes the lithium find in the north",
    "Modi welcomed the decision by the mining ministry on cobalt royalties",
])
def test_a_leader_hosting_no_leader_is_no_summit(tagger: Tagger, title: str) -> None:
    assert "summit" not in types(tagger, title)


# --- exporters told to seek approval; goods a state keeps at home ---------------------------------

@pytest.mark.parametrize("title", [
    "Hanoi will require exporters of tungsten to seek approval from the trade ministry",
    "Harare to keep raw lithium in the country, mines minister says",
])
def test_exporters_needing_approval_and_goods_kept_home_are_export_controls(
        tagger: Tagger, title: str) -> None:
    assert "export_control" in types(tagger, title)


def test_a_company_keeping_its_metal_at_home_is_no_export_control(tagger: Tagger) -> None:
    assert types(tagger, "Miner keeps its copper at home as a port strike drags on") == set()


# --- the verb forms of a stop to sales abroad, and "restrict" in its base form -------------------

@pytest.mark.parametrize("title", [
    "Hanoi orders tungsten producers to stop selling to foreign buyers",
    "Beijing bars firms from shipping graphite anodes overseas",
    "Kinshasa's decision to restrict cobalt came after prices collapsed",
])
def test_a_stop_to_selling_abroad_or_a_restriction_of_goods_is_an_export_control(
        tagger: Tagger, title: str) -> None:
    assert "export_control" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Glencore stops selling cobalt to China after a price row",
    "Miner halts shipping copper to its Chinese buyers during strike",
])
def test_a_company_that_stops_selling_is_no_export_control(tagger: Tagger, title: str) -> None:
    assert "export_control" not in types(tagger, title)


# --- production controls told with more of their verbs -------------------------------------------

@pytest.mark.parametrize("title", [
    "Beijing lifts the smelting ceiling for heavy rare earths",
    "Mali strips Australian miner of lithium mine licence",
    "Belgrade scraps the lithium permits it granted last year",
    "Kinshasa suspends cobalt mining at three foreign-run sites",
    "Panama orders the copper mine closed after court ruling",
])
def test_production_controls_told_with_more_verbs(tagger: Tagger, title: str) -> None:
    assert "production_control" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Glencore suspends cobalt mining at its Congo site as prices slump",
    "Miner scraps its permit application for a copper project",
])
def test_a_company_pausing_its_own_mine_is_no_production_control(
        tagger: Tagger, title: str) -> None:
    assert "production_control" not in types(tagger, title)


# --- a state-only measure told as one act, with no government named -----------------------------

@pytest.mark.parametrize("title", [
    "A 30% duty on Korean nickel matte takes effect on Friday",
    "Cobalt importers face 40% tariff from Monday",
    "Tariff of 15% on lithium carbonate kicks in",
    "Licences for germanium exports now mandatory",
])
def test_a_state_measure_told_by_its_rate_or_start_needs_no_named_government(
        tagger: Tagger, title: str) -> None:
    assert types(tagger, title) & {"tariff", "export_control"}


@pytest.mark.parametrize("title", [
    "Nickel climbs 4% on tariff worries",
    "Economists say a 20% tariff on copper would hurt builders",
    "Importers brace for tariffs on Indonesian nickel",
])
def test_a_price_move_or_an_imagined_rate_is_no_act(tagger: Tagger, title: str) -> None:
    assert types(tagger, title) == set()


# --- state money awarded by its sum, a department's grant, a state lender backing a mine ----------

@pytest.mark.parametrize("title", [
    "Energy department awards $45m to a nickel refiner in Minnesota",
    "JBIC to back Chilean copper mine expansion",
    "Ministry grant helps restart a tin smelter in Cornwall",
])
def test_state_money_named_by_its_giver(tagger: Tagger, title: str) -> None:
    assert "investment" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Premier backs plan for a copper smelter in the north",
    "Miner awards $50m contract for its lithium plant",
    "Glencore backs Congo cobalt project expansion",
])
def test_support_or_company_money_is_no_state_investment(tagger: Tagger, title: str) -> None:
    assert "investment" not in types(tagger, title)


# --- passives and nominals: imports to be banned, firms put on a list, approvals of exports -------

def test_imports_that_will_be_banned_are_an_import_restriction(tagger: Tagger) -> None:
    assert "import_restriction" in types(
        tagger, "Tokyo acts on Russian nickel",
        "Imports of Russian nickel will be banned from April, the trade ministry said.")


def test_companies_put_on_a_states_list_are_a_sanction(tagger: Tagger) -> None:
    assert "sanction" in types(
        tagger, "Beijing answers Washington",
        "China's commerce ministry on Tuesday imposed curbs on antimony exports. "
        "Three American drone makers were put on the unreliable entity list.")


def test_companies_punished_at_home_are_no_sanction(tagger: Tagger) -> None:
    assert "sanction" not in types(
        tagger, "Jakarta cracks down on illegal nickel mining",
        "The ministry has revoked permits at 40 sites. Firms caught dumping tailings have been "
        "sanctioned.")


def test_approvals_of_exports_are_export_licensing(tagger: Tagger) -> None:
    assert "export_control" in types(
        tagger, "Trade truce details",
        "The framework includes quicker Chinese approvals of graphite exports, officials said.")


def test_a_national_security_review_is_an_investigation(tagger: Tagger) -> None:
    assert "investigation" in types(
        tagger, "Nickel duties loom",
        "The Commerce Department opened a national security review of nickel imports in March.")


def test_a_security_review_of_an_investment_is_no_trade_probe(tagger: Tagger) -> None:
    assert "investigation" not in types(
        tagger, "Canberra orders Chinese fund to sell lithium stake",
        "The order follows a national security review under the foreign investment rules of "
        "the fund's stake in a lithium developer.")


# --- a trade-remedy case named by its kind, its object or its findings ----------------------------

@pytest.mark.parametrize("title", [
    "Ottawa starts anti-dumping case against Korean nickel foil",
    "Brussels opens a case over Chinese magnesium dumping",
    "White House orders a review of cobalt imports",
    "Washington finds Chinese tungsten wire was dumped",
    "Canada's tribunal finds injury to the domestic industry from Chinese aluminium",
    "Commerce Department sets dumping margins of 120% on Chinese graphite",
])
def test_a_trade_remedy_case_or_its_finding_is_an_investigation(tagger: Tagger, title: str) -> None:
    assert "investigation" in types(tagger, title)


@pytest.mark.parametrize(("title", "summary"), [
    ("Anode makers ask for duties on Chinese graphite",
     "Producers petitioned the Commerce Department on Monday, alleging dumping margins of 300%."),
    ("Traders find aluminium was dumped in Asian markets", ""),
])
def test_what_an_industry_alleges_or_traders_find_is_no_probe(
        tagger: Tagger, title: str, summary: str) -> None:
    assert "investigation" not in types(tagger, title, summary)


# --- sanctions named by their round, listings, goods held under a forced-labour law ---------------

@pytest.mark.parametrize(("title", "type_id"), [
    ("Brussels agrees 17th package, Russian palladium included", "sanction"),
    ("OFAC adds Russian cobalt trader to SDN list", "sanction"),
    ("CBP detains shipments of polysilicon and aluminium under UFLPA", "import_restriction"),
    ("Seoul and Canberra reach an understanding on lithium supply", "agreement"),
])
def test_acts_named_by_their_instrument(tagger: Tagger, title: str, type_id: str) -> None:
    assert type_id in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Treasury unveils 3rd stimulus package for copper mining towns",
    "Miner holds copper shipments over a contract dispute",
])
def test_look_alike_packages_and_holds_stay_silent(tagger: Tagger, title: str) -> None:
    assert not types(tagger, title) & {"sanction", "import_restriction"}


# --- a policy named by its dated target; mineral rights put up for auction -----------------------

@pytest.mark.parametrize("title", [
    "Brussels wants a quarter of its cobalt refined in the EU by 2030",
    "Jakarta sets 2035 targets for nickel processing",
    "New Delhi to auction 12 critical mineral blocks",
    "Astana opens tender for rare earth exploration licences",
    "Tokyo adds gallium to its strategic materials list",
])
def test_a_policy_named_by_its_target_or_an_auction_is_a_strategy(tagger: Tagger, title: str) -> None:
    assert "strategy" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Albemarle aims to double lithium output by 2027",
    "Christie's auctions rare earth jewellery",
    "Miner wins tender for copper blocks in Zambia",
])
def test_company_targets_and_other_auctions_are_no_strategy(tagger: Tagger, title: str) -> None:
    assert "strategy" not in types(tagger, title)


# --- a yes/no question headline asks about an act; its summary may still report one ------------

@pytest.mark.parametrize("title", [
    "Will Jakarta ban bauxite exports again?",
    "Could the EU put duties on Chinese magnesium?",
    "Is Kinshasa about to restrict cobalt?",
])
def test_a_yes_no_question_headline_reports_no_act(tagger: Tagger, title: str) -> None:
    assert types(tagger, title) == set()


@pytest.mark.parametrize(("title", "summary"), [
    ("Will Jakarta's bauxite ban survive the election?", ""),
    ("Will Jakarta ban bauxite exports again?",
     "The mines ministry said on Monday it would stop bauxite exports from June."),
    ("Why Jakarta's bauxite ban matters", ""),
])
def test_an_act_the_question_presupposes_or_its_summary_reports_stays(
        tagger: Tagger, title: str, summary: str) -> None:
    assert "export_control" in types(tagger, title, summary)


def test_more_ways_a_state_measure_is_told_as_one_act(tagger: Tagger) -> None:
    assert "tariff" in types(tagger, "Nickel tariffs double to 40%")
    assert "tariff" in types(tagger, "Cobalt tariff of 12% to start on March 1")
    assert "export_control" in types(tagger, "Antimony exports now need a licence")


def test_a_companys_permit_demand_is_no_state_measure(tagger: Tagger) -> None:
    assert types(tagger, "Miner says copper shipments need permits from its customers") == set()


# --- a price guarantee for consumers or another market is no minerals support --------------------

@pytest.mark.parametrize("title", [
    "Ministers extend the energy price guarantee as cobalt refiners lobby",
    "Canberra sets a carbon price floor; copper smelters fret",
    "Government guarantees minimum prices for farmers, nickel miners left out",
])
def test_a_price_guarantee_for_another_market_is_no_investment(tagger: Tagger, title: str) -> None:
    assert "investment" not in types(tagger, title)


def test_a_minerals_price_floor_stays_an_investment(tagger: Tagger) -> None:
    assert "investment" in types(tagger, "Pentagon guarantees a minimum price for neodymium oxide")


# --- a bare curb named as what its sentence's exports go through ---------------------------------

@pytest.mark.parametrize("title", [
    "Vietnam's tungsten exports slump after curbs",
    "Bauxite shipments from Guinea dry up under the ban",
])
def test_a_curb_the_exports_go_through_is_an_export_control(tagger: Tagger, title: str) -> None:
    assert "export_control" in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Chilean copper exports fell after the ban on night shifts at the port",
    "Copper prices rise after curbs on Peruvian mine output",
])
def test_a_curb_on_something_else_is_no_export_control(tagger: Tagger, title: str) -> None:
    assert "export_control" not in types(tagger, title)
