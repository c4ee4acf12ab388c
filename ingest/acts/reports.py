"""Reports from tagged articles: one per event, or one mention for an article with no event.

The same article gives the same reports whether it comes from the tagger at ingest or from
the stored rows at a rebuild, which is what makes a rebuild reproduce the acts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from ..records import EventRecord, TaggedArticle
from ..text import html_to_text
from .features import change_kind_of, is_modifier, owner_only, stems
from .model import Report, outlet_of, report_id, span_of

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
    for ev, evidence in events:
        founds = founds_unnamed(ev, day)
        window = ev.end_date if ev.end_date is not None and ev.end_date <= day else None
        text = evidence + "\n" + title
        changes = ev.type not in NOT_CHANGES or ev.type == "agreement" and change_kind_of(text) == "extended"
        out.append(Report(
            id=report_id(article_id, ev.key), evidence=evidence,
            kind="weak" if weak and not founds else "event",
            countries=tuple(ev.countries), commodities=tuple(ev.commodities), type=ev.type,
            subtype=ev.subtype, status=ev.status,
            date=span_of(ev.date, ev.date_precision, window) if ev.date_source == "text" else None,
            end_date=None if window else ev.end_date,
            actor=None if owner_only(title, ev.actor) else ev.actor, targets=tuple(ev.targets),
            modifier=changes and is_modifier(text, ev.status),
            **base))  # type: ignore[arg-type]
    cs, ms = tuple(sorted(countries)), tuple(sorted(commodities))
    if (cs or ms) and (weak or not out):  # naming one of them only: see mentions.mention_score
        out.append(Report(id=report_id(article_id, "mention"), kind="mention", evidence=title,
                          countries=cs, commodities=ms,
                          modifier=is_modifier(title + " " + html_to_text(summary), None),
                          **base))  # type: ignore[arg-type]
    return out


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
