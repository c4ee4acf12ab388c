"""Whether a report belongs to an act: hard gates first, then a score to pick the best act.

Gates keep distinct acts apart: the type, the acting country, the targets, the minerals, the
change-of-an-earlier-act flag and the dates must agree. The score (minerals, actor, targets,
words, date agreement, recency) only chooses among acts that pass every gate. `consolidate`
looks candidates up by the mineral gate and, across types, by the two shared countries a
meeting's outcome needs: a gate relaxed here must be relaxed there (tests/test_acts_index.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .features import (
    CHANGE_STEMS,
    GENERIC,
    GOVERNMENT_STEMS,
    change_kind_of,
    commodity_overlap,
    headline_countries,
    headline_subject,
    headline_subjects,
    headline_topic,
    is_market_news,
    similarity,
    subject_similarity,
    topic_similarity,
)
from .model import DateSpan, Report, days

CHAIN_DAYS = 45  # a report joins when published within this many days of the act's last report
MAX_SPAN_DAYS = 120  # ... and of its first report (unless it states one of the act's dates)
DATE_SLACK = 1  # days two stated dates may differ and still mean the same day (time zones, late wires)
FRESH_DAYS = 7  # reports this soon after the first may join on type, actor and minerals alone
SHORT_WINDOW = 3  # a stated window this short ("over the weekend") says which day
BACKGROUND_DAYS = 30  # a stated date this far before the first report dates an older act
MENTION_DAYS = 60  # a mention joins an act first reported at most this many days earlier
MENTION_BEFORE_DAYS = 7  # ... or at most this many days later (the news came out as mentions)
MENTION_MIN_WORDS = 0.2  # ... and shares at least this share of its words
MEETINGS = frozenset({"agreement", "talks", "summit"})
MEETING_FOLLOW_DAYS = 14  # an undated report this long after a meeting reports its outcome
# A meeting and the agreement reached at it, reported on the meeting's day, are one act. A
# summit and talks are one meeting only when both state the same day (see `_one_meeting`):
# ministers often meet days before their leaders, and a report's publication day alone would
# tie the two meetings together.
_OUTCOMES = {"agreement": ("summit", "talks"), "summit": ("agreement", "talks"),
             "talks": ("agreement", "summit")}


def joinable_types(type_: str) -> tuple[str, ...]:
    """The act types a report of this type may join: its own, and for a meeting or an
    agreement, the other (the agreement reached at the meeting, the same day)."""
    return (type_, *_OUTCOMES.get(type_, ()))


@dataclass
class Group:
    """An act being built: what its event reports agree on so far."""

    founder: Report
    reports: list[Report] = field(default_factory=list)
    actor: str | None = None
    targets: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    commodities: set[str] = field(default_factory=set)
    anchors: list[DateSpan] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)  # topic stems of its event reports' headlines
    last_seen: date | None = None

    type: str = field(init=False, default="")  # the founder's, fixed: read millions of times

    def __post_init__(self) -> None:
        self.type = self.founder.type or ""

    @property
    def first_seen(self) -> date:
        return self.founder.day

    def add(self, r: Report) -> None:
        """Take in an event report (mentions are added to `reports` only)."""
        self.reports.append(r)
        self.actor = self.actor or r.actor
        self.targets.update(r.targets)
        self.countries.update(r.countries)
        self.commodities.update(r.commodities)
        self.words.update(r.words)
        self.heads.update(headline_topic(r.headline))
        if r.date is not None and own_date(r, self.first_seen):
            self.anchors.append(r.date)
        elif r is self.founder and r.type in MEETINGS and r.status in ("held", "in_effect"):
            self.anchors.append(DateSpan(r.day))  # "signed", reported fresh: on its first day
        self.last_seen = max(self.last_seen or r.day, r.day)


def own_date(r: Report, first_seen: date) -> bool:
    """A stated date dates this act unless it lies well before the act was first reported."""
    return r.date is not None and r.date.end >= first_seen - days(BACKGROUND_DAYS)


def _parties_agree(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return True
    need = 2 if len(a) >= 2 and len(b) >= 2 else 1
    return len(a & b) >= need


def event_score(r: Report, g: Group) -> float | None:
    """How well an event report fits a group, or None when a gate says it is another act."""
    if r.type != g.type:
        return _outcome_score(r, g) if r.type in MEETINGS and g.type in MEETINGS else None
    if r.modifier != g.founder.modifier and not _names_the_change(r, g):
        return None
    if r.modifier and g.founder.modifier and _change(r) != _change(g.founder):
        return None  # a suspension is not the extension of the same measure
    if r.actor and g.actor and r.actor != g.actor:
        return None
    if r.targets and g.targets and not set(r.targets) & g.targets:
        return None
    if r.type not in MEETINGS and _actor_unnamed(r, g):
        return None
    if r.type in MEETINGS and not _parties_agree(set(r.countries), g.countries):
        return None
    overlap = commodity_overlap(r.commodities, g.commodities)
    if overlap is None:
        return None
    date_gap = _date_gap(r, g)
    last = g.last_seen or g.first_seen
    age = (r.day - g.first_seen).days
    chain = MAX_SPAN_DAYS if _same_measure(r, g, overlap) else CHAIN_DAYS
    recent = (r.day - last).days <= chain and -MENTION_BEFORE_DAYS <= age <= MAX_SPAN_DAYS
    past = r.date is not None and r.date.start <= r.day  # a stated past date: when it happened
    if past and date_gap is not None and date_gap > BACKGROUND_DAYS // 2 and own_date(r, g.first_seen):
        return None  # it states a date of its own that is far from every date of the act
    same_day = _same_day(r, g)
    if not same_day and _other_day(r, g):
        return None  # it says the act happened on a day the act's reports do not
    if not recent and not same_day and not _announces(r, g):
        return None
    if r.type in MEETINGS and r.date is None and (r.day - _meeting_day(g)).days > MEETING_FOLLOW_DAYS:
        return None  # weeks after a meeting, an undated report is about what came of it
    words = similarity(r.words, g.words)
    if not _beyond_type(r, g, overlap, words, same_day):
        return None
    score = overlap + words + (0.5 if r.actor and r.actor == g.actor else 0.0)
    score += 0.3 if r.targets and set(r.targets) <= g.targets else 0.0
    score += 0.5 if same_day else 0.0
    return score - abs((r.day - last).days) / 90  # an announcement long before: farther too


def _outcome_score(r: Report, g: Group) -> float | None:
    """An agreement reported on the day of a meeting between the same two or more parties is
    what the meeting produced ("Busan meeting yields a one-year truce"): one act with it (and
    a meeting report joins the agreement it held, the same way). A day apart at most (a stated
    window, "this week", must hold the meeting's day): the truce extended three months later
    is an act of its own. Weak events never cross types."""
    if r.type in MEETINGS and g.type in MEETINGS and "agreement" not in (r.type, g.type) and _announces(r, g):
        return 0.5 + similarity(r.words, g.words) - (g.first_seen - r.day).days / 90
    if r.kind != "event" or r.type not in _OUTCOMES.get(g.type, ()) or r.modifier or g.founder.modifier:
        return None
    if len(set(r.countries) & g.countries) < 2 or commodity_overlap(r.commodities, g.commodities) is None:
        return None
    if r.type in MEETINGS and g.type in MEETINGS and "agreement" not in (r.type, g.type):
        return _one_meeting(r, g)
    day = DateSpan(_meeting_day(g))
    gap = r.date.gap(day) if r.date is not None else abs((r.day - day.start).days)
    if gap > DATE_SLACK:
        return None
    return 1.0 + similarity(r.words, g.words) - gap / 10


def _one_meeting(r: Report, g: Group) -> float | None:
    """A talks report joins a summit (or the other way round) when it states a day of the
    meeting (within DATE_SLACK; an undated report of one held, its publication day): the wording of who met leans one way or the other, the day
    and the parties say it is one meeting. Without a stated day on both sides they stay apart:
    a ministerial round days before the leaders' meeting is its own act."""
    said = r.date if r.date is not None else DateSpan(r.day) if r.status == "held" else None
    if said is not None and said.precision == "window" and r.status == "held":
        said = _window_day(said, g)  # "this week": the meeting's day if the week holds it
    if said is None or not _dayish(said):
        return None  # an undated "held" report is fresh news: it was held on (or a day before) it
    gaps = [said.gap(a) for a in g.anchors if _dayish(a)]
    if not gaps or min(gaps) > DATE_SLACK:
        return None
    return 1.0 + similarity(r.words, g.words) - min(gaps) / 10


def _window_day(said: DateSpan, g: Group) -> DateSpan | None:
    """A held meeting's stated window ("this week") as the one day of the act it holds."""
    held = [a for a in g.anchors if a.precision == "day" and said.gap(a) == 0]
    return held[0] if len(held) == 1 or len({a.start for a in held}) == 1 else None


def _announces(r: Report, g: Group) -> bool:
    """Whether a report of a meeting to come announces this meeting, held later: the same two
    or more parties, published at most CHAIN_DAYS before the meeting's first report, and a
    future date it states ("next month") holds the meeting's day. ("Biden will meet Xi in the
    coming weeks", two weeks before the San Francisco meeting.)"""
    if r.type not in MEETINGS or g.type not in MEETINGS or r.status != "scheduled":
        return False
    if not 0 < (g.first_seen - r.day).days <= CHAIN_DAYS or len(set(r.countries) & g.countries) < 2:
        return False
    return r.date is None or r.date.start <= r.day or r.date.gap(DateSpan(_meeting_day(g))) <= DATE_SLACK


def _meeting_day(g: Group) -> date:
    """The last day a meeting or signing may have been: its latest stated past date, else its
    first report."""
    past = [a.end for a in g.anchors if a.start <= (g.last_seen or g.first_seen)]
    return max(past, default=g.first_seen)


def _beyond_type(r: Report, g: Group, overlap: float, words: float, same_day: bool) -> bool:
    """Whether the report shares something with the act beyond its type and a broad mineral.

    Precision first: a missed join leaves two markers, a wrong one hides an act. Meeting
    parties ("US and China") or one side's actor alone, with a mineral group, say little: then
    the words must agree as well (a truce analysis weeks later is not the leaders' meeting).
    """
    if same_day:
        return True
    if r.kind == "weak" and _under_named(r, g) and subject_similarity(r.words, g.words) < MENTION_MIN_WORDS:
        return False  # "ASML shipments face tougher export curbs": the kind of act, not this act
    if r.type in MEETINGS:
        shared = len(set(r.countries) & g.countries)
        return words >= MENTION_MIN_WORDS or words > 0 and (overlap >= 0.5 or shared >= 2)
    if r.actor and r.actor == g.actor and r.status == g.founder.status and _same_rate(r, g):
        return True  # "the threatened 100% tariff", by the same government, still threatened
    if bool(r.actor) != bool(g.actor):  # one side's actor unknown: agreement is only assumed
        topic = topic_similarity(r.words, g.words)  # names aside: the minerals are compared
        return topic >= MENTION_MIN_WORDS or overlap >= 0.5 and topic > 0
    topic = topic_similarity(r.words, g.words)
    if topic == 0 and (r.day - g.first_seen).days > FRESH_DAYS and not _same_measure(r, g, overlap):
        return False  # a later piece sharing no word but names is about something else
    return overlap >= 0.5 or words >= MENTION_MIN_WORDS


def _same_measure(r: Report, g: Group, overlap: float) -> bool:
    """Whether an event report names the act's own government and targets, minerals in
    particular that are all the act's (not a group alone, none beyond the act's) and the same
    kind of measure, and states no date of its own: China's graphite permits weeks after
    China's graphite controls. Its words and a quiet month in between then do not make it
    another act (a stated date, "quotas from mid-October", a new target or a mineral more may:
    the other gates decide)."""
    specific = set(r.commodities) - GENERIC
    return bool(r.kind == "event" and r.date is None and r.actor and r.actor == g.actor
                and set(r.targets) == g.targets and overlap >= 0.5 and specific
                and specific <= g.commodities and _subtypes_agree(r.subtype, g.founder.subtype))


def _subtypes_agree(a: str | None, b: str | None) -> bool:
    """Unknown or unspecific ("other") agrees with any subtype."""
    return not a or not b or a == b or "other" in (a, b)


def _under_named(r: Report, g: Group) -> bool:
    """Whether the act names minerals in particular and the report none: then only its words
    can say it is this act."""
    return not set(r.commodities) - GENERIC and bool(g.commodities - GENERIC)


def _change(r: Report) -> str:
    return change_kind_of(r.evidence + " " + r.headline)


def _names_the_change(r: Report, g: Group) -> bool:
    """Whether a report the tagger did not see as a change names the change the act is
    ("buyers cautious despite China's suspension"): it may join it, never the other way round."""
    return g.founder.modifier and not r.modifier and not CHANGE_STEMS.isdisjoint(r.words) \
        and _change(r) == _change(g.founder)


def _actor_unnamed(r: Report, g: Group) -> bool:
    """Whether the headline says the act is another country's: it leads with a country by
    name ("China freezes October export-control package") and names nowhere the act's actor.
    The tagger may have read the actor from a later sentence ("... Washington says")."""
    subject = headline_subject(r.headline)
    return bool(subject and g.actor and subject != g.actor
                and g.actor not in headline_countries(r.headline))


def _other_day(r: Report, g: Group) -> bool:
    """Whether the report states a past day of its own (a day, not a month or "last week")
    that is none of the act's stated days, when the act has some: two acts, days apart."""
    if r.date is None or r.date.precision != "day" or r.date.start > r.day:
        return False
    days_ = [a for a in g.anchors if a.precision == "day"]
    if not days_ or not own_date(r, g.first_seen):
        return False
    days_.append(DateSpan(g.first_seen))  # fresh news: the first report's day is the act's day
    return all(r.date.gap(a) > DATE_SLACK for a in days_)


def _same_day(r: Report, g: Group) -> bool:
    """Whether the report states one of the act's days (within DATE_SLACK days).

    Only a stated day, or a window of a few days ("over the weekend"), says which day: "in
    2025" agrees with any day of 2025 and "last week" with any of seven, which says nothing
    about two reports meaning the same day. Two windows agree when they overlap.
    """
    if r.date is None or not _dayish(r.date):
        return False
    for a in g.anchors:
        if a.precision == "window" and r.date.precision == "window":
            if r.date.gap(a) == 0:
                return True
        elif _dayish(a) and r.date.gap(a) <= DATE_SLACK:
            return True
    return False


def _dayish(d: DateSpan) -> bool:
    return d.precision == "day" or d.precision == "window" and (d.end - d.start).days <= SHORT_WINDOW


def _same_rate(r: Report, g: Group) -> bool:
    """Whether the report and the act state the same rate ("100%": stems pct100)."""
    return any(w.startswith("pct") and w in g.words for w in r.words)


def _date_gap(r: Report, g: Group) -> int | None:
    """Days between the report's stated date and the nearest date of the act (or its window)."""
    if r.date is None:
        return None
    window = DateSpan(g.first_seen - days(14))
    gaps = [r.date.gap(a) for a in g.anchors]
    lo, hi = window.start, g.last_seen or g.first_seen
    gaps.append(0 if r.date.end >= lo and r.date.start <= hi else min(
        abs((r.date.end - lo).days), abs((r.date.start - hi).days)))
    return min(gaps)


def mention_score(m: Report, g: Group, modifier: bool) -> float | None:
    """How well an article with no event of its own fits an act it may mention.

    A mention that names no country or no mineral ("Cobalt: the freeze ends, the quotas
    begin") cannot be checked on what it leaves out: it must then be about the act by its
    words, and its headline must say so (see `_under_named_fits`)."""
    if modifier != g.founder.modifier:
        return None
    age = (m.day - g.first_seen).days
    if age < -1 or age > MENTION_DAYS:
        return None
    named = set(m.countries)
    under = not named or not m.commodities
    if not named:
        pass
    elif g.actor:
        if g.actor not in named:
            return None
    elif not g.countries or not _parties_agree(named, g.countries):
        return None
    elif len(named & g.countries) < 2 <= len(g.countries) and headline_topic(m.headline).isdisjoint(g.heads):
        return None  # one side of a meeting, in a headline about something else: its own news
    overlap = commodity_overlap(m.commodities, g.commodities)
    if overlap is None or is_market_news(m.words):
        return None  # a takeover or a mine's force majeure names no government act
    if m.commodities and not set(m.commodities) - GENERIC and not named:
        return None  # "critical minerals" and no country: nothing but words to go on
    words = similarity(m.words, g.words)
    if words < MENTION_MIN_WORDS or not _about_the_act(m, g):
        return None
    if under and not _under_named_fits(m, g):
        return None
    return overlap + words - age / 120


def _under_named_fits(m: Report, g: Group) -> bool:
    """Whether a mention naming no country or no mineral is about the act all the same: a
    fifth of its words beyond names in common with the act, and a word of its headline in
    the act's headlines."""
    return subject_similarity(m.words, g.words) >= MENTION_MIN_WORDS \
        and not headline_subjects(m.headline).isdisjoint(g.heads)


def _about_the_act(m: Report, g: Group) -> bool:
    """Whether a mention says something of the act beyond its names: two words in common
    that are not country, leader or mineral names, or a word of its headline in the act's
    headlines ("... after the Washington framework"); else its headline leads with the act's
    actor ("Congo's cobalt freeze ..."), or it shares a word of government action with the
    act ("permits"). "Chinese graphite anode exports hit record" shares names only."""
    if (commodity_overlap(m.commodities, g.commodities) or 0.0) >= 0.5:  # minerals in common: kind words say enough
        if topic_similarity(m.words, g.words) > 0 or not headline_topic(m.headline).isdisjoint(g.heads):
            return True
    elif subject_similarity(m.words, g.words) > 0 or not headline_subjects(m.headline).isdisjoint(g.heads):
        return True
    if g.actor and headline_subject(m.headline) == g.actor:
        return True
    return not GOVERNMENT_STEMS.isdisjoint(set(m.words) & g.words)
