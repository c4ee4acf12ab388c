"""Whether a report belongs to an act: hard gates first, then a score to pick the best act.

Gates keep distinct acts apart: the type, the acting country, the targets, the minerals, the
change-of-an-earlier-act flag and the dates must agree. The score (minerals, actor, targets,
words, date agreement, recency) only chooses among acts that pass every gate. `consolidate`
looks candidates up by the mineral gate and, across types, by the two shared countries a
meeting's outcome needs: a gate relaxed here must be relaxed there (tests/test_acts_index.py).
"""

from __future__ import annotations

from .earlier import other_earlier, report_change
from .features import (
    CHANGE_STEMS,
    GENERIC,
    commodity_overlap,
    headline_countries,
    headline_subject,
    similarity,
    subject_similarity,
    topic_similarity,
)
from .group import (
    BACKGROUND_DAYS,
    CHAIN_DAYS,
    DATE_SLACK,
    FRESH_DAYS,
    MAX_SPAN_DAYS,
    MEETING_FOLLOW_DAYS,
    MEETINGS,
    MEETS,
    MENTION_BEFORE_DAYS,
    MENTION_DAYS,
    MENTION_MIN_WORDS,
    Group,
    dayish,
    joinable_types,
    meeting_day,
    own_date,
)
from .meetings import announces, other_meeting_day, others_met, outcome_score, parties_agree, same_group
from .mentions import mention_score
from .model import DateSpan, Report, days

__all__ = ["CHAIN_DAYS", "DATE_SLACK", "MAX_SPAN_DAYS", "MEETINGS", "MENTION_DAYS", "Group", "event_score",
           "joinable_types", "mention_score", "own_date"]


def event_score(r: Report, g: Group) -> float | None:
    """How well an event report fits a group, or None when a gate says it is another act."""
    if r.type in MEETS and g.type in MEETS and others_met(r, g):
        return None
    if r.type != g.type:
        return outcome_score(r, g) if r.type in MEETINGS and g.type in MEETINGS else None
    if r.modifier != g.founder.modifier and not _names_the_change(r, g):
        return None
    if r.modifier and g.founder.modifier and report_change(r) != report_change(g.founder):
        return None  # a suspension is not the extension of the same measure
    if r.modifier and g.founder.modifier and other_earlier(r.changes, g.changes):
        return None  # the suspension of another earlier act (its date or instrument differs)
    if r.actor and g.actor and r.actor != g.actor:
        return None
    if r.targets and g.targets and not set(r.targets) & g.targets:
        return None
    if r.type not in MEETINGS and _actor_unnamed(r, g):
        return None
    if r.type in MEETINGS and not parties_agree(set(r.countries), g.countries) and not same_group(r, g):
        return None
    overlap = commodity_overlap(r.commodities, g.commodities)
    if overlap is None:
        return None
    date_gap = _date_gap(r, g)
    last = g.last_seen or g.first_seen
    age = (r.day - g.first_seen).days
    in_force = _in_force_since(r, g, overlap)
    chain = MAX_SPAN_DAYS if in_force or _same_measure(r, g, overlap) else CHAIN_DAYS
    recent = (r.day - last).days <= chain and -MENTION_BEFORE_DAYS <= age <= MAX_SPAN_DAYS
    past = r.date is not None and r.date.start <= r.day  # a stated past date: when it happened
    if past and date_gap is not None and date_gap > BACKGROUND_DAYS // 2 and own_date(r, g.first_seen) \
            and not in_force:
        return None  # it states a date of its own that is far from every date of the act
    same_day = _same_day(r, g)
    if not same_day and not in_force and _other_day(r, g):
        return None  # it says the act happened on a day the act's reports do not
    if not recent and not same_day and not announces(r, g):
        return None
    if r.type in MEETINGS and r.date is None and (r.day - meeting_day(g)).days > MEETING_FOLLOW_DAYS:
        return None  # weeks after a meeting, an undated report is about what came of it
    words = similarity(r.words, g.words)
    if not _beyond_type(r, g, overlap, words, same_day):
        return None
    score = overlap + words + (0.5 if r.actor and r.actor == g.actor else 0.0)
    score += 0.3 if r.targets and set(r.targets) <= g.targets else 0.0
    score += 0.5 if same_day else 0.0
    return score - abs((r.day - last).days) / 90  # an announcement long before: farther too


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


def _same_measure(r: Report, g: Group, overlap: float, dated: bool = False) -> bool:
    """Whether an event report names the act's own government and targets, minerals in
    particular that are all the act's (not a group alone, none beyond the act's) and the same
    kind of measure, and states no date of its own: China's graphite permits weeks after
    China's graphite controls. Its words and a quiet month in between then do not make it
    another act (a stated date, "quotas from mid-October", a new target or a mineral more may:
    the other gates decide). `dated`: the report may state a date and name no target (see
    `_in_force_since`)."""
    specific = set(r.commodities) - GENERIC
    targets = set(r.targets) == g.targets or dated and not r.targets
    return bool(r.kind == "event" and (dated or r.date is None) and r.actor and r.actor == g.actor
                and targets and overlap >= 0.5 and specific
                and specific <= g.commodities and _subtypes_agree(r.subtype, g.founder.subtype))


def _in_force_since(r: Report, g: Group, overlap: float) -> bool:
    """Whether a report of the same measure says it has been in force since a day after the
    act was first reported, when no report of the act has dated its entry into force ("the
    Chinese restrictions have now been in force since August 1", weeks after China announced
    its gallium licences): that day is the act's in-force date, not another act's."""
    if r.status != "in_effect" or r.date is None or r.date.precision != "day" or r.type in MEETINGS:
        return False
    if r.modifier or g.founder.modifier:
        return False  # a suspension in force is dated by its own terms
    if not g.first_seen + days(DATE_SLACK) < r.date.start <= min(r.day, g.first_seen + days(MAX_SPAN_DAYS)):
        return False
    if any(a.start > g.first_seen + days(DATE_SLACK) for a in g.anchors):
        return False  # the act has a later date already: the other gates compare with it
    return _same_measure(r, g, overlap, dated=True)


def _subtypes_agree(a: str | None, b: str | None) -> bool:
    """Unknown or unspecific ("other") agrees with any subtype."""
    return not a or not b or a == b or "other" in (a, b)


def _under_named(r: Report, g: Group) -> bool:
    """Whether the act names minerals in particular and the report none: then only its words
    can say it is this act."""
    return not set(r.commodities) - GENERIC and bool(g.commodities - GENERIC)


def _names_the_change(r: Report, g: Group) -> bool:
    """Whether a report the tagger did not see as a change names the change the act is
    ("buyers cautious despite China's suspension"): it may join it, never the other way round."""
    return g.founder.modifier and not r.modifier and not CHANGE_STEMS.isdisjoint(r.words) \
        and report_change(r) == report_change(g.founder) and not other_earlier(r.changes, g.changes)


def _actor_unnamed(r: Report, g: Group) -> bool:
    """Whether the headline says the act is another country's: it leads with a country by
    name ("China freezes October export-control package") and names nowhere the act's actor.
    The tagger may have read the actor from a later sentence ("... Washington says")."""
    subject = headline_subject(r.headline)
    return bool(subject and g.actor and subject != g.actor
                and g.actor not in headline_countries(r.headline))


def _other_day(r: Report, g: Group) -> bool:
    """Whether the report states a past day of its own (a day, not a month or "last week")
    that is none of the act's stated days, when the act has some: two acts, days apart.

    For a meeting a day to come counts too: it is the day the parties meet, not an in-force
    date, so talks "from Saturday" and the leaders' meeting "Thursday" are two meetings, even
    when the first preview names a summit as its venue ("on the margins of the ASEAN summit")."""
    if r.date is None or r.date.precision != "day":
        return False
    if r.date.start > r.day:
        return r.type in MEETS and g.type in MEETS and other_meeting_day(r, g)
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
    if r.date is None or not dayish(r.date):
        return False
    for a in g.anchors:
        if a.precision == "window" and r.date.precision == "window":
            if r.date.gap(a) == 0:
                return True
        elif dayish(a) and r.date.gap(a) <= DATE_SLACK:
            return True
    return False


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
