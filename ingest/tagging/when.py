"""When an event happens: which of the dates in and around its sentence is its own.

A sentence may hold several dates ("said on Friday that the ban, from Dec. 1, runs until
2026"); the one in the trigger's own clause wins, then the day it was announced, then any other
stated date. A sentence with none may borrow one from a neighbour about the same act; with
none at all, the event takes the publication date.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import MAXYEAR, date, timedelta
from typing import NamedTuple

from .article import Article
from .dateforms import APPROX, COUNT, COUNTS, counted_back
from .dates import OPENING_REACH, DateMention, span_days
from .leads import meeting_date
from .owners import claim_own, names_another, owned_dates
from .sentences import ANAPHOR
from .whose import starts_after_a_while

# A pause for a stated time: "put on hold for one year", "suspended for 90 days".
_HELD_FOR = re.compile(
    r"\b(?:on hold|suspen\w*|paus\w*|defer\w*|delay\w*|postpon\w*|freez\w*|froze|truce|"
    r"extend\w*)(?:\s+\S+){0,6}?\s+for\s+(?:a|an|one|two|three|four|five|six|nine|twelve|"
    r"eighteen|\d{1,3})\s+(?:year|month|week|day)s?\b")
_AMOUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "nine": 9, "twelve": 12, "eighteen": 18}
# A date right after an earlier act's verb ("the curbs it unveiled on Oct. 9") dates that act.
_EARLIER_ACT = re.compile(r"\b(?:unveiled|announced|imposed|introduced|issued|adopted|published|placed)\s+(?:on\s+|in\s+)?$")
# Words saying a sentence is about what comes next, not about the day before it.
_FUTURE_CUE = re.compile(r"\W(?:will|plans? to|expected to|next|upcoming|later this)\b")
# A year naming the act it modifies: "the 2015 nuclear deal", "under a 2015 free trade
# agreement", "breaches of the 2008 agreement".
_NAMING_YEAR = re.compile(r"\b(?:the|a) ((?:19|20)\d\d)(?:\s+[\w-]+){0,3}\s+$")
# The same inside a trigger that ends with the act's noun ("breaches of the 2008 agreement").
_NAMING_YEAR_IN = re.compile(r"\b(?:the|a) ((?:19|20)\d\d)(?:\s+[\w-]+){1,4}$")


def naming_year(low: str, lo: int, t0: int, t1: int) -> DateMention | None:
    """The year in the trigger's own noun phrase ("the 2015 Iran nuclear deal": the deal's
    year), from [lo, t0) of the lower-cased text or inside the trigger [t0, t1); None without
    one."""
    m = _NAMING_YEAR.search(low, max(lo, t0 - 50), t0) or _NAMING_YEAR_IN.search(low, t0, t1)
    if m is None:
        return None
    return DateMention(date(int(m.group(1)), 1, 1), None, "year", m.start(1) - lo)


# A month or weekday after the opener: a time ("banned since January 2020"), not "Monday's talks".
_TIME_WORD = (r"(?:(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.|(?:january|february|march|april|may|june|"
              r"july|august|september|october|november|december|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?!'s|\w))")
# Words opening a clause about an earlier act, the background of the news: "weeks after
# Beijing widened its curbs", "following the leaders' meeting", "since China imposed curbs".
_ANTERIOR = (r"(?:after|following|followed(?!\s+by\b)|since|in the wake of|on the heels of|in response to|"
             r"in retaliation for|in reaction to)\s+(?!\d|" + _TIME_WORD + r")")
_OPENS_CLAUSE = re.compile(r"[,;:]?\s*" + _ANTERIOR)
_OPENS_SENTENCE = re.compile(
    rf"[\"“]?((?:(?:{APPROX}\s+)?{COUNT}\s+(?:year|month|week|day)s?|days|weeks|months|years|long)"
    r"\s+)?" + _ANTERIOR)
_INSIDE = re.compile(r"(?<!the )\b" + _ANTERIOR + r"[^,;:]*$")
# Before the opener: a stated gap ("weeks after", "a month after"): not the main clause's day.
_GAP = re.compile(r"\b(?:days|weeks|months|years|decades|long|a (?:day|week|month|year))\s*$")
# A counted gap: "one year after the CHIPS Act", "nearly a year since the law passed"; not a
# stated length ("cut tariffs for 90 days after talks", "within two weeks after").
_COUNTED = re.compile(r"(?<!\bfor )(?<!\bwithin )(?<!\bin )(?<!\bup to )(?<!\bover )(?<!\bfirst )"
                      rf"(?<!\blast )(?<!\bnext )\b(?P<approx>{APPROX}\s+)?(?P<n>{COUNT})"
                      r"\s+(?P<unit>year|month|week|day|hour)s?\s*$")


class Background(NamedTuple):
    """A trigger inside a clause about an earlier act: that clause's [start, end) in the
    sentence and whether a gap to the news is stated ("weeks after")."""

    start: int
    end: int
    gap: bool
    counted: tuple[int, str, bool] | None = None  # (n, unit, approximate): "one year after"
    days: int = 0  # how long the earlier occasion ran: "after two days of talks" (span_days)
    outcome: bool = False  # an inquiry's finding that led to the news ("after a probe found")


def background(sent: str, lo: int, hi: int, trig: int) -> Background | None:
    """The background clause holding the trigger at `trig` of the lower-cased sentence `sent`
    (its own clause [lo, hi)): a clause opened by "after", "following", "since" ..., or one such
    opening the sentence, up to its first comma ("After China imposed curbs, Japan ...", "Two
    years after ..., Harare has now ...": the act after the comma is the news).
    None when the trigger is in a clause of the news itself."""
    fronted = _OPENS_SENTENCE.match(sent)
    if fronted and "," not in sent[fronted.end(): trig]:
        comma = sent.find(",", trig)
        return _with_gap(fronted.group(1) or "", sent, 0, min(hi, comma) if comma > 0 else hi)
    if lo > 0 and _OPENS_CLAUSE.match(sent, lo) and not (fronted and lo < fronted.end()) and (
            news_clause_start(sent, lo, trig) == lo):  # not "..., after the invasion, as part of sanctions"
        return _with_gap(sent[:lo], sent, lo, hi)
    if m := _INSIDE.search(sent, lo, trig):
        return _with_gap(sent[:m.start()], sent, m.start(), hi)
    return None


def _with_gap(before: str, sent: str, lo: int, hi: int) -> Background:
    """The background clause [lo, hi) of `sent` with the gap stated at the end of `before`,
    if any, and how many days the occasion it names ran."""
    before = before[-30:]
    c = _COUNTED.search(before)
    count = (COUNTS.get(c["n"]) or int(c["n"]), c["unit"], bool(c["approx"])) if c else None
    return Background(lo, hi, count is not None or bool(_GAP.search(before)), count,
                      span_days(sent[lo:hi]), bool(_OUTCOME.search(sent, lo, hi)))


# An inquiry's finding: it is made known with the decision it led to ("chose not to impose
# duties on Wednesday after a Commerce probe found that ...").
_OUTCOME = re.compile(r"\b(?:probe|investigation|review|inquiry)\b[^,;:]{0,40}?\b(?:found|concluded|"
                      r"determined|ruled)\b")


_OPENER = re.compile(r"(?<!the )\b" + _ANTERIOR)


def news_clause_start(sent: str, lo: int, trig: int) -> int:
    """Where the news clause of the trigger at `trig` starts when its clause [lo, ...) opens
    with a background phrase closed by a comma before it ("..., a year after Moscow's
    invasion of Ukraine, as part of new sanctions": the sanctions' clause starts after it)."""
    m = _OPENS_CLAUSE.match(sent, lo) if lo > 0 else None
    comma = sent.rfind(",", m.end(), trig) if m else -1
    return comma + 1 if comma >= 0 else lo


def news_clause(sent: str, clause: tuple[int, int], trig: int, t1: int) -> tuple[int, int]:
    """The news clause of a trigger at trig..t1 in its clause of the lower-cased sentence: less
    a background phrase that opens it (news_clause_start) or follows it (news_clause_end)."""
    return news_clause_start(sent, clause[0], trig), news_clause_end(sent, t1, clause[1])


def news_clause_end(sent: str, t1: int, hi: int) -> int:
    """Where the clause of a trigger ending at t1 (in the lower-cased sentence) stops: before
    a background clause after it ("raised tariffs on US soybeans in retaliation for US tariffs
    on Chinese steel": the countries after "in retaliation for" are the earlier act's)."""
    m = _OPENER.search(sent, t1, hi)
    return m.start() if m else hi


def background_date(mentions: list[DateMention], lo: int, hi: int, trig: int,
                    bg: Background, pub: date, kind: str) -> DateMention | None:
    """The date of an earlier act referred to in its clause [lo, hi): one stated there, else,
    for a meeting with no stated gap, a past day of the sentence's news it led up to ("agreed
    on Tuesday after two days of talks": Monday to Tuesday; with a stated length, the day it
    was said: "After two days of talks, negotiators said on Tuesday"), and so for an inquiry's
    finding ("decided on Wednesday after a probe found"); else none (the text gives none: "raised tariffs on
    Monday in retaliation for US tariffs" says nothing of when the US acted)."""
    stated = [d for d in mentions if not d.reporting and not d.bound]
    own = [d for d in stated if lo <= d.pos < hi]
    if own:
        return min(own, key=lambda d: (d.vague, abs(d.pos - trig)))
    if bg.counted:  # "one year after the CHIPS Act": a year before the news
        start, _end, precision = counted_back(_news_day(mentions, lo, hi, pub), *bg.counted)
        return DateMention(start or pub, None, precision, bg.start)
    if bg.gap or (kind != "meeting" and not bg.outcome):
        return None
    past = [d for d in stated if not d.vague and (d.end or d.start) <= pub] or [
        d for d in mentions if bg.days and d.reporting and d.precision == "day" and d.start <= pub]
    if not past:
        return None
    day = min(past, key=lambda d: abs(d.pos - trig))
    if bg.days > 1 and day.end is None and day.precision == "day":  # it ran up to that day
        return day._replace(start=day.start - timedelta(days=bg.days - 1), end=day.start)
    return day


def _news_day(mentions: list[DateMention], lo: int, hi: int, pub: date) -> date:
    """The day of the news a counted gap is told from ("said on Tuesday ..., a day after
    Washington widened its curbs": Monday): the first past day stated outside the background
    clause [lo, hi) (the day said, too), else publication."""
    return next((d.start for d in mentions if not lo <= d.pos < hi and d.precision == "day"
                 and not d.vague and not d.bound and d.start <= pub), pub)


class When(NamedTuple):
    """An event's dates as stored: start, optional end, precision, and where they came from."""

    start: date
    end: date | None
    precision: str  # day | month | year
    source: str  # text | published


def choose_date(mentions: list[DateMention], lo: int, hi: int, kind: str,
                trig: int, claimed: tuple[tuple[int, int], ...] = ()) -> DateMention | None:
    """The date the event happens, preferring the trigger's own clause [lo, hi).

    Order: the date the trigger's own noun is given ("duties the EU imposed in July"); a stated
    date in the trigger's clause (the nearest; a vague one last); for all but
    meetings, the date it was announced ("said on Friday"); any other stated date outside the
    `claimed` clauses, those of the sentence's other triggers: a date belongs to the act of its
    own clause ("signed MoUs, and a framework deal is to be signed on Tuesday"), unless it
    opens the sentence ("After talks on Thursday, X said ..., while Y would ...": of all of it).
    """
    if not mentions:
        return None
    stated = [d for d in mentions if not d.reporting and not d.bound]
    by_noun = [d for d in mentions if d.claimed]
    if by_noun:
        return by_noun[0]
    own = [d for d in stated if lo <= d.pos < hi]
    if own:
        return min(own, key=lambda d: (d.vague, abs(d.pos - trig)))
    reported = [d for d in mentions if d.reporting]
    if reported and kind != "meeting":
        return reported[0]
    others = [d for d in stated if not d.vague and not (d.start_told and d.pos < lo and kind != "meeting")
              and (d.fronted or not any(a <= d.pos < b for a, b in claimed))]
    if others:
        return min(others, key=lambda d: abs(d.pos - trig))
    return None


def until(mentions: list[DateMention], lo: int, hi: int) -> DateMention | None:
    """An end date in the trigger's clause [lo, hi) ("suspended until Nov. 10, 2026")."""
    bounds = [d for d in mentions if d.bound and lo <= d.pos < hi]
    return bounds[0] if bounds else None


def borrowed_date(si: int, art: Article, with_trigger: set[int], kind: str) -> DateMention | None:
    """A date from a neighbouring sentence that is about the same act (of `kind`), or for a
    meeting, from another sentence naming a meeting with one date (meeting_date).

    "The sanctions target..." (an anaphor) takes the previous sentence's date; a next
    sentence with no trigger of its own ("The decree, dated July 6, ...") lends its date; an
    undated sentence right after one that fixes a single past day happened that day (a
    paragraph keeps to one occasion).
    """
    own = _neighbour_date(si, art, with_trigger)
    return own or (meeting_date(si, art) if kind == "meeting" else None)


def _neighbour_date(si: int, art: Article, with_trigger: set[int]) -> DateMention | None:
    """borrowed_date's date from a neighbour about the same act."""
    sentences, dates_of, pub = art.sentences, art.dates, art.pub
    if si > 1 and ANAPHOR.match(sentences[si].text):
        back = si - 1 if dates_of(si - 1) or si == 2 else si - 2  # past one undated sentence
        prev = [d for d in dates_of(back) if not d.reporting]
        if prev:
            return prev[0]
    nxt = si + 1
    if nxt < len(sentences) and nxt not in with_trigger and ANAPHOR.match(sentences[nxt].text):
        ds = [d for d in dates_of(nxt) if not d.reporting and not d.vague]
        if ds:
            return ds[0]
    if si > 1 and not dates_of(si):
        prev = [d for d in dates_of(si - 1)
                if d.precision == "day" and not d.vague and not d.bound and d.start <= pub]
        if len(prev) == 1 and not _FUTURE_CUE.search(" " + sentences[si].text.lower()):
            return prev[0]
    return None


def made_known(when: DateMention | None, mentions: list[DateMention], kind: str,
               pub: date) -> DateMention | None:
    """The date an act is stored under when `when` is one of two starts still to come in its
    sentence ("said on Monday it would levy a surtax on cars from Oct. 1 and on steel from
    Oct. 15"): the day it was said, else none (the publication day). One announcement of
    measures that start on different days is dated by the day it was made; a single start
    ("from Oct. 1") stays the act's date. A meeting's days ("from Tuesday to Thursday") are
    its own."""
    if when is None or kind == "meeting" or not when.start_told or when.start <= pub:
        return when
    said = [d for d in mentions if d.reporting and d.start <= pub]
    if when.precision != "day" and said:
        return said[0]
    if not any(d.start_told and d.start > pub and d.start != when.start for d in mentions):
        return when
    return said[0] if said else None


def event_when(when: DateMention | None, mentions: list[DateMention], lo: int, hi: int,
               pub: date, undated: str, kind: str) -> When:
    """The stored dates of an event of `kind` dated `when` (None: the publication day, its
    source `undated`: "published", or "background" for an earlier act the text gives no date
    for); of two starts to come, the day the act was said (made_known).

    With no end of its own, an "until" date in the trigger's clause ends the period a
    suspension or truce runs.
    """
    when = made_known(when, mentions, kind, pub)
    if when is None:
        start, end, precision, source = pub, None, "day", undated
    else:
        start, end, precision, source = when.start, when.end, when.precision, "text"
    if end is None and mentions:
        bound = until(mentions, lo, hi)
        if bound is not None and bound.start > start:
            end = bound.start
    return When(start, end, precision, source)


def held_for(sent_low: str, when: DateMention | None, mentions: list[DateMention],
             pub: date) -> tuple[date, date] | None:
    """(start, end) of a pause for a stated time in the sentence ("put on hold for one year"):
    it starts on the event's date; when that date is an earlier act's ("the restrictions it
    unveiled on Oct. 9 ... put on hold"), on the day it was said, else on publication. None
    without such a pause."""
    m = _HELD_FOR.search(sent_low)
    if m is None:
        return None
    words = m.group().split()
    n, unit = _AMOUNT.get(words[-2], 0) or int(words[-2]), words[-1].rstrip("s")
    said = [d.start for d in mentions if d.reporting]
    start = said[0] if said else pub
    if when is not None and not _EARLIER_ACT.search(sent_low[max(0, when.pos - 25): when.pos]):
        start = when.start
    if unit in ("year", "month"):
        months = n * 12 if unit == "year" else n
        y, mo = divmod(start.month - 1 + months, 12)
        year, month = start.year + y, mo + 1
        if year > MAXYEAR:
            return None
        return start, date(year, month, min(start.day, monthrange(year, month)[1]))
    days = n * 7 if unit == "week" else n
    return (start, start + timedelta(days=days)) if date.max - start > timedelta(days=days) else None


# Before another occasion: "ahead of the G7 meeting", "on the eve of a summit", "upcoming".
_BEFORE_ANOTHER = re.compile(r"(?:ahead of|(?:on )?(?:the )?eve of|upcoming)\b")
_ANOTHER_WORDS = ("ahead of", "eve of", "upcoming")  # one in each of its alternatives


def before_another(mentions: list[DateMention], low: str, s0: int, t1: int, c1: int,
                   pub: date) -> list[DateMention]:
    """The sentence's dates (positions from s0) less those still to come after an "ahead of"
    or "on the eve of" that follows the trigger (ending at t1) in its clause: they date the
    later occasion ("failed to agree ahead of a summit in Lima next month"). One already past
    bounds the act and stays ("failed to agree ahead of a summit on Friday")."""
    if not mentions or not any(low.find(w, t1, c1) >= 0 for w in _ANOTHER_WORDS):
        return mentions  # (a quick look first: the pattern is slow to scan)
    m = _BEFORE_ANOTHER.search(low, t1, c1)
    return mentions if m is None else [d for d in mentions if d.pos < m.start() - s0 or d.start <= pub]


_ASIDE_REACH = 40  # characters after a sentence's last date where an aside holding it may close


def act_dates(mentions: list[DateMention], low: str, s0: int, trigger: tuple[int, int], c1: int,
              pub: date, later: tuple[int, ...] = ()) -> list[DateMention]:
    """The dates of the sentence starting at s0 a trigger at `trigger` (in `low`) may take:
    less a later occasion's after "ahead of" (before_another) and those a noun phrase of
    another act claims (owners.owned_dates), a start ending an earlier verb's phrase
    (earlier_start), and one ending a later verb's phrase (of_later_act; `later`: where the
    sentence's triggers of other types start)."""
    t0, t1 = trigger
    kept = [d for d in before_another(mentions, low, s0, t1, c1, pub)
            if not earlier_start(d, low, s0, t0) and not of_later_act(d, low, s0, t1, later)
            and not names_another(d, low, s0, trigger)]
    if not kept:
        return kept
    last = s0 + max(d.pos for d in kept)
    comma = low.find(",", last, last + _ASIDE_REACH)  # an aside's closing comma after its date
    sent_low = low[s0: comma + 1 if comma >= 0 else last + 1]
    return claim_own(owned_dates(kept, sent_low, t0 - s0, t1 - s0, low[s0: t1]), sent_low, t1 - s0)


def earlier_start(d: DateMention, low: str, s0: int, t0: int) -> bool:
    """Whether `d`, a start told before the trigger at t0 with a comma or "and" between, ends
    the phrase of an earlier act of a list ("duties from Feb. 10, opened a probe", "a tariff
    from April 10 and the addition of 16 firms to its list"): that act starts then. One opening
    the sentence ("From Jan. 1, exporters will need licences") is of all of it."""
    between = low[s0 + d.pos: t0]
    return (d.start_told and d.pos >= OPENING_REACH and s0 + d.pos < t0
            and ("," in between or " and " in between))


# Where one verb phrase ends and the next, coordinated, begins: "..., and impose", "; it".
_NEXT_PHRASE = re.compile(r",\s+(?:and|while|but)\s|;\s")


def of_later_act(d: DateMention, low: str, s0: int, t1: int, later: tuple[int, ...]) -> bool:
    """Whether `d` comes after another act's trigger that opens a coordinated phrase of its
    own after this trigger (ending at t1): "would require licences for rare earths, and impose
    a 34% tariff from April 10": the start is the tariff's, not the licences'. One after a
    plain list of acts ("tariffs and export curbs from April 10") is of them all."""
    return any(t1 <= o < s0 + d.pos and _NEXT_PHRASE.search(low, t1, o) for o in later)


def ahead_of_another(cue: tuple[str, int, int], t1: int, low: str) -> bool:
    """Whether a "scheduled" cue after a meeting is a preposition about the next one ("their
    talks, ahead of the G7 meeting", "talks on the eve of a summit") or comes after one ("ahead
    of a summit next month"): it says the later meeting is to come, not this one."""
    return cue[0] == "scheduled" and cue[1] >= t1 and bool(_BEFORE_ANOTHER.search(
        low, t1, cue[2]))


def later_start(mentions: list[DateMention], pub: date) -> bool:
    """Whether the sentence tells a start still to come ("imposed curbs on Tuesday, taking
    effect on Jan. 1", "from Jan. 1"): a measure so told is announced, not yet applying."""
    return any(d.start_told and d.start > pub and not d.reporting for d in mentions)


# A start date: "Beginning Aug. 1, exports will need licences", "from Dec. 1", "effective".
_STARTS_ON = re.compile(r"\b(?:beginning|starting|from|effective|as of|as from)\W*$")


def start_told_next(art: Article, si: int, with_trigger: set[int], reach: int = 1,
                    own: list[DateMention] | None = None) -> bool:
    """Whether one of the `reach` sentences after si, with no act of its own, states a start
    still to come ("The government announced new limits. Beginning Aug. 1, exports will need
    licences"): the act starts then. A headline's act reaches the first three. With `own`, the
    dates of si the act may take, a start there counts too (later_start)."""
    if own is not None and (later_start(own, art.pub) or starts_after_a_while(art.sentences[si].text.lower())):
        return True  # "a ban ..., which takes effect in 90 days": the act's own sentence tells its start
    for nxt in range(si + 1, min(len(art.sentences), si + 1 + reach)):
        if nxt in with_trigger:
            continue
        low = art.sentences[nxt].text.lower()
        if starts_after_a_while(low) or any(
                d.start > art.pub and (d.start_told or _STARTS_ON.search(low, 0, d.pos))
                for d in art.dates(nxt)):  # "Beginning Aug. 1, ...", "The rules take effect on Oct. 1."
            return True
    return False
