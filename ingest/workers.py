"""Parsing and tagging in worker processes under a time limit; fetching in daemon threads.

A hostile body can keep a parser busy for hours inside one C call that holds the interpreter
lock, where no timeout, progress bar or Ctrl-C reaches it. In a worker process it can be
stopped: each feed gets `limit` seconds, and a worker that overruns is killed and replaced,
so the feed fails with one line and the run goes on. Fetch threads are daemon threads, so an
interrupted run exits at once instead of waiting for a slow server.
"""

from __future__ import annotations

import logging
import queue
import signal
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime
from multiprocessing import get_context
from multiprocessing.connection import Connection
from typing import Any

from .language.read import tag_article
from .records import TaggedArticle
from .sources.parse import ParsedFeed, parse_feed
from .tagging.tagger import Tagger
from .text import first_line

LOGGER = logging.getLogger(__name__)


class ParseFailed(Exception):
    """Parsing or tagging one feed failed; the message says why in one line."""


class ParseTimeout(ParseFailed):
    """The feed took longer than the limit; its worker was stopped."""


def tag_articles(tagger: Tagger, parsed: ParsedFeed) -> list[TaggedArticle]:
    """Tag every parsed article; only relevant ones keep events."""
    return [tag_article(tagger, a) for a in parsed.articles]


_TAGGER: Tagger | None = None  # one per worker process, built as it starts
STARTUP_LIMIT = 120.0  # seconds a worker may take to start (a loaded machine, a cold disk)


def parse_and_tag(content: bytes, headers: dict[str, str], url: str,
                  started: datetime) -> tuple[ParsedFeed, list[TaggedArticle]]:
    """Parse and tag one feed body (in a worker process)."""
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = Tagger()
    parsed = parse_feed(content, headers, url, started)
    tagged = tag_articles(_TAGGER, parsed) if parsed.error is None else []
    return parsed, tagged


_WARM_UP = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>w</title><item><title>China '
            b"restricts gallium exports</title><link>https://warm.example/1</link><description>&lt;p&gt;"
            b"It will restrict exports of gallium from Aug. 1, 2023.&lt;/p&gt;</description></item>"
            b"</channel></rss>")


def warm_up() -> None:
    """Build the tagger and parse and tag one small feed, so that processes forked from this
    one start with everything loaded (the forkserver runs this once: ingest/warm_worker.py)."""
    try:
        parse_and_tag(_WARM_UP, {"content-type": "application/rss+xml"}, "https://warm.example/",
                      datetime(2023, 7, 3, tzinfo=UTC))
    except Exception:  # noqa: BLE001 - only a head start: the worker builds what it needs anyway
        LOGGER.debug("warming up the parsing processes failed", exc_info=True)


def _serve(conn: Connection) -> None:
    """A worker's loop: parse and tag each body it is sent, until its pipe closes."""
    global _TAGGER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which stops us
    _TAGGER = _TAGGER or Tagger()  # ready before the first feed's clock starts
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[str, Any] = ("ok", parse_and_tag(*job))
        except Exception as exc:  # noqa: BLE001 - a parser or tagger bug fails that feed only
            answer = ("bug", (f"{exc.__class__.__name__}: {first_line(exc)[:200]}",
                              traceback.format_exc()))
        conn.send(answer)


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, ctx: Any) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child,), daemon=True, name="ingest-parse")
        self.process.start()
        child.close()
        self.ready = False

    def call(self, job: tuple[Any, ...], limit: float) -> tuple[str, Any]:
        try:
            if not self.ready:  # starting up (imports, the tagger) is not the feed's time
                if not self.conn.poll(STARTUP_LIMIT):
                    raise ParseFailed(f"the parsing process did not start in {STARTUP_LIMIT:g} s")
                self.conn.recv()
                self.ready = True
            self.conn.send(job)
            if not self.conn.poll(limit):
                raise ParseTimeout(f"parsing and tagging took longer than the {limit:g} s limit "
                                   "(TRACKER_PARSE_TIMEOUT); stopped")
            return self.conn.recv()
        except (EOFError, OSError):  # killed: by close() after Ctrl-C, or out of memory
            raise ParseFailed("the parsing process stopped before it finished") from None

    def kill(self) -> None:
        self.process.kill()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class ParsePool:
    """Up to `size` worker processes, started when first needed, each feed under `limit` seconds."""

    def __init__(self, size: int, limit: float) -> None:
        self.limit = limit
        self._ctx = get_context("forkserver")  # no fork() of a process that runs threads
        # The forkserver imports (and warms up) the parser and tagger once; workers fork from it.
        self._ctx.set_forkserver_preload(["ingest.warm_worker"])
        self._slots = threading.BoundedSemaphore(max(1, size))
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._closed = False

    def parse_and_tag(self, content: bytes, headers: dict[str, str], url: str,
                      started: datetime) -> tuple[ParsedFeed, list[TaggedArticle]]:
        """parse_and_tag in a worker; raises ParseFailed (ParseTimeout past the limit)."""
        with self._slots:
            worker = self._checkout()
            try:
                kind, payload = worker.call((content, headers, url, started), self.limit)
            except ParseFailed:
                self._discard(worker)
                raise
            self._checkin(worker)
        if kind == "bug":
            message, trace = payload
            LOGGER.error("unexpected error parsing %s:\n%s", url, trace)
            raise ParseFailed(f"unexpected {message}")
        return payload

    def close(self) -> None:
        """Stop every worker; a feed still being parsed fails (its thread finds the pipe closed)."""
        with self._lock:
            self._closed = True
            idle, busy = self._idle, list(self._busy)
            self._idle = []
        for worker in idle:
            worker.stop()
        for worker in busy:
            worker.kill()

    def _checkout(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise ParseFailed("the run was stopped")
            worker = self._idle.pop() if self._idle else None
        if worker is None:
            worker = _Worker(self._ctx)
        with self._lock:
            self._busy.add(worker)
            closed = self._closed
        if closed:  # close() ran while this worker started
            worker.kill()
        return worker

    def _checkin(self, worker: _Worker) -> None:
        with self._lock:
            self._busy.discard(worker)
            if not self._closed:
                self._idle.append(worker)
                return
        worker.stop()

    def _discard(self, worker: _Worker) -> None:
        with self._lock:
            self._busy.discard(worker)
        worker.stop()


class DaemonThreads:
    """Calls run on `n` daemon threads, their results handed back as futures.

    ThreadPoolExecutor's threads hold up the interpreter's exit until their call returns;
    these do not, so after Ctrl-C a fetch still waiting on a slow server is simply dropped.
    """

    def __init__(self, n: int) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future, Callable[..., Any], tuple[Any, ...]] | None] = (
            queue.SimpleQueue())
        self._threads = [threading.Thread(target=self._loop, daemon=True, name=f"ingest-fetch-{i}")
                         for i in range(max(1, n))]
        for t in self._threads:
            t.start()

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future:
        fut: Future = Future()
        self._jobs.put((fut, fn, args))
        return fut

    def shutdown(self) -> None:
        """Cancel the calls not started; each thread ends after its current call."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job[0].cancel()
        for _ in self._threads:
            self._jobs.put(None)

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            fut, fn, args = job
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(fn(*args))
            except Exception as exc:  # noqa: BLE001 - handed to whoever waits on the future
                fut.set_exception(exc)
