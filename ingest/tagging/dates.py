"""Find date expressions in a sentence and resolve them against the publication date.

Handles explicit dates ("Oct. 13", "13 October", "Dec. 1, 2023", "2025-10-13"), ranges
("October 31 to November 1", "22-23 November", "from Friday to Sunday"), months and years
("November 2026", "in 2026", "next month"), weekdays ("on Tuesday") and relative weeks
("last week", "this week"). A year left out is chosen by tense and proximity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_TO = r"\s*(?:-|–|—|to|until|till|through|and)\s*"

# One alternation; the named group that matched says which form it is. Longest forms first.
# Every form starts with a digit or one of these words: a cheap look-ahead skips all other
# positions before the alternation is tried.
_STARTS = (r"(?=\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
           r"next|last|this|coming|past|yesterday|today|tomorrow|in\b|from|since|by\b|until|"
           r"through|during|early|mid|late|end\b|for\b)")
# The same starts as whole words: a month or a relative word, then a space or a full stop;
# a weekday name (maybe run into "to": "monday-friday"); or a digit.
_START_WORDS = frozenset(MONTHS) | frozenset({
    "next", "last", "this", "coming", "past", "yesterday", "today", "tomorrow", "in", "from",
    "since", "by", "until", "through", "during", "early", "mid", "late", "end", "for"})
_WEEKDAY_NAMES = tuple(WEEKDAYS)


def may_start_date(word: str) -> bool:
    """Whether a date expression may begin at this lower-cased word (a whole `\\w+` run)."""
    return word[:1].isdecimal() or word in _START_WORDS or word.startswith(_WEEKDAY_NAMES)


# The forms, longest first; the named group that matched says which form it is (the first
# group of each form names it). Every form starts with a digit or a word in _START_WORDS.
_FORMS = [
    ("iso", rf"(?P<iso>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"),
    ("m1", rf"(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?{_TO}(?P<m2>{_MON})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y2>{_YEAR}))?"),
    ("rd1", rf"(?P<rd1>{_DAY})\s+(?P<rm1>{_MON})(?:\s+(?P<ry1>{_YEAR}))?{_TO}(?P<rd2>{_DAY})\s+(?P<rm2>{_MON})(?:,?\s+(?P<ry2>{_YEAR}))?"),
    ("sm", rf"(?P<sm>{_MON})\s+(?P<sd1>{_DAY}){_TO}(?P<sd2>{_DAY})(?:,?\s+(?P<sy>{_YEAR}))?"),
    ("td1", rf"(?P<td1>{_DAY}){_TO}(?P<td2>{_DAY})\s+(?P<tm>{_MON})(?:,?\s+(?P<ty>{_YEAR}))?"),
    ("mm", rf"(?P<mm>{_MON})\s+(?P<md>{_DAY})(?![\d:])(?:,?\s+(?P<my>{_YEAR}))?"),
    ("dd", rf"(?P<dd>{_DAY})\s+(?:of\s+)?(?P<dm>{_MON})(?:,?\s+(?P<dy>{_YEAR}))?"),
    ("wd1", rf"(?P<wd1>{_WD}){_TO}(?P<wd2>{_WD})"),
    ("rel_wd", rf"(?P<rel_wd>(?:next|last|this|coming)\s+){_WD}"),
    ("wd", rf"(?P<wd>{_WD})(?!\s*['’]s)"),
    ("my_m", rf"(?P<my_m>{_MON})\s+(?P<my_y>{_YEAR})"),
    ("relw", r"(?P<relw>(?:last|this|next|coming|past)\s+week)"),
    ("relm", r"(?P<relm>(?:last|this|next|coming|past)\s+month)"),
    ("rely", r"(?P<rely>(?:last|this|next|coming|past)\s+year)"),
    ("reld", r"(?P<reld>yesterday|today|tomorrow)"),
    ("in_m", rf"(?:in|from|since|by|until|through|during|early|mid|late|end\s+of)[-\s]+(?P<in_m>{_MON})(?!\.?\s*\d)"),
    ("year", rf"(?:in|from|since|by|until|during|for)\s+(?P<year>{_YEAR})(?![-\d/])"),
]


def _forms_re(names: tuple[str, ...], guard: str = "") -> re.Pattern[str]:
    r"""The named forms as one alternation (in _FORMS order), matched on " " + lower-cased text:
    the leading [^\w-] stands for "no word character or hyphen before", and, being a
    character class, lets the regex engine skip over words."""
    body = "|".join(f for n, f in _FORMS if n in names)
    return re.compile(rf"[^\w-]{guard}(?:{body})(?![\w])")  # lower-cased text: no re.I needed


# Scanning a whole sentence: every form, behind a cheap look-ahead for the words they start with.
_DATE_RE = _forms_re(tuple(n for n, _f in _FORMS), _STARTS)
# Trying at one word: only the forms that can start with that kind of word (same order, so the
# same form wins as in the whole alternation).
_BY_KIND = {
    "digit": _forms_re(("iso", "rd1", "td1", "dd")),
    "month": _forms_re(("m1", "sm", "mm", "my_m")),
    "weekday": _forms_re(("wd1", "wd")),
    "relative": _forms_re(("rel_wd", "relw", "relm", "rely")),
    "day": _forms_re(("reld",)),
    "preposition": _forms_re(("in_m", "year")),
}
# Which form a match is: the form owning its last group (forms never nest named groups).
_FORM_OF = {g: name for name, f in _FORMS for g in re.findall(r"\(\?P<(\w+)>", f)}
# Forms that resolve without the tense, and the groups that, when set, state a form's year.
_NO_TENSE = frozenset({"iso", "my_m", "relm", "rely", "reld", "year", "rel_wd"})
_YEAR_GROUPS = {"m1": ("y1", "y2"), "rd1": ("ry1", "ry2"), "sm": ("sy",), "td1": ("ty",),
                "mm": ("my",), "dd": ("dy",)}


class _ByWord(dict[str, re.Pattern[str]]):
    """Word → the regex of the forms that may start with it (worked out once per word)."""

    def __missing__(self, word: str) -> re.Pattern[str]:
        rx = _BY_KIND[_kind(word)]
        if len(self) < 50_000:
            self[word] = rx
        return rx


_by_word = _ByWord()


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
    return "preposition"


# The cue patterns below run on " " + lower-cased text: a leading \W (instead of \b) is a
# character class, which lets the regex engine skip whole words between tries.

# Tense cues near a date decide which year (or which weekday occurrence) it means.
_FUTURE = re.compile(
    r"\W(?:will|shall|would|to be held|scheduled|set to|due to|due|expected|plans?|planned|upcoming|"
    r"next|is to|are to|later|from|starting|takes? effect|take effect|effective|until|through|"
    r"ahead|coming|deadline|expires?)\b")
_PAST = re.compile(
    r"\W(?:said|was|were|had|has|have|was held|were held|met|announced|took|imposed|signed|last|ago|earlier|"
    r"since|began|started|unveiled|issued|published|introduced|agreed|reached|spoke|"
    r"ended|concluded|came)\b")
# "two days of talks", "a three-day visit": how long the occasion ran.
_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_SPAN_DAYS = re.compile(r"\W(two|three|four|five|[2-5])(?:[- ]days? of|-day|-days-long)\b")
# A regular past-tense verb ("reached", "approved") when no stronger cue is near.
_WEAK_PAST = re.compile(
    r"\W(?!(?:scheduled|expected|planned|proposed|intended|based|owned|listed|related|"
    r"needed|used|red|bed|shed|speed|feed|seed|need|indeed|united)\b)[a-z]{3,}ed\b")
# "said on Oct. 13": the day something was said, not when the event happens.
# (The words are also tested on their own, a cheap test before the regex search.)
_REPORTING_WORDS = ("said", "says", "told", "tells", "stated", "added", "wrote", "posted",
                    "according to", "statement", "notice", "announcement")
_REPORTING = re.compile(
    "(?:" + "|".join(w + r" \S+" if w == "according to" else w for w in _REPORTING_WORDS)
    + r")(?:\s+\w+){0,4}\s*(?:on\s+|late\s+|early\s+|dated\s+)?$")
_BOUND = re.compile(r"(?:until|till|through|to|expire[sd]?|expiring|lapses?|runs? out|deadline)\s+(?:on\s+)?$")
# "since 2019", "first ... since": a reference point, not when the event happens.
_SINCE = re.compile(r"since\s+$")


class DateMention(NamedTuple):  # a tuple: made by the dozen per article, and cheap to make
    """A resolved date in a sentence: start, optional end, precision, where it was."""

    start: date
    end: date | None
    precision: str  # day | month | year
    pos: int
    reporting: bool = False  # "said on Oct. 13": when it was said, not when it happens
    bound: bool = False  # "until Nov. 10", "expires on": the end of a period, not its start
    vague: bool = False  # "this week", "last month": a window, not a stated date


def _month(token: str) -> int:
    key = token.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


_LEADING_DIGITS = re.compile(r"\d+")
_CLAUSE_END = re.compile(r"[.,;]")


def _day(token: str) -> int:
    return int(_LEADING_DIGITS.match(token).group())  # type: ignore[union-attr]


def _tense(before: str, after: str) -> int:
    """+1 future, -1 past, 0 unknown, from the words around the mention (nearest wins).

    `before` and `after` are lower-cased.
    """
    near = " " + before[-80:]
    f = [m.end() for m in _FUTURE.finditer(near)]
    p = [m.end() for m in _PAST.finditer(near)]
    if f or p:
        return 1 if (max(f, default=-1) > max(p, default=-1)) else -1
    ahead = " " + after[:60]
    fa, pa = _FUTURE.search(ahead), _PAST.search(ahead)
    if fa or pa:
        return 1 if (fa and (not pa or fa.start() < pa.start())) else -1
    if _WEAK_PAST.search(near):
        return -1
    return 0


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pick_year(m: int, d: int, pub: date, tense: int) -> date | None:
    cands = [x for x in (_safe(pub.year + k, m, d) for k in (-1, 0, 1)) if x]
    if not cands:
        return None
    if tense > 0:
        fut = [c for c in cands if c >= pub - timedelta(days=14)]
        return min(fut) if fut else max(cands)
    if tense < 0:
        past = [c for c in cands if c <= pub + timedelta(days=14)]
        return max(past) if past else min(cands)
    return min(cands, key=lambda c: abs((c - pub).days))


def _ymd(y: str | None, m: str, d: str, pub: date, tense: int) -> date | None:
    if y:
        return _safe(int(y), _month(m), _day(d))
    return _pick_year(_month(m), _day(d), pub, tense)


def _weekday(name: str, pub: date, tense: int, which: str = "") -> date:
    wd = WEEKDAYS[name.lower()]
    delta = (wd - pub.weekday()) % 7
    if which in ("next", "coming"):
        return pub + timedelta(days=delta or 7)
    if which == "last":
        return pub - timedelta(days=((pub.weekday() - wd) % 7) or 7)
    if which == "this":
        return pub + timedelta(days=delta)
    if tense > 0:
        return pub + timedelta(days=delta)
    return pub - timedelta(days=(pub.weekday() - wd) % 7)


def _month_start(y: int, m: int) -> date:
    while m > 12:
        y, m = y + 1, m - 12
    while m < 1:
        y, m = y - 1, m + 12
    return date(y, m, 1)


def find_dates(sentence: str, published: date, low: str | None = None,
               starts: list[tuple[int, str]] | None = None) -> list[DateMention]:
    """Every date expression in `sentence`, resolved against `published`.

    `low` is the sentence lower-cased with offsets kept, and `starts` the (start, word) of its
    words passing `may_start_date`, when the caller has them (otherwise the sentence is scanned).
    """
    out: list[DateMention] = []
    if low is None:
        low = sentence.lower()
        if len(low) != len(sentence):
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    padded = " " + low
    if starts is None:
        found: Iterable[re.Match[str]] = _DATE_RE.finditer(padded)
    else:  # try only at word starts (padded[p] is the character before the word)
        found = []
        last = 0
        for p, word in starts:
            if p >= last and (mt := _by_word[word].match(padded, p)):
                last = mt.end()
                found.append(mt)
    for mt in found:
        try:
            mention = _mention(mt, low, published)
        except (OverflowError, ValueError):  # a date before year 1 or after 9999: none to keep
            continue
        if mention is not None:
            out.append(mention)
    return out


def _mention(g: re.Match[str], low: str, published: date) -> DateMention | None:
    """One date expression (`g`, its groups by name), resolved; None when it is not kept."""
    form = _FORM_OF[g.lastgroup or ""]
    at, stop = g.start(), g.end() - 1  # in `low`: the match includes the character before
    before, after = low[:at], low[stop:]
    if form in _NO_TENSE or (form == "relw" and not g["relw"].startswith("this")) or (
            form in _YEAR_GROUPS and any(g[k] for k in _YEAR_GROUPS[form])):
        tense = 0  # a form that states its year, or resolves without one: tense unused
    else:
        tense = _tense(before, after)
    tail = before[-80:]
    reporting = any(w in tail for w in _REPORTING_WORDS) and bool(_REPORTING.search(tail))
    bound = bool(_BOUND.search(before[-30:]))
    if form not in ("year", "mm", "dd") and "since" in before[-10:] and _SINCE.search(before[-10:]):
        bound = True
    start, end, prec = (_stated(form, g, published, tense) if form in _STATED_FORMS
                        else _relative(form, g, low, at, stop, published, tense))
    if start is None:
        return None
    span = None
    if prec == "day" and end is None and ("day" in before[-90:] or "day" in after[:70]):
        span = (_SPAN_DAYS.search(" " + before[-90:])
                or _SPAN_DAYS.search(" " + _CLAUSE_END.split(after[:70], maxsplit=1)[0]))
    if span:
        # "two days of talks ... ended on Sunday": the span ends on the stated day.
        n = _NUMBER.get(span.group(1).lower(), 1)
        start, end = start - timedelta(days=n - 1), start
    if end is not None and (end <= start or (end - start).days > 62):
        end = None
    if form == "year" and low.startswith("since", at):
        return None  # "the first talks since 2019": a reference point
    vague = form == "relw"
    return tuple.__new__(DateMention, (start, end, prec, at, reporting, bound, vague))


# Forms that state a day and month (and maybe a year), read by _stated; the others by _relative.
_STATED_FORMS = frozenset({"iso", "m1", "rd1", "sm", "td1", "mm", "dd"})


def _stated(form: str, g: re.Match[str], published: date,
            tense: int) -> tuple[date | None, date | None, str]:
    """(start, end, precision) of a form that states a day and month."""
    start: date | None = None
    end: date | None = None
    if form == "iso":
        start = _safe(int(g["iso"]), int(g["iso_m"]), int(g["iso_d"]))
    elif form == "m1":
        start = _ymd(g["y1"] or g["y2"], g["m1"], g["d1"], published, tense)
        if start:
            end = _ymd(g["y2"] or str(start.year), g["m2"], g["d2"], published, tense)
            if end and end < start:
                end = _safe(end.year + 1, end.month, end.day)
    elif form == "rd1":
        start = _ymd(g["ry1"] or g["ry2"], g["rm1"], g["rd1"], published, tense)
        if start:
            end = _ymd(g["ry2"] or str(start.year), g["rm2"], g["rd2"], published, tense)
            if end and end < start:
                end = _safe(end.year + 1, end.month, end.day)
    elif form == "sm":
        start = _ymd(g["sy"], g["sm"], g["sd1"], published, tense)
        if start:
            end = _safe(start.year, start.month, _day(g["sd2"]))
    elif form == "td1":
        start = _ymd(g["ty"], g["tm"], g["td1"], published, tense)
        if start:
            end = _safe(start.year, start.month, _day(g["td2"]))
    elif form == "mm":
        start = _ymd(g["my"], g["mm"], g["md"], published, tense)
    elif form == "dd":
        start = _ymd(g["dy"], g["dm"], g["dd"], published, tense)
    return start, end, "day"


def _relative(form: str, g: re.Match[str], low: str, at: int, stop: int, published: date,
              tense: int) -> tuple[date | None, date | None, str]:
    """(start, end, precision) of a weekday, a relative date, a month or a year."""
    start: date | None = None
    end: date | None = None
    prec = "day"
    if form == "wd1":
        start = _weekday(g["wd1"], published, tense)
        end = start + timedelta(days=(WEEKDAYS[g["wd2"].lower()] - start.weekday()) % 7)
    elif form == "rel_wd":
        which = g["rel_wd"].split()[0].lower()
        name = low[at:stop].split()[-1]
        start = _weekday(name, published, tense, which)
    elif form == "wd":
        start = _weekday(g["wd"], published, tense)
    elif form == "my_m":
        start, prec = date(int(g["my_y"]), _month(g["my_m"]), 1), "month"
    elif form == "relw":
        which = g["relw"].split()[0].lower()
        monday = published - timedelta(days=published.weekday())
        shift = {"last": -7, "past": -7, "next": 7, "coming": 7}.get(which, 0)
        start = monday + timedelta(days=shift)
        end = start + timedelta(days=6)
        if which == "this":
            start = max(start, published) if tense > 0 else start
            if tense < 0:
                end = published
    elif form == "relm":
        which = g["relm"].split()[0].lower()
        shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
        start, prec = _month_start(published.year, published.month + shift), "month"
    elif form == "rely":
        which = g["rely"].split()[0].lower()
        shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
        start, prec = date(published.year + shift, 1, 1), "year"
    elif form == "reld":
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["reld"].lower()]
        start = published + timedelta(days=shift)
    elif form == "in_m":
        m = _month(g["in_m"])
        y = published.year
        if tense > 0 and m < published.month:
            y += 1
        elif tense < 0 and m > published.month or tense == 0 and m - published.month > 6:
            y -= 1
        elif tense == 0 and published.month - m > 6:
            y += 1
        start, prec = date(y, m, 1), "month"
    elif form == "year":
        start, prec = date(int(g["year"]), 1, 1), "year"
    return start, end, prec
