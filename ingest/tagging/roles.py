"""Who acts and who is targeted, from word order around the trigger."""

from __future__ import annotations

import re

from .sentences import Sentence
from .vocab import Mention

# These run on " " + lower-cased text, so a leading \W stands for a word boundary.
_OBJECT_PREP = re.compile(r"\W(?:on|against|to|from|for)\s+(?:the\s+)?$")
_BY_AGENT = re.compile(r"\Wby\s+(?:the\s+)?$")  # on the text as written: "by", not "By"
_TARGET_PREP = re.compile(
    r"\W(?:on|against|to|from|targeting|targeted at|aimed at|toward|towards|for|with|into)\s+"
    r"(?:the\s+|a\s+)?(?:\S+\s+){0,3}$")


def roles(kind: str, trig: int, sent: Sentence, countries: list[Mention], labels: frozenset[int],
          text: str, clause_start: int = 0) -> tuple[str | None, tuple[str, ...]]:
    """(actor, targets) of the trigger at text offset `trig`.

    Targets follow the trigger after a preposition ("tariffs on China"). The actor is a country
    named before the trigger, preferably in the trigger's own clause ("refiners checked stocks
    after Kinshasa suspended exports"), never one that only labels a company ("Chinese
    refiners"), and not the object of a preposition unless nothing else fits. Meetings and
    agreements have parties, not an actor.
    """
    if kind in ("meeting", "agreement") or not countries:
        return None, ()
    targets = [h.ident or "" for h in countries if h.start >= trig and _TARGET_PREP.search(
        " " + text[max(sent.start, trig): h.start].lower())]
    actor = _subject(countries, targets, labels, text, sent, trig, clause_start)
    if actor is None:
        after = [h.ident for h in countries if h.start >= trig and h.ident not in targets]
        if after and _BY_AGENT.search(" " + text[max(sent.start, trig - 12): trig]):
            actor = after[0]  # "tariffs announced by Washington"
    if actor is None and len({h.ident for h in countries}) == 1 and not targets:
        actor = countries[0].ident
    if actor is None:
        prior = [h.ident for h in countries if h.start < trig]
        actor = prior[0] if prior else None
    return actor, tuple(dict.fromkeys(t for t in targets if t and t != actor))


def _subject(countries: list[Mention], targets: list[str], labels: frozenset[int], text: str,
             sent: Sentence, trig: int, clause_start: int) -> str | None:
    """The first country before the trigger that is not a preposition's object."""
    before = [h for h in countries if h.start < trig and h.ident not in targets
              and h.start not in labels]
    in_clause = [h for h in before if h.start >= clause_start]
    for h in in_clause or before:
        gap = text[max(sent.start, h.start - 30): h.start]
        if not _OBJECT_PREP.search(" " + gap.lower()):
            return h.ident
    return None
