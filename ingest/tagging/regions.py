"""Sub-national governments acting for their country: "Alberta's Minister of Energy announces
...", "the NSW government", "New South Wales Environment Protection Authority ordered ...".

A state or province that acts (its government, minister, legislature or regulator) acts for
its country (docs/labelling.md); its name alone is a place and names no country, so a name
counts only when an institution follows it, or a policy verb whose subject it is ("Northern
Territory considers replacing ..."). The names are data (data/taxonomy/regions.toml).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any

from ..settings import TAXONOMY_DIR
from .taxonomy import TaxonomyError, default_taxonomy
from .vocab import Mention

REGIONS_FILE = TAXONOMY_DIR / "regions.toml"


def _load() -> tuple[dict[str, Any], list[str], list[str]]:
    """regions.toml read and its word lists validated: (data, institutions, policy verbs). Each
    cached reader below calls it once."""
    try:
        data = tomllib.loads(REGIONS_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TaxonomyError(f"{REGIONS_FILE}: cannot read: {exc}") from None
    words, verbs = data.get("institutions"), data.get("policy_verbs", [])
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise TaxonomyError(f"{REGIONS_FILE.name}: 'institutions' must be a non-empty list")
    if not isinstance(verbs, list) or not all(isinstance(w, str) and w for w in verbs):
        raise TaxonomyError(f"{REGIONS_FILE.name}: 'policy_verbs' must be a list of words")
    return data, words, verbs


@cache
def regions() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for a region's name followed by one of its institutions or, as its subject,
    a policy verb, and each name's country (validated once, at first use)."""
    data, institutions, verbs = _load()
    words = institutions + verbs
    known = {c.code for c in default_taxonomy().countries}
    country_of: dict[str, str] = {}
    for i, region in enumerate(data.get("region", [])):
        code, names = region.get("country"), region.get("names")
        if not (isinstance(code, str) and isinstance(names, list) and names
                and all(isinstance(n, str) and n for n in names)):
            raise TaxonomyError(f"{REGIONS_FILE.name}: region {i + 1} needs a country and names")
        if code not in known:
            raise TaxonomyError(f"{REGIONS_FILE.name}: region {i + 1}: unknown country {code!r}")
        country_of.update(dict.fromkeys(names, code))
    names_alt = "|".join(re.escape(n) for n in sorted(country_of, key=len, reverse=True))
    inst_alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w-])(" + names_alt + r")(?:'s|’s)?\s+(?i:" + inst_alt + r")\b")
    return pattern, country_of


@cache
def region_words() -> dict[str, tuple[str, ...]]:
    """The regions' names by their first word, lower-cased: a sentence with none of them names
    no region (WordIndex finds them once per chunk: cheaper than scanning for the names)."""
    _pattern, country_of = regions()
    by_word: dict[str, tuple[str, ...]] = {}
    for name in country_of:
        first = re.match(r"\w+", name)
        if first is None:
            raise TaxonomyError(f"{REGIONS_FILE.name}: region names must start with a letter or digit")
        by_word[first.group().lower()] = (*by_word.get(first.group().lower(), ()), name)
    return by_word


def names_region(text: str, words: list[tuple[int, str]]) -> bool:
    """Whether a region's name starts at one of `words` ((start, first word lower-cased), as
    WordIndex lists them): "South Africa" starts no "South Australia"."""
    by_word = region_words()
    return any(text.startswith(name, p) for p, w in words for name in by_word[w])


@cache
def acting_verb() -> re.Pattern[str]:
    """A policy verb right after a name, whose subject the name is ("Turkey slaps ...")."""
    verbs = sorted(_load()[2], key=len, reverse=True)
    return re.compile(r"\s+(?i:" + "|".join(re.escape(w) for w in verbs) + r")\b")


@cache
def _any_name() -> re.Pattern[str]:
    """Any region's name, wherever it stands: a quick look, as the full pattern is slow to scan."""
    _pattern, country_of = regions()
    return re.compile("|".join(re.escape(n) for n in sorted(country_of, key=len, reverse=True)))


def region_governments(text: str, start: int, end: int) -> list[Mention]:
    """Each sub-national government acting in text[start:end], as a mention of its country
    (spanning the region's name)."""
    pattern, country_of = regions()
    if not _any_name().search(text, start, end):
        return []
    return [Mention(country_of[m.group(1)], m.start(1), m.end(1), m.group(1), True)
            for m in pattern.finditer(text, start, end)]
