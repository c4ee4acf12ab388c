"""Who acts on whom, from a grid of plain sentences and headlines: institutions standing for
their country, passive agents, owners, the subject of a gerund under a verb of criticism,
headline forms ("A Hits B With ...", "B Faces A's ..."), retaliation and reported speech."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

WEDNESDAY = date(2024, 12, 4)


def _roles(tagger: Tagger, text: str, type_: str) -> set[tuple[str | None, tuple[str, ...]]]:
    return {(e.actor, tuple(sorted(e.targets))) for e in tagger.tag(text, "", WEDNESDAY).events
            if e.type == type_}


@pytest.mark.parametrize(("text", "type_", "actor", "targets"), [
    # Institutions named by their own name or initials stand for their country.
    ("OFAC sanctioned three Russian metals traders on Thursday.", "sanction", "US", ("RU",)),
    ("The Office of Foreign Assets Control sanctioned three Russian metals traders.",
     "sanction", "US", ("RU",)),
    ("DOE Awards $1 Billion Loan To Lithium Project", "investment", "US", ()),
    ("The International Trade Commission voted to impose duties on Chinese graphite.",
     "tariff", "US", ("CN",)),
    ("Von der Leyen announced duties on Chinese lithium batteries.", "tariff", "EU", ("CN",)),
    # The object of a verb of criticism does what the gerund after "for"/"of" says.
    ("The US criticised China for restricting gallium exports.", "export_control", "CN", ()),
    ("The US accused China of restricting graphite exports.", "export_control", "CN", ()),
    ("Washington rebuked Jakarta for banning nickel ore exports.", "export_control", "ID", ()),
    ("Beijing blasted Washington for blacklisting Chinese graphite firms.", "sanction", "US", ("CN",)),
    # Who bears a measure: the subject of "faces"/"hit by", the object of "hits ... with".
    ("US Hits China With Graphite Tariffs", "tariff", "US", ("CN",)),
    ("China Hits US With Gallium Export Ban", "export_control", "CN", ("US",)),
    ("Beijing Targets US Firms With Rare Earth Curbs", "export_control", "CN", ("US",)),
    ("China Faces US Tariffs On Graphite", "tariff", "US", ("CN",)),
    ("Canada Faces 25% US Tariff On Aluminium", "tariff", "US", ("CA",)),
    ("Russia Faces New UK Sanctions On Nickel", "sanction", "GB", ("RU",)),
    ("Japan Hit By Chinese Rare Earth Export Ban", "export_control", "CN", ("JP",)),
    # An owner's measure does not reach across a preposition to another act; the answer is
    # aimed at the owner of the act it answers.
    ("Beijing hit back at Washington's tariffs by restricting rare earth exports.",
     "export_control", "CN", ("US",)),
    # The agent of a reduced relative's participle right after the measure.
    ("Sanctions announced on Wednesday by the Treasury Department hit three Russian nickel producers.",
     "sanction", "US", ("RU",)),
    # All named before the measure are its targets: who acts is named a few words after it.
    ("Graphite from China will face 93.5% duties after a Commerce Department ruling.",
     "tariff", "US", ("CN",)),
])
def test_grid_roles(tagger: Tagger, text: str, type_: str, actor: str, targets: tuple[str, ...]) -> None:
    assert (actor, targets) in _roles(tagger, text, type_)


def test_facing_pressure_over_its_own_ban_bears_nothing(tagger: Tagger) -> None:
    assert ("ID", ()) in _roles(tagger, "Indonesia faces pressure to lift its nickel ore export ban.",
                                "export_control")


def test_a_measure_from_a_state_is_that_states(tagger: Tagger) -> None:
    for title, actor in (("New export curbs from China on gallium hit US chipmakers", "CN"),
                         ("Fresh sanctions from the EU hit Russian nickel", "EU")):
        assert [e.actor for e in tagger.tag(title, "", date(2024, 12, 4)).events] == [actor]
    # goods coming in: "from" names their origin, whom the ban is aimed at
    ev = tagger.tag("An import ban on aluminium from Russia takes effect", "", date(2024, 12, 4)).events
    assert [(e.actor, e.targets) for e in ev] == [(None, ("RU",))]
