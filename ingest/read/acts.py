"""Read-side queries on acts: plain functions returning DataFrames and dicts (no streamlit here).

Dates keep their precision: an act announced "in December 2026" spans the whole month, so a
window, "in force on" and Upcoming compare with the span (`date` .. `date_last`), never with
its first day alone.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import Engine, Select, and_, func, or_, select
from sqlalchemy.engine import Connection

from ..acts.match import MEETINGS
from ..acts.model import DateSpan
from ..store.schema import act_commodities, act_countries, act_history, act_reports, acts, articles
from .act_marks import is_official
from .filters import NO_FILTERS, Filters
from .review import add_review
from .where import escape_like, review_condition

STOPPED = ("suspended", "lifted")

ACT_COLUMNS = [
    "id", "date", "date_precision", "date_last", "date_label", "type", "subtype", "status", "actor", "targets",
    "parties", "commodities", "announced", "in_force", "ends", "sources", "reports", "first_seen",
    "headline", "modifies", "announced_date", "effective_date", "end_date", "outlets", "url", "official",
    "review_state",
]


def label(start: date | None, precision: str | None, last: date | None = None) -> str:
    """A stored date as shown: 2026-12-05, December 2026, 2026."""
    if start is None:
        return ""
    return DateSpan(start, precision or "day", last if precision == "window" else None).label()


def act_conditions(f: Filters) -> list[Any]:
    """SQL conditions on `acts` for the one filter model (`Filters`), as events get them in
    `where.conditions`: the page, its download and `export` filter acts the same way."""
    conds: list[Any] = []
    if f.countries:
        sub = select(act_countries.c.act_id).where(act_countries.c.code.in_(f.countries))
        if f.country_role != "any":
            sub = sub.where(act_countries.c.role == f.country_role)
        conds.append(acts.c.id.in_(sub))
    if f.commodities:
        conds.append(acts.c.id.in_(select(act_commodities.c.act_id).where(
            act_commodities.c.commodity.in_(f.commodities))))
    if f.types:
        conds.append(acts.c.type.in_(f.types))
    if f.statuses:
        conds.append(acts.c.status.in_(f.statuses))
    window = [*([acts.c.date_last >= f.since] if f.since else []), *([acts.c.date <= f.until] if f.until else [])]
    if window and f.also_in_force_on:  # the window, or still in force that day whatever its age
        conds.append(or_(and_(*window), and_(*_in_force(f.also_in_force_on),
                                             acts.c.status.notin_(("suspended", "lifted")))))
    else:
        conds.extend(window)
    if f.sources:
        arts = select(articles.c.id).where(articles.c.source_domain.in_(f.sources))
        conds.append(acts.c.id.in_(select(act_reports.c.act_id).where(act_reports.c.article_id.in_(arts))))
    if f.text.strip():
        like = f"%{escape_like(f.text.strip().lower())}%"
        conds.append(acts.c.id.in_(select(act_reports.c.act_id).where(or_(
            func.lower(act_reports.c.headline).like(like, escape="\\"),
            func.lower(act_reports.c.evidence).like(like, escape="\\")))))
    if f.in_force_on:
        conds.extend(_in_force(f.in_force_on))
    conds.append(review_condition(acts.c.id, f.review_states))
    return conds


def _in_force(d: date) -> list[Any]:
    """Taken effect on or before `d` (or in effect without an effective date) and not ended."""
    return [or_(acts.c.effective_last <= d,
                and_(acts.c.effective_date.is_(None), acts.c.status == "in_effect", acts.c.date_last <= d)),
            or_(acts.c.end_date.is_(None), acts.c.end_date > d)]


def _frame_row(m: Any) -> dict[str, Any]:
    return {
        "id": m["id"], "date": m["date"], "date_precision": m["date_precision"],
        "date_last": m["date_last"], "date_label": label(m["date"], m["date_precision"], m["date_last"]),
        "type": m["type"], "subtype": m["subtype"], "status": m["status"], "actor": m["actor"],
        "targets": json.loads(m["targets"]), "parties": json.loads(m["parties"]),
        "commodities": json.loads(m["commodities"]),
        "announced": label(m["announced_date"], m["announced_precision"]),
        "in_force": label(m["effective_date"], m["effective_precision"], m["effective_last"]),
        "ends": label(m["end_date"], m["end_precision"]),
        "sources": m["sources"], "reports": m["report_count"], "first_seen": m["first_seen_at"],
        "headline": m["headline"], "modifies": m["modifies"], "announced_date": m["announced_date"],
        "effective_date": m["effective_date"], "end_date": m["end_date"], "outlets": [], "url": None,
        "official": 0,
        "review_state": "unreviewed",
    }


def acts_frame(engine: Engine, f: Filters = NO_FILTERS) -> pd.DataFrame:
    """Acts matching the filters, newest marker date first (one row per act)."""
    q = select(acts).where(*act_conditions(f)).order_by(acts.c.date.desc(), acts.c.id)
    if f.limit:
        q = q.limit(f.limit)
    with engine.connect() as conn:
        rows = [_frame_row(m) for m in conn.execute(q).mappings()]
        if f.in_force_on:
            rows = _not_stopped(conn, rows, f.in_force_on)
        _add_outlets(conn, rows)
        add_review(conn, rows)
    return pd.DataFrame(rows, columns=ACT_COLUMNS)


def _add_outlets(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Fill each row's `outlets` (the distinct outlets reporting the act, earliest first), `url`
    (its earliest report's link) and `official` (how many reports are from official sources)."""
    by_id: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_id.setdefault(row["id"], []).append(row)
    ids = list(by_id)
    r = act_reports.c
    for i in range(0, len(ids), 500):
        q = (select(r.act_id, r.outlet, r.url).where(r.act_id.in_(ids[i: i + 500]))
             .order_by(r.act_id, r.published_at, r.id))
        for act_id, outlet, url in conn.execute(q):
            for row in by_id[act_id]:
                if row["url"] is None:
                    row["url"] = url
                if outlet and outlet not in row["outlets"]:
                    row["outlets"].append(outlet)
                row["official"] += is_official(url)


def _status_on(conn: Connection, ids: list[str], day: date) -> dict[str, str]:
    """Each act's status on `day` by its dated history (steps another act made included): a
    suspension dated after `day` has not happened yet; an extension or amendment keeps the
    status before it. Acts with no step dated by then are left out."""
    now: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        q = (select(act_history.c.act_id, act_history.c.status).where(
            act_history.c.act_id.in_(ids[i: i + 500]), act_history.c.date_last <= day)
             .order_by(act_history.c.date, act_history.c.id))
        for act_id, status in conn.execute(q):
            if status not in ("extended", "amended"):
                now[act_id] = status
    return now


def _stopped(conn: Connection, ids: list[str], day: date) -> set[str]:
    """Acts suspended or lifted on or before `day`, and not in force again since."""
    return {k for k, v in _status_on(conn, ids, day).items() if v in STOPPED}


def _not_stopped(conn: Connection, rows: list[dict[str, Any]], day: date) -> list[dict[str, Any]]:
    """Drop acts suspended or lifted on or before `day` (by their history, links included)."""
    stopped = _stopped(conn, [r["id"] for r in rows], day)
    return [r for r in rows if r["id"] not in stopped]


def count_acts(engine: Engine, f: Filters = NO_FILTERS) -> int:
    """How many acts match (counts everywhere count acts, not articles)."""
    return len(acts_frame(engine, f))


def past_acts(engine: Engine, today: date, days: int | None = None, f: Filters = NO_FILTERS) -> pd.DataFrame:
    """Acts whose marker date is wholly past on `today` (and, given `days`, not over before the
    last `days`), with their status as their history has it on `today`.

    "A G20 summit in December" is not past on 5 December: its span ends on the 31st; "in
    November" is within the last 30 days on 5 December, whichever day of November it was.
    This is what "Latest" and "Last 30 days" count.
    """
    conds = [*act_conditions(replace(f, since=None, until=None)), acts.c.date_last <= today]
    if days is not None:
        conds.append(acts.c.date_last >= date.fromordinal(today.toordinal() - days))
    with engine.connect() as conn:
        rows = [_frame_row(m) for m in conn.execute(
            select(acts).where(*conds).order_by(acts.c.date_last.desc(), acts.c.id)).mappings()]
        now = _status_on(conn, [r["id"] for r in rows], today)
    for r in rows:
        r["status"] = now.get(r["id"], r["status"])
    return pd.DataFrame(rows, columns=ACT_COLUMNS)


def with_gloss(query: Select[Any]) -> Select[Any]:
    """A query on act_reports plus each report's article language and English gloss (a
    headline in another language is tagged on its gloss: ingest/language)."""
    return (query.add_columns(articles.c.language, articles.c.gloss)
            .outerjoin(articles, articles.c.id == act_reports.c.article_id))


def act_detail(engine: Engine, act_id: str) -> dict[str, Any] | None:
    """One act with its reports, dated history, the act it changes and the acts changing it."""
    with engine.connect() as conn:
        m = conn.execute(select(acts).where(acts.c.id == act_id)).mappings().first()
        if m is None:
            return None
        reports = pd.DataFrame([{
            "published": r["published_at"], "outlet": r["outlet"], "url": r["url"],
            "headline": r["headline"], "evidence": r["evidence"], "kind": r["kind"],
            "official": is_official(r["url"]),
            "type": r["type"], "status": r["status"],
            "date": label(r["date"], r["date_precision"], r["date_last"]),
            "language": r["language"], "gloss": r["gloss"] or "",
        } for r in conn.execute(with_gloss(select(act_reports)).where(act_reports.c.act_id == act_id)
                                .order_by(act_reports.c.published_at, act_reports.c.id)).mappings()])
        history = [{"status": h["status"], "date": label(h["date"], h["date_precision"], h["date_last"]),
                    "report_id": h["report_id"], "note": h["note"], "via_act": h["via_act"]}
                   for h in conn.execute(select(act_history).where(act_history.c.act_id == act_id)
                                         .order_by(act_history.c.date, act_history.c.id)).mappings()]
        changed_by = [dict(id=r.id, headline=r.headline, date=r.date) for r in conn.execute(
            select(acts.c.id, acts.c.headline, acts.c.date).where(acts.c.modifies == act_id)
            .order_by(acts.c.date, acts.c.id))]
        out = _frame_row(m)
        add_review(conn, [out])
    out.update(why=m["why"], reports_table=reports, history=history, changed_by=changed_by)
    return out


def upcoming_acts(engine: Engine, today: date, days: int = 90, f: Filters = NO_FILTERS) -> pd.DataFrame:
    """Dated steps not yet past: acts taking effect, ending, or meetings to be held.

    A month-precision date counts as upcoming until its month is over and is shown under it
    ("December 2026"), so a summit "in December" is still upcoming on 5 December. An act
    suspended or lifted by `today` (its history, a changing act's entry included) has no
    upcoming step: its in-force date or end will not come as announced.
    """
    horizon = date.fromordinal(today.toordinal() + days)
    cols = {"in force": (acts.c.effective_date, acts.c.effective_precision, acts.c.effective_last),
            "ends": (acts.c.end_date, acts.c.end_precision, acts.c.end_date)}
    rows = []
    with engine.connect() as conn:
        for what, (start, precision, last) in cols.items():
            q = select(acts, start.label("when"), precision.label("when_precision"),
                       last.label("when_last")).where(
                *act_conditions(replace(f, since=None, until=None)), last >= today, start <= horizon)
            for m in conn.execute(q).mappings():
                step = "meets" if what == "in force" and m["type"] in MEETINGS else what
                rows.append({**_frame_row(m), "what": step, "when": m["when"],
                             "when_label": label(m["when"], m["when_precision"], m["when_last"])})
        stopped = _stopped(conn, sorted({r["id"] for r in rows}), today)
        rows = [r for r in rows if r["id"] not in stopped]
        _add_outlets(conn, rows)
    df = pd.DataFrame(rows, columns=[*ACT_COLUMNS, "what", "when", "when_label"])
    return df.sort_values(["when", "id"], kind="stable").reset_index(drop=True) if len(df) else df


def act_summary(engine: Engine, f: Filters, today: date, recent_days: int = 30,
                ahead_days: int = 90) -> dict[str, Any]:
    """Headline numbers, counting acts: in view, the latest wholly past (`latest` its first day,
    `latest_label` as shown: "November 2026" for a month), and (every filter but the date
    range) those of the last `recent_days` and with a step in the next `ahead_days`.

    "Latest" and "Last 30 days" use the same test (`past_acts`): a marker is past once its
    whole span is."""
    df = acts_frame(engine, replace(f, limit=None))
    past = df[df["date_last"] <= today] if len(df) else df
    top = past.sort_values(["date_last", "date", "id"]).iloc[-1] if len(past) else None
    return {
        "acts": len(df),
        "latest": top["date"] if top is not None else None,
        "latest_label": top["date_label"] if top is not None else "",
        "recent": len(past_acts(engine, today, recent_days, f)),
        "ahead": upcoming_acts(engine, today, ahead_days, f)["id"].nunique(),
    }
