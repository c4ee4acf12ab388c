"""Hostile feed bodies and the checks every broken feed must pass after a run."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator

from sqlalchemy import Engine, func, select

from ingest import store

from .feeds import rss, rss_item

# Relevant items (the tagger finds an event in each), so a good feed also writes events.
GALLIUM = ("China restricts gallium and germanium exports",
           "China's commerce ministry said it will restrict exports of gallium and germanium "
           "from Aug. 1, 2023.")
NICKEL = ("Indonesia bans nickel ore exports",
          "Indonesia will ban exports of nickel ore from January 2020, the government said.")


def good_feed(tag: str, n: int = 2) -> bytes:
    """A valid RSS document of `n` relevant items with links unique to `tag`."""
    items = [rss_item(f"{(GALLIUM, NICKEL)[i % 2][0]} ({tag} {i})",
                      link=f"https://{tag}.example/{i}", guid=f"urn:{tag}:{i}",
                      description=(GALLIUM, NICKEL)[i % 2][1],
                      pub_date="Mon, 03 Nov 2025 09:00:00 +0000") for i in range(n)]
    return rss(*items, title=f"Good feed {tag}")


def billion_laughs(levels: int = 10) -> bytes:
    """The classic XML entity-expansion bomb: 10**levels 'lol's from a kilobyte."""
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{chr(10).join(ents)}\n]>\n'
            '<rss version="2.0"><channel><title>lol</title>'
            f'<item><title>&lol{levels - 1};</title><link>https://lol.example/1</link>'
            f'<description>&lol{levels - 1};</description></item></channel></rss>').encode()


def quadratic_blowup(size: int = 20_000, refs: int = 20_000) -> bytes:
    """One big entity referenced many times (no nesting, so naive limits miss it)."""
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{"x" * size}">]>'
            '<rss version="2.0"><channel><title>q</title><item><title>Quadratic</title>'
            f'<link>https://quad.example/1</link><description>{"&a;" * refs}</description>'
            '</item></channel></rss>').encode()


def external_entity(path: str) -> bytes:
    """An XXE attempt: an entity that names a local file."""
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{path}">]>'
            '<rss version="2.0"><channel><title>x</title><item><title>XXE &xxe;</title>'
            '<link>https://xxe.example/1</link><description>&xxe;</description></item>'
            '</channel></rss>').encode()


def gzip_bomb(size: int) -> bytes:
    """`size` zero bytes, gzip-compressed without ever holding them in memory (~1000:1)."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    parts = [z.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + z.flush()


def endless(total: int, sent: list[int], chunk: int = 1 << 16) -> Callable[[], Iterator[bytes]]:
    """A body factory streaming `total` bytes of feed-looking text; `sent[0]` counts what left."""
    def gen() -> Iterator[bytes]:
        head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>big</title><description>'
        sent[0] += len(head)
        yield head
        block = b"x" * chunk
        while sent[0] < total:
            sent[0] += len(block)
            yield block
    return gen


def feed_rows(engine: Engine, name: str) -> dict[str, int]:
    """How many articles, fetch-log rows and article links a feed has in the store."""
    f, af, log = store.feeds, store.article_feeds, store.fetch_log
    with engine.connect() as conn:
        fid = conn.execute(select(f.c.id).where(f.c.name == name)).scalar_one()
        return {
            "links": conn.execute(select(func.count()).select_from(af).where(af.c.feed_id == fid)).scalar_one(),
            "log": conn.execute(select(func.count()).select_from(log).where(log.c.feed_id == fid)).scalar_one(),
        }


def one_line(text: str | None) -> str:
    """A failure reason fit for a table cell: non-empty, one line, not a traceback."""
    assert text and text.strip(), "no reason recorded"
    assert "\n" not in text and "\r" not in text, text
    assert "Traceback" not in text and len(text) <= 1000, text
    return text


def slow_to_parse(megabytes: float, tag: str = "slow") -> bytes:
    """A feed whose one entry holds `megabytes` of '<a ': not well-formed, so feedparser's
    fallback parser reads it, at about 4 s a megabyte (linear, but slow: the time limit's case)."""
    run = b"<a " * int(megabytes * (1 << 20) / 3)
    return (b'<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title><item><title>Slow '
            + tag.encode() + b"</title><link>https://" + tag.encode() + b".example/1</link><description>"
            + run + b"</description></item></channel></rss>")
