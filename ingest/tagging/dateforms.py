"""The date forms a sentence may hold, as a registry of small handlers.

In the style of feedparser's date parsers: each form is a pattern and a handler that turns a
match into (start, end, precision), tried in registry order (longest forms first, so the
same text always resolves the same way). A year left out is chosen by the tense around the
date and by proximity to the publication day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
# Across months, "until" starts a bound of its own: "on Nov. 20 until Nov. 27, 2026" is a day
# and the end of what began then, each with its own year ("until" after a day is found as such).
_ACROSS = r"\s*(?:-|–|—|to|through|and)\s*"
_SHIFT = {"last": -1, "past": -1, "next": 1, "coming": 1}  # "this" is 0

Span = tuple[date | None, date | None, str]  # (start, end, precision)
Handler = Callable[[re.Match[str], date, int], Span]  # (match, published, tense) -> span


class DateForm(NamedTuple):
    """One form: its name, its pattern (the first named group names the form), the kind of
    word it starts with, its handler, and whether the tense around it decides its year."""

    name: str
    pattern: str
    starts_with: str  # digit | month | weekday | relative | day | preposition
    handler: Handler
    uses_tense: Callable[[re.Match[str]], bool]


def _month(token: str) -> int:
    key = token.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


_DIGITS = re.compile(r"\d+")


def _day(token: str) -> int:
    """The day number of "13", "13th", "01"."""
    return int(_DIGITS.match(token).group())  # type: ignore[union-attr]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pick_year(m: int, d: int, pub: date, tense: int) -> date | None:
    """Day d of month m in the year before, of, or after `pub`: the next one for the future,
    the last one for the past (two weeks' grace either way), else the nearest."""
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
    if which == "this" or tense > 0:
        return pub + timedelta(days=delta)
    return pub - timedelta(days=(pub.weekday() - wd) % 7)


def _month_start(y: int, m: int) -> date:
    while m > 12:
        y, m = y + 1, m - 12
    while m < 1:
        y, m = y - 1, m + 12
    return date(y, m, 1)


# --- handlers: (match, published, tense) -> (start, end, precision) --------------------------

def _iso(g: re.Match[str], pub: date, tense: int) -> Span:
    return _safe(int(g["iso"]), int(g["iso_m"]), int(g["iso_d"])), None, "day"


def _two_days(m1: str, d1: str, y1: str, m2: str, d2: str, y2: str) -> Handler:
    """A range across months ("October 31 to November 1", "31 October - 1 November 2025")."""
    def handler(g: re.Match[str], pub: date, tense: int) -> Span:
        start = _ymd(g[y1] or g[y2], g[m1], g[d1], pub, tense)
        if start is None:
            return None, None, "day"
        end = _ymd(g[y2] or str(start.year), g[m2], g[d2], pub, tense)
        if end and end < start:
            end = _safe(end.year + 1, end.month, end.day)
        return start, end, "day"
    return handler


def _day_range(month: str, d1: str, d2: str, year: str) -> Handler:
    """A range within one month ("Nov. 22-23", "22-23 November")."""
    def handler(g: re.Match[str], pub: date, tense: int) -> Span:
        start = _ymd(g[year], g[month], g[d1], pub, tense)
        end = _safe(start.year, start.month, _day(g[d2])) if start else None
        return start, end, "day"
    return handler


def _one_day(month: str, day: str, year: str) -> Handler:
    """A day of a month ("Oct. 13", "13 October 2025")."""
    def handler(g: re.Match[str], pub: date, tense: int) -> Span:
        return _ymd(g[year], g[month], g[day], pub, tense), None, "day"
    return handler


def _weekday_range(g: re.Match[str], pub: date, tense: int) -> Span:
    start = _weekday(g["wd1"], pub, tense)
    return start, start + timedelta(days=(WEEKDAYS[g["wd2"].lower()] - start.weekday()) % 7), "day"


def _relative_weekday(g: re.Match[str], pub: date, tense: int) -> Span:
    which, name = g["rel_wd"].split()[0], g.group().split()[-1]  # "next", "friday"
    return _weekday(name, pub, tense, which.lower()), None, "day"


def _weekday_of_week(g: re.Match[str], pub: date, tense: int) -> Span:
    """ "Friday last week", "Monday of next week": that day of the week it names."""
    monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * _SHIFT.get(g["wdw_rel"].lower(), 0))
    return monday + timedelta(days=WEEKDAYS[g["wdw"].lower()]), None, "day"


def _plain_weekday(g: re.Match[str], pub: date, tense: int) -> Span:
    return _weekday(g["wd"], pub, tense), None, "day"


def _month_year(g: re.Match[str], pub: date, tense: int) -> Span:
    return date(int(g["my_y"]), _month(g["my_m"]), 1), None, "month"


def _relative_week(g: re.Match[str], pub: date, tense: int) -> Span:
    """The Monday-to-Sunday week; "this week" is the part after (future) or before (past) `pub`."""
    which = g["relw"].split()[0].lower()
    start = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * _SHIFT.get(which, 0))
    end = start + timedelta(days=6)
    if which == "this" and tense > 0:
        start = max(start, pub)
    if which == "this" and tense < 0:
        end = pub
    return start, end, "day"


def _relative_month(g: re.Match[str], pub: date, tense: int) -> Span:
    """Next or last month from its first day; "this month" from publication, the one day of it
    the text fixes (the act is news now, not from the 1st)."""
    shift = _SHIFT.get(g["relm"].split()[0].lower(), 0)
    return (_month_start(pub.year, pub.month + shift) if shift else pub), None, "month"


def _relative_year(g: re.Match[str], pub: date, tense: int) -> Span:
    """Next or last year from January 1; "this year" from publication, as "this month"."""
    shift = _SHIFT.get(g["rely"].split()[0].lower(), 0)
    return (date(pub.year + shift, 1, 1) if shift else pub), None, "year"


def _relative_day(g: re.Match[str], pub: date, tense: int) -> Span:
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["reld"].lower()]
    return pub + timedelta(days=shift), None, "day"


def _month_alone(g: re.Match[str], pub: date, tense: int) -> Span:
    """A month without a year ("in March"): this year's, or the next or last by tense."""
    m = _month(g["in_m"])
    y = pub.year
    if tense > 0 and m < pub.month:
        y += 1
    elif tense < 0 and m > pub.month or tense == 0 and m - pub.month > 6:
        y -= 1
    elif tense == 0 and pub.month - m > 6:
        y += 1
    return date(y, m, 1), None, "month"


_YEAR_SHIFT = {"last": -1, "next": 1, "this": 0}


def _day_of_relative_year(g: re.Match[str], pub: date, tense: int) -> Span:
    """"Oct. 9 last year", "9 October next year": the day in the year named by its shift."""
    groups = g.groupdict()
    month, day = groups.get("ry_m") or g["ry_m2"], groups.get("ry_d") or g["ry_d2"]
    shift = _YEAR_SHIFT[groups.get("ry_w") or g["ry_w2"]]
    return _safe(pub.year + shift, _month(month), _day(day)), None, "day"


def _month_of_relative_year(g: re.Match[str], pub: date, tense: int) -> Span:
    """"in September last year", "from March next year", "in October of last year"."""
    return date(pub.year + _YEAR_SHIFT[g["rym_w"]], _month(g["rym_m"]), 1), None, "month"


# The nouns of acts a month may name ("the April curbs", "its October export controls").
_ACT_NOUN = (r"(?:curbs?|controls?|bans?|tariffs?|duties|restrictions?|measures?|rules?|"
             r"sanctions?|lev(?:y|ies)|quotas?|deal|agreement|accord|truce|summit|talks|decree|"
             r"order|package|regime|licen[cs]ing|moratorium|suspension|halt|probe|investigation)")


# Any date between an owner or "the" and an act's noun names that act ("its December 2024
# announcement", "the 2023 curbs"): the act's date, not one the sentence's verb is given.
NAMED_BEFORE = re.compile(r"(?:'s|\bits|\bthe|\btheir)\s+$")
NAMED_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:" + _ACT_NOUN + r"|announcements?|notices?|"
                         r"decisions?|orders?)\b")


# An occasion still to come may be named by its month ("December's summit will ...").
_OCCASION = re.compile(r"(?:'s)?\s+(?:[a-z-]+\s+){0,2}?(?:summit|talks|meeting|visit|vote|election)\b")


def _owned_month(g: re.Match[str], pub: date, tense: int) -> Span:
    """"July's curbs", "its October controls": a month naming an act by when it came (forms
    pos_m and att_m), the last such month up to publication (the next one only for an
    occasion in a sentence about the future: "December's summit will ..."; a measure so named
    is one already taken: "Beijing's April licensing will be eased")."""
    m = _month(g["pos_m"] or g["att_m"])
    ahead = tense > 0 and bool(_OCCASION.match(g.string, g.end()))
    y = pub.year + (m < pub.month) if ahead else pub.year - (m > pub.month)
    return date(y, m, 1), None, "month"


def _relative_month_name(g: re.Match[str], pub: date, tense: int) -> Span:
    """"Last August", "next March", "this June": the named month before, after or in the
    publication's year (last: the latest one before this month; next: the first after it)."""
    m, which = _month(g["rel_mn"]), g["rel_mon"].split()[0]
    shift = _SHIFT.get(which, 0)
    y = pub.year - (m >= pub.month) if shift < 0 else pub.year + (m <= pub.month) if shift else pub.year
    return date(y, m, 1), None, "month"


def _weekend(g: re.Match[str], pub: date, tense: int) -> Span:
    """Saturday to Sunday: "last weekend" the latest one over, "this" or "next weekend" the
    coming one (the one under way on a weekend; "next weekend" said from a Friday on, the one
    after it); a bare "weekend" by tense ("talks at the
    weekend" told in the past: the latest, from Saturday)."""
    which = (g.groupdict().get("wkend") or "").strip()
    ahead = which in ("this", "next", "coming") or (not which and tense > 0)
    if ahead:
        sat = pub + timedelta(days=(5 - pub.weekday()) % 7) if pub.weekday() < 5 else (
            pub - timedelta(days=pub.weekday() - 5))
        if which == "next" and pub.weekday() >= 4:  # said from Friday on, the coming one is "this"
            sat += timedelta(days=7)
    else:
        back = (pub.weekday() - 5) % 7
        sat = pub - timedelta(days=back + (7 if which in ("last", "past") and back < 2 else 0))
    return sat, sat + timedelta(days=1), "day"


# "a year ago", "nearly three years ago", "six months ago": counted back from publication.
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
APPROX = (r"(?:nearly|almost|about|around|roughly|some|over|more\s+than|less\s+than|"
          r"just\s+(?:over|under)|under)")
APPROX_FIRST_WORDS = frozenset({"nearly", "almost", "about", "around", "roughly", "some", "over",
                                "more", "less", "just", "under"})
COUNT = r"(?:" + "|".join(COUNTS) + r"|\d{1,2})"  # a count of units: "a", "three", "12"


def counted_back(pub: date, n: int, unit: str, approx: bool) -> Span:
    """The day, month or year `n` units before `pub`: a count of years or months names a month
    (a year by approximation: "nearly three years ago"), of weeks, days or hours a day."""
    if unit in ("week", "day", "hour"):  # "24 hours after": the day before
        days = n // 24 if unit == "hour" else n * (7 if unit == "week" else 1)
        return pub - timedelta(days=days), None, "day"
    months = n * (12 if unit == "year" else 1)
    start = _month_start(pub.year, pub.month - months)
    if approx and unit == "year":
        return date(start.year, 1, 1), None, "year"
    return start, None, "month"


def _ago(g: re.Match[str], pub: date, tense: int) -> Span:
    count, unit = g["ago_n"], g["ago_u"]
    n = COUNTS.get(count) or int(count)
    return counted_back(pub, n, unit, bool(g["ago"].strip()))


def _ago_digits(g: re.Match[str], pub: date, tense: int) -> Span:
    return counted_back(pub, int(g["agod"]), g["agod_u"], False)


def _year(g: re.Match[str], pub: date, tense: int) -> Span:
    return date(int(g["year"]), 1, 1), None, "year"


def _never(g: re.Match[str]) -> bool:
    return False


def _always(g: re.Match[str]) -> bool:
    return True


def _unless_year(*groups: str) -> Callable[[re.Match[str]], bool]:
    """The tense decides the year unless one of `groups` states it."""
    return lambda g: not any(g[k] for k in groups)


# The registry, tried in this order (longest forms first).
FORMS: list[DateForm] = [
    DateForm("iso", rf"(?P<iso>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)",
             "digit", _iso, _never),
    DateForm("m1", rf"(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?{_ACROSS}"
             rf"(?P<m2>{_MON})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y2>{_YEAR}))?",
             "month", _two_days("m1", "d1", "y1", "m2", "d2", "y2"), _unless_year("y1", "y2")),
    DateForm("rd1", rf"(?P<rd1>{_DAY})\s+(?P<rm1>{_MON})(?:\s+(?P<ry1>{_YEAR}))?{_ACROSS}"
             rf"(?P<rd2>{_DAY})\s+(?P<rm2>{_MON})(?:,?\s+(?P<ry2>{_YEAR}))?",
             "digit", _two_days("rm1", "rd1", "ry1", "rm2", "rd2", "ry2"), _unless_year("ry1", "ry2")),
    DateForm("sm", rf"(?P<sm>{_MON})\s+(?P<sd1>{_DAY}){_TO}(?P<sd2>{_DAY})(?:,?\s+(?P<sy>{_YEAR}))?",
             "month", _day_range("sm", "sd1", "sd2", "sy"), _unless_year("sy")),
    DateForm("td1", rf"(?P<td1>{_DAY}){_TO}(?P<td2>{_DAY})\s+(?P<tm>{_MON})(?:,?\s+(?P<ty>{_YEAR}))?",
             "digit", _day_range("tm", "td1", "td2", "ty"), _unless_year("ty")),
    # A month or a day with its year named by a shift: "Oct. 9 last year", "in March next year".
    DateForm("ry_m", rf"(?P<ry_m>{_MON})\s+(?P<ry_d>{_DAY})\s+(?:of\s+)?(?P<ry_w>last|next|this)\s+year",
             "month", _day_of_relative_year, _never),
    DateForm("ry_d2", rf"(?P<ry_d2>{_DAY})\s+(?:of\s+)?(?P<ry_m2>{_MON})\s+(?:of\s+)?"
             r"(?P<ry_w2>last|next|this)\s+year", "digit", _day_of_relative_year, _never),
    DateForm("mm", rf"(?P<mm>{_MON})\s+(?P<md>{_DAY})(?![\d:])(?:,?\s+(?P<my>{_YEAR}))?",
             "month", _one_day("mm", "md", "my"), _unless_year("my")),
    DateForm("dd", rf"(?P<dd>{_DAY})\s+(?:of\s+)?(?P<dm>{_MON})(?:,?\s+(?P<dy>{_YEAR}))?",
             "digit", _one_day("dm", "dd", "dy"), _unless_year("dy")),
    DateForm("wd1", rf"(?P<wd1>{_WD}){_TO}(?P<wd2>{_WD})", "weekday", _weekday_range, _always),
    DateForm("rel_wd", rf"(?P<rel_wd>(?:next|last|this|coming)\s+){_WD}",
             "relative", _relative_weekday, _never),
    DateForm("wdw", rf"(?P<wdw>{_WD})\s+(?:of\s+)?(?P<wdw_rel>last|next|this)\s+week",
             "weekday", _weekday_of_week, _never),
    DateForm("wd", rf"(?P<wd>{_WD})", "weekday", _plain_weekday, _always),
    DateForm("my_m", rf"(?P<my_m>{_MON})\s+(?P<my_y>{_YEAR})", "month", _month_year, _never),
    DateForm("rel_mon", rf"(?P<rel_mon>(?:last|next|past|(?:this|coming)(?!\s+may\b))\s+)"
             rf"(?P<rel_mn>{_MON})(?!\.?\s*\d)", "relative", _relative_month_name, _never),
    DateForm("wkend", r"(?P<wkend>(?:last|this|next|coming|past)\s+)weekend", "relative",
             _weekend, _never),
    DateForm("we", r"(?P<we>weekend)", "preposition", _weekend, _always),
    DateForm("relw", r"(?P<relw>(?:last|this|next|coming|past)\s+week)", "relative",
             _relative_week, lambda g: g["relw"].startswith("this")),
    DateForm("relm", r"(?P<relm>(?:last|this|next|coming|past)\s+month)", "relative",
             _relative_month, _never),
    DateForm("rely", r"(?P<rely>(?:last|this|next|coming|past)\s+year)", "relative",
             _relative_year, _never),
    DateForm("reld", r"(?P<reld>yesterday|today|tomorrow)", "day", _relative_day, _never),
    DateForm("rym_m", r"(?:in|from|since|by|until|through|during|early|mid|late|end\s+of)[-\s]+"
             rf"(?P<rym_m>{_MON})\s+(?:of\s+)?(?P<rym_w>last|next|this)\s+year",
             "preposition", _month_of_relative_year, _never),
    DateForm("in_m", r"(?:in|from|since|by|until|through|during|early|mid|late|end\s+of)[-\s]+"
             rf"(?P<in_m>{_MON})(?!\.?\s*\d)", "preposition", _month_alone, _always),
    # "July's curbs": a month owning an act (not "May's", a name as often as a month).
    DateForm("pos_m", r"(?P<pos_m>january|february|march|april|june|july|august|september|"
             r"october|november|december)'s", "month", _owned_month, _always),
    # "Beijing's April export curbs", "its October controls": a month between an owner or
    # "the" and an act's noun names the act by when it came (not "May": a modal as often;
    # not after a verb ending like the owner: "admits April curbs").
    DateForm("att_m", r"(?:(?<='s )|(?<=\bits )|(?<=\bthe )|(?<=\btheir ))(?P<att_m>january|february|march|april|june|july|august|september|"
             r"october|november|december)(?=\s+(?:[a-z-]+\s+){0,2}?" + _ACT_NOUN + r"\b)",
             "month", _owned_month, _always),
    DateForm("ago", rf"(?P<ago>(?:{APPROX}\s+)?)(?P<ago_n>{COUNT})\s+(?P<ago_u>year|month|week|day)s?"
             r"\s+ago", "count", _ago, _never),
    DateForm("agod", r"(?P<agod>\d{1,2})\s+(?P<agod_u>year|month|week|day)s?\s+ago", "digit",
             _ago_digits, _never),
    DateForm("year", rf"(?:in|from|since|by|until|during|for|end\s+of|early|mid|late)[-\s]+"
             rf"(?P<year>{_YEAR})(?![-\d/])",
             "preposition", _year, _never),
]
