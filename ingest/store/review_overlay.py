"""Reviews applied to the stored acts after every consolidation (ingest, retag, merge, split).

Acts are rebuilt from reports, so an act's id can change and its fields are recomputed by the
tagger's evidence. After each rebuild, every review finds its act again (`reattach`: the act
holding its founding report, else the act id it had, else the act holding most of its
reports) and its confirmed and edited fields are written onto that act's row and filter rows
(`reapply`), so filters, counts, the page and export all see the analyst's values.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Engine, delete, inspect, select, update
from sqlalchemy.engine import Connection

from ..acts.constraints import Links
from ..acts.features import stems
from ..acts.model import DateSpan, Report, outlet_of
from ..acts.review_values import to_span
from .review_schema import REVIEW_TABLES, review_acts, review_added, review_fields, review_links
from .schema import act_commodities, act_countries, act_reports, acts
from .sql import chunks, insert_ignore

MANUAL_ARTICLE = "manual"  # the article id of reports an analyst added by hand


def ensure_review_tables(engine: Engine) -> None:
    """Create the review tables in a store made before them (the page opens stores without
    creating anything else; reviews are the one thing it writes)."""
    with engine.connect() as conn:
        have = set(inspect(conn).get_table_names())
    if any(t.name not in have for t in REVIEW_TABLES):
        with engine.begin() as conn:
            for t in REVIEW_TABLES:
                t.create(conn, checkfirst=True)


def links(conn: Connection) -> Links:
    """The merges and splits consolidation must honour."""
    rows = conn.execute(select(review_links.c.a, review_links.c.b, review_links.c.kind)
                        .order_by(review_links.c.at, review_links.c.a, review_links.c.b)).all()
    return Links(must=tuple((a, b) for a, b, k in rows if k == "must"),
                 cannot=tuple((a, b) for a, b, k in rows if k == "cannot"))


def added_report(report_id: str, url: str, sentence: str, fields: dict[str, Any],
                 published: Any) -> Report:
    """The report behind an act added by hand: an event stated by `sentence` at `url`."""
    return Report(
        id=report_id, article_id=MANUAL_ARTICLE, url=url, outlet=outlet_of(None, url), published=published,
        headline=sentence, evidence=sentence, kind="event", words=tuple(stems(sentence)),
        countries=tuple(sorted({*fields.get("targets", []), *([fields["actor"]] if fields.get("actor") else [])})),
        commodities=tuple(fields.get("commodities", [])), type=fields["type"],
        status=fields.get("status"), date=to_span(fields.get("announced_date")),
        end_date=date.fromisoformat(fields["end_date"]["date"]) if fields.get("end_date") else None,
        actor=fields.get("actor"), targets=tuple(fields.get("targets", [])))


def added_reports(conn: Connection) -> list[Report]:
    """Every hand-added report (a rebuild from articles alone would lose them)."""
    return [added_report(m["report_id"], m["url"], m["sentence"], json.loads(m["fields"]), m["at"])
            for m in conn.execute(select(review_added).order_by(review_added.c.report_id)).mappings()]


def reattach(conn: Connection) -> None:
    """Point every review at the act that now holds its founding report (see the module doc)."""
    rows = conn.execute(select(review_acts.c.id, review_acts.c.act_id, review_acts.c.anchor,
                               review_acts.c.reports, review_acts.c.articles)).all()
    if not rows:
        return
    act_of = _acts_of(conn, {r.anchor for r in rows})
    alive = _existing(conn, {r.act_id for r in rows if r.act_id})
    for r in rows:
        now = act_of.get(r.anchor) or (r.act_id if r.act_id in alive else None)
        values: dict[str, Any] = {}
        if now is None:  # its founding report is gone (a retag gave it another id)
            now = _most(_acts_of(conn, set(json.loads(r.reports))).values()) or _most(
                _acts_of(conn, set(json.loads(r.articles)), act_reports.c.article_id).values())
            if now is not None:
                values["anchor"] = _founder(conn, now)
        if now != r.act_id or values:
            conn.execute(update(review_acts).where(review_acts.c.id == r.id).values(act_id=now, **values))


def _most(act_ids: Iterable[str]) -> str | None:
    counts = Counter(act_ids)
    return min(counts, key=lambda a: (-counts[a], a)) if counts else None


def _founder(conn: Connection, act_id: str) -> str:
    """An act's founding report: its earliest event report."""
    r = act_reports.c
    return str(conn.execute(select(r.id).where(r.act_id == act_id)
                            .order_by((r.kind != "event"), r.published_at, r.id).limit(1)).scalar_one())


def _acts_of(conn: Connection, ids: set[str], col: Any = act_reports.c.id) -> dict[str, str]:
    """The act holding each report (`col` the report id) or each article's reports."""
    out: dict[str, str] = {}
    for chunk in chunks(sorted(ids)):
        for key, aid in conn.execute(select(col, act_reports.c.act_id).where(
                col.in_(chunk), act_reports.c.act_id.is_not(None)).order_by(act_reports.c.id)):
            out[f"{key}|{aid}" if col is not act_reports.c.id else key] = aid
    return out


def _existing(conn: Connection, ids: set[str]) -> set[str]:
    out: set[str] = set()
    for chunk in chunks(sorted(ids)):
        out.update(x[0] for x in conn.execute(select(acts.c.id).where(acts.c.id.in_(chunk))))
    return out


def reapply(conn: Connection, act_ids: Iterable[str] | None = None) -> None:
    """Re-attach reviews, then write reviewed fields onto their acts (all, or `act_ids`).

    Several reviews may land on one act (after a merge): the newer value of a field wins.
    """
    reattach(conn)
    q = (select(review_acts.c.act_id, review_fields.c.field, review_fields.c.value)
         .join(review_fields, review_fields.c.review_id == review_acts.c.id)
         .where(review_acts.c.act_id.is_not(None)).order_by(review_fields.c.at, review_fields.c.review_id))
    if act_ids is not None:
        q = q.where(review_acts.c.act_id.in_(sorted(set(act_ids))))
    values: dict[str, dict[str, Any]] = {}
    for act_id, field, value in conn.execute(q):
        values.setdefault(act_id, {})[field] = json.loads(value)
    for act_id, fields in sorted(values.items()):
        apply_fields(conn, act_id, fields)


def current_values(m: Any) -> dict[str, Any]:
    """An act row's reviewable fields as stored values (what an edit's log calls `old`)."""
    def span(d: date | None, p: str | None) -> dict[str, str] | None:
        return {"date": d.isoformat(), "precision": p or "day"} if d else None

    return {
        "type": m["type"], "status": m["status"], "actor": m["actor"],
        "targets": json.loads(m["targets"]), "commodities": json.loads(m["commodities"]),
        "announced_date": span(m["announced_date"], m["announced_precision"]),
        "effective_date": span(m["effective_date"], m["effective_precision"]),
        "end_date": span(m["end_date"], m["end_precision"]),
    }


def apply_fields(conn: Connection, act_id: str, fields: dict[str, Any]) -> None:
    """Write reviewed values onto one act: its row (marker date recomputed) and filter rows."""
    m = conn.execute(select(acts).where(acts.c.id == act_id)).mappings().first()
    if m is None:
        return
    old = current_values(m)
    new = {**old, **fields}
    if new == old:
        return
    ann, eff, end = (to_span(new[k]) for k in ("announced_date", "effective_date", "end_date"))
    marker = ann or eff or DateSpan(m["first_seen_at"].date())
    row: dict[str, Any] = {
        "type": new["type"], "status": new["status"], "actor": new["actor"],
        "targets": json.dumps(new["targets"]), "commodities": json.dumps(new["commodities"]),
        "date": marker.start, "date_precision": marker.precision, "date_last": marker.end,
        "announced_date": ann.start if ann else None, "announced_precision": ann.precision if ann else None,
        "effective_date": eff.start if eff else None, "effective_precision": eff.precision if eff else None,
        "effective_last": eff.end if eff else None,
        "end_date": end.start if end else None, "end_precision": end.precision if end else None,
    }
    for k, col in (("announced_date", "announced_report"), ("effective_date", "effective_report"),
                   ("end_date", "end_report")):
        if new[k] != old[k]:
            row[col] = None  # no report stated the analyst's date
    conn.execute(update(acts).where(acts.c.id == act_id).values(**row))
    if (new["actor"], new["targets"]) != (old["actor"], old["targets"]):
        parties = [c for c in json.loads(m["parties"]) if c not in new["targets"] and c != new["actor"]]
        roles = {c: "party" for c in parties} | {c: "target" for c in new["targets"]}
        if new["actor"]:
            roles[new["actor"]] = "actor"
        conn.execute(delete(act_countries).where(act_countries.c.act_id == act_id))
        insert_ignore(conn, act_countries, [{"act_id": act_id, "code": c, "role": r}
                                            for c, r in sorted(roles.items())], count=False)
    if new["commodities"] != old["commodities"]:
        conn.execute(delete(act_commodities).where(act_commodities.c.act_id == act_id))
        insert_ignore(conn, act_commodities, [{"act_id": act_id, "commodity": c}
                                              for c in new["commodities"]], count=False)


def act_of_report(conn: Connection, report_id: str) -> str | None:
    """The act holding a report now (None: it waits, or is unknown)."""
    return _acts_of(conn, {report_id}).get(report_id)
