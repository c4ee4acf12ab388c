"""The page URL <-> the sidebar, so every view is a link: read once per session (ids or plain
names, unknown values named in a notice), written back on every run with clean ids only.

The filter widgets are not bound to the URL by Streamlit: its binding writes each option's
display text ("China (CN) · 61") into the link and silently drops what it cannot match. The
query string is read and written by `ingest.read.view_query`, the same code that reads a saved
view, so a link, a subscription and the CLI mean the same thing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode

import streamlit as st

from ingest.read.filters import Filters
from ingest.read.view_query import FILTER_KEYS, ROLE_LABELS, parse_view_query, view_query
from ingest.tagging.taxonomy import Taxonomy

OLDER_KEY = "older"  # ?older=hide: leave out older acts still in force (shown by default)
URL_KEYS = (*FILTER_KEYS, OLDER_KEY)
NOTICES = "_url_notices"


def _query_string(keys: tuple[str, ...]) -> str:
    return urlencode([(k, v) for k in keys for v in st.query_params.get_all(k)])


def read_url(tax: Taxonomy) -> dict[str, Any] | None:
    """The widget values the URL names, on the session's first run only (None after that).

    Unknown values go to the session's notices (see `show_notices`), never silently away.
    """
    if st.session_state.get("_url_read"):
        return None
    st.session_state["_url_read"] = True
    f, notices = parse_view_query(_query_string(FILTER_KEYS), tax)
    older = st.query_params.get(OLDER_KEY)
    if older not in (None, "hide", "show"):
        notices.append(f"older {older!r} is not hide or show")
    st.session_state[NOTICES] = notices
    return {
        "country": list(f.countries), "role": ROLE_LABELS.get(f.country_role, "Any"),
        # commodity groups collapsed back to the group ("rare_earths", not its 17 members)
        "commodity": [v for k, v in parse_qsl(view_query(f, tax)) if k == "commodity"],
        "type": list(f.types), "status": list(f.statuses), "source": list(f.sources), "q": f.text,
        "in_force": f.in_force_on, "dates": (f.since, f.until) if f.since else None,
        OLDER_KEY: older != "hide",
    }


def write_url(f: Filters, tax: Taxonomy, window: tuple[date, date], older: bool) -> None:
    """Put the view's filters in the URL as ids (the default window and defaults left out),
    touching only the filter keys: the tab and chart choices are Streamlit's own."""
    shown = replace(f, also_in_force_on=None, limit=None)
    if (f.since, f.until) == window:
        shown = replace(shown, since=None, until=None)
    pairs = parse_qsl(view_query(shown, tax))
    if not older:
        pairs.append((OLDER_KEY, "hide"))
    want: dict[str, list[str]] = {}
    for k, v in pairs:
        want.setdefault(k, []).append(v)
    for key in URL_KEYS:
        if st.query_params.get_all(key) != want.get(key, []):
            if key in want:
                st.query_params[key] = want[key]
            elif key in st.query_params:
                del st.query_params[key]


def show_notices() -> None:
    """One line naming what the link asked for that this page could not use."""
    notices = st.session_state.get(NOTICES) or []
    if notices:
        st.warning("Not applied from the link: " + "; ".join(notices) + ".", icon=":material/link_off:")


def add_notices(more: list[str]) -> None:
    st.session_state[NOTICES] = [*(st.session_state.get(NOTICES) or []), *more]


def clear_notices() -> None:
    st.session_state[NOTICES] = []
