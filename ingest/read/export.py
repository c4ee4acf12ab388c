"""Writers for exported events (from `ingest.read.events.iter_events`): CSV, JSON, JSON Lines."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

# A cell a spreadsheet would read as a formula (or as a cell reference after a tab or carriage
# return) gets a leading apostrophe, which spreadsheets show as text and do not display.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = [
    "id", "date", "end_date", "date_precision", "date_source", "type", "subtype", "status",
    "actor", "countries", "targets", "commodities", "headline", "evidence", "urls", "sources",
    "outlets", "first_published",
]


def safe_cell(value: Any) -> Any:
    """`value`, with an apostrophe in front when a spreadsheet would run it as a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


Row = Callable[[dict[str, Any]], dict[str, Any]]
Writer = Callable[[Iterable[dict[str, Any]], str, TextIO], int]


def csv_row(ev: dict[str, Any]) -> dict[str, Any]:
    """One event flattened for CSV: lists joined with ';', no cell a spreadsheet would run."""
    return {k: safe_cell(v) for k, v in _flat(ev).items()}


def _flat(ev: dict[str, Any]) -> dict[str, Any]:
    arts = ev["articles"]
    return {
        "id": ev["id"], "date": ev["date"], "end_date": ev["end_date"] or "",
        "date_precision": ev["date_precision"], "date_source": ev["date_source"],
        "type": ev["type"], "subtype": ev["subtype"] or "", "status": ev["status"],
        "actor": ev["actor"] or "", "countries": ";".join(ev["countries"]),
        "targets": ";".join(ev["targets"]), "commodities": ";".join(ev["commodities"]),
        "headline": ev["headline"], "evidence": ev["evidence"],
        "urls": ";".join(x["url"] or "" for x in arts),
        "sources": ";".join(sorted({x["source"] for x in arts if x["source"]})),
        "outlets": ";".join(sorted({x["outlet"] for x in arts if x.get("outlet")})),
        "first_published": min((x["published"] for x in arts if x["published"]), default=""),
    }


def write(events: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write events in `fmt` (csv, json, jsonl) to `out`; returns how many."""
    return write_records(events, fmt, out, CSV_COLUMNS, csv_row)


def write_records(events: Iterable[dict[str, Any]], fmt: str, out: TextIO, columns: list[str],
                  row: Row) -> int:
    """Write records in `fmt`; a CSV has `columns`, each record flattened by `row`."""
    n = 0
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for ev in events:
            w.writerow(row(ev))
            n += 1
    elif fmt == "jsonl":
        for ev in events:
            out.write(json.dumps(ev, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "json":
        items = list(events)
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
        n = len(items)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return n


def to_csv_text(events: Iterable[dict[str, Any]]) -> str:
    """CSV as a string (for the dashboard's download button)."""
    buf = io.StringIO()
    write(events, "csv", buf)
    return buf.getvalue()


def write_file(events: Iterable[dict[str, Any]], fmt: str, path: Path,
               writer: Writer | None = None) -> int:
    """Write records with `writer` (default: `write`, events) to `path` whole or not at all;
    returns how many. Raises OSError.

    The events go to a temporary file beside `path`, flushed to disk and then renamed over
    it, so a full disk or an error midway leaves no partial file (and an older file as it
    was). A path that is not a regular file (/dev/stdout, a pipe) is written directly.
    """
    if path.exists() and not path.is_file():
        with open(path, "w", encoding="utf-8", newline="") as out:
            return (writer or write)(events, fmt, out)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    done = False
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            n = (writer or write)(events, fmt, out)
            out.flush()
            os.fsync(out.fileno())  # a full disk may only say so here
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
        done = True
    finally:
        if not done:
            Path(tmp).unlink(missing_ok=True)
    return n


def _mode(path: Path) -> int:
    """The permissions `path` has, or a new file would get (mkstemp's are owner-only)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
