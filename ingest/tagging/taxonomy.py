"""The taxonomy as data: `data/taxonomy/*.toml` loaded into frozen dataclasses and validated.

Every problem (unknown key, duplicate id, unknown reference, a regex that does not compile)
raises TaxonomyError naming the file and the entry, so a bad edit fails loudly at load.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from ..settings import TAXONOMY_DIR
from .frames import VOICES, FrameError, frame_patterns

KINDS = ("measure", "meeting", "agreement", "strategy")
COMMODITY_KINDS = ("element", "material", "group")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class TaxonomyError(Exception):
    """A taxonomy file is invalid; the message names the file, the entry and the problem."""


@dataclass(frozen=True)
class Trigger:
    subtype: str
    pattern: str


@dataclass(frozen=True)
class EventType:
    id: str
    label: str
    kind: str
    description: str
    subtypes: tuple[str, ...]
    triggers: tuple[Trigger, ...]


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    description: str
    applies_to: tuple[str, ...]
    priority: int
    cues: tuple[str, ...]
    default_for: tuple[str, ...]


@dataclass(frozen=True)
class Commodity:
    id: str
    label: str
    kind: str
    parents: tuple[str, ...]
    aliases: tuple[str, ...]
    cased_aliases: tuple[str, ...]
    context_required: bool
    usgs_2022: bool
    usgs_2025: bool
    eu_critical: bool
    eu_strategic: bool
    hs_codes: tuple[str, ...]


@dataclass(frozen=True)
class Country:
    code: str
    label: str
    aliases: tuple[str, ...]
    cased_aliases: tuple[str, ...]
    ambiguous_aliases: tuple[str, ...]
    confirm: tuple[str, ...]
    person_name: bool
    leaders: tuple[str, ...] = ()  # heads of government and trade officials, exact case
    listed_aliases: tuple[str, ...] = ()  # exact case; only in a list with another country
    acting_confirms: bool = False  # its ambiguous alias's other sense cannot act (a bird)
    instruments: tuple[str, ...] = ()  # statutes only it acts under ("Section 301"): also aliases


@dataclass(frozen=True)
class Taxonomy:
    event_types: tuple[EventType, ...]
    statuses: tuple[Status, ...]
    commodities: tuple[Commodity, ...]
    countries: tuple[Country, ...]
    country_blockers: tuple[str, ...]
    commodity_blockers: tuple[str, ...]
    compounds: tuple[tuple[str, tuple[str, ...]], ...] = ()  # alias -> every id it names

    def __post_init__(self) -> None:
        # Lookups built once (the tagger's roll-up runs for every event).
        object.__setattr__(self, "_types", {e.id: e for e in self.event_types})
        object.__setattr__(self, "_commodities", {c.id: c for c in self.commodities})
        object.__setattr__(self, "_countries", {c.code: c for c in self.countries})
        object.__setattr__(self, "_parents", {c.id: c.parents for c in self.commodities})
        object.__setattr__(self, "_rollup_cache", {})

    def event_type(self, type_id: str) -> EventType:
        return self._types[type_id]  # type: ignore[attr-defined]

    def commodity(self, cid: str) -> Commodity:
        return self._commodities[cid]  # type: ignore[attr-defined]

    def country(self, code: str) -> Country:
        return self._countries[code]  # type: ignore[attr-defined]

    def members(self, group_id: str) -> tuple[str, ...]:
        """Ids that roll up to a group (the group itself first)."""
        return (group_id,) + tuple(c.id for c in self.commodities if group_id in c.parents)

    def rollup(self, ids: set[str] | list[str] | tuple[str, ...]) -> tuple[str, ...]:
        """The ids plus every group they roll up to, sorted."""
        key = tuple(ids)
        hit = self._rollup_cache.get(key)  # type: ignore[attr-defined]
        if hit is None:
            out = set(key)
            for cid in key:
                out.update(self._parents.get(cid, ()))  # type: ignore[attr-defined]
            hit = tuple(sorted(out))
            if len(self._rollup_cache) < 10_000:  # type: ignore[attr-defined]
                self._rollup_cache[key] = hit  # type: ignore[attr-defined]
        return hit


# --- loading ----------------------------------------------------------------------------


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TaxonomyError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{path}: not valid TOML: {exc}") from None


class _Entry:
    """Typed access to one TOML table, with errors that name file and entry."""

    def __init__(self, path: Path, label: str, data: Any, allowed: set[str]) -> None:
        self.where = f"{path.name}: {label}"
        if not isinstance(data, dict):
            raise TaxonomyError(f"{self.where}: expected a table")
        bad = set(data) - allowed
        if bad:
            raise TaxonomyError(f"{self.where}: unknown key(s) {sorted(bad)}")
        self.data = data

    def text(self, key: str, default: str | None = None) -> str:
        v = self.data.get(key, default)
        if not isinstance(v, str) or (default is None and not v.strip()):
            raise TaxonomyError(f"{self.where}: '{key}' must be a non-empty string")
        return v

    def texts(self, key: str) -> tuple[str, ...]:
        v = self.data.get(key, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            raise TaxonomyError(f"{self.where}: '{key}' must be a list of non-empty strings")
        return tuple(v)

    def flag(self, key: str) -> bool:
        v = self.data.get(key, False)
        if not isinstance(v, bool):
            raise TaxonomyError(f"{self.where}: '{key}' must be true or false")
        return v

    def integer(self, key: str) -> int:
        v = self.data.get(key)
        if isinstance(v, bool) or not isinstance(v, int):
            raise TaxonomyError(f"{self.where}: '{key}' must be an integer")
        return v

    def regex(self, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise TaxonomyError(f"{self.where}: pattern {pattern!r} does not compile: {exc}") from None
        if "(?P<" in pattern:
            raise TaxonomyError(f"{self.where}: pattern {pattern!r} must not use named groups")
        return pattern


def _leaders(path: Path, names: object, key: str = "leaders") -> str:
    """A list of names of event_types.toml (`leaders`: heads of government; `ministers`:
    ministers and envoys known by name) as one alternation for `{leaders}` / `{ministers}` in
    patterns (longest first, each name literal)."""
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise TaxonomyError(f"{path.name}: {key} must be a list of names")
    return "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))) or "(?!)"


def _load_event_types(path: Path) -> tuple[EventType, ...]:
    raw = _read(path)
    if set(raw) - {"event_type", "leaders", "ministers"}:
        raise TaxonomyError(f"{path.name}: unknown top-level key(s) "
                            f"{sorted(set(raw) - {'event_type', 'leaders', 'ministers'})}")
    leaders = _leaders(path, raw.get("leaders", []))
    ministers = _leaders(path, raw.get("ministers", []), "ministers")
    out: list[EventType] = []
    for i, data in enumerate(raw.get("event_type", []), 1):
        e = _Entry(path, f"event_type #{i}", data,
                   {"id", "label", "kind", "description", "subtypes", "trigger", "frame"})
        eid = e.text("id")
        e.where = f"{path.name}: event_type {eid!r}"
        if not _ID.match(eid):
            raise TaxonomyError(f"{e.where}: id must be lower-case snake_case")
        kind = e.text("kind")
        if kind not in KINDS:
            raise TaxonomyError(f"{e.where}: kind {kind!r} is not one of {KINDS}")
        subtypes = e.texts("subtypes")
        triggers = []
        for j, tdata in enumerate(data.get("trigger", []), 1):
            t = _Entry(path, f"event_type {eid!r} trigger #{j}", tdata, {"subtype", "pattern"})
            sub = t.text("subtype")
            if sub not in subtypes:
                raise TaxonomyError(f"{t.where}: subtype {sub!r} is not in {eid}'s subtypes")
            triggers.append(Trigger(sub, t.regex(
                t.text("pattern").replace("{leaders}", leaders).replace("{ministers}", ministers))))
        for j, fdata in enumerate(data.get("frame", []), 1):
            triggers += _frame_triggers(_Entry(path, f"event_type {eid!r} frame #{j}", fdata,
                                               {"subtype", "verbs", "objects", "voices", "gap"}), subtypes)
        if not triggers:
            raise TaxonomyError(f"{e.where}: no triggers")
        out.append(EventType(eid, e.text("label"), kind, e.text("description"), subtypes, tuple(triggers)))
    _unique(path, "event_type", [x.id for x in out])
    return tuple(out)


def _frame_triggers(f: _Entry, subtypes: tuple[str, ...]) -> list[Trigger]:
    """The triggers a frame (verbs acting on objects, in the voices it names) stands for."""
    sub, voices = f.text("subtype"), f.texts("voices") or VOICES
    if sub not in subtypes:
        raise TaxonomyError(f"{f.where}: subtype {sub!r} is not one of {subtypes}")
    if set(voices) - set(VOICES):
        raise TaxonomyError(f"{f.where}: voices must be among {VOICES}")
    if not f.texts("verbs") or not f.texts("objects"):
        raise TaxonomyError(f"{f.where}: a frame needs verbs and objects")
    try:
        gap = f.integer("gap") if "gap" in f.data else 4
        patterns = frame_patterns(f.texts("verbs"), tuple(f.regex(o) for o in f.texts("objects")), voices, gap)
    except FrameError as exc:
        raise TaxonomyError(f"{f.where}: {exc}") from None
    return [Trigger(sub, f.regex(p)) for p in patterns]


def _load_statuses(path: Path) -> tuple[Status, ...]:
    raw = _read(path)
    out: list[Status] = []
    for i, data in enumerate(raw.get("status", []), 1):
        e = _Entry(path, f"status #{i}", data,
                   {"id", "label", "description", "applies_to", "priority", "cues", "default_for"})
        sid = e.text("id")
        e.where = f"{path.name}: status {sid!r}"
        applies = e.texts("applies_to")
        default_for = e.texts("default_for")
        for k in applies + default_for:
            if k not in KINDS:
                raise TaxonomyError(f"{e.where}: kind {k!r} is not one of {KINDS}")
        cues = tuple(e.regex(c) for c in e.texts("cues"))
        out.append(Status(sid, e.text("label"), e.text("description"), applies, e.integer("priority"),
                          cues, default_for))
    _unique(path, "status", [x.id for x in out])
    for kind in KINDS:
        if sum(kind in s.default_for for s in out) != 1:
            raise TaxonomyError(f"{path.name}: kind {kind!r} needs exactly one default status")
    return tuple(sorted(out, key=lambda s: s.priority))


def _load_commodities(
    path: Path,
) -> tuple[tuple[Commodity, ...], tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    raw = _read(path)
    top = {"commodity", "blockers", "compounds"}
    if set(raw) - top:
        raise TaxonomyError(f"{path.name}: unknown top-level key(s) {sorted(set(raw) - top)}")
    blockers = _Entry(path, "blockers", raw.get("blockers", {}), {"phrases"}).texts("phrases")
    out: list[Commodity] = []
    keys = {"id", "label", "kind", "parents", "aliases", "cased_aliases", "context_required",
            "usgs_2022", "usgs_2025", "eu_critical", "eu_strategic", "hs_codes"}
    for i, data in enumerate(raw.get("commodity", []), 1):
        e = _Entry(path, f"commodity #{i}", data, keys)
        cid = e.text("id")
        e.where = f"{path.name}: commodity {cid!r}"
        if not _ID.match(cid):
            raise TaxonomyError(f"{e.where}: id must be lower-case snake_case")
        kind = e.text("kind")
        if kind not in COMMODITY_KINDS:
            raise TaxonomyError(f"{e.where}: kind {kind!r} is not one of {COMMODITY_KINDS}")
        out.append(Commodity(
            cid, e.text("label"), kind, e.texts("parents"), e.texts("aliases"), e.texts("cased_aliases"),
            e.flag("context_required"), e.flag("usgs_2022"), e.flag("usgs_2025"),
            e.flag("eu_critical"), e.flag("eu_strategic"), e.texts("hs_codes"),
        ))
    _unique(path, "commodity", [x.id for x in out])
    ids = {c.id: c for c in out}
    for c in out:
        for p in c.parents:
            if p not in ids or ids[p].kind != "group":
                raise TaxonomyError(f"{path.name}: commodity {c.id!r}: parent {p!r} is not a group commodity")
        if not (c.aliases or c.cased_aliases):
            raise TaxonomyError(f"{path.name}: commodity {c.id!r}: no aliases")
    compounds: list[tuple[str, tuple[str, ...]]] = []
    raw_compounds = raw.get("compounds", {})
    if not isinstance(raw_compounds, dict):
        raise TaxonomyError(f"{path.name}: [compounds] must be a table of alias = [ids]")
    for alias, members in raw_compounds.items():
        if (not isinstance(members, list) or len(members) < 2
                or not all(isinstance(m, str) and m in ids for m in members)):
            raise TaxonomyError(f"{path.name}: compound {alias!r} must list two or more known commodity ids")
        compounds.append((alias, tuple(members)))
    _unique_aliases(
        path,
        [(c.id, a) for c in out for a in c.aliases + c.cased_aliases]
        + [("+".join(m), a) for a, m in compounds],
        blockers,
    )
    return tuple(out), blockers, tuple(compounds)


def _load_countries(path: Path) -> tuple[tuple[Country, ...], tuple[str, ...]]:
    raw = _read(path)
    if set(raw) - {"country", "blockers"}:
        raise TaxonomyError(f"{path.name}: unknown top-level key(s) {sorted(set(raw) - {'country', 'blockers'})}")
    blockers = _Entry(path, "blockers", raw.get("blockers", {}), {"phrases"}).texts("phrases")
    out: list[Country] = []
    keys = {"code", "label", "aliases", "cased_aliases", "ambiguous_aliases", "confirm", "person_name",
            "leaders", "listed_aliases", "acting_confirms", "instruments"}
    for i, data in enumerate(raw.get("country", []), 1):
        e = _Entry(path, f"country #{i}", data, keys)
        code = e.text("code")
        e.where = f"{path.name}: country {code!r}"
        iso = pycountry.countries.get(alpha_2=code) if code != "EU" else None
        if code != "EU" and iso is None:
            raise TaxonomyError(f"{e.where}: not an ISO 3166-1 alpha-2 code (nor 'EU')")
        default_label = "European Union" if iso is None else getattr(iso, "common_name", iso.name)
        out.append(Country(
            code, e.text("label", default_label) or default_label, e.texts("aliases"),
            e.texts("cased_aliases"), e.texts("ambiguous_aliases"), e.texts("confirm"),
            e.flag("person_name"), e.texts("leaders"), e.texts("listed_aliases"),
            e.flag("acting_confirms"), e.texts("instruments"),
        ))
        if stray := set(out[-1].instruments) - set(out[-1].aliases + out[-1].cased_aliases):
            raise TaxonomyError(f"{e.where}: instruments {sorted(stray)} must also be aliases")
    _unique(path, "country", [x.code for x in out])
    _unique_aliases(
        path,
        [(c.code, a) for c in out
         for a in c.aliases + c.cased_aliases + c.ambiguous_aliases + c.leaders + c.listed_aliases],
        blockers,
    )
    return tuple(out), blockers


def _unique(path: Path, what: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise TaxonomyError(f"{path.name}: duplicate {what} id {i!r}")
        seen.add(i)


def _unique_aliases(path: Path, pairs: list[tuple[str, str]], blockers: tuple[str, ...]) -> None:
    owner: dict[str, str] = {}
    for ident, alias in pairs:
        # Cased aliases may differ from a case-insensitive one only by case ("US" vs "us" is
        # exactly the point), so duplicates are checked on the exact string per owner pair.
        key = alias.strip()
        if key in owner and owner[key] != ident:
            raise TaxonomyError(f"{path.name}: alias {alias!r} is given to both {owner[key]!r} and {ident!r}")
        owner[key] = ident
    low = {b.lower() for b in blockers}
    for ident, alias in pairs:
        if alias.lower() in low:
            raise TaxonomyError(f"{path.name}: alias {alias!r} of {ident!r} is also a blocker")


def load_taxonomy(folder: Path = TAXONOMY_DIR) -> Taxonomy:
    """Load and validate every taxonomy file in `folder`."""
    event_types = _load_event_types(folder / "event_types.toml")
    statuses = _load_statuses(folder / "statuses.toml")
    commodities, commodity_blockers, compounds = _load_commodities(folder / "commodities.toml")
    countries, country_blockers = _load_countries(folder / "countries.toml")
    return Taxonomy(event_types, statuses, commodities, countries, country_blockers,
                    commodity_blockers, compounds)


@cache
def default_taxonomy() -> Taxonomy:
    """The bundled taxonomy, loaded once per process."""
    return load_taxonomy()
