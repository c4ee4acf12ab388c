"""`export`: stored acts with their reports (or, with --events, events with their articles),
as CSV, JSON or JSON Lines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..read.events import iter_events
from ..read.export import write, write_file
from ..read.filters import Filters, expand_commodities
from .common import OutputError, UsageError, open_store, parse_date, to_stdout


def cmd_export(args: argparse.Namespace) -> int:
    f = _filters(args)
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
            to_stdout(lambda out: write(iter_events(engine, f), args.format, out))
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
                   until=parse_date(args.until, "--until"))


def _export_acts(args: argparse.Namespace, f: Filters) -> int:
    from ..read.act_export import iter_acts, write_acts, write_acts_file
    engine = open_store(args.db, create=False)
    try:
        if args.output:
            try:
                n = write_acts_file(iter_acts(engine, f), args.format, Path(args.output))
            except OSError as exc:
                raise OutputError(f"cannot write {args.output}: {exc.strerror or exc}; nothing written") from None
            print(f"wrote {n} acts to {args.output}", file=sys.stderr)
        else:
            to_stdout(lambda out: write_acts(iter_acts(engine, f), args.format, out))
    finally:
        engine.dispose()
    return 0
