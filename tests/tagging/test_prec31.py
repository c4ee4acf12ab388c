"""Precision on real news, 31st pass: trigger words used in a sense that names no state act
(a household energy tariff, crypto mining, a probe into a crash, a stockpile of enriched
uranium, an artist's deal, a loan paid back, home-affairs negotiations, talks only hoped for,
sanctions only endured, a summit of an industry); each with a look-alike that must still fire.

Own-words sentences; publication on Wednesday 2025-03-05.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.senses import other_sense
from ingest.tagging.tagger import Tagger

PUB = date(2025, 3, 5)  # a Wednesday



def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


# --- a tariff that is a household price plan, not a duty on goods ------------------------------

@pytest.mark.parametrize("title", [
    "Charities urge ministers to bring in a social tariff for heating and power bills",
    "Regulator says energy suppliers must offer a cheaper tariff for households in arrears",
    "Ministers weigh a new broadband tariff for low-income families",
])
def test_a_household_price_plan_is_no_tariff(tagger: Tagger, title: str) -> None:
    assert "tariff" not in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Washington imposes a 25% tariff on Chinese graphite anodes",
    "India raises the tariff on imported copper cathodes to 10%",
])
def test_a_duty_on_goods_is_still_a_tariff(tagger: Tagger, title: str) -> None:
    assert "tariff" in types(tagger, title)


# --- mining that is computing ------------------------------------------------------------------

def test_a_ban_on_crypto_mining_controls_no_production(tagger: Tagger) -> None:
    assert types(tagger, "Kazakhstan's ban on mining cryptocurrencies drives rigs abroad") == set()


def test_a_ban_on_mining_ore_still_controls_production(tagger: Tagger) -> None:
    assert "production_control" in types(
        tagger, "Ecuador's government bans mining of gold in two river basins")


# --- an investigation into an accident or a person's conduct -----------------------------------

@pytest.mark.parametrize("title", [
    "Chile's government opens an investigation into a copper mine collapse that killed three",
    "Peru's ministry opens investigation into explosion at a zinc smelter",
])
def test_a_probe_into_an_accident_is_no_trade_investigation(tagger: Tagger, title: str) -> None:
    assert "investigation" not in types(tagger, title)


def test_a_probe_into_dumped_imports_is_still_an_investigation(tagger: Tagger) -> None:
    assert "investigation" in types(
        tagger, "The EU opens an investigation into dumped Chinese aluminium foil imports")


# --- a stockpile of nuclear material or arms ---------------------------------------------------

def test_a_stockpile_of_enriched_uranium_is_no_reserve(tagger: Tagger) -> None:
    assert "investment" not in types(
        tagger, "Tehran expands its stockpile of enriched uranium, inspectors say")


def test_a_stockpile_of_critical_minerals_is_still_a_reserve(tagger: Tagger) -> None:
    assert "investment" in types(
        tagger, "Japan's government expands its stockpile of rare earths and gallium")


# --- a deal an artist or an athlete signs ------------------------------------------------------

def test_a_record_deal_is_no_agreement(tagger: Tagger) -> None:
    assert "agreement" not in types(
        tagger, "The Canadian singer signed a record deal at 19 and toured Europe and Japan")


def test_a_loan_paid_back_is_no_investment(tagger: Tagger) -> None:
    assert "investment" not in types(
        tagger, "Zambia sells cobalt output to repay a $300 million loan from a regional bank")


def test_a_state_loan_is_still_an_investment(tagger: Tagger) -> None:
    assert "investment" in types(
        tagger, "Japan's government extends a $300 million loan to a Zambian cobalt project")


# --- negotiations at home, and talks only hoped for ---------------------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("The health ministry revises its drug price negotiation rules after lawsuits", ""),
    ("Greens in internal negotiations over coal and lithium policy", ""),
    ("Inspectors find more enriched uranium as envoys try to revive talks with Tehran", ""),
    ("A pause in enrichment could allow the resumption of wider talks with Washington", ""),
])
def test_home_or_hoped_for_negotiations_are_no_talks(tagger: Tagger, title: str, summary: str) -> None:
    assert "talks" not in types(tagger, title, summary)


@pytest.mark.parametrize("title", [
    "US and EU trade ministers hold talks on steel and aluminium tariffs",
    "The European Union and Chile have yet to reach an accord on lithium",
    "Beijing and Canberra resume talks on barley and wine duties",
])
def test_talks_between_states_still_are_talks(tagger: Tagger, title: str) -> None:
    assert "talks" in types(tagger, title)


# --- sanctions only endured by their target ----------------------------------------------------

@pytest.mark.parametrize("title", [
    "Russia's leader says the economy can withstand years of western sanctions",
    "The Kremlin says sanctions are making Russia's metals industry stronger",
])
def test_sanctions_only_endured_are_no_new_sanction(tagger: Tagger, title: str) -> None:
    assert "sanction" not in types(tagger, title)


def test_sanctions_imposed_still_are_sanctions(tagger: Tagger) -> None:
    assert "sanction" in types(
        tagger, "The UK imposes sanctions on Russian aluminium and copper exporters")


# --- a summit of an industry, also when taken up as "the summit" --------------------------------

def test_an_industry_summit_is_no_leaders_summit(tagger: Tagger) -> None:
    assert "summit" not in types(
        tagger, "Ghana hosted its first lithium investor summit this week.",
        "The summit drew miners and bankers looking for new deposits in the country.")


def test_a_leaders_summit_is_still_a_summit(tagger: Tagger) -> None:
    assert "summit" in types(
        tagger, "G7 leaders gather for a summit in Italy",
        "The summit will discuss critical minerals and Chinese export controls.")


def test_other_sense_reads_only_its_own_type() -> None:
    low = "the union and the greens held internal negotiations on the social tariff"
    assert other_sense(low, "tariff", low.index("tariff"), len(low))
    assert not other_sense(low, "sanction", low.index("tariff"), len(low))


def test_a_government_calling_for_revived_talks_is_left_to_requests(tagger: Tagger) -> None:
    assert "talks" in types(tagger, "Washington calls for revived trade talks with London")


# --- talks held by a body that is no state -----------------------------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Opera in Vienna sells out", "Austria's culture pages loved it. The festival is in talks to bring "
     "the staging to Tokyo next spring."),
    ("Japan wins the relay in Paris", "Officials in France said talks with athletes over training in "
     "the river were going on."),
])
def test_talks_of_a_body_that_is_no_state_are_no_talks(tagger: Tagger, title: str, summary: str) -> None:
    assert "talks" not in types(tagger, title, summary)


def test_talks_of_states_after_a_cultural_sentence_still_are_talks(tagger: Tagger) -> None:
    assert "talks" in types(tagger, "Korea and Japan hold talks with Chinese officials on gallium")


# --- a pact only imagined for what it would bring ----------------------------------------------

@pytest.mark.parametrize("title", [
    "Investors see Sudan's gold fields as a prize that a truce would unlock",
    "Analysts say a ceasefire could open Ukraine's graphite deposits to Western buyers",
])
def test_a_pact_imagined_for_its_effects_is_no_agreement(tagger: Tagger, title: str) -> None:
    assert "agreement" not in types(tagger, title)


def test_a_pact_that_could_be_signed_is_still_an_agreement(tagger: Tagger) -> None:
    assert "agreement" in types(
        tagger, "Jakarta and Canberra say a nickel trade deal could be signed next month")


# --- a subsidy that is the object of scrutiny is another's, alleged ----------------------------

def test_scrutiny_of_subsidies_is_no_investment(tagger: Tagger) -> None:
    assert "investment" not in types(
        tagger, "Beijing opens a probe into pork imports",
        "The move follows Brussels' scrutiny of subsidies for Chinese solar panels.")


def test_a_subsidy_granted_is_still_an_investment(tagger: Tagger) -> None:
    assert "investment" in types(
        tagger, "Germany's government grants subsidies for a lithium refinery in Saxony")


# --- "ban" and "bar" as whole verbs: a bank or a barrel bans nothing ---------------------------

@pytest.mark.parametrize("title", [
    "Gold steadies as Indian central bank buying offsets a firmer US dollar, officials said",
    "US refiners took more barrels of crude imports from Canada, the government said",
])
def test_a_bank_or_barrels_restrict_no_imports(tagger: Tagger, title: str) -> None:
    assert "import_restriction" not in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Beijing bans buying of Australian coal by state utilities",
    "Lithuania bars imports of Belarusian potash",
])
def test_a_ban_or_bar_on_imports_is_still_a_restriction(tagger: Tagger, title: str) -> None:
    assert "import_restriction" in types(tagger, title)


# --- a pact at home, between a government and parties or unions --------------------------------

@pytest.mark.parametrize("title", [
    "Norway's government and two opposition parties reach an agreement to open seabed mining",
    "Chile's ruling bloc strikes a deal with the Greens on a lithium royalty law",
    "Peru's mining ministry signs an agreement with trade unions to end the copper strike",
])
def test_a_pact_with_parties_or_unions_is_no_state_agreement(tagger: Tagger, title: str) -> None:
    assert "agreement" not in types(tagger, title)


@pytest.mark.parametrize("title", [
    "Japan and the European Union reach an agreement on gallium supplies",
    "The two parties, Washington and Kyiv, signed a minerals agreement on Wednesday",
    "Berlin urges Paris to drop its opposition to the EU-Mercosur trade deal",
])
def test_a_pact_between_states_is_still_an_agreement(tagger: Tagger, title: str) -> None:
    assert "agreement" in types(tagger, title)


# --- "invest" is no stem of "investigation" ----------------------------------------------------

def test_state_prosecutors_investigations_are_no_state_investment(tagger: Tagger) -> None:
    assert "investment" not in types(
        tagger, "Singer cleared", "Munich state prosecutors said investigations, opened in May, "
        "found no evidence against the guitarist.")


def test_a_state_investment_is_still_one(tagger: Tagger) -> None:
    assert "investment" in types(
        tagger, "The Norwegian state's fund will invest $2 billion in a nickel refinery in Finland")


# --- a summit whose gatherers are no states ---------------------------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Canada's Inuit leaders push back on seabed mining",
     "About 200 Inuit and First Nations people met in Ottawa for a three-day summit on land rights."),
    ("Lithium talk in Nevada", "Mining executives gathered in Reno this week for a summit with US "
     "officials watching from the floor."),
])
def test_a_summit_of_people_who_are_no_state_is_no_summit(tagger: Tagger, title: str, summary: str) -> None:
    assert "summit" not in types(tagger, title, summary)


def test_leaders_gathering_for_a_summit_still_are_a_summit(tagger: Tagger) -> None:
    assert "summit" in types(tagger, "African heads of state gathered in Nairobi for a summit on "
                             "critical minerals")
