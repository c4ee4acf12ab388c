"""An analyst's merges and splits as constraints on grouping, honoured on every rebuild.

`must` pairs of report ids belong in one act (a merge); `cannot` pairs never share one (a
split). They are applied to the groups the matcher made, so grouping itself stays as it is:
merges first, then splits, so a split wins over an older merge. A report split off an act
founds its own act when it is an event, else waits like any unjoined mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .match import Group
from .model import Report


@dataclass(frozen=True)
class Links:
    """Report pairs to keep together (`must`) or apart (`cannot`)."""

    must: tuple[tuple[str, str], ...] = ()
    cannot: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.must or self.cannot)


NO_LINKS = Links()


def regroup(reports: Iterable[Report]) -> Group | None:
    """A group of these reports: founded by the earliest event report (None without one)."""
    ordered = sorted(reports, key=lambda r: r.order)
    events = [r for r in ordered if r.kind == "event" and r.type]
    if not events:
        return None
    g = Group(founder=events[0])
    for r in events:
        g.add(r)
    g.reports.extend(r for r in ordered if r.kind != "event" or not r.type)
    return g


def apply_links(groups: Sequence[Group], links: Links) -> list[Group]:
    """The groups with merges and splits applied (untouched groups stay the same objects)."""
    if not links:
        return list(groups)
    where = {r.id: i for i, g in enumerate(groups) for r in g.reports}
    parts: dict[int, list[Report]] = {i: list(g.reports) for i, g in enumerate(groups)}
    changed: set[int] = set()
    for a, b in links.must:
        ia, ib = where.get(a), where.get(b)
        if ia is None or ib is None or ia == ib:
            continue
        keep, gone = min(ia, ib), max(ia, ib)
        parts[keep] += parts.pop(gone)
        for r in parts[keep]:
            where[r.id] = keep
        changed.add(keep)
    split_off: list[Report] = []
    for a, b in links.cannot:
        ia, ib = where.get(a), where.get(b)
        if ia is None or ia != ib:
            continue
        moved = next(r for r in parts[ia] if r.id == a)
        parts[ia].remove(moved)
        del where[a]
        split_off.append(moved)
        changed.add(ia)
    out = [groups[i] if i not in changed else regroup(reps) for i, reps in sorted(parts.items())]
    out += [regroup([r]) for r in split_off]
    return [g for g in out if g is not None and g.reports]


def founders(groups: Iterable[Group]) -> list[Group]:
    """Groups in founding order (what `consolidate` returns before building acts)."""
    return sorted(groups, key=lambda g: g.founder.order)
