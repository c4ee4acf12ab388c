"""Bans and curbs that name the goods but not the direction: "Beijing lifts its US-only ban on
gallium", "China bans gallium and germanium shipments to the US", "Canada's Russian uranium ban",
"Beijing's curbs on gallium", "China's graphite controls", "China restricts graphite".

The taxonomy's triggers type a ban by the word next to it (export ban, ban on imports). Headlines
often drop that word. A ban whose object is a commodity is then a trade control by context: an
export control, unless the goods are named by their origin ("Russian uranium"), which makes it an
import ban. Whether a government imposes it is checked as for any trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .senses import OTHER_LICENCE
from .signals import company_labels
from .triggers import MAX_PER_SENTENCE
from .vocab import Mention

_BAN = re.compile(r"\b(?:ban|bans|banned|banning|bar|bars|barred|barring|embargo|embargoes|curbs?|restrictions?|controls|"
                  r"restricts|(?<=\bto )restrict|restricted|restricting|(?<!asset )(?<!assets )freeze)\b"
                  r"(?<!price curb)(?<!price curbs)(?<!price controls)(?<!price freeze)")
# Goods followed by these are made or priced, not traded: "curbs on lithium mining" is a
# production control, "price controls on copper" no trade measure.
_NOT_TRADE = re.compile(r"\s+(?:mining|mines?|production|output|smelting|smelters?|refiner(?:y|ies)|extraction|"
                        r"prices?|investments?|projects?|emissions?|(?:[\w-]+\s+)?(?:permits?|licen[cs]es?|"
                        r"concessions?))\b")
# "its October rare earth controls": a curb dated by its month is an earlier act referred to,
# which the text about it types already.
_DATED_BEFORE = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|"
                           r"october|november|december|\d{4})\s+\Z")
# Between an owner and its curb: "Beijing's new curbs", "Chinese metals curbs" (a word for the
# goods as a class, which no commodity names).
_OWNER_GAP = re.compile(r"('s|’s)?\s+(?:new\s+|latest\s+)?(?:(?:metals?|minerals?|materials)\s+)?")
_OWNER_REACH = 20
# The headline verb "bar" is a ban only right after the state that bars, with the goods right
# after it ("US, UK bar new Russian aluminium"): "gold bars", "raise the bar for lithium" are none.
_BAR_SUBJECT = re.compile(r"(?:\s+(?:to|will|would|must))?\s+\Z")
_BAR_TO_GOODS = re.compile(r"\s+(?:(?:new|fresh|all|any|the|further|more)\s+)?(?:[\w-]+\s+)?")
# Goods that only name whom or what is barred: "barred Chinese lithium firms from entering".
_NOT_BARRED_GOODS = re.compile(r"\s+(?:firms?|compan(?:y|ies)|miners?|producers?|investors?|groups?|"
                               r"buyers?|traders?|stakes?|assets|deals?|takeovers?)\b")
# A state's verb on a bare ban or curb, the goods named elsewhere in the headline ("Chinese
# gallium could flow to US again as Beijing pauses ban", "Nickel jumps as Jakarta extends ban").
_ACTS_ON_BARE = re.compile(
    r"\s+(?:(?:to|will|would)\s+)?(?:paus|lift|extend|eas|scrap|suspend|tighten|widen|expand|"
    r"relax|renew|reimpos|impos|enforc|drop|end|delay|reinstat|restor|loosen)(?:e|es|s|ed|d|ing)?"
    r"\s+(?:(?:its|the|a|new|temporary|existing|current)\s+)?\Z")
DEMONYM = re.compile(r"(?:ese|ian|ish|ch|can|ean)\Z", re.I)
# The words a text needs for a ban or a named curb to be looked for at all.
WORDS = ("ban", "bar", "embargo", "curb", "restrict", "controls", "licen", "permit", "quota", "freeze")
_ANY_WORD = re.compile("|".join(WORDS))  # one look at a sentence for any of them
_PERMIT_WORD = re.compile("licen|permit|quota")  # ... and for those of licences and quotas
# Between a ban and its goods: "ban on the", "bans all", "banned rare earth" (a word or two of
# the goods' own name or modifiers may come between).
# ("Answers US Chip Curbs With Gallium Export Ban": what comes "with" a curb is another act)
_TO_GOODS = re.compile(r"(?:\s+on)?(?:\s+(?:the|all|any|new|further|its))?(?:\s+(?!with\b)[\w-]+){0,2}?\s+")
# Goods named before the ban: "gallium ban", "Russian uranium import ban" (the latter typed
# already by its trigger).
GOODS_BEFORE = re.compile(r"\s+(?:[\w-]+\s+)?")
_MAKERS = re.compile(r"\s+(?:[\w-]+\s+)?makers\b")  # "Japanese makers", "Korean chip makers"
ORIGIN_GAP = (1, 2)  # characters between an origin demonym and the goods ("Russian uranium")
# A curb named as the circumstance of its sentence's exports: "after curbs", "under the ban".
_CIRCUMSTANCE = re.compile(r"\b(?:after|under|amid|despite|since|following|because of|due to)\s+"
                           r"(?:(?:the|new|a|fresh|tighter|its|their|these|those)\s+)*\Z")
# A curb said to end right after it ("after the restrictions eased"): no curb in force.
_ENDED = re.compile(r"\s+(?:were |was |have been |had been |are |is )?(?:eased|lifted|ended|expired|"
                    r"scrapped|relaxed|removed|ease|lift|end|expire)\b")
_OWN_OBJECT = re.compile(r"\s+(?:on|against|of|over|for)\b")
_EXPORTS = re.compile(r"\b(?:exports?|shipments?|sales abroad)\b")
# A state's ban whose object is a country or its shipments: "China's ban on US shipments" (the
# goods it keeps from that country are named elsewhere in the sentence); not a country's
# products ("China's ban on Japanese seafood" is on imports).
_ON_COUNTRY = re.compile(r"\s+on\s+(?:the\s+)?")
_COUNTRY_ONLY = re.compile(r"\s+(?:shipments|sales|supplies|deliveries)\b|\s*(?:[,.;:]|\Z)")
# Permits or quotas a state owns, named by their goods ("Beijing's graphite permits slow
# shipments") or as a system ("Congo's quota system"), in a sentence about exports: bare
# "permits" after a commodity are otherwise mostly a mine's ("Chile's lithium permits backlog").
_GOODS_PERMITS = re.compile(r"\b(?:licen[cs]es|permits)\b")
_POSSESSIVE = re.compile(r"(?:'s|’s)\s+(?:new\s+|latest\s+)?")
_QUOTA_SYSTEM = re.compile(r"\bquota\s+(?:system|regime|scheme)s?\b")
# A sentence about mines, whose permits and licences are theirs, not the goods' to leave.
_MINE_TALK = re.compile(r"\b(?:mines?|mining|miners?|exploration|drilling|projects?|concessions?|"
                        r"smelters?|plants?|refiner\w*|operat\w*|environment\w*|water|land|"
                        r"backlogs?|permitting|deposits?|sites?)\b")
# Between a state and the permits, licences or ban it owns: "Chinese permits", "Beijing's new
# licences", "Zimbabwe ban".
_OWNER_BEFORE = re.compile(r"(?:'s|’s)?\s+(?:new\s+|latest\s+|export\s+)?")
# A licensing regime named as a noun: "Chinese licensing", "Beijing's permit rules", "the new
# licensing rule for gallium", "licensing of rare earth exports". The words "licence" and
# "permit" alone mostly name a mine's or a company's licence, so only the regime words count.
_LICENSING = re.compile(r"\b(?:(?:licen[cs]ing|licen[cs]es?|permits?)\s+(?:requirements?|rules?|"
                        r"regimes?|systems?)|licen[cs]ing)\b")
# Between a licensing word and its goods: "for gallium", "on seven Chinese rare earths",
# "of rare earth exports", "to foreign-made goods that contain".
_LICENCE_TO_GOODS = re.compile(r"\s+(?:for|on|of|over|covering)(?:\s+[\w-]+){0,3}?\s+")
# Goods licensed to be dug, refined or sold at home, not to leave.
_NOT_EXPORT = re.compile(r"\s+(?:mining|mines?|production|output|smelt\w*|refin\w*|extraction|"
                         r"exploration|projects?|deposits?|concessions?|plants?|prices?|"
                         r"operations|companies|firms|sector|industry)\b")


def undirected_bans(low: str, start: int, end: int, goods: Sequence[Mention],
                    countries: Sequence[Mention],
                    taken: Sequence[tuple[int, int]]) -> list[tuple[str, re.Match[str]]]:
    """("export" | "import", the ban word's match) of each ban in low[start:end] whose object is
    a commodity and that no trigger in `taken` (spans) already covers."""
    if not goods or not _ANY_WORD.search(low, start, end):
        return []  # (a quick look first: the patterns are slow to scan)
    out: list[tuple[str, re.Match[str]]] = []
    for m in _BAN.finditer(low, start, end):
        if len(out) >= MAX_PER_SENTENCE:
            return out  # a hostile run of curbs (see triggers.MAX_PER_SENTENCE)
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if m.group().startswith("bar"):
            if _barred(low, m, goods, countries):
                out.append(("import" if _origin_after(low, m, goods, countries) else "export", m))
            continue
        g = _goods_of(low, m, goods)
        actor = _acted_on(low, m, countries) if g is None and not _OWN_OBJECT.match(low, m.end()) else None
        if actor is not None:  # "... as Beijing pauses ban": another's goods are kept out
            out.append(("import" if any((o := _origin(g2, countries)) and o.ident != actor.ident
                                        for g2 in goods) else "export", m))
            continue
        if g is None and _circumstance(low, m, start, end):
            out.append(("export", m))  # "China's gallium exports plunge after curbs"
            continue
        if g is None and is_ban(m) and not m.group().startswith("bar") and not _OWN_OBJECT.match(
                low, m.end()) and _named_owner(low, m, countries):
            out.append(("export", m))  # "Lithium prices slump after Zimbabwe ban"
            continue
        if g is None and _owned(low, m, countries) and (not is_ban(m) or _on_country(low, m, countries)):
            out.append(("export", m))  # "The Chinese restrictions ... gallium": the owner's
            continue
        if g is None or (g.start >= m.end() and _NOT_TRADE.match(low, g.end)) or (
                not is_ban(m) and _DATED_BEFORE.search(low, max(0, min(g.start, m.start()) - 14),
                                                       min(g.start, m.start()))):
            continue
        origin = _origin(g, countries)
        out.append(("import" if origin and not _owner_curbs(low, m, g, origin, countries) else "export", m))
    if not _PERMIT_WORD.search(low, start, end):
        return out
    return out + [("export", m) for m in _licensing(low, start, end, goods, countries, taken)
                  + _owned_permits(low, start, end, goods, countries, taken)]


def _origin(g: Mention, countries: Sequence[Mention]) -> Mention | None:
    """The country whose demonym or name stands right before the goods ("Russian uranium")."""
    return next((c for c in countries if g.start - c.end in ORIGIN_GAP and c.end <= g.start), None)


def _barred(low: str, m: re.Match[str], goods: Sequence[Mention], countries: Sequence[Mention]) -> bool:
    """Whether "bar" at m is a state's verb on goods right after it ("UK bars Russian nickel")."""
    return (any(c.end <= m.start() and _BAR_SUBJECT.fullmatch(low, c.end, m.start()) for c in countries)
            and any(g.start >= m.end() and _BAR_TO_GOODS.fullmatch(low, m.end(), g.start)
                    and not _NOT_BARRED_GOODS.match(low, g.end) and not _NOT_TRADE.match(low, g.end)
                    for g in goods))


def _origin_after(low: str, m: re.Match[str], goods: Sequence[Mention], countries: Sequence[Mention]) -> bool:
    """Whether the goods a state bars are named by their origin: what it keeps out."""
    return any(g.start >= m.end() and _BAR_TO_GOODS.fullmatch(low, m.end(), g.start)
               and _origin(g, countries) is not None for g in goods)


def _named_owner(low: str, m: re.Match[str], countries: Sequence[Mention]) -> bool:
    """Whether a country's name or possessive, not a demonym ("Russian ban" may be on Russian
    goods), stands right before the bare ban at m ("after Zimbabwe ban", "Indonesia's ban")."""
    return any(c.end <= m.start() and _OWNER_BEFORE.fullmatch(low, c.end, m.start())
               and (low[c.end] in "'’" or not DEMONYM.search(c.surface)) for c in countries)


def _acted_on(low: str, m: re.Match[str], countries: Sequence[Mention]) -> Mention | None:
    """The state right before a verb of changing a measure that acts on the bare ban or curb
    at m ("Beijing pauses ban", "China to lift curbs")."""
    return next((c for c in countries if c.end <= m.start() and m.start() - c.end <= 40
                 and _ACTS_ON_BARE.fullmatch(low, c.end, m.start())), None)


def _on_country(low: str, m: re.Match[str], countries: Sequence[Mention]) -> bool:
    """Whether a ban's object is a country ("China's ban on US shipments")."""
    on = _ON_COUNTRY.match(low, m.end())
    return on is not None and any(c.start == on.end() and _COUNTRY_ONLY.match(low, c.end) for c in countries)


def _owned_permits(low: str, start: int, end: int, goods: Sequence[Mention],
                   countries: Sequence[Mention], taken: Sequence[tuple[int, int]]) -> list[re.Match[str]]:
    """Permits named by a state's possessive and their goods ("Beijing's graphite permits"), and
    a state's quota system in a sentence about exports ("despite Congo's quota system")."""
    # permits named by their goods are a mine's ("Chile's lithium permits backlog slows
    # projects", "Indonesia's nickel permits under review") unless the sentence is about
    # exports; a state's bare permits in a sentence naming goods and no mine are its exports'
    exports = bool(_EXPORTS.search(low, start, end))
    bare = not exports and not _MINE_TALK.search(low, start, end)
    out: list[re.Match[str]] = []
    for m in _GOODS_PERMITS.finditer(low, start, end):
        g = next((g for g in goods if g.end <= m.start() and GOODS_BEFORE.fullmatch(low, g.end, m.start())), None)
        if exports and g is not None and any(_POSSESSIVE.fullmatch(low, c.end, g.start) for c in countries):
            out.append(m)
        elif (exports or bare) and any(_OWNER_BEFORE.fullmatch(low, c.end, m.start()) and (
                low[c.end] in "'’" or DEMONYM.search(c.surface)) for c in countries if c.end <= m.start()):
            out.append(m)  # "Germanium hits record as Chinese permits trickle out"
    if exports:
        out += [m for m in _QUOTA_SYSTEM.finditer(low, start, end)
                if any(_POSSESSIVE.fullmatch(low, c.end, m.start()) for c in countries)
                or _owned_goods_before(low, m, goods, countries)]
    return [m for m in out if not any(a < m.end() and m.start() < b for a, b in taken)][:MAX_PER_SENTENCE]


# A state named as the subject of a verb of acting or planning ("US weighs", "EU to impose").
_ACTS_ON = re.compile(r"\s+(?:weigh|plan|impose|mull|consider|readie|ready|prepare|eye|propose|slap|"
                      r"unveil|announce|add|extend|approve|threaten|to impose|to slap)s?\b")


def _owner_curbs(low: str, m: re.Match[str], g: Mention, origin: Mention,
                 countries: Sequence[Mention]) -> bool:
    """Whether a demonym before goods before a curb names the curb's owner, not the goods'
    origin: "Japanese Makers Face Chinese Rare Earth Curbs" are China's (a ban, "Russian uranium
    ban", stays an import ban), when no other state in the sentence may own it (a country
    labelling a company does not: "Japanese makers"). A country's name, not its demonym, before
    the goods names whose curb it is, whoever else the sentence names ("Japan faces China
    gallium curbs"): goods are given their origin by a demonym ("curbs on Russian aluminium")."""
    if is_ban(m) or g.end > m.start() or not GOODS_BEFORE.fullmatch(low, g.end, m.start()):
        return False
    if not DEMONYM.search(origin.surface):  # unless another state acts on them ("US weighs Russia aluminium curbs")
        return not any(c.ident != origin.ident and c.end <= origin.start and _ACTS_ON.match(low, c.end)
                       for c in countries)
    labels = company_labels(low, list(countries))
    return all(c.ident == origin.ident or c.start in labels or _MAKERS.match(low, c.end)
               for c in countries)


def _circumstance(low: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether a bare curb or ban is named as what the exports of its sentence go through
    ("China's gallium exports plunge after curbs", "shipments from Indonesia dry up under the
    ban"): after a preposition of circumstance, with no object of its own ("after curbs on
    protests" is about something else)."""
    return bool(_CIRCUMSTANCE.search(low, max(start, m.start() - 30), m.start())
                and not _OWN_OBJECT.match(low, m.end()) and not _ENDED.match(low, m.end())
                and _EXPORTS.search(low, start, end))


def _licensing(low: str, start: int, end: int, goods: Sequence[Mention],
               countries: Sequence[Mention],
               taken: Sequence[tuple[int, int]]) -> list[re.Match[str]]:
    """Licensing regimes on exports named as nouns in low[start:end]: owned by a country
    ("Chinese licensing", "China's permit rules") or with goods as their object ("licensing
    of rare earth exports"); not a mine's licence ("mining licensing rules") nor one whose
    goods are dug or refined ("licensing of lithium projects")."""
    out: list[re.Match[str]] = []
    for m in _LICENSING.finditer(low, start, end):
        if len(out) >= MAX_PER_SENTENCE:
            break
        if any(a < m.end() and m.start() < b for a, b in taken) or OTHER_LICENCE.search(
                low, max(start, m.start() - 14), m.start()):
            continue
        after = next((g for g in goods if g.start >= m.end()
                      and _LICENCE_TO_GOODS.fullmatch(low, m.end(), g.start)), None)
        if after is not None and _NOT_EXPORT.match(low, after.end):
            continue
        if after is not None or _owned(low, m, countries) or _owned_goods_before(low, m, goods, countries):
            out.append(m)
    return out


def _owned_goods_before(low: str, m: re.Match[str], goods: Sequence[Mention],
                        countries: Sequence[Mention]) -> bool:
    """Whether a state's possessive and then the goods come right before the regime noun at m
    ("China's graphite permit requirement", "Congo's cobalt quota regime")."""
    return any(g.end <= m.start() and GOODS_BEFORE.fullmatch(low, g.end, m.start())
               and any(_POSSESSIVE.fullmatch(low, c.end, g.start) for c in countries) for g in goods)


def _goods_of(low: str, m: re.Match[str], goods: Sequence[Mention]) -> Mention | None:
    """The commodity a ban is on: named just after it, or just before it."""
    for g in goods:
        if g.start >= m.end() and _TO_GOODS.fullmatch(low, m.end(), g.start):
            return g
        if g.end <= m.start() and GOODS_BEFORE.fullmatch(low, g.end, m.start()):
            return g
    return None


def is_ban(m: re.Match[str]) -> bool:
    """Whether the measure word is a ban or embargo (else a curb, restriction or control)."""
    return m.group().startswith(("ban", "embargo", "bar"))


def measure_kind(m: re.Match[str]) -> str:
    """The subtype of a measure word: "ban", "licensing" or "other" (a curb or control)."""
    return "ban" if is_ban(m) else "licensing" if m.group().startswith(("licen", "permit")) else "other"


def _owned(low: str, m: re.Match[str], countries: Sequence[Mention]) -> bool:
    """Whether a curb is named by its owner just before it ("the Chinese restrictions",
    "Beijing's new curbs") in a sentence that names a commodity elsewhere."""
    for c in countries:
        gap = (_OWNER_GAP.fullmatch(low, c.end, m.start()) if 0 <= m.start() - c.end <= _OWNER_REACH
               else None)
        if gap and (gap.group(1) or DEMONYM.search(c.surface)):  # not "China controls 55%"
            return True
    return False


# Goods named by their origin's demonym right before an import measure, with no goods word the
# vocabulary knows ("Ukrainian farm product import ban", "Chinese electric car tariffs"): whom
# it hits. Words that modify the measure itself leave the demonym its owner ("Chinese
# retaliatory tariffs", "Chinese import tariffs on US soybeans").
_GOODS_WORDS = re.compile(r"\s+((?:[A-Za-z][\w-]*\s+){1,3})")
_MEASURE_WORDS = frozenset({
    "import", "imports", "export", "exports", "retaliatory", "punitive", "new", "additional", "extra",
    "higher", "counter", "reciprocal", "provisional", "temporary", "anti-dumping", "countervailing",
    "safeguard", "tit-for-tat", "fresh", "further", "steep", "hefty", "sweeping", "blanket", "trade",
    "own", "latest", "planned", "proposed", "possible", "threatened"})


def origin_before(text: str, t0: int, h: Mention) -> bool:
    """Whether demonym h and one to three goods words stand right before the import measure at t0."""
    m = _GOODS_WORDS.fullmatch(text, h.end, t0) if h.end < t0 and DEMONYM.search(h.surface) else None
    return m is not None and not any(w.lower() in _MEASURE_WORDS for w in m.group(1).split())


# Goods, "from" and a country before the measure: "critical minerals from China have carried
# the 25% duty since 2024": where the goods come from, whom the measure hits, not who acts.
_FROM = re.compile(r"\s+from\s+(?:the\s+)?\Z")


def origin_from(text: str, t0: int, h: Mention, goods: list[Mention]) -> bool:
    """Whether country h, before the import measure at t0, follows goods and "from"."""
    m = _FROM.search(text, max(0, h.start - 12), h.start) if h.end <= t0 else None
    return m is not None and any(g.end == m.start() for g in goods)
