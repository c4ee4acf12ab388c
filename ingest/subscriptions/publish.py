"""Saved views: adding one (its query checked, today's acts taken as already seen), and after
each ingest run, publishing every view's changes to its Atom file and its webhook.

A view's feed starts empty: the acts it matches when saved are its baseline, so its entries
are what happened after. Publishing never fails the run: a view whose store write, file or
webhook fails is reported (and the webhook failure recorded), and the next view goes on.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from .. import settings, store
from ..read.view_query import parse_view_query, view_query
from ..store import subscriptions as subs
from ..tagging.taxonomy import Taxonomy, default_taxonomy
from ..text import first_line
from .atom import render, rfc3339
from .changes import entries_for, view_acts
from .webhook import DEFAULT_POLICY, Delivery, Policy, deliver

LOGGER = logging.getLogger(__name__)
KEEP_ENTRIES = 50  # a view's feed holds its newest 50 entries
WEBHOOK_BUDGET_S = 60.0  # all webhooks of one run together, at most
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")

Deliver = Callable[..., Delivery]


class ViewError(Exception):
    """A view cannot be saved or found; the message is one line saying why."""


@dataclass
class Published:
    """What one view got from a run."""

    name: str
    entries: int = 0
    path: Path | None = None
    webhook: Delivery | None = None
    error: str | None = None


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ViewError(f"view name {name[:80]!r} must be 1-64 letters, digits, '_', '-' or '.', "
                        "starting with a letter or digit (it names the feed file)")
    return name


def feed_path(name: str, folder: Path | None = None) -> Path:
    return (folder or settings.current().subscriptions_dir) / f"{name}.atom"


def clean_query(query: str, tax: Taxonomy) -> str:
    """The query with ids only; a ViewError naming the first value it does not know."""
    filters, notices = parse_view_query(query, tax)
    if notices:
        more = f" (and {len(notices) - 1} more)" if len(notices) > 1 else ""
        raise ViewError(notices[0] + more)
    return view_query(filters, tax)


def add_view(engine: Engine, name: str, query: str, webhook: str | None = None, *,
             tax: Taxonomy | None = None, now: datetime | None = None,
             folder: Path | None = None) -> str:
    """Save view `name` (acts it matches now are its baseline) and write its empty feed; returns
    the stored query."""
    tax, now = tax or default_taxonomy(), now or datetime.now(UTC)
    check_name(name)
    if webhook is not None and not re.match(r"https?://[^\s/]+", webhook):
        raise ViewError(f"webhook {webhook[:200]!r} is not an http(s) URL")
    clean = clean_query(query, tax)
    filters, _ = parse_view_query(clean, tax)
    baseline = {k: a.state() for k, a in view_acts(engine, filters).items()}
    with store.atomic(engine) as conn:
        if not subs.add(conn, name, clean, webhook, now):
            raise ViewError(f"a view named {name!r} exists; `subscriptions remove {name}` first")
        subs.save_states(conn, name, baseline)
    write_feed(feed_path(name, folder), render(name, clean, [], now))
    return clean


def remove_view(engine: Engine, name: str, folder: Path | None = None) -> None:
    with store.atomic(engine) as conn:
        if not subs.remove(conn, name):
            raise ViewError(f"no view named {name!r}; see `subscriptions list`")
    feed_path(name, folder).unlink(missing_ok=True)


def feed_of(engine: Engine, name: str) -> bytes:
    """The view's Atom document as stored (what its file holds after the last run)."""
    with engine.connect() as conn:
        view = subs.get(conn, name)
        if view is None:
            raise ViewError(f"no view named {name!r}; see `subscriptions list`")
        entries = subs.entries(conn, name)
    return render(name, view["query"], entries, view["last_fired_at"] or view["created_at"])


def write_feed(path: Path, data: bytes) -> None:
    """Replace `path` whole (a reader never sees half a feed); readable by a web server."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise


def _payload(view: dict[str, Any], entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {"subscription": view["name"], "query": view["query"], "changes": [
        {"id": e["entry_id"], "act_id": e["act_id"], "kind": e["kind"], "title": e["title"],
         "link": e["link"], "updated": rfc3339(e["updated_at"]), "content_html": e["content"]}
        for e in entries]}


def _publish_one(engine: Engine, view: dict[str, Any], tax: Taxonomy, now: datetime,
                 folder: Path | None, keep: int) -> tuple[Published, list[dict[str, Any]]]:
    name = view["name"]
    filters, notices = parse_view_query(view["query"], tax)
    for notice in notices:  # the taxonomy lost a value the view names: say so, keep the rest
        LOGGER.warning("view %s: %s", name, notice)
    with engine.connect() as conn:
        previous = subs.published_states(conn, name)
    current = view_acts(engine, filters)
    new = entries_for(name, previous, current, tax, now)
    with store.atomic(engine) as conn:
        subs.add_entries(conn, name, new, keep)
        subs.save_states(conn, name, {k: a.state() for k, a in current.items()})
        subs.mark_fired(conn, name, now)
        entries = subs.entries(conn, name)
    path = feed_path(name, folder)
    write_feed(path, render(name, view["query"], entries, now))
    return Published(name, len(new), path), new


def publish_all(engine: Engine, *, tax: Taxonomy | None = None, now: datetime | None = None,
                folder: Path | None = None, keep: int = KEEP_ENTRIES, policy: Policy = DEFAULT_POLICY,
                post: Deliver = deliver, clock: Callable[[], float] = time.monotonic) -> list[Published]:
    """Publish every saved view's changes since it last fired; never raises for one view."""
    tax, now = tax or default_taxonomy(), now or datetime.now(UTC)
    allow_private = settings.current().allow_private
    try:
        with engine.connect() as conn:
            views = subs.all_views(conn)
    except SQLAlchemyError as exc:
        LOGGER.warning("saved views not published: %s", first_line(exc))
        return []
    start, out = clock(), []
    for view in views:
        try:
            result, new = _publish_one(engine, view, tax, now, folder, keep)
        except (SQLAlchemyError, OSError) as exc:
            LOGGER.warning("view %s: not published: %s", view["name"], first_line(exc))
            out.append(Published(view["name"], error=first_line(exc)[:200]))
            continue
        if new and view["webhook"]:
            left = WEBHOOK_BUDGET_S - (clock() - start)
            result.webhook = (post(view["webhook"], _payload(view, new), allow_private=allow_private,
                                   policy=Policy(policy.timeout, policy.tries, policy.backoff,
                                                 min(policy.budget, left)))
                              if left > 0 else Delivery(False, 0, error="not sent: this run's webhook time was used up"))
            _record(engine, view["name"], result.webhook, now)
        out.append(result)
    return out


def _record(engine: Engine, name: str, d: Delivery, now: datetime) -> None:
    if not d.ok:
        LOGGER.warning("view %s: webhook failed: %s", name, d.error)
    try:
        with store.atomic(engine) as conn:
            subs.record_webhook(conn, name, d.ok, d.error, now)
    except SQLAlchemyError as exc:
        LOGGER.warning("view %s: webhook outcome not recorded: %s", name, first_line(exc))
