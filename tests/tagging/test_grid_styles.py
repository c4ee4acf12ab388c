"""Grids in the styles real feeds use: acts told from the target's side or named by their
document, markets closed to goods, penalties on a foreign country's firms, goods of a named
origin investigated, duties said to come into force or expire, access a party gets under a
deal; and the look-alikes of each style (a company's market, a league's penalties, a police
inquiry, a price move, a ban in sport or on social media, an executive order on something
else)."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

WEDNESDAY = date(2024, 12, 4)


def _types(tagger: Tagger, text: str) -> list[str]:
    """"HEADLINE || SUMMARY"; else a sentence is a summary, a line without a full stop a headline."""
    if "||" in text:
        title, summary = (part.strip() for part in text.split("||"))
        return sorted({e.type for e in tagger.tag(title, summary, WEDNESDAY).events})
    headline = not text.endswith(".")
    result = tagger.tag(text, "", WEDNESDAY) if headline else tagger.tag("Update", text, WEDNESDAY)
    return sorted({e.type for e in result.events})


@pytest.mark.parametrize(("text", "type_id"), [
    ("The US on Tuesday barred Russian aluminium from its market.", "import_restriction"),
    ("Britain on Tuesday shut its market to Russian nickel.", "import_restriction"),
    ("US Bars Russian Aluminium From Its Market", "import_restriction"),
    ("EU Shuts Market to Russian Nickel", "import_restriction"),
    ("Russian Aluminium Shut Out of US Market", "import_restriction"),
    ("The Treasury on Tuesday imposed penalties on three Russian nickel producers.", "sanction"),
    ("Washington imposed penalties on two Chinese cobalt refiners on Tuesday.", "sanction"),
    ("The Commission will investigate Chinese graphite anodes, it said on Tuesday.", "investigation"),
    ("US to Investigate Chinese Graphite Anodes", "investigation"),
    ("The EU will investigate Chinese lithium batteries, the Commission said.", "investigation"),
    ("Trump Signs Section 232 Proclamation on Copper", "tariff"),
    ("The Section 232 proclamation on copper takes effect on August 1.", "tariff"),
    ("EU's Graphite Duties Expire", "tariff"),
    ("US Graphite Duty Takes Effect", "tariff"),
    ("Under the agreement, the US will get access to Ukraine's rare earths.", "agreement"),
])
def test_an_act_said_in_a_feeds_own_words_is_found(tagger: Tagger, text: str, type_id: str) -> None:
    assert type_id in _types(tagger, text)


@pytest.mark.parametrize(("text", "type_id"), [
    ("Graphite Gets Caught in the Crossfire || Beijing's licence rule for graphite shipments abroad "
     "takes effect on Friday.", "export_control"),
    ("Is China's Gallium Export Ban Working?", "export_control"),
    ("Miners Slam Jakarta's New Export Levy on Nickel Pig Iron", "export_control"),
    ("Gallium Prices Jump After Beijing's Licence Rule", "export_control"),
    ("Cobalt Rallies After Kinshasa Halts Shipments", "export_control"),
    ("Indonesia's Bauxite Export Ban Kicks In", "export_control"),
    ("US Chipmakers Hit by Chinese Gallium Export Ban", "export_control"),
    ("Chinese Anode Makers Face EU Anti-Dumping Probe", "investigation"),
    ("Metals Wrap || In other news, the US slapped 25% tariffs on Chinese tungsten and Japan signed "
     "a lithium agreement with Argentina.", "tariff"),
])
def test_teasers_questions_reactions_and_digests_keep_their_act(tagger: Tagger, text: str,
                                                                 type_id: str) -> None:
    assert type_id in _types(tagger, text)


@pytest.mark.parametrize(("text", "type_id"), [
    ("Tesla shuts its market to third-party chargers", "import_restriction"),
    ("Rio Tinto imposes penalties on contractors over safety", "sanction"),
    ("The league imposed penalties on three clubs on Tuesday.", "sanction"),
    ("Police will investigate the lithium mine accident, officials said.", "investigation"),
    ("The US will get access to cheaper lithium as prices fall, analysts said.", "agreement"),
    ("Albemarle's lithium supply agreement with Ford expires", "agreement"),
    ("Miners Face Higher Power Tariffs in Zambia", "tariff"),
    ("Trump Signs Executive Order on TikTok", "strategy"),
    ("EU Reporting Duty Comes Into Force for Lithium Importers", "tariff"),
    ("Will China Ban Graphite Exports?", "export_control"),
])
def test_look_alikes_in_the_same_styles_make_no_such_event(tagger: Tagger, text: str,
                                                           type_id: str) -> None:
    assert type_id not in _types(tagger, text)


@pytest.mark.parametrize("text", [
    "Miners Slam Lower Lithium Prices",
    "Gallium prices jump after factory fire",
    "Australia's Social Media Ban for Teens Kicks In",
    "League Bans Russian Clubs From Cup || The football body barred the teams on Tuesday.",
    "Cobalt Gets Its Groove Back || Cobalt prices rose 5% on Tuesday as traders bought.",
    "Also today: Rio Tinto picks new CEO; BHP raises copper guidance",
])
def test_market_moves_and_bans_of_other_kinds_name_no_act(tagger: Tagger, text: str) -> None:
    assert _types(tagger, text) == []
