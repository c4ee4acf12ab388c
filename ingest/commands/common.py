"""What every command shares: its two failure kinds, opening the store, writing to stdout."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from typing import TextIO

from sqlalchemy import Engine

from .. import store
from ..retag import retag


class UsageError(Exception):
    """Bad arguments or configuration: exit status 2 with one line."""


class OutputError(Exception):
    """The output cannot be written (a missing folder, a full disk): exit status 1, one line."""


def parse_date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} {value!r} is not a date like 2025-10-31") from None


def open_store(db: str | None, *, create: bool) -> Engine:
    """The store, upgraded if it was at an older schema, its events then rebuilt by a re-tag."""
    engine = store.connect(db, create=create, upgrade=True)
    if store.needs_rebuild(engine):
        print("the store was upgraded to a new schema: re-tagging stored articles to rebuild "
              "events ...", file=sys.stderr)
        n, events = retag(engine)
        print(f"re-tagged {n} articles; {events} events stored", file=sys.stderr)
    return engine


def to_stdout(fill: Callable[[TextIO], object], stream: TextIO | None = None) -> None:
    """Run `fill` on stdout and flush it; a write error (a full disk) is an OutputError."""
    try:
        fill(stream or sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        # What is still buffered would fail again at exit, with a traceback-like complaint.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from None


def utf8(stream: TextIO) -> TextIO:
    """`stream` writing UTF-8 whatever the locale says (the output contract is UTF-8)."""
    if (stream.encoding or "").lower().replace("-", "") != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")
    return stream
