"""Sentences and clauses: where an event's words may come from."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from .boilerplate import promo_spans
from .vocab import trie_pattern

# Abbreviations whose full stop does not end a sentence ("U.S.", "Oct.", "Mr."), and initials.
_ABBREVIATIONS = ("U.S", "U.K", "U.N", "E.U", "Mr", "Mrs", "Ms", "Dr", "St", "No", "Nos", "Inc",
                  "Corp", "Co", "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                  "Sept", "Oct", "Nov", "Dec", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "vs",
                  "approx", "est", "Dept", "Jr", "Sr")


def _not_after(words: tuple[str, ...]) -> str:
    """Look-behinds refusing "<word>." just before here (one per length: each must be fixed-width)."""
    by_len: dict[int, list[str]] = {}
    for w in words:
        by_len.setdefault(len(w), []).append(re.escape(w))
    return "".join(rf"(?<!\b(?:{'|'.join(sorted(ws))})\.)" for _n, ws in sorted(by_len.items()))


# A sentence ends at . ! or ? (not an abbreviation's full stop nor an initial), then closing
# quotes or brackets, then space, then a capital or a digit.
_SENTENCE = re.compile(
    r"[.!?]" + _not_after(_ABBREVIATIONS) + r"(?<!\b[A-Z]\.)"
    r"[\"'”)\]]*\s+(?=[\"'“(\[]?[A-Z0-9])")

# A sentence that refers back to the previous one ("The ban...", "It", "The decree, dated...").
_ANAPHOR_NOUNS = [
    "move", "measure", "measures", "ban", "bans", "decision", "decree", "rule", "rules", "order",
    "notice", "announcement", "sanctions", "curbs", "controls", "restrictions", "truce", "probe",
    "investigation", "duties", "agreement", "accord", "suspension", "extension", "step", "tariff",
    "tariffs", "levy", "quota", "quotas", "deal", "pact", "framework", "talks", "meeting", "summit",
    "policy", "regulation", "regulations", "law", "list", "plan", "strategy", "statement",
    "ministry", "government", "regulator", "department", "agency", "commission", "cabinet"]
ANAPHOR = re.compile(
    r"^[\"“]?(?:" + trie_pattern(["it", "its", "they", "their", "this", "these", "those", "he", "she"]
                             + [f"the {n}" for n in _ANAPHOR_NOUNS]) + r")\b", re.I)

# Where one clause of a sentence ends and another begins ("... from April 10 and placed ...",
# "... from Feb. 10 and said exports would need licences").
# ", and" opens a clause with its own verb: "..., and placed ...", or its own subject and
# auxiliary ("..., and a framework deal is expected to be signed on Tuesday").
_AND_SUBJECT = (r"(?:a|an|the|its|their|this|that|[A-Z][\w.-]*)(?:\s+[\w'’.-]+){0,5}?\s+"
                r"(?:is|are|was|were|will|would|has|have|had|could|can|may|might|should|must)\b")
# "... and China agreed to ...": a named subject with a verb of its own opens a clause, comma or not.
_AND_NAMED = r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}\s+[a-z]+(?:ed|s)\b"
_CLAUSE = re.compile(
    r";|,(?: and (?=[a-z]+(?:ed|s)\b|" + _AND_SUBJECT + r")| but | while | which | following | after | whereas |"
    r" although | though |"
    r" (?!(?:including|excluding|according|starting|beginning|totalling|totaling|covering)\b)"
    r"(?=[a-z]+ing\b))| (?:and (?=[a-z]+(?:ed|s)\b|said\b|told\b)|but |while |following |after |"
    r"whereas )| (?P<named>and) (?=" + _AND_NAMED + ")")
# Every match of _CLAUSE contains one of these: a sentence with none has one clause.
_CLAUSE_MARKERS = (";", ", ", " and ", " but ", " while ", " following ", " after ", " whereas ")


class Sentence(NamedTuple):
    """A sentence's text and its [start, end) offsets in the article."""

    start: int
    end: int
    text: str


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences with their offsets; abbreviations (U.S., Oct., No.) do not end one. A publisher
    promo is a sentence of its own: a feed glues it, with no full stop, between a standfirst and
    the story's first sentence, whose dates and cues are not the standfirst's."""
    out: list[Sentence] = []
    start = 0
    for m in _SENTENCE.finditer(text):
        stop = m.start() + 1  # just after the full stop
        _add(out, text, start, stop, offset)
        start = m.end()
    _add(out, text, start, len(text), offset)
    return out


def _add(out: list[Sentence], text: str, start: int, stop: int, offset: int) -> None:
    """Append text[start:stop] as a sentence, or as several around the promos inside it (each
    piece starting at its first word, so offsets in it stay offsets in the article)."""
    at = start
    for a, b in promo_spans(text[start: stop]):
        for lo, hi in ((at, start + a), (start + a, start + b)):
            lead = len(text[lo: hi]) - len(text[lo: hi].lstrip())
            _chunk(out, text, lo + lead, hi, offset)
        at = start + b
    lead = len(text[at: stop]) - len(text[at: stop].lstrip()) if at > start else 0
    _chunk(out, text, at + lead, stop, offset)


def _chunk(out: list[Sentence], text: str, start: int, stop: int, offset: int) -> None:
    """Append text[start:stop], stripped, when it has any words."""
    chunk = text[start: stop].strip()
    if chunk:
        out.append(Sentence(offset + start, offset + stop, chunk))


def clause_starts(sentence: str) -> tuple[int, ...]:
    """Offsets where the sentence's clauses begin, ending with its length + 1."""
    if not any(marker in sentence for marker in _CLAUSE_MARKERS):
        return (0, len(sentence) + 1)
    return (0, *(m.start() for m in _CLAUSE.finditer(sentence) if _opens(m, sentence)), len(sentence) + 1)


def _opens(m: re.Match[str], sentence: str) -> bool:
    """Whether a clause break opens a clause: "and" before a named subject with its verb does
    only after a word that is no name ("halve the tariff and China agreed"; not "The U.S. and
    Europe failed", "Canada and Britain announced": one subject of two names)."""
    if m.group("named") is None:
        return True
    before = sentence[:m.start()].rsplit(None, 1)
    return bool(before) and not before[-1][:1].isupper()


# Where a clause with its own finite verb begins: its tense is its own ("signed MoUs on Monday,
# and a framework is expected to be signed on Tuesday"). Not "after" or "following": what they
# open is dated by the clause it hangs on ("reached a consensus after talks on Saturday").
_OWN_VERB = re.compile(r";|,? (?:but|while|whereas) |, and (?=[a-z]+(?:ed|s)\b|" + _AND_SUBJECT + ")")


# Where a clause with its own subject begins: its dates are its own act's, not the other
# clause's ("X signed MoUs, and a framework deal is to be signed on Tuesday"). A clause sharing
# the subject ("promised on Thursday ..., but failed to reach a deal") shares its time.
_OWN_SUBJECT = re.compile(r";\s|, (?:and|but|while|whereas) (?=" + _AND_SUBJECT + ")| (?P<named>and) (?="
                          + _AND_NAMED + ")")


def subject_clause(sentence: str, offset: int) -> tuple[int, int]:
    """The [start, end) of the clause with its own subject holding `offset` (in the sentence)."""
    return clause_of(_subject_cuts(sentence), offset)


@lru_cache(maxsize=1024)  # asked once per trigger of a sentence, for each of its triggers
def _subject_cuts(sentence: str) -> tuple[int, ...]:
    return (0, *(m.start() for m in _OWN_SUBJECT.finditer(sentence) if _opens(m, sentence)),
            len(sentence) + 1)


def last_clause(text: str) -> str:
    """The last clause of `text` that has a verb of its own (the words before a date: its
    tense is that clause's)."""
    cut = 0
    for m in _OWN_VERB.finditer(text):
        cut = m.start()
    return text[cut:]


def clause_of(cuts: tuple[int, ...], offset: int) -> tuple[int, int]:
    """The [start, end) of the clause holding `offset` (cuts from `clause_starts`)."""
    i = bisect_right(cuts, offset)
    return cuts[i - 1], cuts[i] if i < len(cuts) else cuts[-1]
