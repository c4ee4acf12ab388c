"""An earlier act that a sentence's news changes, each with its own date.

"Congo said on Saturday it would extend the cobalt export ban it imposed in February", "China
would suspend until Nov. 27, 2026 the ban on exports ... that it imposed in December 2024",
"the suspension imposed in February would run for a further three months": the date the act's
noun is given (owners.claim_own) is the earlier act's, and the change takes the sentence's other
dates (the day it was said, or the news day). Both are acts an analyst tracks, so such a trigger
makes two events: the change, dated as if its noun had no date, and the earlier act, in effect
from its own date. A noun's date with no change told ("the curbs imposed in February remain")
stays the one act's.
"""

from __future__ import annotations

import re
from datetime import date

from ..records import EventRecord
from .dates import DateMention
from .owners import ACT_PARTICIPLES
from .relative import head_change

# Verbs that change an act in force, by stem and ending ("extend", "eased", "scrapping").
_CHANGE = (r"(?:extend|prolong|renew|suspend|lift|revok|rescind|repeal|relax|tighten|expand|"
           r"widen|broaden|postpon|defer|revers|overturn|remov|scrap|paus|eas|rais|doubl|hik|"
           r"lower|reduc|delay)(?:e|es|ed|ing|s|d|ped|ping|red|ring)?\b")
# The change verb whose object the trigger's noun is: "would extend the cobalt export ban",
# "suspend until Nov. 27, 2026 the ban", "to lift its".
# Only modifiers between the verb and the noun, no preposition ("raised concerns about the
# ban", "prices eased after the ban": the ban is not what changes).
_VERB_BEFORE = re.compile(rf"\b{_CHANGE}\s+(?:until\s+[\w.,' ]{{3,24}}?\s+)?"
                          r"(?:(?:the|its|their|this|that)\s+)?"
                          r"(?:(?!(?:about|after|over|on|of|for|to|in|with|by|from|at|as)\b)[\w'-]+\s+){0,3}$")
# ... or told of the noun after its date, in the passive or as running on: "imposed in
# February would run for a further three months", "introduced in 2020, was lifted on Tuesday"
# (not what the act does: "imposed in February, has doubled prices").
_VERB_AFTER = re.compile(rf"[\w.,' ]{{0,24}}?,?\s+(?:(?:would|will)\s+(?:now\s+)?be|was|were|is|are|"
                         rf"(?:has|have|had)\s+been)\s+(?:now\s+)?{_CHANGE}|"
                         r"[\w.,' ]{0,24}?,?\s+(?:would|will|is to|is set to)\s+(?:now\s+)?"
                         r"(?:run|stay\s+in\s+place|remain\s+in\s+(?:place|force))\s+(?:for|by)\s+"
                         r"(?:a\s+|an\s+)?(?:further|another|extra|additional)")
# An act's participle (the owners' list) right before a date, dating the act of the noun it
# follows: "(that it) imposed in December 2024", "introduced on".
_DATED_BY = re.compile(rf"\b(?:{ACT_PARTICIPLES}|put in place)\s+(?:in|on|since)?\s*$")
_REACH = 60  # how far before the trigger a change verb may stand
_NAMED_REACH = 20  # how far before a trigger a month naming its act may stand
_CHANGEABLE = ("measure", "agreement")  # kinds whose acts stand and are changed later


def split_earlier(mentions: list[DateMention], low: str, s0: int, trigger: tuple[int, int],
                  pub: date, kind: str) -> tuple[list[DateMention], DateMention | None]:
    """The trigger's dates less the start of the earlier act it changes (that date is the
    earlier act's, not the change's), and that start: None when the sentence tells no change
    or the trigger's kind names no act that stands (_changed_earlier)."""
    earlier = _changed_earlier(mentions, low, s0, trigger, pub) if kind in _CHANGEABLE else None
    return ([d for d in mentions if d is not earlier] if earlier is not None else mentions), earlier


def _changed_earlier(mentions: list[DateMention], low: str, s0: int, trigger: tuple[int, int],
                     pub: date) -> DateMention | None:
    """The past start of the earlier act the trigger's noun names when the sentence starting
    at s0 (in `low`) tells a change of that act, else None. With a change verb before the
    noun, that start is the date the noun is given (`claimed`), else one after it dated by a
    participle ("the ban it imposed in December") or a month naming the act ("pause its
    October export controls"); with no verb before, the noun's own date when a change is told
    after it ("imposed in February would run for a further three months"). A bound ("until
    March") is no start."""
    if not mentions:  # nothing to date the earlier act: no regex work on this trigger
        return None
    t0, t1 = trigger
    d = next((d for d in mentions if d.claimed), None)
    if head_change(low, (s0, len(low)), t0, t1):  # "would suspend the clause of its December
        # 2024 announcement that barred ...": the month naming the head is the earlier act's
        d = d or next((d for d in mentions if d.names_act and s0 + d.pos < t0), None)
        return d if d is not None and d.start < pub and not d.bound else None
    if _VERB_BEFORE.search(low, max(s0, t0 - _REACH), t0):
        d = d or next((d for d in mentions if _dates_the_noun(d, low, s0, t0, t1)), None)
        return d if d is not None and d.start < pub and not d.bound else None
    if d is None or d.start >= pub or d.bound:
        return None
    return d if _VERB_AFTER.match(low, s0 + d.pos) else None


def _dates_the_noun(d: DateMention, low: str, s0: int, t0: int, t1: int) -> bool:
    """Whether `d` dates the act of the trigger [t0, t1) by a participle after it ("that it
    imposed in December 2024") or names it by its month ("its October export controls")."""
    at = s0 + d.pos
    return ((at >= t1 and _DATED_BY.search(low, max(s0, at - 30), at) is not None)
            or (d.names_act and t0 - _NAMED_REACH <= at < t1))


def as_earlier(ev: EventRecord, d: DateMention) -> EventRecord:
    """The earlier act of a change's event: the same act, in effect from its own date."""
    return ev._replace(status="in_effect", date=d.start, date_precision=d.precision, end_date=None,
                       date_source="text")
