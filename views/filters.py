"""The sidebar: filter widgets read into one `Filters`, kept in the URL by `url_state`.

Dates come first: the "· N" after every option counts the acts that choosing it would show in
that window. Typing in Country or Commodity and pressing Enter picks the best match
(`ingest.read.options.search_options`: names, demonyms, aliases, ISO and HS codes), never
"Select all matches". No widget gets both a default and a Session State value (Streamlit warns
about that): values the page sets go through Session State before the widget exists, and the
date range, which needs its default, gets a fresh key when the filters are reset.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import streamlit as st

from ingest.read.act_options import window_only
from ingest.read.filters import REVIEW_STATES, Filters, expand_commodities
from ingest.read.options import search_options
from ingest.tagging.taxonomy import Taxonomy

from .labels import Labels, option_label
from .url_state import OLDER_KEY, add_notices, clear_notices, read_url

ROLES = {"Any": "any", "Acting": "actor", "Targeted": "target"}
MULTI_KEYS = ("country", "commodity", "type", "status", "source")
SEARCHED = ("country", "commodity")  # typed text resolved by best match on Enter
SELECTION_KEYS = ("timeline", "events_table", "upcoming_table")  # a selected act, per view
_COUNT_SUFFIX = re.compile(r"\s+·\s+[\d,]+$")
CountFn = Callable[[Filters], dict[str, dict[str, int]]]


class Options:
    """Filter options from the taxonomy (and the store's sources) with their act counts."""

    def __init__(self, tax: Taxonomy, labels: Labels, counts: dict[str, dict[str, int]]) -> None:
        c_country, c_commodity, groups = counts["country"], counts["commodity"], counts["group"]
        group_ids = [c.id for c in tax.commodities if c.kind == "group"]
        element_ids = [c.id for c in tax.commodities if c.kind != "group"]
        self.ids: dict[str, list[str]] = {
            "country": self._ordered([c.code for c in tax.countries], c_country),
            "commodity": self._ordered(group_ids, groups) + self._ordered(element_ids, c_commodity),
            "type": [t.id for t in tax.event_types],
            "status": [s.id for s in tax.statuses],
            "source": self._ordered(sorted(counts["source"]), counts["source"]),
        }
        self.labels: dict[str, dict[str, str]] = {
            "country": {c.code: option_label(f"{c.label} ({c.code})", c_country.get(c.code, 0))
                        for c in tax.countries},
            "commodity": {
                **{c: option_label(labels.commodity(c), c_commodity.get(c, 0)) for c in element_ids},
                **{g: option_label(f"{labels.commodity(g)} (group)", groups.get(g, 0)) for g in group_ids},
            },
            "type": {t: option_label(labels.type(t), counts["type"].get(t, 0)) for t in self.ids["type"]},
            "status": {s: option_label(labels.status(s), counts["status"].get(s, 0))
                       for s in self.ids["status"]},
            "source": {s: option_label(s, n) for s, n in counts["source"].items()},
        }

    def fmt(self, key: str) -> Callable[[str], str]:
        """The option text of an id for filter `key` (its label with its count)."""
        return lambda oid: self.labels[key].get(oid, oid)

    @staticmethod
    def _ordered(ids: list[str], counts: dict[str, int]) -> list[str]:
        """Options with acts first (most first), then the rest in taxonomy order."""
        pos = {x: i for i, x in enumerate(ids)}
        return sorted(ids, key=lambda x: (-counts.get(x, 0), pos[x]))


def best_ids(values: Iterable[Any], kind: str | None, known: Iterable[str], tax: Taxonomy) -> list[str]:
    """Widget values as option ids: known ids kept; typed text (or an option's text with a count
    from an older run) replaced by its best match among the known options; the rest dropped."""
    ok = set(known)
    out: dict[str, None] = {}
    for value in values:
        text = str(value)[:200]
        if text in ok:
            out[text] = None
            continue
        bare = _COUNT_SUFFIX.sub("", text).strip()
        match = next((o for o in search_options(kind, bare, tax) if o in ok), None) if kind else None
        if match:
            out[match] = None
    return list(out)


def _resolve_typed(key: str, kind: str, known: frozenset[str], tax: Taxonomy) -> None:
    """On change: what was typed and entered becomes the one best-matching option."""
    st.session_state[key] = best_ids(st.session_state.get(key) or [], kind, known, tax)


def _seed(values: dict[str, Any]) -> None:
    """Widget values from the URL, set before the widgets exist (no default is passed then)."""
    for key, value in values.items():
        if key == "dates":
            st.session_state["_dates_seed"] = value
        else:
            st.session_state[key] = value


def _dates_key() -> str:
    gen = int(st.session_state.get("_reset_gen", 0))
    return "dates" if gen == 0 else f"dates_{gen}"


def reset_filters() -> None:
    """Every filter back to its default (which also drops it from the URL)."""
    for key in MULTI_KEYS:
        st.session_state[key] = []
    st.session_state.update({"role": "Any", "q": "", "in_force": None, OLDER_KEY: True,
                             "review": []})
    st.session_state["_reset_gen"] = int(st.session_state.get("_reset_gen", 0)) + 1
    st.session_state.pop("_dates_seed", None)
    for key in SELECTION_KEYS:
        st.session_state.pop(key, None)
    clear_notices()


def _clamp(day: date | None, bounds: tuple[date, date]) -> date | None:
    return None if day is None else min(max(day, bounds[0]), bounds[1])


def _when(window: tuple[date, date], bounds: tuple[date, date], today: date) -> Filters:
    """The date widgets (first in the sidebar): the window, "in force on" and older acts."""
    seed = st.session_state.get("_dates_seed") or window
    seed = (_clamp(seed[0], bounds), _clamp(seed[1] or window[1], bounds))
    dates = st.date_input("Date range", value=seed, min_value=bounds[0], max_value=bounds[1],
                          key=_dates_key(), format="YYYY-MM-DD",
                          help="Default: the last 24 months through the furthest scheduled date.")
    st.session_state.setdefault(OLDER_KEY, True)
    older = st.checkbox("Also older acts still in force today", key=OLDER_KEY,
                        help="Measures taken before the date range that are still in force (not ended, "
                             "suspended or lifted) are shown too.")
    chosen = st.session_state.get("in_force")
    if chosen is not None and _clamp(chosen, bounds) != chosen:
        st.session_state["in_force"] = _clamp(chosen, bounds)
    in_force = st.date_input("In force on", value=None, min_value=bounds[0], max_value=bounds[1],
                             key="in_force", format="YYYY-MM-DD",
                             help="Only acts in force on this day: taken effect, not yet ended, "
                                  "suspended or lifted.")
    since, until = window
    if isinstance(dates, tuple | list):
        since = dates[0] if len(dates) > 0 else since
        until = dates[1] if len(dates) > 1 else until
    return Filters(since=since, until=until, also_in_force_on=today if older else None,
                   in_force_on=in_force if isinstance(in_force, date) else None)


def _multi(label: str, key: str, opts: Options, tax: Taxonomy, placeholder: str,
           help: str | None = None) -> list[str]:
    """A multiselect of option ids; Enter picks the first (best) match, never every match."""
    kind = key if key != "source" else None
    ids = list(opts.ids[key])
    ids += [v for v in st.session_state.get(key) or [] if v not in ids and key == "source"]
    searched: dict[str, Any] = {}
    if key in SEARCHED:
        searched = {"accept_new_options": True, "filter_mode": "prefix", "on_change": _resolve_typed,
                    "args": (key, key, frozenset(ids), tax)}
    raw = st.multiselect(label, ids, format_func=opts.fmt(key), key=key, placeholder=placeholder,
                         select_all=False, help=help, **searched)
    return best_ids(raw, kind, ids, tax)


def sidebar(tax: Taxonomy, labels: Labels, window: tuple[date, date], bounds: tuple[date, date],
            today: date, count_options: CountFn) -> tuple[Filters, bool]:
    """The filters in view, and whether older acts still in force are included."""
    with st.sidebar:
        st.header("Filters", anchor=False)
        seeded = read_url(tax)
        if seeded is not None:
            _seed({k: v for k, v in seeded.items() if k != "source"})
        when = _when(window, bounds, today)
        opts = Options(tax, labels, count_options(window_only(when)))
        if seeded is not None:
            st.session_state["source"] = best_ids(seeded["source"], None, opts.ids["source"], tax)
            add_notices([f"source {s!r} has no acts in this date range" for s in seeded["source"]
                         if s not in opts.ids["source"]])
        countries = _multi("Country", "country", opts, tax, "Type a name, e.g. usa, German, Congo")
        role = st.radio("Country's role", list(ROLES), key="role", horizontal=True,
                        help="Acting: the country takes the measure. Targeted: it is aimed at.")
        commodities = _multi("Commodity", "commodity", opts, tax, "Type a name, alias or HS code",
                             help="A group (e.g. rare earth elements) includes its members. Aliases "
                                  "(magnet, NdPr, polysilicon) and HS codes (8505.11) find them too.")
        types = _multi("Event type", "type", opts, tax, "Any type")
        statuses = _multi("Status", "status", opts, tax, "Any status")
        sources = _multi("Source", "source", opts, tax, "Any source")
        text = st.text_input("Search headlines and evidence", key="q", max_chars=200,
                             placeholder="e.g. licence, Section 232")
        reviewed = st.multiselect("Review state", list(REVIEW_STATES), key="review", bind="query-params",
                                  placeholder="All but dismissed",
                                  help="Acts an analyst confirmed, edited or dismissed, or not yet reviewed")
        st.button("Reset filters", key="reset_sidebar", on_click=reset_filters,
                  icon=":material/restart_alt:", width="stretch")
        st.caption("Every filter is in the page URL: copy it to share this view.")
    f = Filters(
        countries=tuple(countries), country_role=ROLES.get(role or "Any", "any"),
        commodities=expand_commodities(tax, commodities), types=tuple(types), statuses=tuple(statuses),
        since=when.since, until=when.until, sources=tuple(sources), text=(text or "").strip()[:200],
        in_force_on=when.in_force_on, also_in_force_on=when.also_in_force_on,
        review_states=tuple(x for x in REVIEW_STATES if x in (reviewed or ())),
    )
    return f, when.also_in_force_on is not None
