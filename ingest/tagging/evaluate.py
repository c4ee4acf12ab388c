"""Score the tagger on a labelled set: precision, recall and F1 per field, per-event actor,
targets and status, date accuracy, and which rule (trigger, status cue, date form) made each
error, so the next fix goes where the errors are.

Two kinds of sets: own-words articles (`data/labelled/dev.jsonl`, texts included) and labels
for real news (`data/labelled/real-news/*.jsonl`, keyed by link; the texts stay in
`../shared/corpora/` and are joined here). See docs/labelling.md and docs/quality.md.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..records import EventRecord
from ..settings import LABELLED_DIR, PROJECT_ROOT
from .blame import Blame
from .tagger import Tagger, TagResult

DEV_SET = LABELLED_DIR / "dev.jsonl"
REAL_LABELS = LABELLED_DIR / "real-news"
CORPORA_DIR = PROJECT_ROOT.parent / "shared" / "corpora"
REAL_CORPORA = ("real-news-2023.jsonl", "real-news-2023-more.jsonl")
FIELDS = ("relevance", "event_types", "countries", "commodities", "events", "targets")
_ROLE_KINDS = ("measure", "strategy")  # kinds that have an actor; meetings and agreements have parties


class LabelledSetError(Exception):
    """The labelled file is unreadable or a line is malformed (the message names the line)."""


class CorporaMissing(Exception):
    """The real-news texts (../shared/corpora) are absent: they are not shipped with the project."""


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
class Accuracy:
    """Right out of scored."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Report:
    """Scores over a labelled set, the disagreements for reading, and error counts per rule."""

    n: int = 0
    scores: dict[str, PRF] = field(default_factory=lambda: {f: PRF() for f in FIELDS})
    actor: Accuracy = field(default_factory=Accuracy)
    status: Accuracy = field(default_factory=Accuracy)
    dates: Accuracy = field(default_factory=Accuracy)
    dates_found: Accuracy = field(default_factory=Accuracy)  # where an event of the type was found
    errors: list[str] = field(default_factory=list)
    patterns: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)  # the first example of each pattern

    def note(self, key_example: tuple[str, str]) -> None:
        """Count one error against its rule."""
        key, example = key_example
        self.patterns[key] += 1
        self.examples.setdefault(key, example)

    @property
    def date_accuracy(self) -> float:
        return self.dates.value

    @property
    def dates_total(self) -> int:
        return self.dates.total

    @property
    def dates_correct(self) -> int:
        return self.dates.right

    def table(self) -> str:
        lines = [f"{'field':<14}{'precision':>10}{'recall':>10}{'F1':>8}   ({self.n} articles)"]
        for name in FIELDS:
            s = self.scores[name]
            if name in ("events", "targets") and not s.tp + s.fp + s.fn:
                continue  # the own-words set labels no per-event fields
            if not s.tp + s.fn:  # nothing to find: precision alone says anything
                lines.append(f"{name:<14}{'–':>10}{'–':>10}{'–':>8}   "
                             f"(none labelled; {s.fp} called wrongly)")
                continue
            lines.append(f"{name:<14}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}")
        for name, acc, what in (("actor", self.actor, "matched measures and strategies"),
                                ("status", self.status, "matched events"),
                                ("dates", self.dates, "dated gold events"),
                                ("dates found", self.dates_found, "of those with an event of the type")):
            if not name.startswith("dates") and not acc.total:
                continue  # the own-words set labels no actor or status
            lines.append(f"{name:<14}{'accuracy':>10}{acc.value:>18.3f}   "
                         f"({acc.right}/{acc.total} {what})")
        return "\n".join(lines)

    def pattern_table(self, top: int) -> str:
        """The most frequent error causes, one per line: count, then kind and rule."""
        rows = self.patterns.most_common(top)
        return "\n".join(f"{n:>5}  {key}  e.g. {self.examples.get(key, '')!r}" for key, n in rows)


# --- loading ----------------------------------------------------------------------------


def read_jsonl(path: Path, what: str, check: Callable[[Any], object]) -> list[tuple[int, dict[str, Any]]]:
    """The JSON objects of a labelled file with their line numbers, blank lines skipped.

    `check` reads the fields a line must have; a line that is not JSON, or that `check`
    finds wanting (KeyError, TypeError), is a LabelledSetError naming it as not `what`.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LabelledSetError(f"{path}: cannot read: {exc.strerror or exc}") from None
    out = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            check(item)
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise LabelledSetError(f"{path}:{i}: not {what} ({exc})") from None
        out.append((i, item))
    return out


def _jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    return read_jsonl(path, "a labelled item", lambda item: item["gold"]["relevant"])


def load(path: Path = DEV_SET) -> list[dict[str, Any]]:
    """Read a labelled JSON Lines file of own-words articles (texts included)."""
    return [item for _i, item in _jsonl(path)]


def corpus_texts(folder: Path) -> dict[str, dict[str, Any]]:
    """Entries of the real-news corpora by link."""
    texts: dict[str, dict[str, Any]] = {}
    for name in REAL_CORPORA:
        path = folder / name
        if not path.is_file():
            raise CorporaMissing(f"real-news texts not found: {path} (they are not shipped; "
                                 "`evaluate` without --real scores the own-words set)")
        # The link keys a dict: it must be there and hashable.
        for _i, entry in read_jsonl(path, "a corpus entry", lambda entry: hash(entry["link"])):
            texts.setdefault(entry["link"], entry)
    return texts


def load_real(labels: Path | None = None, corpora: Path | None = None,
              split: str | None = None) -> list[dict[str, Any]]:
    """Real-news labels joined with their texts by link; `split` keeps one split ("dev", "test", "fresh").

    Raises CorporaMissing when the texts are absent (users' clones do not have them)."""
    texts = corpus_texts(corpora or CORPORA_DIR)
    labels = labels or REAL_LABELS
    files = sorted(labels.glob("*.jsonl")) if labels.is_dir() else []
    if not files:
        raise LabelledSetError(f"{labels}: no labelled real-news files (*.jsonl)")
    items = []
    for path in files:
        for i, rec in _jsonl(path):
            entry = texts.get(rec.get("link", ""))
            if entry is None:
                raise LabelledSetError(f"{path}:{i}: link not in {', '.join(REAL_CORPORA)}")
            if split and rec.get("split") != split:
                continue
            items.append({"id": f"{path.stem}:{i}", "link": rec["link"], "split": rec.get("split"),
                          "title": entry.get("title", ""), "summary": entry.get("summary", ""),
                          "published": entry["published"], "gold": rec["gold"]})
    return items


def parse_time(value: str) -> datetime:
    """ISO 8601 to aware UTC (a naive time is taken as UTC)."""
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


# --- scoring ----------------------------------------------------------------------------


def _fmt(d: date, precision: str) -> str:
    iso = d.isoformat()
    return iso[:4] if precision == "year" else iso[:7] if precision == "month" else iso


def _gold_dates(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Dated gold acts: the own-words `dates` list, or the real-news events that carry a date.

    A `dates` entry takes the start its event states when the writer kept that start on the
    event only (labelling.md: an effective date counts wherever the label gives it)."""
    events = gold.get("events", [])
    if "dates" not in gold:
        return [e for e in events if e.get("date")]
    starts = {(e["type"], e.get("date")): e["effective_date"] for e in events if e.get("effective_date")}
    return [d if d.get("effective_date") or (d["type"], d["date"]) not in starts
            else {**d, "effective_date": starts[d["type"], d["date"]]} for d in gold["dates"]]


def _date_ok(g: dict[str, Any], ev: EventRecord) -> bool:
    """The event's date equals the gold date, or the effective date, each at its own gold
    precision (an effective "2024" is a year whatever the precision of the act's date)."""
    got = _fmt(ev.date, g.get("precision") or "day")
    effective = g.get("effective_date") or ""
    return ev.type == g["type"] and (
        got == g["date"] or bool(effective) and ev.date.isoformat()[:len(effective)] == effective)


def _closeness(g: dict[str, Any], ev: EventRecord) -> int:
    """How well a predicted event fits a gold one of the same type (to pair them)."""
    return (2 * (ev.actor == g.get("actor")) + (ev.status == g.get("status"))
            + (bool(g.get("date")) and _date_ok(g, ev)))


def match_events(gold: list[dict[str, Any]], pred: Iterable[EventRecord],
                 ) -> tuple[list[tuple[dict[str, Any], EventRecord]], list[dict[str, Any]], list[EventRecord]]:
    """Pair gold and predicted events of the same type, best fit first; return the pairs,
    the gold events left unpaired (missed) and the predicted ones left (spurious)."""
    left = list(pred)
    pairs, missed = [], []
    for g in gold:
        same = [e for e in left if e.type == g["type"]]
        if not same:
            missed.append(g)
            continue
        best = max(same, key=lambda e: _closeness(g, e))
        left.remove(best)
        pairs.append((g, best))
    return pairs, missed, left


class Scorer:
    """Tags items and adds them to a report (one tagger and one rule index for a whole set)."""

    def __init__(self, tagger: Tagger | None = None) -> None:
        self.tagger = tagger or Tagger()
        self.blame = Blame(self.tagger.tax)

    def add(self, rep: Report, item: dict[str, Any]) -> None:
        gold = item["gold"]
        title, summary = item.get("title", ""), item.get("summary", "")
        res: TagResult = self.tagger.tag(title, summary, parse_time(item["published"]))
        rep.n += 1
        self._fields(rep, item["id"], gold, res, title + "\n" + summary)
        for g in _gold_dates(gold):
            same = [e for e in res.events if e.type == g["type"]]
            ok = any(_date_ok(g, e) for e in same)
            rep.dates.add(ok)
            if same:
                rep.dates_found.add(ok)
            if ok:
                continue
            got = sorted({f"{e.date}" for e in same})
            rep.errors.append(f"{item['id']}: date {g['type']} {g['date']} got {got}")
            rep.note(self.blame.date(same[0], parse_time(item["published"]).date())
                     if same else ("date: no event of the type (see missed)", item["id"]))
        if "events" in gold:
            self._events(rep, item["id"], gold["events"], res)

    def _fields(self, rep: Report, ident: str, gold: dict[str, Any], res: TagResult,
                text: str) -> None:
        tax = self.tagger.tax
        rep.scores["relevance"].add({1} if gold["relevant"] else set(), {1} if res.relevant else set())
        pred_types = {e.type for e in res.events}
        gold_types = set(gold.get("event_types", []))
        gold_comm = set(tax.rollup(gold.get("commodities", [])))
        rep.scores["event_types"].add(gold_types, pred_types)
        rep.scores["countries"].add(set(gold.get("countries", [])), set(res.countries))
        rep.scores["commodities"].add(gold_comm, set(res.commodities))
        for name, gs, ps in (("types", gold_types, pred_types),
                             ("countries", set(gold.get("countries", [])), set(res.countries)),
                             ("commodities", gold_comm, set(res.commodities))):
            if gs != ps:
                rep.errors.append(f"{ident}: {name} missing {sorted(gs - ps)} extra {sorted(ps - gs)}")
            if name != "types":
                for x in gs - ps:
                    rep.note((f"{name}: missed {x}", ident))
                for x in ps - gs:
                    rep.note((f"{name}: extra {x}", ident))
        for t in gold_types - pred_types:
            rep.note(self.blame.missed(t, text))
        for e in res.events:
            if e.type not in gold_types:
                rep.note(self.blame.spurious(e))
        if gold["relevant"] != res.relevant:
            rep.errors.append(f"{ident}: relevant gold={gold['relevant']} got={res.relevant}")
            why = ("no event" if not res.events else "no commodity") if gold["relevant"] else (
                "events " + ",".join(sorted(pred_types)))
            rep.note((f"relevance: {'missed' if gold['relevant'] else 'extra'} ({why})", ident))

    def _events(self, rep: Report, ident: str, gold: list[dict[str, Any]], res: TagResult) -> None:
        tax = self.tagger.tax
        pairs, missed, spurious = match_events(gold, res.events)
        ev_prf = rep.scores["events"]
        ev_prf.tp += len(pairs)
        ev_prf.fn += len(missed)
        ev_prf.fp += len(spurious)
        for g, e in pairs:
            rep.status.add(e.status == g["status"])
            if e.status != g["status"]:
                rep.errors.append(f"{ident}: status {g['type']} {g['status']} got {e.status}")
                rep.note(self.blame.status(e, g["status"]))
            if tax.event_type(g["type"]).kind not in _ROLE_KINDS:
                continue
            rep.actor.add(e.actor == g.get("actor"))
            if e.actor != g.get("actor"):
                rep.errors.append(f"{ident}: actor {g['type']} {g.get('actor')} got {e.actor}")
                rep.note(self.blame.actor(e, g.get("actor")))
            gt, pt = set(g.get("targets") or []), set(e.targets)
            rep.scores["targets"].add(gt, pt)
            if gt != pt:
                rep.errors.append(f"{ident}: targets {g['type']} missing {sorted(gt - pt)} "
                                  f"extra {sorted(pt - gt)}")
                rep.note((f"targets: {'missed' if gt - pt else 'extra'} ({g['type']})", ident))


def score(items: Iterable[dict[str, Any]], tagger: Tagger | None = None) -> Report:
    """Tag every item and compare with its gold labels."""
    scorer = Scorer(tagger)
    rep = Report()
    for item in items:
        scorer.add(rep, item)
    return rep
