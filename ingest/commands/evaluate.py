"""`evaluate`: score the tagger (or consolidation into acts) on a labelled set."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from ..tagging.evaluate import DEV_SET, CorporaMissing, load, load_real, score
from .common import UsageError


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.acts:
        if args.half or args.by_year:
            raise UsageError("--half and --by-year score tagging sets; --acts scores acts whole")
        return _evaluate_acts(args)
    if args.half and args.real:
        raise UsageError("--half splits an own-words FILE by id; --real has its own splits")
    if not args.real:
        sets = [("own-words set", load(Path(args.file) if args.file else DEV_SET))]
    elif args.file:
        raise UsageError("--real reads data/labelled/real-news/; give no FILE with it")
    else:
        try:
            splits = [args.split] if args.split else ["dev", "test", "fresh"]
            sets = [(f"real news, {s} split", items) for s in splits
                    if (items := load_real(split=s)) or args.split]
        except CorporaMissing as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 4
    if args.half:
        sets = [(f"{name}, {args.half} ids", [i for i in items if _half(i) == args.half])
                for name, items in sets]
    if args.by_year:
        sets = [(f"{name}, {year}", [i for i in items if _year(i) == year])
                for name, items in sets for year in sorted({_year(i) for i in items})]
    if args.titles_only:
        sets = [(f"{name}, titles only", [{**item, "summary": ""} for item in items])
                for name, items in sets]
    for n, (name, items) in enumerate(sets):
        rep = score(items)
        print(f"{'' if n == 0 else chr(10)}== {name} ==")
        print(rep.table())
        # Held-out error causes stay hidden unless asked for: tuning reads the dev split only.
        if args.half == "even":
            continue  # held out: its figures only, never its errors
        held_out = "test split" in name or "fresh split" in name
        if args.patterns > 0 and not (args.real and held_out and not args.split):
            print(f"-- most frequent error causes --\n{rep.pattern_table(args.patterns)}")
        if args.show_errors:
            print("\n".join(rep.errors))
    return 0


def _half(item: dict[str, Any]) -> str:
    """"odd" or "even": the parity of the number an item's id ends in ("fresh3-017": odd); an
    id with no number counts as even, held out, the safe side."""
    m = re.search(r"(\d+)$", str(item.get("id", "")))
    return "even" if m is None or int(m.group(1)) % 2 == 0 else "odd"


def _year(item: dict[str, Any]) -> str:
    """The year an item was published ("" when it has no date)."""
    return str(item.get("published") or "")[:4]


def _evaluate_acts(args: argparse.Namespace) -> int:
    from ..acts.evaluate import ACTS_SET, load_set
    from ..acts.evaluate import score as score_acts
    from ..acts.real import OUTSIDE, REAL_ACTS, load_real_acts

    if args.real:
        try:  # FILE, if given, is another label file in the format of data/labelled/real-acts.toml
            items, gold = load_real_acts(Path(args.file) if args.file else REAL_ACTS)
        except CorporaMissing as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 4
        print("== real news: reports of real acts ==")
        outside = sum(1 for it in items if it["kind"] == OUTSIDE)
        if outside:
            print(f"outside the taxonomy: {outside} reports of acts on no listed commodity, scored as distractors")
    else:
        items, gold = load_set(Path(args.file) if args.file else ACTS_SET)
    rep = score_acts(items, gold)
    print(rep.table())  # the wrong merges included
    if args.show_errors:
        print("\n".join(e for e in rep.errors if e not in rep.merges()))
    if args.show_misses:
        print("\n".join(rep.misses) or "no misses")
    return 0
