"""One ingest run: fetch → parse → tag → store, for every feed, failures isolated per feed.

Threads fetch; worker processes parse and tag, each feed under a time limit; writes happen in
the calling thread, one transaction per feed, so a broken feed never leaves half a batch and
writers never race.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from . import settings as tracker_settings
from . import store
from .acts import ingest as act_ingest
from .acts.model import Report
from .acts.reports import tagged_reports
from .language.read import tag_article
from .records import ArticleRecord, TaggedArticle
from .retag import retag as retag  # re-exported: callers say pipeline.retag
from .sources import articles
from .sources.feedlist import FeedSpec
from .sources.fetch import FetchResult, FetchSettings, HostGate, fetch_file, fetch_http, make_client
from .sources.parse import ParsedFeed, parse_feed
from .tagging.tagger import Tagger
from .text import first_line
from .workers import DaemonThreads, ParseFailed, ParsePool, tag_articles

LOGGER = logging.getLogger(__name__)

# A failing feed waits longer after each consecutive failure: 15 min, 30, 1 h ... up to a day.
BACKOFF_BASE = timedelta(minutes=15)
BACKOFF_MAX = timedelta(hours=24)
PERMANENT_STATUSES = (404, 410)
DEFAULT_SETTINGS = FetchSettings()
SAVE_TRIES = 4  # a feed's write is retried when it lost a deadlock to a concurrent ingest
# PostgreSQL's deadlock_detected and serialization_failure: the transaction can simply run again.
_TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})


@dataclass
class FeedOutcome:
    """What happened to one feed in a run."""

    name: str
    status: str  # ok | not_modified | failed | skipped
    items: int = 0
    new_articles: int = 0
    new_events: int = 0
    error: str | None = None
    warning: str | None = None
    next_attempt_at: datetime | None = None
    store_failed: bool = False  # the store refused the write (a full disk, a lost database)


@dataclass
class RunSummary:
    """The totals a run prints at the end."""

    outcomes: list[FeedOutcome] = field(default_factory=list)
    seconds: float = 0.0
    store_error: str | None = None  # the first write the store refused, in one line

    @property
    def store_failed(self) -> bool:
        return self.store_error is not None

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def new_articles(self) -> int:
        return sum(o.new_articles for o in self.outcomes)

    @property
    def new_events(self) -> int:
        return sum(o.new_events for o in self.outcomes)

    @property
    def all_failed(self) -> bool:
        tried = [o for o in self.outcomes if o.status != "skipped"]
        return bool(tried) and all(o.status == "failed" for o in tried)

    def line(self) -> str:
        return (
            f"{self.count('ok')} feeds ok, {self.count('not_modified')} not modified, "
            f"{self.count('failed')} failed, {self.count('skipped')} skipped (backing off); "
            f"{self.new_articles} new articles, {self.new_events} new events in {self.seconds:.1f}s"
        )


@dataclass
class _Work:
    """A worker's result for one feed, before it is written."""

    spec: FeedSpec
    feed_id: int
    started_at: datetime
    fetched: FetchResult
    parsed: ParsedFeed | None = None
    tagged: list[TaggedArticle] = field(default_factory=list)


def backoff_after(failures: int, http_status: int | None, retry_after: float | None,
                  now: datetime) -> datetime:
    """When a failing feed may be tried again: exponential in consecutive failures.

    A server's Retry-After is honoured up to BACKOFF_MAX (a huge one would overflow the date).
    """
    if retry_after is not None:
        return now + timedelta(seconds=min(max(retry_after, 0.0), BACKOFF_MAX.total_seconds()))
    steps = max(failures - 1, 0)
    delay = BACKOFF_BASE * (2 ** min(steps, 10))
    if http_status in PERMANENT_STATUSES:
        delay = max(delay, timedelta(hours=6))
    return now + min(delay, BACKOFF_MAX)


def run(
    engine: Engine,
    specs: Sequence[FeedSpec],
    *,
    workers: int = 8,
    settings: FetchSettings = DEFAULT_SETTINGS,
    tagger: Tagger | None = None,
    force: bool = False,
    progress: Callable[[FeedOutcome], None] | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    processes: int | None = None,
    parse_timeout: float | None = None,
    gate: HostGate | None = None,
) -> RunSummary:
    """Pull every feed in `specs` into the store; never raises for a bad feed.

    Each feed is parsed and tagged in one of `processes` worker processes (default: one per
    core, at most one per feed), stopped after `parse_timeout` seconds (default: the setting
    TRACKER_PARSE_TIMEOUT), while threads fetch and the calling thread writes. `processes=0`,
    or a `tagger` of the caller's, parses and tags in this process instead, without that limit.
    Ctrl-C (KeyboardInterrupt) stops the workers and leaves at once; feeds already written stay.
    As with any code that starts processes, a script that calls this needs the
    `if __name__ == "__main__":` guard (workers import the running script).
    With TRACKER_FETCH_ARTICLES=1, relevant headline-only items are re-tagged on their article
    pages' text (ingest/sources/articles.py). `gate` spaces requests per host (tests: a fake clock).
    """
    t0 = time.monotonic()
    summary = RunSummary()
    pending: list[Report] = []  # new reports, grouped into acts once every feed is written
    behind = act_ingest.is_behind(engine)  # an earlier run died before grouping its reports
    with store.atomic(engine) as conn:
        ids = {s.name: store.ensure_feed(conn, s.name, s.url, s.tags) for s in specs}
        states = {s.name: store.feed_state(conn, ids[s.name]) for s in specs}
    todo = _to_attempt(specs, states, force=force, now=now, summary=summary, progress=progress)
    tagger, pool = _parsers(len(todo), tagger, processes, parse_timeout)
    threads = DaemonThreads(min(max(1, workers), max(1, len(todo))))
    client, gate = make_client(workers), gate or HostGate()
    pages = (_article_pages(engine, client, gate, settings, tagger)
             if tracker_settings.current().fetch_articles else None)
    try:
        futures = [threads.submit(_work, s, ids[s.name], states[s.name], client, gate, settings, tagger,
                                  now, pool, pages) for s in todo]
        # Written in list order, not completion order: when two feeds carry the same article,
        # the earlier feed's copy wins on every run and every backend.
        for fut in futures:
            work = fut.result()
            _report(summary, progress, _save(engine, work, states[work.spec.name], now, pending))
    finally:  # Ctrl-C included: no worker outlives the run, and no fetch holds up the exit
        threads.shutdown()
        if pool is not None:
            pool.close()
    client.close()
    _group_acts(engine, summary, pending, behind, tagger)
    _finish(engine, summary, now)
    summary.store_error = next((o.error for o in summary.outcomes if o.store_failed), summary.store_error)
    summary.seconds = time.monotonic() - t0
    return summary


def _to_attempt(specs: Sequence[FeedSpec], states: dict[str, dict[str, Any]], *, force: bool,
                now: Callable[[], datetime], summary: RunSummary,
                progress: Callable[[FeedOutcome], None] | None) -> list[FeedSpec]:
    """The feeds to try now; one still backing off after failures is reported as skipped."""
    todo: list[FeedSpec] = []
    for s in specs:
        nxt = states[s.name].get("next_attempt_at")
        if not force and nxt is not None and nxt > now() and states[s.name].get("last_status") == "failed":
            _report(summary, progress, FeedOutcome(s.name, "skipped", error=states[s.name].get("last_error"),
                                                   next_attempt_at=nxt))
            continue
        todo.append(s)
    return todo


def _parsers(feeds: int, tagger: Tagger | None, processes: int | None,
             parse_timeout: float | None) -> tuple[Tagger | None, ParsePool | None]:
    """Where feeds are parsed and tagged: a pool of worker processes, or a tagger in this one."""
    if processes is None:
        processes = 0 if tagger is not None else min(os.cpu_count() or 1, feeds)
    if not processes:
        tagger = tagger or Tagger()
    limit = parse_timeout or tracker_settings.current().parse_timeout
    pool = ParsePool(processes, limit) if processes and feeds else None
    return tagger, pool


def _report(summary: RunSummary, progress: Callable[[FeedOutcome], None] | None,
            out: FeedOutcome) -> None:
    summary.outcomes.append(out)
    if progress:
        progress(out)


def _group_acts(engine: Engine, summary: RunSummary, pending: list[Report], behind: bool,
                tagger: Tagger | None) -> None:
    """Group the run's new reports into acts (see ingest.acts.ingest)."""
    try:
        act_ingest.flush(engine, pending, rebuild=behind, tagger=tagger)
    except SQLAlchemyError as exc:
        LOGGER.info("could not group reports into acts: %s", first_line(exc))  # the caller reports it
        summary.store_error = f"store error: {first_line(exc)[:200]}"


def _finish(engine: Engine, summary: RunSummary, now: Callable[[], datetime]) -> None:
    """Note when the run ended (what dashboards key their caches on)."""
    try:
        with store.atomic(engine) as conn:
            store.set_meta(conn, "last_run_at", now().isoformat())
    except SQLAlchemyError as exc:
        LOGGER.info("could not note the end of the run: %s", first_line(exc))  # the caller reports it
        summary.store_error = f"store error: {first_line(exc)[:200]}"


def _work(spec: FeedSpec, feed_id: int, state: dict, client, gate: HostGate,
          settings: FetchSettings, tagger: Tagger | None, now: Callable[[], datetime],
          pool: ParsePool | None = None, pages: Pages | None = None) -> _Work:
    started = now()
    try:
        if spec.is_local:
            fetched = fetch_file(spec.url, etag=state.get("etag"), settings=settings)
        else:
            fetched = fetch_http(spec.url, client=client, etag=state.get("etag"),
                                 last_modified=state.get("last_modified"), settings=settings,
                                 gate=gate, min_interval_s=spec.min_interval_s)
    except Exception as exc:  # noqa: BLE001 - one feed's surprise must not stop the run
        LOGGER.exception("unexpected error fetching %s", spec.url)
        fetched = FetchResult("failed", spec.url,
                              error=f"unexpected {exc.__class__.__name__}: {first_line(exc)[:200]}")
    work = _Work(spec, feed_id, started, fetched)
    if fetched.status != "ok":
        return work
    try:
        if pool is not None:
            work.parsed, work.tagged = pool.parse_and_tag(fetched.content, fetched.headers, spec.url,
                                                          started)
        else:
            work.parsed = parse_feed(fetched.content, fetched.headers, spec.url, started)
            if work.parsed.error is None and tagger is not None:
                work.tagged = tag_articles(tagger, work.parsed)
        if pages is not None and work.tagged:
            work.tagged = pages(work.tagged)
    except ParseFailed as exc:
        work.parsed = ParsedFeed(error=str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser or tagger bug on one feed is recorded
        LOGGER.exception("unexpected error parsing %s", spec.url)
        work.parsed = ParsedFeed(error=f"unexpected {exc.__class__.__name__} while parsing: "
                                       f"{first_line(exc)[:200]}")
    return work


Pages = Callable[[list[TaggedArticle]], list[TaggedArticle]]


def _article_pages(engine: Engine, client: Any, gate: HostGate, settings: FetchSettings,
                   tagger: Tagger | None) -> Pages | None:
    """TRACKER_FETCH_ARTICLES: re-tag new relevant headline-only items on their pages' text."""
    if not articles.extractor_available():
        LOGGER.warning("TRACKER_FETCH_ARTICLES is set, but trafilatura is not installed "
                       "(pip install -e '.[articles]'): article pages are not fetched")
        return None
    page_settings = replace(settings, accept=articles.PAGE_ACCEPT)

    def fetch(url: str) -> FetchResult:
        return fetch_http(url, client=client, settings=page_settings, gate=gate,
                          min_interval_s=articles.ARTICLE_MIN_INTERVAL_S)

    robots = articles.Robots(fetch)
    lock, own = threading.Lock(), [tagger]

    def retag(a: ArticleRecord) -> TaggedArticle:
        with lock:  # one tagger in this process, for the few items that get a page
            tagger = own[0] = own[0] or Tagger()
            t = tag_article(tagger, a, a.page_text)
            return replace(t, weak_events=())

    def stored(batch: list[ArticleRecord]) -> set[str]:
        with engine.connect() as conn:
            return store.already_stored(conn, batch)

    return partial(articles.enrich, text_of=lambda url: articles.page_text(url, fetch, robots),
                   retag=retag, stored=stored)


def _save(engine: Engine, work: _Work, state: dict, now: Callable[[], datetime],
          pending: list[Report]) -> FeedOutcome:
    f = work.fetched
    spec = work.spec
    error = f.error if f.status == "failed" else (work.parsed.error if work.parsed else None)
    status = "failed" if error else f.status
    for attempt in range(1, SAVE_TRIES + 1):
        out = FeedOutcome(spec.name, status, error=error)
        reports: list[Report] = []
        try:
            with store.atomic(engine) as conn:
                batch = store.BatchResult()
                if status == "ok" and work.parsed is not None:
                    batch = store.save_batch(conn, work.feed_id, work.tagged, now())
                    reports = _new_reports(batch, work.tagged)
                    if reports:
                        act_ingest.mark_behind(conn)  # cleared once the run groups them
                    out.items = len(work.tagged)
                    out.new_articles = batch.new_articles
                    out.new_events = batch.new_events
                    out.warning = "; ".join(w for w in (f.warning, work.parsed.warning) if w) or None
                nxt = None
                if status == "failed":
                    failures = (state.get("consecutive_failures") or 0) + 1
                    nxt = backoff_after(failures, f.http_status, f.retry_after, now())
                    out.next_attempt_at = nxt
                store.record_attempt(
                    conn, work.feed_id, started_at=work.started_at, status=status,
                    http_status=f.http_status, duration_s=f.duration_s, nbytes=f.nbytes,
                    items=out.items, new_articles=out.new_articles, error=error,
                    warning=out.warning, etag=f.etag if status == "ok" else None,
                    last_modified=f.last_modified if status == "ok" else None,
                    next_attempt_at=nxt,
                )
            pending.extend(reports)
            break
        except SQLAlchemyError as exc:
            if attempt < SAVE_TRIES and _transient(exc):
                # Another ingest writing the same articles at once: the batch rolled back whole.
                LOGGER.info("writing feed %s again after: %s", spec.name, first_line(exc))
                continue
            # Recorded in the outcome, which the caller reports (the CLI: one line per feed).
            LOGGER.info("could not store feed %s: %s", spec.name, first_line(exc))
            out = FeedOutcome(spec.name, "failed", error=f"store error: {first_line(exc)[:200]}",
                              store_failed=True)
            break
    if status == "failed":
        LOGGER.info("feed %s failed: %s", spec.name, error)
    return out


def _new_reports(batch: store.BatchResult, tagged: Sequence[TaggedArticle]) -> list[Report]:
    """Reports of the articles this batch stored (the first copy of each, as its events are)."""
    out, seen = [], set()
    for aid, t in zip(batch.article_ids, tagged, strict=True):
        if aid in batch.inserted and aid not in seen:
            seen.add(aid)
            out += tagged_reports(aid, t)
    return out


def _transient(exc: SQLAlchemyError) -> bool:
    """A write that failed only because a concurrent writer won: retrying it is safe."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:
        return True
    return "database is locked" in str(orig or "")  # SQLite, after its busy timeout
