"""Whom a measure is aimed at: a state's money and output rules aim at no one; a reason or a
condition after a measure's target names another clause's countries; goods named by their
origin inside an import measure's words or by where they are made; the one other country a
sentence names beside a measure's owner, when it is only a preposition's object or a company's
home; whoever retaliates against a measure; and goods sent to a country, which imposes the
import measure they face; firms put on a list by their country. And who acts: not the country of the clause
before an "as" clause with a subject of its own.

Each positive stands beside a near twin where the country is no target (a critic, a bystander,
the measure's own owner, a country in the reason clause). Written in our own words.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
PUB = date(2024, 3, 10)

CASES = [
    # a state's money goes to a recipient: no target, whoever receives it
    ("The US awarded a $20 million grant to a British lithium miner", "investment", "US", ()),
    ("The US imposed tariffs on British lithium", "tariff", "US", ("GB",)),
    # a reason or a condition after the target: its countries are not aimed at
    ("The EU adopted sanctions on Russia over its war against Ukraine", "sanction", "EU", ("RU",)),
    ("The EU adopted sanctions on Russia and Belarus", "sanction", "EU", ("RU", "BY")),
    ("The US threatened sanctions if North Korea sells cobalt to Russia", "sanction", "US", ("KP",)),
    ("The US threatened sanctions on North Korea and Russia", "sanction", "US", ("KP", "RU")),
    ("The UK extended a ban on imports of Russian nickel as ministers add pressure on Moscow for "
     "its war on Ukraine", "import_restriction", "GB", ("RU",)),
    # goods named by their origin inside the measure's words
    ("Canada bans Russian aluminium imports", "import_restriction", "CA", ("RU",)),
    ("Canada bans aluminium imports from next year", "import_restriction", "CA", ()),
    ("Brazil raises Chinese steel tariffs", "tariff", "BR", ("CN",)),
    ("Brazil raises its steel tariffs", "tariff", "BR", ()),
    # the one other country, only a company's home or a preposition's object, beside the owner
    ("A Chinese battery maker plans a listing after clearing US export controls on graphite",
     "export_control", "US", ("CN",)),
    ("Graphite shipments for Chinese firms are slowing under Washington's export curbs",
     "export_control", "US", ("CN",)),
    # ... but not a clause's subject: a bystander or a critic
    ("Japan warns as China tightens export controls on graphite", "export_control", "CN", ()),
    ("The EU is considering challenging US tariffs on aluminium", "tariff", "US", ()),
    # the act a country retaliates against was aimed at it; a mere reply or a critic says less
    ("China hit back at US tariffs by curbing exports of tungsten", "tariff", "US", ("CN",)),
    ("China retaliated against the EU's tariffs with an anti-dumping probe into European pork",
     "tariff", "EU", ("CN",)),
    ("China criticised the EU's tariffs on electric vehicles", "tariff", "EU", ()),
    ("Japan will respond to China's export curbs on graphite", "export_control", "CN", ()),
    # goods named by where they are made, after an import measure
    ("Ottawa slapped a 100% surtax on electric vehicles made in China", "tariff", "CA", ("CN",)),
    ("Ottawa slapped a 100% surtax on electric vehicles, a step also debated in China",
     "tariff", "CA", ()),
    # goods sent to a country before an import measure: it imposes it, the sender bears it
    ("Chinese graphite exports to the US face 25% tariffs", "tariff", "US", ("CN",)),
    ("Electric cars exported from the UK to the EU will face 10% tariffs", "tariff", "EU", ("GB",)),
    ("Exports of Australian barley to China faced 80% tariffs", "tariff", "CN", ("AU",)),
    # ... not the exporter's own duty on them, nor a measure whose owner is named
    ("Indonesian nickel exports to China will face a new export tax", "export_control", "ID", ("CN",)),
    ("Steel shipments to the US face Canada's new tariffs", "tariff", "CA", ("US",)),
    # a list of targets goes on through the entities each names; a new clause's subject does not
    ("The UK sanctioned Russian aluminium producers and Chinese traders", "sanction", "GB", ("RU", "CN")),
    ("The US sanctioned Russian banks and China warned of a response", "sanction", "US", ("RU",)),
    # firms a state puts on its list, named by their country, are whom the listing hits
    ("China adds 15 US firms to its export control list", "sanction", "CN", ("US",)),
    ("China added gallium to its export control list", "export_control", "CN", ()),
    # an act told in an "as" clause with a subject of its own is not the main clause's country's
    ("Brazil seeks a pause on deep sea mining as UN agency weighs new mining rules",
     "strategy", None, ()),
    ("Brazil seeks a pause on deep sea mining as it weighs new mining rules", "strategy", "BR", ()),
]


@pytest.mark.parametrize(("title", "type_id", "actor", "targets"), CASES)
def test_actor_and_targets(title: str, type_id: str, actor: str | None, targets: tuple[str, ...]) -> None:
    events = [e for e in TAGGER.tag(title, "", PUB).events if e.type == type_id]
    assert events, title
    assert (events[0].actor, tuple(events[0].targets)) == (actor, targets)


@pytest.mark.parametrize(("summary", "actor"), [
    # a country that only names a company's home is no fallback actor ...
    ("Dutch group with a key role in the chip supply chain says export controls may have been breached",
     None),
    # ... its government is
    ("The Dutch government says export controls may have been breached", "NL"),
])
def test_a_company_home_is_no_fallback_actor(summary: str, actor: str | None) -> None:
    events = [e for e in TAGGER.tag("Toolmaker reveals theft by Chinese employee", summary, PUB).events
              if e.type == "export_control"]
    assert events and events[0].actor == actor
