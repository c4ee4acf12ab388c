"""Acts (ingest.read.acts frames) shaped for the page's chart and tables (no streamlit).

The timeline draws one marker per act at its marker (announcement) date with a bar to its
effective or end date, whichever is later; the tables name the acting country, the targets,
the act's dates as labels ("December 2026") and the distinct outlets reporting it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ingest.read.act_marks import hs_codes
from ingest.tagging.taxonomy import default_taxonomy

from .labels import Labels, headline_link

# The key columns first, so they fit at 1440 px: what, who, on whom, when, status, sources, what minerals.
ACT_TABLE_COLUMNS = ["id", "headline", "link", "actor", "targets", "announced", "in_force", "status", "sources",
                     "commodities", "official", "hs_codes", "ends", "reports", "type"]
UPCOMING_COLUMNS = ["id", "when", "in_days", "what", "headline", "link", "actor", "targets", "type", "status",
                    "sources"]
WHAT = {"in force": "In force", "ends": "Ends", "meets": "Meets"}


def _ts(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, errors="coerce")


def _countries(actor: str | None, targets: list[str], parties: list[str]) -> list[str]:
    """Every country of an act, each once: the acting one, its targets, the other parties."""
    return list(dict.fromkeys([*([actor] if isinstance(actor, str) and actor else []), *targets, *parties]))


def timeline_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Acts in the shape `timeline_chart.timeline` draws: one row per act, its span's end being
    the later of its effective and end dates (none when both are on or before the marker)."""
    cols = ["id", "date", "end_date", "date_precision", "type", "status", "actor", "countries", "targets",
            "commodities", "headline", "evidence", "source"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    start = _ts(df["date"])
    end = pd.concat([_ts(df["effective_date"]), _ts(df["end_date"])], axis=1).max(axis=1)
    return pd.DataFrame({
        "id": df["id"], "date": start, "end_date": end.where(end > start),
        "date_precision": df["date_precision"], "type": df["type"], "status": df["status"],
        "actor": df["actor"], "countries": [_countries(a, t, p) for a, t, p in
                                            zip(df["actor"], df["targets"], df["parties"], strict=True)],
        "targets": df["targets"],
        "commodities": df["commodities"], "headline": df["headline"].fillna(""),
        "evidence": [f"{n} report{'s' if n != 1 else ''} from {len(o)} outlet{'s' if len(o) != 1 else ''}"
                     for n, o in zip(df["reports"], df["outlets"], strict=True)],
        "source": df["outlets"].map(", ".join),
    })[cols]


def acts_table(df: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Acts as the table shows them: acting country, targets, the three dates, status, outlets,
    whether an official source reports it, its commodities and their HS codes."""
    if df.empty:
        return pd.DataFrame(columns=ACT_TABLE_COLUMNS)
    return pd.DataFrame({
        "id": df["id"], "headline": df["headline"].fillna(""),
        "link": [headline_link(u, h) for u, h in zip(df["url"], df["headline"], strict=True)],
        "actor": df["actor"].map(lambda c: labels.country(c) if isinstance(c, str) and c else ""),
        "targets": df["targets"].map(lambda cs: ", ".join(labels.country(c) for c in cs)),
        "announced": df["announced"].where(df["announced"] != "", df["date_label"]),
        "in_force": df["in_force"], "ends": df["ends"], "status": df["status"].map(labels.status),
        "type": df["type"].map(labels.type),
        "commodities": df["commodities"].map(lambda cs: ", ".join(labels.commodity(c) for c in cs)),
        "sources": df["outlets"].map(", ".join), "reports": df["reports"],
        "official": df["official"].fillna(0).astype(int) > 0,
        "hs_codes": df["commodities"].map(lambda cs: ", ".join(hs_codes(cs, default_taxonomy()))),
    })[ACT_TABLE_COLUMNS]


def upcoming_table(df: pd.DataFrame, labels: Labels, today: date) -> pd.DataFrame:
    """Upcoming acts (read.acts.upcoming_acts): a month-precision step is shown under its month
    ("December 2026") and is 0 days away while its month runs."""
    if df.empty:
        return pd.DataFrame(columns=UPCOMING_COLUMNS)
    t = acts_table(df, labels)
    days = (_ts(df["when"]) - pd.Timestamp(today)).dt.days.clip(lower=0).astype(int)
    return t.assign(when=df["when_label"], in_days=days, what=df["what"].map(WHAT))[UPCOMING_COLUMNS]


def daily_counts(tf: pd.DataFrame, by: str) -> pd.DataFrame:
    """Acts of a `timeline_frame` per (`by` value, day): columns key, date, n (for the weekly
    view). An act counts once in each of its countries or commodities when `by` is one of those."""
    if tf.empty:
        return pd.DataFrame(columns=["key", "date", "n"])
    col = {"country": "countries", "commodity": "commodities"}.get(by, by)
    d = tf[["date", col]].rename(columns={col: "key"})
    if col in ("countries", "commodities"):
        d = d.explode("key")
    return d.groupby(["key", "date"], as_index=False).size().rename(columns={"size": "n"})


def pair_counts(tf: pd.DataFrame) -> pd.DataFrame:
    """Acts of a `timeline_frame` per (country, commodity) pair: columns country, commodity, n."""
    if tf.empty:
        return pd.DataFrame(columns=["country", "commodity", "n"])
    d = tf[["countries", "commodities"]].explode("countries").explode("commodities").dropna()
    d = d.rename(columns={"countries": "country", "commodities": "commodity"})
    return d.groupby(["country", "commodity"], as_index=False).size().rename(columns={"size": "n"})


def country_counts(tf: pd.DataFrame) -> pd.DataFrame:
    """Acts of a `timeline_frame` per country: columns key, n (largest first)."""
    if tf.empty:
        return pd.DataFrame(columns=["key", "n"])
    n = tf["countries"].explode().dropna().value_counts()
    return pd.DataFrame({"key": n.index, "n": n.to_numpy()}).sort_values(["n", "key"], ascending=[False, True],
                                                                         ignore_index=True)
