"""A statute only one government acts under names the actor of the act it modifies, and goods
"from" a country before an import measure name whom it hits. Look-alikes: an instrument after
a preposition inside a trigger, or one modifying another measure, owns nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.tagging.tagger import Tagger
from ingest.tagging.taxonomy import TaxonomyError, load_taxonomy

TAGGER = Tagger()
PUB = datetime(2025, 6, 10, 12, 0, tzinfo=UTC)


def _roles(title: str, summary: str, type_id: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(e.actor, e.targets) for e in TAGGER.tag(title, summary, PUB).events if e.type == type_id]


@pytest.mark.parametrize(("title", "summary", "type_id", "want"), [
    # the instrument inside the trigger, the goods' origin named before it
    ("Graphite duties to rise", "Duties on anode graphite from China rise to 25% next year, the "
     "final step of the increases set in the 2024 Section 301 review.", "investigation", ("US", ("CN",))),
    # the instrument right before the measure, the goods' demonym after it
    ("Section 232 aluminium tariffs on Canadian metal double", "", "tariff", ("US", ("CA",))),
    ("IEEPA tariffs on Chinese magnets take effect", "", "tariff", ("US", ("CN",))),
    # goods "from" a country before the measure: whom it hits
    ("Magnet duties stay", "Rare earth magnets from China have carried a 25% duty for a year, "
     "US customs said on Monday.", "tariff", ("US", ("CN",))),
])
def test_an_instrument_or_an_origin_settles_the_roles(title: str, summary: str, type_id: str,
                                                      want: tuple[str, tuple[str, ...]]) -> None:
    assert want in _roles(title, summary, type_id)


@pytest.mark.parametrize(("title", "type_id", "want"), [
    # an instrument after a preposition inside the trigger is what the act is about
    ("China files WTO case against Section 232 tariffs on steel and aluminium", "investigation", "CN"),
    # an instrument modifying another measure before the trigger owns nothing of it
    ("Beijing hits back at Section 301 tariffs with curbs on graphite exports", "export_control", "CN"),
    # people "from" a country are no goods' origin
    ("Officials from Indonesia announce nickel ore export ban", "export_control", "ID"),
])
def test_look_alikes_keep_their_actor(title: str, type_id: str, want: str) -> None:
    assert [a for a, _t in _roles(title, "", type_id)][:1] == [want]


def test_an_instrument_must_be_an_alias(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ingest.tagging.taxonomy import TAXONOMY_DIR

    for f in TAXONOMY_DIR.glob("*.toml"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "countries.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'instruments = ["CRMA"]', 'instruments = ["CRMA", "Green Deal"]'), encoding="utf-8")
    with pytest.raises(TaxonomyError, match="must also be aliases"):
        load_taxonomy(tmp_path)
