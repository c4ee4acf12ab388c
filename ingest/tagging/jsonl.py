"""`ingest tag`: JSON Lines of articles in, one JSON line of tags out per good line.

Outside tools rely on this contract. A line that cannot be tagged (not JSON, too deep, too
long, a bad field, a time outside the calendar) gets one message naming it and is skipped;
the rest go on. Input is read in bounded pieces, so a huge line never sits in memory.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any, TextIO

from .evaluate import parse_time
from .tagger import Tagger, TagResult

MAX_LINE_BYTES = 1 << 20  # 1 MiB: far more than an article's title and summary need
_BOM = b"\xef\xbb\xbf"
# Halves of a UTF-16 surrogate pair with no other half ("\ud800" in the JSON): they cannot be
# written as UTF-8, so they become U+FFFD, the replacement character.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class BadLine(ValueError):
    """A line that cannot be tagged; the message says why, in one line."""


def tag_lines(src: IO[bytes], out: TextIO, tagger: Tagger | None = None) -> Iterator[str]:
    """Tag each line of `src` to `out`; yields one message per line skipped."""
    tagger = tagger or Tagger()
    for n, raw in enumerate(_lines(src), 1):
        if raw is not None and not raw.strip():
            continue
        try:
            out.write(tag_line(tagger, raw, first=n == 1) + "\n")
        except BadLine as exc:
            yield f"line {n}: skipped: {exc}"


def tag_line(tagger: Tagger, raw: bytes | None, *, first: bool = False) -> str:
    """The output line for one input line (its bytes, or None when it was too long)."""
    if raw is None:
        raise BadLine(f"longer than the {MAX_LINE_BYTES:,}-byte limit")
    item = _load(raw.removeprefix(_BOM) if first else raw)
    title, summary = item.get("title") or "", item.get("summary") or ""
    if not isinstance(title, str) or not isinstance(summary, str):
        raise BadLine("'title' and 'summary' must be strings")
    res = tagger.tag(_clean(title), _clean(summary), _published(item.get("published")))
    try:
        line = json.dumps(_output(item.get("id"), res), ensure_ascii=False, allow_nan=False)
    except (RecursionError, ValueError) as exc:  # an id nested deeper than output can go
        raise BadLine(f"cannot write its id: {_why(exc)}") from None
    return _clean(line)


def _lines(src: IO[bytes]) -> Iterator[bytes | None]:
    """Each line without its newline, or None for a line over MAX_LINE_BYTES (skipped unread)."""
    while line := src.readline(MAX_LINE_BYTES + 1):
        if line.endswith(b"\n") or len(line) <= MAX_LINE_BYTES:
            yield line.rstrip(b"\r\n")
            continue
        while line and not line.endswith(b"\n"):  # the rest of the long line, a piece at a time
            line = src.readline(MAX_LINE_BYTES)
        yield None


def _load(raw: bytes) -> dict[str, Any]:
    try:
        item = json.loads(raw.decode("utf-8"), parse_constant=_no_constant, parse_float=_finite)
    except UnicodeDecodeError as exc:
        raise BadLine(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except RecursionError:
        raise BadLine("nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, and the hooks' and int()'s complaints
        raise BadLine(_why(exc)) from None
    if not isinstance(item, dict):
        raise BadLine("not a JSON object")
    return item


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:40]} is too large a number")
    return value


def _published(value: Any) -> datetime:
    if not value:
        return datetime.now(UTC)
    if not isinstance(value, str):
        raise BadLine("'published' must be a string")
    try:
        return parse_time(value)
    except (ValueError, OverflowError) as exc:  # OverflowError: in UTC it falls outside 1-9999
        raise BadLine(f"'published' {value[:60]!r} is not a usable time ({_why(exc)})") from None


def _clean(text: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", text) if not text.isascii() else text


def _why(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else exc.__class__.__name__


def _output(item_id: Any, res: TagResult) -> dict[str, Any]:
    return {
        "id": item_id,
        "relevant": res.relevant,
        "countries": list(res.countries),
        "commodities": list(res.commodities),
        "events": [
            {
                "type": e.type, "subtype": e.subtype, "status": e.status,
                "date": e.date.isoformat(), "date_precision": e.date_precision,
                "end_date": e.end_date.isoformat() if e.end_date else None,
                "date_source": e.date_source, "countries": list(e.countries), "actor": e.actor,
                "targets": list(e.targets), "commodities": list(e.commodities),
                "evidence": e.evidence,
            }
            for e in res.events
        ],
    }
