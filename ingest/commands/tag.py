"""`tag` (JSON Lines in, tags out, no store) and `retag` (re-run the tagger over the store)."""

from __future__ import annotations

import argparse
import sys
from typing import BinaryIO, TextIO

from .. import store
from ..retag import retag
from .common import UsageError, to_stdout, utf8


def cmd_tag(args: argparse.Namespace, stdin: BinaryIO | None = None, stdout: TextIO | None = None) -> int:
    from ..tagging.jsonl import tag_lines

    out = stdout or utf8(sys.stdout)
    if args.file:
        try:
            src: BinaryIO = open(args.file, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    else:
        src = stdin or sys.stdin.buffer
    messages: list[str] = []

    def tag_all(stream: TextIO) -> None:
        for message in tag_lines(src, stream):
            messages.append(message)
            print(message, file=sys.stderr)

    try:
        if stdout is None:
            to_stdout(tag_all, out)
        else:
            tag_all(out)
    finally:
        if args.file:
            src.close()
    return 1 if messages else 0


def cmd_retag(args: argparse.Namespace) -> int:
    engine = store.connect(args.db, create=False, upgrade=True)  # retag is the upgrade's rebuild
    try:
        n, events = retag(engine)
    finally:
        engine.dispose()
    print(f"re-tagged {n} articles; {events} events stored")
    return 0
