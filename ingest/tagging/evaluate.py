"""Score the tagger on a labelled set: precision, recall and F1 per field, and date accuracy."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..settings import LABELLED_DIR
from .tagger import Tagger, TagResult

DEV_SET = LABELLED_DIR / "dev.jsonl"
FIELDS = ("relevance", "event_types", "countries", "commodities")


class LabelledSetError(Exception):
    """The labelled file is unreadable or a line is malformed (the message names the line)."""


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], pred: set[Any]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores over a labelled set, plus the misses for reading."""

    n: int = 0
    scores: dict[str, PRF] = field(default_factory=lambda: {f: PRF() for f in FIELDS})
    dates_total: int = 0
    dates_correct: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.dates_correct / self.dates_total if self.dates_total else 1.0

    def table(self) -> str:
        lines = [f"{'field':<14}{'precision':>10}{'recall':>10}{'F1':>8}   ({self.n} articles)"]
        for name in FIELDS:
            s = self.scores[name]
            lines.append(f"{name:<14}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}")
        lines.append(f"{'dates':<14}{'accuracy':>10}{self.date_accuracy:>18.3f}   "
                     f"({self.dates_correct}/{self.dates_total})")
        return "\n".join(lines)


def load(path: Path = DEV_SET) -> list[dict[str, Any]]:
    """Read a labelled JSON Lines file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LabelledSetError(f"{path}: cannot read: {exc.strerror or exc}") from None
    items = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            item["gold"]["relevant"]  # noqa: B018 - presence check
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise LabelledSetError(f"{path}:{i}: not a labelled item ({exc})") from None
        items.append(item)
    return items


def parse_time(value: str) -> datetime:
    """ISO 8601 to aware UTC (a naive time is taken as UTC)."""
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _fmt(d: Any, precision: str) -> str:
    iso = d.isoformat()
    return iso[:4] if precision == "year" else iso[:7] if precision == "month" else iso


def score(items: Iterable[dict[str, Any]], tagger: Tagger | None = None) -> Report:
    """Tag every item and compare with its gold labels."""
    tagger = tagger or Tagger()
    rep = Report()
    for item in items:
        gold = item["gold"]
        res: TagResult = tagger.tag(item.get("title", ""), item.get("summary", ""),
                                    parse_time(item["published"]))
        rep.n += 1
        rep.scores["relevance"].add({1} if gold["relevant"] else set(), {1} if res.relevant else set())
        pred_types = {e.type for e in res.events}
        gold_types = set(gold.get("event_types", []))
        rep.scores["event_types"].add(gold_types, pred_types)
        rep.scores["countries"].add(set(gold.get("countries", [])), set(res.countries))
        gold_comm = set(tagger.tax.rollup(gold.get("commodities", [])))
        rep.scores["commodities"].add(gold_comm, set(res.commodities))
        for g in gold.get("dates", []):
            rep.dates_total += 1
            prec = g.get("precision", "day")
            if any(e.type == g["type"] and _fmt(e.date, prec) == g["date"] for e in res.events):
                rep.dates_correct += 1
            else:
                got = sorted({f"{e.date}" for e in res.events if e.type == g["type"]})
                rep.errors.append(f"{item['id']}: date {g['type']} {g['date']} got {got}")
        for name, gs, ps in (("types", gold_types, pred_types),
                             ("countries", set(gold.get("countries", [])), set(res.countries)),
                             ("commodities", gold_comm, set(res.commodities))):
            if gs != ps:
                rep.errors.append(f"{item['id']}: {name} missing {sorted(gs - ps)} extra {sorted(ps - gs)}")
        if gold["relevant"] != res.relevant:
            rep.errors.append(f"{item['id']}: relevant gold={gold['relevant']} got={res.relevant}")
    return rep
