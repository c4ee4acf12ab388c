"""Export events with the articles that report them, as CSV, JSON or JSON Lines."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Engine, Select, select

from .. import store

# A cell a spreadsheet would read as a formula (or as a cell reference after a tab or carriage
# return) gets a leading apostrophe, which spreadsheets show as text and do not display.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = [
    "id", "date", "end_date", "date_precision", "date_source", "type", "subtype", "status",
    "actor", "countries", "targets", "commodities", "headline", "evidence", "urls", "sources",
    "first_published",
]


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by `export` and the dashboard's table download."""

    countries: tuple[str, ...] = ()
    commodities: tuple[str, ...] = ()  # already expanded: a group includes its members
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    event_ids: tuple[str, ...] | None = None


def date_window(col: Any, since: date | None, until: date | None) -> list[Any]:
    """Conditions keeping `col` inside [since, until] (either end open when None)."""
    return [*([col >= since] if since else []), *([col <= until] if until else [])]


def link_keys(countries: tuple[str, ...], commodities: tuple[str, ...], since: date | None,
              until: date | None, role: str = "any") -> tuple[Select, bool] | None:
    """Integer keys and dates of events in any of `countries` and any of `commodities`, dated
    in the window; and whether a key can come twice. None when neither filter is given.

    Answered from one link table's (value..., date, event_pk) index alone, no `events` row
    read: event_countries, event_commodities, or event_pairs when both filters are given.
    """
    ec, em, ep = store.event_countries, store.event_commodities, store.event_pairs
    if countries and commodities:
        conds = [ep.c.code.in_(countries), ep.c.commodity.in_(commodities),
                 *date_window(ep.c.date, since, until), *_role(ep.c.role, role)]
        repeats = len(countries) > 1 or len(commodities) > 1
        return select(ep.c.event_pk.label("pk"), ep.c.date.label("date")).where(*conds), repeats
    if countries:
        conds = [ec.c.code.in_(countries), *date_window(ec.c.date, since, until),
                 *_role(ec.c.role, role)]
        return select(ec.c.event_pk.label("pk"), ec.c.date.label("date")).where(*conds), len(countries) > 1
    if commodities:
        conds = [em.c.commodity.in_(commodities), *date_window(em.c.date, since, until)]
        return select(em.c.event_pk.label("pk"), em.c.date.label("date")).where(*conds), len(commodities) > 1
    return None


def _role(col: Any, role: str) -> list[Any]:
    """The country must be the event's actor or one of its targets ("any": no condition)."""
    return [col == role] if role in ("actor", "target") else []


def _where(f: EventFilter) -> list[Any]:
    e = store.events
    conds: list[Any] = []
    if f.types:
        conds.append(e.c.type.in_(f.types))
    if f.statuses:
        conds.append(e.c.status.in_(f.statuses))
    link = link_keys(f.countries, f.commodities, f.since, f.until)
    if link is None:
        conds.extend(date_window(e.c.date, f.since, f.until))
    else:  # the window is applied inside the link tables, which carry each event's date
        conds.append(e.c.pk.in_(link[0].with_only_columns(link[0].selected_columns.pk)))
    if f.event_ids is not None:
        conds.append(e.c.id.in_(f.event_ids))
    return conds


def public_columns() -> list[Any]:
    """Every `events` column but the internal integer key (results show the public id only)."""
    return [c for c in store.events.c if c.name != "pk"]


def iter_events(engine: Engine, f: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
    """Events (newest first) with their articles' url, title, source and publication time."""
    e, ea, a = store.events, store.event_articles, store.articles
    with engine.connect() as conn:
        rows = conn.execute(
            select(*public_columns()).where(*_where(f)).order_by(e.c.date.desc(), e.c.id)
        ).mappings().all()
        ids = [r["id"] for r in rows]
        arts: dict[str, list[dict[str, Any]]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i: i + 500]
            # In Python, not SQL: PostgreSQL's collation orders URLs unlike SQLite's bytes.
            for r in sorted(conn.execute(
                select(ea.c.event_id, a.c.id, a.c.canonical_url, a.c.title, a.c.source_domain,
                       a.c.published_at)
                .join(a, a.c.id == ea.c.article_id)
                .where(ea.c.event_id.in_(chunk))
            ), key=article_order):
                arts.setdefault(r.event_id, []).append({
                    "url": r.canonical_url, "title": r.title, "source": r.source_domain,
                    "published": r.published_at.isoformat() if r.published_at else None,
                })
    for r in rows:
        yield {
            "id": r["id"],
            "type": r["type"],
            "subtype": r["subtype"],
            "status": r["status"],
            "date": r["date"].isoformat(),
            "date_precision": r["date_precision"],
            "end_date": r["end_date"].isoformat() if r["end_date"] else None,
            "date_source": r["date_source"],
            "actor": r["actor"],
            "countries": json.loads(r["countries"]),
            "targets": json.loads(r["targets"]),
            "commodities": json.loads(r["commodities"]),
            "headline": r["headline"],
            "evidence": r["evidence"],
            "articles": arts.get(r["id"], []),
        }


def safe_cell(value: Any) -> Any:
    """`value`, with an apostrophe in front when a spreadsheet would run it as a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def article_order(r: Any) -> tuple[Any, ...]:
    """An event's articles by publication time, then URL, then id: the same on every backend."""
    return r.published_at, r.canonical_url or "", r.id


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
        "first_published": min((x["published"] for x in arts if x["published"]), default=""),
    }


def write(events: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write events in `fmt` (csv, json, jsonl) to `out`; returns how many."""
    n = 0
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        w.writeheader()
        for ev in events:
            w.writerow(csv_row(ev))
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


def write_file(events: Iterable[dict[str, Any]], fmt: str, path: Path) -> int:
    """Write events to `path` whole or not at all; returns how many. Raises OSError.

    The events go to a temporary file beside `path`, flushed to disk and then renamed over
    it, so a full disk or an error midway leaves no partial file (and an older file as it
    was). A path that is not a regular file (/dev/stdout, a pipe) is written directly.
    """
    if path.exists() and not path.is_file():
        with open(path, "w", encoding="utf-8", newline="") as out:
            return write(events, fmt, out)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    done = False
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            n = write(events, fmt, out)
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
