"""A saved view's entries as an Atom 1.0 document (RFC 4287).

Built with ElementTree (the Atom namespace declared as the root's default), so every text is escaped; characters XML 1.0
cannot carry (controls a feed item may hold) are dropped first, or no parser would read it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from .changes import TAG_PREFIX

ATOM_NS = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
GENERATOR = "minerals tracker"


def xml_text(value: Any) -> str:
    """Text XML 1.0 can hold."""
    return _NOT_XML.sub("", str(value))


def rfc3339(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def feed_id(name: str) -> str:
    return f"{TAG_PREFIX}{quote(name, safe='')}"


def _add(parent: ET.Element, tag: str, text: Any = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = xml_text(text)
    return el


def render(name: str, query: str, entries: Sequence[dict[str, Any]], updated: datetime) -> bytes:
    """The feed of view `name`: `entries` (newest first) as stored; `updated` when none."""
    feed = ET.Element("feed", xmlns=ATOM_NS)
    _add(feed, "id", feed_id(name))
    _add(feed, "title", f"Minerals tracker: {name}")
    _add(feed, "subtitle", f"New and changed acts matching {query or 'every act'}")
    newest = max((e["updated_at"] for e in entries), default=updated)
    _add(feed, "updated", rfc3339(newest))
    author = _add(feed, "author")
    _add(author, "name", GENERATOR)
    _add(feed, "generator", GENERATOR)
    for e in entries:
        entry = _add(feed, "entry")
        _add(entry, "id", e["entry_id"])
        _add(entry, "title", e["title"], type="text")
        _add(entry, "updated", rfc3339(e["updated_at"]))
        _add(entry, "published", rfc3339(e["updated_at"]))
        if e.get("link"):
            _add(entry, "link", rel="alternate", href=xml_text(e["link"]))
        _add(entry, "category", term=e["kind"])
        _add(entry, "content", e["content"], type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
