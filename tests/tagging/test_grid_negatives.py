"""Hard negatives in real RSS styles, each naming a country and a mineral and often a trigger
word, that report no government act (a market moving on tariff fears, an analyst's scenario or
forecast, a candidate's promise, a sports body's sanction, producers curbing their own output,
a dispute between companies), and look-alikes that report one and stay found."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 6, 12)


@pytest.mark.parametrize(("title", "summary"), [
    ("Rare earth stocks rally on China export curb speculation",
     "Shares in Australian and US rare earth miners rose as investors bet on tighter Chinese supply."),
    ("Copper premiums in US widen on tariff worries",
     "The Comex premium over London copper hit a record as traders rushed metal into the US."),
    ("Tungsten prices climb in China as mines cut output",
     "Chinese tungsten concentrate rose 10% this month as producers in Jiangxi curbed output for safety checks."),
    ("China could restrict graphite exports, analysts warn",
     "Analysts at Benchmark said Beijing might tighten graphite controls if US tariffs rise."),
    ("Goldman sees 25% US tariff on copper as base case",
     "Goldman Sachs analysts modelled a 25% tariff on copper imports and raised their price forecast."),
    ("What a Trump tariff on Chilean copper would mean for prices",
     "Economists at Citi estimate a 10% tariff would lift US copper prices by 8%."),
    ("Analysts: Indonesia may ban bauxite exports",
     "Bank analysts said Jakarta could ban bauxite exports if smelters fall behind."),
    ("Scenario: a Chinese rare earth embargo on Japan",
     "Consultants at Wood Mackenzie modelled what would happen if China halted rare earth shipments to Japan for a year."),
    ("Lithium outlook: experts predict Chile will tighten control",
     "Industry experts predict Chile will take a larger state stake in lithium, a survey of 40 analysts showed."),
    ("Fitch: Congo cobalt quota possible in 2025",
     "Fitch Solutions said Kinshasa could consider export quotas for cobalt to support prices."),
    ("Traders bet on US duties on Canadian nickel",
     "Hedge funds are positioning for US tariffs on Canadian nickel, brokers said."),
    ("BMI forecasts Chinese germanium export curbs next year",
     "Research firm BMI predicted Beijing would curb germanium exports next year."),
    ("The case against a US copper tariff",
     "Slapping duties on Chilean copper would hurt American manufacturers, writes our columnist."),
    ("Arbitration panel sides with First Quantum in Panama copper contract dispute with partner",
     "A tribunal ruled in favour of the Canadian miner against its Korean co-owner in a copper offtake row."),
    ("Candidate vows to nationalise lithium if elected in Chile",
     "A presidential hopeful promised to put all Chilean lithium under state control if he wins in November."),
    ("Australian opposition promises critical minerals reserve",
     "Opposition leader Peter Dutton promised a rare earths stockpile if his coalition wins the election."),
    ("Indonesia's football federation bans nickel town club", "The club from Morowali was suspended for match-fixing."),
    ("Russia's athletes face sanctions over doping at the Olympics",
     "Russian weightlifters were sanctioned by the sport's body, dimming medal hopes for the nickel-mining town of Norilsk."),
    ("Chilean football club sanctioned for racist chants",
     "Cobresal, the club of the El Salvador copper mine, faced sanctions from the league."),
    ("Chinese swimmer sanctioned by anti-doping agency",
     "The swimmer, sponsored by a lithium battery maker, was suspended for two years."),
])
def test_feared_forecast_promised_or_sporting_measures_are_no_act(
        tagger: Tagger, title: str, summary: str) -> None:
    assert not tagger.tag(title, summary, PUB).relevant


@pytest.mark.parametrize(("title", "summary"), [
    ("Analysts expect China's graphite curbs to lift prices",
     "China imposed licences for graphite exports on Friday, and analysts expect prices to rise."),
    ("Analysts say China's new rare earth curbs could last years",
     "China's commerce ministry on Thursday restricted exports of seven rare earths, and analysts said the curbs could last."),
    ("Copper jumps after Trump announces 50% tariff",
     "US President Donald Trump said on Tuesday he would impose a 50% tariff on copper imports."),
    ("Gallium prices rise on worries over China's export curbs",
     "China's export licences on gallium, imposed on Tuesday, have slowed shipments."),
    ("Chinese tungsten producers cut output after Beijing orders quota cuts",
     "China's natural resources ministry cut tungsten mining quotas by 5% on Tuesday."),
    ("Indonesia's president bans bauxite exports ahead of election",
     "President Joko Widodo said on Wednesday bauxite ore exports would be banned from June, months before the election."),
    ("Trump imposes 25% tariff on copper after taking office",
     "President Trump on Tuesday signed an order imposing 25% tariffs on copper imports, fulfilling a campaign promise."),
    ("US sanctions Russian nickel producer",
     "The Treasury on Wednesday sanctioned a Russian nickel miner, an Olympic sponsor, over the war in Ukraine."),
    ("Canada blocks Chinese takeover of lithium miner",
     "Ottawa ordered a Chinese firm to divest its stake in a lithium company, citing national security, the industry minister said."),
    ("Saudi Arabia's wealth fund buys stake in Brazilian nickel miner",
     "The Public Investment Fund took a 10% stake in Vale's base metals unit on Wednesday as the kingdom seeks critical minerals."),
    ("Court strikes down Indonesia's nickel ore export ban",
     "The WTO panel ruled that Indonesia's ban on nickel ore exports breaches trade rules."),
    ("Campaigners welcome Indonesia's ban on raw bauxite exports",
     "Environmental groups praised the government's decision to ban bauxite ore exports from June."),
    ("Tariff fears lift copper as Trump orders probe",
     "Trump ordered a Section 232 investigation into copper imports on Tuesday."),
])
def test_acts_beside_markets_analysts_and_elections_stay_found(
        tagger: Tagger, title: str, summary: str) -> None:
    assert tagger.tag(title, summary, PUB).relevant


@pytest.mark.parametrize(("title", "summary"), [
    ("Opinion: The West Can't Out-Subsidise China on Batteries",
     "Pouring public money into lithium refineries will not loosen Beijing's hold on the supply chain, our columnist argues."),
    ("Guest essay: A US strategic reserve of cobalt is a bad idea",
     "Stockpiling cobalt would waste taxpayers' money, argues a former Pentagon adviser."),
    ("Looking back: Indonesia's nickel gamble, ten years on",
     "The 2014 ore export ban turned Indonesia into a nickel smelting power, at a cost to its forests."),
    ("A short history of Chile's copper nationalisation",
     "Salvador Allende nationalised the copper mines in 1971, creating what became Codelco."),
])
def test_an_act_only_imagined_judged_or_looked_back_on_is_none(
        tagger: Tagger, title: str, summary: str) -> None:
    assert not tagger.tag(title, summary, PUB).relevant


@pytest.mark.parametrize(("title", "summary"), [
    ("Opinion: Banning nickel ore exports worked for Indonesia",
     "Jakarta's 2020 ban on ore exports built a smelting industry, our columnist argues."),
    ("Opinion: Beijing's new graphite curbs are a wake-up call",
     "China said on Tuesday it would require export licences for graphite from December 1, and the West must respond, our columnist argues."),
    ("Editorial: The EU's Critical Raw Materials Act is a start",
     "The law the EU adopted on Monday sets targets for lithium and rare earth processing, and we welcome it."),
    ("How China's 2023 gallium curbs are reshaping chip supply",
     "China's commerce ministry imposed export licences on gallium and germanium from August 1, 2023."),
    ("Looking back: a year of Indonesia's bauxite ban",
     "Indonesia on Tuesday extended its ban on bauxite ore exports by another year."),
    ("The G20 and mineral security",
     "Charting a path for a G20 agreement on critical minerals would be a major achievement of the Delhi Summit."),
])
def test_an_opinion_or_history_piece_that_tells_an_act_keeps_it(
        tagger: Tagger, title: str, summary: str) -> None:
    assert tagger.tag(title, summary, PUB).relevant


@pytest.mark.parametrize(("title", "summary"), [
    ("Letters: Lithium mining in Cornwall",
     "Readers respond to our report on Cornish lithium, arguing the UK should back domestic mines."),
    ("Opinion: Chile's lithium nationalism will scare investors away",
     "Giving the state a bigger role in lithium may deter the miners Chile needs, our columnist argues."),
    ("Lithium industry summit in Perth draws record crowd",
     "Executives from Chile, Australia and China gathered for the annual Lithium Supply and Markets summit."),
])
def test_an_argument_a_stance_or_a_gathering_of_executives_is_no_act(
        tagger: Tagger, title: str, summary: str) -> None:
    assert not tagger.tag(title, summary, PUB).relevant


@pytest.mark.parametrize(("title", "summary"), [
    ("Letters: Readers on Britain's critical minerals strategy",
     "The government published its critical minerals strategy on Tuesday, setting targets for lithium."),
    ("Mexico nationalises lithium",
     "President Lopez Obrador signed a decree on Saturday placing lithium deposits under state control."),
    ("G7 summit agrees critical minerals action plan",
     "Leaders of the G7 agreed in Canada on Tuesday to build stockpiles of critical minerals."),
])
def test_a_letter_on_a_strategy_a_nationalisation_and_a_g7_summit_stay_found(
        tagger: Tagger, title: str, summary: str) -> None:
    assert tagger.tag(title, summary, PUB).relevant
