"""The dashboard URL's query string <-> the one `Filters` model.

A view is shared, saved and subscribed to as its query string, so reading it is strict in what
it keeps and lenient in how values are named: ids or plain names (`CN`, `China`, `rare earths`)
resolve through `options.resolve_option`; anything unknown is returned as a one-line notice,
never dropped silently. Writing gives clean ids only (no labels, no counts), in a fixed order,
so the same view is always the same string.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qsl, urlencode

from ..tagging.taxonomy import Taxonomy
from .filters import Filters, expand_commodities
from .options import resolve_option

# URL key -> option kind, in the order the dashboard's sidebar shows them.
OPTION_KEYS = {"country": "country", "commodity": "commodity", "type": "type", "status": "status"}
# The Country's-role radio writes its label; ids are accepted too.
ROLE_WORDS = {"Any": "any", "Acting": "actor", "Targeted": "target"}
ROLE_LABELS = {v: k for k, v in ROLE_WORDS.items()}
# Keys the dashboard puts in the URL that choose how to show the view, not what is in it.
PRESENTATION_KEYS = ("view", "rows", "colour")
FILTER_KEYS = ("country", "role", "commodity", "type", "status", "dates", "in_force", "source", "q")
_MAX_VALUES = 200
# Links written before ids: the option's text "China (CN) · 61" or "Rare earth elements (group)".
_OLD_LABEL = re.compile(r"\s*(?:·\s*[\d,]+)?\s*$")
_OLD_SUFFIX = re.compile(r"\s*\((?:group|[A-Z]{2})\)$")
_MAX_TEXT = 200


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _values(qs: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in parse_qsl(qs.lstrip("?")[:20_000], keep_blank_values=False)[:_MAX_VALUES]:
        out.setdefault(key, []).append(value[:_MAX_TEXT].strip())
    return out


def _options(key: str, raw: list[str], tax: Taxonomy, notices: list[str]) -> tuple[str, ...]:
    ids: dict[str, None] = {}
    for text in raw:
        oid = resolve_option(OPTION_KEYS[key], text, tax) or resolve_option(
            OPTION_KEYS[key], _OLD_SUFFIX.sub("", _OLD_LABEL.sub("", text)), tax)
        if oid is None:
            notices.append(f"{key} {text!r} is not a known {key}")
        else:
            ids[oid] = None
    return tuple(ids)


def _role(raw: list[str], notices: list[str]) -> str:
    for text in raw[-1:]:
        words = {k.casefold(): v for k, v in ROLE_WORDS.items()} | {v: v for v in ROLE_WORDS.values()}
        if text.casefold() in words:
            return words[text.casefold()]
        notices.append(f"role {text!r} is not one of {', '.join(ROLE_WORDS)}")
    return "any"


def _dates(key: str, raw: list[str], notices: list[str]) -> list[date]:
    out = []
    for text in raw:
        day = _date(text)
        if day is None:
            notices.append(f"{key} {text!r} is not a date (YYYY-MM-DD)")
        else:
            out.append(day)
    return out


def parse_view_query(qs: str, tax: Taxonomy) -> tuple[Filters, list[str]]:
    """The `Filters` a dashboard query string describes, and a notice per value it could not use.

    Dates absent stay None (the caller applies its default window); commodity groups are
    expanded to their members as everywhere on the read side.
    """
    values, notices = _values(qs), []
    for key in values:
        if key not in FILTER_KEYS and key not in PRESENTATION_KEYS:
            notices.append(f"{key!r} is not a filter (known: {', '.join(FILTER_KEYS)})")
    picked = {key: _options(key, values.get(key, []), tax, notices) for key in OPTION_KEYS}
    dates = _dates("dates", values.get("dates", []), notices)
    if len(dates) > 2:
        notices.append("dates takes at most two days (from, to)")
    in_force = _dates("in_force", values.get("in_force", [])[-1:], notices)
    text = " ".join(values.get("q", [])).strip()[:_MAX_TEXT]
    filters = Filters(
        countries=picked["country"], country_role=_role(values.get("role", []), notices),
        commodities=expand_commodities(tax, picked["commodity"]), types=picked["type"],
        statuses=picked["status"], since=dates[0] if dates else None,
        until=dates[1] if len(dates) > 1 else None,
        sources=tuple(dict.fromkeys(_OLD_LABEL.sub("", s).casefold() for s in values.get("source", []) if s)),
        text=text, in_force_on=in_force[0] if in_force else None,
    )
    return filters, notices


def _collapsed(commodities: tuple[str, ...], tax: Taxonomy | None) -> list[str]:
    """Expanded commodity ids back to what was chosen: a group whose members are all present
    stands for them (so a view naming "rare earths" is written as `commodity=rare_earths`)."""
    if tax is None:
        return list(commodities)
    chosen = set(commodities)
    covered: set[str] = set()
    for cid in commodities:
        members = tax.members(cid)
        if len(members) > 1 and chosen.issuperset(members):
            covered.update(members[1:])
    return [c for c in commodities if c not in covered]


def view_query(f: Filters, tax: Taxonomy | None = None) -> str:
    """The query string of `f`, ids only, keys in a fixed order; empty for no filters.

    With the taxonomy, expanded commodity groups are written as the group alone.
    """
    pairs: list[tuple[str, str]] = [("country", c) for c in f.countries]
    if f.country_role != "any":
        pairs.append(("role", ROLE_LABELS.get(f.country_role, "Any")))
    pairs += [("commodity", c) for c in _collapsed(f.commodities, tax)]
    pairs += [("type", t) for t in f.types] + [("status", s) for s in f.statuses]
    if f.since is not None:  # the dashboard's range is (from[, to]): an end alone has no form
        pairs += [("dates", d.isoformat()) for d in (f.since, f.until) if d is not None]
    if f.in_force_on is not None:
        pairs.append(("in_force", f.in_force_on.isoformat()))
    pairs += [("source", s) for s in f.sources]
    if f.text:
        pairs.append(("q", f.text))
    return urlencode(pairs)
