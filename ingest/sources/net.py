"""Sockets for fetches: the whole-request deadline, which addresses a fetch may reach, one
request at a time per host, and the client that puts these together.

A per-read timeout never stops a server that sends one byte a second, so each socket operation
of a fetch is also cut off at that fetch's deadline. And a redirect must not lead a fetch into
the machine's own or its network's services: a redirect's host may resolve to a loopback,
private, link-local, reserved, multicast or unspecified address only when the feed's own host
is of the same kind (a feed on localhost may redirect within localhost), or when the setting
TRACKER_ALLOW_PRIVATE allows it. Addresses are checked where the socket connects, so a name
that resolves differently the second time (DNS rebinding) gains nothing.

The running fetch's deadline and address policy are kept per thread (a fetch runs in one
thread throughout), in FETCH.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import httpcore  # its ConnectionPool takes our network backend (httpx has no parameter for it)
import httpx

FETCH = threading.local()  # .at: deadline (monotonic); .policy: AddressPolicy; .refused: reason

# IPv6 addresses that carry an IPv4 one (NAT64's well-known prefix): judged by that address.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_KINDS = ("unspecified", "loopback", "link-local", "multicast", "reserved", "private")
_LABEL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?")


def address_kind(ip: str) -> str | None:
    """None for a public (globally routable) address, else its kind ("loopback", "private" ...)."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])  # without an IPv6 zone ("fe80::1%eth0")
    if isinstance(addr, ipaddress.IPv6Address):
        embedded = addr.ipv4_mapped or addr.sixtofour or (
            ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF) if addr in _NAT64 else None)
        if embedded is not None:
            addr = embedded
    for kind in _KINDS:
        if getattr(addr, "is_" + kind.replace("-", "_")):
            return kind
    return None if addr.is_global else "reserved"  # shared (100.64/10), documentation, ...


def host_problem(host: str | None) -> str | None:
    """Why `host` cannot be a host name or address (None when it can): checked before httpx,
    which raises an error it does not map for a label over 63 characters, say."""
    if not host:
        return "no host"
    if _is_address(host.strip("[]")):
        return None
    try:
        ascii_host = host.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        return "not a valid host name (a label is empty or longer than 63 characters)"
    if len(ascii_host) > 253:
        return "not a valid host name (longer than 253 characters)"
    if not all(_LABEL.fullmatch(label) for label in ascii_host.split(".")):
        return "not a valid host name"
    return None


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to (a literal address: itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class AddressPolicy:
    """Which addresses one fetch may connect to: those of the feed's own host, public ones,
    and non-public ones of the kinds its own host has (all of them when `allow_private`)."""

    def __init__(self, feed_url: str, *, allow_private: bool,
                 resolver: Callable[[str, int], list[str]] | None = None) -> None:
        parts = httpx.URL(feed_url)  # the host as sockets see it: IDNA-encoded, IPv6 unbracketed
        self.own_host = parts.raw_host.decode("ascii")
        self.own_port = parts.port or (443 if parts.scheme == "https" else 80)
        self.allow_private = allow_private
        self._resolve = resolver or resolve
        self._own_kinds: frozenset[str] | None = None

    def refusal(self, host: str, addresses: Iterable[str]) -> str | None:
        """Why this fetch may not connect to `host` at `addresses`, or None."""
        if self.allow_private or host == self.own_host:
            return None
        for ip in addresses:
            kind = address_kind(ip)
            if kind is not None and kind not in self.own_kinds():
                where = f"{host} is" if ip == host.strip("[]") else f"{host} resolves to"
                return (f"{where} a {kind} address ({ip}), and the feed's own address is not "
                        "(TRACKER_ALLOW_PRIVATE=1 allows it)")
        return None

    def own_kinds(self) -> frozenset[str]:
        """The kinds of the feed's own host's non-public addresses (worked out once)."""
        if self._own_kinds is None:
            try:
                own = ([self.own_host] if _is_address(self.own_host)
                       else self._resolve(self.own_host, self.own_port))
            except (OSError, UnicodeError):
                own = []
            self._own_kinds = frozenset(k for ip in own if (k := address_kind(ip)) is not None)
        return self._own_kinds


# Hosts whose operators document a minimum spacing between requests, kept whatever a feed list
# says: GDELT's DOC API asks for no more than one request every 5 seconds (it answers faster
# callers with a plain-text "Please limit requests to one every 5 seconds" instead of a feed).
HOST_MIN_INTERVAL_S: dict[str, float] = {"api.gdeltproject.org": 5.0}


class HostGate:
    """One request at a time per host, spaced by the largest interval asked for that host (by
    any feed, or HOST_MIN_INTERVAL_S). `clock` and `sleep` are injectable, so tests need no sleep."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep,
                 floors: dict[str, float] | None = None) -> None:
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._interval: dict[str, float] = dict(HOST_MIN_INTERVAL_S if floors is None else floors)
        self._guard = threading.Lock()
        self.clock, self.sleep = clock, sleep

    def hold(self, host: str, min_interval_s: float) -> _HostSlot:
        host = host.lower().rstrip(".")
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
            interval = self._interval[host] = max(self._interval.get(host, 0.0), min_interval_s)
        return _HostSlot(self, host, lock, interval)


class _HostSlot:
    def __init__(self, gate: HostGate, host: str, lock: threading.Lock, interval: float) -> None:
        self.gate, self.host, self.lock, self.interval = gate, host, lock, interval

    def __enter__(self) -> None:
        self.lock.acquire()
        wait = self.gate._last.get(self.host, -1e9) + self.interval - self.gate.clock()
        if wait > 0:
            self.gate.sleep(wait)

    def __exit__(self, *exc: object) -> None:
        self.gate._last[self.host] = self.gate.clock()
        self.lock.release()


# --- the deadline, and the policy, on every socket -------------------------------------------


def _clamp(timeout: float | None, expired: type[Exception]) -> float | None:
    """`timeout`, shortened to what is left before the running fetch's deadline."""
    deadline = getattr(FETCH, "at", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the request deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose reads and writes never wait past the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname,
                                                     _clamp(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend: connects go only to addresses the fetch's policy allows (the
    name is resolved here, once), and every socket operation stops at the fetch's deadline."""

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        policy: AddressPolicy | None = getattr(FETCH, "policy", None)
        if policy is None:
            return _DeadlineStream(super().connect_tcp(host, port, timeout, local_address, socket_options))
        try:
            addresses = resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        reason = policy.refusal(host, addresses)
        if reason is not None:
            FETCH.refused = reason
            raise httpcore.ConnectError(reason)
        error: Exception = httpcore.ConnectError(f"no address for {host}")
        for ip in addresses:  # connect to the address just checked, not to the name again
            try:
                return _DeadlineStream(super().connect_tcp(
                    ip, port, _clamp(timeout, httpcore.ConnectTimeout), local_address, socket_options))
            except httpcore.ConnectError as exc:
                error = exc
        raise error


# --- an httpx transport over httpcore's pool, through its public API --------------------------

_ERRORS: list[tuple[type[Exception], type[httpx.HTTPError]]] = [  # most specific first
    (httpcore.ConnectTimeout, httpx.ConnectTimeout), (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout), (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException), (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError), (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError), (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError), (httpcore.ProtocolError, httpx.ProtocolError),
]


def _as_httpx(exc: Exception) -> Exception:
    """httpcore's exception as httpx's (what fetch code catches); others unchanged."""
    for core, mapped in _ERRORS:
        if isinstance(exc, core):
            return mapped(str(exc))
    return exc


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError) as exc:
            raise _as_httpx(exc) from exc

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class _Transport(httpx.BaseTransport):
    """httpx requests sent through an httpcore ConnectionPool built with our network backend."""

    def __init__(self, pool: httpcore.ConnectionPool) -> None:
        self._pool = pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        core = httpcore.Request(method=request.method, url=httpcore.URL(
            scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw, content=request.stream, extensions=request.extensions)
        try:
            resp = self._pool.handle_request(core)
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError,
                httpcore.UnsupportedProtocol, httpcore.PoolTimeout) as exc:
            raise _as_httpx(exc) from exc
        assert isinstance(resp.stream, Iterable)
        return httpx.Response(status_code=resp.status, headers=resp.headers,
                              stream=_Body(resp.stream), extensions=resp.extensions)

    def close(self) -> None:
        self._pool.close()


def make_client(workers: int = 8, *, trust_env: bool = False,
                on_response: Callable[[httpx.Response], None] | None = None) -> httpx.Client:
    """One pooled HTTP/1.1 client for a run; proxies only when `trust_env` (their sockets are
    httpx's own: neither the deadline nor the address policy reaches through a proxy)."""
    pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=trust_env),
        max_connections=max(workers, 1) * 2, max_keepalive_connections=workers,
        keepalive_expiry=5.0, network_backend=_GuardedBackend())
    hooks = {"response": [on_response]} if on_response else {}
    return httpx.Client(transport=_Transport(pool), trust_env=trust_env, event_hooks=hooks)
