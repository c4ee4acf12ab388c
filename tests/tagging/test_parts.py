"""The tagger's parts on their own: merging reports of one act, the date-form registry, and
the tagger's import and memory footprint."""

from __future__ import annotations

import gc
import re
import subprocess
import sys
from datetime import date

from helpers.db import REPO

from ingest.records import EventRecord
from ingest.tagging.dateforms import FORMS
from ingest.tagging.merge import combine, contains, drop_summit_talks, merge
from ingest.tagging.tagger import Tagger


def event(type_: str = "export_control", day: date = date(2025, 10, 9), precision: str = "day",
          source: str = "text", actor: str | None = "CN", countries: tuple[str, ...] = ("CN",),
          targets: tuple[str, ...] = (), commodities: tuple[str, ...] = ("gallium",),
          evidence: str = "Beijing curbed gallium exports.") -> EventRecord:
    return EventRecord(type_, None, "announced", day, precision, None, source, actor, countries,
                       targets, commodities, evidence)


def test_two_reports_of_one_act_combine() -> None:
    first = event(actor=None, countries=("CN",), commodities=("gallium",))
    second = event(actor="CN", countries=("US", "CN"), targets=("US",), commodities=("germanium",),
                   evidence="It also covers germanium.")
    both = combine(first, second)
    assert both.actor == "CN"
    assert both.countries == ("CN", "US")
    assert both.targets == ("US",)
    assert both.commodities == ("gallium", "germanium")
    assert both.evidence == first.evidence  # the first report is the evidence


def test_a_month_dated_report_folds_into_a_day_inside_it() -> None:
    month = event(day=date(2025, 10, 1), precision="month")
    day = event(day=date(2025, 10, 9))
    assert contains(month, day) and not contains(day, month)
    assert not contains(event(day=date(2025, 11, 1), precision="month"), day)
    assert merge([(1, month), (2, day)]) == [combine(day, month)]


def test_the_headline_undated_event_folds_into_the_body() -> None:
    headline = event(day=date(2025, 10, 14), source="published", commodities=("gallium",))
    body = event(day=date(2025, 10, 9), commodities=())
    [only] = merge([(0, headline), (1, body)])
    assert only.date == date(2025, 10, 9)
    assert only.commodities == ("gallium",)  # what the body sentence left out


def test_leaders_talks_at_a_summit_are_the_summit() -> None:
    summit, talks = event("summit"), event("talks")
    assert drop_summit_talks([(1, summit), (1, talks), (2, talks)]) == [(1, summit), (2, talks)]


def test_each_date_form_is_named_by_its_first_group() -> None:
    names = [f.name for f in FORMS]
    assert len(names) == len(set(names))
    for f in FORMS:
        assert re.findall(r"\(\?P<(\w+)>", f.pattern)[0] == f.name
        assert f.starts_with in {"digit", "month", "weekday", "relative", "day", "preposition", "count"}


def test_tagging_leaves_no_reference_cycles() -> None:
    """An article's state is freed when `tag` returns, without the cyclic collector."""
    tagger = Tagger()
    text = ("China said on Oct. 9 it would restrict exports of gallium. The move takes effect on "
            "Dec. 1. Talks continue. It also covers germanium, officials said.")
    tagger.tag("China curbs gallium exports", text, date(2025, 10, 10))
    gc.collect()
    gc.disable()
    try:
        before = gc.get_count()[0]
        for _ in range(20):
            result = tagger.tag("China curbs gallium exports", text, date(2025, 10, 10))
        assert result.events
        found = gc.collect()
    finally:
        gc.enable()
    assert found == 0, (before, found)


def test_importing_the_tagger_does_not_load_the_database_layer() -> None:
    code = "import sys, ingest.tagging.tagger; assert 'sqlalchemy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
