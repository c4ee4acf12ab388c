"""A state's money named by its recipient, metal bought for its reserve, mines it suspends, and
an everyday metal word made a commodity by the trade measure that falls on it.

Each positive has a near twin in which no state acts (a company, a strike, a landslide, a
market) or the word is no metal, so recall is not bought with precision. Written in our own
words.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
PUB = date(2025, 3, 12)

ACTS = [
    # a sum awarded with its recipient named first
    ("Energy Department awards Graphite One $37 million for Alaska anode plant", "", "investment", "US"),
    # the recipient named between the granting verb and the sum; state aid a regulator clears
    ("Graphite miner wins Energy Department grant for Alabama plant",
     "The Energy Department granted Westwater Resources $150 million on Friday for its anode plant.",
     "investment", "US"),
    ("Brussels clears German state aid for lithium refinery",
     "The European Commission on Tuesday approved 90 million euros of German state aid for a lithium "
     "hydroxide refinery in Brandenburg.", "investment", "DE"),
    # a sum in words given to a plant
    ("Tokyo gives 20 billion yen to rare earth separation plant",
     "Japan's industry ministry on Tuesday gave 20 billion yen to a rare earth separation plant.",
     "investment", "JP"),
    # a government funding a factory
    ("Canadian government funds cathode factory in Quebec",
     "Ottawa on Monday funded a nickel and cobalt cathode factory near Montreal.", "investment", "CA"),
    # metal bought for a stockpile or reserve, with or without an article
    ("Seoul to buy tungsten for strategic stockpile",
     "South Korea's procurement agency said on Monday it would buy tungsten for a strategic reserve.",
     "investment", "KR"),
    # a mine suspended, or work at mines halted, by a state
    ("Ghana suspends manganese mine over safety breaches",
     "Ghana's minerals commission on Friday suspended the Nsuta manganese mine.", "production_control", "GH"),
    ("Indonesia halts work at three nickel mines",
     "Indonesia's environment ministry on Monday suspended operations at three nickel mines on Halmahera.",
     "production_control", "ID"),
    ("Bolivia orders tin mines to halt operations",
     "Bolivia's mining ministry on Thursday ordered all tin mines in Potosi to halt operations for a week.",
     "production_control", "BO"),
    # a state ordering its producers to cut exports; a state that stops approving smelters (the
    # financiers a participle names are no actor: "financed by Chinese groups")
    ("Santiago orders Codelco to trim copper exports",
     "Chile's government on Monday ordered state miner Codelco to cut copper exports to China.",
     "export_control", "CL"),
    ("Jakarta stops approving new nickel smelters",
     "Indonesia's industry ministry on Monday stopped approving new nickel smelters financed by "
     "Chinese groups.", "production_control", "ID"),
    # the approved output a ministry cuts; a tax on mining raised by law
    ("Jakarta trims nickel ore quota for next year",
     "Indonesia's energy ministry on Friday cut the approved nickel ore output for 2026 to 250 "
     "million tonnes.", "production_control", "ID"),
    ("Astana lifts uranium mining tax",
     "Kazakhstan's parliament on Thursday passed a law raising the tax on uranium mining to 9%.",
     "strategy", "KZ"),
    # silver, tin and platinum named as the goods of a duty or an export ban
    ("India lifts import duty on silver to 10%",
     "India's finance ministry on Saturday raised the import duty on silver to 10% from 6%.", "tariff", "IN"),
    ("Indonesia bans exports of raw tin",
     "Indonesia's trade ministry on Monday barred exports of raw tin from June.", "export_control", "ID"),
]

NON_ACTS = [
    # a company suspending its own mine; workers or a landslide halting one
    ("Glencore halts Congo cobalt mine on weak prices",
     "Glencore said on Monday it had suspended work at its Mutanda cobalt mine in Congo."),
    ("Strike halts Chilean copper mine",
     "Workers at BHP's Escondida copper mine in Chile walked out on Tuesday, halting the mine."),
    ("Landslide halts Indonesian nickel mine",
     "A landslide at a nickel mine in Sulawesi halted operations on Monday."),
    # traders buying tonnes, not a state's reserve
    ("Chinese buyers snap up 40,000 tonnes of copper",
     "Chinese traders bought 40,000 tonnes of refined copper on Monday as prices fell."),
    # silver as a colour, a medal or a price with no measure on it
    ("Silver medal for Chilean cyclist", "She won silver in the road race on Sunday."),
    ("Silver climbs 2% as dollar weakens", "Silver rose on Tuesday as the dollar slid."),
    # the rules on state aid, not aid given
    ("Lithium developer says state aid rules slow its project",
     "The chief executive of a Portuguese lithium developer said on Monday that EU state aid rules "
     "were too slow."),
    # a company's own output cut
    ("Glencore trims approved cobalt output plan", "Glencore said on Friday it cut its cobalt "
     "output guidance for 2026."),
    # an award that is no money
    ("Pentagon awards medal to miners' rescue team", "The Defense Department honoured the team on Monday."),
]


@pytest.mark.parametrize(("title", "summary", "kind", "actor"), ACTS)
def test_a_state_act_is_read(title: str, summary: str, kind: str, actor: str) -> None:
    result = TAGGER.tag(title, summary, PUB)
    assert result.relevant
    assert (kind, actor) in {(e.type, e.actor) for e in result.events}


@pytest.mark.parametrize(("title", "summary"), NON_ACTS)
def test_no_state_acts(title: str, summary: str) -> None:
    result = TAGGER.tag(title, summary, PUB)
    assert not result.relevant, [(e.type, e.actor, e.evidence) for e in result.events]
