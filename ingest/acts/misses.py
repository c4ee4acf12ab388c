"""Which labelled reports did not land with their act, and what the tagger gave for them.

`evaluate --acts --show-misses` prints one line per labelled report that is not filed under
its gold act's main act: where it went instead (another act, or nowhere) and the reports the
tagger made of it (kind, type, status, actor, minerals, countries), which is what says why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from .model import Act, Report


def _describe(r: Report) -> str:
    parts = [r.kind]
    if r.type:
        parts.append(f"{r.type}/{r.status or '-'}")
    parts.append(f"actor={r.actor or '-'}")
    if r.modifier:
        parts.append("change")
    parts.append("min=" + (",".join(r.commodities) or "-"))
    parts.append("cty=" + (",".join(r.countries) or "-"))
    if r.date is not None:
        parts.append(f"date={r.date.iso()}")
    return " ".join(parts)


def _majority(act: Act, label: dict[str, str | None]) -> str:
    counts = Counter(label.get(r.article_id) or "distractor" for r in act.reports)
    return counts.most_common(1)[0][0]


def misses(items: Sequence[dict[str, Any]], reports: Sequence[Report], acts: Sequence[Act],
           main_of: dict[str, Act], primary: dict[str, Act]) -> list[str]:
    """One line per labelled report not filed under its act's main act, and per distractor
    filed under an act, in set order."""
    label = {it["id"]: it.get("act") for it in items}
    by_article: dict[str, list[Report]] = {}
    for r in reports:
        by_article.setdefault(r.article_id, []).append(r)
    out = []
    for it in items:
        gid, aid = it.get("act"), it["id"]
        main = main_of.get(gid or "")
        filed = primary.get(aid)
        said = "; ".join(_describe(r) for r in by_article.get(aid, ())) or "no report"
        if gid is None and filed is not None and any(label.get(r.article_id) for r in filed.reports):
            out.append(f"distractor {aid} {it.get('title', '')!r} -> {filed.id} ({filed.type}, "
                       f"{_majority(filed, label)}) | {said}")
            continue
        if gid is None or (main is not None and filed is main):
            continue
        where = "nowhere" if filed is None else f"{filed.id} ({filed.type}, {_majority(filed, label)})"
        out.append(f"miss {aid} {gid} [{it.get('kind', '')}] {it.get('title', '')!r} -> {where} | {said}")
    return out
