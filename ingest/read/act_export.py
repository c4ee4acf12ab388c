"""`export --acts`: one line per act with its reports and history (JSON/JSONL nested, CSV flat),
its commodities' HS codes and, per report, whether it is from an official source."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Engine, select

from ..store.schema import act_history, act_reports, acts
from ..tagging.taxonomy import default_taxonomy
from . import export
from .act_marks import hs_codes, is_official
from .acts import act_conditions, with_gloss
from .export import safe_cell
from .filters import NO_FILTERS, Filters
from .review import UNREVIEWED, reviews_of

CSV_COLUMNS = [
    "id", "type", "subtype", "status", "actor", "targets", "parties", "commodities", "date",
    "date_precision", "announced_date", "announced_precision", "effective_date",
    "effective_precision", "end_date", "end_precision", "first_seen", "sources", "headline",
    "modifies", "urls", "official", "outlets", "history", "hs_codes",
    "review_state", "review_by", "review_at", "review_reason",
]
BATCH = 500


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def _act(m: Any, reports: list[dict[str, Any]], history: list[dict[str, Any]],
         review: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": m["id"], "type": m["type"], "subtype": m["subtype"], "status": m["status"],
        "actor": m["actor"], "targets": json.loads(m["targets"]), "parties": json.loads(m["parties"]),
        "commodities": json.loads(m["commodities"]),
        "hs_codes": hs_codes(json.loads(m["commodities"]), default_taxonomy()),
        "date": _iso(m["date"]), "date_precision": m["date_precision"],
        "announced_date": _iso(m["announced_date"]), "announced_precision": m["announced_precision"],
        "effective_date": _iso(m["effective_date"]), "effective_precision": m["effective_precision"],
        "end_date": _iso(m["end_date"]), "end_precision": m["end_precision"],
        "first_seen": m["first_seen_at"].isoformat(), "sources": m["sources"],
        "headline": m["headline"], "modifies": m["modifies"], "why": m["why"],
        "reports": reports, "history": history, "review": review,
    }


def iter_acts(engine: Engine, f: Filters = NO_FILTERS) -> Iterator[dict[str, Any]]:
    """Acts as nested dicts, by marker date then id (the same order on every backend)."""
    with engine.connect() as conn:
        rows = list(conn.execute(select(acts).where(*act_conditions(f))
                                 .order_by(acts.c.date, acts.c.id)).mappings())
        for i in range(0, len(rows), BATCH):
            part = rows[i: i + BATCH]
            ids = [m["id"] for m in part]
            reps: dict[str, list[dict[str, Any]]] = {}
            for r in conn.execute(with_gloss(select(act_reports)).where(act_reports.c.act_id.in_(ids))
                                  .order_by(act_reports.c.published_at, act_reports.c.id)).mappings():
                reps.setdefault(r["act_id"], []).append({
                    "url": r["url"], "official": is_official(r["url"]), "outlet": r["outlet"],
                    "published": r["published_at"].isoformat(),
                    "headline": r["headline"], "evidence": r["evidence"], "kind": r["kind"],
                    "type": r["type"], "status": r["status"], "date": _iso(r["date"]),
                    "date_precision": r["date_precision"],
                    "language": r["language"], "gloss": r["gloss"] or ""})
            hist: dict[str, list[dict[str, Any]]] = {}
            for h in conn.execute(select(act_history).where(act_history.c.act_id.in_(ids))
                                  .order_by(act_history.c.date, act_history.c.id)).mappings():
                hist.setdefault(h["act_id"], []).append({
                    "status": h["status"], "date": _iso(h["date"]),
                    "date_precision": h["date_precision"], "note": h["note"], "via_act": h["via_act"]})
            revs = reviews_of(conn, ids)
            for m in part:
                yield _act(m, reps.get(m["id"], []), hist.get(m["id"], []), revs.get(m["id"]) or dict(UNREVIEWED))


def csv_row(a: dict[str, Any]) -> dict[str, Any]:
    """One act flattened: lists joined with ';', no cell a spreadsheet would run."""
    flat = {k: a[k] for k in CSV_COLUMNS if k in a}
    for k in ("targets", "parties", "commodities", "hs_codes"):
        flat[k] = ";".join(a[k])
    flat["urls"] = ";".join(r["url"] for r in a["reports"])
    flat["official"] = ";".join("yes" if r["official"] else "no" for r in a["reports"])  # as `urls`
    flat["outlets"] = ";".join(sorted({r["outlet"] for r in a["reports"]}))
    flat["history"] = ";".join(f"{h['status']} {h['date']}" for h in a["history"])
    for k in ("state", "by", "at", "reason"):
        flat[f"review_{k}"] = a["review"][k]
    return {k: safe_cell("" if v is None else v) for k, v in flat.items()}


def write_acts(items: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write acts in `fmt` (csv, json, jsonl); returns how many."""
    return export.write_records(items, fmt, out, CSV_COLUMNS, csv_row)


def write_acts_file(items: Iterable[dict[str, Any]], fmt: str, path: Path) -> int:
    """Write acts to `path` whole or not at all (export.write_file). Raises OSError."""
    return export.write_file(items, fmt, path, write_acts)
