"""A word-for-word English gloss of a headline, from one language's glossary.

Longest phrase first, matched on folded, stemmed words; function words dropped; anything the
glossary does not know (names, numbers) kept as written. The gloss is rough English, but the
English tagger's triggers are phrases over a few words ("suspends ... exports", "export
controls on ..."), and a gloss keeps the words a headline's act rests on in the order it gave
them.
"""

from __future__ import annotations

import re

from .lexicon import MAX_PHRASE, Lexicon, fold, tokens

_NO_SPACE_BEFORE = frozenset(",.;:!?)%")
_QUOTES = {"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "『": '"', "』": '"'}
_CJK_PUNCT = {"，": ",", "、": ",", "。": ".", "：": ":", "；": ";", "？": "?", "！": "!",
              "（": "(", "）": ")", "　": " "}
_ASCII_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%$-]*")
_OF, _TO, _WILL = "of", "to", "will"
_MODALS = frozenset({"will", "wants to", "want to", "is to", "are to", "must", "plans to"})
_CLAUSE_BREAKS = frozenset({",", ":", ";", ".", "-", "–", "—", "|"})
_FUNCTION_WORDS = frozenset({"of", "of the", "to", "to the", "on", "on the", "in", "in the", "for",
                             "with", "and", "or", "from", "the", "a", "its", "their", "by", "not"})
_MAX_CJK = 12  # characters in the longest CJK glossary term
MIN_PART = 3  # letters in the shortest part of a split compound
MAX_COMPOUND = 40  # letters in the longest word tried as a compound (keeps the work linear)
MAX_BRACKET = 20  # words between a separable verb and its particle ("setzt ... aus")


def gloss(text: str, lex: Lexicon) -> str:
    """`text` (one sentence or headline in lex's language) glossed into rough English."""
    pieces = _cjk_pieces(text, lex) if lex.script == "cjk" else _word_pieces(text, lex)
    if lex.verb_final:
        pieces = _verb_second(pieces, lex)
    if lex.modal_final:
        pieces = _infinitive_after_modal(pieces, lex)
    if lex.adjective_after:
        pieces = _adjectives_first(pieces, lex)
    pieces = [_TO if p == _OF and nxt in lex.verbs else p  # "de céder" -> "to sell"
              for p, nxt in zip(pieces, pieces[1:] + [""], strict=True)]
    pieces = [_bare(p) if prev == _WILL and p in lex.verbs else p  # "akan larang" -> "will ban"
              for prev, p in zip([""] + pieces[:-1], pieces, strict=True)]
    out = _join(pieces)
    return out[:1].upper() + out[1:]


def _bare(verb: str) -> str:
    """An English verb gloss in the third person without its ending ("imposes" -> "impose",
    "launches" -> "launch"), for a verb after "will" in languages that do not inflect it."""
    first, _, rest = verb.partition(" ")
    if first.endswith(("ches", "shes", "sses", "xes")):
        first = first[:-2]
    elif first.endswith("s") and not first.endswith("ss"):
        first = first[:-1]
    return f"{first} {rest}".strip()


def _word_pieces(text: str, lex: Lexicon) -> list[str]:
    toks = tokens(text)
    folded = [fold(t) for t in toks]
    keys = [lex.stem(f) for f in folded]
    out: list[str] = []
    skip: set[int] = set()  # the trailing parts of separable verbs already glossed
    i = 0
    while i < len(toks):
        if i in skip:
            i += 1
            continue
        for n in range(min(MAX_PHRASE, len(toks) - i), 0, -1):
            english = (lex.exact_terms.get(tuple(folded[i: i + n])) or lex.terms.get(tuple(keys[i: i + n]))
                       or lex.names.get(tuple(folded[i: i + n])))
            if english is not None and (n > 1 or not _separable(keys, i, lex, skip)):
                out.append(english)
                i += n
                break
        else:
            if toks[i] == "." and _ordinal_dot(toks, i):
                i += 1
                continue
            if keys[i] in lex.separable and _separable(keys, i, lex, skip):
                out.append(lex.separable[keys[i]][1])
            elif keys[i] not in lex.stopwords and not keys[i].endswith("'"):
                out.append(_unknown(toks[i], lex))
            i += 1
    return out


def _separable(keys: list[str], i: int, lex: Lexicon, skip: set[int]) -> bool:
    """Whether keys[i] heads a separable verb whose rest comes later (marked in `skip`)."""
    rest = lex.separable.get(keys[i], ((), ""))[0]
    if not rest:
        return False
    for j in range(min(len(keys) - len(rest), i + MAX_BRACKET), i, -1):
        if tuple(keys[j: j + len(rest)]) == rest:
            skip.update(range(j, j + len(rest)))
            return True
    return False


def _unknown(word: str, lex: Lexicon) -> str:
    """A word the glossary lacks: its parts glossed if it is a compound, else as written."""
    if "-" in word:
        parts = [lex.terms.get((lex.stem(fold(p)),)) or _compound(p, lex) for p in word.split("-")]
        if any(parts):
            return " ".join(g or p for g, p in zip(parts, word.split("-"), strict=True))
    return _compound(word, lex) or _QUOTES.get(word, word)


def _ordinal_dot(toks: list[str], i: int) -> bool:
    """The dot of a day number before a word ("1. Dezember"), not a full stop."""
    return (0 < i < len(toks) - 1 and toks[i - 1].isdigit() and len(toks[i - 1]) <= 2
            and toks[i + 1][:1].isalpha())


def _compound(word: str, lex: Lexicon) -> str | None:
    """A compound the glossary lacks as two words it has, head last as in English
    ("Galliumexporte" -> "gallium exports"), with or without a linking s; else None."""
    if not lex.split_compounds or not 2 * MIN_PART <= len(word) <= MAX_COMPOUND:
        return None
    low = fold(word)
    for cut in range(MIN_PART, len(low) - MIN_PART + 1):
        head = lex.terms.get((lex.stem(low[cut:]),))
        if head is None:
            continue
        for left in (low[:cut], low[:cut - 1] if low[cut - 1] == "s" else ""):
            first = lex.terms.get((lex.stem(left),)) if len(left) >= MIN_PART else None
            if first:
                return f"{first} {head}"
    return None


def _cjk_pieces(text: str, lex: Lexicon) -> list[str]:
    """Greedy longest match over characters; unknown characters dropped, Latin runs kept."""
    low = text.casefold()
    out: list[str] = []
    i = 0
    while i < len(low):
        for n in range(min(_MAX_CJK, len(low) - i), 0, -1):
            english = lex.terms.get((low[i: i + n],)) or lex.names.get((low[i: i + n],))
            if english is not None:
                out.append(english)
                i += n
                break
        else:
            m = _ASCII_RUN.match(text, i)
            if m:
                out.append(m.group(0))
                i = m.end()
                continue
            ch = _CJK_PUNCT.get(text[i], _QUOTES.get(text[i], ""))
            if ch.strip():
                out.append(ch)
            i += 1
    return out


def _adjectives_first(pieces: list[str], lex: Lexicon) -> list[str]:
    """Adjectives put before the noun they follow ("graphite Chinese" -> "Chinese graphite")."""
    out = list(pieces)
    for k in range(1, len(out)):
        prev = out[k - 1]
        if (out[k] in lex.adjectives and prev not in lex.adjectives and prev not in lex.verbs
                and prev[:1].isalpha() and prev.lower() not in _FUNCTION_WORDS):
            out[k - 1], out[k] = out[k], prev
    return out


def _verb_second(pieces: list[str], lex: Lexicon) -> list[str]:
    """Verb-final clauses put in English order: each verb moved to just after the first piece
    (the subject: "China gallium exports suspends" -> "China suspends gallium exports")."""
    verbs = [p for p in pieces if p in lex.verbs]
    rest = [p for p in pieces if p not in lex.verbs]
    if not verbs or not rest:
        return pieces
    tail = rest[1:]
    while tail and tail[0] in {",", ":"}:  # the comma after a headline's topic ("中国、")
        tail.pop(0)
    return rest[:1] + verbs + tail


def _infinitive_after_modal(pieces: list[str], lex: Lexicon) -> list[str]:
    """An infinitive that ends its clause put back after its modal ("China will gallium exports
    ban" -> "China will ban gallium exports"): the last bare verb gloss before a clause break."""
    out = list(pieces)
    for i, p in enumerate(out):
        if p not in _MODALS:
            continue
        end = next((k for k in range(i + 1, len(out)) if out[k] in _CLAUSE_BREAKS), len(out))
        verb = next((k for k in range(end - 1, i + 1, -1)
                     if out[k] in lex.verbs and not out[k].endswith("s")), None)
        if verb is not None:
            out.insert(i + 1, out.pop(verb))
    return out


def _join(pieces: list[str]) -> str:
    out = ""
    for p in pieces:
        if not p:
            continue
        if out and p[0] not in _NO_SPACE_BEFORE and not out.endswith(("(", " ")):
            out += " "
        out += p
    return out.strip()
