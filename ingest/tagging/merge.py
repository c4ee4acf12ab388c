"""One event per act: an article often reports the same act in its headline and body, or twice
in the body with a coarser and a finer date; those reports become one event."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import EventRecord

# Measures aimed at a country: a headline's target ("Canada slaps tariff on Chinese EVs") is the
# body's too when the body tells the same act without naming whom it hits. Not export controls:
# their headlines name a rival as often as a destination ("hits back in chip war with the US").
_AIMED = frozenset(["sanction", "tariff", "import_restriction", "investigation"])

_RANK = {"day": 0, "month": 1, "year": 2}
_MEETING_STATUSES = ("held", "scheduled")


def ordered_unique(items: Iterable[str | None]) -> list[str]:
    """Distinct non-None items in first-seen order."""
    return [i for i in dict.fromkeys(items) if i is not None]


def with_parties(countries: tuple[str, ...], actor: str | None,
                 targets: tuple[str, ...]) -> tuple[str, ...]:
    """An event's countries with its actor and targets (a target may be read from words the
    country vocabulary lacks: "tariffs on European steel")."""
    extra = [c for c in (actor, *targets) if c and c not in countries]
    return countries + tuple(extra) if extra else countries


# Talks held "on the margins of the ASEAN summit" are a meeting of their own at the summit.
_SIDELINES = re.compile(r"\b(?:margins?|sidelines?) of (?:the |an? |this |next )?(?:[\w'’-]+ ){0,3}summit")


def drop_summit_talks(found: list[tuple[int, EventRecord]]) -> list[tuple[int, EventRecord]]:
    """Without leaders' "talks" in a summit sentence: they are the summit itself, unless one
    is held and the other to come ("failed to agree ... ahead of a summit": two occasions), or
    ministers' talks are held on the summit's margins (_SIDELINES) where no leaders meet."""
    summits = {(si, ev.date, ev.status) for si, ev in found if ev.type == "summit"}
    leaders = {(si, ev.date, ev.status) for si, ev in found if ev.type == "summit" and ev.subtype != "summit"}
    return [(si, ev) for si, ev in found
            if not (ev.type == "talks" and (si, ev.date, ev.status) in summits and (
                (si, ev.date, ev.status) in leaders or _SIDELINES.search(ev.evidence.lower()) is None))]


def merge(found: list[tuple[int, EventRecord]], headline_acts: frozenset[str] = frozenset(),
          ) -> list[EventRecord]:
    """The events of an article, (sentence index, event) in text order, one per act.

    The headline's undated events fold into the body's of the same act (its type, and its
    actor or a mineral: _told_in_body); events with the same type, status and date merge
    unless two states act (one event per acting state); a
    month- or year-dated event folds into a finer one inside it.
    `headline_acts`: the types whose headline event says, with an act verb, that it applies.
    """
    body_acts = {(ev.type, bool(ev.commodities), ev.actor) for si, ev in found if si > 0}
    body_meetings = {(ev.type, ev.status) for si, ev in found if si > 0}
    events = [ev for si, ev in found
              if not (si == 0 and ev.date_source != "text" and _told_in_body(ev, body_acts)
                      and not _other_occasion(ev, body_meetings))]
    headline_facts = [ev for si, ev in found if si == 0 and ev not in events]
    merged: dict[tuple, EventRecord] = {}
    for ev in events:
        key: tuple = (ev.type, ev.status, ev.date)
        old = merged.get(key)
        if old is not None and old.actor and ev.actor and old.actor != ev.actor:
            key, old = (*key, ev.actor), merged.get((*key, ev.actor))  # two states' acts stay two
        merged[key] = combine(old, ev) if old is not None else ev
    _fold_coarse(merged)
    return [_completed(ev, headline_facts, headline_acts) for ev in merged.values()]


def _told_in_body(ev: EventRecord, body_acts: set[tuple[str, bool, str | None]]) -> bool:
    """Whether the body tells a headline event's act: an event of its type, by its actor or
    on some mineral when the headline's is ("China bans gallium exports" is not the body's
    "a day after Washington widened its curbs on chips", another state's on other goods)."""
    return any(t == ev.type and (goods or not ev.commodities or actor == ev.actor)
               for t, goods, actor in body_acts)


def _other_occasion(ev: EventRecord, body_meetings: set[tuple[str, str]]) -> bool:
    """Whether a headline meeting is another occasion than the body's of its type: one held
    ("talks break down") and one to come ("will meet again in August") are two meetings."""
    return ev.status in _MEETING_STATUSES and (ev.type, ev.status) not in body_meetings


def _fold_coarse(merged: dict[tuple, EventRecord]) -> None:
    """Fold each coarse-dated event into a finer one it contains, in place ("talks in
    December" and "talks on Dec. 7" in one article are one event)."""
    for key, ev in list(merged.items()):
        if ev.date_precision == "day" or ev.date_source != "text":
            continue
        finer = [k for k, o in merged.items() if k != key and o.type == ev.type
                 and o.status == ev.status and contains(ev, o)]
        if finer:
            merged[finer[0]] = combine(merged[finer[0]], ev)
            del merged[key]


def _completed(ev: EventRecord, headline_facts: list[EventRecord],
               headline_acts: frozenset[str]) -> EventRecord:
    """The event with the headline's commodities where it names none and the two actors do not
    differ (another state's act is on its own goods), the headline's actor where it names none
    (the actor then among its countries), a measure's targets too, and its actor not also
    among its targets. A headline that says the measure applies ("US imposes new sanctions")
    outweighs a body that only reports it announced, with no later start ("The US
    announced new sanctions ..."), unless the headline's actor is the body's target: then it
    misread who acts ("New Russia sanctions target ...") and says nothing of the status."""
    for h in headline_facts:
        if threat_told(h, ev):
            ev = ev._replace(status="threatened")
        if (h.type == ev.type and h.type in headline_acts and h.status == "in_effect"
                and ev.status == "announced" and ev.date <= h.date and h.actor not in ev.targets):
            ev = ev._replace(status="in_effect")
        if h.type == ev.type and not ev.commodities and (None in (h.actor, ev.actor) or h.actor == ev.actor):
            ev = ev._replace(commodities=h.commodities)
        if (h.type == ev.type and h.type in _AIMED and not ev.targets and h.targets
                and h.actor in (None, ev.actor)):  # whom a measure hits is named with it
            ev = ev._replace(targets=h.targets, countries=tuple(ordered_unique(
                (*ev.countries, *h.targets))))
        if h.type == ev.type and ev.actor is None and h.actor and h.actor not in ev.targets:
            ev = ev._replace(actor=h.actor, countries=tuple(ordered_unique(
                (*ev.countries, h.actor))))  # who acts is among the event's countries
    if ev.actor in ev.targets:
        ev = ev._replace(targets=tuple(t for t in ev.targets if t != ev.actor))
    return ev


def threat_told(headline: EventRecord, ev: EventRecord) -> bool:
    """Whether the body's announced act is what the headline calls a threat: "Trump threatens
    extra 100% tariff" and "he said he would put a 100% tariff ... and impose export controls"
    tell one threat, the acts of the same state (of the same type when the body names no one)."""
    return (headline.status == "threatened" and ev.status == "announced" and headline.actor is not None
            and (headline.actor == ev.actor or (ev.actor is None and headline.type == ev.type)))


def contains(coarse: EventRecord, fine: EventRecord) -> bool:
    """True when `fine` has a finer date inside `coarse`'s month or year."""
    if _RANK[fine.date_precision] >= _RANK[coarse.date_precision]:
        return False
    if coarse.date_precision == "year":
        return fine.date.year == coarse.date.year
    return (fine.date.year, fine.date.month) == (coarse.date.year, coarse.date.month)


def combine(old: EventRecord, ev: EventRecord) -> EventRecord:
    """Two reports of one act as one event: the first report's type, status, date and evidence,
    the finer precision of a stated date, and the union of the parties and commodities."""
    return old._replace(
        date_precision=old.date_precision if old.date_source == "text" else ev.date_precision,
        end_date=old.end_date or ev.end_date,
        date_source="text" if "text" in (old.date_source, ev.date_source) else old.date_source,
        actor=old.actor or ev.actor,
        countries=tuple(ordered_unique(old.countries + ev.countries)),
        targets=tuple(ordered_unique(old.targets + ev.targets)),
        commodities=tuple(sorted(set(old.commodities) | set(ev.commodities))),
    )
