"""Vocabulary matching over a text's words, found once and shared; longest match wins.

A vocabulary maps surface forms to ids. Case-insensitive forms and exact-case forms ("US",
"PRC", "Chad") are kept apart; blockers ("New Mexico", "silver lining") are matched too and
yield nothing, so they shadow the shorter name inside them.

Matching is indexed by a form's first word. `WordIndex` cuts a text at spaces and says, for
each word, which matchers may start there (remembered per chunk); each vocabulary then looks
only those words up and tries its full forms where one starts (many forms sharing a first word,
"republic of ...", are one trie regex). The result is the same leftmost-longest, whole-word
match as one big alternation over the text, at a fraction of the cost: an alternation is
re-entered at every character, a dict is asked once per word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import accumulate, compress
from typing import NamedTuple

# (replaced one by one: str.translate with a table looks every character up in Python, 20
# times slower on a feed's text)
_PLAIN = (("\u2019", "'"), ("\u2018", "'"), ("\u00a0", " "), ("\u2011", "-"), ("\u2010", "-"))


def normalise_text(text: str) -> str:
    """Straight apostrophes and plain spaces, so aliases match however a feed typed them."""
    if not text.isascii():
        for fancy, plain in _PLAIN:
            if fancy in text:
                text = text.replace(fancy, plain)
    return text


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


_WORD = re.compile(r"\w+")


# How much of a chunk a `sees_next` test is shown from a word on: the word and its punctuation
# ("historians."), bounded so that a long run without spaces costs no square.
_SEEN_REACH = 32
Hot = list[tuple[int, str]]  # (start, word) of the words a matcher should look at


def all_words(low: str) -> Hot:
    """Every word run of `low` with its start: what a matcher visits when nobody narrowed it."""
    return [(m.start(), m.group()) for m in _WORD.finditer(low)]


class WordIndex(dict[str, tuple[tuple[int, int, str], ...]]):
    """Which matchers may start at each word of a text, looked up chunk by chunk.

    `tests` maps a bit to a predicate on a lower-cased word ("is it the first word of a
    country name?"); bits in `not_after_hyphen` are left off words right after a hyphen (a
    trigger never starts inside "anti-dumping"); bits in `sees_next` are asked about the word
    with what follows it up to the next chunk ("analysts " or "week. " starts no "u.s.-china
    deal"; no space at the end of the text). A text is cut at spaces;
    each chunk ("(u.s.-china", "exports.") is looked up here, and its word runs are classified
    once and remembered, so a text costs a dict lookup per chunk and Python work only for the
    few words that matter.
    """

    def __init__(self, tests: dict[int, Callable[[str], bool]], not_after_hyphen: int = 0,
                 sees_next: int = 0, limit: int = 200_000) -> None:
        super().__init__()
        self._tests = tests
        self._not_after_hyphen = not_after_hyphen  # bits never set on a word right after "-"
        self._sees_next = sees_next  # bits whose test is given the word and the rest of its chunk
        self._limit = limit

    def __missing__(self, chunk: str) -> tuple[tuple[int, int, str], ...]:
        # The chunk that ends the text is looked up with a space before it (no chunk holds
        # one): no space follows it.
        found = self._classify(chunk[1:], "") if chunk.startswith(" ") else self._classify(chunk, " ")
        if len(self) >= self._limit:  # bounded: keys are chunks seen in feeds
            self.clear()
        self[chunk] = found
        return found

    def _classify(self, chunk: str, after: str) -> tuple[tuple[int, int, str], ...]:
        """(matcher's place in `tests`, start, word) of each word of `chunk` where a matcher
        may start; `after`: what follows the chunk (a space, or "" at the end of the text)."""
        found = []
        for m in _WORD.finditer(chunk):
            word, start = m.group(), m.start()
            after_hyphen = start > 0 and chunk[start - 1] == "-"
            seen = chunk[start: start + _SEEN_REACH]  # the word and what follows it
            if start + len(seen) == len(chunk):
                seen += after
            for k, (bit, test) in enumerate(self._tests.items()):
                if not (bit & self._not_after_hyphen and after_hyphen) and test(
                        seen if bit & self._sees_next else word):
                    found.append((k, start, word))
        return tuple(found)

    def hot(self, low: str) -> dict[int, Hot]:
        """bit → (start, word) of every word in `low` where that matcher may start, in order."""
        chunks = low.split(" ")
        infos = [*map(self.__getitem__, chunks[:-1]), self[" " + chunks[-1]]]
        starts = list(accumulate(map(len, chunks), initial=0))  # chunk i starts at starts[i] + i
        lists: list[Hot] = [[] for _ in self._tests]
        put = [x.append for x in lists]  # entries name their matcher by its place in `tests`
        for i in compress(range(len(chunks)), infos):
            base = starts[i] + i
            for k, off, word in infos[i]:
                put[k]((base + off, word))
        return dict(zip(self._tests, lists, strict=True))


def _first_word(form: str) -> str:
    m = _WORD.match(form)
    if m is None:
        raise ValueError(f"vocabulary form {form!r} must start with a letter or digit")
    return m.group()


class _Many(NamedTuple):
    """The forms sharing a first word, as one trie regex (longest first, whole words)."""

    rx: re.Pattern[str]
    ident: dict[str, str | None]


class _LeadIn(NamedTuple):
    """Forms that begin with function words ("the hague", "in the lead"), found from their first
    content word: "the" and "in" start a few forms but occur in every sentence, so looking
    them up at each occurrence would cost more than checking backwards at "hague" or "lead"."""

    forms: tuple[tuple[int, str, str | None], ...]  # (length of the lead-in, form, id)
    rest: tuple[tuple[str, str | None], ...] | _Many | None  # forms starting at the word itself


Index = dict[str, "tuple[tuple[str, str | None], ...] | _Many | _LeadIn"]

# Words too common to look forms up at: forms starting with them are keyed by a later word.
FUNCTION_WORDS = frozenset({"the", "in", "a", "an", "of", "on", "to", "for", "at", "by", "from",
                            "and", "with"})


def _forward(pairs: list[tuple[str, str | None]]) -> tuple[tuple[str, str | None], ...] | _Many:
    if len(pairs) < 3:
        return tuple(sorted(pairs, key=lambda x: -len(x[0])))
    rx = re.compile("(?:" + trie_pattern(f for f, _i in pairs) + r")(?!\w)")
    return _Many(rx, dict(pairs))


def _index(forms: dict[str, str | None], fold: bool) -> Index:
    """First word (lower-cased) → its forms with their ids: a few as (form, id) pairs, longest
    first; many ("republic of ...", "copper ...") as one regex, tried with a single call.

    Folded forms that start with function words are keyed by their first other word instead
    (see _LeadIn), when no form starts at a word they skip: the result is the same.
    """
    grouped: dict[str, list[tuple[str, str | None]]] = {}
    for form, ident in forms.items():
        grouped.setdefault(_first_word(form if fold else form.lower()), []).append((form, ident))
    lead_ins: dict[str, list[tuple[int, str, str | None]]] = {}
    if fold:
        for key in [k for k in grouped if k in FUNCTION_WORDS]:
            moved = []
            for form, ident in grouped[key]:
                words = list(_WORD.finditer(form))
                i = next((j for j, w in enumerate(words) if w.group() not in FUNCTION_WORDS), None)
                if i is None or any(w.group() in grouped and w.group() != key for w in words[1:i]):
                    break  # all function words, or another form starts at a skipped word
                moved.append((words[i].start(), form, ident, words[i].group()))
            else:
                del grouped[key]
                for plen, form, ident, word in moved:
                    lead_ins.setdefault(word, []).append((plen, form, ident))
    out: Index = {key: _forward(pairs) for key, pairs in grouped.items()}
    for word, items in lead_ins.items():
        # Leftmost first (the longest lead-in), then the longest form: what a forward scan finds.
        items.sort(key=lambda x: (-x[0], -len(x[1])))
        out[word] = _LeadIn(tuple(items), out.get(word))  # type: ignore[arg-type]
    return out


def _lead_in(forms: _LeadIn, hay: str, s: int, nxt: int, n: int) -> tuple[str, str | None, int, int] | None:
    """The form of `forms` whose content word is at `s`, as a forward scan would find it."""
    for plen, form, ident in forms.forms:
        b = s - plen
        e = b + len(form)
        if b >= nxt and hay.startswith(form, b) and (
                b == 0 or not ((c := hay[b - 1]).isalnum() or c == "_")) and (
                e >= n or not ((c := hay[e]).isalnum() or c == "_")):
            return form, ident, b, e
    return None


def _scan(index: Index, hay: str, hot: Hot) -> list[tuple[str, str | None, int, int]]:
    """Leftmost-longest, non-overlapping whole-word matches of the indexed forms in `hay`.

    `hot`: (start, word) of the words that may start a form, in order (a superset will do).
    """
    out: list[tuple[str, str | None, int, int]] = []
    n = len(hay)
    nxt = 0
    for s, word in hot:
        forms = index.get(word)
        if forms is None or s < nxt:
            continue
        if isinstance(forms, _LeadIn):
            hit = _lead_in(forms, hay, s, nxt, n)
            if hit is not None:
                out.append(hit)
                nxt = hit[3]
                continue
            forms = forms.rest
            if forms is None:
                continue
        if isinstance(forms, _Many):
            m = forms.rx.match(hay, s)
            if m:
                nxt = m.end()
                out.append((m.group(), forms.ident[m.group()], s, nxt))
            continue
        for form, ident in forms:
            e = s + len(form)
            # (isalnum() or "_" is what \w matches: the form must end a word)
            if hay.startswith(form, s) and (e >= n or not ((c := hay[e]).isalnum() or c == "_")):
                out.append((form, ident, s, e))
                nxt = e
                break
    return out


class Mention(NamedTuple):
    """One vocabulary hit: the id (None for a blocker), its span and the text matched."""

    ident: str | None
    start: int
    end: int
    surface: str
    exact: bool  # matched an exact-case form


class Vocabulary:
    """Surface forms → ids, matched longest-first, whole words, indexed by first word."""

    def __init__(self, folded: dict[str, str | None], exact: dict[str, str | None]) -> None:
        self._folded = {k.lower(): v for k, v in folded.items()}
        self._exact = dict(exact)
        self._ci = _index(self._folded, fold=True)  # matched on lower-cased text
        self._cs = _index(self._exact, fold=False)  # keyed lower-case, matched on the text
        self.first_words = frozenset(self._ci)  # of the forms matched in any case
        self.first_words_cased = frozenset(self._cs)  # of the exact-case forms (lower-cased)

    def find(self, text: str, low: str | None = None, hot: Hot | None = None,
             hot_cased: Hot | None = None) -> list[Mention]:
        """Non-overlapping mentions, the longest at each place, in text order.

        `low` is `lower_same_length(text)`; `hot` the words in `first_words` and `hot_cased`
        those in `first_words_cased` (see WordIndex): passed in when the caller has them, so
        one split of the text serves every matcher.
        """
        low = low if low is not None else lower_same_length(text)
        if hot is None:
            hot = hot_cased = all_words(low)
        hits = [Mention(ident, s, e, text[s:e], False)
                for _f, ident, s, e in _scan(self._ci, low, hot)]
        cased = [Mention(ident, s, e, form, True)
                 for form, ident, s, e in _scan(self._cs, text, hot if hot_cased is None else hot_cased)]
        if not hits or not cased:
            return hits or cased
        hits.extend(cased)
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
        for stem in self._stems:
            if not _WORD.fullmatch(stem):
                raise ValueError(f"stem {stem!r} must be one word (letters and digits)")
        self._index = _index({w: w for w in self._exact}, fold=True)
        self._lens = sorted({len(s) for s in self._stems}, reverse=True)
        self.first_words = frozenset(self._index)
        self._word_stems: dict[str, frozenset[str]] = {}  # word → its stem's categories (or none)

    def stem(self, word: str) -> set[str] | None:
        """The categories of the longest stem `word` begins with, if any."""
        for n in self._lens:
            if n <= len(word) and word[:n] in self._stems:
                return self._stems[word[:n]]
        return None

    def may_start(self, word: str) -> bool:
        """Whether a hit may begin at this (lower-cased) word."""
        return word in self.first_words or self.stem(word) is not None

    def _stem_categories(self, word: str) -> frozenset[str]:
        """`stem`, remembered per word (empty when none): the same words come back in every
        article, and a sentence's facts ask for every sentence with a trigger."""
        cats = self._word_stems.get(word)
        if cats is None:
            cats = frozenset(self.stem(word) or ())
            if len(self._word_stems) < 100_000:  # bounded: keys are words seen in feeds
                self._word_stems[word] = cats
        return cats

    def find(self, low: str, hot: Hot | None = None) -> list[tuple[int, frozenset[str] | set[str]]]:
        """(position, categories) of every hit, in no particular order.

        `hot`: the words for which `may_start` holds, in order (a superset will do).
        """
        hot = hot if hot is not None else all_words(low)
        out: list[tuple[int, frozenset[str] | set[str]]] = [
            (s, self._exact[f]) for f, _i, s, _e in _scan(self._index, low, hot)]
        if self._stems:
            for s, word in hot:
                cats = self._stem_categories(word)
                if cats:
                    out.append((s, cats))
        return out

    def categories(self, low: str, hot: Hot) -> set[str]:
        """The categories of every hit among the `hot` words (what `find` lists), as one set."""
        found: set[str] = set()
        for f, _i, _s, _e in _scan(self._index, low, hot):
            found |= self._exact[f]
        if self._stems:
            for _s, word in hot:
                found |= self._stem_categories(word)
        return found
