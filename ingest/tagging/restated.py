"""An earlier act a later sentence dates by a definite noun, with no trigger of its own.

"Congo will keep its halt on cobalt exports for another three months ... The suspension began
in February." "The original four-month ban, imposed in February, was due to expire." "Pretoria
said the duties, in place since last November, have forced closures." Such a sentence tells
when the act the article is about (or the one it changes) began: the event of the nearest
earlier sentence whose type the noun can name is repeated, in effect from that past date, with
this sentence as its evidence. A noun only proposed or talked of ("the curbs were first
floated in 2019"), or a date to come, makes none.
"""

from __future__ import annotations

import re

from ..records import EventRecord
from .article import Article
from .dates import DateMention
from .owners import STARTED

_MEASURES = ("export_control", "import_restriction", "production_control")
# A definite noun and the types of the acts it may restate.
_TYPES_NAMED: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("ban", "bans", "suspension", "halt", "freeze", "curbs", "controls",
                     "restrictions", "measures", "rules", "quota", "quotas", "moratorium"),
                    _MEASURES),
    **dict.fromkeys(("duties", "duty", "tariffs", "tariff", "levy", "surcharge"), ("tariff",)),
    "sanctions": ("sanction",),
    **dict.fromkeys(("truce", "deal", "agreement", "pact", "accord"), ("agreement",)),
    **dict.fromkeys(("probe", "investigation", "inquiry"), ("investigation",)),
}
# The nouns as words, for a quick look before _SUBJECT (Article.has_word "act_noun").
ACT_NOUNS = frozenset(_TYPES_NAMED)
# The noun as the sentence's subject, after a few words at most ("Pretoria said the duties"),
# with up to two modifiers ("the original four-month ban").
# A reported subject may follow its speaker ("the regulator said on Saturday the suspension
# imposed in February would run for a further three months").
_SUBJECT = re.compile(
    r"(?:[^.;:]{0,150}?\b(?:said|says|announced|confirmed|stated)(?:\s+(?:on|late on)\s+\w+)?"
    r"\s+(?:that\s+)?|(?:[\w'’.-]+\s+){0,4}?)the\s+(?:(?:original|initial|earlier|first|current|existing|"
    r"previous|[\w-]+-(?:month|year|week|day))\s+)?(?:[\w-]+\s+){0,2}?(" + "|".join(_TYPES_NAMED) + r")\b")
# From the noun to its date: a verb or participle of the act's start ("began in", ", imposed
# in", "took effect on", ", in place since", "was introduced in").
_STARTED = re.compile(
    r",?\s+(?:(?:which|that)\s+)?(?:(?:was|were|had been|has been|have been|first)\s+)?"
    r"(?:began|started|imposed|introduced|(?P<told>announced|unveiled|agreed|signed|reached)|"
    rf"adopted|enacted|launched|opened|{STARTED}|in place|in force|in effect)\s+")
# Between that verb and the date: its preposition, if the date form has not taken it.
_PREPOSITION = re.compile(r"(?:(?:first\s+)?(?:in|on|since|from|at)\s+)?")


def restated_acts(art: Article, found: list[tuple[int, EventRecord]]) -> list[tuple[int, EventRecord]]:
    """(sentence index, event) for each body sentence with no event of its own that dates by a
    definite noun an act of `found` told before it."""
    out: list[tuple[int, EventRecord]] = []
    with_event = {si for si, _ev in found}
    for si in range(1, len(art.sentences)):
        sent = art.sentences[si]
        m = None if si in with_event or not art.has_word("act_noun", sent.start, sent.end) else _SUBJECT.match(
            art.low, sent.start, sent.end)
        start = _STARTED.match(art.low, m.end(), sent.end) if m else None
        if m is None or start is None:
            continue
        d = _start_told(art, si, start.end())
        earlier = [ev for sj, ev in found if sj < si and ev.type in _TYPES_NAMED[m.group(1)]]
        if d is None or not earlier or _another_states(art, si, m.span(1), earlier[-1].actor):
            continue
        # begun or in force: in effect since; only made known ("was announced in July"): as
        # the act stands in the text before ("will ban exports from August 1")
        status = earlier[-1].status if start.group("told") else "in_effect"
        out.append((si, earlier[-1]._replace(
            status=status, date=d.start, date_precision=d.precision, end_date=None,
            date_source="text", evidence=sent.text)))
    return out


def _another_states(art: Article, si: int, noun: tuple[int, int], actor: str | None) -> bool:
    """Whether the noun phrase ending at noun[1] names a country other than the act's actor
    ("The US curbs began in October 2022" after China's ban): another state's act."""
    start = art.low.rfind("the", art.sentences[si].start, noun[0])
    return any(start <= h.start < noun[1] and h.ident != actor for h in art.facts(si).countries)


def _start_told(art: Article, si: int, at: int) -> DateMention | None:
    """The past date of sentence si right after its start verb ending at `at` (but for that
    verb's preposition): a stated day, month or year, not when it was said nor a window."""
    sent = art.sentences[si]
    return next((d for d in art.dates(si) if sent.start + d.pos >= at
                 and _PREPOSITION.fullmatch(art.low, at, sent.start + d.pos)
                 and not d.reporting and not d.vague and d.start < art.pub), None)
