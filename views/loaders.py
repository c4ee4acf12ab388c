"""Cached reads for the page: one generic cache in front of every read function.

The Engine is a thread-safe pool shared by sessions (`st.cache_resource`); results are cached
data keyed on the function, its arguments and the store version, so a new ingest run shows
on the next rerun without a restart. Read functions stay free of streamlit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from ingest import store
from ingest.read import queries as query
from ingest.store.review_overlay import ensure_review_tables
from ingest.tagging.taxonomy import Taxonomy, default_taxonomy

from .labels import Labels

TTL_S = 600  # cached results also expire when the store version changes
T = TypeVar("T")


class EmptyStore(Exception):
    """The store has no articles yet: the page says what to run (it never builds one)."""


@st.cache_resource(show_spinner=False)
def engine_for(url: str) -> Engine:
    """The store's engine: opened read-only (no schema created or upgraded; the page never writes)."""
    return store.connect(url, create=False, upgrade=False)


@st.cache_resource(show_spinner=False)
def taxonomy() -> Taxonomy:
    return default_taxonomy()


@st.cache_data(ttl=TTL_S, show_spinner=False, max_entries=512)
def _cached(name: str, url: str, version: str, args: tuple[Any, ...], _fn: Callable[..., Any]) -> Any:
    """`_fn(engine, *args)`; `name` stands for `_fn` in the cache key (underscored: not hashed)."""
    return _fn(engine_for(url), *args)


@dataclass(frozen=True)
class Source:
    """The store a page run reads: its URL and its version at the start of the run."""

    url: str
    version: str

    @classmethod
    def open(cls, url: str) -> Source:
        """The store at `url`; raises StoreError (missing, outdated) or EmptyStore."""
        if _missing_file(url):
            raise EmptyStore("there is no store at")
        engine = engine_for(url)
        if not query.has_articles(engine):
            raise EmptyStore("there are no articles yet in the store at")
        if store.needs_rebuild(engine):
            raise store.StoreError("its events must be rebuilt after a schema upgrade: run "
                                   "`python -m ingest retag`")
        ensure_review_tables(engine)
        return cls(url, query.store_version(engine))

    @property
    def engine(self) -> Engine:
        return engine_for(self.url)

    def load(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(engine, *args)`, cached per store version. `fn` is a plain read function
        (ingest.read or a view's figure builder) whose arguments are plain, hashable data."""
        return _cached(f"{fn.__module__}.{fn.__qualname__}", self.url, self.version, args, fn)


def clear_cache() -> None:
    """Forget every cached read (after a review wrote: the next run reads afresh)."""
    _cached.clear()


def _missing_file(url: str) -> bool:
    """Whether `url` names an SQLite file that does not exist or is empty (opening it would
    write the database header)."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or u.database in (None, "", ":memory:"):
        return False
    path = Path(u.database or "")
    return not path.exists() or path.stat().st_size == 0


@st.cache_resource(show_spinner=False)
def labels() -> Labels:
    return Labels.from_taxonomy(taxonomy())
