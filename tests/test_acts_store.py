"""Acts in the store: ingest in any order equals a rebuild, retag rebuilds, reads and export."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from ingest import pipeline, store
from ingest.acts import DateSpan, consolidate
from ingest.acts.evaluate import load_set, parse_time
from ingest.acts.model import StatusChange
from ingest.acts.reports import article_reports
from ingest.read.acts import act_detail, act_summary, acts_frame, past_acts, upcoming_acts
from ingest.read.filters import Filters
from ingest.sources.feedlist import sample_feeds
from ingest.store import acts as act_store
from ingest.store.act_rows import history_rows
from ingest.store.schema import act_history, act_reports, acts
from ingest.tagging.tagger import Tagger


@pytest.fixture(scope="module")
def labelled_reports():  # type: ignore[no-untyped-def]
    items, _ = load_set()
    tagger = Tagger()
    out = []
    for it in items:
        res = tagger.tag(it["title"], it["summary"], parse_time(it["published"]))
        out += article_reports(it["id"], it["url"], "", it["title"], it["summary"],
                               parse_time(it["published"]), res.countries, res.commodities,
                               [(e, e.evidence) for e in res.events], weak=not res.relevant)
    return out


def _snapshot(engine) -> dict:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return {
            "reports": sorted(tuple(r) for r in conn.execute(select(act_reports.c.id, act_reports.c.act_id))),
            "acts": sorted(tuple(r) for r in conn.execute(select(
                acts.c.id, acts.c.status, acts.c.date, acts.c.announced_date, acts.c.effective_date,
                acts.c.sources, acts.c.modifies))),
            "history": sorted(tuple(r) for r in conn.execute(select(
                act_history.c.act_id, act_history.c.status, act_history.c.date,
                act_history.c.report_id, act_history.c.via_act))),
        }


@pytest.mark.parametrize("order", ["published", "reverse", "shuffled"])
def test_ingest_in_any_order_equals_grouping_at_once(engine, labelled_reports, order) -> None:
    reports = sorted(labelled_reports, key=lambda r: r.order)
    if order == "reverse":
        reports.reverse()
    elif order == "shuffled":
        random.Random(3).shuffle(reports)
    for i in range(0, len(reports), 9):
        with store.atomic(engine) as conn:
            act_store.add_reports(conn, reports[i: i + 9])
    got = _snapshot(engine)
    with store.atomic(engine) as conn:
        act_store.rebuild(conn, labelled_reports)
    assert got == _snapshot(engine)
    expected = {r.id: a.id for a in consolidate(labelled_reports) for r in a.reports}
    assert {rid: aid for rid, aid in got["reports"] if aid} == expected
    with store.atomic(engine) as conn:  # the same reports again change nothing
        assert act_store.add_reports(conn, labelled_reports) == 0


def test_ingest_builds_acts_and_retag_rebuilds_the_same(engine) -> None:
    summary = pipeline.run(engine, sample_feeds(), processes=0)
    assert summary.count("failed") == 0
    before = _snapshot(engine)
    assert before["acts"] and len(before["acts"]) < store.counts(engine)["events"]
    pipeline.retag(engine)
    assert _snapshot(engine) == before


def test_an_official_notice_and_a_wire_report_of_one_suspension_are_one_act(engine) -> None:
    pipeline.run(engine, sample_feeds(), processes=0)
    with engine.connect() as conn:
        rows = conn.execute(select(act_reports.c.act_id, act_reports.c.url)).all()
    ids = {a for a, url in rows if "mofcom-suspends-clause-2" in url}
    assert len(ids) == 1
    [act_id] = ids
    assert {url for a, url in rows if a == act_id and "china-suspends-us-specific-ban" in url}
    # The suspension of the October 2025 package is another act: it changes another earlier act
    # (the fact sheet's "controls it announced on Oct. 9", Announcement No. 70's notices).
    october = {a for a, url in rows if "mofcom-announcement-70-suspension" in url or "gac-announcement-70" in url}
    assert october and act_id not in october
    assert {a for a, url in rows if "white-house-fact-sheet" in url} & october
    act = acts_frame(engine).set_index("id").loc[act_id]
    assert act["type"] == "export_control" and act["status"] == "suspended" and act["actor"] == "CN"


def _act_with(engine, **kw):  # type: ignore[no-untyped-def]
    """Store one act from a single report, then patch its dates (for the date-precision reads)."""
    reps = [r for r in _SAMPLE_REPORTS()]
    [act] = consolidate(reps)
    for k, v in kw.items():
        setattr(act, k, v)
    with store.atomic(engine) as conn:
        act_store.write_acts(conn, [act], [])
    return act


def _SAMPLE_REPORTS():  # type: ignore[no-untyped-def]  # noqa: N802
    from ingest.records import EventRecord
    ev = EventRecord("summit", "summit", "scheduled", date(2026, 12, 1), "month", None, "text",
                     None, ("ZA", "US"), (), ("critical_minerals",),
                     "G20 leaders will meet in December to discuss critical minerals.")
    return article_reports("art1", "https://wire.example/g20", "wire.example",
                           "G20 summit in December to take up critical minerals", "",
                           datetime(2026, 11, 20, 9, tzinfo=UTC), ("US", "ZA"),
                           ("critical_minerals",), [(ev, ev.evidence)])


def test_month_precision_dates_are_upcoming_until_the_month_ends(engine) -> None:
    act = _act_with(engine)
    assert act.effective == DateSpan(date(2026, 12, 1), "month")
    up = upcoming_acts(engine, date(2026, 12, 5))
    assert list(up["id"]) == [act.id]
    assert up.iloc[0]["when_label"] == "December 2026" and up.iloc[0]["what"] == "meets"
    assert upcoming_acts(engine, date(2027, 1, 1)).empty
    assert list(past_acts(engine, date(2026, 12, 5), days=30)["id"]) == [act.id]  # announced 20 Nov
    with store.atomic(engine) as conn:  # a marker "in December 2026" is not past on 5 December
        conn.execute(acts.update().values(date=date(2026, 12, 1), date_precision="month",
                                          date_last=date(2026, 12, 31)))
    assert past_acts(engine, date(2026, 12, 5), days=30).empty
    assert len(past_acts(engine, date(2027, 1, 2), days=60)) == 1


def test_in_force_on_a_date_respects_precision_and_suspensions(engine, labelled_reports) -> None:
    with store.atomic(engine) as conn:
        act_store.rebuild(conn, labelled_reports)
    in_force = acts_frame(engine, Filters(countries=("CN",), types=("export_control",),
                                             in_force_on=date(2025, 12, 1)))
    heads = " | ".join(in_force["headline"])
    assert "gallium and germanium from August" in heads  # in force from 1 August 2023
    before = acts_frame(engine, Filters(countries=("CN",), commodities=("gallium",),
                                           in_force_on=date(2023, 7, 20)))
    assert "gallium and germanium from August" not in " | ".join(before["headline"])
    oct_2025 = acts_frame(engine, Filters(countries=("CN",), commodities=("holmium",),
                                             since=date(2025, 10, 1), until=date(2025, 10, 31)))
    assert len(oct_2025) == 1 and oct_2025.iloc[0]["status"] == "suspended"
    assert oct_2025.iloc[0]["id"] not in set(in_force["id"])  # suspended on 7 November


def test_act_detail_has_reports_history_and_the_changing_act(engine, labelled_reports) -> None:
    with store.atomic(engine) as conn:
        act_store.rebuild(conn, labelled_reports)
    df = acts_frame(engine, Filters(countries=("CN",), commodities=("holmium",)))
    detail = act_detail(engine, df.iloc[-1]["id"])
    assert detail is not None
    assert len(detail["reports_table"]) >= 3 and detail["reports_table"]["url"].str.startswith("https://").all()
    assert [h["status"] for h in detail["history"]][-1] == "suspended"
    assert detail["changed_by"] and "why" in detail and detail["sources"] >= 3
    assert act_detail(engine, "act-missing") is None


def test_export_acts_lines_carry_reports_with_urls(offline_db_url, cli) -> None:
    out = cli("export", "--acts", "--format", "jsonl", "--db", offline_db_url)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert lines and all(x["reports"] and all(r["url"] for r in x["reports"]) for x in lines)
    assert {"announced_date", "effective_date", "end_date", "history", "sources"} <= set(lines[0])
    csv_out = cli("export", "--acts", "--format", "csv", "--db", offline_db_url)
    assert csv_out.stdout.splitlines()[0].startswith("id,type,subtype,status,actor")
    assert len(csv_out.stdout.splitlines()) == len(lines) + 1


def test_export_writes_acts_by_default_and_events_on_request(offline_db_url, cli) -> None:
    acts_out = cli("export", "--acts", "--format", "jsonl", "--db", offline_db_url)
    default = cli("export", "--format", "jsonl", "--db", offline_db_url)
    assert default.returncode == 0 and default.stdout == acts_out.stdout
    events = cli("export", "--events", "--format", "jsonl", "--db", offline_db_url)
    first = json.loads(events.stdout.splitlines()[0])
    assert "articles" in first and "reports" not in first
    assert len(events.stdout.splitlines()) > len(default.stdout.splitlines())  # reports joined into acts
    both = cli("export", "--acts", "--events", "--db", offline_db_url)
    assert both.returncode == 2 and "not allowed with" in both.stderr


def test_evaluate_acts_prints_the_figures(cli) -> None:
    out = cli("evaluate", "--acts", "--show-misses")
    assert out.returncode == 0, out.stderr
    for name in ("acts found", "markers per act", "B-cubed F1", "wrong merges", "dates right"):
        assert name in out.stdout
    # Each report not filed with its act: its gold act, where it went and what the tagger made.
    misses = [line for line in out.stdout.splitlines() if line.startswith("miss r")]
    assert misses and all(" -> " in line and " | " in line for line in misses)


def test_a_run_that_died_before_grouping_is_made_good_by_the_next(engine) -> None:
    from ingest.acts import ingest as act_ingest

    pipeline.run(engine, sample_feeds(), processes=0)
    before = _snapshot(engine)
    with store.atomic(engine) as conn:  # a store from before acts: events, no act rows
        act_store.clear(conn)
    assert act_ingest.is_behind(engine)
    pipeline.run(engine, sample_feeds(), processes=0)
    assert _snapshot(engine) == before
    with store.atomic(engine) as conn:  # as if the run had stopped after writing its feeds
        conn.execute(acts.delete().where(acts.c.id == before["acts"][0][0]))
        act_ingest.mark_behind(conn)
    assert act_ingest.is_behind(engine)
    pipeline.run(engine, sample_feeds(), processes=0)  # nothing new: the acts are rebuilt
    assert not act_ingest.is_behind(engine)
    assert _snapshot(engine) == before


def test_upcoming_and_past_follow_the_status_history(engine, labelled_reports) -> None:
    with store.atomic(engine) as conn:
        act_store.rebuild(conn, labelled_reports)
    [oct_id] = acts_frame(engine, Filters(countries=("CN",), commodities=("holmium",),
                                          since=date(2025, 10, 1), until=date(2025, 10, 31)))["id"]
    before = past_acts(engine, date(2025, 11, 3))  # the suspension came on 7 November
    assert before.set_index("id").loc[oct_id, "status"] != "suspended"
    after = past_acts(engine, date(2025, 11, 20))
    assert after.set_index("id").loc[oct_id, "status"] == "suspended"


def test_an_act_suspended_by_today_has_no_upcoming_step(engine) -> None:
    act = _act_with(engine)  # meets "December 2026"
    assert list(upcoming_acts(engine, date(2026, 12, 5))["id"]) == [act.id]
    step = StatusChange("suspended", DateSpan(date(2026, 11, 28)), "r", "suspended, see act-x", "act-x")
    with store.atomic(engine) as conn:
        conn.execute(act_history.insert(), history_rows(act.id, [step]))
    assert upcoming_acts(engine, date(2026, 11, 27)).shape[0] == 1  # not yet suspended
    assert upcoming_acts(engine, date(2026, 12, 5)).empty


def test_last_30_days_counts_a_month_once_it_is_over(engine) -> None:
    act = _act_with(engine)
    with store.atomic(engine) as conn:  # a marker "in November 2026"
        conn.execute(acts.update().values(date=date(2026, 11, 1), date_precision="month",
                                          date_last=date(2026, 11, 30)))
    assert past_acts(engine, date(2026, 11, 20), days=30).empty  # November is not over
    assert list(past_acts(engine, date(2026, 12, 5), days=30)["id"]) == [act.id]
    s = act_summary(engine, Filters(), date(2026, 12, 5))
    assert s["recent"] == 1 and s["latest_label"] == "November 2026"
