"""`review`: an analyst's verbs on acts (confirm, dismiss, edit, list, merge, split, add).

Every verb writes through `store.review` in one transaction, under the name in
$TRACKER_REVIEWER (else the OS user). A bad FIELD=VALUE exits 2; an unknown act or report
exits 5 (see ingest/cli.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from .. import settings, store
from ..acts.review_values import ReviewValueError, parse_assignment, proposed_fields, show
from ..store import review as review_store
from .common import UsageError, open_store, to_stdout, utf8


def _who() -> tuple[str, datetime]:
    return settings.current().reviewer, datetime.now(UTC)


def _write(args: argparse.Namespace, action: Callable[[Any, str, datetime], Any]) -> Any:
    """Run `action(conn, by, at)` in one transaction on the store `--db` names."""
    engine = open_store(args.db, create=False)
    try:
        by, at = _who()
        with store.atomic(engine) as conn:
            return action(conn, by, at)
    finally:
        engine.dispose()


def _values(assignments: list[str]) -> dict[str, Any]:
    from ..tagging.taxonomy import default_taxonomy

    tax = default_taxonomy()
    try:
        return dict(parse_assignment(a, tax) for a in assignments)
    except ReviewValueError as exc:
        raise UsageError(str(exc)) from None


def cmd_review_confirm(args: argparse.Namespace) -> int:
    _write(args, lambda conn, by, at: review_store.confirm(conn, args.id, by, at))
    print(f"confirmed {args.id}", file=sys.stderr)
    return 0


def cmd_review_dismiss(args: argparse.Namespace) -> int:
    if not args.reason.strip():
        raise UsageError("--reason must say why the act is dismissed")
    _write(args, lambda conn, by, at: review_store.dismiss(conn, args.id, args.reason.strip(), by, at))
    print(f"dismissed {args.id}", file=sys.stderr)
    return 0


def cmd_review_edit(args: argparse.Namespace) -> int:
    values = _values(args.assignments)
    _write(args, lambda conn, by, at: review_store.edit(conn, args.id, values, by, at))
    print(f"edited {args.id}: " + "; ".join(f"{k}={show(v)}" for k, v in values.items()), file=sys.stderr)
    return 0


def cmd_review_merge(args: argparse.Namespace) -> int:
    merged = _write(args, lambda conn, by, at: review_store.merge(conn, args.id, args.other, by, at))
    print(merged)
    print(f"merged {args.id} and {args.other} into {merged}", file=sys.stderr)
    return 0


def cmd_review_split(args: argparse.Namespace) -> int:
    new = _write(args, lambda conn, by, at: review_store.split(conn, args.id, args.report, by, at))
    print(new or "")
    print(f"split {args.report} off {args.id}" + (f": it now founds {new}" if new else ": it waits unjoined"),
          file=sys.stderr)
    return 0


def cmd_review_add(args: argparse.Namespace) -> int:
    sentence = args.sentence.strip()
    if not sentence or not args.url.strip():
        raise UsageError("--url and --sentence must not be empty")
    fields = {**proposed_fields(sentence), **_values(args.assignments)}
    if not fields.get("type"):
        raise UsageError("the tagger found no event in the sentence: give type=... (e.g. type=export_control)")
    act_id = _write(args, lambda conn, by, at: review_store.add(conn, args.url.strip(), sentence, fields, by, at))
    print(act_id)
    return 0


def cmd_review_list(args: argparse.Namespace) -> int:
    from ..read.review import queue

    engine: Engine = open_store(args.db, create=False)
    try:
        df = queue(engine, args.state)
    finally:
        engine.dispose()

    def fill(out: Any) -> None:
        out = utf8(out)
        for r in df.astype(object).where(df.notna(), "").to_dict("records"):
            extra = " ".join(x for x in (r["review_by"] and f"by {r['review_by']}",
                                         r["review_at"] and str(r["review_at"])[:16],
                                         r["review_reason"] and f"({r['review_reason']})",
                                         r["edited"] and f"edited: {r['edited']}") if x)
            out.write("\t".join([r["id"], r["review_state"], str(r["date"]), r["type"], r["actor"] or "—",
                                 " ".join(str(r["headline"]).split())[:100], extra]).rstrip("\t") + "\n")
    to_stdout(fill)
    print(f"{len(df)} acts", file=sys.stderr)
    return 0


VERBS: dict[str, Callable[[argparse.Namespace], int]] = {
    "confirm": cmd_review_confirm, "dismiss": cmd_review_dismiss, "edit": cmd_review_edit,
    "list": cmd_review_list, "merge": cmd_review_merge, "split": cmd_review_split, "add": cmd_review_add,
}


def cmd_review(args: argparse.Namespace) -> int:
    if not args.verb:
        raise UsageError("review needs a verb: " + ", ".join(VERBS))
    return VERBS[args.verb](args)
