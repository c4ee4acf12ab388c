"""Whom a measure is aimed at, named before it in its clause: where controlled exports go
("exports of gallium to the United States are not permitted"), a country qualifying it as its
sole aim ("a China-specific tariff"), and who bears it ("Canada Faces 25% US Tariff", "US Hits
China With Graphite Tariffs"); and whom an answer is aimed at, the owner of the act it answers
("China answers US tariff with curbs")."""

from __future__ import annotations

import re

from .vocab import Mention

# Where controlled exports go, named before the trigger in its clause: "exports of gallium to
# the United States are not permitted", "items shipped to Japan are banned". The destination
# is whom an export control hits, never who imposes it.
_DESTINATION = re.compile(
    r"\b(?:exports?|exported|shipments?|shipped|sales?|sold|supplies|supplied|deliveries)\b"
    r"[^,;:.]{0,60}?\s(?:to|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}$", re.I)
_DESTINATION_TYPES = frozenset(["export_control", "sanction"])
# A country qualifying the measure as its sole aim: "its US-only ban", "a China-specific tariff".
_ONLY_AIM = re.compile(r"-(?:only|specific|targeted|focused)\s+(?:[\w-]+\s+)?$", re.I)
# Who bears a measure, named before it as the subject of "face", "hit by", "brace for", "reel
# from" or "grapple with": "China faces new US tariffs", "Japan Hit By Chinese Rare Earth Export
# Ban" (not "faces pressure to lift its ban": a word of another act, a possessive or "to" stops it).
_BEARER_WORDS = r"(?:(?!(?:to|its|their|own|pressure|calls?|criticism|backlash|scrutiny|questions?|" \
                r"over|from|after|as|amid|and|or|but)\b)[\w%.$'’-]+\s+){0,4}"
_BEARS = re.compile(r"\s+(?:(?:now|also|could|may|might|will|would|to)\s+)?(?:faces?|faced|facing|"
                    r"(?:(?:is|are|was|were|gets?|got|being)\s+)?(?:hit|struck)\s+(?:by|with)|"
                    r"(?:brac(?:e|es|ed|ing)|prepar(?:e|es|ed|ing)|gird(?:s|ed|ing)?)\s+for|"
                    r"(?:reel(?:s|ed|ing)?|suffer(?:s|ed|ing)?)\s+from|grappl(?:e|es|ed|ing)\s+with)\s+"
                    + _BEARER_WORDS, re.I)
# The object of a verb hitting it with the measure: "US Hits China With Graphite Tariffs",
# "Beijing Targets US Firms With Rare Earth Curbs".
_HITS_BEFORE = re.compile(r"\b(?:hits?|hitting|slaps?|slapped|slapping|targets?|targeted|targeting|"
                          r"punish(?:es|ed|ing)?|strikes?|struck|striking)\s+(?:the\s+)?$", re.I)
_WITH_MEASURE = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+with\s+" + _BEARER_WORDS, re.I)


def aimed_before(text: str, type_id: str, span: tuple[int, int], h: Mention) -> bool:
    """Whether country h, named before a trigger of type `type_id` starting at span[1] in a
    clause starting at span[0], is whom the measure is aimed at."""
    clause_start, t0 = span
    if _ONLY_AIM.fullmatch(text, h.end, t0):
        return True
    if h.start < clause_start:
        return False
    return (type_id in _DESTINATION_TYPES and bool(
        _DESTINATION.search(text, max(clause_start, h.start - 90), h.start))) or _bears(text, t0, clause_start, h)


def _bears(text: str, t0: int, clause_start: int, h: Mention) -> bool:
    """Whether country h bears the measure at t0: the subject of "faces"/"hit by" ("Canada
    Faces 25% US Tariff") or the object of "hits ... with" ("US Hits China With Graphite
    Tariffs")."""
    return bool(_BEARS.fullmatch(text, h.end, t0)) or (
        bool(_WITH_MEASURE.fullmatch(text, h.end, t0))
        and bool(_HITS_BEFORE.search(text, max(clause_start, h.start - 16), h.start)))


# A measure told as the answer to another's: "China answers US tariff with curbs", "Beijing hit
# back at Washington's chip controls by banning ...", "In response to US chip curbs, China
# banned ...". Whom the answer is aimed at is the earlier act's owner, named after the verb.
_ANSWER_WORDS = ("answer", "retaliat", "hit back", "hits back", "hitting back", "respon",
                 "strik", "struck", "counter", "repl")
_ANSWERS = re.compile(
    r"\b(?:answer(?:s|ed|ing)?|counter(?:s|ed|ing)?|retaliat(?:e|es|ed|ing|ion)(?: against| for| to)?|"
    r"(?:hit|hits|hitting|strikes?|striking|struck) back(?: at| against)?|respond(?:s|ed|ing)? to|"
    r"(?:in )?response to|repl(?:y|ies|ied) to)\b", re.I)
_ANSWER_MEANS = re.compile(r"\b(?:with|by|through|via)\b|,", re.I)  # what the answer is made with


def answered(text: str, start: int, t0: int, countries: list[Mention]) -> tuple[str | None, str] | None:
    """(who answers, whom) when the trigger at t0 is told as the answer to another's act
    named after an answering verb in the sentence from `start`; who answers is the country
    before the verb, else the first after the earlier act's clause ("In response to US chip
    curbs, China banned ...")."""
    before = text[start:t0].lower()
    if not any(w in before for w in _ANSWER_WORDS):
        return None
    m = _ANSWERS.search(text, start, t0)
    if m is None:
        return None
    whom = next((h for h in countries if m.end() <= h.start < t0), None)
    if whom is None or not _ANSWER_MEANS.search(text, whom.end, t0):
        return None  # the trigger is the earlier act itself: "China retaliates against US tariffs"
    who = next((h.ident for h in reversed(countries) if start <= h.start < m.start()), None)
    if who is None:
        comma = text.find(", ", whom.end, t0)
        who = next((h.ident for h in countries if comma >= 0 and comma < h.start < t0), None)
    return (who, whom.ident or "") if who != whom.ident else None
