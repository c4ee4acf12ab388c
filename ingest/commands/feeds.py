"""`feeds`: the feed health table, rich on a terminal, plain text otherwise."""

from __future__ import annotations

import argparse
import sys

from .common import open_store


def cmd_feeds(args: argparse.Namespace) -> int:
    engine = open_store(args.db, create=False)
    try:
        from ..read.queries import feed_health  # pandas: only once the store is known to exist

        df = feed_health(engine)
    finally:
        engine.dispose()
    if df.empty:
        print("no feeds yet: run `python -m ingest run` first")
        return 0
    cols = ["feed", "status", "last_fetch", "articles", "newest_item", "failures", "next_try", "error"]
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*cols)
        for _, r in df[cols].iterrows():
            table.add_row(*["" if v is None else str(v) for v in r.tolist()])
        Console().print(table)
    else:
        print(df[cols].to_string(index=False))
    return 0
