"""Filter options found by what people type: ids, labels, aliases, demonyms, ISO codes and HS
codes, matched case-, accent- and punctuation-insensitively, best match first.

A typed "usa" must pick the United States alone and "china" China alone (a fuzzy subsequence
match also finds "French Guiana"), so matches are ranked in tiers: exact id > exact label >
exact alias > prefix > substring. Everything comes from the taxonomy; nothing here is a list
of phrases written for one example.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

import pycountry

from ..tagging.taxonomy import Taxonomy

KINDS = ("country", "commodity", "type", "status")

EXACT_ID, EXACT_LABEL, EXACT_ALIAS, WORDS, WORD_START, SUBSTRING = range(6)
_DROP = re.compile(r"[.'’`]")  # "U.S.A." is "usa", "People's" is "peoples", "2805.30" is "280530"
_SEP = re.compile(r"[^0-9a-z]+")  # any other run of punctuation or space is one space
_MAX_TEXT = 200


class UnknownKind(ValueError):
    """The kind of option is not one of `KINDS`."""


def norm(text: str) -> str:
    """Lower case, accents and punctuation dropped: the form every name is compared in."""
    folded = unicodedata.normalize("NFKD", str(text)[:_MAX_TEXT].casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _SEP.sub(" ", _DROP.sub("", plain)).strip()


# One name an option is known by: (normalised name, tier if it matches exactly, option id).
_Name = tuple[str, int, str]


def _country_names(tax: Taxonomy) -> Iterator[_Name]:
    for c in tax.countries:
        yield c.code, EXACT_ID, c.code
        yield c.label, EXACT_LABEL, c.code
        for alias in c.aliases + c.cased_aliases + c.ambiguous_aliases:
            yield alias, EXACT_ALIAS, c.code
        iso = pycountry.countries.get(alpha_2=c.code)
        if iso is not None:  # ISO names and the three-letter code ("USA", "CHN")
            for name in (iso.alpha_3, iso.name, getattr(iso, "official_name", ""),
                         getattr(iso, "common_name", "")):
                if name:
                    yield name, EXACT_ALIAS, c.code


def _commodity_names(tax: Taxonomy) -> Iterator[_Name]:
    for c in tax.commodities:
        yield c.id, EXACT_ID, c.id
        yield c.label, EXACT_LABEL, c.id
        for alias in c.aliases + c.cased_aliases:
            yield alias, EXACT_ALIAS, c.id
        for hs in c.hs_codes:
            yield hs, EXACT_ALIAS, c.id
    for alias, members in tax.compounds:  # "NdPr" names neodymium and praseodymium
        for cid in members:
            yield alias, EXACT_ALIAS, cid


def _plain_names(items: Iterator[tuple[str, str]]) -> Iterator[_Name]:
    for oid, label in items:
        yield oid, EXACT_ID, oid
        yield label, EXACT_LABEL, oid


def _names(kind: str, tax: Taxonomy) -> Iterator[_Name]:
    if kind == "country":
        return _country_names(tax)
    if kind == "commodity":
        return _commodity_names(tax)
    if kind == "type":
        return _plain_names((t.id, t.label) for t in tax.event_types)
    if kind == "status":
        return _plain_names((s.id, s.label) for s in tax.statuses)
    raise UnknownKind(f"unknown option kind {kind!r}; expected one of {', '.join(KINDS)}")


@cache
def _index(kind: str, tax: Taxonomy) -> tuple[tuple[str, int, str, int], ...]:
    """Every (normalised name, exact tier, id, option order) of `kind`, built once per taxonomy."""
    order: dict[str, int] = {}
    out = []
    for name, tier, oid in _names(kind, tax):
        key = norm(name)
        if key:
            out.append((key, tier, oid, order.setdefault(oid, len(order))))
    return tuple(out)


def _ranked(kind: str, text: str, tax: Taxonomy) -> list[tuple[int, str]]:
    """(best tier, id) of every option whose names match `text`, best first."""
    query = norm(text)
    if not query:
        return []
    words, start = f" {query} ", f" {query}"
    best: dict[str, tuple[int, int, int]] = {}
    for key, exact_tier, oid, pos in _index(kind, tax):
        padded = f" {key} "
        if key == query:
            tier = exact_tier
        elif words in padded:
            tier = WORDS
        elif start in padded:
            tier = WORD_START
        elif query in key:
            tier = SUBSTRING
        else:
            continue
        rank = (tier, len(key), pos)  # then the shorter name (closer match), then taxonomy order
        if oid not in best or rank < best[oid]:
            best[oid] = rank
    return [(r[0], oid) for oid, r in sorted(best.items(), key=lambda kv: kv[1])]


def search_options(kind: str, text: str, tax: Taxonomy) -> list[str]:
    """Option ids of `kind` whose id, label, alias or code matches `text`, best match first."""
    return [oid for _, oid in _ranked(kind, text, tax)]


def resolve_option(kind: str, text: str, tax: Taxonomy) -> str | None:
    """The one option `text` names exactly (an id, a label, an alias, an ISO or HS code), or None.

    Only exact names resolve: a URL or a script naming "chin" or "Narnia" should be told, not
    silently given the nearest option.
    """
    ranked = _ranked(kind, text, tax)
    if ranked and ranked[0][0] <= EXACT_ALIAS:
        return ranked[0][1]
    return None
