"""Links between acts: a suspension, lifting, extension or amendment points at the act it changes."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import datetime, timedelta

from .earlier import dates_of, instruments, same_instrument
from .features import change_kind_of, commodity_overlap
from .match import DATE_SLACK
from .model import Act, StatusChange

LINK_DAYS = 3 * 365  # a change points at an act first reported at most this long before it


def change_kind(act: Act) -> str:
    """What a changing act does to the act it changes: suspended, lifted, extended or amended."""
    return change_kind_of(" ".join(r.evidence + " " + r.headline for r in act.reports if r.kind == "event"))


def best_target(m: Act, pool: Sequence[Act]) -> Act | None:
    """The act among `pool` a changing act points at: same type, agreeing actor, targets and
    minerals, first reported earlier (within LINK_DAYS) and dated no later than the change; one
    whose numbered instrument a report of the change names ("Announcement No. 46"), then one
    whose day it states, then the most minerals in common, then the latest, then the greatest
    id."""
    return _target(m, pool)


def _target(m: Act, pool: Sequence[Act]) -> Act | None:
    best: tuple[bool, bool, float, str, str] | None = None
    found = None
    named = _documents(m)  # once per change, not once per candidate
    for t in pool:
        if t.id == m.id or t.type != m.type or t.first_seen >= m.first_seen:
            continue
        if (m.first_seen - t.first_seen).days > LINK_DAYS or t.date.start > m.date.end:
            continue  # too old, or dated after the change: a change comes after what it changes
        if m.actor and t.actor and m.actor != t.actor:
            continue
        if m.targets and t.targets and not set(m.targets) & set(t.targets):
            continue
        if not m.actor and len(set(m.parties) & set(t.parties)) < min(2, len(m.parties), len(t.parties)):
            continue  # an agreement extended is one between the same parties
        overlap = commodity_overlap(m.commodities, t.commodities)
        if overlap is None:
            continue
        key = (bool(named) and same_instrument(named, _documents(t)), _dated(m, t), overlap,
               t.first_seen.isoformat(), t.id)
        if best is None or key > best:
            best, found = key, t
    return found


def _documents(act: Act) -> set[tuple[str, str, str]]:
    """The numbered instruments an act's event reports name, as (kind, number, year or ""): a
    change naming one of them changes that act."""
    return {doc for r in act.reports if r.kind == "event" for doc in instruments(r.headline + "\n" + r.evidence)}


def _dated(m: Act, t: Act) -> bool:
    """Whether a report of the change states a day of the act it may change, as its own date or
    as the date of what it changes ("the controls it announced on Oct. 9", earlier.py): the
    strongest sign of which act it changes."""
    days = [s for s in (t.announced, t.effective) if s is not None and s.precision == "day"]
    said = [r.date for r in m.reports if r.date is not None and r.date.precision == "day"]
    said += [d for r in m.reports if r.modifier for d in dates_of(r.changes) if d.precision == "day"]
    return any(d.gap(s) <= DATE_SLACK for d in said for s in days)


def link_modifiers(acts: Sequence[Act], earlier: Sequence[Act] = ()) -> list[tuple[str, StatusChange]]:
    """Set `modifies` on every changing act; the changed act's history gains a dated entry.

    Returns (changed act id, entry) for every link, so a store can record entries on acts
    outside the set it rebuilt.
    """
    pool = list(acts) + [a for a in earlier if a.id not in {x.id for x in acts}]
    # Candidates by type and actor, in order first seen: a change looks only at the acts first
    # reported in the LINK_DAYS before it (`_target` checks each; its choice does not depend
    # on the order it sees them in).
    by_type: dict[str, list[Act]] = {}
    by_actor: dict[tuple[str, str], list[Act]] = {}
    for a in sorted(pool, key=lambda a: a.first_seen):
        by_type.setdefault(a.type, []).append(a)
        by_actor.setdefault((a.type, a.actor or "-"), []).append(a)
    out = []
    for m in sorted(acts, key=lambda a: (a.first_seen, a.id)):
        if not m.modifier:
            continue
        lists = ([by_actor.get((m.type, m.actor), []), by_actor.get((m.type, "-"), [])]
                 if m.actor else [by_type.get(m.type, [])])
        t = _target(m, [a for lst in lists for a in _before(lst, m)])
        if t is None:
            continue
        m.modifies = t.id
        kind = change_kind(m)
        note = f"{kind} {m.date.iso()}" + (f" until {m.end.iso()}" if m.end else "") + f", see {m.id}"
        entry = StatusChange(kind, m.date, m.announced_report or "", note, m.id)
        t.history.append(entry)
        t.status = current_status(t.history)
        out.append((t.id, entry))
    return out


def _before(acts: list[Act], m: Act) -> list[Act]:
    """The acts of a list sorted by first_seen that were first seen in the LINK_DAYS (and a day
    to spare) before `m`."""
    lo = bisect_left(acts, m.first_seen - timedelta(days=LINK_DAYS + 1), key=_first_seen)
    return acts[lo:bisect_left(acts, m.first_seen, key=_first_seen)]


def _first_seen(a: Act) -> datetime:
    return a.first_seen


def current_status(history: Sequence[StatusChange]) -> str:
    """The status after the latest dated step; an extension or amendment keeps the one before."""
    status = ""
    for step in sorted(history, key=lambda s: s.date.start):
        if step.status not in ("extended", "amended"):
            status = step.status
    return status
