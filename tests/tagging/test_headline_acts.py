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
