"""A status told by what is still to come: a measure governed by "will"/"would" (announced) or
by "may"/"could" (at most threatened), a meeting in a headline's "X to <verb>" (scheduled)."""

from __future__ import annotations

import re

# A future auxiliary whose predicate is the measure: "machinery will be exempt from duty", "the
# goods would be subject to duties", "A$500 million would go to the facility", "ASML will need
# national licences", or the trigger's own verb ("the US would cut the tariff"). Any other verb
# between them may act on a measure that stands ("will need to defend export controls").
_FUTURE_GOVERNS = re.compile(
    r"\b(?:will|would|shall)\s+(?:not\s+)?(?:also\s+)?(?:be\s+(?:[a-z]+\s+){0,2}|"
    r"(?:go|flow)\s+(?:to|into)\s+(?:[^\s,;:'’]+\s+){0,4}|(?:need|require)\s+(?!to\b)(?:[^\s,;:'’]+\s+){0,2}|)$")
# A measure kept, whatever tense keeps it: "would keep its ban", "maintains the tariffs".
_KEPT = re.compile(r"\b(?:keep|keeps|kept|keeping|maintain\w*|retain\w*|uphold\w*|upheld)\s+(?:its|the|their|"
                   r"his|her|our)\s+(?:[^\s,;:.]+\s+){0,3}$")
# A possibility governing the measure: "Tokyo may file a formal WTO complaint", "Beijing could
# soon curb exports": no decision yet, so at most a threat. A verb undoing the measure between
# them makes the undoing the possibility ("could soon remove tariffs": the tariffs stand).
_MAY_GOVERN = re.compile(r"\b(?:may|might|could)\s+(?:not\s+)?(?:(?!(?:remov|lift|end|scrap|drop|eas|"
                         r"cut|suspend|paus|waiv|roll|relax|loosen|withdraw|revok|overturn)[a-z]*\b)"
                         r"[a-z]+\s+){0,3}$")
# A headline opening "<name> to <verb>": headline grammar for what is to come ("Rishi Sunak to
# raise trade issues in US talks", "Brazil's Lula to discuss trade deal"); not a purpose clause
# after a verb ("No 10 team arrives in Delhi to revive talks", "Leaders race to bring ...").
# Names may be listed with commas and carry particles ("Biden, von der Leyen to open talks").
_HEADLINE_TO = re.compile(r"(?:(?:[A-Z][\w.'’-]*,?|and|&|von|van|der|den|de|da|del|al|bin)\s+){1,7}to\s+[a-z]+\b")
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:as|while|after|before|when|amid|despite|since|because)\s")


def status_by_future(kind: str, status: str, act: bool, text: str, low: str, clause_start: int,
                     t0: int, headline_end: int) -> str:
    """The status corrected by what is told as still to come before the trigger: a measure only
    possible is at most threatened; one the object of a verb in the future is announced, not
    yet applying ("will be exempt from customs duty"); a meeting after a headline's
    "X to <verb>", or at that verb itself ("Lula to discuss ... with Macron"), is scheduled.
    `text` as written (a verb after "to" is lower case), `low` lower-cased; the headline ends at
    `headline_end`."""
    if status in ("in_effect", "announced") and kind == "measure" and _MAY_GOVERN.search(
            low, max(clause_start, t0 - 40), t0):
        return "threatened"
    if status == "announced" and kind == "measure" and _KEPT.search(low, max(clause_start, t0 - 60), t0):
        return "in_effect"  # "said it would keep its ban on grain imports": the ban stands
    if (status == "in_effect" and not act and kind == "measure"
            and _FUTURE_GOVERNS.search(low, max(clause_start, t0 - 60), t0)):
        return "announced"
    if status == "held" and kind == "meeting" and t0 < headline_end and (
            opening := _HEADLINE_TO.match(text)) and (
            opening.end() <= t0 or t0 == text.rfind(" ", 0, opening.end()) + 1) and not _CLAUSE_BREAK.search(
            text, opening.end(), t0):
        return "scheduled"
    return status
