"""`run`: pull the feeds (or the bundled samples) into the store, with progress on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from .. import settings, store
from ..pipeline import FeedOutcome, run
from ..sources.feedlist import DEFAULT_FEEDS, FeedSpec, load_feeds, sample_feeds
from ..subscriptions.publish import publish_all
from .common import UsageError, open_store
from .subscriptions import report


def cmd_run(args: argparse.Namespace) -> int:
    if settings.current().problems:
        raise UsageError(settings.current().problems[0])
    if args.if_empty and not store.is_missing_or_empty(args.db):
        open_store(args.db, create=True).dispose()  # an upgraded store still gets its events
        print(f"the store at {store.safe_url(store.resolve_url(args.db))} already has articles; "
              "nothing to do")
        return 0
    specs = _chosen_feeds(args)
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    engine = open_store(args.db, create=True)
    progress, done = _progress(len(specs))
    try:
        try:
            summary = run(engine, specs, workers=args.workers, force=args.force, progress=progress)
        finally:
            done()
        report(publish_all(engine))  # each saved view's changes: Atom files, webhooks
    finally:
        engine.dispose()
    for o in summary.outcomes:
        if o.status == "failed":
            print(f"failed: {o.name}: {o.error}", file=sys.stderr)
    print(summary.line())
    if summary.store_failed:
        n = sum(o.store_failed for o in summary.outcomes)
        print(f"error: the store refused {n or 'a'} write{'s' if n != 1 else ''} ({summary.store_error}); "
              "feeds listed as ok are stored. Check free disk space and --db / $TRACKER_DB_URL",
              file=sys.stderr)
        return 3
    return 1 if summary.all_failed else 0


def _chosen_feeds(args: argparse.Namespace) -> list[FeedSpec]:
    """The feed list (or the samples), narrowed to the --only names, each of which must exist."""
    specs = sample_feeds() if args.offline else load_feeds(args.feeds or DEFAULT_FEEDS)
    if args.only:
        wanted = set(args.only)
        unknown = wanted - {s.name for s in specs}
        if unknown:
            raise UsageError(f"no feed named {sorted(unknown)[0]!r}; see `python -m ingest feeds`")
        specs = [s for s in specs if s.name in wanted]
    return specs


def _progress(total: int) -> tuple[Callable[[FeedOutcome], None], Callable[[], None]]:
    """A rich progress bar on a terminal, plain lines otherwise."""
    if sys.stderr.isatty():
        from rich.progress import Progress

        bar = Progress(transient=True)
        task = bar.add_task("feeds", total=total)
        bar.start()

        def advance(o: FeedOutcome) -> None:
            bar.update(task, advance=1, description=o.name[:40])

        return advance, bar.stop

    def line(o: FeedOutcome) -> None:
        extra = f": {o.error}" if o.error else f" ({o.items} items, {o.new_articles} new)"
        print(f"{o.status:<12} {o.name}{extra}", file=sys.stderr)

    return line, lambda: None
