"""One event's detail under a view: its evidence and every article that reports it.

Feed text (headline, evidence, titles, sources) is shown with st.text, or escaped inside a
link's label: never as Markdown or HTML of its own.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import streamlit as st

from ingest.read.events import event_detail

from .labels import Labels, date_text
from .loaders import Source
from .tables import detail_articles

# Where an event's date comes from, by its date_source.
_DATE_FROM = {"text": ", date from the article text",
              "published": ", date from the publication date",
              "background": ", no date in the text (an earlier act it refers to)"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'^@%])")


def md(text: Any) -> str:
    """Feed text made literal for st.markdown: every Markdown/directive character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text or "").split()))


def md_link(label: str, url: str) -> str:
    """A Markdown link to an http(s) URL (checked by safe_link) with escaped feed text.

    Feed text is never shown as Markdown outside a link's label: Streamlit's Markdown turns
    "www.example.com", "http://..." and e-mail addresses in plain text into links, escaped
    or not (it finds them in the text after escapes are undone), but not inside a link.
    """
    target = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{md(label)}]({target})"


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
    """The event id of the selected row of a table, if any."""
    try:
        rows = state.selection.rows if state is not None else []
    except AttributeError:
        return None
    if rows and 0 <= rows[0] < len(table):
        return str(table.iloc[rows[0]]["id"])
    return None


def show_detail(src: Source, event_id: str, labels: Labels) -> None:
    ev = src.load(event_detail, event_id)
    if ev is None:
        return
    with st.container(border=True, key="event_detail"):
        with st.container(key="event_headline"):
            st.text(ev["headline"] or "(no headline)")
        st.caption(" · ".join(md(x) for x in (
            labels.type(ev["type"]) + (f" ({ev['subtype'].replace('_', ' ')})" if ev.get("subtype") else ""),
            labels.status(ev["status"]),
            date_text(ev["date"], ev["date_precision"], ev.get("end_date"))
            + _DATE_FROM.get(ev["date_source"], _DATE_FROM["published"]),
        )))
        c1, c2 = st.columns(2)
        names = ", ".join(labels.country(c) for c in ev["countries"]) or "—"
        actor = labels.country(ev["actor"]) if ev.get("actor") else "—"
        targets = ", ".join(labels.country(c) for c in ev["targets"]) or "—"
        c1.markdown(f"**Countries:** {md(names)}  \n**Acting:** {md(actor)}  \n**Targeted:** {md(targets)}")
        goods = ", ".join(labels.commodity(c) for c in ev["commodities"]) or "—"
        c2.markdown(f"**Commodities:** {md(goods)}  \n**Event id:** `{ev['id'][:12]}`")
        st.markdown("**Evidence**")
        st.text(ev["evidence"])
        n = len(ev["articles"])
        st.markdown(f"**Reported by {n} article{'s' if n != 1 else ''}**")
        for a in detail_articles(ev["articles"]):
            only = " (headline only)" if a.get("headline_only") else ""
            label = (f"{a['title'] or a['url'] or 'article'} — {a.get('outlet') or a['source'] or ''}, "
                     f"{(a['published'] or '')[:10]}{only}")
            if a["link"]:  # only an http(s) article link is a link
                st.markdown(f"- {md_link(label, a['link'])}")
            else:
                st.text(f"• {label}")
            if a.get("evidence") and a["evidence"] != ev["evidence"]:
                st.text(f"   “{a['evidence']}”")
            if a.get("gloss"):  # tagged on an English gloss of a headline in another language
                st.caption(md(f"Read through an English gloss ({a.get('language') or '?'}): {a['gloss']}"))
