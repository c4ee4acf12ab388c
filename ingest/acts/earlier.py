"""Which earlier act a change report changes: that act's dates and numbered instruments.

A suspension of China's December 2024 US-only ban and a suspension of its October 2025
package are two acts, reported the same week by the same government on the same minerals.
What tells them apart is what each report says it changes: the tagger's paired earlier event
("would suspend ... the clause of its December 2024 announcement": the same evidence, in
effect from the earlier act's date, tagging/earlier.py), a date the change's object is given
in its own words ("the controls it announced on Oct. 9", "its October controls"), and the
numbered instruments it names ("clause 2 of Announcement No. 46 of 2024"). These are kept as
plain strings on the report (`Report.changes`, stored in `act_reports.changes`): "d:" and an
ISO date at its precision ("d:2024-12", "d:2025-10-09", "d:2024"), "n:" and an instrument
("n:announcement:46:2024").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ..tagging.dates import find_dates
from ..tagging.owners import ACT_PARTICIPLES
from .features import change_kind_of
from .model import DateSpan, Report

# A numbered instrument ("Announcement No. 46 of 2024", "Decree 1,005", "Order No. 7",
# "Announcements Nos. 55, 56 and 57"): capitalised, as titles are, not "orders 500 tonnes".
INSTRUMENT = re.compile(
    r"\b(?:(Announcement|Decree|Circular|Proclamation)s?\s+(?:Nos?\.?\s*|Numbers?\s+)?"
    r"|(Order|Notice|Regulation|Resolution)s?\s+(?:Nos?\.?\s*|Numbers?\s+))"
    r"(\d[\d,]{0,9})(?:\s+of\s+(\d{4}))?")
# The change's object dated by its own participle, right before the date: "the controls it
# announced on Oct. 9", "the ban that was imposed in December", "measures published on" (not
# the reporting clause "The ministry announced on Nov. 9 that ...": its subject is no pronoun
# nor a measure's noun).
_DATED_OBJECT = re.compile(
    r"\b(?:it|they|that|which|bans?|controls?|curbs?|measures?|restrictions?|rules?|package|"
    r"tariffs?|duties|quotas?|licensing|regime|announcements?|notices?)\s+"
    r"(?:(?:had|has|have|was|were|first|originally|previously|\w+ly)\s+){0,2}"
    rf"(?:{ACT_PARTICIPLES})(?:\s+(?:in|on|since))?\s*$")  # a month's mention holds its "in"
_REACH = 60  # characters before a date where its participle and noun may stand
SLACK_DAYS = 15  # two dates of an earlier act this close may be one act (announced, reported)


def change_marks(text: str, published: date, paired: Iterable[DateSpan] = ()) -> tuple[str, ...]:
    """The marks of the earlier act a change report's `text` (evidence and headline) changes;
    `paired`: the dates of the article's earlier events paired with this change."""
    dates = {d.iso() for d in paired}
    docs = instruments(text)
    dates |= {y for _k, _n, y in docs if y and int(y) < published.year}  # an instrument of an
    # earlier year is the earlier act's; one of this year may be the change's own (No. 70)
    low = text.lower()  # change reports are few: their dates are read once, at ingest
    for d in find_dates(text, published, low if len(low) == len(text) else None):
        if d.start >= published or d.bound or d.reporting:
            continue
        if d.names_act or _DATED_OBJECT.search(low, max(0, d.pos - _REACH), d.pos):
            dates.add(DateSpan(d.start, d.precision).iso())
    return tuple(sorted({"d:" + d for d in dates} | {f"n:{k}:{n}:{y}" for k, n, y in docs}))


def instruments(text: str) -> set[tuple[str, str, str]]:
    """The numbered instruments a text names, as (kind, number, year or "")."""
    if "No" not in text and not any(k in text for k in ("Decree", "Circular", "Proclamation")):
        return set()
    return {((k1 or k2).lower(), n.replace(",", ""), y or "") for k1, k2, n, y in INSTRUMENT.findall(text)}


def same_instrument(ours: Iterable[tuple[str, str, str]], theirs: Iterable[tuple[str, str, str]]) -> bool:
    """Whether two sets name one instrument (the year may be left out on one side:
    "Announcement No. 46" is "No. 46 of 2024")."""
    theirs = list(theirs)
    return any(k == k2 and n == n2 and (not y or not y2 or y == y2)
               for k, n, y in ours for k2, n2, y2 in theirs)


def parse_marks(marks: Iterable[str]) -> tuple[list[DateSpan], set[tuple[str, str, str]]]:
    """The dates and instruments of a report's or an act's marks."""
    dates, docs = [], set()
    for m in marks:
        if m.startswith("d:"):
            dates.append(_span(m[2:]))
        elif m.startswith("n:"):
            k, n, y = (m[2:].split(":") + ["", ""])[:3]
            docs.add((k, n, y))
    return dates, docs


def _span(iso: str) -> DateSpan:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return DateSpan(date(parts[0], 1, 1), "year")
    if len(parts) == 2:
        return DateSpan(date(parts[0], parts[1], 1), "month")
    return DateSpan(date(*parts[:3]), "day")


def other_earlier(ours: Iterable[str], theirs: Iterable[str]) -> bool:
    """Whether two changes change different earlier acts: both name the earlier act (by a date
    or an instrument), some kind of mark both give disagrees, and no mark agrees. A change
    that names no earlier act agrees with any (precision needs a reason to split)."""
    ours, theirs = tuple(ours), tuple(theirs)
    if not ours or not theirs:
        return False
    d1, n1 = parse_marks(ours)
    d2, n2 = parse_marks(theirs)
    dates_agree = any(a.gap(b) <= SLACK_DAYS for a in d1 for b in d2)
    docs_agree = same_instrument(n1, n2)
    if dates_agree or docs_agree:
        return False
    return bool(d1 and d2) or bool(n1 and n2)


def dates_of(marks: Iterable[str]) -> list[DateSpan]:
    """The earlier act's dates among marks (for links: the act a change names by its day)."""
    return parse_marks(marks)[0]


def report_change(r: Report) -> str:
    """The kind of change (suspended, lifted, extended ...) a report's evidence and headline tell."""
    return change_kind_of(r.evidence + " " + r.headline)
