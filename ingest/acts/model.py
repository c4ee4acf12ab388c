"""Plain data for acts: reports, dated spans with precision, status changes, the act itself."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

PRECISIONS = ("day", "month", "year", "window")


@dataclass(frozen=True)
class DateSpan:
    """A date as stated, with its precision: "December 2026" is the whole month, not its 1st."""

    start: date
    precision: str = "day"  # day | month | year | window (a stated span: "last week")
    until: date | None = None  # the last day of a window

    @property
    def end(self) -> date:
        """The last day the stated date may mean."""
        if self.until is not None:
            return self.until
        if self.precision == "year":
            return date(self.start.year, 12, 31)
        if self.precision == "month":
            last = calendar.monthrange(self.start.year, self.start.month)[1]
            return date(self.start.year, self.start.month, last)
        return self.start

    def gap(self, other: DateSpan) -> int:
        """Days between the two spans (0 when they overlap)."""
        if self.end < other.start:
            return (other.start - self.end).days
        if other.end < self.start:
            return (self.start - other.end).days
        return 0

    def label(self) -> str:
        """How the date is shown: 2026-12-05, December 2026, 2026."""
        if self.precision == "year":
            return str(self.start.year)
        if self.until is not None:
            return f"{self.start.isoformat()} to {self.until.isoformat()}"
        if self.precision == "month":
            return f"{calendar.month_name[self.start.month]} {self.start.year}"
        return self.start.isoformat()

    def iso(self) -> str:
        """ISO text at the stated precision: 2026-12-05, 2026-12, 2026."""
        s = self.start.isoformat()
        if self.until is not None:
            return f"{s}/{self.until.isoformat()}"
        return s[:4] if self.precision == "year" else s[:7] if self.precision == "month" else s


def span_of(d: date, precision: str, until: date | None = None) -> DateSpan:
    """Normalise a stored (date, precision) pair: a month date always starts on the 1st."""
    if precision == "window" or (until is not None and precision == "day" and until > d):
        return DateSpan(d, "window", until)
    if precision == "year":
        return DateSpan(date(d.year, 1, 1), "year")
    if precision == "month":
        return DateSpan(date(d.year, d.month, 1), "month")
    return DateSpan(d, "day")


@dataclass(frozen=True)
class Report:
    """One article's report of an act: a tagged event, or a mention found by `mentions`."""

    id: str
    article_id: str
    url: str
    outlet: str
    published: datetime
    headline: str
    evidence: str
    kind: str  # event | mention
    words: tuple[str, ...]  # content-word stems of title and summary (for similarity)
    countries: tuple[str, ...]
    commodities: tuple[str, ...]  # rolled up (groups included)
    type: str | None = None
    subtype: str | None = None
    status: str | None = None
    date: DateSpan | None = None  # the date the text states (None: only the publication day)
    end_date: dt.date | None = None
    actor: str | None = None
    targets: tuple[str, ...] = ()
    modifier: bool = False  # the report is about changing an earlier act (suspend, lift, extend)
    # For a change: marks of the earlier act it changes (acts.earlier); for another report of
    # the same type in the article, those of the change the article tells.
    changes: tuple[str, ...] = ()

    @property
    def day(self) -> dt.date:
        return self.published.date()

    @property
    def order(self) -> tuple[datetime, bool, bool, str]:
        """Processing order: earliest publication first; in one article a meeting before the
        agreement reached at it (the meeting founds the act, the agreement is its outcome) and
        a change before the article's other reports (which may join it by naming it); the id
        breaking ties."""
        return (self.published, self.type == "agreement", not self.modifier, self.id)


@dataclass(frozen=True)
class StatusChange:
    """One dated step of an act's history, with the report that showed it."""

    status: str
    date: DateSpan
    report_id: str
    note: str = ""
    via: str | None = None  # the act that made this entry (a suspension, lifting, extension)


@dataclass
class Act:
    """One real-world act and every report of it (see docs/acts.md for each field)."""

    id: str
    type: str
    subtype: str | None
    actor: str | None
    targets: tuple[str, ...]
    parties: tuple[str, ...]
    commodities: tuple[str, ...]
    status: str
    announced: DateSpan | None
    announced_report: str | None
    effective: DateSpan | None
    effective_report: str | None
    end: DateSpan | None
    end_report: str | None
    first_seen: datetime
    headline: str
    modifier: bool
    reports: list[Report] = field(default_factory=list)
    history: list[StatusChange] = field(default_factory=list)
    modifies: str | None = None
    why: str = ""

    @property
    def sources(self) -> int:
        """Distinct outlets that reported the act."""
        return len({r.outlet for r in self.reports})

    @property
    def date(self) -> DateSpan:
        """The act's marker date: announced, else in force, else first seen."""
        return self.announced or self.effective or DateSpan(self.first_seen.date())


def report_id(article_id: str, part: str) -> str:
    """A report's stable id: the article and what it reports (an event key, or "mention")."""
    return hashlib.sha1(f"{article_id}|{part}".encode()).hexdigest()[:24]


def act_id(founding_report: str) -> str:
    """An act's id follows from its founding (earliest) report, so a rebuild gives the same id."""
    return "act-" + hashlib.sha1(founding_report.encode()).hexdigest()[:16]


def outlet_of(source_domain: str | None, url: str | None = None) -> str:
    """The outlet of an article: its registrable domain (`articles.source_domain`, set from the
    aggregator's source element when there is one), else the URL's host."""
    host = (source_domain or "").strip().lower()
    if not host and url:
        host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or "unknown"


def days(n: int) -> timedelta:
    return timedelta(days=n)
