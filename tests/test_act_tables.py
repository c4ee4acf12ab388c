"""The Overview's counts on acts: an act counts once per cell, however many reports it has."""

from __future__ import annotations

import pandas as pd

from views.act_tables import country_counts, daily_counts, pair_counts


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "date": pd.to_datetime(["2025-04-04", "2025-04-04", "2025-10-09"]),
        "type": ["export_control", "export_control", "tariff"],
        "countries": [["CN", "US"], ["CN"], ["US"]],
        "commodities": [["dysprosium", "terbium"], ["gallium"], []],
    })


def test_pair_counts_count_each_act_once_per_cell() -> None:
    p = pair_counts(_frame()).set_index(["country", "commodity"])["n"].to_dict()
    assert p == {("CN", "dysprosium"): 1, ("CN", "gallium"): 1, ("CN", "terbium"): 1,
                 ("US", "dysprosium"): 1, ("US", "terbium"): 1}


def test_country_counts_largest_first_then_by_name() -> None:
    c = country_counts(_frame())
    assert c.to_dict("records") == [{"key": "CN", "n": 2}, {"key": "US", "n": 2}]


def test_daily_counts_by_type_and_empty_frames() -> None:
    d = daily_counts(_frame(), "type")
    assert d["n"].sum() == 3 and set(d["key"]) == {"export_control", "tariff"}
    assert pair_counts(_frame().iloc[:0]).empty and country_counts(_frame().iloc[:0]).empty
