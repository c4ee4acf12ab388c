"""How two copies of one story are recognised: the outlet's registrable domain, and a key of
its headline that ignores how an aggregator re-typed it. Shared by sources and the store."""

from __future__ import annotations

import hashlib
import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

# What sits between a headline and the outlet's name ("Headline - Outlet", "Headline | Outlet").
SEPARATORS = (" - ", " | ", " — ", " – ", " :: ", " · ")
SEPARATOR = re.compile("|".join(re.escape(s) for s in SEPARATORS))
# Second-level labels under which a country code's domains are registered (bbc.co.uk,
# abc.net.au): a public-suffix list in small, enough to group one site's hosts together.
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "go", "gob", "gov", "gv", "ltd", "mil", "ne",
                           "net", "nic", "nom", "or", "org", "plc", "sch"})
_WORD = re.compile(r"\w+")
MIN_HEADLINE_WORDS = 3  # a shorter head is not a headline of its own (no suffix is cut to it)


def host_of(url: str | None) -> str:
    """The lower-case host of a URL, '' when there is none."""
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""


def registrable_domain(host: str) -> str:
    """The domain a site registered: news.bbc.co.uk -> bbc.co.uk, www.reuters.com -> reuters.com."""
    host = host.lower().rstrip(".")
    if not host:
        return ""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    labels = host.split(".")
    keep = 3 if (len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL) else 2
    return ".".join(labels[-keep:])


def domain_of(url: str | None) -> str:
    """The registrable domain of a URL's host ('' when it has none)."""
    return registrable_domain(host_of(url))


def headline_words(text: str) -> list[str]:
    """The words of a headline, normalised so that two renderings of it compare equal: case,
    curly quotes, punctuation and hyphens ("rare-earth" = "rare earth", "Oct." = "Oct") do not
    count; accents do ("año" is not "ano")."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold().replace("_", " "))


def headline_key(title: str) -> str:
    """A 40-hex key of a headline's normalised words ('' for a title without words)."""
    words = headline_words(title)
    return hashlib.sha1(" ".join(words).encode()).hexdigest() if words else ""


def candidate_keys(title: str) -> list[str]:
    """The keys a stored copy of this headline may have: the whole title's, then the title's
    without each trailing " - Something" (a site name no feed told us about), longest first."""
    keys = [headline_key(title)]
    for m in reversed(list(SEPARATOR.finditer(title))):
        head = title[: m.start()]
        if len(headline_words(head)) <= MIN_HEADLINE_WORDS:
            break
        keys.append(headline_key(head))
    return [k for k in dict.fromkeys(keys) if k]
