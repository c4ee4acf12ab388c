"""Minerals tracker dashboard: `streamlit run dashboard.py`.

A thin composer: read the sidebar filters (bound to the URL, so every view is a link), ask
`ingest.query` for DataFrames (cached per store version), hand them to `ingest.figures` for
plotly figures and display tables, and render. No SQL and no figure code lives here.

Store: $TRACKER_DB_URL or data/tracker.db; an empty or missing store is built from the bundled
samples on first start. $TRACKER_TODAY (YYYY-MM-DD) pins "today" for demos and tests.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import replace
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from ingest import store
from ingest.pipeline import retag
from ingest.pipeline import run as run_pipeline
from ingest.read import queries as query
from ingest.read.queries import Filters
from ingest.sources.feedlist import sample_feeds
from ingest.store import StoreError
from ingest.tagging.taxonomy import Taxonomy, TaxonomyError, default_taxonomy
from views import figures

TTL_S = 600                  # cached queries also expire when the store version changes
MAX_MARKERS = 3000           # beyond this many events in view the timeline shows weekly counts
MAX_TABLE_ROWS = 1000        # the table shows the newest rows; the CSV has the whole set
UPCOMING_DAYS = 90
TODAY_ENV = "TRACKER_TODAY"
STATIC_DIR = Path(__file__).resolve().parent / "static"
ROLES = ("Any", "Acting", "Targeted")
ROLE_IDS = {"Any": "any", "Acting": "actor", "Targeted": "target"}
ROW_CHOICES = {"Event type": "type", "Country": "country", "Commodity": "commodity"}
COLOUR_CHOICES = {"Status": "status", "Commodity": "commodity"}
TABS = ("Timeline", "Upcoming", "Overview", "Events", "Feeds")
MULTI_KEYS = ("country", "commodity", "type", "status", "source")
FILTER_KEYS = (*MULTI_KEYS, "role", "dates", "q")
_COUNT_SUFFIX = re.compile(r"\s+·\s+[\d,]+$")

st.set_page_config(page_title="Minerals tracker", page_icon=":material/public:", layout="wide",
                   initial_sidebar_state="expanded")


# --- store and cached queries ---------------------------------------------------------------
# The Engine is a thread-safe pool shared by sessions; every query opens its own connection.
# Cached results are keyed on the store version, so a new ingest run shows up on the next rerun.


@st.cache_resource(show_spinner=False)
def engine_for(url: str) -> Engine:
    return store.connect(url)


@st.cache_resource(show_spinner=False)
def build_lock() -> threading.Lock:
    return threading.Lock()


@st.cache_resource(show_spinner=False)
def taxonomy() -> Taxonomy:
    return default_taxonomy()


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=16)
def options_data(url: str, version: str, groups: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, Any]:
    engine = engine_for(url)
    out: dict[str, Any] = query.option_counts(engine)
    out["group"] = query.group_counts(engine, dict(groups))
    out["bounds"] = query.date_bounds(engine)
    return out


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=256)
def summary_data(url: str, version: str, f: Filters, today: date) -> dict[str, Any]:
    return query.summary(engine_for(url), f, today, 30, UPCOMING_DAYS)


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=64)
def events_data(url: str, version: str, f: Filters) -> pd.DataFrame:
    return query.events_frame(engine_for(url), f)


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=128)
def daily_data(url: str, version: str, f: Filters, by: str) -> pd.DataFrame:
    return query.daily_counts(engine_for(url), f, by)


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=64)
def timeline_spec(url: str, version: str, f: Filters, rows: str, colour: str, day: date) -> dict[str, Any]:
    """The timeline for the filtered set (one marker per event, or weekly counts when too many),
    as a plain dict: cheap to cache and copy."""
    labels = figures.Labels.from_taxonomy(taxonomy())
    window = (f.since, f.until) if f.since and f.until else None
    n = query.count_events(engine_for(url), f)
    if n > MAX_MARKERS:
        fig = figures.timeline_weekly(daily_data(url, version, f, rows), today=day, labels=labels,
                                      rows=rows, window=window)
    else:
        fig = figures.timeline(events_data(url, version, f), today=day, labels=labels, rows=rows,
                               colour=colour, window=window)
    return fig.to_plotly_json()


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=64)
def dimension_data(url: str, version: str, f: Filters, by: str) -> pd.DataFrame:
    return query.dimension_counts(engine_for(url), f, by)


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=64)
def pairs_data(url: str, version: str, f: Filters) -> pd.DataFrame:
    return query.pair_counts(engine_for(url), f)


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=64)
def upcoming_data(url: str, version: str, f: Filters, today: date, days: int) -> pd.DataFrame:
    return query.upcoming_events(engine_for(url), f, today, days)


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=256)
def detail_data(url: str, version: str, event_id: str) -> dict[str, Any] | None:
    return query.event_detail(engine_for(url), event_id)


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=8)
def health_data(url: str, version: str) -> pd.DataFrame:
    return query.feed_health(engine_for(url))


def open_store(url: str) -> Engine:
    """The store's engine; an empty or missing store is first built from the bundled samples,
    and a store just upgraded to a new schema gets its events back by re-tagging its articles."""
    engine = engine_for(url)
    if store.needs_rebuild(engine):
        with build_lock():
            if store.needs_rebuild(engine):
                with st.spinner("Store upgraded to a new schema: rebuilding events from the stored articles…"):
                    retag(engine)
                st.cache_data.clear()
    if not query.has_articles(engine):
        with build_lock():  # one session builds, the others wait and then find it filled
            if not query.has_articles(engine):
                with st.spinner("Empty store: building it from the bundled sample feeds…"):
                    # The bundled samples are ours: parsed in this process, no workers to start.
                    run_pipeline(engine, sample_feeds(), workers=4, processes=0)
                st.cache_data.clear()
    return engine


def today() -> date:
    raw = os.environ.get(TODAY_ENV, "").strip()
    try:
        return date.fromisoformat(raw) if raw else date.today()
    except ValueError:
        return date.today()


def first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


# --- safe text ------------------------------------------------------------------------------


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'^@%])")


def md(text: Any) -> str:
    """Feed text made literal for st.markdown: every Markdown/directive character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text or "").split()))


def md_link(label: str, url: str) -> str:
    """A Markdown link to an http(s) URL (checked by figures.safe_link) with escaped feed text.

    Feed text is never shown as Markdown outside a link's label: Streamlit's Markdown turns
    "www.example.com", "http://..." and e-mail addresses in plain text into links, escaped
    or not (it finds them in the text after escapes are undone), but not inside a link.
    """
    target = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{md(label)}]({target})"


# --- filters --------------------------------------------------------------------------------


class Options:
    """Filter options from the taxonomy (and the store's sources) with their event counts."""

    def __init__(self, tax: Taxonomy, labels: figures.Labels, counts: dict[str, Any]) -> None:
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
            "country": {c.code: figures.option_label(f"{c.label} ({c.code})", c_country.get(c.code, 0))
                        for c in tax.countries},
            "commodity": {
                **{c: figures.option_label(labels.commodity(c), c_commodity.get(c, 0)) for c in element_ids},
                **{g: figures.option_label(f"{labels.commodity(g)} (group)", groups.get(g, 0))
                   for g in group_ids},
            },
            "type": {t: figures.option_label(labels.type(t), counts["type"].get(t, 0)) for t in self.type},
            "status": {s: figures.option_label(labels.status(s), counts["status"].get(s, 0))
                       for s in self.status},
            "source": {s: figures.option_label(s, n) for s, n in counts["source"].items()},
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
    for key in ("timeline", "events_table", "upcoming_table"):
        st.session_state.pop(key, None)


def sidebar(opts: Options, tax: Taxonomy, window: tuple[date, date],
            bounds: tuple[date, date]) -> Filters:
    with st.sidebar:
        st.header("Filters", anchor=False)
        for key in MULTI_KEYS:
            seed_from_url(key, opts)
        countries = st.multiselect(
            "Country", opts.country, format_func=opts.labels["country"].get, key="country",
            bind="query-params", placeholder="Any country")
        role = st.radio("Country's role", ROLES, key="role", horizontal=True, bind="query-params",
                        help="Acting: the country takes the measure. Targeted: it is aimed at.")
        commodities = st.multiselect(
            "Commodity", opts.commodity, format_func=opts.labels["commodity"].get, key="commodity",
            bind="query-params", placeholder="Any commodity",
            help="A group (e.g. rare earth elements) includes its members.")
        types = st.multiselect("Event type", opts.type, format_func=opts.labels["type"].get, key="type",
                               bind="query-params", placeholder="Any type")
        statuses = st.multiselect("Status", opts.status, format_func=opts.labels["status"].get,
                                  key="status", bind="query-params", placeholder="Any status")
        dates = st.date_input("Date range", value=window, min_value=bounds[0], max_value=bounds[1],
                              key="dates", bind="query-params", format="YYYY-MM-DD",
                              help="Default: the last 24 months through the furthest scheduled date.")
        sources = st.multiselect("Source", opts.source, format_func=opts.labels["source"].get,
                                 key="source", bind="query-params", placeholder="Any source")
        text = st.text_input("Search headlines and evidence", key="q", bind="query-params",
                             max_chars=200, placeholder="e.g. licence, Section 232")
        st.button("Reset filters", key="reset_sidebar", on_click=reset_filters, args=(window,),
                  icon=":material/restart_alt:", width="stretch")
        st.caption("Every filter is in the page URL: copy it to share this view.")

    since, until = window
    if isinstance(dates, tuple | list):
        since = dates[0] if len(dates) > 0 else since
        until = dates[1] if len(dates) > 1 else until
    expanded: list[str] = []
    for c in commodities:
        expanded.extend(tax.members(c) if c in opts.labels["commodity"] and _is_group(tax, c) else (c,))
    return Filters(
        countries=tuple(countries), country_role=ROLE_IDS.get(role or "Any", "any"),
        commodities=tuple(dict.fromkeys(expanded)), types=tuple(types), statuses=tuple(statuses),
        since=since, until=until, sources=tuple(sources), text=(text or "").strip()[:200],
    )


def _is_group(tax: Taxonomy, cid: str) -> bool:
    return any(c.id == cid and c.kind == "group" for c in tax.commodities)


# --- views ----------------------------------------------------------------------------------


def show_detail(url: str, version: str, event_id: str, labels: figures.Labels) -> None:
    ev = detail_data(url, version, event_id)
    if ev is None:
        return
    with st.container(border=True, key="event_detail"):
        # Feed text (headline, evidence, titles, sources) is shown with st.text: never a link.
        with st.container(key="event_headline"):
            st.text(ev["headline"] or "(no headline)")
        st.caption(" · ".join(md(x) for x in (
            labels.type(ev["type"]) + (f" ({ev['subtype'].replace('_', ' ')})" if ev.get("subtype") else ""),
            labels.status(ev["status"]),
            figures.date_text(ev["date"], ev["date_precision"], ev.get("end_date"))
            + f", date from the {'article text' if ev['date_source'] == 'text' else 'publication date'}",
        )))
        c1, c2 = st.columns(2)
        actor = labels.country(ev["actor"]) if ev.get("actor") else "—"
        targets = ", ".join(labels.country(c) for c in ev["targets"]) or "—"
        c1.markdown(f"**Countries:** {md(', '.join(labels.country(c) for c in ev['countries']) or '—')}  \n"
                    f"**Acting:** {md(actor)}  \n**Targeted:** {md(targets)}")
        c2.markdown(f"**Commodities:** {md(', '.join(labels.commodity(c) for c in ev['commodities']) or '—')}"
                    f"  \n**Event id:** `{ev['id'][:12]}`")
        st.markdown("**Evidence**")
        st.text(ev["evidence"])
        st.markdown(f"**Reported by {len(ev['articles'])} article{'s' if len(ev['articles']) != 1 else ''}**")
        for a in figures.detail_articles(ev["articles"]):
            when = a["published_at"].strftime("%Y-%m-%d") if a.get("published_at") else ""
            label = f"{a['title'] or a['canonical_url'] or 'article'} — {a['source_domain'] or ''}, {when}"
            if a["link"]:  # only an http(s) article link is a link
                st.markdown(f"- {md_link(label, a['link'])}")
            else:
                st.text(f"• {label}")
            if a.get("evidence") and a["evidence"] != ev["evidence"]:
                st.text(f"   “{a['evidence']}”")


def selected_point(state: Any) -> str | None:
    """The event id of the first clicked point of the timeline, if any."""
    try:
        points = state.selection.points if state is not None else []
    except AttributeError:
        return None
    for p in points or []:
        cd = p.get("customdata")
        if isinstance(cd, list | tuple) and cd and isinstance(cd[0], str):
            return cd[0]
    return None


def selected_row(state: Any, table: pd.DataFrame) -> str | None:
    try:
        rows = state.selection.rows if state is not None else []
    except AttributeError:
        return None
    if rows and 0 <= rows[0] < len(table):
        return str(table.iloc[rows[0]]["id"])
    return None


def link_columns() -> dict[str, Any]:
    return {
        "id": None,
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD", width="small"),
        "precision": st.column_config.TextColumn("Precision", width="small",
                                                 help="How exact the date is: day, month or year"),
        "type": st.column_config.TextColumn("Type"),
        "status": st.column_config.TextColumn("Status", width="small"),
        "countries": st.column_config.TextColumn("Countries", width="small"),
        "commodities": st.column_config.TextColumn("Commodities"),
        "headline": st.column_config.TextColumn("Headline", width="large"),
        "link": st.column_config.LinkColumn("Article", display_text=":material/open_in_new:", width="small",
                                            help="Opens the first article reporting it (none when it has no web link)"),
        "source": st.column_config.TextColumn("Source"),
        "articles": st.column_config.NumberColumn("Articles", width="small", help="Articles reporting it"),
    }


def view_timeline(url: str, version: str, f: Filters, n: int, labels: figures.Labels, day: date) -> None:
    c1, c2, _ = st.columns([2, 1.4, 3])
    rows_choice = c1.segmented_control("Rows", list(ROW_CHOICES), default="Event type", required=True,
                                       key="rows", bind="query-params")
    colour_choice = c2.segmented_control("Colour", list(COLOUR_CHOICES), default="Status", required=True,
                                         key="colour", bind="query-params")
    rows = ROW_CHOICES.get(rows_choice or "Event type", "type")
    colour = COLOUR_CHOICES.get(colour_choice or "Status", "status")
    fig = figures.from_spec(timeline_spec(url, version, f, rows, colour, day))
    if n > MAX_MARKERS:
        st.plotly_chart(fig, key="timeline_weekly", config={"displaylogo": False})
        st.caption(f":material/info: {n:,} events in view, more than {MAX_MARKERS:,}: the timeline shows "
                   "**weekly counts per row** (bubble size). Narrow the filters to see individual events "
                   "and select one for its details.")
        return
    state = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points",
                            config={"displaylogo": False})
    st.caption("One marker per event; open markers are dated after today; bars show events with an end "
               "date. Click a marker for its evidence and articles.")
    event_id = selected_point(state)
    if event_id and event_id in set(events_data(url, version, f)["id"]):
        show_detail(url, version, event_id, labels)


def view_upcoming(url: str, version: str, f: Filters, labels: figures.Labels, day: date) -> None:
    df = upcoming_data(url, version, replace(f, since=None, until=None), day, UPCOMING_DAYS)
    horizon = day + timedelta(days=UPCOMING_DAYS)
    st.caption(f"Scheduled or expected from {day:%d %b %Y} to {horizon:%d %b %Y}: summits, talks, "
               "effective dates and measures that expire. Every filter applies except the date range.")
    if df.empty:
        st.info("Nothing scheduled in the next 90 days for these filters.", icon=":material/event_busy:")
        return
    table = figures.upcoming_table(df, labels, day)
    cfg = link_columns() | {
        "when": st.column_config.TextColumn("When", width=125),
        "in_days": st.column_config.NumberColumn("In days", width=70, format="%d"),
        "what": st.column_config.TextColumn("What", width=60,
                                            help="Starts: the event is dated then. Ends: it began earlier "
                                                 "and ends or expires then."),
    }
    state = st.dataframe(table, column_config=cfg, hide_index=True, on_select="rerun",
                         selection_mode="single-row", key="upcoming_table")
    event_id = selected_row(state, table)
    if event_id:
        show_detail(url, version, event_id, labels)


def view_overview(url: str, version: str, f: Filters, labels: figures.Labels, day: date) -> None:
    st.subheader("Events per month, by type", anchor=False)
    st.plotly_chart(figures.monthly_by_type(daily_data(url, version, f, "type"), labels=labels, today=day),
                    key="monthly", config={"displaylogo": False})
    st.subheader("Countries × commodities", anchor=False)
    st.plotly_chart(figures.country_commodity_heatmap(pairs_data(url, version, f), labels=labels),
                    key="heatmap", config={"displaylogo": False})
    st.caption("The 12 busiest commodities in view and the countries most often named with them; an "
               "event counts once in each country × commodity cell it names.")
    st.subheader("Events by country", anchor=False)
    fig, skipped = figures.world_map(dimension_data(url, version, f, "country"), labels=labels)
    config: dict[str, Any] = {"displaylogo": False}
    if (STATIC_DIR / "world_110m.json").exists() and st.get_option("server.enableStaticServing"):
        config["topojsonURL"] = "app/static/"  # the country shapes are served here: works offline
    st.plotly_chart(fig, key="map", config=config)
    if not skipped.empty:
        st.caption("Not on the map (no single country shape): " + ", ".join(
            f"{md(r.label)} **{r.n:,}**" for r in skipped.itertuples()) + " events.")


def view_events(url: str, version: str, f: Filters, n: int, labels: figures.Labels,
                engine: Engine) -> None:
    df = events_data(url, version, replace(f, limit=MAX_TABLE_ROWS))
    table = figures.events_table(df, labels)
    top = st.columns([3, 1])
    top[0].caption(f"Showing the newest {len(table):,} of {n:,} events; the CSV has all {n:,}."
                   if n > len(table) else f"{n:,} events. Click a column header to sort; select a row for "
                                          "its details.")
    top[1].download_button(
        f"Download CSV ({n:,})", data=partial(query.export_csv, engine, f), file_name="minerals-events.csv",
        mime="text/csv", key="csv", on_click="ignore", icon=":material/download:", width="stretch",
        help="Exactly the filtered events, with the columns of `python -m ingest export`")
    state = st.dataframe(table, column_config=link_columns(), hide_index=True, on_select="rerun",
                         selection_mode="single-row", key="events_table", height=460)
    event_id = selected_row(state, table)
    if event_id:
        show_detail(url, version, event_id, labels)


def view_feeds(url: str, version: str) -> None:
    health = figures.health_table(health_data(url, version))
    if health.empty:
        st.info("No feeds fetched yet: run `python -m ingest run`.")
        return
    counts = health["status"].value_counts()
    st.caption(f"{len(health)} feeds: " + ", ".join(f"{n} {md(s)}" for s, n in counts.items())
               + ". Run `python -m ingest feeds` for the same table in a terminal.")
    st.dataframe(
        health, hide_index=True, key="feeds_table",
        column_order=["feed", "status", "last_fetch", "articles", "newest_item", "error", "failures",
                      "next_try", "last_success", "warning", "http", "link"],
        column_config={
            "feed": st.column_config.TextColumn("Feed"),
            "status": st.column_config.TextColumn("Status", width="small"),
            "last_fetch": st.column_config.TextColumn("Last fetch"),
            "last_success": st.column_config.TextColumn("Last success"),
            "articles": st.column_config.NumberColumn("Articles", width="small"),
            "newest_item": st.column_config.TextColumn("Newest item"),
            "failures": st.column_config.NumberColumn("Failures", width="small"),
            "next_try": st.column_config.TextColumn("Next try", width="small"),
            "error": st.column_config.TextColumn("Last error", width="large"),
            "warning": st.column_config.TextColumn("Warning", width="small"),
            "http": st.column_config.NumberColumn("HTTP", width="small", format="%d"),
            "link": st.column_config.LinkColumn("Feed URL", display_text=":material/open_in_new:",
                                                width="small"),
        },
    )


# --- page -----------------------------------------------------------------------------------


PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; }
[data-testid="stMetricValue"] { font-size: 1.9rem; }
.st-key-event_headline [data-testid="stText"] { font-weight: 600; font-size: 1.05rem; }
</style>"""


def main() -> None:
    st.html(PAGE_CSS)  # a fixed stylesheet (no feed text ever goes through HTML)
    url = store.resolve_url()
    day = today()
    try:
        engine = open_store(url)
        version = query.store_version(engine)
        tax = taxonomy()
        labels = figures.Labels.from_taxonomy(tax)
        groups = tuple((g, tuple(m)) for g, m in labels.groups.items())
        counts = options_data(url, version, groups)
    except (StoreError, SQLAlchemyError, TaxonomyError, OSError) as exc:
        st.error(f"Cannot read the store at {store.safe_url(url)}: {first_line(exc)}. Check "
                 f"$TRACKER_DB_URL, or rebuild it with `python -m ingest run --offline`.",
                 icon=":material/error:")
        st.stop()

    lo, hi = counts["bounds"]
    window = query.window_from_bounds((lo, hi), day)
    bounds = (min(lo or window[0], window[0]), max(hi or window[1], window[1]))
    opts = Options(tax, labels, counts)
    f = sidebar(opts, tax, window, bounds)
    st.session_state["_url_sync_due"] = False
    if st.session_state.get("_filters") not in (None, f):
        for key in ("timeline", "events_table", "upcoming_table"):  # a selection made in another view
            st.session_state.pop(key, None)
    st.session_state["_filters"] = f
    if st.session_state.get("_url_sync"):
        st.session_state["_url_sync_armed"] = False
        sync_url()  # once, so the URL shows the filters that were read from it

    try:
        stats = summary_data(url, version, f, day)
        last_run = version.split("|", 1)[0][:16].replace("T", " ")
        st.title("Critical-minerals trade policy", anchor=False)
        st.caption("Export controls, tariffs, sanctions, investigations, state investment, agreements, "
                   f"talks and summits, tagged from news feeds · store updated {md(last_run) or 'never'} UTC")
        health = health_data(url, version)
        if not health.empty and not health["url"].map(figures.safe_link).notna().any():
            st.caption(":material/info: This store holds only the bundled **sample feeds**. Pull the live "
                       "feeds with `python -m ingest run` (the page picks them up without a restart).")
        m = st.columns(4)
        m[0].metric("Events in view", f"{stats['events']:,}", border=True)
        m[1].metric("Last 30 days", f"{stats['recent']:,}", border=True,
                    help="Events dated in the last 30 days (every filter but the date range)")
        m[2].metric(f"Next {UPCOMING_DAYS} days", f"{stats['ahead']:,}", border=True,
                    help="Events dated in the next 90 days: meetings, effective dates, deadlines "
                         "(every filter but the date range; see Upcoming)")
        m[3].metric("Latest event", stats["latest"].strftime("%d %b %Y") if stats["latest"] else "—",
                    border=True, help="The most recent event in view dated up to today")

        n = stats["events"]
        if n == 0:
            st.info("No events match these filters. Widen the date range, remove a filter, or reset them all.",
                    icon=":material/filter_alt_off:")
            st.button("Reset filters", key="reset_empty", on_click=reset_filters, args=(window,),
                      type="primary", icon=":material/restart_alt:")

        # The tabs stay even when nothing matches: feed health matters most exactly then.
        tabs = st.tabs(list(TABS), key="view", bind="query-params")
        with tabs[0]:
            if tabs[0].open and n:
                view_timeline(url, version, f, n, labels, day)
        with tabs[1]:
            if tabs[1].open:
                view_upcoming(url, version, f, labels, day)
        with tabs[2]:
            if tabs[2].open and n:
                view_overview(url, version, f, labels, day)
        with tabs[3]:
            if tabs[3].open and n:
                view_events(url, version, f, n, labels, engine)
        with tabs[4]:
            if tabs[4].open:
                view_feeds(url, version)
    except (StoreError, SQLAlchemyError) as exc:
        st.error(f"Cannot read the store at {store.safe_url(url)}: {first_line(exc)}. Check "
                 f"$TRACKER_DB_URL, or rebuild it with `python -m ingest run --offline`.",
                 icon=":material/error:")


# Streamlit runs this file as __main__. A worker process of the ingest pipeline may import it
# as __mp_main__ when it was the running script: that must not open or build the store.
if __name__ == "__main__":
    main()
