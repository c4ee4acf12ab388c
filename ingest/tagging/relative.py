"""An earlier act named in a relative clause takes the change its sentence's main clause
makes to it: "the clause of Announcement No. 46, which barred exports of gallium ..., is
suspended until Nov. 27" or "would suspend the clause of its December announcement that
barred exports ..." report a suspension, not the ban in force. An act named as what another of
its type answers ("Answers US Chip Curbs With Gallium Export Ban") is the answer's occasion.
A duty cut that an agreement's own participle or relative clause names as its content ("a
framework agreement that removes duties on ...") is no tariff act (content_of_deal)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import islice

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
_HEAD = re.compile(r"\b(?:clauses?|articles?|provisions?|parts?|sections?|announcements?|decrees?|orders?|rules?|"
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
    """The (sentence, trigger, match) triples, in text order, without those that restate, in a
    relative clause, the measure of the trigger of their type right before them in the sentence:
    one measure, with the status and date its head noun's clause gives."""
    out: list[tuple[int, int, re.Match[str]]] = []
    for f in found:
        prev = _next_of_type(reversed(out), f, type_of)
        if prev is not None and _RESTATES.fullmatch(low, prev[2].end(), f[2].start()):
            continue
        out.append(f)
    return _without_answered(low, out, type_of) if len(out) > 1 else out


def _next_of_type(triples: Iterable[tuple[int, int, re.Match[str]]], f: tuple[int, int, re.Match[str]],
                  type_of: Callable[[int], str]) -> tuple[int, int, re.Match[str]] | None:
    """The first of `triples` (from f on, forward or back in text order) in f's sentence with a
    trigger of f's type; the search stops at the sentence's end (its triggers stand together)."""
    for p in triples:
        if p[0] != f[0]:
            return None
        if type_of(p[1]) == type_of(f[1]):
            return p
    return None


# An act named as what another answers, then the answer of its type: "China Answers US Chip Curbs
# With Gallium Export Ban", "hit back at Washington's chip controls by banning ...", "In response
# to US chip curbs, China banned ...". The answered act is the answer's occasion (its owner is
# the answer's target, aims.answered), not a second act of the same type to merge with it.
_ANSWERED = re.compile(r"\b(?:answer\w*|counter\w*|retaliat\w*(?: against| for| to)?|(?:hit|hits|hitting|"
                       r"strikes?|striking|struck) back(?: at| against)?|respond\w* to|response to|"
                       r"repl(?:y|ies|ied) to)\s+(?:\S+\s+){0,3}$")
_MEANS = re.compile(r"\s+(?:\S+\s+){0,2}?(?:with|by)\s+(?:\S+\s+){0,3}?|,\s+(?:\S+\s+){0,2}?")


def _without_answered(low: str, found: list[tuple[int, int, re.Match[str]]],
                      type_of: Callable[[int], str]) -> list[tuple[int, int, re.Match[str]]]:
    """The triggers without an answered act followed, after "with", "by" or a comma and its
    subject, by the answer of its type in its sentence."""
    drop = set()
    for i, f in enumerate(found):
        m = f[2]
        nxt = _next_of_type(islice(found, i + 1, None), f, type_of)
        if nxt is not None and _MEANS.fullmatch(low, m.end(), nxt[2].start()) and _ANSWERED.search(
                low, max(0, m.start() - 60), m.start()):
            drop.add(i)
    return [f for i, f in enumerate(found) if i not in drop] if drop else found


# A duty cut named as the content of an agreement, by the agreement's own participle or relative
# clause, or after an aside: "a framework agreement that removes duties on almost all goods",
# "The agreement, signed in Brussels on Wednesday, removes most tariffs". One act, the
# agreement ("the deal; Brussels will also cut duties" is another). A fund so named ("a deal
# creating a joint investment fund") is left an investment: the labelled sets read it both ways.
_CONTENT_TYPES = frozenset({"tariff"})
_CONTENT_VERB = r"(?:remov\w*|cut(?:s|ting)?|eliminat\w*|scrap(?:s|ping)?|lower\w*|reduc\w*|lift(?:s|ing)?)"
_DEAL_THEN = re.compile(r"\b(?:deals?|agreements?|accords?|pacts?|framework|treaty)"
                        r"(?:\s+(?:in|on|at)\s+[^\s,;:.]+){0,3}(?:,[^,;:.]{1,60},)?"  # an aside: ", signed on Monday,"
                        r"\s+(?:(?:that|which)\s+(?:also\s+)?)?")
_CONTENT_VERB_START = re.compile(_CONTENT_VERB + r"\b")
_CONTENT_VERB_END = re.compile(r"\b" + _CONTENT_VERB + r"(?:\s+(?:a|an|the|all|almost|nearly|most))*\s+$")
_CONTENT_REACH = 110  # characters before the trigger where the agreement's noun may stand


def content_of_deal(low: str, type_id: str, t0: int, t1: int) -> bool:
    """Whether the duty cut low[t0:t1] is the content of the agreement named right
    before it, by the agreement's own participle or relative clause."""
    if type_id not in _CONTENT_TYPES:
        return False
    start = max(0, t0 - _CONTENT_REACH)
    window = low[start: t0]
    if not any(w in window for w in ("deal", "agreement", "accord", "pact", "framework", "treaty")):
        return False
    verb = _CONTENT_VERB_START.match(low, t0, t1)
    end = t0 if verb else (m.start() if (m := _CONTENT_VERB_END.search(window)) else -1)
    if end < 0:
        return False
    return any(d.end() == (end if verb else start + end) for d in _DEAL_THEN.finditer(low, start, t0))



# A ban named as what sanctions include: "a round of sanctions on Russia that includes a gradual
# ban on imports of aluminium". One act, the sanctions ("sanctions on Norilsk and a ban on
# imports" are two; "sanctions that also bar the metals from entering" is labelled both ways, so
# a verb after "that" is left alone).
_BAN_TYPES = frozenset({"import_restriction", "export_control"})
_SANCTIONS_THEN = re.compile(
    r"\bsanctions?(?: (?:package|round|regime))?(?: (?:on|against) [^\s,;:.]+(?: [^\s,;:.]+)?)?,?\s+"
    r"(?:(?:that|which) (?:also |will |would )?includes?|including)(?: (?:a|an|the))?"
    r"(?: (?:gradual|phased|full|total|complete|new|further))?\s*$")


def content_of_sanctions(low: str, type_id: str, t0: int) -> bool:
    """Whether the ban at t0 is what sanctions named right before it include."""
    if type_id not in _BAN_TYPES:
        return False
    start = max(0, t0 - _CONTENT_REACH)
    return "sanction" in low[start: t0] and bool(_SANCTIONS_THEN.search(low, start, t0))
