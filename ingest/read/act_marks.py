"""What the page and the export add to an act: the HS codes of its commodities (from the
taxonomy) and which of its reports come from an official source (data/official_sources.toml).

An official report (a ministry notice, the Federal Register) is evidence of a different kind
from news about it, so it is marked wherever reports are listed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from .. import settings
from ..tagging.taxonomy import Taxonomy

_SUFFIX = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$")


class OfficialSourcesError(ValueError):
    """data/official_sources.toml is unreadable or names something that is not a host suffix."""


def load_official_suffixes(path: Path | None = None) -> frozenset[str]:
    """The host suffixes of official sources, validated (raises OfficialSourcesError)."""
    path = path or settings.OFFICIAL_SOURCES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise OfficialSourcesError(f"{path}: cannot read it ({exc})") from exc
    items = data.get("suffixes")
    if not isinstance(items, list) or not items:
        raise OfficialSourcesError(f"{path}: expected a non-empty list `suffixes = [...]`")
    bad = [s for s in items if not isinstance(s, str) or not _SUFFIX.match(s)]
    if bad:
        raise OfficialSourcesError(f"{path}: not a host suffix (lower case, no scheme, no leading dot): "
                                   f"{', '.join(map(repr, bad[:5]))}")
    return frozenset(items)


@cache
def _suffixes() -> frozenset[str]:
    return load_official_suffixes()


def is_official(url: str | None, suffixes: frozenset[str] | None = None) -> bool:
    """Whether `url` (a report's link) is on an official source's host."""
    try:
        host = (urlsplit(str(url or "")).hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if not host:
        return False
    known = _suffixes() if suffixes is None else suffixes
    labels = host.split(".")
    return any(".".join(labels[i:]) in known for i in range(len(labels)))


def hs_codes(commodities: Iterable[str], tax: Taxonomy) -> list[str]:
    """The HS codes of an act's commodities, each once, in the order of its commodities."""
    by_id = {c.id: c.hs_codes for c in tax.commodities}
    out: dict[str, None] = {}
    for cid in commodities:
        out.update(dict.fromkeys(by_id.get(cid, ())))
    return list(out)
