"""A state letting exporters go on shipping past a ban is an act of its export regime; a pact on
"minerals" between states names the critical-minerals group. Each with a twin where no state
acts, or where "minerals" names nothing a state signs. Written in our own words.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
PUB = date(2025, 5, 2)

ACTS = [
    ("Jakarta to let Amman Mineral keep exporting copper concentrate",
     "Indonesia will allow Amman Mineral to continue exporting copper concentrate until the end of "
     "the year while its smelter starts up, the mines minister said on Thursday.",
     "export_control", "ID", "copper"),
    ("Harare lets lithium miners resume concentrate exports",
     "Zimbabwe's mines ministry on Monday let three lithium miners resume exports of concentrate "
     "after they filed refinery plans.", "export_control", "ZW", "lithium"),
    ("US, Ukraine sign minerals deal",
     "Washington and Kyiv signed an agreement on Wednesday that sets up a joint investment fund.",
     "agreement", None, "critical_minerals"),
    ("Kinshasa and Washington near a mineral resources agreement",
     "Congo and the United States are close to signing a pact on mining investment, officials said "
     "on Tuesday.", "agreement", None, "critical_minerals"),
]

NON_ACTS = [
    # a port reopening or calmer weather lets a company ship again: no state acts
    ("Port strike ends, letting Codelco resume copper shipments",
     "The end of the strike at Antofagasta allows Codelco to resume shipping copper cathodes, the "
     "company said on Monday."),
    ("Calm seas let Pilbara keep shipping spodumene",
     "Better weather allowed Pilbara Minerals to continue shipping lithium concentrate from Port "
     "Hedland on Tuesday."),
    # a company's minerals deal is no state's act
    ("Glencore and Trafigura strike minerals deal",
     "The two traders agreed on Tuesday to swap offtake rights at two mines."),
]


@pytest.mark.parametrize(("title", "summary", "kind", "actor", "commodity"), ACTS)
def test_the_act_is_read(title: str, summary: str, kind: str, actor: str | None, commodity: str) -> None:
    result = TAGGER.tag(title, summary, PUB)
    assert result.relevant and commodity in result.commodities
    assert any(e.type == kind and (actor is None or e.actor == actor) for e in result.events)


@pytest.mark.parametrize(("title", "summary"), NON_ACTS)
def test_no_state_acts(title: str, summary: str) -> None:
    result = TAGGER.tag(title, summary, PUB)
    assert not result.relevant, [(e.type, e.actor, e.evidence) for e in result.events]


def test_a_lifting_refused_is_no_lifting() -> None:
    result = TAGGER.tag("Jakarta keeps nickel ore export ban",
                        "President Joko Widodo said on Tuesday Indonesia would not lift its ban on "
                        "nickel ore exports despite a WTO ruling.", date(2023, 3, 8))
    assert result.events and all(e.status != "lifted" for e in result.events)


def test_shipments_no_longer_approved_are_banned_and_an_act_24_hours_earlier_is_the_day_before() -> None:
    result = TAGGER.tag("Beijing stops approving gallium sales to America",
                        "China's commerce ministry said on Tuesday that shipments of gallium to the "
                        "United States would in principle no longer be approved. The ban came 24 hours "
                        "after Washington imposed new export restrictions on chipmaking equipment.",
                        date(2024, 12, 3))
    found = {(e.type, e.actor, e.date) for e in result.events}
    assert ("export_control", "CN", date(2024, 12, 3)) in found
    assert ("export_control", "US", date(2024, 12, 2)) in found


def test_shipments_approved_are_no_ban() -> None:
    result = TAGGER.tag("Gallium buyers relieved", "Shipments of gallium to Japan will be approved "
                        "faster, traders said on Tuesday.", date(2024, 12, 3))
    assert not any(e.type == "export_control" and e.subtype == "ban" for e in result.events)
