"""Gates for meetings: talks and summits told apart by their days and by who met, and the
agreement reached at a meeting joined with it."""

from __future__ import annotations

from .features import (
    MEETING_STEMS,
    commodity_overlap,
    is_group,
    is_market_news,
    people,
    similarity,
    topic_similarity,
)
from .group import (
    CHAIN_DAYS,
    DATE_SLACK,
    MEETING_FOLLOW_DAYS,
    MEETINGS,
    MEETS,
    MENTION_BEFORE_DAYS,
    MENTION_DAYS,
    MENTION_MIN_WORDS,
    OUTCOMES,
    SHORT_WINDOW,
    Group,
    dayish,
    meeting_day,
    meeting_days,
)
from .model import DateSpan, Report


def parties_agree(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return True
    need = 2 if len(a) >= 2 and len(b) >= 2 else 1
    return len(a & b) >= need


def outcome_score(r: Report, g: Group) -> float | None:
    """An agreement reported on the day of a meeting between the same two or more parties is
    what the meeting produced ("Busan meeting yields a one-year truce"): one act with it (and
    a meeting report joins the agreement it held, the same way). A day apart at most (a stated
    window, "this week", must hold the meeting's day): the truce extended three months later
    is an act of its own. Weak events never cross types."""
    if r.type in MEETINGS and g.type in MEETINGS and "agreement" not in (r.type, g.type) and announces(r, g):
        return 0.5 + similarity(r.words, g.words) - (g.first_seen - r.day).days / 90
    if r.kind != "event" or r.type not in OUTCOMES.get(g.type, ()) or r.modifier or g.founder.modifier:
        return None
    if len(set(r.countries) & g.countries) < 2 or commodity_overlap(r.commodities, g.commodities) is None:
        return None
    if r.type in MEETINGS and g.type in MEETINGS and "agreement" not in (r.type, g.type):
        return _one_meeting(r, g)
    day = DateSpan(meeting_day(g))
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
    if said is None or not dayish(said):
        return None  # an undated "held" report is fresh news: it was held on (or a day before) it
    gaps = [said.gap(a) for a in g.anchors if dayish(a)]
    if not gaps or min(gaps) > DATE_SLACK:
        return None
    return 1.0 + similarity(r.words, g.words) - min(gaps) / 10


def _window_day(said: DateSpan, g: Group) -> DateSpan | None:
    """A held meeting's stated window ("this week") as the one day of the act it holds."""
    held = [a for a in g.anchors if a.precision == "day" and said.gap(a) == 0]
    return held[0] if len(held) == 1 or len({a.start for a in held}) == 1 else None


def announces(r: Report, g: Group) -> bool:
    """Whether a report of a meeting to come announces this meeting, held later: the same two
    or more parties, published at most CHAIN_DAYS before the meeting's first report, and a
    future date it states ("next month") holds the meeting's day. ("Biden will meet Xi in the
    coming weeks", two weeks before the San Francisco meeting.)"""
    if r.type not in MEETINGS or g.type not in MEETINGS or r.status != "scheduled":
        return False
    if not 0 < (g.first_seen - r.day).days <= CHAIN_DAYS or len(set(r.countries) & g.countries) < 2:
        return False
    return r.date is None or r.date.start <= r.day or r.date.gap(DateSpan(meeting_day(g))) <= DATE_SLACK


def same_group(r: Report, g: Group) -> bool:
    """Whether a meeting report names in its headline the group of governments the act's
    headlines name ("G7"), within a few days of its first report: the countries a G7 story
    names are what the leaders discussed (China, Russia, North Korea), not who met."""
    if abs((r.day - g.first_seen).days) > SHORT_WINDOW:
        return False
    return any(is_group(w) for w in people(r.headline) & g.people)


def others_met(r: Report, g: Group) -> bool:
    """Whether a meeting report that states no day says someone met whom no report of the act
    names ("ahead of Blinken's trip" against Yellen's talks three weeks later): another
    meeting. A stated day says which meeting better ("Bessent says leaders' meeting back on
    track" for the 31st: the speaker need not be one who meets)."""
    if r.date is not None and dayish(r.date):
        return False
    said = people(r.headline + " " + r.evidence)
    return bool(said and g.named_people and said.isdisjoint(g.named_people))


def other_meeting_day(r: Report, g: Group) -> bool:
    """Whether a meeting report's days to come are none of the days the act's reports say
    its parties meet."""
    said = meeting_days(r)
    if said is None or not g.meeting_spans:
        return False
    return all(said.gap(s) > DATE_SLACK for s in g.meeting_spans)


def names_who_met(m: Report, g: Group, named: set[str]) -> bool:
    """Whether a mention is a report of a meeting by who met: it names two or more of the
    parties of talks or a summit and a leader or minister the meeting's headlines name
    ("Yellen criticises Chinese curbs against US firms" during her Beijing talks), or the
    group that met ("G7 urges China to play by the rules"), from a week before the meeting
    to MEETING_FOLLOW_DAYS after it ("After Yellen visit, ...")."""
    if g.type not in MEETS or g.actor or not g.people:
        return False
    if not -MENTION_BEFORE_DAYS <= (m.day - g.first_seen).days <= MENTION_DAYS \
            or (m.day - meeting_day(g)).days > MEETING_FOLLOW_DAYS:
        return False
    shared = people(m.headline) & g.people
    if any(is_group(w) for w in shared):
        return True
    # A leader is in the news every day: the mention must also speak of the meeting or share
    # words with it ("Biden's mining NIMBY-ism ..." is no report of his meeting with the EU).
    return bool(shared) and len(named & g.countries) >= 2 \
        and (not MEETING_STEMS.isdisjoint(m.words) or topic_similarity(m.words, g.words) > 0)


def who_met_score(m: Report, g: Group) -> float | None:
    """A mention naming who met still shares words with the meeting and names no other
    minerals; market news is no report of it."""
    overlap = commodity_overlap(m.commodities, g.commodities)
    words = similarity(m.words, g.words)
    if overlap is None or is_market_news(m.words) or words < MENTION_MIN_WORDS:
        return None
    return overlap + words + 0.5
