"""An act's fields from its group of reports: dates with their sources, status history, why.

Dates and status come from event reports only (a mention states neither), and a stated date
well before the act was first reported dates an older act, so it is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from .features import is_background
from .match import MEETINGS, MEETS, Group, own_date
from .model import Act, DateSpan, Report, StatusChange, act_id

RANK = {"threatened": 0, "proposed": 1, "scheduled": 1, "announced": 2, "held": 3,
        "in_effect": 3, "suspended": 4, "lifted": 5}
_PRECISION_RANK = {"day": 0, "window": 1, "month": 2, "year": 3}


def _most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value, the first seen winning ties."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v in counts if counts[v] == top)


def _pick(cands: Sequence[tuple[DateSpan, Report]]) -> tuple[DateSpan, Report] | None:
    """The best-supported stated date: most reports agreeing, then finest precision, earliest."""
    if not cands:
        return None

    def support(span: DateSpan) -> int:
        return sum(1 for s, _ in cands if s.start <= span.end and span.start <= s.end)

    return min(cands, key=lambda c: (-support(c[0]), _PRECISION_RANK[c[0].precision],
                                     c[0].start, c[1].order))


def _dates(g: Group, events: Sequence[Report]) -> tuple[tuple[DateSpan, Report] | None, ...]:
    """(announced, effective, end) with the report that gave each."""
    announced: list[tuple[DateSpan, Report]] = []
    effective: list[tuple[DateSpan, Report]] = []
    ends: list[tuple[DateSpan, Report]] = []
    for r in events:
        if r.date is not None and own_date(r, g.first_seen):
            (effective if r.date.start > r.day else announced).append((r.date, r))
            if r.status in ("in_effect", "held") and r.date.start <= r.day:
                effective.append((r.date, r))
        if r.end_date is not None and r.end_date > r.day:
            ends.append((DateSpan(r.end_date), r))
    # Weak events join but never date an act: "ahead of Blinken's trip" in a weak piece is
    # not when the visit was announced; nor does an event read from background ("the deal
    # comes after the Inflation Reduction Act limits ...") when another report has it.
    fresh = [r for r in events if not is_background(r.evidence)]
    first = min(fresh or events or [r for r in g.reports if r.kind != "mention"], key=lambda r: r.order)
    ann = _pick([c for c in announced if c[0].precision == "day"])
    coarse = _pick(announced)
    if ann is None and coarse is not None and not coarse[0].start <= first.day <= coarse[0].end:
        ann = coarse  # "in August", first reported in September: the stated month stands
    if ann is None or ann[0].start > first.day:
        ann = (DateSpan(first.day), first)  # fresh news: the first report's day
    return ann, _pick(effective) or _held_day(g, events), _pick(ends)


def _held_day(g: Group, events: Sequence[Report]) -> tuple[DateSpan, Report] | None:
    """A meeting no report dates was held on the day the first report of it held was
    published ("Blinken begins China visit"): fresh news, as for an announcement."""
    if g.type not in MEETS:
        return None
    held = [r for r in events if r.status == "held" and r.date is None and r.type in MEETS]
    first = min(held, key=lambda r: r.order, default=None)
    return (DateSpan(first.day), first) if first is not None else None


def _history(events: Sequence[Report], effective: tuple[DateSpan, Report] | None,
             last_day: DateSpan, first_seen: date, after: Report | None = None) -> list[StatusChange]:
    """Dated status changes, never stepping back (a late restatement does not undo a step).

    `after`: a report of talks or a summit published on or after its day that does not call it
    still to come (see `_reported_after`): the meeting was held on its day."""
    steps: list[tuple[DateSpan, int, Report, str]] = []
    for r in events:
        if not r.status:
            continue
        dated = r.date is not None and own_date(r, first_seen) and r.date.start <= r.day
        span = r.date if dated and r.date is not None else DateSpan(r.day)
        steps.append((span, RANK.get(r.status, 0), r, r.status))
    if effective is not None and effective[0].end <= last_day.start and events[0].type not in MEETINGS:
        steps.append((effective[0], RANK["in_effect"], effective[1], "in_effect"))
    if effective is not None and after is not None:
        steps.append((effective[0], RANK["held"], after, "held"))
    out: list[StatusChange] = []
    for span, rank, r, status in sorted(steps, key=lambda s: (s[0].start, s[1], s[2].order)):
        if out and rank <= RANK.get(out[-1].status, 0):
            continue
        out.append(StatusChange(status, span, r.id))
    return out


def _reported_after(g: Group, eff: tuple[DateSpan, Report] | None) -> Report | None:
    """The first report of a meeting published on or after the day it was to be held that does
    not call it still to come ("Trump and Xi agree a pause after Busan meeting"): without it a
    meeting only previewed stays scheduled however long ago its day was."""
    if eff is None or g.type not in MEETS:  # an agreement is in effect, never "held"
        return None
    return min((r for r in g.reports if r.day >= eff[0].end and r.status != "scheduled"),
               key=lambda r: r.order, default=None)


def _meeting_type(g: Group, events: Sequence[Report]) -> str:
    """A meeting reported as talks by some and a summit by others is a summit when as many
    reports name it a summit as talks: a report that names a summit has seen the leaders meet,
    while "talks" is said of leaders' meetings as well."""
    if g.type not in ("talks", "summit"):
        return g.type
    n = Counter(r.type for r in events)
    return "summit" if n["summit"] and n["summit"] >= n["talks"] else "talks"


def build_act(g: Group) -> Act:
    """Turn a finished group into an act."""
    events = [r for r in g.reports if r.kind == "event"]
    ann, eff, end = _dates(g, events)
    meeting = g.type in MEETINGS
    actor = None if meeting else _most_common(r.actor for r in events)
    targets = tuple(sorted(g.targets - {actor} if actor else g.targets))
    parties = tuple(sorted(g.countries - {actor} - set(targets)))
    last = DateSpan(max(r.day for r in events))
    history = _history(events, eff, last, g.first_seen, _reported_after(g, eff))
    type_ = _meeting_type(g, events)
    act = Act(
        id=act_id(g.founder.id), type=type_,
        subtype=_most_common(r.subtype for r in events if r.subtype != "other" and r.type == type_)
        or _most_common(r.subtype for r in events if r.type == type_),
        actor=actor, targets=targets, parties=parties,
        commodities=tuple(sorted(g.commodities)),
        status=history[-1].status if history else (g.founder.status or ""),
        announced=ann[0] if ann else None, announced_report=ann[1].id if ann else None,
        effective=eff[0] if eff else None, effective_report=eff[1].id if eff else None,
        end=end[0] if end else None, end_report=end[1].id if end else None,
        first_seen=min(r.published for r in g.reports), headline=g.founder.headline, modifier=g.founder.modifier,
        reports=sorted(g.reports, key=lambda r: r.order), history=history,
    )
    act.why = explain(act, events)
    return act


def explain(act: Act, events: Sequence[Report]) -> str:
    """One line saying why the reports were grouped (shown in the detail view)."""
    mentions = len(act.reports) - len(events)
    own = sum(1 for r in events if r.type == act.type)
    parts = [f"{own} report(s) of type {act.type}"]
    outcome = len(events) - own
    if outcome:  # see meetings.outcome_score
        other = "agreement" if act.type != "agreement" else "meeting"
        parts.append(f"{outcome} {other} report(s) of the same parties on the meeting's day")
    if act.actor:
        parts.append(f"by {act.actor}")
    if act.commodities:
        parts.append("on " + ", ".join(act.commodities[:4]))
    parts.append(f"first seen {act.first_seen.date().isoformat()}, each within the act's dates "
                 "or published within weeks of its last report")
    if mentions:
        parts.append(f"plus {mentions} article(s) naming its actor, minerals and wording")
    return "; ".join(parts)
