"""Frames: verbs acting on objects, built into triggers for every voice the news uses. A frame
must catch the act however it is said, and not a look-alike whose verb belongs to another noun."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.settings import TAXONOMY_DIR
from ingest.tagging.frames import FrameError, frame_patterns, verb_forms
from ingest.tagging.tagger import Tagger
from ingest.tagging.taxonomy import TaxonomyError, load_taxonomy

WEDNESDAY = date(2024, 12, 4)


def _types(tagger: Tagger, summary: str, title: str = "Update") -> list[str]:
    return sorted({e.type for e in tagger.tag(title, summary, WEDNESDAY).events})


def test_verb_forms_inflect_regular_doubling_and_irregular_verbs() -> None:
    assert verb_forms("ban/banned") == (["ban", "bans", "banned", "banning"], "banned")
    assert verb_forms("levy/levied")[0] == ["levy", "levies", "levied", "levying"]
    assert verb_forms("freeze/froze/frozen") == (["freeze", "freezes", "froze", "frozen", "freezing"], "frozen")
    assert verb_forms("embargo/embargoed")[0][1] == "embargoes"
    with pytest.raises(FrameError):
        verb_forms("Ban")


def test_each_voice_is_one_pattern() -> None:
    active, passive, participle = frame_patterns(("ban/banned",), ("exports?",), ("active", "passive", "participle"))
    import re
    assert re.search(active, "china banned all gallium exports")
    assert not re.search(active, "its banned exports")  # a determiner: an adjective
    assert re.search(passive, "exports of gallium had been banned")
    assert not re.search(passive, "tariffs on exports that were banned")
    assert re.search(participle, "gallium exports banned")


@pytest.mark.parametrize("summary", [
    "China said on Tuesday that shipments of the metals to the United States were banned in principle.",
    "China said on Tuesday that exports of gallium had been banned.",
    "Sales of gallium abroad were prohibited by China on Tuesday.",
    "China curbed overseas sales of gallium on Tuesday.",
    "China suspended supplies of gallium to the United States on Tuesday.",
])
def test_an_export_control_in_any_voice(tagger: Tagger, summary: str) -> None:
    assert _types(tagger, summary) == ["export_control"]


def test_a_headline_participle_is_an_act(tagger: Tagger) -> None:
    assert _types(tagger, "", "Gallium and Germanium Exports Banned by Beijing") == ["export_control"]


@pytest.mark.parametrize("summary", [
    "Imports of Russian nickel had been banned by Britain on Tuesday.",
    "Britain halted purchases of Russian nickel on Tuesday.",
])
def test_an_import_restriction_in_any_voice(tagger: Tagger, summary: str) -> None:
    assert _types(tagger, summary) == ["import_restriction"]


def test_taxed_goods_and_raised_duties_are_tariffs(tagger: Tagger) -> None:
    assert _types(tagger, "Imports of Chinese graphite will be taxed at 25%, the US said on Tuesday.") == ["tariff"]


def test_public_money_into_assets_is_an_investment(tagger: Tagger) -> None:
    assert _types(tagger, "The Pentagon will back a gallium plant in Western Australia, it said on "
                  "Tuesday.") == ["investment"]
    assert _types(tagger, "Japan's JOGMEC will fund a rare earths project in Australia.") == ["investment"]
    assert _types(tagger, "The EU will pour 3 billion euros into lithium refining, the Commission "
                  "said on Tuesday.") == ["investment"]


def test_an_inquiry_verb_with_its_question_is_an_investigation(tagger: Tagger) -> None:
    assert _types(tagger, "Trump on Tuesday told the Commerce Department to examine whether imports "
                  "of graphite threaten national security.") == ["investigation"]


@pytest.mark.parametrize("summary", [
    # the verb belongs to another noun, the flow stops by itself, or nobody governs
    "The House voted to restore tariffs on solar imports suspended by the Biden administration.",
    "Floods halted copper exports from Chile on Tuesday.",
    "Glencore halted mining at Mutanda on Tuesday.",
    "Members on Monday launched a network to coordinate public financing for lithium projects.",
])
def test_look_alikes_make_no_frame_act(tagger: Tagger, summary: str) -> None:
    assert "export_control" not in _types(tagger, summary)
    assert "import_restriction" not in _types(tagger, summary)
    assert "production_control" not in _types(tagger, summary)
    assert "investment" not in _types(tagger, summary)


def test_a_bad_frame_is_named_at_load(tmp_path: Path) -> None:
    for name in ("commodities.toml", "countries.toml", "meeting_levels.toml", "regions.toml", "statuses.toml"):
        (tmp_path / name).write_bytes((TAXONOMY_DIR / name).read_bytes())
    text = (TAXONOMY_DIR / "event_types.toml").read_text(encoding="utf-8")
    (tmp_path / "event_types.toml").write_text(
        text.replace('verbs = ["cap/capped"]', 'verbs = ["cap"]', 1), encoding="utf-8")
    with pytest.raises(TaxonomyError, match="frame #.*verb 'cap'"):
        load_taxonomy(tmp_path)
    (tmp_path / "event_types.toml").write_text(
        text.replace('voices = ["active", "passive"]', 'voices = ["middle"]', 1), encoding="utf-8")
    with pytest.raises(TaxonomyError, match="voices must be among"):
        load_taxonomy(tmp_path)


def test_a_passives_agent_acts_however_far_its_by(tagger: Tagger) -> None:
    ev = tagger.tag("Update", "Duties on Chinese graphite were raised to 50% by the US.", WEDNESDAY).events
    assert [(e.type, e.actor) for e in ev] == [("tariff", "US")]
    ev = tagger.tag("Gallium Shipments To US Banned By China", "", WEDNESDAY).events
    assert [(e.type, e.actor, e.targets) for e in ev] == [("export_control", "CN", ("US",))]


def test_requirements_deposits_designations_quotas_and_a_decision_to_negotiate(tagger: Tagger) -> None:
    assert _types(tagger, "Licences will be required for graphite exports from Dec. 1, China said.") == [
        "export_control"]
    assert _types(tagger, "Exporters of gallium will need a licence from Aug. 1, China said.") == ["export_control"]
    assert _types(tagger, "Importers of Chinese graphite must post cash deposits of 93.5%, the Commerce "
                  "Department said.") == ["tariff"]
    assert _types(tagger, "The Treasury on Tuesday designated three Russian nickel producers.") == ["sanction"]
    assert _types(tagger, "China set a quota of 270,000 tons for rare earth mining in 2024.") == [
        "production_control"]
    assert _types(tagger, "Indonesia and the US agreed on Tuesday to negotiate a critical minerals "
                  "deal.") == ["agreement", "talks"]


def test_chosen_projects_are_no_designation(tagger: Tagger) -> None:
    assert "sanction" not in _types(tagger, "The Commission designated 47 strategic projects for lithium "
                                    "and nickel on Tuesday.")
