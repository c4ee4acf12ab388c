"""Which earlier act a change changes: two changes of different earlier acts are two acts.

Own words throughout: a government suspends two different earlier measures on the same
minerals within days, each report naming what it suspends by its date or its instrument.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from ingest import store
from ingest.acts import consolidate
from ingest.acts import ingest as act_ingest
from ingest.acts.earlier import change_marks, other_earlier
from ingest.acts.features import change_kind_of
from ingest.acts.model import Report
from ingest.acts.reports import article_reports
from ingest.records import EventRecord
from ingest.store import acts as act_store
from ingest.store.schema import act_reports

PUB = date(2025, 9, 20)


@pytest.mark.parametrize("text, marks", [
    # the change's object dated by its own participle, or named by its month
    ("Beijing will suspend the tungsten controls it unveiled on Aug. 14.", ("d:2025-08-14",)),
    ("The ministry would lift the quota that was first imposed in March 2024.", ("d:2024-03",)),
    ("Hanoi extends its June export ban on rare earth ores.", ("d:2025-06",)),
    # an instrument of an earlier year dates the earlier act; one of this year may be the change's own
    ("Ministry pauses clause 4 of Notice No. 9 of 2023 on tungsten", ("d:2023", "n:notice:9:2023")),
    ("Notice No. 15 of 2025: tungsten licences paused", ("n:notice:15:2025",)),
    # not the earlier act's: the day the change was said, its end, its own day
    ("The ministry announced on Sept. 18 that it would suspend the tungsten controls.", ()),
    ("Beijing suspends its tungsten controls until March 31.", ()),
    ("Beijing suspended the tungsten curbs on Friday.", ()),
])
def test_a_change_marks_what_it_changes_by_date_or_instrument(text: str, marks: tuple[str, ...]) -> None:
    assert change_marks(text, PUB) == marks


def test_changes_of_different_earlier_acts_disagree_and_unnamed_ones_agree_with_any() -> None:
    assert other_earlier(["d:2024-03"], ["d:2025-08-14"])
    assert other_earlier(["n:notice:9:2023"], ["n:notice:15:2025"])
    assert not other_earlier(["d:2024-03"], ["d:2024-03-12"])  # the month holds the day
    assert not other_earlier(["d:2023", "n:notice:9:2023"], ["n:notice:9:"])  # year left out
    assert not other_earlier(["d:2025-08-14"], ["d:2025-08-14", "n:notice:15:2025"])  # one mark agrees
    assert not other_earlier([], ["d:2025-08-14"])
    assert not other_earlier(["d:2024-03"], ["n:notice:15:2025"])  # no kind of mark both give


def _ev(status: str, day: date, evidence: str, precision: str = "day", source: str = "text") -> EventRecord:
    return EventRecord("export_control", None, status, day, precision, None, source, "CN", ("CN",), (),
                       ("tungsten",), evidence)


def _article(n: int, day: int, title: str, *events: EventRecord) -> list[Report]:
    published = datetime(2025, 9, day, 9, tzinfo=UTC)
    return article_reports(f"a{n}", f"https://o{n}.example/{n}", f"o{n}.example", title, "", published,
                           ("CN",), ("tungsten",), [(e, e.evidence) for e in events])


def _quota_pause(n: int, day: int) -> list[Report]:
    """A suspension of the March 2024 quota, with the earlier act the tagger pairs with it."""
    said = ("The commerce ministry said it would suspend, until the end of next year, the tungsten "
            "export quota it imposed in March 2024.")
    return _article(n, day, "China pauses its tungsten export quota",
                    _ev("suspended", date(2025, 9, day - 1), said),
                    _ev("in_effect", date(2024, 3, 1), said, "month"))


def _licence_pause(n: int, day: int) -> list[Report]:
    said = "Beijing will suspend the tungsten licensing controls it unveiled on Aug. 14."
    return _article(n, day, "China to suspend tungsten licensing controls",
                    _ev("suspended", date(2025, 9, day), said, source="published"))


def _acts_of(reports: list[Report]) -> dict[str, set[str]]:
    """Article -> the articles its change act holds."""
    out = {}
    for a in consolidate(reports):
        if a.modifier:
            arts = {r.article_id for r in a.reports}
            out.update({x: arts for x in arts})
    return out


def test_two_suspensions_of_different_earlier_acts_stay_apart() -> None:
    reports = _quota_pause(1, 10) + _licence_pause(2, 11)
    acts = _acts_of(reports)
    assert acts["a1"] == {"a1"} and acts["a2"] == {"a2"}
    # without what each says it changes, they were one act
    assert _acts_of([replace(r, changes=()) for r in reports])["a1"] == {"a1", "a2"}


def test_two_reports_of_the_same_suspension_still_join() -> None:
    acts = _acts_of(_quota_pause(1, 10) + _licence_pause(2, 11) + _quota_pause(3, 12))
    assert acts["a1"] == {"a1", "a3"} and acts["a2"] == {"a2"}


def test_a_report_naming_no_earlier_act_joins_as_before() -> None:
    plain = _article(4, 12, "China suspends tungsten export curbs",
                     _ev("suspended", date(2025, 9, 12), "China suspends tungsten export curbs.", source="published"))
    assert plain[0].changes == ()
    reports = _quota_pause(1, 10) + plain
    assert _acts_of(reports)["a4"] == {"a1", "a4"}
    assert _acts_of([replace(r, changes=()) for r in reports])["a4"] == {"a1", "a4"}


def test_the_earlier_act_an_article_pairs_with_its_change_does_not_join_another_change() -> None:
    """The paired earlier event names the change ("would suspend ..."), so it may join a change:
    the article's own, never a suspension of another earlier act reported before it."""
    reports = _licence_pause(2, 9) + _quota_pause(1, 10)
    [quota] = [a for a in consolidate(reports) if any(r.article_id == "a1" for r in a.reports)
               and a.modifier]
    assert {r.article_id for r in quota.reports} == {"a1"} and len(quota.reports) == 2


def test_stored_reports_keep_their_marks_and_an_older_store_gains_the_column(db_url: str) -> None:
    engine = store.connect(db_url)
    reports = _quota_pause(1, 10) + _licence_pause(2, 11)
    with store.atomic(engine) as conn:
        act_store.rebuild(conn, reports)
    with engine.connect() as conn:
        stored = dict(conn.execute(select(act_reports.c.id, act_reports.c.changes)).all())
    assert stored[reports[0].id] == '["d:2024-03"]'
    with engine.begin() as conn:  # a store made before the column
        conn.exec_driver_sql("ALTER TABLE act_reports DROP COLUMN changes")
    engine.dispose()
    with pytest.raises(store.StoreError, match="act-report columns"):
        store.connect(db_url, create=False)
    engine = store.connect(db_url)  # the column comes back, empty; the next run rebuilds the acts
    with engine.connect() as conn:
        assert set(conn.execute(select(act_reports.c.changes)).scalars()) == {"[]"}
    assert act_ingest.is_behind(engine)
    engine.dispose()


@pytest.mark.parametrize("text, kind", [
    ("Kinshasa's cobalt freeze to last another three months", "extended"),
    ("The halt on exports will continue for a further 90 days", "extended"),
    ("Jakarta extends its ore export ban", "extended"),
    ("Kinshasa freezes cobalt exports for four months", "suspended"),
    ("Cobalt prices rose for another week as Kinshasa froze exports", "suspended"),
])
def test_a_measure_said_to_last_longer_is_an_extension(text: str, kind: str) -> None:
    assert change_kind_of(text) == kind
