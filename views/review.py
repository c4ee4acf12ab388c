"""The Review tab: the queue of acts by review state (unreviewed first, newest first), each
opening its detail with the review controls, and a form to add an act the tagger missed."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from ingest.acts.review_values import ReviewValueError, parse_value, proposed_fields
from ingest.read.filters import REVIEW_STATES, Filters
from ingest.read.review import queue
from ingest.store import review as review_store

from .act_detail import show_act
from .detail import selected_row
from .labels import Labels
from .loaders import Source, taxonomy
from .review_controls import FLASH, STATE_TEXT, act_write, flash, focused, table_key

MAX_ROWS = 500


def _table(df: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    out = pd.DataFrame({
        "id": df["id"],
        "first_seen": df["first_seen_at"].map(lambda t: str(t)[:10]),
        "headline": df["headline"],
        "type": df["type"].map(labels.type),
        "actor": df["actor"].map(lambda c: labels.country(c) if isinstance(c, str) and c else "—"),
        "reports": df["report_count"],
        "review": df["review_state"].map(STATE_TEXT.get),
        "by": df["review_by"].fillna(""),
        "reason": df["review_reason"].fillna(""),
    })
    return out.reset_index(drop=True)


COLUMNS: dict[str, Any] = {
    "id": None,
    "first_seen": st.column_config.TextColumn("First seen", width="small"),
    "headline": st.column_config.TextColumn("Act", width="large"),
    "type": st.column_config.TextColumn("Type", width="small"),
    "actor": st.column_config.TextColumn("Acting", width="small"),
    "reports": st.column_config.NumberColumn("Reports", width="small"),
    "review": st.column_config.TextColumn("Review", width="small"),
    "by": st.column_config.TextColumn("By", width="small"),
    "reason": st.column_config.TextColumn("Reason"),
}


def view(src: Source, f: Filters, labels: Labels) -> None:
    flash()
    state = st.segmented_control("Show", list(REVIEW_STATES), default="unreviewed", key="review_queue_state",
                                 format_func=lambda s: STATE_TEXT[s]) or "unreviewed"
    df = src.load(queue, state, f, MAX_ROWS)
    table = _table(df, labels)
    if state == "unreviewed":  # nothing to say about a review yet
        table = table.drop(columns=["review", "by", "reason"])
    st.caption(f"{len(table):,} act{'s' if len(table) != 1 else ''} "
               f"{STATE_TEXT[state].lower()} under the sidebar's filters, newest first"
               + (f" (the newest {MAX_ROWS})" if len(table) >= MAX_ROWS else "")
               + ". Select a row to review it.")
    picked = st.dataframe(table, column_config=COLUMNS, hide_index=True, on_select="rerun",
                          selection_mode="single-row", key=table_key("review_table"), height=380)
    act_id = focused(selected_row(picked, table))
    if act_id:
        show_act(src, act_id, labels, review=True)
    with st.expander("Add an act the tagger missed", icon=":material/add_circle:"):
        _add_form(src)


def _add_form(src: Source) -> None:
    tax = taxonomy()
    types = [t.id for t in tax.event_types]
    with st.form("review_add", border=False):
        url = st.text_input("Source URL", max_chars=2000, placeholder="https://…")
        sentence = st.text_area("The sentence that states the act", max_chars=2000, height=80,
                                placeholder="e.g. Vietnam banned exports of rare earth ores on 3 March 2026.")
        c = st.columns(2)
        chosen = c[0].selectbox("Type", types, index=None, placeholder="The tagger's reading")
        when = c[1].text_input("Announced", max_chars=10, placeholder="YYYY-MM-DD (else the sentence's date)")
        if st.form_submit_button("Add act", icon=":material/add:"):
            _add(src, url.strip(), " ".join(sentence.split()), chosen, when.strip())
            st.rerun()


def _add(src: Source, url: str, sentence: str, chosen: str | None, when: str) -> None:
    if not url.startswith(("http://", "https://")) or not sentence:
        st.session_state[FLASH] = ("error", "Give the source's http(s) URL and the sentence")
        return
    fields = proposed_fields(sentence)
    try:
        if chosen:
            fields["type"] = chosen
        if when:
            fields["announced_date"] = parse_value("announced_date", when, taxonomy())
    except ReviewValueError as exc:
        st.session_state[FLASH] = ("error", str(exc))
        return
    if not fields.get("type"):
        st.session_state[FLASH] = ("error", "The tagger found no act in the sentence: choose its type")
        return
    act_write(src, "Added the act", lambda conn, by, at: review_store.add(conn, url, sentence, fields, by, at), None)
