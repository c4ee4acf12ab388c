"""Fast trigger matching: try a trigger only where a word starts with one of its prefixes.

One big alternation tried at every position costs milliseconds per article. Instead we work
out, from each regex's syntax tree, the strings (up to 3 characters) any match must start
with, index the triggers by them, and at each word start try only the few that can match.
Semantics stay those of one alternation: leftmost match, earlier trigger first, no overlaps.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from typing import Any

try:  # Python 3.11+: the regex parser behind `re`
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

PREFIX_LEN = 8
_WORD_START = re.compile(r"(?<![\w-])\w")
_WORDY = re.compile(r"\w+")
_DIGITS = set(string.digits)


_OPEN = "\0"  # marks a prefix cut short by an item we cannot enumerate: never extend it


def _prefixes(items: Sequence[tuple[Any, Any]], k: int) -> set[str] | None:
    """Strings of length <= k that every match of the parsed sequence starts with.

    A string shorter than k either ends the pattern or ends in _OPEN (anything may follow);
    None means not even a first character can be enumerated.
    """
    results: set[str] = {""}
    for op, av in items:
        grow = {r for r in results if len(r) < k and not r.endswith(_OPEN)}
        if not grow:
            break
        options = _item_options(op, av, k)
        if options is None:
            options = {_OPEN}
        new: set[str] = set()
        for r in grow:
            for o in options:
                new.add((r + o)[:k])
        results = (results - grow) | new
    return results if results - {_OPEN} else None


def _item_options(op: Any, av: Any, k: int) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        chars: set[str] = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                chars.add(chr(iav))
            elif iop is C.RANGE and iav[1] - iav[0] < 40:
                chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
            elif iop is C.CATEGORY and iav is C.CATEGORY_DIGIT:
                chars.update(_DIGITS)
            else:
                return None
        return chars
    if op is C.SUBPATTERN:
        return _prefixes(list(av[-1]), k)
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            p = _prefixes(list(branch), k)
            if p is None:
                return None
            out |= p
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, sub = av
        p = _prefixes(list(sub), k)
        if p is None:
            return None
        if hi != 1:  # after one round another may follow: what comes next is open
            p = {x if x.endswith(_OPEN) else x + _OPEN for x in p}
        return p if lo >= 1 else (p | {""})
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width: look past it
        return {""}
    return None


def prefixes(pattern: str, k: int = PREFIX_LEN) -> set[str] | None:
    """The set of possible starts of a match of `pattern` (lower-case), or None if unknown."""
    tree = P.parse(pattern)
    found = _prefixes(list(tree), k)
    if found is None:
        return None
    return {p.rstrip(_OPEN) for p in found}


class TriggerSet:
    """Many regexes matched like one leftmost-first alternation per group, on lower-case text.

    Patterns of one group (an event type, a status) never overlap each other; patterns of
    different groups may ("an executive order directing a Section 232 investigation" is a
    strategy and an investigation).
    """

    def __init__(self, patterns: Sequence[str], groups: Sequence[str] | None = None) -> None:
        self.regexes = [re.compile(f"(?:{p})(?![\\w])") for p in patterns]
        self.groups = list(groups) if groups is not None else ["" for _ in patterns]
        self._by_prefix: dict[str, list[int]] = {}
        self._always: list[int] = []
        self._memo: dict[str, tuple[int, ...]] = {}
        for i, p in enumerate(patterns):
            starts = prefixes(p)
            if starts is None or "" in starts:
                self._always.append(i)
                continue
            for s in starts:
                self._by_prefix.setdefault(s, []).append(i)
        # Positions worth a look: a word start followed by a known prefix (one C-level scan).
        if self._always:
            self._starts = _WORD_START
        else:
            from .gazetteer import trie_pattern

            self._starts = re.compile(r"(?<![\w-])(?=" + trie_pattern(self._by_prefix) + ")")
        # A prefix made only of word characters must begin the word at a trigger's start; one
        # that goes on past the word ("ban on", "u.s.") must have exactly that word first.
        self._word_prefixes = frozenset(p for p in self._by_prefix if _WORDY.fullmatch(p))
        self._whole_words = frozenset(
            m.group() for p in self._by_prefix if not _WORDY.fullmatch(p) and (m := _WORDY.match(p)))
        self._prefix_lens = sorted({len(p) for p in self._word_prefixes})
        # Prefixes that start with a symbol ("$5 billion loan"): word starts alone miss them.
        odd = sorted({p[0] for p in self._by_prefix if not (p[0].isalnum() or p[0] == "_")})
        # (The class comes first and the look-behind after it, so the engine can skip ahead.)
        self._odd = re.compile("[" + re.escape("".join(odd)) + r"](?<![\w-].)") if odd else None
        self._odd_chars = tuple(odd)  # looked for first: `in` is a fast scan, a class is not

    def candidates(self, low: str, pos: int) -> tuple[int, ...]:
        """Triggers that may match at `pos`, in alternation order (memoised by prefix)."""
        key = low[pos: pos + PREFIX_LEN]
        hit = self._memo.get(key)
        if hit is None:
            if len(self._memo) > 100_000:  # bounded: keys are word starts seen in the text
                self._memo.clear()
            found: set[int] = set(self._always)
            for n in range(1, PREFIX_LEN + 1):
                found.update(self._by_prefix.get(key[:n], ()))
            hit = self._memo[key] = tuple(sorted(found))
        return hit

    def may_start(self, word: str) -> bool:
        """Whether a trigger may begin at this lower-cased word (a whole `\\w+` run)."""
        if self._always or word in self._whole_words:
            return True
        return any(word[:n] in self._word_prefixes for n in self._prefix_lens if n <= len(word))

    def _positions(self, low: str, starts: Sequence[int] | None) -> Iterable[int]:
        """Where a trigger may begin: the caller's word starts, or a scan of the text."""
        if starts is None or self._always:
            return (m.start() for m in self._starts.finditer(low))
        if self._odd is not None and any(c in low for c in self._odd_chars):
            odd = [m.start() for m in self._odd.finditer(low)]
            if odd:
                return sorted([*starts, *odd])
        return starts

    def finditer(self, low: str, starts: Sequence[int] | None = None) -> list[tuple[int, re.Match[str]]]:
        """(pattern index, match) pairs in text order, non-overlapping within each group.

        `starts`: when the caller has them, where the words passing `may_start` begin, in order,
        leaving out words right after a hyphen (no trigger starts inside "anti-dumping").
        """
        out: list[tuple[int, re.Match[str]]] = []
        end: dict[str, int] = {}  # group → where its last match ended
        groups, regexes, memo = self.groups, self.regexes, self._memo
        for pos in self._positions(low, starts):
            cands = memo.get(low[pos: pos + PREFIX_LEN])
            if cands is None:
                cands = self.candidates(low, pos)
            for i in cands:
                g = groups[i]
                if end.get(g, 0) > pos:  # inside this group's last match (or it matched here)
                    continue
                m = regexes[i].match(low, pos)
                if m and m.end() > pos:
                    out.append((i, m))
                    end[g] = m.end()
        return out
