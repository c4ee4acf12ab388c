"""Precision on 2024-style hard negatives: a measure only feared, rumoured or guessed at by people
in trade (traders, executives, lawyers, a market "on worries"), one asked for by lawmakers
who write to or press an official, and a kind of measure an opinion piece argues about; each
beside a twin in which a state really acts.

Own-words sentences; publication on Wednesday 2024-03-13.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 3, 13)  # a Wednesday

# (negative title, negative summary, twin title, twin summary, the twin's type)
PAIRS = [
    # a fear that a state could act, told as the market's
    ("Traders fear Beijing could curb antimony shipments", "",
     "Beijing curbs antimony shipments", "", "export_control"),
    ("Lithium shares slide",
     "Shares of the producer slid on worries the government could seize lithium operations.",
     "Lithium shares slide",
     "Shares of the producer slid after the government seized lithium operations.",
     "production_control"),
    ("Cobalt jitters", "Prices rose on fears Kinshasa might halt cobalt exports again.",
     "Cobalt halt", "Prices rose after Kinshasa halted cobalt exports again on Monday.",
     "export_control"),
    # people in trade guessing at what a state will do
    ("Nickel pig iron exports in doubt",
     "Smelter executives said the government might halt nickel pig iron exports.",
     "Nickel pig iron exports to stop",
     "The mines minister said the government would halt nickel pig iron exports from January.",
     "export_control"),
    ("Graphite outlook",
     "A second Trump term could bring duties on Chinese graphite, trade lawyers said.",
     "Graphite outlook", "Trump said a second term would bring duties on Chinese graphite.",
     "tariff"),
    # talk of a measure, and a measure only possible
    ("Speculation grows over a Zimbabwe lithium export ban", "",
     "Zimbabwe bans lithium concentrate exports, ending months of speculation", "",
     "export_control"),
    ("Copper climbs",
     "Copper jumped as metal flowed into the US ahead of possible import duties, analysts said.",
     "Copper climbs",
     "Copper jumped after the US imposed import duties on the metal, analysts said.", "tariff"),
    ("Copper premiums rise after US tariff scare", "",
     "Copper premiums rise after US tariff on the metal", "", "tariff"),
    # lawmakers who write to or press an official ask; the official who answers acts
    ("Graphite duties sought",
     "Twelve senators wrote to the Commerce Secretary on Monday asking her to impose duties on "
     "Chinese graphite.",
     "Graphite duties coming",
     "The Commerce Secretary wrote to senators on Monday saying she would impose duties on "
     "Chinese graphite.", "tariff"),
    ("Uranium ban sought",
     "A group of lawmakers sent a letter pressing the administration to bar Russian uranium "
     "imports.",
     "Uranium ban", "The administration on Monday barred imports of Russian uranium.",
     "import_restriction"),
]


@pytest.mark.parametrize(("title", "summary"), [(p[0], p[1]) for p in PAIRS])
def test_a_guess_or_a_wish_is_no_act(tagger: Tagger, title: str, summary: str) -> None:
    r = tagger.tag(title, summary, PUB)
    assert not r.relevant, [(e.type, e.evidence) for e in r.events]


@pytest.mark.parametrize(("title", "summary", "kind"), [(p[2], p[3], p[4]) for p in PAIRS])
def test_the_twin_reports_an_act(tagger: Tagger, title: str, summary: str, kind: str) -> None:
    r = tagger.tag(title, summary, PUB)
    assert r.relevant and kind in {e.type for e in r.events}


def test_an_official_s_own_guess_stays_a_threat(tagger: Tagger) -> None:
    summary = "The commerce ministry said Beijing might curb antimony exports if talks failed."
    r = tagger.tag("Antimony warning", summary, PUB)
    assert {e.type for e in r.events} == {"export_control"}


def test_pressing_to_end_a_measure_names_one_that_stands(tagger: Tagger) -> None:
    summary = ("The billionaire is pressing the president to remove sanctions that were imposed "
               "on his firms over cobalt deals.")
    assert "sanction" in {e.type for e in tagger.tag("Cobalt sanctions row", summary, PUB).events}


# --- an opinion piece arguing about a kind of measure, not one a state took ----------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Opinion: Tariffs on Chinese graphite will backfire",
     "Duties on anode material will raise costs for US battery makers."),
    ("Commentary: Subsidies alone won't build a Western lithium industry",
     "Grants and tax credits need to be matched by price floors, argues a former official."),
    ("Opinion: The West's critical minerals strategy is failing",
     "Subsidies and stockpiles will not break China's grip on rare earths."),
])
def test_an_opinion_on_a_kind_of_measure_is_no_act(tagger: Tagger, title: str, summary: str) -> None:
    r = tagger.tag(title, summary, PUB)
    assert not r.relevant, [(e.type, e.evidence) for e in r.events]


@pytest.mark.parametrize(("title", "summary", "kind"), [
    ("Tariffs on Chinese graphite will take effect on Friday",
     "The USTR said on Tuesday the duties would start at 25%.", "tariff"),
    ("Opinion: Beijing's new graphite curbs will backfire",
     "China's export licences for graphite, in force since December, push buyers elsewhere.",
     "export_control"),
    ("Opinion: Lithium duties were a mistake",
     "The tariffs Washington imposed on Chinese lithium in May have raised costs.", "tariff"),
])
def test_news_or_an_opinion_on_a_real_measure_keeps_it(tagger: Tagger, title: str, summary: str,
                                                       kind: str) -> None:
    r = tagger.tag(title, summary, PUB)
    assert r.relevant and kind in {e.type for e in r.events}


# --- a company's plan, and a crowd's call ------------------------------------------------------

@pytest.mark.parametrize(("title", "summary"), [
    ("Serbia protests swell against Rio's Jadar lithium plan", ""),
    ("Serbia protests swell",
     "Tens of thousands marched in Belgrade on Saturday demanding a ban on lithium mining."),
    ("Belgrade rally", "Thousands rallied in the Serbian capital on Sunday, calling for a "
                       "moratorium on lithium mining."),
])
def test_a_company_s_plan_or_a_crowd_s_call_is_no_act(tagger: Tagger, title: str, summary: str) -> None:
    r = tagger.tag(title, summary, PUB)
    assert not r.relevant, [(e.type, e.evidence) for e in r.events]


@pytest.mark.parametrize(("title", "summary", "kind"), [
    ("Chile's lithium plan rattles investors", "", "strategy"),
    ("Boric's lithium plan rattles investors", "", "strategy"),
    ("Lithium outlook", "The release of the country's state-led national lithium policy opens a new era.",
     "strategy"),
    ("Serbia bans lithium mining", "The government on Saturday banned lithium mining in the Jadar valley.",
     "production_control"),
])
def test_a_state_s_plan_or_act_stays(tagger: Tagger, title: str, summary: str, kind: str) -> None:
    r = tagger.tag(title, summary, PUB)
    assert r.relevant and kind in {e.type for e in r.events}


# --- a policy named by a non-state speaker's guess ---------------------------------------------

@pytest.mark.parametrize("summary", [
    "Investors in the country's nickel industry said they expected little change in mining policy.",
    "Analysts see no shift in Chile's national lithium strategy.",
    "Analysts expect Chile to unveil a national lithium strategy next month.",
])
def test_a_policy_in_a_non_state_guess_is_no_act(tagger: Tagger, summary: str) -> None:
    r = tagger.tag("Mining policy outlook", summary, PUB)
    assert not r.relevant, [(e.type, e.evidence) for e in r.events]


@pytest.mark.parametrize("summary", [
    "Indonesia's mines minister said on Monday there would be no change in mining policy after the election.",
    "Chile on Thursday unveiled a national lithium strategy giving the state majority control.",
])
def test_a_state_s_word_on_its_policy_stays(tagger: Tagger, summary: str) -> None:
    assert "strategy" in {e.type for e in tagger.tag("Mining policy outlook", summary, PUB).events}
