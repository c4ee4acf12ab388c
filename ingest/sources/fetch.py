"""Fetch feed bytes over HTTP (or from a local file) with timeouts, caps and politeness.

We do HTTP ourselves and hand feedparser only bytes plus the real response headers: that way
every limit (deadline, size, redirects, schemes) is ours, and feedparser never touches the net.
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__, settings
from ..text import is_web_scheme, is_web_url
from . import net
from .inflate import BodyError, Inflater
from .net import FETCH, AddressPolicy, HostGate, host_problem

LOGGER = logging.getLogger(__name__)

USER_AGENT = (
    f"minerals-tracker/{__version__} (critical-minerals trade-policy feed reader; "
    f"python-httpx/{httpx.__version__})"
)


FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")


@dataclass(frozen=True)
class FetchSettings:
    """Limits for one fetch; defaults suit a scheduled run over hundreds of feeds."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # whole request, redirects and retries included
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 1.0  # seconds, doubled per retry
    max_retry_after: float = 60.0  # a longer Retry-After fails the feed until then
    user_agent: str = USER_AGENT
    accept: str = FEED_ACCEPT  # what the request asks for (an article page: HTML)


@dataclass
class FetchResult:
    """What a fetch got: bytes and headers, a 304, or a one-line reason it failed."""

    status: str  # ok | not_modified | failed
    url: str
    http_status: int | None = None
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait
    duration_s: float = 0.0
    attempts: int = 0
    final: bool = False  # no retry can fix it (size cap, bad scheme, 404/410, redirect loop)
    warning: str | None = None  # something ignored on the way (an unusable validator)

    @property
    def nbytes(self) -> int:
        return len(self.content)


# A validator (ETag, Last-Modified) we store and send back: visible ASCII and spaces only.
# httpx refuses to send anything else, so a stored one would fail every later fetch.
_VALIDATOR = re.compile(r"[\x20-\x7e]{1,1000}")


def usable_validator(value: str | None) -> str | None:
    """`value` when it can be sent back as a header, else None (None stays None)."""
    if value is None:
        return None
    value = value.strip(" \t")
    return value if _VALIDATOR.fullmatch(value) else None


class _Abort(Exception):
    """A fetch must stop now, with this one-line reason; `final` when no retry can help."""

    def __init__(self, reason: str, *, final: bool = False) -> None:
        super().__init__(reason)
        self.final = final


def fetch_file(path: str, *, etag: str | None, settings: FetchSettings) -> FetchResult:
    """Read a local feed file; its size and mtime act as the ETag, so unchanged files are 304s."""
    start = time.monotonic()
    p = Path(path)
    try:
        st = p.stat()
        tag = f'"{st.st_mtime_ns:x}-{st.st_size:x}"'
        if etag == tag:
            return FetchResult("not_modified", path, etag=tag, duration_s=time.monotonic() - start)
        if st.st_size > settings.max_bytes:
            return FetchResult("failed", path, error=f"file is {st.st_size:,} bytes, over the "
                               f"{settings.max_bytes:,}-byte cap")
        content = p.read_bytes()
    except OSError as exc:
        return FetchResult("failed", path, error=f"cannot read file: {exc.strerror or exc}",
                           duration_s=time.monotonic() - start)
    return FetchResult("ok", path, content=content, etag=tag,
                       # A content type, or feedparser flags every local file as bozo.
                       headers={"content-location": p.resolve().as_uri(),
                                "content-type": "application/xml"},
                       duration_s=time.monotonic() - start, attempts=1)


def fetch_http(
    url: str,
    *,
    client: httpx.Client,
    etag: str | None = None,
    last_modified: str | None = None,
    settings: FetchSettings = FetchSettings(),
    gate: HostGate | None = None,
    min_interval_s: float = 0.0,
    sleep: Callable[[float], None] = time.sleep,
) -> FetchResult:
    """GET a feed with conditional headers, bounded retries and one overall deadline.

    The deadline starts once the host gate lets this fetch in (waiting behind a slow feed of
    the same host is not this feed's fault) and bounds every socket operation after that.
    """
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    for name, value in (("ETag", etag), ("Last-Modified", last_modified)):
        if value is not None and usable_validator(value) is None:  # stored by an older version
            LOGGER.warning("%s: not sending the stored %s %r: not visible ASCII", url, name, value[:100])
    etag, last_modified = usable_validator(etag), usable_validator(last_modified)
    with gate.hold(host, min_interval_s) if gate is not None else contextlib.nullcontext():
        start = time.monotonic()
        deadline = start + settings.deadline
        outer = getattr(FETCH, "at", None), getattr(FETCH, "policy", None)
        FETCH.at, FETCH.policy = deadline, _policy(url)
        try:
            result = _retrying(url, client, etag, last_modified, settings, deadline, sleep)
        finally:
            FETCH.at, FETCH.policy = outer
    result.duration_s = time.monotonic() - start
    return result


def _policy(url: str) -> AddressPolicy | None:
    """The addresses a fetch of `url` may connect to (None: a URL httpx will refuse anyway)."""
    try:
        return AddressPolicy(url, allow_private=settings.current().allow_private)
    except httpx.InvalidURL:
        return None


def _retrying(url: str, client: httpx.Client, etag: str | None, last_modified: str | None,
              settings: FetchSettings, deadline: float, sleep: Callable[[float], None]) -> FetchResult:
    attempts = 0
    while True:
        attempts += 1
        result = _attempt(url, client, etag, last_modified, settings, deadline)
        result.attempts = attempts
        retryable = result.status == "failed" and (
            result.http_status is None or result.http_status >= 500 or result.http_status == 429
        ) and not result.final
        if not retryable or attempts > settings.retries:
            break
        if result.http_status == 429:
            if result.retry_after is None or result.retry_after > settings.max_retry_after:
                break
            delay = result.retry_after
        else:
            delay = settings.backoff * (2 ** (attempts - 1))
        if time.monotonic() + delay >= deadline:
            break
        LOGGER.info("retrying %s in %.1fs: %s", url, delay, result.error)
        sleep(delay)
    return result


def _refusal(target: str, *, redirected: bool) -> str | None:
    """Why `target` is not fetched, in one line, or None: a host name no resolver accepts (a
    label over 63 characters), or, for a redirect, an address the fetch's policy refuses."""
    try:
        parsed = httpx.URL(target)
        host = parsed.raw_host.decode("ascii")
    except httpx.InvalidURL:
        return None  # httpx refuses it again when asked, and says why
    problem = host_problem(host)
    policy: AddressPolicy | None = getattr(FETCH, "policy", None)
    if problem is None and redirected and policy is not None:
        try:
            addresses = net.resolve(host, parsed.port or (443 if parsed.scheme == "https" else 80))
        except (OSError, UnicodeError):
            addresses = []  # connecting fails too, and says why
        problem = policy.refusal(host, addresses)
    if problem is None:
        return None
    if redirected:
        return f"refused to follow a redirect to {target[:120]!r}: {problem}"
    return f"cannot fetch {target[:120]!r}: {problem}"


def _fail(url: str, error: str, *, http_status: int | None = None, final: bool = False,
          retry_after: float | None = None) -> FetchResult:
    return FetchResult("failed", url, http_status=http_status, error=error,
                       retry_after=retry_after, final=final)


def _attempt(
    url: str,
    client: httpx.Client,
    etag: str | None,
    last_modified: str | None,
    settings: FetchSettings,
    deadline: float,
) -> FetchResult:
    headers = {"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate",
               "Accept": settings.accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    for hop in range(settings.max_redirects + 1):
        parts = urlsplit(current)
        if not is_web_scheme(parts.scheme) or not parts.hostname:
            return _fail(url, f"refused to follow a redirect to {current[:120]!r}: only http(s) "
                         "URLs are fetched", final=True)
        refusal = _refusal(current, redirected=hop > 0)
        if refusal is not None:
            return _fail(url, refusal, final=True)
        FETCH.refused = FETCH.location = None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return _fail(url, f"gave up after the {settings.deadline:g}s request deadline")
        timeout = httpx.Timeout(min(settings.read_timeout, remaining),
                                connect=min(settings.connect_timeout, remaining))
        try:
            status, resp_headers, body = _get(current, client, headers, timeout, settings, deadline)
        # httpx reads a redirect's Location even when not following it, and its IDNA codec
        # raises UnicodeError for a host it cannot encode ("xn--zz").
        except (_Abort, BodyError, httpx.HTTPError, httpx.InvalidURL, UnicodeError) as exc:
            error, final = _failure(exc, current, settings, deadline)
            return _fail(url, error, final=final)
        if status in (301, 302, 303, 307, 308):
            location = resp_headers.get("location")
            if not location:
                return _fail(url, f"HTTP {status} redirect without a Location header",
                             http_status=status, final=True)
            current = urljoin(current, location)
            continue
        return _answer(url, current, status, resp_headers, body, etag, last_modified)
    return _fail(url, f"more than {settings.max_redirects} redirects (loop?)", final=True)


def _failure(exc: Exception, current: str, settings: FetchSettings, deadline: float) -> tuple[str, bool]:
    """Why a request to `current` raised, in one line, and whether retrying is pointless."""
    host = urlsplit(current).hostname
    if isinstance(exc, _Abort | BodyError):
        return str(exc), exc.final
    if isinstance(exc, httpx.TimeoutException):
        if time.monotonic() >= deadline - 0.05:  # each read came in time; the whole did not
            return f"gave up after the {settings.deadline:g}s request deadline", False
        kind = "connect" if isinstance(exc, httpx.ConnectTimeout) else "read"
        return f"{kind} timeout talking to {host}", False
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects", True
    if isinstance(exc, httpx.InvalidURL | UnicodeError):
        target = getattr(FETCH, "location", None)
        shown = repr(target[:120]) if target else "an invalid URL"
        why = _short(exc) if not target or is_web_url(target) else "only http(s) URLs are fetched"
        return f"refused to follow a redirect to {shown}: {why}", True
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broken by {host}: {_short(exc)}", False
    if isinstance(exc, httpx.ConnectError):
        if getattr(FETCH, "refused", None):  # the address policy, where the socket connects
            return f"refused to follow a redirect to {current[:120]!r}: {FETCH.refused}", True
        return f"cannot connect to {host}: {_short(exc)}", False
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        return f"connection to {host} failed: {_short(exc)}", False
    return f"HTTP error from {host}: {_short(exc)}", False


def _answer(url: str, current: str, status: int, resp_headers: dict[str, str], body: bytes,
            etag: str | None, last_modified: str | None) -> FetchResult:
    """The result of a final (not redirecting) response: a 304, an HTTP error, or the body."""
    if status == 304:
        return FetchResult("not_modified", url, http_status=304, headers=resp_headers,
                           etag=etag, last_modified=last_modified)
    if status >= 400:
        retry_after = _retry_after(resp_headers.get("retry-after"))
        reason = httpx.codes.get_reason_phrase(status) or "error"
        msg = f"HTTP {status} {reason}"
        if retry_after is not None:
            msg += f" (retry after {retry_after:.0f}s)"
        return _fail(url, msg, http_status=status, retry_after=retry_after,
                     final=status in (404, 410, 401, 403))
    resp_headers.setdefault("content-location", current)
    return _ok(url, status, body, resp_headers)


def _ok(url: str, status: int, body: bytes, headers: dict[str, str]) -> FetchResult:
    """A 200's result, its validators kept only when they can be sent back."""
    result = FetchResult("ok", url, http_status=status, content=body, headers=headers,
                         etag=usable_validator(headers.get("etag")),
                         last_modified=usable_validator(headers.get("last-modified")))
    dropped = [name for name, key, kept in (("ETag", "etag", result.etag),
                                             ("Last-Modified", "last-modified", result.last_modified))
               if headers.get(key) is not None and kept is None]
    if dropped:
        result.warning = f"ignored the {' and '.join(dropped)} sent: not visible ASCII"
        LOGGER.warning("%s: %s", url, result.warning)
    return result


def _get(
    url: str,
    client: httpx.Client,
    headers: dict[str, str],
    timeout: httpx.Timeout,
    settings: FetchSettings,
    deadline: float,
) -> tuple[int, dict[str, str], bytes]:
    with client.stream("GET", url, headers=headers, timeout=timeout,
                       follow_redirects=False) as resp:
        resp_headers = {k.lower(): v for k, v in resp.headers.items()}
        if resp.status_code >= 300:
            return resp.status_code, resp_headers, b""
        declared = resp_headers.get("content-length", "")
        if _is_number(declared) and int(declared) > settings.max_bytes:
            raise _Abort(f"response of {int(declared):,} bytes is over the "
                         f"{settings.max_bytes:,}-byte size cap", final=True)
        inflater = Inflater(resp_headers.get("content-encoding", ""))
        body = bytearray()
        # Raw bytes, inflated here at most one byte past the cap: memory stays bounded by it.
        for chunk in resp.iter_raw():
            body += inflater.feed(chunk, settings.max_bytes - len(body) + 1)
            if len(body) > settings.max_bytes:
                raise _Abort(f"response body over the {settings.max_bytes:,}-byte size cap",
                             final=True)
            if time.monotonic() > deadline:
                raise _Abort(f"gave up after the {settings.deadline:g}s request deadline "
                             f"({len(body):,} bytes received)")
        inflater.finish()
        # feedparser must not decode again: the body we hand it is already decompressed.
        resp_headers.pop("content-encoding", None)
        return resp.status_code, resp_headers, bytes(body)


def _is_number(value: str) -> bool:
    """Plain ASCII digits (str.isdigit also accepts '²', which int() refuses)."""
    return value.isascii() and value.isdigit()


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if _is_number(value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else exc.__class__.__name__


def make_client(workers: int = 8) -> httpx.Client:
    """One pooled client for a run; proxies only when the user's environment sets them.

    Its sockets stop at each fetch's deadline and connect only where the fetch's address
    policy allows (see net.py); a proxy's do not.
    """
    return net.make_client(workers, trust_env=settings.current().trust_env, on_response=_note_location)


def _note_location(response: httpx.Response) -> None:
    """Remember a redirect's target, for the message when httpx finds it unusable."""
    FETCH.location = response.headers.get("location") if response.is_redirect else None
