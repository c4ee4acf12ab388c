"""Curbs a trigger names on goods outside the taxonomy ("curbs on chip technology sales")
are an act of their own: they take no mineral from their sentence or article, and do not
swallow a headline's act on minerals (China's ban "a day after Washington widened its chip
curbs" is two acts: China's on gallium, the US's on chips). A mineral policy named with no
"new" is one in place, not a strategy announced."""

from __future__ import annotations

from datetime import date

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()


def test_chip_curbs_beside_a_minerals_ban_are_their_own_act() -> None:
    events = TAGGER.tag(
        "China bans gallium, germanium and antimony exports to the United States",
        "China said on Tuesday that shipments of the metals to the United States will in "
        "principle not be permitted. The notice came a day after Washington widened its curbs "
        "on chip technology sales to China.", date(2024, 12, 3)).events
    got = sorted((e.actor, e.date.isoformat(), e.commodities) for e in events
                 if e.type == "export_control")
    assert got == [("CN", "2024-12-03", ("antimony", "gallium", "germanium")),
                   ("US", "2024-12-02", ())]


def test_a_mineral_policy_defended_is_no_new_strategy() -> None:
    events = TAGGER.tag("Indonesia vows to defend nickel policy as EU launches WTO dispute", "",
                        date(2019, 11, 25)).events
    assert "strategy" not in {e.type for e in events}
    assert "investigation" in {e.type for e in events}
