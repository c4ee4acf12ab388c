"""Undoing a response's gzip or deflate Content-Encoding, a bounded amount at a time."""

from __future__ import annotations

import zlib


class BodyError(Exception):
    """The body cannot be decoded; `final` when no retry can help."""

    def __init__(self, reason: str, *, final: bool = False) -> None:
        super().__init__(reason)
        self.final = final


class Inflater:
    """Undoes a gzip or deflate Content-Encoding, never more than `limit` bytes per call.

    httpx's own decoders inflate each network chunk whole (64 KB of a gzip bomb is 64 MB in
    memory before any cap can look) and accept a stream that stops early (a truncated body).
    """

    def __init__(self, encoding: str) -> None:
        enc = encoding.strip().lower()
        # Other codings are not asked for (Accept-Encoding); like httpx, pass them through.
        self.kind = "gzip" if enc in ("gzip", "x-gzip") else "deflate" if enc == "deflate" else ""
        self._z = zlib.decompressobj(16 + zlib.MAX_WBITS if self.kind == "gzip" else zlib.MAX_WBITS)
        self._started = False

    def feed(self, data: bytes, limit: int) -> bytes:
        if not self.kind:
            return data
        try:
            if self.kind == "deflate" and not self._started:
                self._started = True
                try:
                    return self._z.decompress(data, limit)
                except zlib.error:  # raw deflate, without the zlib wrapper that HTTP specifies
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._z.decompress(data, limit)
            # Concatenated gzip members are one body; trailing NUL padding is not a member.
            while (self.kind == "gzip" and self._z.eof and self._z.unused_data.strip(b"\0")
                   and len(out) < limit):
                rest = self._z.unused_data
                self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
                out += self._z.decompress(rest, limit - len(out))
        except zlib.error as exc:
            raise BodyError(f"could not decode the response body (bad {self.kind}?): {exc}",
                            final=True) from None
        return out

    def finish(self) -> None:
        if self.kind and not self._z.eof:
            raise BodyError(f"the {self.kind} body ends early (truncated download?)")
