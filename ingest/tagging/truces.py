"""Two states easing their measures on each other together have made a truce.

"US and China slash tariffs for 90 days after Geneva talks", "Washington and Beijing roll back
tariffs", "the two sides will cut their duties": a joint subject lowering or pausing measures
tells an agreement between them even where no word names the deal. The measure's event stays;
the truce is added beside it, with the same sentence as its evidence.
"""

from __future__ import annotations

import itertools
import re

from ..records import EventRecord
from .article import Article

_EASED = ("tariff", "export_control", "import_restriction", "sanction")
# Between two countries of one subject: "US and China", "Washington, Beijing", "the US & EU".
_CONJOINED = re.compile(r"\s*(?:,|and|&)\s+(?:the\s+)?")
# From the second country to the trigger: a verb easing the measures, optionally agreed or
# told in the future ("will cut", "agree to roll back"), and their object's first words.
_EASING = re.compile(
    r"\s+(?:(?:will|would|to|agreed?\s+to|agrees\s+to|have|had)\s+)?(?:slash\w*|cut(?:s|ting)?|lower\w*|"
    r"reduc\w*|roll\w*\s+back|suspend\w*|paus\w*|scrap\w*|lift\w*|eas\w*|drop\w*|remov\w*)\b")
# ... then up to three words before the measure ("their extra", "reciprocal"), or the verb is
# the trigger's own first word ("slash tariffs").
_UPTO_TRIGGER = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}")
_BOTH = re.compile(r"\b(?:the\s+two\s+(?:sides|countries|nations|governments|economies)|both\s+"
                   r"(?:sides|countries|nations|governments))")


def joint_truces(art: Article, found: list[tuple[int, EventRecord]]) -> list[tuple[int, EventRecord]]:
    """A truce for each sentence whose joint subject eases a measure, unless the sentence
    already tells an agreement."""
    told = {si for si, ev in found if ev.type == "agreement"}
    out: list[tuple[int, EventRecord]] = []
    for si, ev in found:
        if ev.type not in _EASED or si in told or ev.status not in ("in_effect", "announced", "lifted",
                                                                     "suspended"):
            continue
        parties = _joint_subject(art, si, ev)
        if parties:
            told.add(si)
            later = ev.date > art.pub  # the cuts start later; the truce is made now
            out.append((si, ev._replace(
                type="agreement", subtype="truce", status="in_effect", actor=None, targets=(),
                countries=parties, end_date=None, date=art.pub if later else ev.date,
                date_precision="day" if later else ev.date_precision,
                date_source="published" if later else ev.date_source)))
    return out


def _joint_subject(art: Article, si: int, ev: EventRecord) -> tuple[str, ...]:
    """The two states that ease the measure at the first trigger of ev's type in sentence si."""
    trig = next(((t0, t1) for t0, t1, _k, t in art.triggers.get(si, ()) if t == ev.type), None)
    if trig is None:
        return ()
    countries = [h for h in art.facts(si).countries if h.end <= trig[0]]
    for a, b in itertools.pairwise(countries):
        if (a.ident != b.ident and a.ident and b.ident and _CONJOINED.fullmatch(art.low, a.end, b.start)
                and _eases(art.low, b.end, trig)):
            return (a.ident, b.ident)
    for m in _BOTH.finditer(art.low, art.sentences[si].start, trig[0]):
        if len(set(ev.countries)) == 2 and _eases(art.low, m.end(), trig):
            return tuple(dict.fromkeys(ev.countries))
    return ()


def _eases(low: str, start: int, trig: tuple[int, int]) -> bool:
    """Whether an easing verb follows `start` and leads to the trigger at trig (or opens it)."""
    m = _EASING.match(low, start)
    return m is not None and (m.end() > trig[0] and m.end() <= trig[1]
                              or bool(_UPTO_TRIGGER.fullmatch(low, m.end(), trig[0])))
