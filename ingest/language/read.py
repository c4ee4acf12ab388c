"""Tag an article in whatever language it came in: the pipeline's one call into the tagger.

English (or unknown) text is tagged as written. Text in a language with a glossary is glossed
sentence by sentence and the gloss is tagged; each event's evidence is then the original
sentence its glossed sentence came from, so a report always quotes what the outlet wrote. The
article keeps its language and the headline's gloss, to show how it was read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime

from ..records import ArticleRecord, TaggedArticle
from ..tagging.sentences import split_sentences
from ..tagging.tagger import Tagger, TagResult
from ..text import html_to_text
from .detect import detect, language_code
from .gloss import gloss
from .lexicon import lexicons

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reading:
    """What the tagger reads for one article, and how to quote the original."""

    language: str | None
    title: str
    body: str
    glossed: bool
    originals: tuple[tuple[str, str], ...] = ()  # (glossed sentence, original sentence)


def read(title: str, body: str, declared: str | None) -> Reading:
    """The article as the English tagger should read it (glossed when a glossary applies)."""
    lexes = lexicons()
    lang = detect(title or html_to_text(body)[:300], declared, lexes)
    lex = lexes.get(lang or "")
    if lex is None or lang == "en":
        return Reading(lang, title, body, False)
    pairs = [(gloss(title, lex), title)] if title.strip() else []
    text = html_to_text(body)
    pairs += [(gloss(s.text, lex), s.text) for s in split_sentences(text) if s.text.strip()]
    head = pairs[0][0] if title.strip() else ""
    rest = " ".join(g for g, _o in pairs[1 if title.strip() else 0:])
    return Reading(lang, head, rest, True, tuple(pairs))


def tag(tagger: Tagger, title: str, body: str, published: datetime | date,
        declared: str | None) -> tuple[Reading, TagResult]:
    """Tag through `read`: events quote the original sentence, not the gloss."""
    r = read(title, body, declared)
    res = tagger.tag(r.title, r.body, published)
    if not r.glossed:
        return r, res
    events = tuple(ev._replace(evidence=_original(ev.evidence, r.originals)) for ev in res.events)
    return r, TagResult(res.relevant, res.countries, res.commodities, events)


def tag_article(tagger: Tagger, a: ArticleRecord, body: str | None = None) -> TaggedArticle:
    """One parsed article tagged (on `body`, default its summary), with language and gloss set."""
    r, res = tag(tagger, a.title, a.summary if body is None else body, a.published_at, a.language)
    a = replace(a, language=_language(a.language, r.language), gloss=r.title if r.glossed else "")
    return TaggedArticle(a, res.relevant, res.countries, res.commodities,
                         res.events if res.relevant else (), tagger.version,
                         () if res.relevant else res.events)


def _language(declared: str | None, found: str | None) -> str | None:
    """The declared language as the feed wrote it ("en-GB") unless the text is in another."""
    return declared if found is None or language_code(declared) == found else found


def _original(evidence: str, originals: tuple[tuple[str, str], ...]) -> str:
    """The original sentence(s) behind a glossed piece of evidence (the headline if unsure)."""
    found = [o for g, o in originals if g and (g in evidence or evidence in g)]
    return " ".join(found) if found else originals[0][1]
