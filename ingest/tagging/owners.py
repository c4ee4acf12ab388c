"""Which act a date belongs to when a noun phrase claims it.

A date right after an act's noun and its participle ("the arrangement reached in Busan last
year", "countermeasures taken since April 2", "a review launched in February") dates that
noun's act, whatever else its sentence reports: "Negotiators will meet next week to discuss
extending the arrangement reached in Busan last year" says nothing of when they meet. The
trigger naming that noun keeps the date; every other trigger of the sentence leaves it, and
so it does a date inside an aside (", which restricted exports in August 2023,") it is not
in. The date a trigger's own noun is given ("duties the EU imposed in July") is marked
`claimed` and wins over the other dates of its clause.
"""

from __future__ import annotations

import re

from .dates import DateMention

# Nouns of acts, and the participles that date them when they follow straight after
# ("tariffs imposed in March"; not "tariffs that the US imposed in March": a clause of its own).
_ACT_NOUNS = (r"arrangements?|deals?|agreements?|accords?|pacts?|truces?|frameworks?|bans?|curbs?|"
              r"controls?|restrictions?|tariffs?|duties|levy|levies|rates?|measures?|"
              r"countermeasures?|sanctions?|probes?|reviews?|investigations?|inquiry|inquiries|"
              r"rules?|regulations?|decrees?|laws?|quotas?|plans?|strateg(?:y|ies)|suspensions?|"
              r"halts?|moratori(?:um|a)|packages?|limits?|requirements?|regimes?|licensing|talks")
ACT_PARTICIPLES = (r"reached|imposed|set|launched|agreed|signed|announced|unveiled|introduced|taken|"
                r"adopted|issued|passed|opened|begun|started|struck|enacted|approved|brokered|"
                r"sealed|slapped|placed|tightened|expanded|published")
# (An adverb, or a pronoun as the relative's subject, may stand between them: "rules first imposed
# in October 2022", "the controls it unveiled this month".)
_CLAIMED = re.compile(rf"\b(?:{_ACT_NOUNS})\s+(?:(?:that\s+|which\s+)?(?:it|they)\s+(?:had\s+|has\s+)?)?"
                      rf"(?:(?:first|originally|initially|previously|already|earlier|"
                      rf"recently)\s+)?(?:{ACT_PARTICIPLES})(?:\s+(?:in|at)\s+[a-z]+)?"
                      r"(?:\s+(?:on|in|since|from|during|at))?\s*$")
# A start told in the past ("rules that took effect on Friday"): the day the act began to apply.
STARTED = r"took effect|came into (?:force|effect)|entered into (?:force|effect)|went into effect|kicked in"
# After a trigger ending in its act's noun, the words that give that act its date: "duties the
# European Union imposed in July", "the ban, imposed in February,", "the duties, in place since
# last November", "curbs that it placed on Oct. 9".
_OWN_TAIL = re.compile(
    r"(?:\s+(?:on|for)\s+[a-z-]+(?:\s+[a-z-]+){0,2}?)?,?\s+(?:(?:that|which)\s+)?"
    r"(?:(?!(?:while|as|and|but|or|after|before|when|because|if|until)\b)(?:the\s+)?[a-z.'-]+"
    r"(?:\s+[a-z.'-]+){0,3}?\s+)??"
    rf"(?:(?:had|has|have|was|were)\s+)?(?:(?:{ACT_PARTICIPLES})(?:\s+(?:in|at)\s+[a-z]+)?|in place|"
    rf"in force|in effect|{STARTED})(?:\s+(?:on|in|since|from|during|at))?\s*\Z")
# A non-restrictive relative clause between commas: an aside about something else.
_ASIDE = re.compile(r",\s+(?:which|who)\b[^,;:]*,")
# A trigger that changes an earlier act ("suspended the export control measures announced on
# Oct. 9"): the date its object's participle gives is the earlier act's, not the change's.
_CHANGE = re.compile(r"(?:suspend|paus|lift|scrap|revok|rescind|repeal|remov|extend|postpon|delay|"
                     r"defer|end(?:s|ed|ing)?\b|halt(?:s|ed|ing)? (?:the|its|their))")
# A coordinated phrase, or a clause with a subject and verb of its own ("... and the United
# States will cut").
_NEXT_PHRASE = re.compile(r",\s+(?:and|but|while)\s|;\s|\s(?:and|but|while)\s+(?:the\s+)?(?:[a-z.'’-]+\s+){1,3}"
                          r"(?:will|would|has|had|have|is|are|was|were|could|may|might|said|says)\b")
_UNDER = re.compile(r"\b(?:under|in line with|pursuant to)\s+(?:[\w'-]+\s+){0,4}$")
_OWNER_REACH = 25  # how far after a trigger its own noun may end ("suspending the export control measures")


def owned_dates(mentions: list[DateMention], sent_low: str, t0: int, t1: int,
                to_trigger: str = "") -> list[DateMention]:
    """The dates of a sentence (lower-cased `sent_low`) a trigger at [t0, t1) (in the sentence)
    may take: less those a noun phrase of another act claims, and those of an aside the
    trigger is outside ("China, which restricted gallium exports in August 2023, said on
    Tuesday it would ban antimony shipments": August is the earlier act's), unless the aside
    tells of the trigger's own noun ("licensing for graphite, which took effect in December").
    `to_trigger`: the sentence up to the trigger's end (`sent_low` may stop at its last date)."""
    asides = [a.span() for a in _ASIDE.finditer(sent_low)] if ", wh" in sent_low else []
    out = []
    for d in mentions:
        if any(a <= d.pos < b and not a <= t0 < b for a, b in asides) and not (
                d.pos > t1 and _OWN_TAIL.fullmatch(sent_low, t1, d.pos)):
            continue
        m = _CLAIMED.search(sent_low, max(0, d.pos - 60), d.pos)
        if m is None or _own_noun(sent_low, m.start(), (t0, t1), to_trigger) and not (
                m.start() >= t0 and _CHANGE.match(sent_low, t0)):
            out.append(d)
    return out


def claim_own(mentions: list[DateMention], sent_low: str, t1: int) -> list[DateMention]:
    """The mentions with the one the trigger's noun, ending at t1, is dated by marked
    `claimed`: it wins over the other dates of its clause ("requested consultations on Monday
    over duties the EU imposed in July": the duties are July's)."""
    for i, d in enumerate(mentions):
        if d.pos > t1 and not d.reporting and (m := _OWN_TAIL.fullmatch(sent_low, t1, d.pos)) and (
                not d.bound or m.group().rstrip().endswith("since")):  # "in place since last May"
            return [*mentions[:i], d._replace(claimed=True), *mentions[i + 1:]]
    return mentions


def _own_noun(sent_low: str, noun: int, trigger: tuple[int, int], to_trigger: str) -> bool:
    """Whether the noun starting at `noun` leaves its date to the trigger: the trigger's own
    noun (inside it, or just after it in its clause), or one before it, the sentence's topic
    the trigger goes on about ("Controls announced in April ... remain, although general
    licences ..."), or the instrument the act is taken under ("will hold a stake under a
    framework agreement signed on Tuesday"); not one across a coordinated phrase of its own
    ("widened rules first imposed in October 2022 ..., and added firms to its list")."""
    t0, t1 = trigger
    if noun < t1:
        return noun >= t0 or not _NEXT_PHRASE.search(to_trigger or sent_low, noun, t0)
    if _UNDER.search(sent_low, max(0, noun - 40), noun):
        return True
    return noun <= t1 + _OWNER_REACH and not re.search(r"[,;:]", sent_low[t1:noun])


_NAMED_REACH = 40  # how far before its noun's trigger a date naming an act may stand
_RELATIVE = re.compile(r"\b(?:which|that)\b")  # a relative clause opening


def names_another(d: DateMention, low: str, s0: int, trigger: tuple[int, int]) -> bool:
    """Whether `d` names another act than the trigger's by its date ("put last month's Geneva
    truce back on track after two days of talks": May is the truce's, not the talks'): it is
    not inside the trigger or just before it, nor before a relative clause the trigger is in,
    which tells of its noun ("last year's CHIPS Act, which invested $52 billion"). One owning
    what was said in ("said in Tuesday's budget") is the day said."""
    at = s0 + d.pos
    t0, t1 = trigger
    return d.names_act and not d.reporting and not (at < t1 and t0 - at <= _NAMED_REACH) and not (
        at < t0 and _RELATIVE.search(low, at, t0))
