"""Timeline lanes: overlapping acts in one row get separate lanes, deterministically."""

from __future__ import annotations

import pandas as pd

from views.lanes import assign_lanes, row_lanes


def test_apart_acts_share_a_lane_and_overlapping_ones_do_not():
    # 0: a marker at day 0; 1: day 1 (too close); 2: day 10 (free again); 3: a span 10..40
    lanes = assign_lanes([0, 1, 10, 10], [0, 1, 10, 40], ["a", "b", "c", "d"], gap=3)
    assert lanes == [0, 1, 0, 1]
    # a marker inside another act's span bar never lands on the bar's lane
    lanes = assign_lanes([0, 20], [100, 20], ["span", "dot"], gap=3)
    assert lanes == [0, 1]


def test_lanes_are_deterministic_whatever_the_input_order():
    starts, ends, keys = [5, 0, 5, 5], [5, 30, 5, 5], ["z", "y", "x", "w"]
    a = assign_lanes(starts, ends, keys, gap=2)
    b = assign_lanes(starts[::-1], ends[::-1], keys[::-1], gap=2)
    assert a == b[::-1]
    assert sorted(a) == [0, 1, 2, 3]


def test_lanes_are_capped():
    lanes = assign_lanes([0] * 12, [0] * 12, [f"k{i:02d}" for i in range(12)], gap=1, max_lanes=4)
    assert max(lanes) == 3 and sorted(set(lanes)) == [0, 1, 2, 3]


def test_row_lanes_are_per_row():
    d = pd.DataFrame({"row": ["A", "A", "B"], "uid": ["1|A", "2|A", "1|B"],
                      "date": pd.to_datetime(["2026-01-01"] * 3), "end_date": [pd.NaT] * 3})
    assert row_lanes(d, 3).tolist() == [0, 1, 0]
