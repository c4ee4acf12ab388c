"""Display text for ids and dates, and the safe forms of feed text and links (no streamlit).

Feed text (headlines, evidence, sources) is HTML-escaped before it reaches a plotly label,
and only http(s) URLs ever become links.
"""

from __future__ import annotations

import html
import math
import textwrap
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import pandas as pd

from ingest.tagging.taxonomy import Taxonomy
from ingest.text import safe_link

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Labels:
    """Display names for ids, from the taxonomy (unknown ids fall back to a tidy form of the id)."""

    types: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    commodities: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # group id -> members
    type_order: tuple[str, ...] = ()
    status_order: tuple[str, ...] = ()

    @classmethod
    def from_taxonomy(cls, tax: Taxonomy) -> Labels:
        groups = {c.id: tax.members(c.id) for c in tax.commodities if c.kind == "group"}
        return cls(
            types={t.id: t.label for t in tax.event_types},
            statuses={s.id: s.label for s in tax.statuses},
            commodities={c.id: c.label for c in tax.commodities},
            countries={c.code: c.label for c in tax.countries},
            groups=groups,
            type_order=tuple(t.id for t in tax.event_types),
            status_order=tuple(s.id for s in tax.statuses),
        )

    @staticmethod
    def _tidy(x: str) -> str:
        return str(x).replace("_", " ").capitalize()

    def type(self, x: str) -> str:
        return self.types.get(x) or self._tidy(x)

    def status(self, x: str) -> str:
        return self.statuses.get(x) or self._tidy(x)

    def commodity(self, x: str) -> str:
        return self.commodities.get(x) or self._tidy(x)

    def country(self, x: str) -> str:
        return self.countries.get(x) or str(x)

    def parent_group(self, cid: str) -> str | None:
        for gid, members in self.groups.items():
            if gid != cid and cid in members:
                return gid
        return None


def option_label(label: str, count: int | None = None) -> str:
    """'China (CN) · 42': a filter option with its event count."""
    return label if count is None else f"{label} · {count:,}"


def headline_link(url: Any, headline: str) -> str | None:
    """A link to the article with the headline as a text fragment (`#:~:text=`), which browsers
    use to highlight it on the page; None unless the URL is a safe http(s) link."""
    link = safe_link(url)
    if link is None:
        return None
    base = link.split("#", 1)[0]
    return f"{base}#:~:text={quote(headline or base, safe='').replace('-', '%2D')}"


def esc(text: Any, width: int | None = None, limit: int | None = None) -> str:
    """HTML-escaped (plotly renders a subset of HTML in labels), truncated, wrapped with <br>."""
    s = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    s = " ".join(s.split())
    if limit and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    lines = textwrap.wrap(s, width) if width else [s]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def date_text(d: Any, precision: str = "day", end: Any = None) -> str:
    """'2026-12-10', 'Dec 2026 (month)', '2027 (year)', with ' → end' when there is one."""
    if d is None or pd.isna(d):
        return ""
    d = pd.Timestamp(d)
    if precision == "year":
        s = f"{d.year} (year)"
    elif precision == "month":
        s = f"{MONTHS[d.month - 1]} {d.year} (month)"
    else:
        s = d.strftime("%Y-%m-%d")
    if end is not None and not pd.isna(end):
        s += f" → {pd.Timestamp(end).strftime('%Y-%m-%d')}"
    return s
