"""What changed in a saved view since its feed last reported: one entry per change.

Each act in the view has a state (status, its dates as shown, the ids of its reports). A view
remembers the state it last published per act; comparing gives the entries: a new act, a status
change, new reports, changed dates. An act that appears under a new id while every one of its
reports was already published (acts regrouped by a `retag`) is not news and adds nothing.
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, select

from ..read.acts import acts_frame, label
from ..read.filters import Filters
from ..store.schema import act_reports, acts
from ..store.sql import chunks
from ..tagging.taxonomy import Taxonomy
from ..text import safe_link

TAG_PREFIX = "tag:minerals-tracker,2026:"  # Atom ids are tag: URIs (RFC 4151), stable per change
_SHOWN_REPORTS = 10
DATE_FIELDS = (("date_label", "date"), ("announced", "announced"), ("in_force", "in force"), ("ends", "ends"))


@dataclass(frozen=True)
class ViewAct:
    """One act of a view as the feed describes it: its row (acts_frame) and its reports."""

    row: dict[str, Any]
    reports: list[dict[str, Any]]  # oldest first

    def state(self) -> dict[str, Any]:
        """What a change is measured on."""
        return {"status": self.row["status"], **{k: self.row[k] or "" for k, _ in DATE_FIELDS},
                "reports": sorted(r["id"] for r in self.reports)}


def _row(m: Any) -> dict[str, Any]:
    """An act's row with its dates as shown (the precision kept: "December 2026")."""
    return {**m, "targets": json.loads(m["targets"]), "commodities": json.loads(m["commodities"]),
            "date_label": label(m["date"], m["date_precision"], m["date_last"]),
            "announced": label(m["announced_date"], m["announced_precision"]),
            "in_force": label(m["effective_date"], m["effective_precision"], m["effective_last"]),
            "ends": label(m["end_date"], m["end_precision"])}


def view_acts(engine: Engine, f: Filters) -> dict[str, ViewAct]:
    """Every act the view's filters match (as the dashboard and `export` match them), with its
    reports."""
    ids = [str(i) for i in acts_frame(engine, f)["id"]]
    rows: dict[str, dict[str, Any]] = {}
    reports: dict[str, list[dict[str, Any]]] = {k: [] for k in ids}
    r = act_reports.c
    with engine.connect() as conn:
        for part in chunks(ids):
            rows.update((m["id"], _row(m)) for m in conn.execute(select(acts).where(acts.c.id.in_(part))).mappings())
            q = (select(r.id, r.act_id, r.url, r.outlet, r.headline, r.evidence, r.published_at)
                 .where(r.act_id.in_(part)).order_by(r.published_at, r.id))
            for m in conn.execute(q).mappings():
                reports[m["act_id"]].append(dict(m))
    return {k: ViewAct(row, reports[k]) for k, row in rows.items()}


class Words:
    """Display names from the taxonomy (an unknown id is shown as itself)."""

    def __init__(self, tax: Taxonomy) -> None:
        self.types = {t.id: t.label for t in tax.event_types}
        self.statuses = {s.id: s.label for s in tax.statuses}
        self.countries = {c.code: c.label for c in tax.countries}
        self.commodities = {c.id: c.label for c in tax.commodities}

    def status(self, sid: str) -> str:
        return self.statuses.get(sid, sid or "no status")


def _digest(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _changes(old: dict[str, Any] | None, new: dict[str, Any], words: Words,
             known_reports: set[str]) -> list[tuple[str, str, list[str]]]:
    """(kind, what changed, the reports to show) for one act; nothing when nothing changed."""
    if old is None:
        if set(new["reports"]) <= known_reports and new["reports"]:
            return []  # regrouped, not new
        return [("new", "New act", new["reports"])]
    out: list[tuple[str, str, list[str]]] = []
    if new["status"] != old.get("status"):
        out.append(("status", f"Now {words.status(new['status'])} (was {words.status(old.get('status', ''))})",
                    new["reports"]))
    added = sorted(set(new["reports"]) - set(old.get("reports", [])))
    if added:
        out.append(("report", f"{len(added)} new report{'s' if len(added) > 1 else ''}", added))
    moved = [f"{label} {new[k] or 'none'} (was {old.get(k) or 'none'})"
             for k, label in DATE_FIELDS if new[k] != old.get(k, "")]
    if moved:
        out.append(("dates", "Dates changed: " + "; ".join(moved), new["reports"]))
    return out


def entries_for(name: str, previous: dict[str, dict[str, Any]], current: dict[str, ViewAct],
                tax: Taxonomy, now: datetime) -> list[dict[str, Any]]:
    """The feed entries for every change between the published and the current states."""
    words = Words(tax)
    known = {rid for s in previous.values() for rid in s.get("reports", [])}
    out = []
    for act_id in sorted(current, key=lambda k: (str(current[k].row["date"]), k)):
        act = current[act_id]
        state = act.state()
        for kind, what, shown in _changes(previous.get(act_id), state, words, known):
            headline = act.row["headline"] or words.types.get(act.row["type"], act.row["type"])
            out.append({
                "entry_id": f"{TAG_PREFIX}{quote(name, safe='')}/{act_id}/{kind}/"
                            f"{_digest(kind, state if kind != 'report' else shown)}",
                "act_id": act_id, "kind": kind, "title": f"{what}: {headline}",
                "content": _content(act, set(shown), words), "link": _first_link(act, set(shown)),
                "updated_at": now,
            })
    return out


def _first_link(act: ViewAct, shown: set[str]) -> str | None:
    for r in reversed(act.reports):
        if r["id"] in shown and safe_link(r["url"]):
            return str(r["url"])
    return None


def _content(act: ViewAct, shown: set[str], words: Words) -> str:
    """The entry's HTML: what the act is, its dates, the evidence, the reports' links."""
    row, e = act.row, html.escape
    facts = [words.types.get(row["type"], row["type"]), words.status(row["status"])]
    if row["actor"]:
        facts.append("by " + words.countries.get(row["actor"], row["actor"]))
    if row["targets"]:
        facts.append("on " + ", ".join(words.countries.get(c, c) for c in row["targets"]))
    if row["commodities"]:
        facts.append(", ".join(words.commodities.get(c, c) for c in row["commodities"]))
    dates = [f"{label} {row[k]}" for k, label in DATE_FIELDS[1:] if row[k]]
    reports = [r for r in act.reports if r["id"] in shown][-_SHOWN_REPORTS:][::-1]
    evidence = next((r["evidence"] for r in reports if r["evidence"]), "")
    parts = [f"<p>{e(' · '.join(facts))}</p>"]
    if dates:
        parts.append(f"<p>{e(' · '.join(dates))}</p>")
    if evidence:
        parts.append(f"<blockquote>{e(evidence)}</blockquote>")
    items = []
    for r in reports:
        text = e(f"{r['outlet'] or 'report'}: {r['headline']}")
        day = r["published_at"].date().isoformat() if r["published_at"] else ""
        link = safe_link(r["url"])
        items.append(f'<li><a href="{e(link)}">{text}</a> ({day})</li>' if link else f"<li>{text} ({day})</li>")
    if items:
        parts.append("<ul>" + "".join(items) + "</ul>")
    return "".join(parts)
