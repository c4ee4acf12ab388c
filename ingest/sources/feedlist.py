"""The feed list: `data/feeds.toml` (or any file given with --feeds), validated at load."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..settings import FEEDS_FILE, SAMPLES_DIR
from ..text import is_web_scheme, is_web_url

DEFAULT_FEEDS = FEEDS_FILE
SAMPLE_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
_KEYS = {"name", "url", "tags", "min_interval_s"}


class FeedListError(Exception):
    """The feed list cannot be used; the message names the file, the entry and the problem."""


@dataclass(frozen=True)
class FeedSpec:
    """One feed to pull: a name unique in the list, an http(s) URL or a local file."""

    name: str
    url: str
    tags: tuple[str, ...] = ()
    min_interval_s: float = 0.0

    @property
    def is_local(self) -> bool:
        return not is_web_url(self.url)


def load_feeds(path: str | Path = DEFAULT_FEEDS) -> list[FeedSpec]:
    """Read and check a feeds TOML file; relative local paths resolve against its folder."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FeedListError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FeedListError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise FeedListError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(raw) - {"feeds"}
    if unknown:
        raise FeedListError(f"{path}: unknown top-level key(s) {sorted(unknown)}; expected [[feeds]]")
    entries = raw.get("feeds")
    if not isinstance(entries, list) or not entries:
        raise FeedListError(f"{path}: no [[feeds]] entries")
    specs: list[FeedSpec] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries, 1):
        where = f"{path}: feed #{i}"
        if not isinstance(entry, dict):
            raise FeedListError(f"{where}: expected a table")
        name = entry.get("name")
        if isinstance(name, str) and name.strip():
            where = f"{path}: feed #{i} ({name!r})"
        bad = set(entry) - _KEYS
        if bad:
            raise FeedListError(f"{where}: unknown key(s) {sorted(bad)}; allowed: {sorted(_KEYS)}")
        if not isinstance(name, str) or not name.strip():
            raise FeedListError(f"{where}: 'name' is missing or empty")
        if name in seen:
            raise FeedListError(f"{where}: duplicate name")
        seen.add(name)
        url = entry.get("url")
        if not isinstance(url, str) or not url.strip():
            raise FeedListError(f"{where}: 'url' is missing or empty")
        url = _check_url(url.strip(), path.parent, where)
        tags = entry.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise FeedListError(f"{where}: 'tags' must be a list of strings")
        interval = entry.get("min_interval_s", 0)
        if isinstance(interval, bool) or not isinstance(interval, int | float) or interval < 0:
            raise FeedListError(f"{where}: 'min_interval_s' must be a number >= 0")
        specs.append(FeedSpec(name.strip(), url, tuple(tags), float(interval)))
    return specs


def _check_url(url: str, base: Path, where: str) -> str:
    scheme = urlsplit(url).scheme.lower()
    if is_web_scheme(scheme):
        if not urlsplit(url).hostname:
            raise FeedListError(f"{where}: URL {url!r} has no host")
        return url
    if scheme == "file":
        return str(Path(urlsplit(url).path))
    if scheme and len(scheme) > 1:
        raise FeedListError(f"{where}: unsupported URL scheme {scheme!r}; use http(s), file:// or a path")
    p = Path(url).expanduser()
    return str(p if p.is_absolute() else (base / p).resolve())


def sample_feeds(folder: Path = SAMPLES_DIR) -> list[FeedSpec]:
    """The bundled sample feeds, one spec per file, for `run --offline`."""
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES)
    if not files:
        raise FeedListError(f"{folder}: no sample feeds ({', '.join(SAMPLE_SUFFIXES)})")
    return [FeedSpec(f"Sample: {p.stem}", str(p), ("sample",)) for p in files]
