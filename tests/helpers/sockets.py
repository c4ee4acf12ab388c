"""Sockets on 127.0.0.1 that misbehave below HTTP: a port nobody answers, a port nobody accepts."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

import pytest


@contextlib.contextmanager
def silent_port() -> Iterator[int]:
    """A listening port whose connections are accepted by the kernel but never answered."""
    with socket.socket() as ls:
        ls.bind(("127.0.0.1", 0))
        ls.listen(16)
        yield ls.getsockname()[1]


@contextlib.contextmanager
def full_backlog_port() -> Iterator[int]:
    """A listening port whose accept queue is full, so a new connect never completes.

    The kernel drops the SYNs of further connections (it does not refuse them), which is what
    an overloaded or firewalled host looks like: a connect timeout, on loopback. Skips on a
    kernel that refuses instead (net.ipv4.tcp_abort_on_overflow=1).
    """
    with contextlib.ExitStack() as stack:
        ls = stack.enter_context(socket.socket())
        ls.bind(("127.0.0.1", 0))
        ls.listen(0)
        port = ls.getsockname()[1]
        for _ in range(8):  # more than the queue holds: the surplus stays in SYN-SENT
            s = stack.enter_context(socket.socket())
            s.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                s.connect(("127.0.0.1", port))
        probe = stack.enter_context(socket.socket())
        probe.settimeout(0.2)
        try:
            probe.connect(("127.0.0.1", port))
            pytest.skip("this kernel accepts connections beyond a full backlog")
        except TimeoutError:
            pass
        except OSError as exc:
            pytest.skip(f"this kernel refuses connections to a full backlog ({exc})")
        yield port
