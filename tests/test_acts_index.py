"""Acts: the candidate index finds exactly the acts a scan of every act would join.

`group_reports` looks a report's candidates up by mineral (its own type) and country (a
meeting's outcome) instead of trying every act of the type in the months around it. The
acts must not change: the same groups, the same reports in each, ties broken the same way.
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime, timedelta

import pytest

from ingest.acts.evaluate import item_reports, load_set
from ingest.acts.model import Report
from ingest.acts.reports import article_reports
from ingest.tagging.tagger import Tagger
from tests.benchmarks.synth import articles
from tests.test_acts import rep

consolidate = importlib.import_module("ingest.acts.consolidate")  # the package exports a function of that name


def _synthetic(tagger: Tagger, n: int = 1000) -> list[Report]:
    """Synthetic articles squeezed into three months, so that many acts are candidates."""
    out: list[Report] = []
    start = datetime(2025, 1, 1, 8, tzinfo=UTC)
    for i, (title, body, _pub) in enumerate(articles(n, 600, seed=11)):
        pub = start + timedelta(days=i % 90, minutes=i)
        res = tagger.tag(title, body, pub)
        out += article_reports(f"s{i}", f"https://s{i % 7}.example/{i}", "", title, body, pub,
                               res.countries, res.commodities, [(e, e.evidence) for e in res.events],
                               weak=not res.relevant)
    return out


def _shape(reports: list[Report]) -> list[tuple[str, tuple[str, ...]]]:
    return [(g.founder.id, tuple(r.id for r in g.reports)) for g in consolidate.group_reports(reports)]


def _meetings() -> list[Report]:
    """A meeting, the agreement reached at it the same day, and talks of other parties."""
    out = []
    for k, (a, b) in enumerate([("US", "CN"), ("JP", "CN"), ("US", "JP"), ("AU", "IN")] * 3):
        day = f"2025-{1 + k % 3:02d}-{10 + k:02d}"
        out += [rep(100 + 3 * k, f"{day}T06:00", type_="summit", actor=None, countries=(a, b),
                    commodities=(), status="held", headline=f"Leaders of {a} and {b} meet"),
                rep(101 + 3 * k, f"{day}T15:00", type_="agreement", actor=None, countries=(a, b, "KR"),
                    commodities=("rare_earths",), status="in_effect",
                    headline=f"{a} and {b} meeting yields a minerals pact"),
                rep(102 + 3 * k, f"{day}T18:00", type_="talks", actor=None, countries=(a, "KR"),
                    commodities=(), status="held", headline=f"{a} and Seoul hold talks")]
    return out


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    tagger = Tagger()
    return item_reports(load_set()[0], tagger) + _synthetic(tagger) + _meetings()


def test_index_groups_as_a_scan_of_every_act(reports: list[Report], monkeypatch: pytest.MonkeyPatch) -> None:
    indexed = _shape(reports)
    assert sum(len(ids) > 1 for _f, ids in indexed) > 50  # the corpus does join reports
    assert any(r.kind == "mention" for r in reports)
    type_of = {r.id: r.type for r in reports}
    assert any(len({type_of[i] for i in ids}) > 1 for _f, ids in indexed)  # a meeting and its outcome
    # Every act of the bucket, whatever minerals and countries it names: the plain scan.
    monkeypatch.setattr(consolidate._Bucket, "having", lambda self, facets, unnamed: (g for _n, g in self.all))
    assert _shape(reports) == indexed
