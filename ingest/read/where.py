"""Filters to SQL, in one place: every read (queries, export, the page's download) uses these.

Country and commodity filters are answered from the link tables (event_countries,
event_commodities, event_pairs), which carry each event's date, so the date window is applied
inside their indexes and `events` is read by integer key only for the events that match.
"""

from __future__ import annotations

import weakref
from datetime import date
from typing import Any

from sqlalchemy import Engine, Select, Subquery, func, or_, select

from .. import store
from .filters import Filters

FTS_PROBE = 1000  # matches read to estimate how common a term is
FTS_MAX_SHARE = 0.3  # a term in more of the events than this is found faster by the scan
# Per store, the terms already probed: one dashboard render asks every query function with the
# same term. A stale answer only picks the slower of two ways to the same result.
_common_terms: weakref.WeakKeyDictionary[Engine, dict[str, bool]] = weakref.WeakKeyDictionary()


def date_window(col: Any, since: date | None, until: date | None) -> list[Any]:
    """Conditions keeping `col` inside [since, until] (either end open when None)."""
    return [*([col >= since] if since else []), *([col <= until] if until else [])]


def review_condition(act_id: Any, states: tuple[str, ...]) -> Any:
    """The condition on an act id column keeping acts in these review states (see
    `Filters.review_states`: none given means every act but dismissed ones)."""
    r = store.review_acts
    reviewed = select(r.c.act_id).where(r.c.act_id.is_not(None), r.c.state != "")
    if not states:
        return act_id.not_in(reviewed.where(r.c.state == "dismissed"))
    wanted = [s for s in states if s != "unreviewed"]
    conds = [act_id.in_(reviewed.where(r.c.state.in_(wanted)))] if wanted else []
    if "unreviewed" in states:
        conds.append(act_id.not_in(reviewed))
    return or_(*conds)


def conditions(f: Filters, fts: bool = False) -> list[Any]:
    """SQL conditions on `events` for `f` (with `fts`, text search goes through the index first).

    Country and commodity filters become `pk IN (...)` over the link tables; there is no date
    condition on `events` then, or the planner may walk the date index instead. The LIKE of the
    text filter comes last: SQLite tests it only on rows passing every cheaper condition.
    """
    e = store.events
    text = _text_conditions(f, fts)
    conds = [*_row_conditions(f), *text[:-1]]  # the index look-up, if any
    link = _link_keys(f)
    if link is None:
        conds.extend(date_window(e.c.date, f.since, f.until))
    else:
        conds.append(e.c.pk.in_(link[0].with_only_columns(link[0].selected_columns.pk)))
    return conds + text[-1:]


def matching(f: Filters, fts: bool = False) -> Subquery:
    """The filtered events as (pk, date) rows, each event once.

    Without a type, status, source or text filter a country or commodity filter is answered
    from the link tables alone, never reading an `events` row.
    """
    link = _link_keys(f)
    if link is not None and not (_row_conditions(f) or _text_term(f)):
        stmt, repeats = link
        return (stmt.distinct() if repeats else stmt).subquery()
    e = store.events
    return select(e.c.pk, e.c.date).where(*conditions(f, fts)).subquery()


def _row_conditions(f: Filters) -> list[Any]:
    """Conditions an `events` row answers: type, status and (through its articles) source."""
    e = store.events
    conds: list[Any] = []
    if f.types:
        conds.append(e.c.type.in_(f.types))
    if f.statuses:
        conds.append(e.c.status.in_(f.statuses))
    if f.sources:
        ea, a = store.event_articles, store.articles
        conds.append(e.c.id.in_(select(ea.c.event_id).join(a, a.c.id == ea.c.article_id)
                                .where(a.c.source_domain.in_(f.sources))))
    return conds


def _link_keys(f: Filters) -> tuple[Select, bool] | None:
    """Integer keys and dates of events in any of the countries and any of the commodities,
    dated in the window; and whether a key can come twice. None when neither filter is given.

    Answered from one link table's (value..., date, event_pk) index alone: event_countries,
    event_commodities, or event_pairs when both filters are given.
    """
    ec, em, ep = store.event_countries, store.event_commodities, store.event_pairs
    role = [f.country_role] if f.country_role in ("actor", "target") else []
    if f.countries and f.commodities:
        conds = [ep.c.code.in_(f.countries), ep.c.commodity.in_(f.commodities),
                 *date_window(ep.c.date, f.since, f.until), *(ep.c.role == r for r in role)]
        repeats = len(f.countries) > 1 or len(f.commodities) > 1
        return select(ep.c.event_pk.label("pk"), ep.c.date.label("date")).where(*conds), repeats
    if f.countries:
        conds = [ec.c.code.in_(f.countries), *date_window(ec.c.date, f.since, f.until),
                 *(ec.c.role == r for r in role)]
        return select(ec.c.event_pk.label("pk"), ec.c.date.label("date")).where(*conds), len(f.countries) > 1
    if f.commodities:
        conds = [em.c.commodity.in_(f.commodities), *date_window(em.c.date, f.since, f.until)]
        return select(em.c.event_pk.label("pk"), em.c.date.label("date")).where(*conds), len(f.commodities) > 1
    return None


# --- text search --------------------------------------------------------------------------


def _text_term(f: Filters) -> str:
    """The text filter as the search compares it: stripped and lower-cased."""
    return f.text.strip().lower()


def _text_conditions(f: Filters, fts: bool) -> list[Any]:
    """The text filter: the index look-up (when `fts` and the term allows), then the LIKE,
    which decides, so results are the plain scan's. Empty without a text filter."""
    term = _text_term(f)
    if not term:
        return []
    e = store.events
    conds: list[Any] = []
    q = fts_query(term) if fts else None
    if q is not None:
        ix = store.events_fts
        conds.append(e.c.pk.in_(select(ix.c.rowid).where(ix.c[store.FTS_TABLE].match(q))))
    like = f"%{escape_like(term)}%"
    conds.append(or_(func.lower(e.c.headline).like(like, escape="\\"),
                     func.lower(e.c.evidence).like(like, escape="\\")))
    return conds


def escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_query(term: str) -> str | None:
    """The FTS5 query for `term` (one quoted string, so operators and punctuation are literal),
    or None when the text index cannot answer it and the search must scan.

    The trigram index needs 3 characters. It folds case per character (ASCII and non-ASCII
    alike) and keeps every other character, while the LIKE compares SQLite's lower() (ASCII
    only) of the text with the lower-cased term: any text the LIKE accepts has the term's
    characters, up to ASCII case, so the index finds it; what else the index finds (other
    non-ASCII case) the LIKE drops. A NUL cannot go into an FTS5 query string, so it scans.
    """
    if len(term) < 3 or "\x00" in term:
        return None
    return '"' + term.replace('"', '""') + '"'


def use_fts(engine: Engine, f: Filters) -> bool:
    """Whether the text filter is answered through the FTS index: SQLite with the index, a term
    the index can take, and not so common that reading its matches costs more than the scan."""
    q = fts_query(_text_term(f))
    if q is None or not store.has_text_index(engine):
        return False
    seen = _common_terms.setdefault(engine, {})
    if q not in seen:
        if len(seen) >= 256:  # bounded: terms typed into the search box
            seen.clear()
        seen[q] = _common(engine, q)
    return not seen[q]


def _common(engine: Engine, q: str) -> bool:
    """Whether the FTS query `q` matches more than FTS_MAX_SHARE of the events.

    Estimated from where its FTS_PROBE-th match falls in key order (a few ms): the index
    returns matches by key, so a term in half the events reaches it around key 2 x FTS_PROBE.
    """
    ix, e = store.events_fts, store.events
    with engine.connect() as conn:
        nth = conn.execute(select(ix.c.rowid).where(ix.c[store.FTS_TABLE].match(q))
                           .order_by(ix.c.rowid).limit(1).offset(FTS_PROBE - 1)).scalar()
        if nth is None:  # fewer matches than that: the index is the quick way
            return False
        first = conn.execute(select(func.min(e.c.pk))).scalar_one()
    return FTS_PROBE / (nth - first + 1) > FTS_MAX_SHARE
