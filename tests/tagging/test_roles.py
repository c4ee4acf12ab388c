"""Who acts and who is targeted, in the constructions news uses: owners, passive agents,
reduced relatives, the origin of imported goods, "European" goods, sanctioned nationals."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 4)



def roles(tagger: Tagger, title: str, summary: str, type_: str) -> tuple[str | None, set[str]]:
    ev = next(e for e in tagger.tag(title, summary, PUB).events if e.type == type_)
    return ev.actor, set(ev.targets)


@pytest.mark.parametrize(("summary", "type_", "actor", "targets"), [
    ("Tokyo officials said Beijing's export curbs on gallium worry chipmakers.",
     "export_control", "CN", set()),
    ("Refiners face a shortage of germanium recently restricted for export by Beijing.",
     "export_control", "CN", set()),
    ("Washington's treasury chief criticised the export controls China announced on graphite.",
     "export_control", "CN", set()),
    ("Washington extended its suspension of tariffs on European steel and aluminum.",
     "tariff", "US", {"EU"}),
    ("The US Treasury sanctioned Russian metals traders dealing in palladium.",
     "sanction", "US", {"RU"}),
    ("After a US tariff took effect, MOFCOM said indium products would require export "
     "licences.", "export_control", "CN", set()),
    # a country named as the scene ("the war in Ukraine") is not the subject of the act after it
    ("Poland leans on coal. Hit by the war in Ukraine, the country's leaders cut red tape and "
     "subsidised lignite mines.", "investment", "PL", set()),
    # the lender named after an investment invests, whoever receives the money
    ("Graphite startup wins investment from the Canadian Infrastructure Bank.",
     "investment", "CA", set()),
    # a sanctioned nationality followed by "officials" is whom the sanctions hit, not who acts
    ("The US sanctions Peruvian officials over copper smuggling.", "sanction", "US", {"PE"}),
    # two modifiers joined by "and" keep the country next to its measure
    ("Chile is weighing challenging US steel and aluminium tariffs.", "tariff", "US", set()),
    # a country leading or backing the measure owns it; the one other country, only a company's
    # home, is whom it is aimed at (aims.implied)
    ("Chinese chipmakers found ways round the US-led export restrictions on germanium.",
     "export_control", "US", {"CN"}),
])
def test_roles(tagger: Tagger, summary: str, type_: str, actor: str, targets: set[str]) -> None:
    assert roles(tagger, "Metals news", summary, type_) == (actor, targets)


def test_the_origin_of_imported_goods_is_the_target(tagger: Tagger) -> None:
    actor, targets = roles(tagger, "Russian Uranium Import Ban Passes US Senate", "",
                           "import_restriction")
    assert "RU" in targets and actor != "RU"


def test_european_goods_add_the_eu_to_the_article(tagger: Tagger) -> None:
    res = tagger.tag("Metals news", "Washington raised tariffs on European aluminum.", PUB)
    assert "EU" in res.countries


@pytest.mark.parametrize(("text", "eu"), [
    ("Washington and Europe could not settle their quarrel over aluminium tariffs.", True),
    ("Beijing told the US, Japan and Europe about its gallium curbs in advance.", True),
    ("Europe and the United States weigh joint duties on graphite.", True),
    ("Sweden reports the largest rare earth deposit in Europe as Washington adds tariffs.", False),
])
def test_europe_is_the_eu_only_when_listed_with_countries(tagger: Tagger, text: str,
                                                          eu: bool) -> None:
    assert ("EU" in tagger.tag("Metals news", text, PUB).countries) is eu


def test_exports_restricted_to_europe_target_the_eu(tagger: Tagger) -> None:
    actor, targets = roles(tagger, "Metals news",
                           "Moscow has restricted exports of palladium to Europe.",
                           "export_control")
    assert (actor, targets) == ("RU", {"EU"})


def test_a_capitalised_word_after_a_country_in_a_title_case_headline_is_no_company(
        tagger: Tagger) -> None:
    res = tagger.tag("Russian Uranium Import Ban Teed Up for US House Floor Vote", "", PUB)
    assert res.relevant
    ev = next(e for e in res.events if e.type == "import_restriction")
    assert ev.targets == ("RU",) and ev.actor == "US"


def test_in_running_text_a_capitalised_name_after_a_country_is_a_company(tagger: Tagger) -> None:
    res = tagger.tag("Metals news", "Chinese Molybdenum agreed a supply deal with a buyer.", PUB)
    assert not any(e.type == "agreement" for e in res.events)


def test_a_government_speaking_after_the_act_acts(tagger: Tagger) -> None:
    actor, _targets = roles(tagger, "Metals news",
                            "The ban on nickel ore exports took effect in 2020, Jakarta said.",
                            "export_control")
    assert actor == "ID"


@pytest.mark.parametrize(("title", "summary", "type_", "actor"), [
    # the body's sentence names no country: the headline says who acts
    ("Gallium curbs: what Beijing's move means",
     "The world's second largest economy is putting export controls on gallium.", "export_control", "CN"),
    ("Iraq orders customs to stop cobalt imports",
     "A decree ordered officials to impose an import ban on cobalt.", "import_restriction", "IQ"),
    # a country just before the verb whose object the trigger is
    ("Metals news", "Tokyo warned on Tuesday it will object as China tightens export controls "
     "on germanium.", "export_control", "CN"),
])
def test_actor_from_the_headline_or_the_nearest_subject(tagger: Tagger, title: str, summary: str,
                                                        type_: str, actor: str) -> None:
    assert roles(tagger, title, summary, type_)[0] == actor


def test_a_sanction_named_by_its_target_keeps_its_target(tagger: Tagger) -> None:
    actor, targets = roles(tagger, "New Russia sanctions hit palladium traders",
                           "The Treasury announced new sanctions against Russia on Thursday.",
                           "sanction")
    assert actor != "RU" and "RU" in targets


@pytest.mark.parametrize("summary", [
    "Moscow says its economy has weathered Western sanctions over the war.",
    "Traders navigate Kremlin rules and international sanctions on metals.",
])
def test_a_blocs_sanctions_have_no_country_actor_and_hit_the_country_named(
        tagger: Tagger, summary: str) -> None:
    assert roles(tagger, "Metals news", summary, "sanction") == (None, {"RU"})


def test_sanctions_owned_by_a_country_with_another_target_are_its_own(tagger: Tagger) -> None:
    actor, targets = roles(tagger, "Metals news",
                           "A trader lost his appeal against EU sanctions over his ties to Russia.",
                           "sanction")
    assert (actor, targets) == ("EU", {"RU"})


def test_a_headline_names_whom_the_body_s_sanctions_hit(tagger: Tagger) -> None:
    actor, targets = roles(tagger, "Canberra announces sanctions targeting Russia's nickel traders",
                           "The Australian government on Tuesday announced sanctions on the "
                           "traders and their palladium deals.", "sanction")
    assert (actor, targets) == ("AU", {"RU"})


@pytest.mark.parametrize(("title", "summary", "actor", "targets"), [
    # where controlled exports go is whom the control hits; the headline's ministry acts
    ("MOFCOM Notice No. 12 on dual-use shipments to Japan",
     "From today, exports of gallium and antimony to Japanese military end users are banned.",
     "CN", {"JP"}),
    ("Commerce ministry tightens antimony rules",
     "Beijing said on Monday that antimony shipped to the United States would need an export "
     "licence.", "CN", {"US"}),
    # the one who acts is named: a destination elsewhere in the clause leaves it the actor
    ("Seoul curbs tungsten exports to North Korea",
     "South Korea banned exports of tungsten to North Korea on Tuesday.", "KR", {"KP"}),
])
def test_the_destination_of_controlled_exports_is_the_target(
        tagger: Tagger, title: str, summary: str, actor: str, targets: set[str]) -> None:
    got = [(e.actor, set(e.targets)) for e in tagger.tag(title, summary, PUB).events
           if e.type == "export_control" and e.evidence == summary]
    assert got and got[0] == (actor, targets)


@pytest.mark.parametrize(("title", "actor"), [
    ("MOFCOM Announcement No. 46 bans gallium exports to the United States", "CN"),
    ("Indonesia Regulation 11 bans nickel ore exports to China", "ID")])
def test_an_instrument_named_after_its_state_labels_no_company(tagger: Tagger, title: str,
                                                               actor: str) -> None:
    ev = next(e for e in tagger.tag(title, "", PUB).events if e.type == "export_control")
    assert ev.actor == actor and ev.actor not in ev.targets


def test_a_country_speaking_in_a_later_clause_does_not_act(tagger: Tagger) -> None:
    summary = ("The licensing regime for seven rare earths remains in force, although Washington "
               "says shipments are still slow.")
    ev = next(e for e in tagger.tag("Beijing pauses some curbs", summary, PUB).events
              if e.evidence == summary)
    assert ev.actor != "US"


@pytest.mark.parametrize(("title", "summary", "actor", "targets"), [
    # "its" points back to the country named last before it, not the sentence's subject
    ("Brussels takes Jakarta to the WTO",
     "The European Union asked the WTO on Friday for talks with Indonesia over its ban on nickel "
     "ore exports.", "ID", set()),
    # with no country before it, the one speaking after it owns it ("Alongside its ban ...,
    # China said"); the country the exports go to is the target
    ("Graphite buyers brace",
     "Alongside its ban on gallium sales to the United States, China said on Tuesday that "
     "graphite exports to US users would face tighter reviews.", "CN", {"US"}),
])
def test_a_measure_owned_through_its(tagger: Tagger, title: str, summary: str, actor: str,
                                     targets: set[str]) -> None:
    ev = next(e for e in tagger.tag(title, summary, PUB).events
              if e.type == "export_control" and e.evidence == summary)
    assert (ev.actor, set(ev.targets)) == (actor, targets)


def test_a_country_speaking_after_a_list_is_no_list_item(tagger: Tagger) -> None:
    summary = ("Besides its curbs on antimony sales to Japan, Korea said it would tighten "
               "graphite export licences.")
    ev = next(e for e in tagger.tag("Seoul widens curbs", summary, PUB).events
              if e.type == "export_control")
    assert "KR" not in ev.targets
