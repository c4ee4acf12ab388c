"""Whether an article with no event of its own is a report of an act (a follow-up, an
analysis, a passing mention), and how well it fits."""

from __future__ import annotations

from .earlier import other_earlier, report_change
from .features import (
    GENERIC,
    GOVERNMENT_STEMS,
    commodity_overlap,
    headline_subject,
    headline_subjects,
    headline_topic,
    is_market_news,
    similarity,
    subject_similarity,
    topic_similarity,
)
from .group import MENTION_DAYS, MENTION_MIN_WORDS, Group
from .meetings import names_who_met, parties_agree, who_met_score
from .model import Report


def mention_score(m: Report, g: Group, modifier: bool) -> float | None:
    """How well an article with no event of its own fits an act it may mention.

    A mention that names no country or no mineral ("Cobalt: the freeze ends, the quotas
    begin") cannot be checked on what it leaves out: it must then be about the act by its
    words, and its headline must say so (see `_under_named_fits`)."""
    if g.people and names_who_met(m, g, set(m.countries)):  # a meeting changes no act: its flag says nothing
        return who_met_score(m, g)
    if modifier != g.founder.modifier or modifier and (
            other_earlier(m.changes, g.changes) or report_change(m) != report_change(g.founder)):
        return None  # a change, or another kind of change ("measures suspended", an extension), or
        # a change of another earlier act
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
    elif not g.countries or not parties_agree(named, g.countries):
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
    if _unchecked_minerals(m, g) and len(named & g.countries) < 2 \
            and headline_subjects(m.headline).isdisjoint(g.heads):
        return None  # "Commerce schedules hearing on ... gallium": not "ministers to reconvene"
    return overlap + words - age / 120


def _unchecked_minerals(m: Report, g: Group) -> bool:
    """Whether a mention names minerals in particular and the act none: its minerals cannot
    be checked against the act's, so its headline (or two of the act's countries) must say
    it is this act."""
    return bool(set(m.commodities) - GENERIC) and not g.commodities - GENERIC


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
