"""How many acts each filter option would show in the date window in view (no streamlit).

The "· N" after an option in the sidebar must match what choosing it shows: acts, not events
or reports, and only those in the window (the default view's older acts still in force
included), not all-time counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, func, select

from ..store.schema import act_commodities, act_countries, act_reports, acts, articles
from .acts import act_conditions
from .filters import Filters


def act_option_counts(engine: Engine, window: Filters,
                      groups: Sequence[tuple[str, Sequence[str]]] = ()) -> dict[str, dict[str, int]]:
    """Acts matching `window` (its dates; pass no other filter) per country, commodity, type,
    status, source domain and commodity `group` (an act counts once per group)."""
    ids = select(acts.c.id).where(*act_conditions(window)).scalar_subquery()
    ac, am, r, a = act_countries, act_commodities, act_reports, articles
    n_acts = func.count(func.distinct(ac.c.act_id))
    out: dict[str, dict[str, int]] = {}
    with engine.connect() as conn:
        out["country"] = _pairs(conn.execute(select(ac.c.code, n_acts).where(ac.c.act_id.in_(ids))
                                             .group_by(ac.c.code)))
        out["commodity"] = _pairs(conn.execute(
            select(am.c.commodity, func.count(func.distinct(am.c.act_id))).where(am.c.act_id.in_(ids))
            .group_by(am.c.commodity)))
        out["type"] = _pairs(conn.execute(select(acts.c.type, func.count()).where(acts.c.id.in_(ids))
                                          .group_by(acts.c.type)))
        out["status"] = _pairs(conn.execute(select(acts.c.status, func.count()).where(acts.c.id.in_(ids))
                                            .group_by(acts.c.status)))
        out["source"] = _pairs(conn.execute(
            select(a.c.source_domain, func.count(func.distinct(r.c.act_id)))
            .join(a, a.c.id == r.c.article_id).where(r.c.act_id.in_(ids)).group_by(a.c.source_domain)))
        out["group"] = {gid: conn.execute(
            select(func.count(func.distinct(am.c.act_id)))
            .where(am.c.act_id.in_(ids), am.c.commodity.in_(tuple(members)))).scalar_one()
            for gid, members in groups}
    return out


def _pairs(rows: Any) -> dict[str, int]:
    return {str(k): int(n) for k, n in rows if k}


def window_only(f: Filters) -> Filters:
    """The part of `f` option counts depend on: the dates (and the in-force-too day)."""
    return Filters(since=f.since, until=f.until, also_in_force_on=f.also_in_force_on)

