"""Command line: `python -m ingest run|tag|retag|evaluate|export|feeds|subscriptions|review`.

Expected failures (a bad feed list, an unreachable store, a malformed input line) print one
actionable line on stderr and exit non-zero; they never print a traceback. Exit status: 1 the
output cannot be written, 2 bad arguments or values (a review's FIELD=VALUE included), 3 the
store cannot be opened, 4 `evaluate --real` finds no real-news texts (../shared/corpora, not
shipped), 5 `review` names an act or report the store does not have. This module
parses and maps failures to exit codes; the commands live in ingest/commands/.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from sqlalchemy.exc import SQLAlchemyError

from . import __version__
from .commands.common import OutputError, UsageError
from .commands.evaluate import cmd_evaluate
from .commands.export import cmd_export
from .commands.feeds import cmd_feeds
from .commands.review import cmd_review
from .commands.run import cmd_run
from .commands.subscriptions import cmd_subscriptions
from .commands.tag import cmd_retag, cmd_tag
from .read.act_marks import OfficialSourcesError
from .read.filters import REVIEW_STATES
from .sources.feedlist import DEFAULT_FEEDS, FeedListError
from .store import StoreError
from .store.review import ReviewError
from .tagging.evaluate import DEV_SET, LabelledSetError
from .tagging.taxonomy import TaxonomyError
from .text import first_line

__all__ = ["COMMANDS", "OutputError", "UsageError", "build_parser", "main"]

LOGGER = logging.getLogger("ingest")

EXAMPLES = """examples:
  python -m ingest run --offline                 build the store from the bundled samples
  python -m ingest run --workers 8               pull every feed in data/feeds.toml
  python -m ingest run --only "USTR press releases"
  python -m ingest feeds                         feed health table
  python -m ingest export --format csv --commodity gallium --since 2023-01-01 > gallium.csv
  python -m ingest subscriptions add gallium-cn "country=CN&commodity=gallium"
  python -m ingest tag articles.jsonl            tag JSON Lines without storing
  python -m ingest evaluate                      score the tagger on data/labelled/dev.jsonl
  python -m ingest evaluate --real               score it on the labelled real news (dev, then test)
  python -m ingest review list                   acts nobody has reviewed yet, newest first
  python -m ingest review dismiss act-0123456789abcdef --reason "a company deal, not a measure"
  python -m ingest review edit act-0123456789abcdef effective_date=2025-12-01 targets=US,JP
"""



# The subparsers' add_parser: each command's options are added by one small function below.
AddParser = Callable[..., argparse.ArgumentParser]


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
    for add_options in PARSERS:
        add_options(sub.add_parser)
    return parser


def _run_options(add: AddParser) -> None:
    p = add("run", help="fetch, parse, tag and store every feed",
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


def _tag_options(add: AddParser) -> None:
    p = add("tag", help="tag JSON Lines articles (stdin or FILE) to JSON Lines",
            description='Read JSON Lines {"id","title","summary","published"} and write one '
            "JSON object of tags and events per line, in order. Malformed lines are "
            "reported on stderr and skipped; the exit status is then 1.")
    p.add_argument("file", nargs="?", metavar="FILE", help="input file (default: stdin)")


def _retag_options(add: AddParser) -> None:
    p = add("retag", help="re-tag stored articles after a taxonomy change",
            description="Re-run the tagger over every stored article without fetching.")
    _add_db(p)


def _evaluate_options(add: AddParser) -> None:
    p = add("evaluate", help="score the tagger on a labelled set",
            description="Print precision, recall and F1 for relevance, event types, "
            "countries, commodities, events and targets; actor, status and date "
            "accuracy; and the rules (trigger, status cue, date form) behind the most "
            "frequent errors. Exit status 4 when --real finds no ../shared/corpora.")
    p.add_argument("file", nargs="?", metavar="FILE", help=f"labelled JSON Lines (default: {DEV_SET})")
    p.add_argument("--real", action="store_true",
                   help="score data/labelled/real-news/ joined with ../shared/corpora texts")
    p.add_argument("--split", choices=("dev", "test", "fresh"),
                   help="with --real: only this split (default: dev, test, then fresh: entries "
                   "labelled after the rules were last tuned)")
    p.add_argument("--patterns", type=int, default=25, metavar="N",
                   help="show the N most frequent error causes (0: none; never for the test split "
                   "unless --split test)")
    p.add_argument("--show-errors", action="store_true", help="list every disagreement")
    p.add_argument("--titles-only", action="store_true",
                   help="tag each entry's title alone, as a headline-only aggregator item arrives "
                   "(the labels still describe title and summary: read it as headline recall)")
    p.add_argument("--half", choices=("odd", "even"),
                   help="only the entries of FILE whose id ends in an odd or even number (the "
                   "own-words held-out sets: odd ids may be read while tuning, even ids are "
                   "held out, so for them only the figures are printed)")
    p.add_argument("--by-year", action="store_true",
                   help="score each year of publication on its own (issue 15 asks per year)")
    p.add_argument("--acts", action="store_true",
                   help="score consolidation into acts on data/labelled/acts.jsonl instead; with "
                        "--real, on real RSS reports of real acts (data/labelled/real-acts.toml "
                        "joined with ../shared/corpora texts)")
    p.add_argument("--show-misses", action="store_true",
                   help="with --acts: each report not filed with its act, where it went and what "
                        "the tagger made of it")



def _export_options(add: AddParser) -> None:
    p = add("export", help="export acts with their reports and history",
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
    p.add_argument("--include-dismissed", action="store_true",
                   help="also export acts an analyst dismissed (left out by default)")
    _add_db(p)


def _feeds_options(add: AddParser) -> None:
    p = add("feeds", help="show feed health",
            description="A table of every feed: last fetch, status, error, articles.")
    _add_db(p)


def _subscriptions_options(add: AddParser) -> None:
    p = add("subscriptions", help="saved views: each run publishes their changes as Atom feeds",
            description="A saved view is a name and the dashboard URL's query string. After each "
            "`run`, every view's new and changed acts become entries of its Atom file "
            "(data/subscriptions/NAME.atom; $TRACKER_SUBSCRIPTIONS_DIR) and, with --webhook, a "
            "JSON POST. Exit status 2 for a bad name, an unknown view or an unknown filter value.")
    verbs = p.add_subparsers(dest="verb", metavar="VERB")
    a = verbs.add_parser("add", help="save a view (acts it matches now are its baseline)")
    a.add_argument("name", metavar="NAME", help="letters, digits, '_', '-', '.'; names the feed file")
    a.add_argument("query", metavar="QUERY", help='the dashboard URL\'s query, e.g. "country=CN&commodity=gallium"')
    a.add_argument("--webhook", metavar="URL", help="also POST each run's changes here as JSON")
    _add_db(a)
    _add_db(verbs.add_parser("list", help="every view: query, last fired, entries, last webhook result"))
    for verb, what in (("atom", "print the view's Atom feed"), ("remove", "forget the view and its feed")):
        v = verbs.add_parser(verb, help=what)
        v.add_argument("name", metavar="NAME")
        _add_db(v)


def _review_options(add: AddParser) -> None:
    p = add("review", help="confirm, dismiss, edit, merge, split or add acts",
            description="An analyst's review of acts, kept across retag and re-ingest, with who "
            "($TRACKER_REVIEWER, else the OS user) and when. ID is the act id `export` prints. "
            "Exit status 2 for a bad FIELD=VALUE, 5 for an unknown act or report.")
    verbs = p.add_subparsers(dest="verb", metavar="VERB")
    fields = "FIELD=VALUE: type, status, actor, targets, commodities, announced_date, effective_date, end_date"
    v = verbs.add_parser("confirm", help="the act is right: its fields win over the tagger")
    v.add_argument("id", metavar="ID")
    v = verbs.add_parser("dismiss", help="not a real act: left out of views and exports")
    v.add_argument("id", metavar="ID")
    v.add_argument("--reason", required=True, metavar="TEXT", help="why (kept with the review)")
    v = verbs.add_parser("edit", help="correct fields", description=fields + " (lists comma-separated, "
                         "dates 2025-10-09, 2025-10 or 2025, empty to clear)")
    v.add_argument("id", metavar="ID")
    v.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    v = verbs.add_parser("list", help="acts by review state, newest first")
    v.add_argument("--state", choices=REVIEW_STATES, default=None,
                   help="only this state (default: every act)")
    v = verbs.add_parser("merge", help="two acts are one; prints the merged act's id")
    v.add_argument("id", metavar="ID")
    v.add_argument("other", metavar="ID")
    v = verbs.add_parser("split", help="a report is not about this act; prints the act it founds")
    v.add_argument("id", metavar="ID")
    v.add_argument("report", metavar="REPORT_URL_OR_ID")
    v = verbs.add_parser("add", help="add an act the tagger missed; prints its id",
                         description="The tagger proposes fields from the sentence; " + fields + " override.")
    v.add_argument("--url", required=True, metavar="URL")
    v.add_argument("--sentence", required=True, metavar="TEXT")
    v.add_argument("assignments", nargs="*", metavar="FIELD=VALUE")
    for sub in verbs.choices.values():
        _add_db(sub)


PARSERS: tuple[Callable[[AddParser], None], ...] = (
    _run_options, _tag_options, _retag_options, _evaluate_options, _export_options, _feeds_options,
    _subscriptions_options,
    _review_options,
)


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
    except (UsageError, FeedListError, TaxonomyError, LabelledSetError, OfficialSourcesError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 5
    except SQLAlchemyError as exc:
        print(f"error: database problem: {first_line(exc)} (check --db / $TRACKER_DB_URL)", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "run": cmd_run, "tag": cmd_tag, "retag": cmd_retag, "evaluate": cmd_evaluate,
    "export": cmd_export, "feeds": cmd_feeds, "subscriptions": cmd_subscriptions, "review": cmd_review,
}
