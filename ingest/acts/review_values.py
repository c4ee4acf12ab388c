"""The fields an analyst may edit on an act, and their values checked against the taxonomy.

Values are plain JSON data so the store keeps them as text and every reader sees the same:
strings for type, status and actor (None: no actor), lists for targets and commodities, and
{"date": ISO day, "precision": day|month|year} for dates (None: no date).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from ..tagging.tagger import Tagger
from ..tagging.taxonomy import Taxonomy
from .model import DateSpan, span_of

FIELDS = ("type", "status", "actor", "targets", "commodities", "announced_date", "effective_date",
          "end_date")
DATE_FIELDS = ("announced_date", "effective_date", "end_date")
# Fields a confirmation fixes: the current status is left to the act's history (a later
# suspension must still show) unless an analyst edits it.
CONFIRMED_FIELDS = tuple(f for f in FIELDS if f != "status")
_EMPTY = ("", "none", "-")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class ReviewValueError(ValueError):
    """A FIELD=VALUE an act cannot take (unknown field, type, status, country, commodity, date)."""


def parse_assignment(text: str, tax: Taxonomy) -> tuple[str, Any]:
    """`FIELD=VALUE` as (field, value); raises ReviewValueError with one line."""
    field, sep, raw = text.partition("=")
    field = field.strip().lower()
    if not sep:
        raise ReviewValueError(f"{text!r} is not FIELD=VALUE (fields: {', '.join(FIELDS)})")
    return field, parse_value(field, raw, tax)


def parse_value(field: str, raw: str, tax: Taxonomy) -> Any:
    """The stored value of `raw` for `field`; raises ReviewValueError with one line."""
    raw = raw.strip()
    if field == "type":
        return _one_of(raw, {e.id for e in tax.event_types}, "event type")
    if field == "status":
        return _one_of(raw, {s.id for s in tax.statuses}, "status")
    if field == "actor":
        return None if raw.lower() in _EMPTY else _country(raw, tax)
    if field == "targets":
        return sorted({_country(x, tax) for x in _items(raw)})
    if field == "commodities":
        return sorted({_commodity(x, tax) for x in _items(raw)})
    if field in DATE_FIELDS:
        return None if raw.lower() in _EMPTY else _date(raw, field)
    raise ReviewValueError(f"unknown field {field!r}; one of: {', '.join(FIELDS)}")


def _items(raw: str) -> list[str]:
    return [x.strip() for x in re.split(r"[,;]", raw) if x.strip() and x.strip().lower() not in _EMPTY]


def _one_of(raw: str, known: set[str], what: str) -> str:
    value = raw.lower().replace(" ", "_")
    if value not in known:
        raise ReviewValueError(f"unknown {what} {raw!r}; one of: {', '.join(sorted(known))}")
    return value


def _country(raw: str, tax: Taxonomy) -> str:
    wanted = raw.strip().lower()
    for c in tax.countries:
        if wanted in (c.code.lower(), c.label.lower()):
            return c.code
    raise ReviewValueError(f"unknown country {raw!r}; use an ISO code like CN or a name like China")


def _commodity(raw: str, tax: Taxonomy) -> str:
    wanted = raw.strip().lower()
    for c in tax.commodities:
        if wanted in (c.id, c.label.lower()) or wanted.replace(" ", "_") == c.id:
            return c.id
    raise ReviewValueError(f"unknown commodity {raw!r}; see data/taxonomy/commodities.toml")


def _date(raw: str, field: str) -> dict[str, str]:
    m = _DATE.match(raw)
    try:
        if m is None:
            raise ValueError(raw)
        y, mo, d = m.group(1), m.group(2), m.group(3)
        day = date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        raise ReviewValueError(f"{field} {raw!r} is not a date like 2025-10-09, 2025-10 or 2025") from None
    precision = "day" if m.group(3) else "month" if m.group(2) else "year"
    return {"date": day.isoformat(), "precision": precision}


def to_span(value: Any) -> DateSpan | None:
    """A stored date value as a span (its precision kept)."""
    if not value:
        return None
    return span_of(date.fromisoformat(value["date"]), value["precision"])


def from_span(span: DateSpan | None) -> dict[str, str] | None:
    """A date span as a stored value (windows keep their first day at day precision)."""
    if span is None:
        return None
    precision = span.precision if span.precision in ("day", "month", "year") else "day"
    return {"date": span.start.isoformat(), "precision": precision}


def show(value: Any) -> str:
    """A stored value as one short line (the CLI's list, the log)."""
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(value) or "—"
    if isinstance(value, dict):
        return to_span(value).label() if to_span(value) else "—"  # type: ignore[union-attr]
    return str(value)


def as_text(field: str, value: Any) -> str:
    """A stored value as FIELD=VALUE text takes it back (dates at their precision)."""
    if field in DATE_FIELDS:
        if not value:
            return ""
        n = {"day": 10, "month": 7, "year": 4}.get(value["precision"], 10)
        return str(value["date"])[:n]
    if isinstance(value, list):
        return ",".join(value)
    return value or ""


def proposed_fields(sentence: str, when: datetime | None = None, tagger: Tagger | None = None) -> dict[str, Any]:
    """What the tagger reads in a sentence an analyst adds (its first event), as field values."""
    res = (tagger or Tagger()).tag(sentence, "", when or datetime.now(UTC))
    if not res.events:
        return {"commodities": sorted(res.commodities)} if res.commodities else {}
    ev = res.events[0]
    out: dict[str, Any] = {"type": ev.type, "status": ev.status, "actor": ev.actor,
                           "targets": sorted(ev.targets), "commodities": sorted(ev.commodities)}
    if ev.date_source == "text":
        out["announced_date"] = from_span(span_of(ev.date, ev.date_precision))
    return out
