"""Which language a headline is in: the feed's word for it, checked against the text.

GDELT names each article's language; RSS and Atom give a feed (or entry) language, which for
Google News is the edition's, not the article's. A declared language is trusted unless the
headline's function words clearly say otherwise; with none declared, the script decides
(kana: Japanese, Han: Chinese, Cyrillic: Russian) and for Latin script the glossary whose
stopwords the headline uses most, ahead of English's.
"""

from __future__ import annotations

import re

import pycountry

from .lexicon import Lexicon, fold, tokens

_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
MIN_HITS = 2  # function words needed to overrule a declared language or assume one


def language_code(declared: str | None) -> str | None:
    """A declared language as an ISO 639-1 code: "fr-FR", "fr_fr", "French", "fra" -> "fr"."""
    if not declared or not declared.strip():
        return None
    name = declared.strip()
    head = re.split(r"[-_]", name, maxsplit=1)[0]
    for guess in (head, name):
        try:
            lang = pycountry.languages.lookup(guess)
        except LookupError:
            continue
        return str(getattr(lang, "alpha_2", None) or lang.alpha_3)
    return name.lower()[:20]


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
    if best is not None and scores[best] >= MIN_HITS and scores[best] > english:
        return best
    return code or ("en" if english else None)


def _stopword_hits(text: str, lexicons: dict[str, Lexicon]) -> dict[str, float]:
    """Per Latin-script glossary: the text's function words in it, plus half a point per other
    word it glosses (which breaks ties between languages sharing "de", "la", "en")."""
    words = [fold(t) for t in tokens(text) if t[:1].isalpha()]
    out: dict[str, float] = {}
    for code, lex in lexicons.items():
        if lex.script == "latin":
            stems = [lex.stem(w) for w in words]
            out[code] = (sum(s in lex.stopwords for s in stems)
                         + 0.5 * sum(s not in lex.stopwords and (s,) in lex.terms for s in stems))
    return out
