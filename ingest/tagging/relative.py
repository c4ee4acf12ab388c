"""An earlier act named in a relative clause takes the change its sentence's main clause
makes to it: "the clause of Announcement No. 46, which barred exports of gallium ..., is
suspended until Nov. 27" or "would suspend the clause of its December announcement that
barred exports ..." report a suspension, not the ban in force."""

from __future__ import annotations

import re
from collections.abc import Callable

# The trigger opens a relative clause: "which barred", "that had banned", "that it imposed".
_RELATIVE = re.compile(r"\b(?:which|that)\s+(?:(?:it|they|had|has|have|was|were|first|later|"
                       r"originally|previously|\w+ly)\s+){0,2}$")
_CHANGES = {"suspen": "suspended", "paus": "suspended", "put on hold": "suspended",
            "defer": "suspended", "lift": "lifted", "scrap": "lifted", "repeal": "lifted",
            "revok": "lifted", "rescind": "lifted", "withdr": "lifted"}
_VERB = (r"(suspen\w*|paus\w*|put on hold|defer\w*|lift\w*|scrap(?:s|ped|ping)|repeal\w*|revok\w*|rescind\w*|"
         r"withdr[ae]w\w*)")
# The main clause's verb before the head noun: "would suspend, until ..., the clause of ...".
_BEFORE = re.compile(r"\b" + _VERB + r"\b(?P<gap>[^;]{0,90})$")
# The main clause's verb after the relative clause: ", is suspended from ...".
_AFTER = re.compile(r"^[^.;]*?,\s+(?:is|are|was|were|has been|have been|will be|would be)\s+"
                    r"(?:\w+ly\s+)?" + _VERB + r"\b")
# An aside between the verb and its object: "suspend, until Nov. 27, 2026, the clause".
_ASIDE = re.compile(r",(?:[^,]|,\s*\d{4}\b)*,")  # a date's own comma ("Nov. 27, 2026") inside
# Where the object's first noun phrase ends ("the clause | of its December announcement").
_OBJECT_END = re.compile(r",|\b(?:of|on|that|which|to|for|from|by|in|at|after|as)\b")
# The head the verb governs (in its object's first noun phrase) names an instrument, not goods
# ("paused shipments, citing the rule that ...").
_HEAD = re.compile(r"\b(?:clauses?|articles?|provisions?|announcements?|decrees?|orders?|rules?|"
                   r"regulations?|measures?|bans?|curbs?|controls?|restrictions?|tariffs?|duties|"
                   r"notices?|decisions?|policy|policies|requirements?)\b")


def head_change(low: str, sentence: tuple[int, int], t0: int, t1: int) -> str | None:
    """"suspended" or "lifted" when the trigger [t0, t1) opens a relative clause whose head,
    an instrument, the main clause suspends or lifts; else None."""
    s0, s1 = sentence
    if not _RELATIVE.search(low, max(s0, t0 - 40), t0):
        return None
    before = low[s0: t0]
    m = _BEFORE.search(before)
    if m and _HEAD.search(_OBJECT_END.split(_ASIDE.sub(" ", m["gap"]), maxsplit=1)[0]):
        return _change(m.group(1))
    after = _AFTER.search(low[t1: s1])
    return _change(after.group(1)) if after and _HEAD.search(before) else None


def _change(verb: str) -> str | None:
    """The status a change verb gives."""
    return next((status for stem, status in _CHANGES.items() if verb.startswith(stem)), None)


# Between two triggers: the second opens a relative clause on the first ("export controls
# that will restrict shipments of germanium"): its measure is the first one, said again.
_RESTATES = re.compile(r"\s*,?\s*(?:which|that)\s+(?:[^\s,;:.]+\s+){0,3}")


def drop_restated(low: str, found: list[tuple[int, int, re.Match[str]]], type_of: Callable[[int], str]
                  ) -> list[tuple[int, int, re.Match[str]]]:
    """The (sentence, trigger, match) triples without those that restate, in a relative clause,
    the measure of the trigger of their type right before them in the sentence: one measure,
    with the status and date its head noun's clause gives."""
    out: list[tuple[int, int, re.Match[str]]] = []
    for f in found:
        prev = next((p for p in reversed(out) if p[0] == f[0] and type_of(p[1]) == type_of(f[1])), None)
        if prev is not None and _RESTATES.fullmatch(low, prev[2].end(), f[2].start()):
            continue
        out.append(f)
    return out
