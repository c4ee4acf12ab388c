"""The sidebar: filter widgets bound to the URL (so every view is a link), read into one
`Filters`. URL values are matched against the taxonomy's options, never parsed further."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from ingest.read.filters import REVIEW_STATES, Filters, expand_commodities
from ingest.tagging.taxonomy import Taxonomy

from .labels import Labels, option_label

ROLES = {"Any": "any", "Acting": "actor", "Targeted": "target"}
MULTI_KEYS = ("country", "commodity", "type", "status", "source")
SELECTION_KEYS = ("timeline", "events_table", "upcoming_table")  # a selected event, per view
_COUNT_SUFFIX = re.compile(r"\s+·\s+[\d,]+$")


class Options:
    """Filter options from the taxonomy (and the store's sources) with their event counts."""

    def __init__(self, tax: Taxonomy, labels: Labels, counts: dict[str, Any]) -> None:
        c_country, c_commodity = counts["country"], counts["commodity"]
        groups = counts["group"]
        self.country = self._ordered([c.code for c in tax.countries], c_country)
        group_ids = [c.id for c in tax.commodities if c.kind == "group"]
        element_ids = [c.id for c in tax.commodities if c.kind != "group"]
        self.commodity = self._ordered(group_ids, groups) + self._ordered(element_ids, c_commodity)
        self.type = [t.id for t in tax.event_types]
        self.status = [s.id for s in tax.statuses]
        self.source = self._ordered(sorted(counts["source"]), counts["source"])
        self.labels: dict[str, dict[str, str]] = {
            "country": {c.code: option_label(f"{c.label} ({c.code})", c_country.get(c.code, 0))
                        for c in tax.countries},
            "commodity": {
                **{c: option_label(labels.commodity(c), c_commodity.get(c, 0)) for c in element_ids},
                **{g: option_label(f"{labels.commodity(g)} (group)", groups.get(g, 0))
                   for g in group_ids},
            },
            "type": {t: option_label(labels.type(t), counts["type"].get(t, 0)) for t in self.type},
            "status": {s: option_label(labels.status(s), counts["status"].get(s, 0))
                       for s in self.status},
            "source": {s: option_label(s, n) for s, n in counts["source"].items()},
        }
        # Everything a URL may name an option by: its id, its label, its label with any count.
        self._lookup: dict[str, dict[str, str]] = {}
        for key, mapping in self.labels.items():
            look: dict[str, str] = {}
            for oid, text in mapping.items():
                base = _COUNT_SUFFIX.sub("", text)
                for alias in (oid, base, base.removesuffix(" (group)"), text):
                    look.setdefault(alias.casefold(), oid)
            self._lookup[key] = look

    def fmt(self, key: str) -> Callable[[str], str]:
        """The option text of an id for filter `key` (its label with its count)."""
        return lambda oid: self.labels[key].get(oid, oid)

    @staticmethod
    def _ordered(ids: list[str], counts: dict[str, int]) -> list[str]:
        """Options with events first (most first), then the rest in taxonomy order."""
        pos = {x: i for i, x in enumerate(ids)}
        return sorted(ids, key=lambda x: (-counts.get(x, 0), pos[x]))

    def resolve(self, key: str, raw: list[str]) -> list[str]:
        """URL strings to option ids; unknown strings are dropped (never parsed further)."""
        look = self._lookup[key]
        out = []
        for value in raw[:200]:
            oid = look.get(_COUNT_SUFFIX.sub("", str(value)[:200]).strip().casefold()) or look.get(
                str(value)[:200].strip().casefold())
            if oid and oid not in out:
                out.append(oid)
        return out


def seed_from_url(key: str, opts: Options) -> None:
    """Accept ids, labels and stale counts in the URL for `key` (a hand-written ?country=CN or a
    link made before the counts changed), which the widget's binding alone would drop: it only
    takes today's exact option text ("China (CN) · 42"). Unknown values are simply ignored.

    First run: seed the widget through session state. The binding writes an assigned value to
    the URL only on a later run, so `sync_url` assigns it again on an immediate follow-up run.
    """
    pending = st.session_state.setdefault("_url_sync", {})
    if key in pending and st.session_state.get("_url_sync_due"):
        st.session_state[key] = pending.pop(key)
        return
    if key in st.session_state:
        return
    raw = st.query_params.get_all(key)
    if not raw:
        return
    resolved = opts.resolve(key, raw)
    if resolved and [opts.labels[key][oid] for oid in resolved] != raw:
        st.session_state[key] = resolved
        pending[key] = resolved


@st.fragment(run_every=0.2)
def sync_url() -> None:
    """Rerun the page once, after the first run has completed, to write seeded filters to the URL."""
    if st.session_state.get("_url_sync_armed"):
        st.session_state["_url_sync_armed"] = False
        st.session_state["_url_sync_due"] = True
        st.rerun(scope="app")
    st.session_state["_url_sync_armed"] = True


def reset_filters(window: tuple[date, date]) -> None:
    """Every filter back to its default (which also drops it from the URL)."""
    for key in MULTI_KEYS:
        st.session_state[key] = []
    st.session_state["role"] = "Any"
    st.session_state["dates"] = window
    st.session_state["q"] = ""
    st.session_state["in_force"] = None
    st.session_state["review"] = []
    for key in SELECTION_KEYS:
        st.session_state.pop(key, None)


def sidebar(opts: Options, tax: Taxonomy, window: tuple[date, date],
            bounds: tuple[date, date]) -> Filters:
    with st.sidebar:
        st.header("Filters", anchor=False)
        for key in MULTI_KEYS:
            seed_from_url(key, opts)
        countries = st.multiselect(
            "Country", opts.country, format_func=opts.fmt("country"), key="country",
            bind="query-params", placeholder="Any country")
        role = st.radio("Country's role", list(ROLES), key="role", horizontal=True, bind="query-params",
                        help="Acting: the country takes the measure. Targeted: it is aimed at.")
        commodities = st.multiselect(
            "Commodity", opts.commodity, format_func=opts.fmt("commodity"), key="commodity",
            bind="query-params", placeholder="Any commodity",
            help="A group (e.g. rare earth elements) includes its members.")
        types = st.multiselect("Event type", opts.type, format_func=opts.fmt("type"), key="type",
                               bind="query-params", placeholder="Any type")
        statuses = st.multiselect("Status", opts.status, format_func=opts.fmt("status"),
                                  key="status", bind="query-params", placeholder="Any status")
        dates = st.date_input("Date range", value=window, min_value=bounds[0], max_value=bounds[1],
                              key="dates", bind="query-params", format="YYYY-MM-DD",
                              help="Default: the last 24 months through the furthest scheduled date.")
        in_force = st.date_input("In force on", value=None, min_value=bounds[0], max_value=bounds[1],
                                 key="in_force", bind="query-params", format="YYYY-MM-DD",
                                 help="Only acts in force on this day: taken effect, not yet ended, "
                                      "suspended or lifted.")
        sources = st.multiselect("Source", opts.source, format_func=opts.fmt("source"),
                                 key="source", bind="query-params", placeholder="Any source")
        text = st.text_input("Search headlines and evidence", key="q", bind="query-params",
                             max_chars=200, placeholder="e.g. licence, Section 232")
        reviewed = st.multiselect("Review state", list(REVIEW_STATES), key="review", bind="query-params",
                                  placeholder="All but dismissed",
                                  help="Acts an analyst confirmed, edited or dismissed, or not yet reviewed")
        st.button("Reset filters", key="reset_sidebar", on_click=reset_filters, args=(window,),
                  icon=":material/restart_alt:", width="stretch")
        st.caption("Every filter is in the page URL: copy it to share this view.")

    since, until = window
    if isinstance(dates, tuple | list):
        since = dates[0] if len(dates) > 0 else since
        until = dates[1] if len(dates) > 1 else until
    return Filters(
        countries=tuple(countries), country_role=ROLES.get(role or "Any", "any"),
        commodities=expand_commodities(tax, commodities), types=tuple(types), statuses=tuple(statuses),
        since=since, until=until, sources=tuple(sources), text=(text or "").strip()[:200],
        in_force_on=in_force if isinstance(in_force, date) else None,
        review_states=tuple(x for x in REVIEW_STATES if x in (reviewed or ())),
    )
