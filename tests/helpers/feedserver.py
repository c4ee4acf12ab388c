"""A threaded HTTP server on 127.0.0.1 (random port) that serves canned feed responses.

Each path has a list of responses served in turn (the last one repeats); a response may also be
a function of the request, for conditional GETs or to hold a request open. Every request is
recorded, so tests can assert on the headers a client sent (or wait until n have arrived).
A response may stream its body from a generator (a 200 MB body never sits in memory) or write
the whole reply by hand on the socket (a byte at a time, or a reset mid-body).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socket import socket


@dataclass
class Response:
    """One canned reply; `length=False` omits Content-Length (body ends when the socket closes).

    `chunks`, when set, makes the body: called once per request, its chunks are written as they
    come (no Content-Length unless in `headers`). `raw`, when set, writes the whole reply itself
    on the connection, given an Event that is set when the server stops.
    """

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    length: bool = True
    chunks: Callable[[], Iterable[bytes]] | None = None
    raw: Callable[[socket, threading.Event], None] | None = None


def drip(data: bytes, interval: float, stop: threading.Event) -> Iterator[bytes]:
    """`data` one byte at a time, `interval` seconds apart (ends early when `stop` is set)."""
    for i in range(len(data)):
        if i and stop.wait(interval):
            return
        yield data[i:i + 1]


@dataclass(frozen=True)
class Request:
    """What a client sent."""

    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: bytes = b""  # a POST's body


Responder = Response | Callable[[Request], Response]


class FeedServer:
    """Serve canned responses on 127.0.0.1:<free port> from a daemon thread."""

    def __init__(self) -> None:
        self._routes: dict[str, list[Responder]] = {}
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self.stopping = threading.Event()  # set by stop(): slow responses end early
        self.requests: list[Request] = []
        self.active = 0  # requests whose answer is being worked out right now
        self.max_active = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                self._serve("GET", b"")

            def do_POST(self) -> None:  # noqa: N802 - a webhook receiver records what it got
                size = int(self.headers.get("Content-Length") or 0)
                self._serve("POST", self.rfile.read(size) if size else b"")

            def _serve(self, method: str, body: bytes) -> None:
                req = Request(method, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with server._lock:
                    server.requests.append(req)
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                    server._arrived.notify_all()
                try:
                    resp = server._respond(req)
                finally:
                    # Counted until the answer is ready, not until it is written: a client can
                    # read a whole body (and send its next request) before this thread runs on.
                    with server._lock:
                        server.active -= 1
                try:
                    if resp.raw is not None:
                        self.close_connection = True
                        resp.raw(self.connection, server.stopping)
                        return
                    self.send_response(resp.status)
                    headers = {k.lower(): v for k, v in resp.headers.items()}
                    for name, value in resp.headers.items():
                        self.send_header(name, value)
                    if resp.length and resp.chunks is None and "content-length" not in headers:
                        self.send_header("Content-Length", str(len(resp.body)))
                    self.end_headers()
                    if resp.body:
                        self.wfile.write(resp.body)
                    for chunk in resp.chunks() if resp.chunks is not None else ():
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (size cap, deadline): nothing left to tell it

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01},
                                        daemon=True)

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, *responses: Responder) -> str:
        """Serve `responses` in turn at `path` (the last one repeats); returns the full URL."""
        with self._lock:
            self._routes[path] = list(responses) or [Response(404)]
            self._served[path] = 0
        return self.url(path)

    def feed(self, path: str, body: bytes, **headers: str) -> str:
        """Serve an RSS document at `path` with 200 and the given extra headers."""
        hdrs = {"Content-Type": "application/rss+xml; charset=utf-8"}
        hdrs.update({k.replace("_", "-"): v for k, v in headers.items()})
        return self.route(path, Response(200, body, hdrs))

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def wait_for(self, n: int, path: str | None = None, timeout: float = 10) -> bool:
        """Block until `n` requests (to `path`, if given) have arrived; False on timeout."""
        with self._arrived:
            return self._arrived.wait_for(
                lambda: sum(path is None or r.path == path for r in self.requests) >= n, timeout)

    def _respond(self, req: Request) -> Response:
        with self._lock:
            responders = self._routes.get(req.path)
            if responders is None:
                return Response(404, b"not found", {"Content-Type": "text/plain"})
            i = min(self._served[req.path], len(responders) - 1)
            self._served[req.path] += 1
            responder = responders[i]
        return responder(req) if callable(responder) else responder
