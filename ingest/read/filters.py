"""The one filter model of the read side: what the dashboard, the CLI export and the download
filter on. Plain data here; `ingest.read.where` turns it into SQL."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

ROLES = ("any", "actor", "target")
REVIEW_STATES = ("unreviewed", "confirmed", "edited", "dismissed")


class _Members(Protocol):
    def members(self, group_id: str) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Filters:
    """Everything events can be filtered on; an empty field means no restriction."""

    countries: tuple[str, ...] = ()
    country_role: str = "any"  # any | actor | target: the country acts or is aimed at
    commodities: tuple[str, ...] = ()  # already expanded (see `expand_commodities`)
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    sources: tuple[str, ...] = ()  # source domains of any article reporting the event
    text: str = ""  # in the headline or the evidence, case-insensitive, literal
    in_force_on: date | None = None  # acts only: in force on this day (events ignore it)
    also_in_force_on: date | None = None  # acts only: the date window, or in force on this day
    limit: int | None = None  # the newest `limit` events (tables); None: all
    # acts only: review states to show (REVIEW_STATES); empty: every act but dismissed ones
    review_states: tuple[str, ...] = ()


NO_FILTERS = Filters()  # every event (a shared default: the dataclass is frozen)


def expand_commodities(taxonomy: _Members, ids: Iterable[str]) -> tuple[str, ...]:
    """Commodity ids with every group replaced by the group and its members, each id once.

    A filter on "rare earth elements" means any event naming one of them; the store keeps the
    ids an event names, so the expansion happens here, once, for the page and the CLI alike.
    """
    out: dict[str, None] = {}
    for cid in ids:
        out.update(dict.fromkeys(taxonomy.members(cid)))
    return tuple(out)
