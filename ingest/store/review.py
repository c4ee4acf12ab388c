"""An analyst's review actions on acts: confirm, dismiss, edit, merge, split, add by hand.

Each action runs in the caller's transaction, records who and when, appends to the history
(`review_log`: the field, its value before and after) and applies at once. Per field, the
last writer wins: an edit is an upsert of (review, field), and on PostgreSQL every review
takes the act writers' advisory lock (`store.acts.lock`) first, so two analysts never lose
each other's edits, the log's previous values are right, and an ingest rewriting the act
waits (or is waited for). See docs/review.md.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.engine import Connection

from ..acts.model import act_id as make_act_id
from ..acts.review_values import CONFIRMED_FIELDS
from . import acts as act_store
from . import review_overlay
from .review_overlay import added_report, current_values
from .review_schema import review_acts, review_added, review_fields, review_links, review_log
from .schema import act_reports, acts
from .sql import insert_ignore, set_meta, upsert

REVIEWED_AT = "reviewed_at"  # meta key: the last review (part of the page's cache key)


class ReviewError(Exception):
    """A review the store cannot make: no such act or report, nothing left to split."""


class UnknownAct(ReviewError):
    """No act with that id."""


def _act(conn: Connection, act_id: str) -> Any:
    m = conn.execute(select(acts).where(acts.c.id == act_id)).mappings().first()
    if m is None:
        raise UnknownAct(f"no act {act_id!r}: see `python -m ingest review list` or `export` for ids")
    return m


def _reports(conn: Connection, act_id: str) -> list[Any]:
    """The act's reports, founding order first (events before mentions, then by time)."""
    rows = conn.execute(select(act_reports.c.id, act_reports.c.url, act_reports.c.kind, act_reports.c.article_id)
                        .where(act_reports.c.act_id == act_id)
                        .order_by(act_reports.c.published_at, act_reports.c.id)).all()
    return sorted(rows, key=lambda r: r.kind != "event")


def review_for(conn: Connection, act_id: str, by: str, at: datetime) -> int:
    """The review of an act (made on first use). Every review action starts here and takes the
    act writers' lock, so reviews and ingest's consolidation never interleave (PostgreSQL)."""
    act_store.lock(conn)
    _act(conn, act_id)
    q = (select(review_acts.c.id).where(review_acts.c.act_id == act_id)
         .order_by(review_acts.c.at.desc(), review_acts.c.id.desc()).limit(1))
    rid = conn.execute(q).scalar()
    if rid is not None:
        return int(rid)
    reports = _reports(conn, act_id)
    anchor = reports[0].id if reports else act_id
    row = {"act_id": act_id, "anchor": anchor, "reports": json.dumps(sorted(r.id for r in reports)),
           "articles": json.dumps(sorted({r.article_id for r in reports})),
           "state": "", "reason": "", "by": by, "at": at}
    return int(conn.execute(insert(review_acts).values(**row).returning(review_acts.c.id)).scalar_one())


def _log(conn: Connection, rid: int, act_id: str | None, action: str, by: str, at: datetime, *,
         field: str = "", old: Any = None, new: Any = None, reason: str = "") -> None:
    conn.execute(insert(review_log).values(
        review_id=rid, act_id=act_id, action=action, field=field, reason=reason, by=by, at=at,
        old=None if old is None else json.dumps(old), new=None if new is None else json.dumps(new)))
    set_meta(conn, REVIEWED_AT, at.isoformat())


def _set_state(conn: Connection, rid: int, state: str, reason: str, by: str, at: datetime) -> None:
    conn.execute(update(review_acts).where(review_acts.c.id == rid)
                 .values(state=state, reason=reason, by=by, at=at))


def _corrected(conn: Connection, rid: int, by: str, at: datetime) -> None:
    """A merge or split corrects an act: an unreviewed one becomes `edited`."""
    conn.execute(update(review_acts).where(review_acts.c.id == rid, review_acts.c.state == "")
                 .values(state="edited", by=by, at=at))


def confirm(conn: Connection, act_id: str, by: str, at: datetime) -> None:
    """Confirm an act: its fields as shown now win over the tagger from here on (its status
    still follows its history unless edited)."""
    rid = review_for(conn, act_id, by, at)
    values = current_values(_act(conn, act_id))
    edited = {f for (f,) in conn.execute(select(review_fields.c.field).where(
        review_fields.c.review_id == rid, review_fields.c.source == "edited"))}
    for field in CONFIRMED_FIELDS:
        if field not in edited:
            upsert(conn, review_fields, {"review_id": rid, "field": field, "value": json.dumps(values[field]),
                                         "source": "confirmed", "by": by, "at": at}, ["review_id", "field"])
    _set_state(conn, rid, "confirmed", "", by, at)
    _log(conn, rid, act_id, "confirm", by, at)


def dismiss(conn: Connection, act_id: str, reason: str, by: str, at: datetime) -> None:
    """Dismiss an act (not a real act, off topic ...): left out of views and exports, and it
    stays dismissed when new reports join it."""
    rid = review_for(conn, act_id, by, at)
    _set_state(conn, rid, "dismissed", reason, by, at)
    _log(conn, rid, act_id, "dismiss", by, at, reason=reason)


def edit(conn: Connection, act_id: str, values: dict[str, Any], by: str, at: datetime) -> None:
    """Set fields (values from `review_values.parse_value`); each is logged with its old value."""
    rid = review_for(conn, act_id, by, at)
    old = current_values(_act(conn, act_id))
    for field, value in values.items():
        upsert(conn, review_fields, {"review_id": rid, "field": field, "value": json.dumps(value),
                                     "source": "edited", "by": by, "at": at}, ["review_id", "field"])
        _log(conn, rid, act_id, "edit", by, at, field=field, old=old[field], new=value)
    state = conn.execute(select(review_acts.c.state, review_acts.c.reason)
                         .where(review_acts.c.id == rid)).one()
    if state.state != "dismissed":
        _set_state(conn, rid, "edited", "", by, at)
    review_overlay.apply_fields(conn, act_id, values)


def merge(conn: Connection, act_id: str, other_id: str, by: str, at: datetime) -> str:
    """Make two acts one (kept through every rebuild); returns the merged act's id."""
    if act_id == other_id:
        raise ReviewError(f"cannot merge {act_id} with itself")
    act_store.lock(conn)
    a, b = (_anchor(conn, x) for x in (act_id, other_id))
    conn.execute(delete(review_links).where(review_links.c.kind == "cannot", or_(
        and_(review_links.c.a == a, review_links.c.b == b), and_(review_links.c.a == b, review_links.c.b == a))))
    insert_ignore(conn, review_links, [{"a": a, "b": b, "kind": "must", "by": by, "at": at}], count=False)
    rids = [review_for(conn, x, by, at) for x in (act_id, other_id)]
    act_store.regroup(conn, {act_id, other_id})
    merged = review_overlay.act_of_report(conn, a) or act_id
    for rid, x, y in ((rids[0], act_id, other_id), (rids[1], other_id, act_id)):
        _corrected(conn, rid, by, at)
        _log(conn, rid, merged, "merge", by, at, old=x, new=y)
    return merged


def _anchor(conn: Connection, act_id: str) -> str:
    _act(conn, act_id)
    reports = _reports(conn, act_id)
    if not reports:
        raise ReviewError(f"act {act_id} has no reports to merge")
    return str(reports[0].id)


def split(conn: Connection, act_id: str, report: str, by: str, at: datetime) -> str | None:
    """Split a report (its id or URL) off an act; returns the act it now founds, if any."""
    act_store.lock(conn)
    _act(conn, act_id)
    reports = _reports(conn, act_id)
    hit = [r for r in reports if report in (r.id, r.url)]
    if not hit:
        raise ReviewError(f"act {act_id} has no report {report!r}: give a report id or URL it lists")
    rest = [r for r in reports if r.id != hit[0].id and r.kind == "event"]
    if not rest:
        raise ReviewError(f"act {act_id} has no other event report: nothing to split it from")
    gone = hit[0].id
    rid = review_for(conn, act_id, by, at)
    insert_ignore(conn, review_links, [{"a": gone, "b": rest[0].id, "kind": "cannot", "by": by, "at": at}],
                  count=False)
    act_store.regroup(conn, {act_id})
    new = review_overlay.act_of_report(conn, gone)
    _corrected(conn, rid, by, at)
    _log(conn, rid, review_overlay.act_of_report(conn, rest[0].id), "split", by, at, old=gone, new=new)
    return new


def add(conn: Connection, url: str, sentence: str, fields: dict[str, Any], by: str, at: datetime) -> str:
    """Add an act the tagger missed from a URL and a sentence; returns the act it joined or founded.

    `fields` must give `type`. An act it founds is stored as confirmed with `fields` as edits;
    when it joins an act the tagger found, that act is left to review.
    """
    report_id = hashlib.sha1(f"manual|{url}|{sentence}".encode()).hexdigest()[:24]
    insert_ignore(conn, review_added, [{"report_id": report_id, "url": url, "sentence": sentence,
                                        "fields": json.dumps(fields), "by": by, "at": at}], count=False)
    act_store.add_reports(conn, [added_report(report_id, url, sentence, fields, at)])
    act_id = review_overlay.act_of_report(conn, report_id)
    if act_id is None:
        raise ReviewError("the added report joined no act")  # an event always founds or joins one
    rid = review_for(conn, act_id, by, at)
    _log(conn, rid, act_id, "add", by, at, new={"url": url, "sentence": sentence})
    if act_id == make_act_id(report_id):  # it founded the act: the analyst's fields are its fields
        edit(conn, act_id, fields, by, at)
        _set_state(conn, rid, "confirmed", "", by, at)
    return act_id
