"""`export`: stored acts with their reports (or, with --events, events with their articles),
as CSV, JSON or JSON Lines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from ..read.events import iter_events
from ..read.export import write, write_file
from ..read.filters import REVIEW_STATES, Filters, expand_commodities
from .common import OutputError, UsageError, open_store, parse_date, to_stdout


def cmd_export(args: argparse.Namespace) -> int:
    f = _filters(args)
    if args.events:
        return _export(args, lambda engine: iter_events(engine, f), "events", write, write_file)
    from ..read.act_export import iter_acts, write_acts, write_acts_file

    return _export(args, lambda engine: iter_acts(engine, f), "acts", write_acts, write_acts_file)


def _export(args: argparse.Namespace, records: Callable[[Engine], Iterable[dict[str, Any]]], noun: str,
            to_stream: Callable[..., int], to_file: Callable[..., int]) -> int:
    """Write the records to --output whole or not at all, else to stdout."""
    engine = open_store(args.db, create=False)
    try:
        if args.output:
            try:
                n = to_file(records(engine), args.format, Path(args.output))
            except OSError as exc:
                raise OutputError(f"cannot write {args.output}: {exc.strerror or exc}; nothing written") from None
            print(f"wrote {n} {noun} to {args.output}", file=sys.stderr)
        else:
            to_stdout(lambda out: to_stream(records(engine), args.format, out))
    finally:
        engine.dispose()
    return 0


def _filters(args: argparse.Namespace) -> Filters:
    """The filters the options ask for, each value checked against the taxonomy."""
    from ..tagging.taxonomy import default_taxonomy

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
    return Filters(countries=tuple(countries), commodities=expand_commodities(tax, args.commodity or ()),
                   types=tuple(args.type or ()), since=parse_date(args.since, "--since"),
                   until=parse_date(args.until, "--until"),
                   review_states=REVIEW_STATES if getattr(args, "include_dismissed", False) else ())
