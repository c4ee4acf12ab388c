"""What kind of piece a headline heads, when the kind alone says it reports no act.

A review of a film, book, show, album or gadget ("<work> review – <verdict>") tells the work's
story or judges a product: the talks, deals and sanctions it names are the plot's, not news of
a government acting. A review a government holds ("trade policy review", "defence review") is
not a review of a work. A quiz ("... The Saturday quiz", "Quiz: ...") names acts only to ask
about them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .argued import INDEFINITE

# "<work> review – <verdict>" (the dash headline of arts and gadget reviews), "<work> review:
# <verdict>", "Review: <work>"; the word before "review" must not make it a government's review.
_REVIEW = re.compile(
    r"(?<!\bpolicy )(?<!\btrade )(?<!\bstrategic )(?<!\bdefence )(?<!\bdefense )(?<!\bsecurity )"
    r"(?<!\bspending )(?<!\bbudget )(?<!\bjudicial )(?<!\bregulatory )(?<!\bsafeguard )"
    r"(?<!\bsunset )(?<!\bexpiry )(?<!\bmid-term )(?<!\bannual )(?<!\bgovernment )"
    r"\breview\s*(?:[–—]|:)\s|^review:\s", re.I)

_QUIZ = re.compile(r"\b(?:quiz|trivia)\W*$|^(?:quiz|trivia)\s*:", re.I)


def reviews_a_work(title: str) -> bool:
    """Whether the headline heads a review of a work or a product, or a quiz (it reports no
    act)."""
    # The patterns are slow to scan: look first for letters they need. Only the "i" of their
    # words has case-insensitive kin outside ASCII ("İ"), so the look skips it.
    low = title.lower()
    return bool(("rev" in low and _REVIEW.search(title))
                or (("qu" in low or "tr" in low) and _QUIZ.search(title)))


# A history piece, by its headline: "Looking back: ...", "A short history of ...", "Lessons from
# the 1970s cobalt crisis", "..., ten years on", "How the 2010 embargo reshaped Japan" (past
# tense: "How China's 2023 curbs are reshaping ..." is news of their effect).
_LOOKS_BACK = re.compile(
    r"^(?:looking back|a (?:short |brief )?history of|(?:the )?history of|lessons (?:from|of)|"
    r"remembering|flashback|from the archives?|on this day)\b|"
    r"\b(?:\w+|\d+) (?:years|decades) (?:on|later|after|ago)\W*$|"
    r"^how (?:the )?(?:1[89]|20)\d\d\b[^\n]{0,60}\b(?:reshaped|changed|transformed|shaped|"
    r"remade|rewired)\b")
# A cue that a sentence tells news, not history ("on Tuesday", "this week", "now", "new").
_NEWS_CUE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|"
    r"this (?:week|month|year)|last (?:week|month)|now|new|latest|recent\w*|again)\b")
_SENTENCE_END = re.compile(r"[.?!;]\s|\n")
# A gerund opening the sentence as its subject, then a modal: the act is only imagined
# ("Pouring public money into lithium refineries will not loosen Beijing's hold", "Stockpiling
# cobalt would waste taxpayers' money"); "Banning ore exports helped Indonesia" tells a real one.
# Market nouns in -ing are subjects of their own verb ("Trading opened on Monday with the market
# absorbing news that Congo's export halt will run into the autumn").
_GERUND = re.compile(r"\W*(?!(?:during|according|including|following|regarding|concerning|"
                     r"bring|thing|nothing|something|anything|everything|king|spring|morning|"
                     r"evening|building|mining|meeting|spending|funding|ruling|wording|trading|"
                     r"pricing|banking)\b)[a-z]+ing\b(?!-)")
# Pacts and meetings only imagined are proposed ("Charting a path for a G20 agreement ... would
# be a major achievement of the Delhi Summit"), not nothing.
_PROPOSED_IF_IMAGINED = ("agreement", "talks", "summit")
_MODAL = re.compile(r"\b(?:would|could|will|can|cannot|can't|won't|wouldn't|might|may|must)\b")
_CLAUSE_CUT = re.compile(r"[,;:]|\b(?:which|who|as|after|because|while|since)\b")
# An indefinite act (argued.INDEFINITE) judged as an idea: "A US strategic reserve of cobalt
# is a bad idea".
_JUDGED = re.compile(
    r"(?:\s+\S+){0,4}?\s+(?:is|are|would be|will be|remains)\s+(?:(?:a|an|no|not a|the)\s+)?"
    r"(?:\S+\s+)?(?:idea|mistake|error|folly|gamble|non-starter|fantasy|pipe dream|answer|"
    r"solution|panacea|silver bullet)\b")


# An opinion piece, by its headline's label ("Commentary: ...", "Breakingviews: ..."), and a
# measure it says a state should or needs to take: advice, not an act ("Europe needs a raw
# materials law with teeth", "The Philippines should think twice before banning ore exports").
# A measure it names as owned or given stays real ("Europe must answer China's new curbs").
_OPINION_HEAD = re.compile(
    r"(?:opinion|commentary|comment|column|editorial|op-ed|viewpoint|view|perspective|"
    r"breakingviews|lex|letters?|guest post)\s*[:|]\s|why\b[^\n]{0,60}\b(?:should|must|ought to|needs? to)\b")
_DEONTIC = re.compile(r"\b(?:should|shouldn't|ought to|must|needs?(?: \S+)? (?:a|an|to)|has to|"
                      r"have to|(?:it's |it is )?time (?:for|to)|think twice|calls? for)\b")
# A bare measure noun opening an opinion piece's sentence and judged in the present or future
# ("Opinion: Tariffs on Chinese graphite will backfire", "Subsidies and stockpiles will not break
# China's grip", "Grants and tax credits need to be matched by price floors"): the kind of
# measure argued about, not one a state took ("The tariffs imposed in May have ..." is one).
_BARE_OPENING = re.compile(r"(?:(?:opinion|commentary|comment|column|view|viewpoint|perspective)\s*[:|]\s*)?"
                           r"(?:[\w-]+\s+(?:and|or)\s+)?$")
_JUDGED_NOW = re.compile(
    r"(?:\s+(?:on|for|of|to)\s+[^,.;:]{0,40}?)?(?:\s+and\s+[\w-]+)?\s+(?:alone\s+|also\s+|often\s+)?"
    r"(?:will|won't|would|wouldn't|can|can't|cannot|could|may|might|must|need|needs|are|is|do|does|"
    r"don't|doesn't|rarely|seldom|never|make|makes|hurt|hurts|backfire|fail|fails|work|cost|costs|"
    r"distort|distorts|help|helps)\b")
_OWNED_BEFORE = re.compile(r"(?:\b(?:its|the|their|this|these|those|new|latest)|'s|’s)\s+(?:[\w-]+\s+)?$")


def argued_in_piece(low: str, type_id: str, t0: int, t1: int, start: int) -> bool:
    """Whether the trigger low[t0:t1] in a sentence from `start` names an act only imagined by
    the sentence's own form (a gerund subject with a modal, an indefinite act judged as an
    idea), or one a history piece looks back on (its headline says so, its sentence has no cue
    of news)."""
    if INDEFINITE.search(low, max(start, t0 - 40), t0) and _JUDGED.match(low, t1):
        return True
    if type_id not in _PROPOSED_IF_IMAGINED and _GERUND.match(low, start) and _imagined_by_gerund(
            low, start, t0, t1):
        return True
    if _opinion_piece(low) and ((_DEONTIC.search(low, start, t0) and not _OWNED_BEFORE.search(
            low[max(start, t0 - 40): t0])) or (
            _BARE_OPENING.fullmatch(low, start, t0) and _JUDGED_NOW.match(low, t1))):
        return True
    if not _looks_back(low):
        return False
    end = _SENTENCE_END.search(low, t1)
    return not _NEWS_CUE.search(low, start, end.start() if end else len(low))


@lru_cache(maxsize=8)
def _looks_back(low: str) -> bool:
    """Whether the headline (the text's first line) heads a history piece; asked once per
    trigger, read once per text."""
    head_end = low.find("\n", 0, 300)
    return bool(_LOOKS_BACK.search(low, 0, head_end if head_end >= 0 else 300))


@lru_cache(maxsize=8)
def _opinion_piece(low: str) -> bool:
    """Whether the headline opens on an opinion label; read once per text."""
    return _OPINION_HEAD.match(low) is not None


def _imagined_by_gerund(low: str, start: int, t0: int, t1: int) -> bool:
    """Whether a modal follows the sentence's opening gerund phrase with no clause cut before
    it, and the trigger lies in that gerund phrase."""
    m = _MODAL.search(low, start, min(len(low), t1 + 80))
    if m is None or _CLAUSE_CUT.search(low, start, m.start()) or "\n" in low[start: m.start()]:
        return False
    return t1 <= m.start()
