"""POST a view's changes to its webhook: a timeout per try, retries with exponential backoff,
and a bound on the whole delivery, so a dead receiver costs an ingest run seconds, not minutes.

Server errors (5xx), 429, timeouts and connection failures are retried; other answers are
final (a 4xx will not change by asking again; a redirect is not followed, a POST must not
wander). The outcome is returned as data for the store; nothing here raises for the network.
`sleep` and `clock` are injectable, so tests wait for nothing.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from ..sources.net import FETCH, AddressPolicy, host_problem, make_client
from ..text import first_line, safe_link

LOGGER = logging.getLogger(__name__)
RETRY_STATUSES = frozenset({429}) | frozenset(range(500, 600))


@dataclass(frozen=True)
class Policy:
    """How hard to try: per-try timeout, tries, first backoff (doubling) and the total budget."""

    timeout: float = 5.0
    tries: int = 4
    backoff: float = 1.0
    budget: float = 20.0


DEFAULT_POLICY = Policy()


@dataclass(frozen=True)
class Delivery:
    ok: bool
    attempts: int
    status: int | None = None
    error: str | None = None


def _attempt(client: httpx.Client, url: str, body: bytes, timeout: float,
             allow_private: bool) -> tuple[int | None, str | None]:
    """(HTTP status, None) or (None, why it failed) for one POST."""
    outer = getattr(FETCH, "at", None), getattr(FETCH, "policy", None)
    FETCH.at = time.monotonic() + timeout
    FETCH.policy = AddressPolicy(url, allow_private=allow_private)
    try:
        resp = client.post(url, content=body, timeout=timeout, headers={
            "Content-Type": "application/json", "User-Agent": "minerals-tracker-subscriptions"})
        return resp.status_code, None
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {first_line(exc) or 'no detail'}"
    finally:
        FETCH.at, FETCH.policy = outer


def deliver(url: str, payload: dict[str, Any], *, policy: Policy = DEFAULT_POLICY,
            allow_private: bool = False, client: httpx.Client | None = None,
            sleep: Callable[[float], None] = time.sleep,
            clock: Callable[[], float] = time.monotonic) -> Delivery:
    """POST `payload` as JSON to `url`, retrying as the module says, within `policy.budget`."""
    if safe_link(url) is None or host_problem(httpx.URL(url).host):
        return Delivery(False, 0, error=f"not an http(s) URL: {url[:200]!r}")
    body = json.dumps(payload, default=str).encode("utf-8")
    own = client is None
    client = client or make_client(1)
    start, attempts, status, error = clock(), 0, None, None
    try:
        for attempt in range(max(policy.tries, 1)):
            left = policy.budget - (clock() - start)
            if attempt and left <= 0:
                break
            attempts += 1
            status, error = _attempt(client, url, body, max(min(policy.timeout, left), 0.05), allow_private)
            if status is not None and 200 <= status < 300:
                return Delivery(True, attempts, status)
            if status is not None:
                error = f"HTTP {status}"
                if status not in RETRY_STATUSES:
                    break
            delay = policy.backoff * 2 ** attempt
            if attempt + 1 >= policy.tries or clock() - start + delay >= policy.budget:
                break
            LOGGER.info("webhook %s: %s; retrying in %.1fs", url, error, delay)
            sleep(delay)
    finally:
        if own:
            client.close()
    return Delivery(False, attempts, status, f"{error} after {attempts} tr{'ies' if attempts != 1 else 'y'}")
