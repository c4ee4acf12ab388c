"""Which language a headline is in: the feed's word for it, checked against the text.

GDELT names each article's language; RSS and Atom give a feed (or entry) language, which for
Google News is the edition's, not the article's. A declared language is trusted unless the
headline's function words clearly say otherwise; with none declared, the script decides
(kana: Japanese, Han: Chinese, Cyrillic: Russian) and for Latin script the glossary whose
stopwords the headline uses most, ahead of English's.
"""

from __future__ import annotations

import re
from typing import Any

import pycountry

from .lexicon import Lexicon, fold, tokens

_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
MIN_HITS = 2  # function words needed to overrule a declared language
MIN_SCORE = 1.5  # function words (1 each) and other words glossed (0.5 each) to assume one


def language_code(declared: str | None) -> str | None:
    """A declared language's primary code: "fr-FR", "fr_fr" -> "fr"; "French", "fra" -> "fr"."""
    if not declared or not declared.strip():
        return None
    head = re.split(r"[-_]", declared.strip(), maxsplit=1)[0].lower()
    if len(head) == 2 and head.isalpha():
        return head
    lang = (pycountry.languages.get(alpha_3=head) if len(head) == 3 else None) or _by_name(declared)
    return str(getattr(lang, "alpha_2", None) or lang.alpha_3) if lang else head[:20]


def _by_name(name: str) -> Any:
    """A language by its English name ("French"), None when pycountry has none by that name."""
    return pycountry.languages.get(name=name.strip().title())


def detect(text: str, declared: str | None, lexicons: dict[str, Lexicon]) -> str | None:
    """The language `text` is in (ISO 639-1), or None when nothing says."""
    code = language_code(declared)
    if _KANA.search(text):
        return "ja"
    if _HAN.search(text):
        return code if code in ("ja", "zh") else "zh"
    if _HANGUL.search(text):
        return "ko"
    if _CYRILLIC.search(text):
        return code if code not in (None, "en") else "ru"
    scores = _stopword_hits(text, lexicons)
    english = scores.pop("en", 0)
    best = max(scores, key=lambda k: scores[k], default=None)
    if code and code != "en":
        return "en" if english >= MIN_HITS and english > scores.get(code, 0) else code
    if best is None or scores[best] < MIN_SCORE or scores[best] <= english:
        return code or ("en" if english else None)
    if code == "en" and scores[best] <= max(2 * english, 2 * MIN_SCORE):
        return code  # an English feed's headline must be plainly in another language
    return best


def _stopword_hits(text: str, lexicons: dict[str, Lexicon]) -> dict[str, float]:
    """Per Latin-script glossary, how much the text reads as its language: 1 per function word
    written in lower case (or first: "E.U." is no Italian "e"), 0.5 per other word it glosses,
    unless that word is English too ("export", "record"; names like "Nigeria" gloss to
    themselves). English gets 0.5 per English word the glossaries use."""
    toks = [t for t in tokens(text) if t[:1].isalpha()]
    words = [fold(t) for t in toks]
    lower = [k == 0 or t == t.lower() for k, t in enumerate(toks)]
    english = {w for w in words if any(w in lex.glosses for lex in lexicons.values())}
    out: dict[str, float] = {}
    for code, lex in lexicons.items():
        if lex.script != "latin":
            continue
        stop, own = 0, 0
        for w, low in zip(words, lower, strict=True):
            s = lex.stem(w)
            if s in lex.stopwords:
                stop += low
            elif code == "en":
                own += w in english
            else:
                own += w not in english and (s,) in lex.terms
        out[code] = stop + 0.5 * own
    return out
