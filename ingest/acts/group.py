"""An act being built (`Group`), and the windows and days that say when its reports agree.

Shared by the gates of `match` (event reports), `meetings` (talks, summits and agreements)
and `mentions` (articles with no event of their own).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .features import headline_topic, people
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
MEETS = frozenset({"talks", "summit"})  # meetings proper: the day they state is when they meet
MEETING_FOLLOW_DAYS = 14  # an undated report this long after a meeting reports its outcome
# A meeting and the agreement reached at it, reported on the meeting's day, are one act. A
# summit and talks are one meeting only when both state the same day (see `meetings._one_meeting`):
# ministers often meet days before their leaders, and a report's publication day alone would
# tie the two meetings together.
OUTCOMES = {"agreement": ("summit", "talks"), "summit": ("agreement", "talks"),
             "talks": ("agreement", "summit")}


def joinable_types(type_: str) -> tuple[str, ...]:
    """The act types a report of this type may join: its own, and for a meeting or an
    agreement, the other (the agreement reached at the meeting, the same day)."""
    return (type_, *OUTCOMES.get(type_, ()))


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
    # Who met, by its headlines: the founder's, and any name two event headlines share (one
    # report's headline naming the G7 does not make a visit to Paris the G7 summit).
    people: set[str] = field(default_factory=set)
    head_people: dict[str, int] = field(default_factory=dict)  # name -> event headlines naming it
    meeting_spans: list[DateSpan] = field(default_factory=list)  # days its reports say parties meet
    named_people: set[str] = field(default_factory=set)  # ... its event reports' headlines and evidence name
    changes: set[str] = field(default_factory=set)  # what its change reports say they change (acts.earlier)
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
        if r.modifier:
            self.changes.update(r.changes)
        if self.type in MEETINGS:
            self._add_meeting(r)
        if r.date is not None and own_date(r, self.first_seen):
            self.anchors.append(r.date)
        elif r is self.founder and r.type in MEETINGS and r.status in ("held", "in_effect"):
            self.anchors.append(DateSpan(r.day))  # "signed", reported fresh: on its first day
        self.last_seen = max(self.last_seen or r.day, r.day)

    def _add_meeting(self, r: Report) -> None:
        """Who met and on what days, as a meeting's reports say (only meetings need it)."""
        span = meeting_days(r)
        if span is not None and dayish(span):
            self.meeting_spans.append(span)
        for name in people(r.headline):
            self.head_people[name] = self.head_people.get(name, 0) + 1
            if r is self.founder or self.head_people[name] >= 2:
                self.people.add(name)
        self.named_people.update(people(r.headline + " " + r.evidence))


def own_date(r: Report, first_seen: date) -> bool:
    """A stated date dates this act unless it lies well before the act was first reported."""
    return r.date is not None and r.date.end >= first_seen - days(BACKGROUND_DAYS)


def meeting_days(r: Report) -> DateSpan | None:
    """The days a meeting report says the parties meet: its stated day, or the span to a stated
    last day a week at most later ("next week", "from Oct. 25 to 27")."""
    if r.date is None:
        return None
    last = r.end_date if r.end_date is not None and r.date.start < r.end_date <= r.date.start + days(7) else None
    return DateSpan(r.date.start, "window", last) if last else r.date


def dayish(d: DateSpan) -> bool:
    return d.precision == "day" or d.precision == "window" and (d.end - d.start).days <= SHORT_WINDOW


def meeting_day(g: Group) -> date:
    """The last day a meeting or signing may have been: its latest stated past date, else its
    first report."""
    past = [a.end for a in g.anchors if a.start <= (g.last_seen or g.first_seen)]
    return max(past, default=g.first_seen)
