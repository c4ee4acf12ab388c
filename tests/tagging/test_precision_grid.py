"""Precision grid: for each general reason a reader knows a trigger word names no act of its
type, own-words hard negatives and, beside them, close positives in the same frame with a real
government act of that type (the positives guard recall).

Reasons: a tariff in its price sense, set by a regulator for a port, rail line or utility; talks
named only as a condition ("unless talks resolve"); a deal named only as the topic of talks or negotiations;
a leader's visit to a factory or mine, not to a state; a duty cut that is the content of the
agreement that makes it (one act, the agreement); a measure named only in the condition of
an imagined outcome ("prices could rebound if China curbs output"); a penalty a domestic
regulator imposes for pollution or safety, not a trade sanction; an export levy, an act of
another type (the exporting state's export control, not a tariff); an order whose content is
a probe (the probe, not a strategy); companies as the parties of a partnership; rules said to
be paused (a measure suspended, not a strategy); a power granted to act, not the act; market
talk of a measure; a company officer meeting a leader (no meeting of states); reports of a
measure called false; a bank's forecast; a pact a think tank proposes."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 6, 12)
_TAGGER = Tagger()


def _types(title: str, summary: str) -> set[str]:
    return {e.type for e in _TAGGER.tag(title, summary, PUB).events}


# (title, summary, the type that must not be found, the types that must stay found)
NEGATIVES = [
    # a regulator's price for a port, rail line or utility, not a duty on goods
    ("Ports regulator approves tariff rise for manganese shippers",
     "The regulator allowed the port operator to lift cargo dues by 4% on chrome ore from April.",
     "tariff", set()),
    ("Energy regulator approves 12% tariff increase for aluminium smelters",
     "The power utility may charge the nickel and aluminium plants more from July.", "tariff", set()),
    # talks named only as a condition of another act
    ("EU to put duties on Chinese graphite",
     "The Commission said on Wednesday it would impose tariffs on graphite from China from July "
     "unless talks with Beijing resolve its concerns.", "talks", {"tariff"}),
    ("US to curb cobalt imports from Congo",
     "Washington will restrict cobalt imports from August if talks with Kinshasa fail.", "talks",
     {"import_restriction"}),
    # a deal named only as the topic of talks or negotiations
    ("Russia shells port before key lithium deal talks between Chile and China",
     "Officials will meet next week.", "agreement", set()),
    ("Hungary bans nickel imports from Ukraine",
     "The move raises the stakes of negotiations to renew a deal on cobalt shipments.", "agreement",
     {"import_restriction"}),
    # a leader's visit to a site, not a meeting of states
    ("China hints rare earths could be a weapon",
     "President Xi Jinping had visited a rare earth magnet maker in Jiangxi province days earlier.",
     "summit", set()),
    ("Widodo tours nickel smelter",
     "President Joko Widodo visited the Morowali nickel smelter on Tuesday.", "summit", set()),
    # the content of an agreement named by the agreement's own participle or relative clause
    ("EU and Chile sign trade deal",
     "Brussels and Santiago on Wednesday signed a framework agreement that removes duties on "
     "lithium and copper.", "tariff", {"agreement"}),
    ("EU and Chile sign trade pact",
     "The Advanced Framework Agreement, signed in Brussels on Wednesday, removes most tariffs on "
     "lithium and copper.", "tariff", {"agreement"}),
    # an export levy is an export control's tax, not a tariff
    ("Indonesia imposes export levy on copper concentrate",
     "The finance ministry regulation took effect this week.", "tariff", {"export_control"}),
    ("Zimbabwe slaps export duty on lithium concentrate", "", "tariff", {"export_control"}),
    # an order that only sets off a probe
    ("Trump orders probe into critical mineral imports",
     "The president signed an order on Tuesday asking Commerce to examine whether imports of "
     "processed critical minerals threaten national security.", "strategy", {"investigation"}),
    # companies as the parties of a partnership a state requires
    ("Chile moves to put state in charge of lithium",
     "President Boric said on Thursday that private companies will have to team up with a "
     "state-controlled firm to mine lithium under a new national strategy.", "agreement", {"strategy"}),
    # rules paused are a measure suspended
    ("Trump and Xi agree truce: rare earth rules paused",
     "Donald Trump said on Thursday China would suspend for a year the export controls it "
     "announced on Oct. 9.", "strategy", {"export_control"}),
    ("Clock ticks on China's paused rare earth rules",
     "Beijing's suspension of its rare earth export controls ends on Nov. 10.", "strategy",
     {"export_control"}),
    # a power granted to act
    ("China rare earth rules take effect",
     "The rules also empower the industry ministry to set total output quotas for rare earths.",
     "production_control", set()),
    ("New law gives president power to impose tariffs on critical minerals",
     "The bill gives the president the power to impose tariffs on imported lithium.", "tariff", set()),
    # market talk of a measure
    ("Copper climbs as traders eye Fed",
     "Copper rose 1% on the LME as talk of US tariffs faded.", "tariff", set()),
    # a company officer meeting a leader
    ("Glencore CEO meets Congo president on cobalt",
     "Glencore's chief executive met President Tshisekedi to discuss cobalt output.", "summit", set()),
    # reported, then denied; forecast by a bank; proposed by no government
    ("Graphite market calm",
     "The commerce ministry said reports of new graphite export controls were false.",
     "export_control", set()),
    ("Bank of America expects China to impose antimony curbs",
     "BofA analysts expect Beijing to restrict antimony exports this year.", "export_control", set()),
    ("Think tank proposes US-Japan critical minerals pact",
     "A report by CSIS proposed a critical minerals agreement between Washington and Tokyo.",
     "agreement", set()),
    # a regulator's penalty for harm to people or nature
    ("Nickel miner sanctioned by environmental agency over pollution", "", "sanction", set()),
    ("Indonesian regulator sanctions nickel smelter for pollution",
     "The environment ministry sanctioned the Weda Bay smelter for dumping waste.", "sanction", set()),
    ("Lithium firm sanctioned for safety breaches",
     "Chile's mining safety regulator sanctioned the company.", "sanction", set()),
    # a measure only in the condition of an imagined outcome
    ("Lithium price could rebound if China curbs output, says Macquarie", "", "production_control", set()),
    ("Copper would jump if the US imposes tariffs on Chilean cathodes, analysts said", "", "tariff", set()),
]

# the same frames with the act itself
POSITIVES = [
    ("Trade ministry approves tariff rise on Chinese aluminium",
     "The ministry raised the import duty on aluminium from China to 15% on Monday.", {"tariff"}),
    ("South Africa imposes export tariff on chrome ore",
     "The finance ministry said the duty on chrome ore exports applies from April.", {"tariff"}),
    ("EU and China hold talks on graphite tariffs",
     "Officials from the EU and China held talks in Brussels on Wednesday on graphite duties.",
     {"talks"}),
    ("Chile and China sign lithium deal after talks",
     "The two governments signed the lithium agreement in Santiago on Tuesday.", {"agreement"}),
    ("US and Japan sign critical minerals deal",
     "The two countries signed a critical minerals trade agreement on Tuesday.", {"agreement"}),
]


@pytest.mark.parametrize(("title", "summary", "absent", "kept"), NEGATIVES)
def test_hard_negative(title: str, summary: str, absent: str, kept: set[str]) -> None:
    types = _types(title, summary)
    assert absent not in types
    assert kept <= types


@pytest.mark.parametrize(("title", "summary", "kept"), POSITIVES)
def test_close_positive(title: str, summary: str, kept: set[str]) -> None:
    assert kept <= _types(title, summary)
