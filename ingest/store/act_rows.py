"""Acts and reports to rows and back (the act store's plain-data half, no queries here)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from ..acts.features import GENERIC
from ..acts.match import joinable_types
from ..acts.model import Act, DateSpan, Report, StatusChange

KEY_MONTHS_BACK = 5  # months before a report's own month in which its act may have been founded


def month_of(d: date) -> int:
    return d.year * 12 + d.month - 1


def _span_cols(span: DateSpan | None) -> tuple[date | None, str | None, date | None]:
    if span is None:
        return None, None, None
    return span.start, span.precision, span.end


def _span(start: date | None, precision: str | None, last: date | None) -> DateSpan | None:
    if start is None:
        return None
    if precision == "window":
        return DateSpan(start, "window", last)
    return DateSpan(start, precision or "day")


def report_row(r: Report, act_id: str | None) -> dict[str, Any]:
    start, precision, last = _span_cols(r.date)
    return {
        "id": r.id, "act_id": act_id, "article_id": r.article_id, "kind": r.kind, "url": r.url,
        "outlet": r.outlet, "published_at": r.published, "headline": r.headline,
        "evidence": r.evidence, "words": " ".join(r.words),
        "countries": json.dumps(list(r.countries)), "commodities": json.dumps(list(r.commodities)),
        "type": r.type, "subtype": r.subtype, "status": r.status, "date": start,
        "date_precision": precision, "date_last": last, "end_date": r.end_date,
        "actor": r.actor, "targets": json.dumps(list(r.targets)), "modifier": r.modifier,
        "changes": json.dumps(list(r.changes)),
    }


def row_report(m: Any) -> Report:
    return Report(
        id=m["id"], article_id=m["article_id"], url=m["url"], outlet=m["outlet"],
        published=m["published_at"], headline=m["headline"], evidence=m["evidence"],
        kind=m["kind"], words=tuple(m["words"].split()),
        countries=tuple(json.loads(m["countries"])), commodities=tuple(json.loads(m["commodities"])),
        type=m["type"], subtype=m["subtype"], status=m["status"],
        date=_span(m["date"], m["date_precision"], m["date_last"]), end_date=m["end_date"],
        actor=m["actor"], targets=tuple(json.loads(m["targets"])), modifier=bool(m["modifier"]),
        changes=tuple(json.loads(m["changes"] or "[]")),
    )


def act_row(a: Act) -> dict[str, Any]:
    d = a.date
    ann, eff, end = _span_cols(a.announced), _span_cols(a.effective), _span_cols(a.end)
    return {
        "id": a.id, "type": a.type, "subtype": a.subtype, "actor": a.actor,
        "targets": json.dumps(list(a.targets)), "parties": json.dumps(list(a.parties)),
        "commodities": json.dumps(list(a.commodities)), "status": a.status,
        "date": d.start, "date_precision": d.precision, "date_last": d.end,
        "announced_date": ann[0], "announced_precision": ann[1], "announced_report": a.announced_report,
        "effective_date": eff[0], "effective_precision": eff[1], "effective_last": eff[2],
        "effective_report": a.effective_report,
        "end_date": end[0], "end_precision": end[1], "end_report": a.end_report,
        "first_seen_at": a.first_seen, "sources": a.sources, "report_count": len(a.reports),
        "headline": a.headline, "modifier": a.modifier, "modifies": a.modifies, "why": a.why,
    }


def row_act(m: Any) -> Act:
    """An act from its row alone (no reports): enough to be the target of a modifier."""
    return Act(
        id=m["id"], type=m["type"], subtype=m["subtype"], actor=m["actor"],
        targets=tuple(json.loads(m["targets"])), parties=tuple(json.loads(m["parties"])),
        commodities=tuple(json.loads(m["commodities"])), status=m["status"],
        announced=_span(m["announced_date"], m["announced_precision"], None),
        announced_report=m["announced_report"],
        effective=_span(m["effective_date"], m["effective_precision"], m["effective_last"]),
        effective_report=m["effective_report"],
        end=_span(m["end_date"], m["end_precision"], None), end_report=m["end_report"],
        first_seen=m["first_seen_at"], headline=m["headline"], modifier=bool(m["modifier"]),
        modifies=m["modifies"], why=m["why"],
    )


def history_rows(act_id: str, steps: Iterable[StatusChange]) -> list[dict[str, Any]]:
    return [{"act_id": act_id, "status": s.status, "date": s.date.start,
             "date_precision": s.date.precision, "date_last": s.date.end, "report_id": s.report_id,
             "note": s.note, "via_act": s.via} for s in steps]


def row_step(m: Any) -> StatusChange:
    span = _span(m["date"], m["date_precision"], m["date_last"]) or DateSpan(m["date"])
    return StatusChange(m["status"], span, m["report_id"], m["note"], m["via_act"])


def act_keys(a: Act) -> set[tuple[str, int]]:
    """Where an act is found: its type with each country or mineral, and any type by country."""
    months = {month_of(a.first_seen.date()), month_of(a.date.start)}
    specific = set(a.commodities) - GENERIC
    names = {f"{a.type}|{c}" for c in countries_of(a)} | {f"m|{c}" for c in countries_of(a)}
    names |= {f"m|c:{c}" for c in specific}  # for mentions that name no country
    names |= {f"{a.type}|c:{c}" for c in specific} if specific else {f"{a.type}|c:*"}
    if not a.actor:  # an act with no actor agrees with any actor: filed by mineral for them
        names |= {f"{a.type}|-:{c}" for c in specific} if specific else {f"{a.type}|-:*"}
        names.add(f"{a.type}|-:ANY")
    names.add(f"{a.type}|*")
    return {(k, m) for k in names for m in months}


def countries_of(a: Act) -> set[str]:
    return ({a.actor} if a.actor else set()) | set(a.targets) | set(a.parties)


def pending_keys(r: Report) -> list[str]:
    """Where a report no act took waits: mentions by country, weak events by type and country."""
    if r.kind == "mention":
        return _mention_keys(r)
    return [f"{r.type}|{c}" for c in r.countries] or [f"{r.type}|*"]


def founder_keys(r: Report) -> list[str]:
    """The waiting reports an event report may bring into the act it founds or joins."""
    codes = set(r.countries) | ({r.actor} if r.actor else set())
    minerals = {f"m|c:{c}" for c in set(r.commodities) - GENERIC}
    # Weak events of every type this act may take (a summit's previews join talks founded
    # first); another type's only by country: a meeting or its outcome has named parties.
    types = joinable_types(r.type or "")
    return sorted({f"m|{c}" for c in codes} | {f"{t}|{c}" for t in types for c in codes}
                  | {f"{r.type}|*"} | minerals)


def _mention_keys(r: Report) -> list[str]:
    """A mention by its countries; one that names none by its specific minerals."""
    if r.countries:
        return [f"m|{c}" for c in r.countries]
    return [f"m|c:{c}" for c in sorted(set(r.commodities) - GENERIC)]


def report_keys(r: Report) -> list[str]:
    """The keys under which the acts a report may join are filed."""
    if r.kind == "mention":
        return _mention_keys(r)
    return sorted({k for t in joinable_types(r.type or "")
                   for k in lookup_keys(t, r.actor, r.commodities, r.countries)})


def lookup_keys(type_: str, actor: str | None, commodities: Iterable[str],
                countries: Iterable[str] = ()) -> list[str]:
    """The keys under which every act of `type_` that agrees on actor and minerals is filed."""
    specific = set(commodities) - GENERIC
    if actor:  # acts by the same actor, and acts with no actor that agree on the minerals
        names = {f"{type_}|{actor}"}
        names |= {f"{type_}|-:{c}" for c in specific} | {f"{type_}|-:*"} if specific \
            else {f"{type_}|-:ANY"}
    else:  # any actor: by mineral, or every act of the type when it names none in particular
        names = {f"{type_}|c:{c}" for c in specific} | {f"{type_}|c:*"} if specific \
            else {f"{type_}|*"}
        names |= {f"{type_}|{c}" for c in countries}
    return sorted(names)
