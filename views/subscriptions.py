"""Saved views on the Feeds tab: save the page's current filters under a name (a subscription
whose changes each ingest run publishes as an Atom feed), and each view's health."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from ingest import store
from ingest.read.filters import Filters
from ingest.read.subscriptions import subscription_health
from ingest.read.view_query import FILTER_KEYS, parse_view_query, view_query
from ingest.subscriptions.publish import ViewError, add_view, feed_path
from ingest.text import first_line

from .loaders import Source, taxonomy


def current_query(keep_dates: bool) -> str:
    """The page's filters as a query string of ids (how the view is shown is left out).

    Read from the `Filters` the page last built (the server's copy of the URL is not refreshed
    when a widget changes), else from the URL. The date range is left out unless asked for: a
    subscription is for what is new, and a fixed range would soon exclude it.
    """
    f = st.session_state.get("_filters")
    if not isinstance(f, Filters):
        params = st.query_params
        f, _ = parse_view_query(urlencode(
            [(k, v) for k in FILTER_KEYS if k in params for v in params.get_all(k)]), taxonomy())
    return view_query(f if keep_dates else replace(f, since=None, until=None), taxonomy())


def save(url: str, name: str, query: str) -> None:
    """Store the view; a message says what was saved, or in one line why not."""
    try:
        engine = store.connect(url, create=True)  # adds the subscription tables to an older store
    except store.StoreError as exc:
        st.error(f"Not saved: {exc}", icon=":material/error:")
        return
    try:
        clean = add_view(engine, name.strip(), query, tax=taxonomy())
    except ViewError as exc:
        st.error(f"Not saved: {exc}", icon=":material/error:")
    except (SQLAlchemyError, OSError) as exc:
        st.error(f"Not saved: {first_line(exc)}", icon=":material/error:")
    else:
        st.success(f"Saved view **{name.strip()}** ({clean or 'every act'}). Each ingest run adds its "
                   f"new and changed acts to `{feed_path(name.strip())}`.", icon=":material/bookmark_added:")
    finally:
        engine.dispose()


def view(src: Source) -> None:
    st.subheader("Saved views", anchor=False)
    with st.form("save_view", clear_on_submit=True, border=False):
        cols = st.columns([3, 1], vertical_alignment="bottom")
        name = cols[0].text_input("Save this view as", max_chars=64, key="save_view_name",
                                  placeholder="e.g. cn-gallium",
                                  help="Letters, digits, '-', '_' or '.'. The filters in the page URL are "
                                       "saved; after each ingest run, new and changed acts matching them "
                                       "are added to this view's Atom feed.")
        submitted = cols[1].form_submit_button("Save this view", icon=":material/bookmark_add:",
                                               width="stretch")
        keep_dates = st.checkbox("Keep the date range", key="save_view_dates",
                                 help="Off: the view covers acts of any date, so later ones count too.")
    if submitted:
        if name.strip():
            save(src.url, name, current_query(keep_dates))
        else:
            st.warning("Give the view a name first.", icon=":material/edit:")
    try:
        health = subscription_health(src.engine)  # not cached: a view saved a moment ago shows
    except SQLAlchemyError:
        health = None  # a store made before subscriptions: nothing saved yet
    if health is None or health.empty:
        st.caption("No saved views yet. `python -m ingest subscriptions add NAME QUERY` saves one "
                   "from a script.")
        return
    text, number = st.column_config.TextColumn, st.column_config.NumberColumn
    st.dataframe(health, hide_index=True, key="views_table", column_config={
        "view": text("View"), "query": text("Filters"), "last_fired": text("Last run"),
        "entries": number("Entries", width="small"), "webhook": text("Webhook", width="small"),
        "failures": number("Failures", width="small"), "error": text("Last webhook error", width="large"),
    })
