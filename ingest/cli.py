"""Command line: `python -m ingest run|tag|retag|evaluate|export|feeds`.

Expected failures (a bad feed list, an unreachable store, a malformed input line) print one
actionable line on stderr and exit non-zero; they never print a traceback. `evaluate --real`
exits 4 when the real-news texts (../shared/corpora, not shipped) are absent.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from . import __version__, settings, store
from .pipeline import FeedOutcome, retag, run
from .read.events import iter_events
from .read.export import write, write_file
from .read.filters import Filters, expand_commodities
from .sources.feedlist import DEFAULT_FEEDS, FeedListError, load_feeds, sample_feeds
from .store import StoreError
from .tagging.evaluate import DEV_SET, CorporaMissing, LabelledSetError, load, load_real, score
from .tagging.taxonomy import TaxonomyError
from .text import first_line

LOGGER = logging.getLogger("ingest")

EXAMPLES = """examples:
  python -m ingest run --offline                 build the store from the bundled samples
  python -m ingest run --workers 8               pull every feed in data/feeds.toml
  python -m ingest run --only "USTR press releases"
  python -m ingest feeds                         feed health table
  python -m ingest export --format csv --commodity gallium --since 2023-01-01 > gallium.csv
  python -m ingest tag articles.jsonl            tag JSON Lines without storing
  python -m ingest evaluate                      score the tagger on data/labelled/dev.jsonl
  python -m ingest evaluate --real               score it on the labelled real news (dev, then test)
"""


class UsageError(Exception):
    """Bad arguments or configuration: exit status 2 with one line."""


class OutputError(Exception):
    """The output cannot be written (a missing folder, a full disk): exit status 1, one line."""


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL",
                   help="database URL (default: $TRACKER_DB_URL or sqlite:///data/tracker.db)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description="minerals tracker: pull feeds, tag critical-minerals trade-policy events, store them.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", help="fetch, parse, tag and store every feed",
                       description="Fetch every feed, parse, tag and store new articles and events. "
                       "Exit status 0 unless the configuration is bad or every feed failed.")
    p.add_argument("--feeds", metavar="FILE", help=f"feed list TOML (default: {DEFAULT_FEEDS})")
    _add_db(p)
    p.add_argument("--offline", action="store_true",
                   help="ingest the bundled samples in data/samples/ instead of the feed list")
    p.add_argument("--workers", type=int, default=8, metavar="N", help="parallel fetches (default 8)")
    p.add_argument("--only", metavar="NAME", action="append",
                   help="only the feed with this name (repeatable)")
    p.add_argument("--force", action="store_true",
                   help="also try feeds that are backing off after failures")
    p.add_argument("--if-empty", action="store_true",
                   help="do nothing when the store already has articles (first-run setup)")

    p = sub.add_parser("tag", help="tag JSON Lines articles (stdin or FILE) to JSON Lines",
                       description='Read JSON Lines {"id","title","summary","published"} and write one '
                       "JSON object of tags and events per line, in order. Malformed lines are "
                       "reported on stderr and skipped; the exit status is then 1.")
    p.add_argument("file", nargs="?", metavar="FILE", help="input file (default: stdin)")

    p = sub.add_parser("retag", help="re-tag stored articles after a taxonomy change",
                       description="Re-run the tagger over every stored article without fetching.")
    _add_db(p)

    p = sub.add_parser("evaluate", help="score the tagger on a labelled set",
                       description="Print precision, recall and F1 for relevance, event types, "
                       "countries, commodities, events and targets; actor, status and date "
                       "accuracy; and the rules (trigger, status cue, date form) behind the most "
                       "frequent errors. Exit status 4 when --real finds no ../shared/corpora.")
    p.add_argument("file", nargs="?", metavar="FILE", help=f"labelled JSON Lines (default: {DEV_SET})")
    p.add_argument("--real", action="store_true",
                   help="score data/labelled/real-news/ joined with ../shared/corpora texts")
    p.add_argument("--split", choices=("dev", "test"),
                   help="with --real: only this split (default: dev, then test)")
    p.add_argument("--patterns", type=int, default=25, metavar="N",
                   help="show the N most frequent error causes (0: none; never for the test split "
                   "unless --split test)")
    p.add_argument("--show-errors", action="store_true", help="list every disagreement")
    p.add_argument("--acts", action="store_true",
                   help="score consolidation into acts on data/labelled/acts.jsonl instead")

    p = sub.add_parser("export", help="export acts with their reports and history",
                       description="Write stored acts with their reports and history (--events: the "
                                   "tagged events, newest first, with their articles).")
    p.add_argument("--format", choices=("csv", "json", "jsonl"), default="csv")
    p.add_argument("--country", action="append", metavar="CC", help="ISO code, e.g. CN (repeatable)")
    p.add_argument("--commodity", action="append", metavar="ID",
                   help="commodity id, e.g. gallium or rare_earths (a group includes its members)")
    p.add_argument("--type", action="append", metavar="T", help="event type, e.g. export_control")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="events on or after this date")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="events on or before this date")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    unit = p.add_mutually_exclusive_group()
    unit.add_argument("--acts", action="store_true",
                      help="one line per act, reports and history nested; CSV flattened (the default)")
    unit.add_argument("--events", action="store_true", help="one line per tagged event instead")
    _add_db(p)

    p = sub.add_parser("feeds", help="show feed health",
                       description="A table of every feed: last fetch, status, error, articles.")
    _add_db(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not args.command:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.command](args)
    except (UsageError, FeedListError, TaxonomyError, LabelledSetError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(f"error: database problem: {first_line(exc)} (check --db / $TRACKER_DB_URL)", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _date(value: str | None, flag: str) -> date | None:
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


def cmd_run(args: argparse.Namespace) -> int:
    if settings.current().problems:
        raise UsageError(settings.current().problems[0])
    if args.if_empty and not store.is_missing_or_empty(args.db):
        open_store(args.db, create=True).dispose()  # an upgraded store still gets its events
        print(f"the store at {store.safe_url(store.resolve_url(args.db))} already has articles; "
              "nothing to do")
        return 0
    specs = sample_feeds() if args.offline else load_feeds(args.feeds or DEFAULT_FEEDS)
    if args.only:
        wanted = set(args.only)
        unknown = wanted - {s.name for s in specs}
        if unknown:
            raise UsageError(f"no feed named {sorted(unknown)[0]!r}; see `python -m ingest feeds`")
        specs = [s for s in specs if s.name in wanted]
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    engine = open_store(args.db, create=True)
    progress, done = _progress(len(specs))
    try:
        summary = run(engine, specs, workers=args.workers, force=args.force, progress=progress)
    finally:
        done()
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


def _progress(total: int):
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


def cmd_tag(args: argparse.Namespace, stdin: BinaryIO | None = None, stdout: TextIO | None = None) -> int:
    from .tagging.jsonl import tag_lines

    out = stdout or _utf8(sys.stdout)
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
            _to_stdout(tag_all, out)
        else:
            tag_all(out)
    finally:
        if args.file:
            src.close()
    return 1 if messages else 0


def _utf8(stream: TextIO) -> TextIO:
    """`stream` writing UTF-8 whatever the locale says (the output contract is UTF-8)."""
    if (stream.encoding or "").lower().replace("-", "") != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")
    return stream


def cmd_retag(args: argparse.Namespace) -> int:
    engine = store.connect(args.db, create=False, upgrade=True)  # retag is the upgrade's rebuild
    try:
        n, events = retag(engine)
    finally:
        engine.dispose()
    print(f"re-tagged {n} articles; {events} events stored")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.acts:
        return _evaluate_acts(args)
    if not args.real:
        sets = [("own-words set", load(Path(args.file) if args.file else DEV_SET))]
    elif args.file:
        raise UsageError("--real reads data/labelled/real-news/; give no FILE with it")
    else:
        try:
            sets = [(f"real news, {s} split", load_real(split=s)) for s in (args.split,) if s] or [
                ("real news, dev split", load_real(split="dev")),
                ("real news, test split", load_real(split="test"))]
        except CorporaMissing as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 4
    for n, (name, items) in enumerate(sets):
        rep = score(items)
        print(f"{'' if n == 0 else chr(10)}== {name} ==")
        print(rep.table())
        # Test-split error causes stay hidden unless asked for: tuning reads the dev split only.
        if args.patterns > 0 and not (args.real and name.endswith("test split") and not args.split):
            print(f"-- most frequent error causes --\n{rep.pattern_table(args.patterns)}")
        if args.show_errors:
            print("\n".join(rep.errors))
    return 0


def _evaluate_acts(args: argparse.Namespace) -> int:
    from .acts.evaluate import ACTS_SET, load_set
    from .acts.evaluate import score as score_acts

    items, gold = load_set(Path(args.file) if args.file else ACTS_SET)
    rep = score_acts(items, gold)
    print(rep.table())
    if args.show_errors:
        print("\n".join(rep.errors))
    return 0


def _export_acts(args: argparse.Namespace, f: Filters) -> int:
    from .read.act_export import iter_acts, write_acts, write_acts_file
    engine = open_store(args.db, create=False)
    try:
        if args.output:
            try:
                n = write_acts_file(iter_acts(engine, f), args.format, Path(args.output))
            except OSError as exc:
                raise OutputError(f"cannot write {args.output}: {exc.strerror or exc}; nothing written") from None
            print(f"wrote {n} acts to {args.output}", file=sys.stderr)
        else:
            _to_stdout(lambda out: write_acts(iter_acts(engine, f), args.format, out))
    finally:
        engine.dispose()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .tagging.taxonomy import default_taxonomy

    tax = default_taxonomy()
    known_types = {e.id for e in tax.event_types}
    known_comm = {c.id for c in tax.commodities}
    known_cc = {c.code for c in tax.countries}
    for t in args.type or []:
        if t not in known_types:
            raise UsageError(f"unknown event type {t!r}; one of: {', '.join(sorted(known_types))}")
    for c in args.commodity or []:
        if c not in known_comm:
            raise UsageError(f"unknown commodity {c!r}; see data/taxonomy/commodities.toml")
    countries = [c.upper() for c in args.country or []]
    for c in countries:
        if c not in known_cc:
            raise UsageError(f"unknown country code {c!r}; use ISO 3166-1 alpha-2 like CN or EU")
    f = Filters(countries=tuple(countries), commodities=expand_commodities(tax, args.commodity or ()),
                    types=tuple(args.type or ()), since=_date(args.since, "--since"),
                    until=_date(args.until, "--until"))
    if not args.events:
        return _export_acts(args, f)
    engine = open_store(args.db, create=False)
    try:
        if args.output:
            try:
                n = write_file(iter_events(engine, f), args.format, Path(args.output))
            except OSError as exc:
                raise OutputError(f"cannot write {args.output}: {exc.strerror or exc}; nothing written") from None
            print(f"wrote {n} events to {args.output}", file=sys.stderr)
        else:
            _to_stdout(lambda out: write(iter_events(engine, f), args.format, out))
    finally:
        engine.dispose()
    return 0


def _to_stdout(fill: Callable[[TextIO], object], stream: TextIO | None = None) -> None:
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


def cmd_feeds(args: argparse.Namespace) -> int:
    engine = open_store(args.db, create=False)
    try:
        from .read.queries import feed_health  # pandas: only once the store is known to exist

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


COMMANDS = {
    "run": cmd_run, "tag": cmd_tag, "retag": cmd_retag, "evaluate": cmd_evaluate,
    "export": cmd_export, "feeds": cmd_feeds,
}
