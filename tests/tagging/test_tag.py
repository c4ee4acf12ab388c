"""`python -m ingest tag` on hostile JSON Lines: every bad line is one message naming it, the
rest are tagged, the output is valid UTF-8 JSON, and the exit status is 1.

Families: times at the ends of the calendar (with relative dates that would step past them),
lone surrogates in every field, nesting far past the recursion limit, numbers JSON does not
have (NaN, Infinity, overflowing floats), invalid UTF-8, and lines around the size limit.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from helpers.db import REPO

from ingest.tagging.jsonl import MAX_LINE_BYTES, tag_lines
from ingest.tagging.tagger import Tagger

GOOD = {"id": "good", "title": "China restricts gallium exports",
        "summary": "China said it will restrict exports of gallium from Aug. 1, 2023.",
        "published": "2023-07-03T09:00:00Z"}
RELATIVE = ["next month", "next year", "last month", "last year", "tomorrow", "yesterday", "next week",
            "last week", "this week", "on Monday", "next Monday", "last Friday", "from Dec. 31",
            "on Jan. 1", "from December 30 to January 3", "in January", "in December", "in 2026",
            "from Friday to Sunday next week", "after two days of talks that ended on Sunday"]
EDGES = ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00Z",
         "9999-12-31T23:59:59Z", "0001-01-01", "9999-12-31", "9999-12-01T00:00:00+00:00",
         "0001-01-03T00:00:00-14:00", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00+14:00"]


def _unrepresentable(pub: str) -> bool:
    """Whether the time falls outside years 1-9999 once in UTC."""
    when = datetime.fromisoformat(pub)
    try:
        if when.tzinfo:  # (a naive time is taken as UTC)
            when.astimezone(UTC)
    except OverflowError:
        return True
    return False


def _tag(lines: list[bytes]) -> tuple[list[dict], list[str]]:
    """Tag in this process: (output objects, messages)."""
    out = io.StringIO()
    messages = list(tag_lines(io.BytesIO(b"\n".join(lines) + b"\n"), out))
    text = out.getvalue()
    text.encode("utf-8")  # strict: no lone surrogate reached the output
    return [json.loads(x) for x in text.splitlines()], messages


def _line(**fields: object) -> bytes:
    return json.dumps({**GOOD, **fields}).encode()


def _cli(data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "ingest", "tag"], input=data, cwd=REPO,
                          capture_output=True, timeout=60, check=False)


@pytest.mark.parametrize("pub", [date(1, 1, 1), date(1, 1, 7), date(9999, 12, 31), date(9999, 12, 25),
                                 datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1))),
                                 datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-1)))],
                         ids=str)
def test_the_tagger_never_steps_off_the_calendar(pub):
    tagger = Tagger()
    for rel in RELATIVE:
        text = f"China will restrict gallium exports {rel}, the ministry said."
        res = tagger.tag(text, text, pub)
        assert res.events, rel  # still an event: dated by the text if it can be, else published
        for ev in res.events:
            assert date.min <= ev.date <= date.max


def test_extreme_times_are_tagged_or_skipped_one_line_each():
    assert sum(map(_unrepresentable, EDGES)) == 3
    lines, expected_out, expected_bad = [], [], []
    for pub in EDGES:
        for rel in RELATIVE:
            text = f"China will restrict gallium exports {rel}."
            lines.append(_line(id=f"{pub} {rel}", title=text, summary=text, published=pub))
            (expected_bad if _unrepresentable(pub) else expected_out).append(len(lines))
    lines.append(_line(id="last"))
    out, messages = _tag(lines)
    assert [o["id"] for o in out] == [json.loads(lines[i - 1])["id"] for i in expected_out] + ["last"]
    assert [m.split(":")[0] for m in messages] == [f"line {n}" for n in expected_bad]
    assert all("is not a usable time" in m and "\n" not in m for m in messages)


SURROGATES = ["\ud800", "\udfff", "a\ud83d", "\ude00b", "x\udbff\udbffy"]


@pytest.mark.parametrize("lone", SURROGATES, ids=range(len(SURROGATES)))
def test_lone_surrogates_in_any_field_give_valid_utf8(lone):
    lines = [_line(id=lone), _line(title="China restricts gallium exports " + lone),
             _line(summary=f"China said it will restrict exports of gallium {lone} from Aug. 1, 2023."),
             _line(id={"nested": [lone]}), _line(extra=lone), _line(published=lone)]
    out, messages = _tag(lines)
    assert len(out) == 5 and [m.split(":")[0] for m in messages] == ["line 6"]
    assert "\ufffd" in json.dumps(out[0]["id"], ensure_ascii=False)
    assert "\ufffd" in out[2]["events"][0]["evidence"] or "\ufffd" not in lone


@pytest.mark.parametrize("shape", ["[", '{"a":', '{"id":[', '{"title":{"x":'])
def test_json_nested_100000_deep_is_one_skipped_line(shape):
    deep = shape * min(100_000, MAX_LINE_BYTES // len(shape))  # (within the line limit)
    out, messages = _tag([_line(id="before"), deep.encode(), _line(id="after")])
    assert [o["id"] for o in out] == ["before", "after"]
    assert messages == ["line 2: skipped: nested too deeply"]


@pytest.mark.parametrize("depth", [50, 500, 900, 5000])
def test_an_id_nested_deep_is_echoed_or_skipped_never_raised(depth):
    raw = json.dumps({**GOOD, "id": "ID"}).replace('"ID"', "[" * depth + "]" * depth).encode()
    out, messages = _tag([raw, _line(id="after")])
    assert len(out) + len(messages) == 2 and out[-1]["id"] == "after"
    assert all("\n" not in m for m in messages)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "-1e999", "1" + "0" * 5000])
@pytest.mark.parametrize("where", ["id", "extra", "title"])
def test_numbers_json_does_not_have_are_refused(number, where):
    raw = json.dumps({**GOOD, where: "PLACEHOLDER"}).replace('"PLACEHOLDER"', number).encode()
    out, messages = _tag([raw, _line(id="after")])
    assert [o["id"] for o in out] == ["after"]
    (message,) = messages
    assert message.startswith("line 1: skipped: ") and "\n" not in message


def test_lines_around_the_size_limit():
    def sized(n: int) -> bytes:  # a valid line of exactly n bytes
        base = _line(id="sized", summary="")
        return base.replace(b'"summary": ""', b'"summary": "' + b" " * (n - len(base)) + b'"')

    assert len(sized(MAX_LINE_BYTES)) == MAX_LINE_BYTES
    lines = [sized(MAX_LINE_BYTES), sized(MAX_LINE_BYTES + 1), _line(id="between"),
             b"x" * (3 * MAX_LINE_BYTES + 7), _line(id="after")]
    out, messages = _tag(lines)
    assert [o["id"] for o in out] == ["sized", "between", "after"]
    limit = f"longer than the {MAX_LINE_BYTES:,}-byte limit"
    assert messages == [f"line 2: skipped: {limit}", f"line 4: skipped: {limit}"]
    # The last line too, without a newline at the end.
    out, messages = _tag([_line(id="first"), sized(MAX_LINE_BYTES + 1)])
    assert [o["id"] for o in out] == ["first"] and messages == [f"line 2: skipped: {limit}"]


def test_the_cli_reports_each_bad_line_and_exits_1():
    data = b"\n".join([
        _line(id="a"), b"[" * 100_000, _line(id="\ud800"), _line(published="0001-01-01T00:00:00+01:00"),
        b'{"id": NaN}', b'{"id": "\xff\xfe not utf-8"}', b"x" * (MAX_LINE_BYTES + 1),
        _line(id="z", published="9999-12-01T00:00:00+00:00",
              summary="China will restrict gallium exports next month."),
    ]) + b"\n"
    res = _cli(data)
    assert res.returncode == 1
    stdout = res.stdout.decode("utf-8")  # strict
    assert [json.loads(x)["id"] for x in stdout.splitlines()] == ["a", "\ufffd", "z"]
    err = res.stderr.decode("utf-8").splitlines()
    assert [e.split(":")[0] for e in err] == ["line 2", "line 4", "line 5", "line 6", "line 7"]
    assert all(": skipped: " in e for e in err) and b"Traceback" not in res.stderr
    assert err[4].endswith(f"longer than the {MAX_LINE_BYTES:,}-byte limit")


def test_the_published_time_anchors_relative_dates_at_the_calendar_end():
    out, _ = _tag([_line(published="9999-12-15T00:00:00Z", title="China restricts gallium exports",
                         summary="China will restrict exports of gallium next month.")])
    (ev,) = out[0]["events"]
    assert ev["date"] <= "9999-12-31"
    assert datetime.fromisoformat(ev["date"]).replace(tzinfo=UTC).year == 9999
