"""Many regexes matched as one leftmost-first alternation per group, tried only where they can start.

Trying every trigger pattern at every word would cost milliseconds per article. Instead each
position's first characters (a word start, or a symbol such as "$") are asked once which
patterns could match a text beginning with them, and only those are tried there. The question
"can this pattern match some text that starts with these characters?" is a partial match,
which the `regex` library answers (`partial=True`); the answer is remembered per prefix. A
pattern that may match after "histor" may match after "hist" too, so a prefix is asked only
about the candidates of its shorter prefix (1, 2, 3, 4, 6, 8 characters): new words cost a few
partial matches, not one per pattern. The real match is then made with `re`, so results are
exactly those of one alternation per group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

PREFIX_LEN = 8  # characters of text that key the remembered candidates
MEMO_LIMIT = 100_000  # bounded: keys are word starts seen in feeds
# The prefix lengths whose candidates narrow a longer prefix's (each is also remembered).
_SHORTER = (1, 2, 3, 4, 6, 8)
# Where a pattern may start: a word not right after a hyphen (no trigger starts inside
# "anti-dumping"), or a symbol that follows no word ("$5 billion loan").
_SYMBOL_START = re.compile(r"[^\w\s-](?<![\w-].)")


class TriggerSet:
    """Patterns in groups (event types, statuses), matched on lower-case text.

    Within a group, matches are those of one leftmost-first alternation of its patterns (no
    overlaps); patterns of different groups may overlap ("an executive order directing a
    Section 232 investigation" is a strategy and an investigation).
    """

    def __init__(self, patterns: Sequence[str], groups: Sequence[str] | None = None) -> None:
        self.regexes = [re.compile(f"(?:{p})(?![\\w])") for p in patterns]
        self._partial = [regex.compile(f"(?:{p})(?![\\w])") for p in patterns]
        self.groups = list(groups) if groups is not None else ["" for _ in patterns]
        self._memo: dict[str, tuple[int, ...]] = {}
        self._words: dict[str, bool] = {}

    def candidates(self, start: str) -> tuple[int, ...]:
        """Indexes of the patterns that may match a text beginning with `start`, in order."""
        hit = self._memo.get(start)
        if hit is None:
            # Only those that may match after its longest shorter prefix can (else all).
            shorter = [n for n in _SHORTER if n < len(start)]
            pool = self.candidates(start[:shorter[-1]]) if shorter else range(len(self._partial))
            hit = tuple(i for i in pool if self._partial[i].match(start, partial=True))
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            self._memo[start] = hit
        return hit

    def may_start(self, word: str) -> bool:
        """Whether a pattern may begin at this lower-cased word (a whole `\\w+` run), or at a
        text that begins so (a word and what follows it: WordIndex's `sees_next`)."""
        ok = self._words.get(word)
        if ok is None:
            if len(self._words) >= MEMO_LIMIT:
                self._words.clear()
            if len(word) > PREFIX_LEN:  # rarely seen twice: only the answer, not remembered
                ok = any(self._partial[i].match(word, partial=True)
                         for i in self.candidates(word[:PREFIX_LEN]))
            else:
                ok = bool(self.candidates(word))
            self._words[word] = ok
        return ok

    def finditer(self, low: str, starts: Sequence[int] | None = None) -> list[tuple[int, re.Match[str]]]:
        """(pattern index, match) pairs in text order, non-overlapping within each group.

        `starts`: where the words passing `may_start` begin, when the caller knows them (the
        tagger does), leaving out words right after a hyphen; otherwise the text is scanned.
        """
        out: list[tuple[int, re.Match[str]]] = []
        ends: dict[str, int] = {}  # group -> where its last match ended
        for pos in self._positions(low, starts):
            for i in self.candidates(low[pos: pos + PREFIX_LEN]):
                group = self.groups[i]
                if ends.get(group, 0) > pos:  # inside this group's last match
                    continue
                m = self.regexes[i].match(low, pos)
                if m and m.end() > pos:
                    out.append((i, m))
                    ends[group] = m.end()
        return out

    def _positions(self, low: str, starts: Sequence[int] | None) -> Iterable[int]:
        if starts is None:
            starts = [m.start() for m in _WORD_START.finditer(low)]
        symbols = _symbols(low)
        return sorted([*starts, *symbols]) if symbols else starts


_WORD_START = re.compile(r"(?<![\w-])\w")


@lru_cache(maxsize=4)  # the triggers' and the cues' sets scan the same article
def _symbols(low: str) -> tuple[int, ...]:
    """Where a symbol that follows no word stands in `low` ("$5 billion loan")."""
    return tuple(m.start() for m in _SYMBOL_START.finditer(low))


# At most this many triggers of one sentence make events: each costs work in proportion to the
# sentence's mentions, so a hostile sentence repeating a trigger a thousand times would take the
# square; a real sentence names a handful of measures, and events merge per type anyway.
MAX_PER_SENTENCE = 12


def capped(found: list[tuple[int, int, re.Match[str]]]) -> list[tuple[int, int, re.Match[str]]]:
    """The (sentence index, trigger index, match) triples in order, at most MAX_PER_SENTENCE
    per sentence."""
    seen: dict[int, int] = {}
    out = []
    for f in found:
        seen[f[0]] = seen.get(f[0], 0) + 1
        if seen[f[0]] <= MAX_PER_SENTENCE:
            out.append(f)
    return out


def without_list_names(found: list[tuple[int, int, re.Match[str]]], kinds: Sequence[tuple[str, ...]],
                       ) -> list[tuple[int, int, re.Match[str]]]:
    """The (sentence index, trigger index, match) triples less those inside a listing: a
    listing names the list it fills ("16 entities to its export control list"), whose own name
    is no second act. `kinds`: each trigger's (type, subtype, ...)."""
    lists = [m.span() for _si, i, m in found if kinds[i][:2] == ("sanction", "entity_list")]
    if not lists:
        return found
    return [f for f in found if kinds[f[1]][0] == "sanction" or not any(
        a <= f[2].start() and f[2].end() <= b for a, b in lists)]
