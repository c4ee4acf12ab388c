"""The real-news acts set: real RSS reports of real 2023 acts, labelled by link.

`data/labelled/real-acts.toml` names each act (the fields of acts-gold.toml) and its reports'
links by kind; the texts stay in ../shared/corpora, which users' clones do not have (then
`CorporaMissing`). Items come out in the shape `evaluate.score` takes, published time from the
corpus entry, so the set runs through tagging and consolidation as an ingest of those entries would.
An act marked `scope = "outside"` (no commodity of the taxonomy: chip export controls, tariffs
on cars) is one the tracker leaves out by design: its reports come out as distractors, with
kind "outside", and it is no gold act.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from ..settings import LABELLED_DIR
from ..tagging import evaluate as tagging_evaluate
from ..tagging.evaluate import REAL_CORPORA, LabelledSetError, corpus_texts

REAL_ACTS = LABELLED_DIR / "real-acts.toml"
KINDS = ("first", "follow_up", "analysis", "passing")
OUTSIDE = "outside"  # the kind of a report of an act outside the taxonomy


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LabelledSetError(f"{exc.filename}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LabelledSetError(f"{path}: not TOML: {exc}") from None


def load_real_acts(path: Path = REAL_ACTS, corpora: Path | None = None) -> tuple[
        list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The labelled real reports (texts joined by link) and the gold acts by id.

    Raises CorporaMissing when the corpora are absent, LabelledSetError on a link the corpora
    do not hold or one labelled twice."""
    data = _read(path)
    texts = corpus_texts(corpora or tagging_evaluate.CORPORA_DIR)  # looked up now: tests move it
    labelled: list[tuple[str, str | None, str]] = []  # (link, act id or None, kind)
    gold: dict[str, dict[str, Any]] = {}
    for act in data.get("act", []):
        if act.get("scope") == OUTSIDE:
            labelled += [(link, None, OUTSIDE) for kind in KINDS for link in act.get(kind, [])]
            continue
        gold[act["id"]] = {k: v for k, v in act.items() if k not in KINDS}
        labelled += [(link, act["id"], kind) for kind in KINDS for link in act.get(kind, [])]
    labelled += [(link, None, "distractor") for link in data.get("distractors", {}).get("links", [])]
    items, seen = [], set()
    for n, (link, act_id, kind) in enumerate(labelled, 1):
        entry = texts.get(link)
        if entry is None:
            raise LabelledSetError(f"{path}: link not in {', '.join(REAL_CORPORA)}: {link}")
        if link in seen:
            raise LabelledSetError(f"{path}: link labelled twice: {link}")
        seen.add(link)
        items.append({"id": f"real{n:03d}", "act": act_id, "kind": kind, "url": link,
                      "outlet": entry.get("feed", ""), "title": entry.get("title", ""),
                      "summary": entry.get("summary", ""), "published": entry["published"]})
    return items, gold
