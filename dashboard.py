"""Minerals tracker dashboard: `streamlit run dashboard.py` (or `make run`).

A composer: read the sidebar filters (bound to the URL, so every view is a link), load cached
DataFrames from `ingest.read` through `views.loaders`, and hand them to the tab views in
`views`. No SQL and no figure code lives here, and the page never writes: `make run` (or
`python -m ingest run --offline`) builds the store; an empty or missing one gets a message.

Store: $TRACKER_DB_URL or data/tracker.db. $TRACKER_TODAY (YYYY-MM-DD) pins "today".
"""

from __future__ import annotations

from datetime import date
from typing import NoReturn

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from ingest import settings, store
from ingest.read import queries as query
from ingest.read.act_marks import OfficialSourcesError
from ingest.read.act_options import act_option_counts
from ingest.read.acts import act_summary, acts_frame
from ingest.read.filters import Filters
from ingest.store import StoreError
from ingest.tagging.taxonomy import TaxonomyError
from ingest.text import first_line, safe_link
from views import calendar, events, feeds, overview, review, timeline
from views.detail import md
from views.filters import SELECTION_KEYS, reset_filters, sidebar
from views.labels import Labels
from views.loaders import EmptyStore, Source, labels, taxonomy
from views.url_state import clear_notices, show_notices, write_url

TABS = ("Timeline", "Upcoming", "Overview", "Events", "Review", "Feeds")
RECENT_DAYS = 30
PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; }
@media (min-width: 1200px) {  /* wide screens: room for the act table's key columns */
  [data-testid="stMainBlockContainer"] { padding-left: 2.5rem; padding-right: 2.5rem; }
}
[data-testid="stMetricValue"] { font-size: 1.9rem; }
.st-key-event_headline [data-testid="stText"] { font-weight: 600; font-size: 1.05rem; }
</style>"""
READ_ERRORS = (StoreError, SQLAlchemyError, TaxonomyError, OfficialSourcesError, OSError)

ICON = settings.PROJECT_ROOT / "static" / "favicon.png"  # local: loading the page fetches nothing

# "auto": the filters start open on a wide screen and collapsed on a phone, where they would
# cover the page.
st.set_page_config(page_title="Minerals tracker", page_icon=str(ICON), layout="wide",
                   initial_sidebar_state="auto")


def stop_with_error(url: str, exc: BaseException) -> NoReturn:
    st.error(f"Cannot read the store at {store.safe_url(url)}: {first_line(exc)}. Check "
             "$TRACKER_DB_URL, or rebuild it with `python -m ingest run --offline`.",
             icon=":material/error:")
    st.stop()


def open_source(url: str) -> Source:
    """The store to read; otherwise one line saying what to do, and the end of this run."""
    try:
        return Source.open(url)
    except EmptyStore as why:
        st.info(f"{str(why).capitalize()} {store.safe_url(url)}: run `make run` or "
                "`python -m ingest run --offline` to build it, then reload this page.",
                icon=":material/database:")
        st.stop()
    except READ_ERRORS as exc:
        stop_with_error(url, exc)


def read_filters(src: Source, lab: Labels, today: date) -> tuple[Filters, tuple[date, date]]:
    """The sidebar's filters (the URL's on a session's first run) and the default date window
    (what "Reset filters" goes back to); the URL is rewritten with the filters' ids."""
    bounds_seen = src.load(query.date_bounds)
    window = query.window_from_bounds(bounds_seen, today)
    lo, hi = bounds_seen
    bounds = (min(lo or window[0], window[0]), max(hi or window[1], window[1]))
    groups = tuple(lab.groups.items())
    f, older = sidebar(taxonomy(), lab, window, bounds, today,
                       lambda w: src.load(act_option_counts, w, groups))
    previous = st.session_state.get("_filters")
    if previous not in (None, f):
        for key in SELECTION_KEYS:  # a selection made under other filters
            st.session_state.pop(key, None)
        clear_notices()
    st.session_state["_filters"] = f
    write_url(f, taxonomy(), window, older)
    return f, window


def header(src: Source, f: Filters, today: date) -> int:
    """Title, freshness and the headline numbers (counting acts); returns how many acts are in view."""
    stats = src.load(act_summary, f, today, RECENT_DAYS, calendar.UPCOMING_DAYS)
    last_run = src.version.split("|", 1)[0][:16].replace("T", " ")
    st.caption("Export controls, tariffs, sanctions, investigations, state investment, agreements, "
               f"talks and summits, tagged from news feeds · store updated {md(last_run) or 'never'} UTC")
    health = src.load(query.feed_health)
    if not health.empty and not health["url"].map(safe_link).notna().any():
        st.caption(":material/info: This store holds only the bundled **sample feeds**. Pull the live "
                   "feeds with `python -m ingest run` (the page picks them up without a restart).")
    m = st.columns(4)
    m[0].metric("Acts in view", f"{stats['acts']:,}", border=True,
                help="Real-world acts; the reports of one act by many outlets count once")
    m[1].metric(f"Last {RECENT_DAYS} days", f"{stats['recent']:,}", border=True,
                help=f"Acts announced in the last {RECENT_DAYS} days (every filter but the date range); "
                     "one dated only to a month counts once its month is over")
    m[2].metric(f"Next {calendar.UPCOMING_DAYS} days", f"{stats['ahead']:,}", border=True,
                help=f"Acts taking effect, ending or meeting in the next {calendar.UPCOMING_DAYS} days "
                     "(every filter but the date range; see Upcoming)")
    m[3].metric("Latest act", stats.get("latest_label") or "—",
                border=True, help="The most recent act in view wholly dated up to today")
    return int(stats["acts"])


def scope_line(src: Source, f: Filters, today: date) -> None:
    """One line saying what the view holds, the older acts still in force above all (a date
    window alone would hide a 2023 export control that is still in force)."""
    if f.since is None or f.until is None:
        return
    span = f"Acts dated {f.since:%d %b %Y} to {f.until:%d %b %Y}"
    if f.until > today:
        span += " (what is scheduled included)"
    if f.also_in_force_on is None:
        st.caption(f":material/date_range: {span}; older acts still in force are left out.")
        return
    df = src.load(acts_frame, f)
    older = int((df["date_last"] < f.since).sum()) if len(df) else 0
    st.caption(f":material/date_range: {span}, plus every act still in force today whatever its age "
               f"({older:,} older act{'s' if older != 1 else ''}).")


def tabs(src: Source, f: Filters, n: int, lab: Labels, today: date) -> None:
    """The views; they stay when nothing matches: feed health matters most exactly then."""
    tab = st.tabs(list(TABS), key="view", bind="query-params")
    with tab[0]:
        if tab[0].open and n:
            timeline.view(src, f, n, lab, today)
    with tab[1]:
        if tab[1].open:
            calendar.view(src, f, lab, today)
    with tab[2]:
        if tab[2].open and n:
            overview.view(src, f, lab, today)
    with tab[3]:
        if tab[3].open and n:
            events.view(src, f, n, lab)
    with tab[4]:
        if tab[4].open:
            review.view(src, f, lab)
    with tab[5]:
        if tab[5].open:
            feeds.view(src)


def main() -> None:
    st.html(PAGE_CSS)  # a fixed stylesheet (no feed text ever goes through HTML)
    st.title("Critical-minerals trade policy", anchor=False)
    url = store.resolve_url()
    today = settings.current().today or date.today()
    src = open_source(url)
    try:
        lab = labels()
        f, window = read_filters(src, lab, today)
        show_notices()
        n = header(src, f, today)
        scope_line(src, f, today)
        if n == 0:
            st.info("No acts match these filters. Widen the date range, remove a filter, or reset them all.",
                    icon=":material/filter_alt_off:")
            st.button("Reset filters", key="reset_empty", on_click=reset_filters,
                      type="primary", icon=":material/restart_alt:")
        tabs(src, f, n, lab, today)
    except READ_ERRORS as exc:
        stop_with_error(url, exc)


main()
