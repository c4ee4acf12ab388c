"""Every setting and project path, in one place.

Paths are fixed by the repository layout. Settings come from `TRACKER_*` environment
variables; `current()` reads them when called (cheap), so a long-running page or a test that
changes one sees the change, and nothing else in the code reads the environment.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
TAXONOMY_DIR = DATA_DIR / "taxonomy"
FEEDS_FILE = DATA_DIR / "feeds.toml"
OFFICIAL_SOURCES_FILE = DATA_DIR / "official_sources.toml"  # hosts whose reports are official
SAMPLES_DIR = DATA_DIR / "samples"
LABELLED_DIR = DATA_DIR / "labelled"
DEFAULT_DB_PATH = DATA_DIR / "tracker.db"
DEFAULT_DB_URL = f"sqlite:///{DEFAULT_DB_PATH}"
DEFAULT_SUBSCRIPTIONS_DIR = DATA_DIR / "subscriptions"  # each saved view's Atom feed, NAME.atom

# name -> (default shown in the docs, what it does); a test keeps the README in step.
SETTINGS: dict[str, tuple[str, str]] = {
    "TRACKER_DB_URL": (DEFAULT_DB_URL.replace(str(PROJECT_ROOT) + "/", ""),
                       "the store: an SQLAlchemy URL for SQLite or PostgreSQL"),
    "TRACKER_TRUST_ENV": ("unset", "1: HTTP fetches use proxy settings from the environment"),
    "TRACKER_TODAY": ("the real date", "pins the dashboard's today (YYYY-MM-DD), for demos and tests"),
    "TRACKER_ALLOW_PRIVATE": ("unset", "1: follow redirects into loopback and private networks"),
    "TRACKER_FETCH_ARTICLES": ("unset", "1: fetch article pages of relevant headline-only items"),
    "TRACKER_REVIEWER": ("the OS user", "the name stored with an analyst's reviews"),
    "TRACKER_PARSE_TIMEOUT": ("30", "seconds one feed may take to parse and tag before it fails"),
    "TRACKER_SUBSCRIPTIONS_DIR": ("data/subscriptions", "where ingest writes each saved view's Atom feed"),
}
DEFAULT_PARSE_TIMEOUT = 30.0


@dataclass(frozen=True)
class Settings:
    """The `TRACKER_*` settings of this process."""

    db_url: str = DEFAULT_DB_URL
    trust_env: bool = False
    today: date | None = None
    allow_private: bool = False
    fetch_articles: bool = False
    reviewer: str = ""
    parse_timeout: float = DEFAULT_PARSE_TIMEOUT
    subscriptions_dir: Path = DEFAULT_SUBSCRIPTIONS_DIR
    problems: tuple[str, ...] = ()  # values that were set but not understood (defaults used)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        timeout = _seconds(env.get("TRACKER_PARSE_TIMEOUT"))
        problems = () if timeout is not None else (
            f"TRACKER_PARSE_TIMEOUT={env['TRACKER_PARSE_TIMEOUT']!r} is not a number of seconds above 0",)
        return cls(
            db_url=env.get("TRACKER_DB_URL", "").strip() or DEFAULT_DB_URL,
            trust_env=_flag(env.get("TRACKER_TRUST_ENV")),
            today=_date(env.get("TRACKER_TODAY")),
            allow_private=_flag(env.get("TRACKER_ALLOW_PRIVATE")),
            fetch_articles=_flag(env.get("TRACKER_FETCH_ARTICLES")),
            reviewer=env.get("TRACKER_REVIEWER", "").strip() or _os_user(),
            parse_timeout=timeout or DEFAULT_PARSE_TIMEOUT,
            subscriptions_dir=Path(env.get("TRACKER_SUBSCRIPTIONS_DIR", "").strip() or DEFAULT_SUBSCRIPTIONS_DIR),
            problems=problems,
        )


def current() -> Settings:
    """The settings as the environment gives them now."""
    return Settings.from_env(os.environ)


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() not in ("", "0", "false", "no", "off")


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def _seconds(value: str | None) -> float | None:
    """A positive number of seconds; the default when unset, None when not understood."""
    if value is None or not value.strip():
        return DEFAULT_PARSE_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if 0 < seconds < 1e9 else None


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (a container) and no LOGNAME/USER
        return "analyst"
