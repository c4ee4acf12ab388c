"""Reports from tagged articles: one per event, or one mention for an article with no event.

The same article gives the same reports whether it comes from the tagger at ingest or from
the stored rows at a rebuild, which is what makes a rebuild reproduce the acts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta

from ..records import EventRecord, TaggedArticle
from ..text import html_to_text
from .earlier import change_marks
from .features import change_kind_of, is_modifier, owner_only, stems
from .model import DateSpan, Report, outlet_of, report_id, span_of

# Never change another act; an agreement does only when it extends an earlier one (a truce
# prolonged by 90 days), never when its terms suspend or lift measures (that is its content).
NOT_CHANGES = frozenset({"agreement", "talks", "summit", "strategy"})
MEETINGS = frozenset({"agreement", "talks", "summit"})
HAPPENED = frozenset({"held", "in_effect"})
FRESH_MEETING_DAYS = 7  # a meeting dated longer ago than this is an article's background
WORDS_MAX = 60  # stems kept per report (titles and summaries are short; this caps long ones)


def _words(title: str, summary: str) -> tuple[str, ...]:
    return stems(title + " " + html_to_text(summary))[:WORDS_MAX]


def article_reports(
    article_id: str, url: str | None, source_domain: str, title: str, summary: str,
    published: datetime, countries: Iterable[str], commodities: Iterable[str],
    events: Iterable[tuple[EventRecord, str]], weak: bool = False,
) -> list[Report]:
    """Every report of one article; `events` pairs each event with this article's evidence.

    `weak`: the events come from an article that names no commodity; they may join an act
    but never found one, unless `founds_unnamed` says the event is a meeting in its own right.
    """
    base = {
        "article_id": article_id, "url": url or "", "published": published,
        "outlet": outlet_of(source_domain, url), "headline": title,
        "words": _words(title, summary),
    }
    out = []
    day = published.date()
    events = list(events)
    for ev, evidence in events:
        founds = founds_unnamed(ev, day)
        window = ev.end_date if ev.end_date is not None and ev.end_date <= day else None
        text = evidence + "\n" + title
        changes = ev.type not in NOT_CHANGES or ev.type == "agreement" and change_kind_of(text) == "extended"
        modifier = changes and is_modifier(text, ev.status)
        out.append(Report(
            id=report_id(article_id, ev.key), evidence=evidence,
            kind="weak" if weak and not founds else "event",
            countries=tuple(ev.countries), commodities=tuple(ev.commodities), type=ev.type,
            subtype=ev.subtype, status=ev.status,
            date=span_of(ev.date, ev.date_precision, window) if ev.date_source == "text" else None,
            end_date=None if window else ev.end_date,
            actor=None if owner_only(title, ev.actor) else ev.actor, targets=tuple(ev.targets),
            modifier=modifier,
            changes=_marks(ev, evidence, title, events, day) if modifier else (),
            **base))  # type: ignore[arg-type]
    out = _told_changes(out)
    cs, ms = tuple(sorted(countries)), tuple(sorted(commodities))
    if (cs or ms) and (weak or not out):  # naming one of them only: see mentions.mention_score
        text = title + " " + html_to_text(summary)
        modifier = is_modifier(text, None)
        out.append(Report(id=report_id(article_id, "mention"), kind="mention", evidence=title,
                          countries=cs, commodities=ms, modifier=modifier,
                          changes=change_marks(text, day) if modifier else (),
                          **base))  # type: ignore[arg-type]
    return out


def _told_changes(reports: list[Report]) -> list[Report]:
    """The reports, those that tell no change with the marks of the change their article tells
    in their type: "Beijing suspends its US-only ban" may join that suspension by naming it
    (match._names_the_change), not a suspension of another earlier act. A change naming none
    whose sentence names one (the earlier act the tagger pairs with a change, read as a change
    from the headline) takes that sentence's."""
    told: dict[str | None, set[str]] = {}
    said: dict[tuple[str | None, str], set[str]] = {}
    for r in reports:
        if r.modifier:
            told.setdefault(r.type, set()).update(r.changes)
            said.setdefault((r.type, r.evidence), set()).update(r.changes)
    if not any(told.values()):
        return reports
    return [r if r.changes else replace(r, changes=tuple(sorted(
        said.get((r.type, r.evidence), set()) if r.modifier else told.get(r.type, set()))))
        for r in reports]


def _marks(ev: EventRecord, evidence: str, title: str, events: list[tuple[EventRecord, str]],
           day: date) -> tuple[str, ...]:
    """What a change report says it changes, from the text that tells the change: its evidence,
    or its headline when only the headline does ("China freezes October package" over "The April
    2025 licensing regime ... remains in force": that date is another act's)."""
    if is_modifier(evidence, ev.status):
        return change_marks(evidence, day, _paired(ev, evidence, events, day))
    return change_marks(title, day)


def _paired(ev: EventRecord, evidence: str, events: list[tuple[EventRecord, str]], day: date) -> list[DateSpan]:
    """The dates of the earlier acts the tagger paired with a change in this article: events of
    its sentence, type and actor, in effect from a stated date before the article
    (tagging/earlier.py makes one for "would suspend the ban it imposed in December 2024")."""
    return [span_of(e.date, e.date_precision) for e, ev2 in events
            if e is not ev and ev2 == evidence and e.type == ev.type and e.actor == ev.actor
            and e.status == "in_effect" and e.date_source == "text"
            and e.date < (ev.date if ev.date_source == "text" else day)]


def founds_unnamed(ev: EventRecord, day: date) -> bool:
    """Whether an event of an article naming no mineral is still an act of its own: a meeting
    or agreement between two named governments that has just taken place ("Trump and Xi meet
    in Busan"), the trade relation itself. A measure with no mineral named is not, nor is a
    meeting the article dates weeks back (background, not the news)."""
    fresh = ev.date_source != "text" or ev.date >= day - timedelta(days=FRESH_MEETING_DAYS)
    return ev.type in MEETINGS and ev.status in HAPPENED and len(set(ev.countries)) >= 2 and fresh


def tagged_reports(article_id: str, t: TaggedArticle) -> list[Report]:
    """The reports of one tagged article, under its stored id."""
    a = t.article
    strong = bool(t.relevant and t.events)
    events = t.events if strong else t.weak_events
    return article_reports(article_id, a.canonical_url, a.source_domain, a.title, a.summary,
                           a.published_at, t.countries, t.commodities,
                           [(e, e.evidence) for e in events], weak=not strong)
