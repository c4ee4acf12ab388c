"""What a sentence says about who acts: government words, company business, crime, negation.

Only government action makes an event, so each sentence holding a trigger is asked whether it
names a government (an institution, an official, a country acting as more than a company's
label), company business ("deal to buy", "shareholders"), or a crime; and whether the trigger
is negated or denied.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .meetings import people
from .vocab import Mention, WordSignals, trie_pattern

# Word lists, looked up at the words the word index flags (lower-cased; "*" ends a stem).
SIGNAL_WORDS = WordSignals({
    "criminal": ["police", "smuggl*", "arrest*", "fraud", "criminal", "prosecutor", "prosecutors",
                 "indict*", "bribery", "corruption", "theft", "stolen", "murder*", "killed",
                 "charged with"],
    # a state body in company news makes it state business ("Pentagon becomes top shareholder")
    "state": ["government", "ministry", "minister", "state", "pentagon", "treasury", "department",
              "dod"],
    "government": [
        "government", "govt", "ministry", "minister", "ministers", "ministerial", "cabinet",
        "treasurer",
        "president", "premier", "parliament", "lawmakers", "congress", "senate", "regulator",
        "regulators", "authorities", "official", "officials", "administration", "state", "states",
        "commission", "council", "agency", "department", "customs", "treasury", "pentagon",
        "kremlin", "beijing", "washington", "brussels", "mofcom", "ustr", "eu", "g7", "g-7", "g20",
        "g-20", "apec", "wto", "iaea", "united nations", "intergovernmental", "decree",
        "presidential", "federal", "feds", "national", "public",
        "sovereign", "secretary", "ambassador", "envoy", "negotiator", "negotiators", "delegation",
        "delegations", "leader", "leaders", "bloc", "nation", "nations", "countries", "country",
        "governments", "ministries", "king", "kingdom", "emir", "emirate", "chancellor", "junta",
        "proclamation", "law", "bill", "act", "regulation", "announcement", "prime minister",
        "white house", "european union", "executive order",
        # statutes only a government invokes ("Section 232 probe ... ends without tariffs")
        "section 232", "section 301", "ieepa", "uflpa", "ofac", "cbp",
        # foreign-investment screeners ("CFIUS blocks Chinese stake in lithium merger")
        "cfius", "firb", "foreign investment review board", "committee on foreign investment",
        # state lenders and agencies that fund projects as policy
        "doe", "dod", "exim", "ex-im", "eximbank", "export-import bank", "dfc", "jogmec", "jbic", "ukef",
        "export finance australia", "uk export finance", "kfw", "loan programs office", "office of strategic capital",
        "development finance corporation", "critical minerals facility", "national reconstruction fund",
        "canada growth fund", "canada infrastructure bank", "bpifrance"],
    "corporate": (
        ["acquir*", "acquisition", "merger", "merge", "buyout", "shareholder", "shareholders",
         "ipo", "earnings", "dividend", "takeover bid", "stock exchange"]
        + [f"{a} to {b}" for a in ("deal", "agreement", "agreed", "agrees", "agree", "offer", "bid")
           for b in ("buy", "purchase", "take over")]),
    "company": [
        "company", "companies", "firm", "firms", "miner", "miners", "producer", "producers",
        "exporter", "exporters", "carmaker", "carmakers", "automaker", "automakers",
        "manufacturer", "manufacturers", "trader", "traders", "buyer", "buyers", "investor",
        "investors", "developer", "shareholder", "shareholders", "ceo", "inc", "corp", "ltd",
        "plc", "llc", "chief executive",
        # a company the state owns is still a company: its "state" is no government acting
        # (leftmost-longest matching takes these before "state" alone)
        "state-run", "state-owned", "state-backed", "state-controlled", "state run",
        "state owned", "state backed", "state controlled"],
})

# A company named by its country ("Chinese refiners", "China's CMOC"): a capitalised name or a
# company noun within two words after the country.
_COMPANY_NOUNS = [
    "firm", "firms", "company", "companies", "miner", "miners", "exporter", "exporters",
    "producer", "producers", "group", "groups", "manufacturer", "manufacturers", "automaker", "automakers",
    "carmaker", "carmakers", "smelter", "smelters", "trader", "traders", "buyer", "buyers",
    "investor", "investors", "refiner", "refiners", "startup", "startups", "conglomerate",
    "corporation", "steel mill", "steel mills", "mill", "mills", "plant", "plants", "utilities",
    "developer", "developers", "explorer", "explorers", "chipmaker", "chipmakers", "steelmaker", "steelmakers",
    "trading house", "trading houses",
    # a mine is its owner's, not the state's ("at Zambian copper mine")
    "mine", "mines",
    # people and groups a country names who are not its government ("Australia's richest woman")
    "richest", "billionaire", "billionaires", "tycoon", "tycoons", "magnate", "magnates",
    "oligarch", "oligarchs", "businessman", "businessmen", "businesswoman", "woman", "man",
    "family", "families", "consumers", "households", "workers", "campaigners", "activists",
    "protesters", "unions", "rebels", "insurgents", "militia", "militias", "separatists"]
# A maker of goods is a company ("Korean battery maker"); policy and decision makers are not.
# Not in title-case headlines, where a verb may stand before the makers ("US Hits Chip Makers").
# Only after the goods ("Japanese makers weigh the cost of export controls" may be the state's).
_MAKER = r"|(?!policy\b|decision\b)[a-z-]+ makers?"
# Capitalised words after a country that name its state, not a company ("China's Ministry of
# Commerce", "the U.K.'s Finance Minister", "U.S. President Joe Biden"), or an instrument it
# issues ("MOFCOM Announcement No. 46", "US Executive Order", "Indonesia Regulation 11").
_STATE_WORD = (r"(?!(?:Ministry|Minister|President|Prime|Premier|Department|Treasury|Commerce|"
               r"Foreign|Finance|Trade|Government|Parliament|Congress|Senate|House|Commission|"
               r"Council|Embassy|Customs|Administration|Cabinet|Chancellor|Secretary|State|"
               r"Announcements?|Notices?|Decrees?|Executive|Regulations?|Directives?|"
               r"Proclamations?|Circulars?|Ordinances?)\b)"
               # a headline's capitalised verb or auxiliary, in a headline not all in title case
               # ("Congo Extends cobalt export ban", "India OKs export duty cut")
               r"(?!(?:OK(?:s|'s|’s|'d|’d|ed|d)?|To|Will|May|Could|Would|Should|Must|Is|Are|Was|"
               r"Were|Has|Have|Says|Said|Took|Froze|Read(?:y|ies|ied)|(?:Ban|Bar|Curb|Restrict|"
               r"Extend|Propos|Impos|Reimpos|Rais|Hik|Cut|Lift|Scrap|Ax|Eas|Tighten|Halt|Suspend|"
               r"Block|Mull|Weigh|Eye|Plan|Slap|Sign|Ink|Seal|Agree|Approv|Order|Launch|Unveil|"
               r"Target|Probe|Threaten|Warn|Vow|Back|Paus|Resum|Nationali[sz]|Revok|Cancel|Seiz|"
               r"Take|Grant|Announc|Consider|Prepar|Expand|Widen|Introduc|Requir|Limit|Doubl|"
               r"Tripl|Retaliat|Renew|Delay|Postpon|Prohibit|Outlaw|Freez|Levi|Clamp|Crack)"
               r"(?:s|es|ed|d|ped|ned|red|ted|ing|e)?)\b)")
# Words between a country and a company noun are its adjectives ("Chinese rare earth refiners"),
# not a verb phrase with the company as object ("Australia will give companies a tax credit"),
# nor a speech verb whose clause names the company ("China said exporters will need licences").
_NOT_VERB = (r"(?!(?:will|would|shall|should|can|could|may|might|must|to|is|are|was|were|has|"
             r"have|had|does|did|and|or|gives?|gave|tells?|told|helps?|helped|lets?|pays?|paid|"
             r"offers?|offered|urges?|urged|asks?|asked|orders?|ordered|bars?|barred|bans?|banned|"
             r"funds|funded|backs|backed|finances|financed|lends|lent|awards|awarded|grants|"
             r"granted|invests|invested|blocks|blocked|targets|targeted|probes|probed|halts|halted|"
             r"suspends|suspended|revokes|revoked|cancels|cancelled|canceled|freezes|froze|seizes|"
             r"seized|nationali[sz]es|nationali[sz]ed|restricts|restricted|curbs|curbed|caps|capped|"
             r"closes|closed|shuts|approves|approved|sanctions|sanctioned|expropriates|"
             r"expropriated|said|says|announced|announces|warned|warns|stated|states)\b)")
# A month after a possessive dates the owner's act ("China's December ban on antimony sales",
# "Beijing's April curbs"): no company's name.
_NOT_A_MONTH = "".join(rf"(?<!{m})" for m in (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec"))
_COMPANY_NOUN = re.compile(
    r"\s*(?:'s\s+)?(?:" + _STATE_WORD + r"[A-Z][\w&.-]+\b(?<!Sunday)(?<!Monday)(?<!Tuesday)(?<!Wednesday)"
    r"(?<!Thursday)(?<!Friday)(?<!Saturday)" + _NOT_A_MONTH + r"|(?:" + _NOT_VERB + r"[a-z-]+\s+){0,2}(?:"
    + trie_pattern(_COMPANY_NOUNS) + _MAKER + r")\b)"
)
# In a title-case headline every word is capitalised, so only a company noun names a company
# ("Russian Uranium Import Ban Teed Up for US House Vote" names none); an owner's capitalised
# word still may ("China's CMOC", "China's Lithium Dominance"). A verb before the noun makes it
# the country's object (_NOT_VERB): "US Funds Graphite Plant" is the US's act.
_COMPANY_NOUN_TITLE = re.compile(
    r"(?:'s|’s)\s+(?-i:[A-Z])|\s*(?:'s\s+)?(?:" + _NOT_VERB + r"[\w-]+\s+){0,2}(?:"
    + trie_pattern(_COMPANY_NOUNS) + r")\b", re.I)
_TITLE_WORD = re.compile(r"\b[A-Za-z][a-z'’-]{3,}")
# Longer prepositions and conjunctions a title-case headline leaves in lower case ("Indonesia
# Bans Nickel Ore Exports from June, with Smelters to Follow"): they say nothing either way.
_MINOR_WORDS = frozenset({"from", "with", "into", "onto", "over", "upon", "than", "amid", "after",
                          "about", "under", "until", "since", "against", "before", "between",
                          "through", "despite", "toward", "towards", "without"})
_ALL_CAPS = re.compile(r"[^a-z]*(?:[A-Z]{2,}[^a-z]+){3,}[^a-z]*")
# An owner's measure in a title-case headline ("China's Rare Earth Curbs", "Beijing's Gallium
# Export Ban"): the country owns the act, it labels no company.
_OWNED_MEASURE = re.compile(
    r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}(?:bans?|curbs?|controls?|restrictions?|tariffs?|duties|"
    r"quotas?|rules|embargo(?:es)?|exports?|licen[cs]\w*|probes?|investigations?|sanctions?|"
    r"strateg(?:y|ies)|plans?|laws?|stockpiles?|subsid(?:y|ies)|freeze)\b", re.I)


# A company as the one who invests: a company word before the trigger in its clause with no
# government word after it ("Ford Motor Co. announced plans to invest $3.5 billion", "A Chinese
# company plans to invest"); "the Pentagon's investment in MP Materials" has none before it.
_COMPANY_SUBJECT = re.compile(
    r"\b(?:company|companies|firms?|miners?|makers?|automakers?|carmakers?|manufacturers?|"
    r"producers?|explorers?|juniors|consortium|group(?! of)|co|corp|inc|ltd|plc|llc|motors?|giant|startup)\b"
    r"(?:(?!\b(?:government|ministry|state|agency|treasury|fund|bank|pentagon)\b(?!-)).)*$",
    re.I | re.S)
# ... unless the company is a preposition's object ("cut costs for Argentina's miners in a push")
_OBJECT_OF = re.compile(r"\b(?:for|to|with|of|on|from|at|by)(?: \S+){0,2} \Z", re.I)


def company_acting(text: str, start: int, t0: int, countries: list[Mention]) -> int:
    """Where a company word in the clause text [start, t0) just before a trigger may make a
    company the one who acts (-1: none): a company word with no government word or country
    after it ("Lithium Miners Slump as Chile Unveils ..." has Chile after the miners), not a
    preposition's object. The caller checks that no government comes before it ("the Pentagon
    will lend the company $150 million")."""
    lo = max(start, t0 - 70)
    m = _COMPANY_SUBJECT.search(text, lo, t0)
    if m is None or _OBJECT_OF.search(text, max(lo, m.start() - 30), m.start()) or any(
            m.start() < h.start < t0 for h in countries):
        return -1
    return m.start()


def title_case(sentence: str) -> bool:
    """Whether a sentence is a title-case headline: nearly all its longer words capitalised,
    or all of it in capitals (either way capitals say nothing of names)."""
    if _ALL_CAPS.fullmatch(sentence):
        return True
    words = [w for w in _TITLE_WORD.findall(sentence) if w not in _MINOR_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)

# Negation scoping over the trigger: "has no plans to restrict exports", "won't impose".
_NEGATION = re.compile(
    r"(?:\bno (?:plans?|intention|immediate plans?) (?:\w+ ){0,2}to|\b(?:not|never)\b|n't\b|"
    r"\b(?:denied|denies|deny|dismissed|rejected|ruled out|rules out|rule out|refused to|"
    r"declined to|has no|have no|there (?:is|are|will be) no|without)\b)(?:[\s,]+[\w'-]+){0,5}[\s,]*$",
    re.I,
)
# Denials anywhere before the trigger: "denied a report that it was preparing a ban".
_DENIAL = re.compile(
    r"\b(?:(?:denied|denies|dismissed|rejected|refuted) (?:\S+ ){0,3}(?:reports?|claims?|"
    r"speculation|rumou?rs?|suggestions?)|no plans? to|ruled out|rules out|rule out|"
    r"decided against|deciding against|decide against|declined to)\b", re.I)
# A word one of the two patterns above needs ("n't" is the word "t" after the apostrophe).
_NEGATION_PARTS = ("deni", "deny", "dismissed", "rejected", "refuted", "rule", "refused",
                   "declined", "without", "decid", "never")


def may_negate(word: str) -> bool:
    """Whether a (lower-cased) word may be part of a negation or a denial."""
    return word == "t" or word.endswith(("no", "not")) or any(p in word for p in _NEGATION_PARTS)


# A negation of knowing or saying, then the question it leaves open: "doesn't know if the
# 2015 deal can be revived", "would not say whether the ban stands" deny nothing of the trigger.
_OPEN_QUESTION = re.compile(
    r"\b(?:know|knows|knew|say|said|sure|clear|certain|decided|tell|told)\b,? (?:if|whether)\b")


# A refusal to speak, not to act: "declined to comment on the ban", "declined to say whether".
_NO_COMMENT = re.compile(r"\b(?:declin\w*|refus\w*) to (?:say|comment|disclose|specify|elaborate|answer|"
                         r"detail|reveal)\b", re.I)


# "no" as the trigger's own determiner: "no agreement has been reached", "No new tariffs for
# now" (a number after "No" names a document: "Decree No 11 restricting exports").
_NO_DETERMINER = re.compile(r"\bno\s+(?:[a-z-]+\s+)?$", re.I)


# A negation whose verb is one of ending leaves the act its object standing: "would not lift
# its ban", "won't drop nickel fight at WTO", "has no plans to scrap the tariffs".
_ENDING_DENIED = re.compile(
    r"(?:\bnot|n't|n’t|\bnever|\bno plans? to|\brefus\w* to|\bdeclin\w* to|\bruled? out|\brules out)\s+"
    r"(?:(?:going|about|planning|prepared|willing|ready) to\s+|to\s+|be\s+)?(?:drop|dropping|lift|lifting|scrap|"
    r"scrapping|abandon\w*|withdraw\w*|remove|removing|end(?!\s+up)|ending|ease|easing|relax\w*|roll(?:ing)? back|"
    r"give up|giving up|back down on|rescind\w*|repeal\w*|reverse|reversing|loosen\w*)\b(?:[\s,]+[\w'’%.$-]+){0,4}[\s,]*$",
    re.I)


_DENIAL_WORDS = ("not", "n't", "n’t", "never", "plan", "refus", "declin", "rule")


def ending_denied(before: str) -> bool:
    """Whether the text just before a trigger denies its ending ("would not lift its ban"):
    the act stands, in effect."""
    tail = before[-90:]
    return any(w in tail for w in _DENIAL_WORDS) and bool(_ENDING_DENIED.search(tail))


def negated(before: str) -> bool:
    """Whether the text of the sentence before a trigger negates or denies it (not when the
    negation falls on a verb of ending the trigger is the object of: the act stands)."""
    if ending_denied(before):
        return False
    m = _NEGATION.search(before[-70:])
    if m and (_OPEN_QUESTION.search(m.group()) or _NO_COMMENT.search(m.group())):
        m = None
    tail = before[-160:]
    d = _DENIAL.search(tail)
    if d and _NO_COMMENT.match(tail, d.start(), d.end() + 12):
        d = None  # "declined to say whether the tariff would be withdrawn" denies nothing of it
    return bool(m or d or _NO_DETERMINER.search(before[-30:]))


class Facts(NamedTuple):
    """What one sentence says, worked out once however many triggers it holds."""

    countries: list[Mention]
    commodities: list[Mention]
    government: bool
    acting: bool  # a government word, or a country named as more than a company's label
    corporate: bool
    company: bool
    criminal: bool
    cues: list[tuple[str, int, int]]  # (status, start, end) in text offsets, by priority
    labels: frozenset[int]  # starts of countries that only label a company ("Chinese refiners")
    country_ids: tuple[str, ...]  # the countries named, in order
    commodity_ids: tuple[str, ...]  # the commodities named, with their groups


def company_labels(text: str, countries: list[Mention], titled: bool = False) -> frozenset[int]:
    """Starts of the countries that only name a company's home ("Chinese refiners");
    `titled`: the sentence is a title-case headline."""
    rx = _COMPANY_NOUN_TITLE if titled else _COMPANY_NOUN
    out = set()
    for h in countries:
        if _person(h.surface):
            continue  # a leader's or minister's name is no company's home: "Biden's Parting Shot", "Biden's IRA"
        m = rx.match(text, h.end, h.end + 40)
        if m is None or (titled and _OWNED_MEASURE.match(text, h.end, h.end + 60)):
            continue
        if any(h.end < o.start < m.end() for o in countries):
            continue  # the company is the nearer country's: "Canada Orders Chinese Investors"
        out.add(h.start)
    return frozenset(out)


@cache
def _people() -> frozenset[str]:
    """The heads' and ministers' names of event_types.toml, lower-cased."""
    return frozenset(people("leaders") + people("ministers"))


def _person(surface: str) -> bool:
    """Whether a country mention is a person standing for the state ("Biden", "Janet Yellen")."""
    low = surface.lower()
    return low in _people() or low.rsplit(" ", 1)[-1] in _people()


def sentence_facts(text: str, countries: list[Mention], commodity_ids: tuple[str, ...],
                   commodities: list[Mention], signals: set[str],
                   cues: list[tuple[str, int, int]], titled: bool = False) -> Facts:
    """The facts of one sentence from its mentions, signal-word categories and status cues."""
    government = "government" in signals
    labels = company_labels(text, countries, titled) if countries else frozenset()
    acting = government or any(h.start not in labels for h in countries)
    return Facts(countries, commodities, government, acting,
                 "corporate" in signals and "state" not in signals, "company" in signals,
                 "criminal" in signals, cues, labels, ids(countries), commodity_ids)


def ids(hits: list[Mention]) -> tuple[str, ...]:
    """The distinct ids of hits that all have one, in first-seen order."""
    return tuple(dict.fromkeys(h.ident for h in hits if h.ident))
