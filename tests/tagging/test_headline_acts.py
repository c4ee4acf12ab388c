"""English headline-only Google News items about real acts (issue 18), worded unlike the rules'
own examples: outcome phrasing ("no longer allowed to leave"), verbless "X: Y", nominal and
title-case headlines, plus market and company distractors. Parsed as the feed arrives (outlet
suffix removed, summary only the repeated headline) and tagged: each act must give its event
type, a country and the commodity; distractors must stay irrelevant."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from ingest import pipeline, store
from ingest.read.events import event_detail
from ingest.sources.feedlist import FeedSpec
from ingest.sources.parse import parse_feed
from ingest.tagging.tagger import Tagger

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "aggregators" / "headlines"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
# Items still wrong, by headline, with why. A listed miss that starts passing fails the test.
KNOWN_MISSES: dict[str, str] = {}


def _verdict(want: dict | None, res) -> str | None:
    """Why the tags fall short of the expected event (None: right)."""
    if want is None:
        return None if not res.relevant else f"a distractor made {[e.type for e in res.events]}"
    hits = [e for e in res.events if e.type == want["type"]]
    if not hits:
        return f"no {want['type']} event (got {[e.type for e in res.events]})"
    if not any(set(want["countries"]) & set(e.countries + ((e.actor,) if e.actor else ()))
               for e in hits):
        return f"countries {[e.countries for e in hits]} lack {want['countries']}"
    if not any(want["commodity"] in e.commodities for e in hits):
        return f"commodities {[e.commodities for e in hits]} lack {want['commodity']}"
    return None


@pytest.fixture(scope="module")
def verdicts() -> dict[str, str | None]:
    body = (FIXTURES / EXPECTED["feed"]).read_bytes()
    parsed = parse_feed(body, {"content-type": "application/rss+xml"},
                        "https://news.google.com/rss/search?q=x", datetime(2026, 3, 1, tzinfo=UTC))
    assert parsed.error is None
    by_title = {a.title: a for a in parsed.articles}
    tagger = Tagger()
    out: dict[str, str | None] = {}
    for item in EXPECTED["items"]:
        art = by_title[item["headline"]]  # the " - Outlet" suffix is gone
        assert art.headline_only
        out[item["headline"]] = _verdict(item["event"], tagger.tag(art.title, art.summary,
                                                                   art.published_at))
    return out


def test_headline_only_acts_give_their_event(verdicts: dict[str, str | None]) -> None:
    misses = {h: why for h, why in verdicts.items() if why and h not in KNOWN_MISSES}
    fixed = [h for h in KNOWN_MISSES if verdicts[h] is None]
    assert not misses, "\n".join(f"{k}: {v}" for k, v in misses.items())
    assert not fixed, f"now right, drop from KNOWN_MISSES: {fixed}"


# Held-out sets (README.md here): written before the rules were tuned on them, served from
# 127.0.0.1 and ingested through the real fetch, parse, language and tagging path. Floors are
# the figures measured last (set A: 41 English acts, 16 in other languages, 23 negatives; set
# B: 15, 7, 10; first runs in docs/aggregators.md): acts of the right type, country and
# commodity per group, and at most this many negatives made relevant.
HELD_OUT = {"a": {"en": 40, "other": 16, "false": 0},
            "b": {"en": 15, "other": 7, "false": 0}}
TYPES = {".json": "application/json", ".xml": "application/rss+xml; charset=utf-8"}


def _served(feed_server, db_url: str, items: list[dict]) -> dict[str, dict]:
    """Ingest the items' feeds as served on 127.0.0.1; headline -> the stored article and the
    (type, countries, commodities) of each event it reports."""
    specs = [FeedSpec(name, feed_server.feed(f"/{name}", (FIXTURES / name).read_bytes(),
                                             Content_Type=TYPES[Path(name).suffix]))
             for name in sorted({i["feed"] for i in items})]
    engine = store.connect(db_url)
    summary = pipeline.run(engine, specs, tagger=Tagger())
    assert summary.count("ok") == len(specs), summary.line()
    a, ea = store.articles, store.event_articles
    with engine.connect() as conn:
        out = {r.title: {"row": r, "events": []} for r in conn.execute(select(a))}
        rows = conn.execute(select(ea.c.event_id, a.c.title).join(a, a.c.id == ea.c.article_id))
        for r in rows.all():
            d = event_detail(engine, r.event_id)
            out[r.title]["events"].append((d["type"], set(d["countries"]), set(d["commodities"])))
    engine.dispose()
    return out


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_held_out_headlines_through_the_fetch_path(feed_server, db_url, name: str) -> None:
    items = json.loads((FIXTURES / f"heldout-{name}.json").read_text(encoding="utf-8"))["items"]
    stored = _served(feed_server, db_url, items)
    right = {"en": 0, "other": 0}
    false, wrong = [], []
    for item in items:
        got, want = stored[item["headline"]], item["event"]
        assert got["row"].headline_only
        if want is None:
            if got["row"].relevant:
                false.append(item["headline"])
            continue
        ok = any(t == want["type"] and set(want["countries"]) & c and want["commodity"] in m
                 for t, c, m in got["events"])
        right["en" if item["language"] == "en" else "other"] += ok
        if not ok:
            wrong.append(f"{item['headline']}: got {got['events']}")
    floor = HELD_OUT[name]
    assert right["en"] >= floor["en"] and right["other"] >= floor["other"], "\n".join(wrong)
    assert len(false) <= floor["false"], false



# Headline grammar, own-words headlines unlike the fixtures': verbs of outlawing and blocking,
# the bare verb "stop", an order signed, rules named by their commodity, "Topic: Country verbs".
@pytest.mark.parametrize(("title", "type_", "actor", "status"), [
    ("Ghana Outlaws Exports Of Raw Manganese", "export_control", "GH", "in_effect"),
    ("Beijing blocks antimony deliveries to Washington", "export_control", "CN", "in_effect"),
    ("Malawi stops rare earth exports", "export_control", "MW", "in_effect"),
    ("Biden signs order on critical mineral supply chains", "strategy", "US", None),
    ("Beijing's new rare earth rules: quotas for every smelter", "strategy", "CN", None),
    ("Tin export ban: Myanmar extends halt", "export_control", "MM", None),
    ("Lula unveils plan to put Brazil's rare earths under state control", "strategy", "BR", None),
    ("Critical Raw Materials Act: Commission names new strategic projects", "strategy", "EU", None),
    ("Beijing restricts tungsten", "export_control", "CN", None),  # the goods, no "exports"
    ("EU probes Chinese graphite dumping", "investigation", "EU", None),
    ("Export halt on unprocessed tantalum in Rwanda", "export_control", "RW", None),  # nominal, "in X"
    ("Ban on graphite exports from December, says Beijing", "export_control", "CN", None),
    ("Harare caps lithium exports", "export_control", "ZW", None),
    ("Seoul Grants $90m To Graphite Anode Plant", "investment", "KR", None),
    ("Peru puts copper under state control", "production_control", "PE", None),
    ("Tokyo orders Chinese fund to sell shares in rare earth miner", "sanction", "JP", None),
    # capitals say nothing of names in a title-case or all-capitals headline
    ("INDONESIA BANS NICKEL ORE EXPORTS", "export_control", "ID", None),
    ("Analysis: Beijing's Graphite Export Curbs Bite", "export_control", "CN", None),
    # "X to <verb>": announced, whatever the verb
    ("Ottawa to fund graphite projects with C$400m", "investment", "CA", "announced"),
    # a company named by the nearer country: "Chinese Investors" are not Australia's
    ("Australia Orders Chinese Investors To Sell Rare Earth Stakes", "sanction", "AU", None),
    ("Beijing challenges Washington's graphite tariffs at the WTO", "investigation", "CN", None),
    ("Vietnam To Stop Exports Of Rare Earth Ore", "export_control", "VN", "announced"),
    ("EU to launch probe into Chinese graphite anodes", "investigation", "EU", "announced"),
])
def test_headline_grammar_gives_the_act(tagger: Tagger, title: str, type_: str, actor: str,
                                        status: str | None) -> None:
    res = tagger.tag(title, "", datetime(2025, 6, 11, tzinfo=UTC))
    ev = next((e for e in res.events if e.type == type_), None)
    assert res.relevant and ev is not None, res
    assert ev.actor == actor or actor in ev.countries
    if status is not None:
        assert ev.status == status


@pytest.mark.parametrize("title", [
    "Cobalt export ban: Congo miners cheer price rebound",  # the colon's country is no subject
    "Graphite prices: China exports fall in May",
    "Lithium stocks: Chile rules out nationalisation",
    "Bus maker stops exports of spare parts",
    "Lithium miner unveils plan to double output",
    "Restricted lithium supply lifts prices",
    "Port strike halts copper exports from Chile",  # a subject that is no state, then "from X"
    "Lithium output capped as exports slow",
    "Miner grants $5m to Congo school near cobalt mine",
    "Bank backs lithium startup with $50m",
    "China's CMOC Raises Cobalt Output",  # an owner's capitalised name is still a company
    "CHINA'S CMOC RAISES COBALT OUTPUT",
    "Kazakhstan's Ban On Bitcoin Mining Hits Power-Hungry Miners",
    "Police probe nickel theft at Sudbury smelter",
    "Nickel buyers to stop paying premiums as Indonesian supply swells",
])
def test_market_headlines_with_the_same_words_stay_irrelevant(tagger: Tagger, title: str) -> None:
    assert not tagger.tag(title, "", datetime(2025, 6, 11, tzinfo=UTC)).relevant
