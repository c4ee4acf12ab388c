"""Vocabulary matching: one compiled trie-regex per vocabulary, longest match wins.

A vocabulary maps surface forms to ids. Case-insensitive forms and exact-case forms ("US",
"PRC", "Chad") are compiled into two regexes; blockers ("New Mexico", "silver lining") are
matched too and yield nothing, so they shadow the shorter name inside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\u2011": "-", "\u2010": "-"})


def normalise_text(text: str) -> str:
    """Straight apostrophes and plain spaces, so aliases match however a feed typed them."""
    return text if text.isascii() else text.translate(_APOS)


def lower_same_length(text: str) -> str:
    """Lower-case text with offsets unchanged (a few characters grow when lower-cased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation equivalent to `words`, factored as a trie (fast, longest-first)."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


def _compile(words: Iterable[str], flags: int) -> re.Pattern[str] | None:
    words = sorted(set(words))
    if not words:
        return None
    # Surface forms may end in '.' (U.S.) so the right boundary is "no word char follows".
    return re.compile(r"(?<!\w)(?:" + trie_pattern(words) + r")(?!\w)", flags)


class Mention(NamedTuple):
    """One vocabulary hit: the id (None for a blocker), its span and the text matched."""

    ident: str | None
    start: int
    end: int
    surface: str
    exact: bool  # matched an exact-case form


class Vocabulary:
    """Surface forms → ids, matched longest-first over a whole text in two regex passes."""

    def __init__(self, folded: dict[str, str | None], exact: dict[str, str | None]) -> None:
        self._folded = {k.lower(): v for k, v in folded.items()}
        self._exact = dict(exact)
        self._ci = _compile(self._folded, 0)  # run on lower-cased text: faster than re.I
        self._cs = _compile(self._exact, 0)

    def find(self, text: str, low: str | None = None) -> list[Mention]:
        """Non-overlapping mentions, the longest at each place, in text order.

        `low` is `lower_same_length(text)`, passed in when the caller already has it.
        """
        hits: list[Mention] = []
        if self._ci is not None:
            low = low if low is not None else lower_same_length(text)
            for m in self._ci.finditer(low):
                hits.append(Mention(self._folded[m.group(0)], m.start(), m.end(),
                                    text[m.start(): m.end()], False))
        if self._cs is not None:
            for m in self._cs.finditer(text):
                s = m.group(0)
                hits.append(Mention(self._exact[s], m.start(), m.end(), s, True))
        if self._ci is None or self._cs is None:
            return hits
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Mention] = []
        for h in hits:
            if out and h.start < out[-1].end:
                if h.end - h.start > out[-1].end - out[-1].start and h.start == out[-1].start:
                    out[-1] = h
                continue
            out.append(h)
        return out


class WordSignals:
    """Word lists in categories, found in one pass over lower-cased text.

    A word ending in '*' is a stem ("smuggl*" matches smuggler, smuggling). A word may belong
    to several categories; each hit reports them all.
    """

    def __init__(self, categories: dict[str, Iterable[str]]) -> None:
        self._exact: dict[str, set[str]] = {}
        self._stems: dict[str, set[str]] = {}
        for cat, words in categories.items():
            for w in words:
                w = w.lower()
                table = self._stems if w.endswith("*") else self._exact
                table.setdefault(w.rstrip("*"), set()).add(cat)
        self._rx_exact = _compile(self._exact, 0)
        self._rx_stem = (re.compile(r"(?<!\w)(?:" + trie_pattern(self._stems) + r")\w*", 0)
                         if self._stems else None)

    def find(self, low: str) -> list[tuple[int, set[str]]]:
        """(position, categories) of every hit, in no particular order."""
        out = []
        if self._rx_exact is not None:
            out.extend((m.start(), self._exact[m.group(0)]) for m in self._rx_exact.finditer(low))
        if self._rx_stem is not None:
            for m in self._rx_stem.finditer(low):
                word = m.group(0)
                for n in range(len(word), 0, -1):
                    cats = self._stems.get(word[:n])
                    if cats is not None:
                        out.append((m.start(), cats))
                        break
        return out
