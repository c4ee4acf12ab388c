"""The per-language glossaries in `data/lexicon/*.toml`, loaded and validated once.

Country names come from two places: pycountry's ISO 3166 translations (every country, in every
language it ships, so the glossaries need not list them) and the glossary itself, which adds the
short forms headlines use ("Corée du Sud", "Pékin") and demonyms and wins over pycountry.
"""

from __future__ import annotations

import gettext
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from ..settings import DATA_DIR
from ..tagging.taxonomy import default_taxonomy

LEXICON_DIR = DATA_DIR / "lexicon"
_KEYS = {"language", "name", "script", "endings", "stopwords", "verb_final", "modal_final", "split_compounds",
         "separable_verbs", "adjective_after", "locales", "terms"}
_SCRIPTS = ("latin", "cyrillic", "cjk")
MAX_PHRASE = 6  # tokens in the longest glossary phrase
MIN_STEM = 4  # an ending is stripped only when this many letters remain
STEMS_KEPT = 200_000  # stemmed words remembered per glossary
# Words: an elided article or preposition (l', dell'), a word with inner hyphens, a number.
_TOKEN = re.compile(r"\w{1,5}['’](?=\w)|\w+(?:[-‐]\w+)*|[^\w\s]")


class LexiconError(Exception):
    """A glossary file is missing, not TOML, or breaks the schema (the message says where)."""


@dataclass(frozen=True)
class Lexicon:
    """One language's glossary: folded phrase (tuple of stems) -> English."""

    language: str  # ISO 639-1
    name: str
    script: str  # latin | cyrillic | cjk
    endings: tuple[str, ...]  # inflection endings stripped to match ("es", "s")
    stopwords: frozenset[str]  # folded function words: language detection, dropped from the gloss
    verb_final: bool  # the verb ends the clause (Japanese): moved after the subject
    terms: dict[tuple[str, ...], str]
    verbs: frozenset[str]  # English glosses that are verbs (for verb_final)
    split_compounds: bool = False  # an unknown word may be two known ones (German)
    # Verb head -> (the rest of the verb, English), for verbs split around their object
    # ("setzt ... aus": German separable verbs).
    separable: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    adjectives: frozenset[str] = frozenset()  # English glosses of adjectives ("+" terms)
    adjective_after: bool = False  # adjectives follow their noun (French): put back before it
    # pycountry's country names, matched exactly (folded, never stemmed: Niger is not Nigeria).
    names: dict[tuple[str, ...], str] = field(default_factory=dict)
    glosses: frozenset[str] = frozenset()  # folded English words of the glosses (and English's stopwords)
    # Phrases as written (folded, not stemmed): two terms one stem apart keep their own glosses
    # ("accord" an agreement, "accorde" grants; Italian "germanio" germanium, "Germania" Germany).
    exact_terms: dict[tuple[str, ...], str] = field(default_factory=dict)
    modal_final: bool = False  # an infinitive after a modal ends the clause (German "wird ... verbieten")
    # Words already stemmed: every headline is stemmed once per glossary to detect its language.
    _stems: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def exact(self, text: str) -> tuple[str, ...]:
        """A name's lookup key: its tokens folded, not stemmed."""
        return (text.casefold(),) if self.script == "cjk" else tuple(fold(t) for t in tokens(text))

    def stem(self, folded: str) -> str:
        """The word without its inflection endings (longest first, while MIN_STEM letters remain)."""
        done = self._stems.get(folded)
        if done is None:
            if len(self._stems) >= STEMS_KEPT:
                self._stems.clear()  # a long-running process meets new words forever
            done = self._stems[folded] = self._strip(folded)
        return done

    def _strip(self, folded: str) -> str:
        changed = True
        while changed:
            changed = False
            for end in self.endings:
                if folded.endswith(end) and len(folded) - len(end) >= MIN_STEM:
                    folded, changed = folded[: -len(end)], True
                    break
        return folded

    def key(self, text: str) -> tuple[str, ...]:
        """A phrase's lookup key: its tokens folded and stemmed (CJK: one key per phrase)."""
        if self.script == "cjk":  # casefold only: NFKD would strip kana voicing (ガ -> カ)
            return (text.casefold(),)
        return tuple(self.stem(fold(t)) for t in tokens(text))


def fold(text: str) -> str:
    """Lower case without accents, curly apostrophes straightened: how headlines are matched."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """Words, elided forms and punctuation, in order."""
    return _TOKEN.findall(text)


def load_lexicon(path: Path) -> Lexicon:
    """One glossary file, validated (LexiconError names the file and the entry at fault)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"{path}: file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(raw) - _KEYS
    if unknown:
        raise LexiconError(f"{path.name}: unknown key(s) {sorted(unknown)}")
    lang, script = _text(raw, "language", path), raw.get("script", "latin")
    if script not in _SCRIPTS:
        raise LexiconError(f"{path.name}: 'script' must be one of {', '.join(_SCRIPTS)}")
    terms = raw.get("terms", {})
    if not isinstance(terms, dict) or not all(isinstance(k, str) and k.strip() and isinstance(v, str)
                                              for k, v in terms.items()):
        raise LexiconError(f"{path.name}: [terms] must map non-empty phrases to English strings")
    base = Lexicon(lang, _text(raw, "name", path), script, _list(raw, "endings", path),
                   frozenset(), bool(raw.get("verb_final", False)), {}, frozenset())
    stop = frozenset(base.stem(fold(w)) for w in _list(raw, "stopwords", path))
    names = _country_names(lang, _list(raw, "locales", path) or (lang,), base)
    table, exact = _terms(terms, base, path)
    verbs = frozenset(v.strip() for k, v in terms.items() if k.startswith("~"))
    separable = ({base.key(k[1:])[0]: (base.key(k[1:])[1:], v.strip()) for k, v in terms.items()
                  if k.startswith("~") and len(base.key(k[1:])) > 1}
                 if raw.get("separable_verbs", False) else {})
    adjectives = frozenset(v.strip() for k, v in terms.items() if k.startswith("+"))
    return Lexicon(lang, base.name, script, base.endings, stop, base.verb_final, table, verbs,
                   bool(raw.get("split_compounds", False)), separable, adjectives,
                   bool(raw.get("adjective_after", False)), names,
                   frozenset(w for v in table.values() for w in fold(v).split())
                   | (stop if lang == "en" else frozenset()), exact,
                   bool(raw.get("modal_final", False)))


def _terms(terms: dict[str, str], lex: Lexicon, path: Path
           ) -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    """The [terms] table keyed for lookup by stems and as written ("~" before a phrase marks
    its gloss as a verb). When two terms share a stem, the one written as the bare stem keeps
    it ("accord" over "accorde"), so an inflected form of the noun is not read as the verb."""
    out: dict[tuple[str, ...], str] = {}
    exact: dict[tuple[str, ...], str] = {}
    bare: set[tuple[str, ...]] = set()
    for phrase, english in terms.items():
        written = phrase.lstrip("~+")
        key = lex.key(written)
        if not key or not all(key) or len(key) > MAX_PHRASE:
            raise LexiconError(f"{path.name}: term {phrase!r}: 1 to {MAX_PHRASE} words")
        as_written = lex.exact(written)
        exact[as_written] = english.strip()
        if key not in bare:
            out[key] = english.strip()
        if as_written == key:
            bare.add(key)
    return out, exact


def _country_names(lang: str, locales: tuple[str, ...], lex: Lexicon) -> dict[tuple[str, ...], str]:
    """pycountry's translated country names -> the taxonomy's English name for the country."""
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=list(locales))
    except OSError:
        return {}
    out: dict[tuple[str, ...], str] = {}
    for c in default_taxonomy().countries:
        iso = pycountry.countries.get(alpha_2=c.code)
        english = c.label if c.label in c.aliases + c.cased_aliases else c.aliases[0]
        for name in {getattr(iso, "name", ""), getattr(iso, "common_name", "")} - {""}:
            local = tr.gettext(name)
            if local and "," not in local and "(" not in local:
                key = lex.exact(local)
                if key and len(key) <= MAX_PHRASE:
                    out[key] = english
    return out


def _text(raw: dict[str, Any], key: str, path: Path) -> str:
    v = raw.get(key)
    if not isinstance(v, str) or not v.strip():
        raise LexiconError(f"{path.name}: '{key}' must be a non-empty string")
    return v.strip()


def _list(raw: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    v = raw.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise LexiconError(f"{path.name}: '{key}' must be a list of non-empty strings")
    return tuple(v)


@cache
def lexicons(folder: Path = LEXICON_DIR) -> dict[str, Lexicon]:
    """Every glossary in `folder`, by language code (loaded once per process)."""
    out: dict[str, Lexicon] = {}
    for path in sorted(folder.glob("*.toml")):
        lex = load_lexicon(path)
        if lex.language in out:
            raise LexiconError(f"{path.name}: a second glossary for '{lex.language}'")
        out[lex.language] = lex
    return out
