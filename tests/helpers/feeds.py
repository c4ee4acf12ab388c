"""Small RSS and Atom documents for tests, built from plain dicts."""

from __future__ import annotations

from xml.sax.saxutils import escape


def rss_item(title: str | None = None, *, link: str | None = None, guid: str | None = None,
             description: str | None = None, pub_date: str | None = None,
             updated: str | None = None, guid_is_permalink: bool = False) -> str:
    """One <item>; text values are XML-escaped (pass HTML as-is: it is escaped once)."""
    parts = ["<item>"]
    if title is not None:
        parts.append(f"<title>{escape(title)}</title>")
    if link is not None:
        parts.append(f"<link>{escape(link)}</link>")
    if guid is not None:
        perma = "true" if guid_is_permalink else "false"
        parts.append(f'<guid isPermaLink="{perma}">{escape(guid)}</guid>')
    if description is not None:
        parts.append(f"<description>{escape(description)}</description>")
    if pub_date is not None:
        parts.append(f"<pubDate>{escape(pub_date)}</pubDate>")
    if updated is not None:
        parts.append(f"<atom:updated>{escape(updated)}</atom:updated>")
    parts.append("</item>")
    return "".join(parts)


def rss(*items: str, title: str = "Test feed", language: str | None = None,
        link: str = "https://feeds.example/") -> bytes:
    """An RSS 2.0 document with these items."""
    lang = f"<language>{escape(language)}</language>" if language else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<description>test</description>{lang}{''.join(items)}</channel></rss>\n"
    ).encode()


def atom(*entries: dict[str, str], title: str = "Test atom feed") -> bytes:
    """An Atom 1.0 document; each entry dict may have id, title, link, summary, published, updated."""
    out = []
    for e in entries:
        out.append("<entry>")
        if "id" in e:
            out.append(f"<id>{escape(e['id'])}</id>")
        if "title" in e:
            out.append(f"<title>{escape(e['title'])}</title>")
        if "link" in e:
            out.append(f'<link rel="alternate" href="{escape(e["link"])}"/>')
        if "summary" in e:
            out.append(f'<summary type="html">{escape(e["summary"])}</summary>')
        for key in ("published", "updated"):
            if key in e:
                out.append(f"<{key}>{escape(e[key])}</{key}>")
        out.append("</entry>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test:feed</id><updated>2025-11-01T00:00:00Z</updated>"
        f"{''.join(out)}</feed>\n"
    ).encode()
