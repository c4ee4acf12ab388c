"""Find date expressions in a sentence and resolve them against the publication date.

Handles explicit dates ("Oct. 13", "13 October", "Dec. 1, 2023", "2025-10-13"), ranges
("October 31 to November 1", "22-23 November", "from Friday to Sunday"), months and years
("November 2026", "in 2026", "next month"), weekdays ("on Tuesday"), relative weeks ("last
week", "this week") and counts back ("a year ago"). The forms and their handlers are in
`dateforms`; this module finds them, works out the tense that decides a left-out year, and
marks what a date is for ("said on", "until", "since").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from .dateforms import (
    APPROX_FIRST_WORDS,
    COUNTS,
    FORMS,
    MONTHS,
    NAMED_AFTER,
    NAMED_BEFORE,
    WEEKDAYS,
    DateForm,
)
from .sentences import last_clause

# A date expression starts with a digit, a month, a weekday or one of these words.
_START_WORDS = frozenset(MONTHS) | frozenset({
    "next", "last", "this", "coming", "past", "yesterday", "today", "tomorrow", "in", "from",
    "since", "by", "until", "through", "during", "early", "mid", "late", "end", "for", "weekend"})
# ... or a count of time back ("a year ago", "nearly three years ago").
_COUNT_WORDS = frozenset(COUNTS) | APPROX_FIRST_WORDS
_WEEKDAY_NAMES = tuple(WEEKDAYS)
_STARTS = (r"(?=\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
           r"next|last|this|coming|past|yesterday|today|tomorrow|in\b|from|since|by\b|until|"
           r"through|during|early|mid|late|end\b|for\b|weekend\b|"
           + "|".join(rf"{w}\b" for w in sorted(_COUNT_WORDS)) + ")")


def may_start_date(word: str) -> bool:
    """Whether a date expression may begin at this lower-cased word (a whole `\\w+` run)."""
    return (word[:1].isdecimal() or word in _START_WORDS or word in _COUNT_WORDS
            or word.startswith(_WEEKDAY_NAMES))


def _forms_re(forms: list[DateForm], guard: str = "") -> re.Pattern[str]:
    r"""The forms as one alternation in registry order, matched on " " + lower-cased text
    (the leading [^\w-]: no word character or hyphen right before a date)."""
    body = "|".join(f.pattern for f in forms)
    return re.compile(rf"[^\w-]{guard}(?:{body})(?![\w])")


# Scanning a whole sentence: every form. Trying at one word: only the forms that can start
# with that kind of word (in registry order, so the same form wins).
_DATE_RE = _forms_re(FORMS, _STARTS)
_BY_KIND = {kind: _forms_re([f for f in FORMS if f.starts_with == kind])
            for kind in ("digit", "month", "weekday", "relative", "day", "preposition", "count")}
# Which form a match is: the form owning its last group (forms never share a group name).
_FORM_OF = {g: f for f in FORMS for g in re.findall(r"\(\?P<(\w+)>", f.pattern)}


def _kind(word: str) -> str:
    """Which forms may start at a word passing `may_start_date`."""
    if word[:1].isdecimal():
        return "digit"
    if word in MONTHS:
        return "month"
    if word.startswith(_WEEKDAY_NAMES):
        return "weekday"
    if word in ("next", "last", "this", "coming", "past"):
        return "relative"
    if word in ("yesterday", "today", "tomorrow"):
        return "day"
    if word in _COUNT_WORDS:
        return "count"
    return "preposition"


# Tense cues near a date decide which year (or which weekday occurrence) it means. They run on
# " " + lower-cased text, where a leading \W stands for a word boundary.
# A start told by its verb in the present or the participle: "the duties kick in on Monday",
# "rules come into force", "with the curbs taking effect on Jan. 1".
_START_VERB = (r"kick(?:s|ing)? in|(?:takes?|taking|comes?|coming|goes|go|going|enters?|entering) "
               r"(?:effect|into (?:force|effect))")
# Words telling of days to come, a start told in the present among them ("the surtax starts Oct. 1").
_FUTURE = re.compile(
    r"\W(?:will|shall|would|to be held|scheduled|set to|due to|expected|plans?|planned|upcoming|"
    r"next|is to|are to|later|effective|coming|expires?|starts?|begins?|applies|apply|"
    + _START_VERB + r")\b")
# Prepositions that point ahead only in a sentence not told in the past ("by" just before the
# date: a deadline, "allocations by Dec. 15"): "from" in "imposed curbs from Monday" or "ahead of" in "failed to agree ahead of a summit on Friday" does not.
_FUTURE_WEAK = re.compile(
    r"\W(?:(?:from|starting|beginning)(?=(?:\s+(?:on|the|next|this|early|mid|late))?\s*$)|"  # "from Monday"
    r"until|through|ahead|deadline|due|by(?=\s*$))\b")  # not "ministers from Japan on"
# A clause of time told in the present is about days to come ("before the rules bite on Aug. 1",
# "once the duties apply from"): English tells the future so after "before", "until", "once".
_PRESENT_AFTER_BEFORE = re.compile(
    r"\W(?:before|once)\s+(?:(?:the|its|their|these|those|new)\s+)?[a-z]+\s+"
    r"(?!(?:was|were|had|did|got|set|put|cut|hit|led|met|began|came|went|took|[a-z]+ed)\b)[a-z]+"
    r"\s+(?:on|in|from)?\s*$")
_AHEAD_WEAK = re.compile(r"\W(?:ahead|deadline|due)\b")  # after the date: of its own clause
# A meeting verb in the present just before the date ("Trump and Xi meet Thursday", "talks open
# on Monday"): a headline's present is its future for a day to come (told in the past: "met").
# Only before the date: "directed Commerce on Tuesday to open a probe" is about Tuesday.
_MEETING_PRESENT = re.compile(r"\W(?:meets?|convenes?|gathers?|opens?|resumes?|kicks? off)\b\W*"
                              r"(?:\w+\W+){0,5}$")
# A headline's future: "Talks to resume on Monday", "Royalties to kick in on Saturday" (the
# verbs of acts and meetings: "Copper rises to record on Friday" is no future).
_HEADLINE_TO = re.compile(
    r"\bto\s+(?:meet|discuss|hold|host|visit|resume|start|begin|launch|open|sign|vote|"
    r"decide|announce|unveil|impose|ban|restrict|halt|stop|raise|cut|lift|end|introduce|tighten|"
    r"ease|suspend|levy|kick in|take effect|come into force|expire)\b")
_TOLD_AFTER = re.compile(r"\b(?:said|says|after)\b")
_HEAD_PART_END = re.compile(r"[:;]")


def _headline_future(before: str) -> bool:
    """Whether a headline tells of days to come: "to" with an act or meeting verb before any
    colon, and no "said" or "after" from it to the date. Only the last such "to" needs the
    check (an earlier one's tail holds the later one's), so the scan stays linear."""
    colon = _HEAD_PART_END.search(before)
    ends = [m.end() for m in _HEADLINE_TO.finditer(before, 0, colon.start() if colon else len(before))]
    return bool(ends) and not _TOLD_AFTER.search(before, ends[-1])
# A participle after "be" is no past ("is expected to be signed on Tuesday", "will be held").
_NOT_AFTER_BE = r"(?<!\bbe)"
_PAST = re.compile(
    _NOT_AFTER_BE + r"\W(?:said|was|were|had|has|have|was held|were held|met|announced|took|imposed|signed|last|ago|earlier|"
    r"since|began|started|unveiled|issued|published|introduced|agreed|reached|spoke|"
    r"ended|concluded|came|"
    # irregular past forms that are no present as well ("on Tuesday sent Congress a plan")
    # ("cars made in China from Friday": a participle naming where goods come from is none)
    r"sent|gave|made(?! in\b)|told|brought|sought|won|led|struck|wrote|rose|fell|paid|kept|drew|chose|"
    r"became|left|sold(?! in\b)|bought(?! from\b)|built(?! in\b)|lent|spent|froze|broke|withdrew|"
    r"overtook|forbade)\b")
# "two days of talks", "a three-day visit": how long the occasion ran.
_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_SPAN_DAYS = re.compile(r"\W(two|three|four|five|[2-5])(?:[- ]days? of|-day|-days-long)\b")
# "the second day of his state visit": the occasion began that many days before the date.
_ORDINAL = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4,
            "5th": 5}
# ... which the date opens ("two days of meetings that began Friday", "starting on Monday").
_BEGAN = re.compile(r"\W(?:began|begins?|started|starts?|starting|beginning|opened|opens?|from|"
                    r"kicked off|kicks? off)\s+(?:on\s+)?$")
_NTH_DAY = re.compile(r"\W(" + "|".join(_ORDINAL) + r")\s+day\s+of\s+(?:\S+\s+){0,3}?"
                      r"(?:visit|trip|tour|summit|talks|meeting|conference|negotiations)\b"
                      r"[^.;:]*$")
# A regular past-tense verb ("reached", "approved") when no stronger cue is near.
_WEAK_PAST = re.compile(
    _NOT_AFTER_BE + r"\W(?!(?:scheduled|expected|planned|proposed|intended|based|owned|listed|related|"
    r"needed|used|red|bed|shed|speed|feed|seed|need|indeed|united)\b)[a-z]{3,}ed\b")
# ... told as the sentence's own verb, not a participle ("foil imported from China").
_WEAK_PAST_VERB = re.compile(_WEAK_PAST.pattern + r"(?!\s+(?:from|by)\b)")
# ... or a participle dating its noun's act right before the date ("a review launched in
# February", "curbs imposed on"): that act is done, whatever the sentence expects of the next.
_DATED_PARTICIPLE = re.compile(_WEAK_PAST.pattern + r"\s+(?:in|on|at)?\s*$")
# ... or an act someone owns, dated by the day ("the Commerce Department's preliminary finding
# on Thursday is expected to raise costs"): a possessive names an act that exists, so its day is
# past, whatever the sentence expects of its effects.
_OWNED_ACT = re.compile(r"(?:'s|’s|s'|s’)\s+(?:[\w-]+\s+){0,2}?(?:finding|decision|ruling|announcement|"
                        r"statement|order|determination|notice|proclamation|decree|move|approval|"
                        r"filing|notification|directive)\s+(?:on\s+|late\s+on\s+)?$")
# "said on Oct. 13": the day something was said, not when the event happens.
_REPORTING_WORDS = ("said", "says", "told", "tells", "stated", "added", "wrote", "posted",
                    "according to", "statement", "notice", "announcement")
_REPORTING = re.compile(
    "(?:" + "|".join(w + r" \S+" if w == "according to" else w for w in _REPORTING_WORDS)
    + r")(?:\s+\w+){0,4}\s*(?:on\s+|late\s+|early\s+|dated\s+)?$")
_BOUND = re.compile(r"(?:until|till|through|to|expire[sd]?|expiring|lapses?|runs? out|deadline)\s+(?:on\s+)?$")
# "since 2019", "first ... since": a reference point, not when the event happens.
_SINCE = re.compile(r"since\s+$")
# A baseline compared with ("19% above last year's batch", "higher than in 2022", "in June
# rather than March"): when something else happened, not the act's date.
_COMPARED = re.compile(r"\b(?:than|above|below|compared (?:with|to)|versus|vs\.?|up from|down from)"
                       r"\s+(?:in\s+|on\s+)?(?:the\s+)?$")
_SINCE_IS_START = frozenset({"year", "mm", "dd", "wd", "my_m", "in_m"})  # "since May 3", "since Friday": when it began
# "over the coming year", "within the next month": a stretch of time from now, not a start.
_OVER = re.compile(r"\b(?:over|within|throughout|during|for)\s+(?:the\s+)?$")
# ... or a start told by its verb ("taking effect on Jan. 1", "comes into force on", "kicks in").
_STARTS_FROM = re.compile(r"\b(?:from|beginning|starting|effective|as of|" + _START_VERB + r")\s+(?:on\s+)?$")
_RELATIVE = frozenset({"relm", "rely"})
# Forms naming an act by its month ("its October controls", "July's curbs"): never a day said.
_NAMES_AN_ACT = frozenset({"att_m", "pos_m"})
# How far into a sentence a date may sit in a phrase opening it ("After talks on Thursday, ...",
# "From Jan. 1, ..."): such a date is of all the sentence.
OPENING_REACH = 30
# The words that open such a phrase ("After talks on Thursday, ...", "Late on Friday, ...").
_OPENING = re.compile(r"\s*(?:after|on|late|early|earlier|later|following|before|at|in|by|during)\b")
_CLAUSE_END = re.compile(r"[.,;]")
# Where one clause's tense stops: "disaster that killed 14; ministers meet ahead of a summit on
# Friday" (the killing is past, the summit to come).
_CLAUSE_BREAK = re.compile(r"[;:]\s|\s[–—]\s")


class DateMention(NamedTuple):
    """A resolved date in a sentence: start, optional end, precision, where it was."""

    start: date
    end: date | None
    precision: str  # day | month | year
    pos: int
    reporting: bool = False  # "said on Oct. 13": when it was said, not when it happens
    bound: bool = False  # "until Nov. 10", "expires on": the end of a period, not its start
    vague: bool = False  # "this week", "last month": a window, not a stated date
    claimed: bool = False  # dated by the trigger's own noun ("duties the EU imposed in July")
    start_told: bool = False  # a start told as such ("from Feb. 10", "due from", "effective")
    fronted: bool = False  # in a phrase opening the sentence ("After talks on Thursday, ..."): of all of it
    names_act: bool = False  # naming an act ("its October controls", "last month's truce")


# "a plan", "its five-point plan": a noun (the thing adopted or presented), not a verb of intent
# ("Beijing plans to"): "adopted a plan on Saturday" tells of the past Saturday.
# A plural only right after its determiner: "the ministry plans to" is a verb.
_PLAN_NOUN = re.compile(r"\W(?:a|an|the|its|their|his|her|this|that|new)\s+(?:(?:[\w-]+\s+){0,2}?plan|plans)$")


def _plan_noun(near: str, m: re.Match[str]) -> bool:
    """Whether the future cue `m` in `near` is "plan" used as a noun (_PLAN_NOUN)."""
    return m.group().endswith(("plan", "plans")) and bool(
        _PLAN_NOUN.search(near, max(0, m.start() - 40), m.end()))


def _tense(before: str, after: str, weekday: bool = False) -> int:
    """+1 future, -1 past, 0 unknown, from the lower-cased words around the mention (nearest
    wins). For a weekday (a day within a week of publication), a sentence told in the past is
    about the past whatever preposition points ahead ("curbs imposed from Monday"); a
    month and day after "announced ... from" is still the start to come."""
    near = " " + last_clause(_CLAUSE_BREAK.split(before[-80:])[-1])
    if _DATED_PARTICIPLE.search(near[-30:]) or weekday and _OWNED_ACT.search(near[-50:]):
        return -1
    p = [m.end() for m in _PAST.finditer(near)]
    told_past = weekday and (bool(p) or bool(_WEAK_PAST_VERB.search(near)))
    f = [m.end() for m in _FUTURE.finditer(near) if not _plan_noun(near, m)]
    if not weekday and ("before" in near or "once" in near):
        f += [m.end() for m in _PRESENT_AFTER_BEFORE.finditer(near)]
    if not told_past:
        f += [m.end() for m in _FUTURE_WEAK.finditer(near)]
        f += [m.end() for m in _MEETING_PRESENT.finditer(near)]
    if f and (comma := near.rfind(",")) > max(f):  # "would be 50%, months after he ordered a
        # review in February": a past verb of a later clause ("will charge ... on imported goods
        # from Friday": a participle of the same clause is none)
        p += [m.end() for m in _WEAK_PAST_VERB.finditer(near, comma)]
    if f or p:
        return 1 if (max(f, default=-1) > max(p, default=-1)) else -1
    if told_past:  # "promised in a meeting Thursday that neither would ...": the verb before
        return -1
    ahead = " " + after[:60]
    weak_past = bool(_WEAK_PAST_VERB.search(near))  # "raised stocks in May ahead of the rule"
    fa = min((m.start() for m in (_FUTURE.search(ahead), None if weak_past else
                                  _AHEAD_WEAK.search(ahead)) if m),
             default=None)  # not "until", "through": they open a bound of their own
    pa = min((m.start() for m in (_PAST.search(ahead), _WEAK_PAST_VERB.search(ahead)) if m),
             default=None)  # "The EU on Monday extended until March ...": told in the past
    if fa is not None or pa is not None:
        return 1 if (fa is not None and (pa is None or fa < pa)) else -1
    if _WEAK_PAST.search(near):
        return -1
    return 0


def find_dates(sentence: str, published: date, low: str | None = None,
               starts: list[tuple[int, str]] | None = None, headline: bool = False) -> list[DateMention]:
    """Every date expression in `sentence`, resolved against `published`.

    `low` is the sentence lower-cased with offsets kept, and `starts` the (start, word) of its
    words passing `may_start_date`, when the caller has them (otherwise the sentence is scanned).
    A `headline` tells the future with "to" ("Talks to resume on Monday").
    """
    if low is None:
        low = sentence.lower()
        if len(low) != len(sentence):
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    out: list[DateMention] = []
    for mt in _matches(" " + low, starts):
        try:
            mention = _mention(mt, low, published, headline)
        except (OverflowError, ValueError):  # a date before year 1 or after 9999: none to keep
            continue
        if mention is not None:
            out.append(mention)
    return out


def _matches(padded: str, starts: list[tuple[int, str]] | None) -> Iterable[re.Match[str]]:
    """The date expressions in `padded` (" " + the lower-cased sentence), without overlaps."""
    if starts is None:
        return _DATE_RE.finditer(padded)
    found = []
    last = 0
    for p, word in starts:  # padded[p] is the character before the word
        if p >= last and (mt := _BY_KIND[_kind(word)].match(padded, p)):
            last = mt.end()
            found.append(mt)
    return found


def _mention(g: re.Match[str], low: str, published: date, headline: bool = False) -> DateMention | None:
    """One date expression, resolved; None when it is not kept."""
    form = _FORM_OF[g.lastgroup or ""]
    at, stop = g.start(), g.end() - 1  # in `low`: the match includes the character before
    before, after = low[:at], low[stop:]
    tense = 0
    if form.uses_tense(g):
        tense = 1 if headline and _headline_future(before) else _tense(
            before, after, form.starts_with == "weekday")
    start, end, prec = form.handler(g, published, tense)
    if start is None:
        return None
    if form.name == "year" and (low.startswith(("since", "by"), at) or (
            start.year <= published.year and low.startswith("for", at))):
        return None  # "the first talks since 2019": a reference point; "by 2030": a target;
        # "quotas for 2023" said in 2023: the period a measure covers ("duties for 2026": a start)
    if _COMPARED.search(before[-30:]):
        return None
    tail = before[-80:]
    reporting = (form.name not in _NAMES_AN_ACT and any(w in tail for w in _REPORTING_WORDS)
                 and bool(_REPORTING.search(tail)))
    bound = bool(_BOUND.search(before[-30:])) or (
        form.name not in _SINCE_IS_START and bool(_SINCE.search(before[-10:])))
    if prec == "day" and end is None and not reporting:  # "said on Tuesday" spans no days
        start, end = _lasting(start, before, after)
    if end is not None and (end <= start or (end - start).days > 62):
        end = None
    vague = form.name == "relw" or (form.name in _RELATIVE and bool(_OVER.search(before[-25:])))
    starts = bool(_STARTS_FROM.search(before[-25:])) or low.startswith("from ", at)
    fronted = (at < OPENING_REACH and after.lstrip()[:1] == "," and not _CLAUSE_END.search(before)
               and bool(_OPENING.match(before + " ")))
    return DateMention(start, end, prec, at, reporting, bound, vague, False, starts, fronted,
                       form.name in _NAMES_AN_ACT or after.startswith("'s ")
                       or bool(NAMED_BEFORE.search(before[-8:]) and NAMED_AFTER.match(after)))


def span_days(text: str) -> int:
    """How many days an occasion named in lower-cased `text` ran ("two days of talks", "a
    three-day visit"): 0 when it says none."""
    span = _SPAN_DAYS.search(" " + text)
    return _NUMBER.get(span.group(1), 0) if span else 0


def _lasting(day: date, before: str, after: str) -> tuple[date, date | None]:
    """(start, end) of a day an occasion of several days ends on ("two days of talks ...
    ended on Sunday") or is in its n-th day ("the second day of his state visit ... Tuesday":
    it began on Monday; "the second day of a summit that opened on Monday": Monday), else
    (day, None)."""
    if "day" not in before[-90:] and "day" not in after[:70]:
        return day, None
    nth = _NTH_DAY.search(" " + before[-90:])
    if nth and _BEGAN.search(before[-25:]):  # "the second day of a summit that opened on Monday"
        return day, None
    if nth:
        return day - timedelta(days=_ORDINAL[nth.group(1)] - 1), day
    span = (_SPAN_DAYS.search(" " + before[-90:])
            or _SPAN_DAYS.search(" " + _CLAUSE_END.split(after[:70], maxsplit=1)[0]))
    if not span:
        return day, None
    n = _NUMBER.get(span.group(1).lower(), 1)
    if _BEGAN.search(before[-25:]):  # "two days of meetings that began Friday": its first day
        return day, day + timedelta(days=n - 1)
    return day - timedelta(days=n - 1), day


def utc_day(published: datetime | date) -> date:
    """The UTC date of `published`; its own date when UTC falls outside years 1-9999."""
    if not isinstance(published, datetime):
        return published
    try:
        return published.astimezone(UTC).date()
    except OverflowError:  # 0001-01-01T00:00+01:00 is in year 0 in UTC
        return published.date()
