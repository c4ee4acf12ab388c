"""Acts at scale: a store of 1,000,000 acts, and 10,000 new reports consolidated into it.

The stored acts spread over 20 years, 8 types and every country (the 28 major ones a quarter
of the time), one or two of 28 minerals each: a CN export control every week or so.

The store is filled straight through sqlite3 (rows as ingest would write them, indexes built
after the load); the measured part goes through the real code path, `store.acts.add_reports`,
in batches of 50 reports (one feed's worth), one transaction each. Half of the new reports
follow up a stored act (same type, actor and mineral, days later), half are new acts.
"""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from ingest import store
from ingest.acts.features import is_modifier, stems
from ingest.acts.model import Act, DateSpan, Report, act_id, report_id
from ingest.store import acts as act_store
from ingest.store.act_rows import act_keys, act_row, report_row
from ingest.tagging.taxonomy import default_taxonomy

TYPES = ["export_control", "tariff", "import_restriction", "sanction", "investigation",
         "investment", "production_control", "strategy"]
MAJOR = ["CN", "US", "EU", "JP", "KR", "AU", "CA", "IN", "ID", "CD", "ZW", "CL", "AR", "RU",
         "UA", "VN", "MY", "SA", "BR", "ZA", "DE", "FR", "GB", "MX", "PE", "KZ", "NA", "PH"]
# Every country in the taxonomy acts; the 28 major ones a quarter of the time.
ACTORS = sorted({c.code for c in default_taxonomy().countries})
MINERALS = ["lithium", "cobalt", "nickel", "graphite", "gallium", "germanium", "antimony",
            "tungsten", "copper", "manganese", "rare_earths", "tin", "tantalum", "niobium",
            "bismuth", "indium", "molybdenum", "vanadium", "chromium", "platinum", "palladium",
            "titanium", "zinc", "silicon", "magnesium", "aluminium", "uranium", "zirconium"]
START = date(2006, 1, 1)
DAYS = 7300  # 1,000,000 acts over 20 years: ~140 a day
BATCH = 50


def _params(i: int) -> tuple[str, str, tuple[str, ...], datetime]:
    rng = random.Random(i)
    minerals = tuple(sorted(set(rng.sample(MINERALS, rng.choice((1, 1, 2))))))
    when = datetime.combine(START + timedelta(days=rng.randrange(DAYS)), datetime.min.time(),
                            tzinfo=UTC) + timedelta(hours=rng.randrange(24))
    actor = rng.choice(MAJOR) if rng.random() < 0.25 else rng.choice(ACTORS)
    return rng.choice(TYPES), actor, minerals, when


def _report(key: str, type_: str, actor: str, minerals: tuple[str, ...], when: datetime) -> Report:
    text = f"{actor} {type_.replace('_', ' ')} on {' and '.join(minerals)} exports, officials said"
    return Report(id=report_id(key, "e"), article_id=key, url=f"https://wire{len(key) % 7}.example/{key}",
                  outlet=f"wire{len(key) % 7}.example", published=when, headline=text, evidence=text,
                  kind="event", words=stems(text), countries=(actor,), commodities=minerals,
                  type=type_, subtype="other", status="announced", date=None, actor=actor,
                  modifier=is_modifier(text, "announced"))


def populate(path: Path, n_acts: int) -> None:
    """A SQLite store at `path` holding `n_acts` acts of one report each."""
    url = f"sqlite:///{path}"
    store.connect(url).dispose()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
                         "AND tbl_name LIKE 'act%'").fetchall()
    for name, _sql in indexes:
        db.execute(f'DROP INDEX "{name}"')
    acts_sql = _insert_sql(db, "acts")
    reports_sql = _insert_sql(db, "act_reports")
    rows_a, rows_r, rows_k = [], [], []
    for i in range(n_acts):
        type_, actor, minerals, when = _params(i)
        r = _report(f"s{i}", type_, actor, minerals, when)
        a = Act(id=act_id(r.id), type=type_, subtype="other", actor=actor, targets=(), parties=(),
                commodities=minerals, status="announced", announced=DateSpan(when.date()),
                announced_report=r.id, effective=None, effective_report=None, end=None,
                end_report=None, first_seen=when, headline=r.headline, modifier=r.modifier,
                reports=[r], why="synthetic")
        rows_a.append(_values(act_row(a), acts_sql[1]))
        rows_r.append(_values(report_row(r, a.id), reports_sql[1]))
        rows_k += [(k, m, a.id) for k, m in act_keys(a)]
        if len(rows_a) >= 20_000 or i == n_acts - 1:
            db.executemany(acts_sql[0], rows_a)
            db.executemany(reports_sql[0], rows_r)
            db.executemany("INSERT OR IGNORE INTO act_keys (key, month, act_id) VALUES (?,?,?)", rows_k)
            rows_a, rows_r, rows_k = [], [], []
    for _name, sql in indexes:
        db.execute(sql)
    db.commit()
    db.execute("ANALYZE")
    db.close()


def _insert_sql(db: sqlite3.Connection, table: str) -> tuple[str, list[str]]:
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", cols


def _values(row: dict, cols: list[str]) -> tuple:
    out = []
    for c in cols:
        v = row.get(c)
        if isinstance(v, datetime):
            v = v.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
        elif isinstance(v, date):
            v = v.isoformat()
        out.append(v)
    return tuple(out)


def new_reports(n: int, n_acts: int, seed: int = 5) -> list[Report]:
    """`n` reports: every other one follows up a stored act, the rest are new acts."""
    rng = random.Random(seed)
    out = []
    for j in range(n):
        if j % 2 == 0:
            type_, actor, minerals, when = _params(rng.randrange(n_acts))
            when += timedelta(days=rng.randrange(1, 20))
        else:
            type_, actor, minerals, when = _params(n_acts + j)
            when = datetime(2025, 12, 31, tzinfo=UTC) - timedelta(days=rng.randrange(730))
        out.append(_report(f"n{j}", type_, actor, minerals, when))
    return out


def consolidate_into(path: Path, reports: list[Report]) -> float:
    """Seconds to add the reports in batches of 50, one transaction each (the ingest path)."""
    engine = store.connect(f"sqlite:///{path}", create=False)
    t0 = time.perf_counter()
    for i in range(0, len(reports), BATCH):
        with store.atomic(engine) as conn:
            act_store.add_reports(conn, reports[i: i + BATCH])
    seconds = time.perf_counter() - t0
    engine.dispose()
    return seconds
