"""Name the rule behind a tagging error: which trigger, status cue or date form made it.

The tagger keeps only the sentence that proves an event, not which pattern fired, so these
helpers find it again by matching the taxonomy's own patterns (data, not tagger code) on that
sentence. Each returns (key, example): keys are stable so errors can be counted per rule; the
example is the matched text, for reading.
"""

from __future__ import annotations

import re
from datetime import date

from ..records import EventRecord
from .dates import find_dates
from .taxonomy import Taxonomy

_DATE_FORMS = (  # a coarse name for the date expression starting at a position (lower case)
    ("weekday", re.compile(r"(?:next |last |this |coming )?(?:mon|tues|wednes|thurs|fri|satur|sun)day")),
    ("month day", re.compile(r"[a-z]{3,9}\.? \d")),
    ("day month", re.compile(r"\d{1,2}(?:st|nd|rd|th)? (?:of )?[a-z]{3}")),
    ("iso", re.compile(r"\d{4}-\d\d-\d\d")),
    ("relative day", re.compile(r"yesterday|today|tomorrow")),
    ("relative week/month/year", re.compile(r"(?:last|this|next|coming|past) (?:week|month|year)")),
    ("month", re.compile(r"(?:in|from|since|by|until|through|during|early|mid|late|end of)[-\s]+[a-z]{3}")),
    ("year", re.compile(r"(?:in|from|since|by|until|during|for) \d{4}")),
)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])")


def _short(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class Blame:
    """The taxonomy's triggers and cues compiled once, to attribute errors to them."""

    def __init__(self, tax: Taxonomy) -> None:
        self.tax = tax
        self.triggers = {
            et.id: [(k, t.subtype, _compile(t.pattern)) for k, t in enumerate(et.triggers, 1)]
            for et in tax.event_types}
        self.cues = {s.id: [(c, _compile(c)) for c in s.cues] for s in tax.statuses}

    def trigger(self, type_id: str, text: str) -> tuple[str, str] | None:
        """(rule name, matched text) of the first trigger of `type_id` found in `text`."""
        low = text.lower()
        for k, subtype, rx in self.triggers[type_id]:
            m = rx.search(low)
            if m:
                return f"{type_id} trigger #{k} ({subtype})", m.group(0)
        return None

    def spurious(self, ev: EventRecord) -> tuple[str, str]:
        """A predicted event whose type the gold labels do not have."""
        hit = self.trigger(ev.type, ev.evidence)
        if hit is None:
            return f"extra {ev.type}: trigger not found again", _short(ev.evidence)
        return f"extra {ev.type}: {hit[0]}", _short(hit[1])

    def missed(self, type_id: str, text: str) -> tuple[str, str]:
        """A gold event type the tagger did not find: no trigger at all, or one that was dropped
        (no government in the sentence, a negation, a company act)."""
        hit = self.trigger(type_id, text)
        if hit is None:
            return f"missed {type_id}: no trigger in text", _short(text.split("\n", 1)[0])
        return f"missed {type_id}: {hit[0]} present, event dropped", _short(hit[1])

    def status(self, ev: EventRecord, gold: str) -> tuple[str, str]:
        """Which cue set the wrong status (or that none did: the date or the default did)."""
        low = ev.evidence.lower()
        for cue, rx in self.cues.get(ev.status, []):
            m = rx.search(low)
            if m:
                return f"status {gold}->{ev.status}: cue '{cue}'", _short(m.group(0))
        how = "future date" if ev.status in ("announced", "scheduled") and ev.date_source == "text" \
            else "default"
        return f"status {gold}->{ev.status}: no cue ({how})", _short(ev.evidence)

    def actor(self, ev: EventRecord, gold: str | None) -> tuple[str, str]:
        """A wrong actor, by what went wrong and the trigger it hangs on."""
        what = "missing" if ev.actor is None else "spurious" if gold is None else "wrong"
        hit = self.trigger(ev.type, ev.evidence)
        rule = hit[0] if hit else ev.type
        return f"actor {what}: {rule}", _short(f"{gold}->{ev.actor}: {ev.evidence}", 80)

    def date(self, ev: EventRecord, published: date) -> tuple[str, str]:
        """The date form that produced a wrong date (or that the publication day stood in)."""
        if ev.date_source != "text":
            return "date: publication day used (no date found near the trigger)", _short(ev.evidence)
        low = ev.evidence.lower()
        for m in find_dates(ev.evidence, published):
            if m.start == ev.date:
                at = low[m.pos:]
                form = next((name for name, rx in _DATE_FORMS if rx.match(at)), "other")
                return f"date: {form} form ({ev.date_precision})", _short(at, 40)
        return f"date: borrowed from another sentence ({ev.date_precision})", _short(ev.evidence)
