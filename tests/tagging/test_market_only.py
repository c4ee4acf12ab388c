"""A market report on an act on other goods: the act keeps its type but takes no mineral, and an
entry whose minerals are named only as markets (prices, shares, miners, demand) is not relevant.
Each beside a twin whose act falls on a mineral, or names it as goods. Two market readings of
act words besides: a measure that lifts a price is not lifted, and shipments barred "from
Thursday" are not imports barred from a country.

Own-words sentences; publication on Wednesday 2024-03-13.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.goods import market_only, outside_goods
from ingest.tagging.tagger import Tagger
from ingest.tagging.vocab import Mention

PUB = date(2024, 3, 13)  # a Wednesday

# (negative title, negative summary, its act's type, twin title, twin summary)
PAIRS = [
    ("Copper edges up as US hikes tariffs on Chinese EVs",
     "LME copper rose 0.5% on Tuesday after Washington quadrupled duties on Chinese electric "
     "vehicles to 100%.", "tariff",
     "Copper jumps as US imposes 50% tariff on copper imports", ""),
    ("Lithium stocks fall after China slaps duties on EU brandy", "", "tariff",
     "Lithium stocks fall after China slaps export curbs on lithium technology", ""),
    ("Aluminium prices slip after EU car tariff decision",
     "The EU's vote to impose duties on Chinese EVs weighed on industrial metals on Friday.", "tariff",
     "Aluminium prices slip after EU aluminium tariff decision", ""),
    ("Nickel miners shrug off Indonesia's new EV incentives",
     "Jakarta cut the import duty on electric cars to zero on Monday to lure carmakers.", "tariff",
     "Nickel miners cheer Indonesia's cut in export duty on nickel matte", ""),
    ("Zinc smelters hit by EU sanctions on Russian steel",
     "The EU banned imports of Russian steel slabs from Monday, hurting galvanisers.", "sanction",
     "Zinc smelters hit by EU sanctions on Russian zinc", ""),
]


@pytest.mark.parametrize(("title", "summary", "kind"), [p[:3] for p in PAIRS])
def test_an_act_on_other_goods_beside_a_market_is_not_relevant(tagger: Tagger, title: str,
                                                               summary: str, kind: str) -> None:
    r = tagger.tag(title, summary, PUB)
    assert not r.relevant
    assert kind in {e.type for e in r.events}
    assert all(not e.commodities for e in r.events if e.type == kind)


@pytest.mark.parametrize(("title", "summary"), [p[3:] for p in PAIRS])
def test_an_act_on_the_mineral_is_relevant(tagger: Tagger, title: str, summary: str) -> None:
    assert tagger.tag(title, summary, PUB).relevant


@pytest.mark.parametrize("title", [
    "Canada matches US with tariffs on Chinese EVs, steel and aluminium",
    "US tariffs on Chinese EVs and lithium-ion batteries take effect",
    "Trump's auto tariffs spare copper but hit steel",
    "US tightens chip curbs, China answers with gallium ban",
    "Copper climbs as US puts tariffs on Chinese EVs and Chile taxes copper exports",
])
def test_goods_listed_with_a_mineral_or_a_mineral_as_goods_keep_relevance(tagger: Tagger, title: str) -> None:
    assert tagger.tag(title, "", PUB).relevant


def test_outside_goods_reads_the_trigger_s_object_and_its_modifier() -> None:
    low = "washington raised duties on chinese electric vehicles to 100%."
    t0 = low.index("duties")
    assert outside_goods(low, t0, t0 + len("duties"), [])
    low = "the us steel tariffs took effect."
    t0 = low.index("tariffs")
    assert outside_goods(low, t0, t0 + len("tariffs"), [])
    low = "beijing's ban helps ev makers."  # a verb before the goods: no object
    t0 = low.index("ban")
    assert not outside_goods(low, t0, t0 + 3, [])


def test_market_only_needs_every_mineral_named_as_a_market() -> None:
    def at(text: str, word: str, ident: str) -> Mention:
        i = text.index(word)
        return Mention(ident, i, i + len(word), word, False)
    text = "copper prices rose. lithium miners fell."
    assert market_only(text, [at(text, "copper", "copper"), at(text, "lithium", "lithium")])
    text = "copper prices rose after a ban on lithium exports."
    assert not market_only(text, [at(text, "copper", "copper"), at(text, "lithium", "lithium")])
    assert not market_only(text, [])


@pytest.mark.parametrize(("title", "status"), [
    ("China's gallium export curbs lift prices to 10-year high", "in_effect"),
    ("US steel tariffs lift aluminum premium to record", "in_effect"),
    ("US lifts tariffs on Australian aluminum", "lifted"),
    ("Congo lifts cobalt export ban", "lifted"),
])
def test_a_measure_that_lifts_a_price_is_not_lifted(tagger: Tagger, title: str, status: str) -> None:
    assert {e.status for e in tagger.tag(title, "", PUB).events} == {status}


@pytest.mark.parametrize(("summary", "import_ban"), [
    ("India barred shipments of non-basmati rice from Thursday to cool prices.", False),
    ("Indonesia barred shipments of bauxite ore from the start of next year.", False),
    ("India barred shipments of bauxite ore from Malaysia on Thursday.", True),
    ("India barred shipments of bauxite from Guinea.", True),
])
def test_shipments_barred_from_a_day_are_no_imports(tagger: Tagger, summary: str, import_ban: bool) -> None:
    types = {e.type for e in tagger.tag("Shipments barred", summary, PUB).events}
    assert ("import_restriction" in types) is import_ban
