"""Score consolidation on the labelled acts set: B-cubed over reports, markers, merges, dates.

Each labelled report is tagged, turned into reports and grouped with the rest. An article is
filed under the best-sourced act among those its reports joined; an article no act took is a
group of its own. Distractors (`act: null`) are groups of their own in the gold clustering.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..settings import LABELLED_DIR
from ..tagging.evaluate import LabelledSetError, parse_time, read_jsonl
from ..tagging.tagger import Tagger
from .consolidate import consolidate
from .misses import misses
from .model import Act, Report
from .reports import article_reports

ACTS_SET = LABELLED_DIR / "acts.jsonl"
ACTS_GOLD = LABELLED_DIR / "acts-gold.toml"
DATE_TOLERANCE = 1  # days


@dataclass
class ActsReport:
    """The figures `evaluate --acts` prints."""

    reports: int = 0
    gold_acts: int = 0
    found: int = 0
    markers_per_act: float = 0.0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    wrong_merges: int = 0
    distractors_merged: int = 0
    dates_right: float = 0.0
    links_right: int = 0
    links_total: int = 0
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def table(self) -> str:
        return "\n".join([
            f"acts found          {self.found}/{self.gold_acts}   ({self.reports} reports)",
            f"markers per act     {self.markers_per_act:.2f}",
            f"B-cubed precision   {self.precision:.3f}",
            f"B-cubed recall      {self.recall:.3f}",
            f"B-cubed F1          {self.f1:.3f}",
            f"wrong merges        {self.wrong_merges}   (distractors merged: {self.distractors_merged})",
            f"dates right         {self.dates_right:.3f}   (announced or in force, +-{DATE_TOLERANCE} day)",
            f"modifies links      {self.links_right}/{self.links_total}",
            *self.merges(),
        ])

    def merges(self) -> list[str]:
        """The wrong merges, each as "wrong merge <act> <type>: {gold act: articles}" (always
        printed: a wrong merge hides an act, the worst error consolidation can make)."""
        return [e for e in self.errors if e.startswith("wrong merge")]


def load_set(path: Path = ACTS_SET, gold_path: Path = ACTS_GOLD) -> tuple[list[dict[str, Any]],
                                                                           dict[str, dict[str, Any]]]:
    """The labelled reports and the gold acts by id."""
    items = [item for _i, item in read_jsonl(path, "a labelled report",
                                               lambda item: (item["id"], item["published"], item["url"]))]
    try:
        gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LabelledSetError(f"{exc.filename}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LabelledSetError(f"{gold_path}: not TOML: {exc}") from None
    return items, {a["id"]: a for a in gold.get("act", [])}


def predict(items: list[dict[str, Any]], tagger: Tagger | None = None) -> list[Act]:
    """Tag and consolidate the labelled reports (article id = the item's id)."""
    return consolidate(item_reports(items, tagger))


def item_reports(items: list[dict[str, Any]], tagger: Tagger | None = None) -> list[Report]:
    """The reports the tagger makes of the labelled items (article id = the item's id)."""
    tagger = tagger or Tagger()
    reports: list[Report] = []
    for it in items:
        res = tagger.tag(it.get("title", ""), it.get("summary", ""), parse_time(it["published"]))
        reports += article_reports(it["id"], it["url"], "", it.get("title", ""),
                                   it.get("summary", ""), parse_time(it["published"]),
                                   res.countries, res.commodities,
                                   [(e, e.evidence) for e in res.events], weak=not res.relevant)
    return reports


def _primary(acts: list[Act]) -> dict[str, Act]:
    """Each article's act: among the acts its reports joined, the one it reports the freshest
    (a report stating no date, or a date not before the article, is fresh; "after last week's
    summit" in a story about the suspension that followed is background), then the
    best-sourced."""
    best: dict[str, tuple[tuple[int, int, int], Act]] = {}
    for rank, a in enumerate(sorted(acts, key=lambda a: (-a.sources, -len(a.reports), a.first_seen, a.id))):
        for r in a.reports:
            key = (_staleness(r), rank, 0)
            if r.article_id not in best or key < best[r.article_id][0]:
                best[r.article_id] = (key, a)
    return {aid: a for aid, (_k, a) in best.items()}


def _staleness(r: Report) -> int:
    """Days by which the date a report states lies before its article (0: news)."""
    if r.date is None or r.date.end >= r.day:
        return 0
    return (r.day - r.date.end).days


def _date_right(act: Act, gold: dict[str, Any]) -> bool:
    wanted = [date.fromisoformat(d) for d in (gold.get("announced_date"), gold.get("effective_date")) if d]
    got = [s.start for s in (act.announced, act.effective) if s is not None and s.precision == "day"]
    return any(abs((g - w).days) <= DATE_TOLERANCE for g in got for w in wanted)


def score(items: list[dict[str, Any]], gold: dict[str, dict[str, Any]],
          acts: list[Act] | None = None) -> ActsReport:
    """Compare predicted acts with the gold acts."""
    reports = item_reports(items)
    acts = consolidate(reports) if acts is None else acts
    label = {it["id"]: it.get("act") for it in items}
    primary = _primary(acts)
    rep = ActsReport(reports=len(items), gold_acts=len(gold))
    # B-cubed: predicted group of an article = its primary act (or itself alone).
    pred = {aid: (primary[aid].id if aid in primary else f"solo:{aid}") for aid in label}
    gold_of = {aid: (g if g else f"solo:{aid}") for aid, g in label.items()}
    p_members: dict[str, set[str]] = {}
    g_members: dict[str, set[str]] = {}
    for aid in label:
        p_members.setdefault(pred[aid], set()).add(aid)
        g_members.setdefault(gold_of[aid], set()).add(aid)
    ps = [len(p_members[pred[a]] & g_members[gold_of[a]]) / len(p_members[pred[a]]) for a in label]
    rs = [len(p_members[pred[a]] & g_members[gold_of[a]]) / len(g_members[gold_of[a]]) for a in label]
    rep.precision, rep.recall = sum(ps) / len(ps), sum(rs) / len(rs)
    rep.f1 = 2 * rep.precision * rep.recall / (rep.precision + rep.recall) if rep.precision + rep.recall else 0.0
    main_of = _acts_figures(rep, acts, gold, label)
    rep.misses = misses(items, reports, acts, main_of, primary)
    return rep


def _acts_figures(rep: ActsReport, acts: list[Act], gold: dict[str, dict[str, Any]],
                  label: dict[str, str | None]) -> dict[str, Act]:
    """Fill in the act-level figures; return each gold act's main act (most of its reports)."""
    markers, dated = [], 0
    by_id = {a.id: a for a in acts}
    main_of: dict[str, Act] = {}
    primary = _primary(acts)
    for a in acts:  # an act's articles: those filed under it (see _primary)
        labels = Counter(label.get(r.article_id) for r in a.reports
                         if primary.get(r.article_id) is a)
        real = {g for g in labels if g}
        if len(real) > 1:
            rep.wrong_merges += 1
            rep.errors.append(f"wrong merge {a.id} {a.type}: {dict(labels)}")
        if real and labels.get(None):
            rep.distractors_merged += labels[None]
    for gid, g in gold.items():
        mine = [a for a in acts if a.type == g["type"]
                and any(label.get(r.article_id) == gid for r in a.reports)]
        if not mine:
            rep.errors.append(f"not found: {gid}")
            continue
        main = max(mine, key=lambda a: (sum(label.get(r.article_id) == gid for r in a.reports),
                                        a.sources, a.id))
        main_of[gid] = main
        rep.found += 1
        markers.append(len(mine))
        if len(mine) > 1:
            rep.errors.append(f"{gid}: {len(mine)} markers")
        if _date_right(main, g):
            dated += 1
        else:
            rep.errors.append(f"{gid}: dates {main.announced} / {main.effective}, gold "
                              f"{g.get('announced_date')} / {g.get('effective_date')}")
    for gid, g in gold.items():
        if g.get("modifies") and gid in main_of:
            rep.links_total += 1
            target = by_id.get(main_of[gid].modifies or "")
            if target is not None and main_of.get(g["modifies"]) is target:
                rep.links_right += 1
            else:
                rep.errors.append(f"{gid}: modifies {main_of[gid].modifies or 'nothing'}, gold "
                                  f"{g['modifies']} ({getattr(main_of.get(g['modifies']), 'id', 'not found')})")
    rep.markers_per_act = sum(markers) / len(markers) if markers else 0.0
    rep.dates_right = dated / len(gold) if gold else 1.0
    return main_of
