"""Lanes within a timeline row: acts whose markers or span bars would overlap go to separate
lanes, so every marker is visible and no bar runs through another act's marker (no streamlit).

Deterministic: the same acts always get the same lanes (greedy interval partitioning in date,
then id, order), unlike a random or hashed vertical offset that means nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

MAX_LANES = 8  # beyond this many lanes in one row, acts share the lane that frees up first


def assign_lanes(starts: Sequence[float], ends: Sequence[float], keys: Sequence[str],
                 gap: float, max_lanes: int = MAX_LANES) -> list[int]:
    """A lane (0, 1, ...) per interval [start, end] so that intervals in one lane are at least
    `gap` apart: each goes to the lowest lane that is free at its start, taken in (start, key)
    order. With all `max_lanes` lanes busy it goes to the one freed first (it may overlap)."""
    order = sorted(range(len(starts)), key=lambda i: (starts[i], keys[i]))
    lane_end: list[float] = []
    out = [0] * len(starts)
    for i in order:
        lo, hi = starts[i], max(ends[i], starts[i])
        free = next((n for n, e in enumerate(lane_end) if e + gap <= lo), None)
        if free is None and len(lane_end) < max_lanes:
            free = len(lane_end)
            lane_end.append(hi)
        elif free is None:
            free = min(range(len(lane_end)), key=lambda n: (lane_end[n], n))
        lane_end[free] = max(lane_end[free], hi)
        out[i] = free
    return out


def row_lanes(d: pd.DataFrame, gap_days: float) -> pd.Series:
    """The lane of each row of `d` (columns row, date, end_date, uid) within its timeline row."""
    lane = pd.Series(0, index=d.index, dtype=int)
    day = pd.Timedelta(days=1)
    for _, g in d.groupby("row", sort=False):
        start = ((g["date"] - pd.Timestamp(0)) / day).tolist()
        end = ((g["end_date"].fillna(g["date"]) - pd.Timestamp(0)) / day).tolist()
        lane.loc[g.index] = assign_lanes(start, end, g["uid"].astype(str).tolist(), gap_days)
    return lane


def gap_days(lo: pd.Timestamp, hi: pd.Timestamp, share: float = 0.013) -> float:
    """How many days a marker covers on an x axis from `lo` to `hi` (about 12 px of 900)."""
    return max((hi - lo) / pd.Timedelta(days=1), 1.0) * share
