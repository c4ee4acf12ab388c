"""Review controls under an act's detail: confirm, dismiss with a reason, edit fields (dates
included), split a report off, merge with another act.

Every action writes through `ingest.store.review` in one transaction, under
$TRACKER_REVIEWER (else the OS user); then the page's cache is cleared so the next run shows
the new state. Callbacks run before the rerun, so the result shows at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from ingest import settings, store
from ingest.acts.review_values import DATE_FIELDS, ReviewValueError, as_text, parse_value
from ingest.read.review import act_fields, review_log_of
from ingest.store import review as review_store

from .detail import md
from .labels import Labels
from .loaders import Source, clear_cache, taxonomy

FLASH = "_review_flash"
FOCUS = "_review_focus"  # the act last acted on: its detail stays open whatever the table now holds
SELECTIONS = ("timeline", "events_table", "upcoming_table", "review_table")
GENERATION = "_review_generation"
STATE_TEXT = {"unreviewed": "Not reviewed yet", "confirmed": "Confirmed", "edited": "Edited",
              "dismissed": "Dismissed"}


def act_write(src: Source, what: str, action: Callable[[Any, str, datetime], Any], act_id: str | None) -> None:
    """Run `action(conn, by, at)` in one transaction; say what happened on the next run and
    keep the act's detail open (the act `action` returns, else `act_id`).

    Table selections are row numbers: once a review changes what a table holds, the same
    number may be another act, so they are dropped and the act is shown by id instead."""
    by, at = settings.current().reviewer, datetime.now(UTC)
    try:
        with store.atomic(src.engine) as conn:
            result = action(conn, by, at)
    except (review_store.ReviewError, ReviewValueError, SQLAlchemyError) as exc:
        st.session_state[FLASH] = ("error", f"{what} failed: {str(exc).splitlines()[0]}")
        return
    st.session_state[FLASH] = ("success", f"{what} (by {by})")
    st.session_state[FOCUS] = result if isinstance(result, str) and result.startswith("act-") else act_id
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1
    for key in SELECTIONS:
        st.session_state.pop(key, None)
    clear_cache()


def table_key(base: str) -> str:
    """A table's widget key, new after each review: the browser keeps a table's selected row
    number across reruns, so the table is made afresh rather than re-selecting another act."""
    gen = st.session_state.get(GENERATION, 0)
    return base if not gen else f"{base}_{gen}"


def focused(selected: str | None) -> str | None:
    """The act whose detail to show: the selected row's, else the act last reviewed."""
    if selected:
        st.session_state.pop(FOCUS, None)
        return selected
    focus = st.session_state.get(FOCUS)
    return focus if isinstance(focus, str) else None


def flash() -> None:
    """The last review action's one-line result, once."""
    kind, text = st.session_state.pop(FLASH, (None, ""))
    if kind == "error":
        st.error(text, icon=":material/error:")
    elif kind:
        st.success(text, icon=":material/check_circle:")


def controls(src: Source, act: dict[str, Any], labels: Labels) -> None:
    """The review block of one act's detail."""
    act_id = act["id"]
    st.markdown("**Review**")
    flash()
    _state_line(src, act)
    k = f"rv_{act_id}"
    c = st.columns([1, 2, 2])
    c[0].button("Confirm", key=f"{k}_confirm", icon=":material/check:", type="primary",
                help="The act is right: its fields win over the tagger from now on",
                on_click=act_write, args=(src, f"Confirmed {act_id}",
                                          lambda conn, by, at: review_store.confirm(conn, act_id, by, at), act_id))
    with c[1].popover("Dismiss", icon=":material/block:", width="stretch"):
        st.text_input("Why is this not a real act?", key=f"{k}_reason", max_chars=300,
                      placeholder="e.g. a company deal, not a government measure")
        st.button("Dismiss act", key=f"{k}_dismiss", on_click=_dismiss, args=(src, act_id, f"{k}_reason"))
    with c[2].popover("Split / merge", icon=":material/call_split:", width="stretch"):
        urls = [u for u in act["reports_table"]["url"].tolist() if u] if len(act["reports_table"]) else []
        st.selectbox("Report to split off", urls, key=f"{k}_split_url", index=None,
                     placeholder="Choose a report")
        st.button("Split it off", key=f"{k}_split", on_click=_split, args=(src, act_id, f"{k}_split_url"))
        st.text_input("Merge with act id", key=f"{k}_merge_id", max_chars=24, placeholder="act-…")
        st.button("Merge", key=f"{k}_merge", on_click=_merge, args=(src, act_id, f"{k}_merge_id"))
    with st.expander("Edit fields", icon=":material/edit:"):
        _edit_form(src, act_id, labels)


def _state_line(src: Source, act: dict[str, Any]) -> None:
    log = src.load(review_log_of, act["id"])
    state = act.get("review_state") or "unreviewed"
    text = STATE_TEXT.get(state, state)
    if log:
        last = log[-1]
        text += f" · last: {last['action']}{' ' + last['field'] if last['field'] else ''} by {last['by']}, " \
                f"{last['at'][:16].replace('T', ' ')} UTC"
        reason = next((x["reason"] for x in reversed(log) if x["reason"]), "")
        if state == "dismissed" and reason:
            text += f" · reason: {reason}"
    st.caption(md(text))


def _dismiss(src: Source, act_id: str, key: str) -> None:
    reason = (st.session_state.get(key) or "").strip()
    if not reason:
        st.session_state[FLASH] = ("error", "Say why the act is dismissed first")
        return
    act_write(src, f"Dismissed {act_id}", lambda conn, by, at: review_store.dismiss(conn, act_id, reason, by, at),
              act_id)


def _split(src: Source, act_id: str, key: str) -> None:
    url = st.session_state.get(key)
    if not url:
        st.session_state[FLASH] = ("error", "Choose the report to split off first")
        return
    act_write(src, "Split the report off", lambda conn, by, at: review_store.split(conn, act_id, url, by, at),
              act_id)


def _merge(src: Source, act_id: str, key: str) -> None:
    other = (st.session_state.get(key) or "").strip()
    act_write(src, f"Merged {act_id} with {other}",
              lambda conn, by, at: review_store.merge(conn, act_id, other, by, at), act_id)


def _edit_form(src: Source, act_id: str, labels: Labels) -> None:
    now = src.load(act_fields, act_id)
    if now is None:
        return
    tax = taxonomy()
    k = f"rv_{act_id}_edit"
    with st.form(k, border=False):
        a, b = st.columns(2)
        types = [t.id for t in tax.event_types]
        statuses = [s.id for s in tax.statuses]
        codes = [c.code for c in tax.countries]
        goods = [c.id for c in tax.commodities]
        new: dict[str, Any] = {
            "type": a.selectbox("Type", types, index=_at(types, now["type"]), format_func=labels.type),
            "status": b.selectbox("Status", statuses, index=_at(statuses, now["status"]), format_func=labels.status),
            "actor": a.selectbox("Acting country", codes, index=_at(codes, now["actor"]), format_func=labels.country,
                                 placeholder="None"),
            "targets": b.multiselect("Targeted", codes, default=[c for c in now["targets"] if c in codes],
                                     format_func=labels.country, placeholder="All destinations"),
            "commodities": st.multiselect("Commodities", goods, default=[c for c in now["commodities"] if c in goods],
                                          format_func=labels.commodity),
        }
        d = st.columns(3)
        texts = {f: d[i].text_input(f.replace("_date", "").replace("effective", "in force").capitalize(),
                                    value=as_text(f, now[f]), placeholder="YYYY-MM-DD, YYYY-MM or YYYY",
                                    max_chars=10) for i, f in enumerate(DATE_FIELDS)}
        if st.form_submit_button("Save edits", icon=":material/save:"):
            _save(src, act_id, now, new, texts)


def _at(options: list[str], value: Any) -> int | None:
    return options.index(value) if value in options else None


def _save(src: Source, act_id: str, now: dict[str, Any], new: dict[str, Any], texts: dict[str, str]) -> None:
    try:
        for f, text in texts.items():
            new[f] = parse_value(f, text, taxonomy())
    except ReviewValueError as exc:
        st.session_state[FLASH] = ("error", str(exc))
        st.rerun()
    new["targets"], new["commodities"] = sorted(new["targets"]), sorted(new["commodities"])
    changed = {f: v for f, v in new.items() if v != now[f] and not (f in ("targets", "commodities")
                                                                    and sorted(now[f]) == v)}
    if not changed:
        st.session_state[FLASH] = ("success", "Nothing changed")
    else:
        act_write(src, "Saved " + ", ".join(changed),
                  lambda conn, by, at: review_store.edit(conn, act_id, changed, by, at), act_id)
    st.rerun()
