"""One act's detail under a view: its dated status history, every report (outlet, date, link,
evidence) and why the reports were grouped.

Feed text is shown with st.text, or escaped inside a link's label, never as Markdown of its own.
"""

from __future__ import annotations

import streamlit as st

from ingest.read.act_marks import hs_codes
from ingest.read.acts import act_detail
from ingest.tagging.taxonomy import default_taxonomy
from ingest.text import safe_link

from .detail import md, md_link
from .labels import Labels
from .loaders import Source
from .review_controls import controls

OFFICIAL_BADGE = ":blue-badge[:material/account_balance: Official source] "  # a fixed string, no feed text


def show_act(src: Source, act_id: str, labels: Labels, review: bool = True) -> None:
    """The act's detail; with `review`, its review controls under it."""
    act = src.load(act_detail, act_id)
    if act is None:
        return
    with st.container(border=True, key="act_detail"):
        with st.container(key="event_headline"):
            st.text(act["headline"] or "(no headline)")
        kind = labels.type(act["type"]) + (f" ({act['subtype'].replace('_', ' ')})" if act.get("subtype") else "")
        st.caption(" · ".join(md(x) for x in (kind, labels.status(act["status"]), act["date_label"])))
        c1, c2 = st.columns(2)
        actor = labels.country(act["actor"]) if isinstance(act.get("actor"), str) and act["actor"] else "—"
        targets = ", ".join(labels.country(c) for c in act["targets"]) or "—"
        goods = ", ".join(labels.commodity(c) for c in act["commodities"]) or "—"
        codes = ", ".join(hs_codes(act["commodities"], default_taxonomy())) or "—"
        c1.markdown(f"**Acting:** {md(actor)}  \n**Targeted:** {md(targets)}  \n**Commodities:** {md(goods)}"
                    f"  \n**HS codes:** {md(codes)}")
        dates = (f"**Announced:** {md(act['announced'] or act['date_label'])}  \n"
                 f"**In force:** {md(act['in_force'] or '—')}  \n**Ends:** {md(act['ends'] or '—')}")
        c2.markdown(dates + f"  \n**Act id:** `{act['id']}`")
        _history(act)
        _reports(act)
        if act.get("why"):
            st.markdown("**Why these reports are one act**")
            st.text(act["why"])
        if review:
            controls(src, act, labels)


def _history(act: dict) -> None:
    st.markdown("**Status history**")
    for h in act["history"] or [{"status": act["status"], "date": act["date_label"], "note": ""}]:
        note = f" — {h['note']}" if h.get("note") else ""
        st.text(f"• {h['date']}  {h['status'].replace('_', ' ')}{note}")
    for c in act["changed_by"]:
        st.text(f"• changed by {c['id']}: {c['headline']}")


def _reports(act: dict) -> None:
    reports = act["reports_table"]
    n = len(reports)
    st.markdown(f"**Reported {n} time{'s' if n != 1 else ''} by {act['sources']} "
                f"outlet{'s' if act['sources'] != 1 else ''}**")
    for r in reports.to_dict("records"):
        when = str(r["published"])[:10]
        label = f"{r['outlet'] or 'unknown outlet'}, {when}: {r['headline'] or r['url'] or 'article'}"
        link = safe_link(r.get("url"))
        badge = OFFICIAL_BADGE if r.get("official") else ""
        if link:
            st.markdown(f"- {badge}{md_link(label, link)}")
        else:
            st.text(f"• {'[official] ' if badge else ''}{label}")
        if r.get("evidence"):
            st.text(f"   “{r['evidence']}”")
        if r.get("gloss"):  # a headline in another language, tagged on its English gloss
            st.caption(md(f"Read through an English gloss ({r.get('language') or '?'}): {r['gloss']}"))
