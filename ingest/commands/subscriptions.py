"""`subscriptions add|list|atom|remove`: saved views whose changes ingest publishes as Atom
feeds (and webhook POSTs). A bad name, an unknown view or a query naming an unknown value
is one line on stderr and exit status 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from ..store import subscriptions as subs
from ..subscriptions.publish import Published, ViewError, add_view, feed_of, feed_path, remove_view
from .common import UsageError, open_store, to_stdout


@contextmanager
def _store(args: argparse.Namespace, *, create: bool = False) -> Iterator[Engine]:
    """The store for one verb; a ViewError (bad name, unknown view) becomes a usage error."""
    engine = open_store(args.db, create=create)
    try:
        yield engine
    except ViewError as exc:
        raise UsageError(str(exc)) from None
    finally:
        engine.dispose()


def cmd_subscriptions_add(args: argparse.Namespace) -> int:
    with _store(args, create=True) as engine:
        query = add_view(engine, args.name, args.query, args.webhook)
    print(f"saved view {args.name!r}: {query or '(every act)'}; its feed: {feed_path(args.name)}")
    return 0


def _when(t: datetime | None) -> str:
    return t.strftime("%Y-%m-%d %H:%M UTC") if t else "never"


def _webhook(v: dict[str, Any]) -> str:
    if not v["webhook"]:
        return "-"
    if v["webhook_status"] is None:
        return "not yet"
    if v["webhook_status"] == "ok":
        return f"ok {_when(v['webhook_at'])}"
    return f"failed x{v['webhook_failures']} {_when(v['webhook_at'])}: {v['webhook_error']}"


def cmd_subscriptions_list(args: argparse.Namespace) -> int:
    with _store(args) as engine, engine.connect() as conn:
        views = subs.all_views(conn)
    if not views:
        print("no saved views: `python -m ingest subscriptions add NAME QUERY` saves one")
        return 0
    rows = [("name", "query", "last fired", "entries", "webhook")] + [
        (v["name"], v["query"] or "(every act)", _when(v["last_fired_at"]), str(v["entries"]), _webhook(v))
        for v in views]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        print("  ".join([c.ljust(w) for c, w in zip(r[:4], widths, strict=True)] + [r[4]]).rstrip())
    return 0


def cmd_subscriptions_atom(args: argparse.Namespace) -> int:
    with _store(args) as engine:
        data = feed_of(engine, args.name)
    to_stdout(lambda out: out.write(data.decode("utf-8")))
    return 0


def cmd_subscriptions_remove(args: argparse.Namespace) -> int:
    with _store(args) as engine:
        remove_view(engine, args.name)
    print(f"removed view {args.name!r} and its feed")
    return 0


VERBS: dict[str, Callable[[argparse.Namespace], int]] = {
    "add": cmd_subscriptions_add, "list": cmd_subscriptions_list,
    "atom": cmd_subscriptions_atom, "remove": cmd_subscriptions_remove,
}


def cmd_subscriptions(args: argparse.Namespace) -> int:
    if not args.verb:
        raise UsageError("say what to do: subscriptions add|list|atom|remove (see --help)")
    return VERBS[args.verb](args)


def report(results: list[Published]) -> None:
    """After a run: one line per view that changed or failed, on stderr."""
    for r in results:
        if r.error:
            print(f"view {r.name}: not published: {r.error}", file=sys.stderr)
        elif r.entries:
            print(f"view {r.name}: {r.entries} new entr{'ies' if r.entries != 1 else 'y'} in {r.path}",
                  file=sys.stderr)
        if r.webhook is not None and not r.webhook.ok:
            print(f"view {r.name}: webhook failed: {r.webhook.error}", file=sys.stderr)
