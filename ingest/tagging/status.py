"""An event's status: the taxonomy's cue words in its sentence, else its date and kind."""

from __future__ import annotations

import re
from datetime import date

from .dates import DateMention
from .taxonomy import Taxonomy
from .triggers import TriggerSet

Cue = tuple[str, int, int]  # (status id, start, end) in article offsets
_NEWS_DAYS = 7  # a measure dated this many days before publication, or fewer, is fresh news
# A change only possible: "could end", "may soon lift", "might suspend".
_ONLY_POSSIBLE = re.compile(r"\b(?:could|may|might)\s+(?:\S+\s+)?$")


class StatusRules:
    """The statuses of a taxonomy: their cues, the kinds they apply to, their priority."""

    def __init__(self, tax: Taxonomy) -> None:
        self.cues = TriggerSet([c for s in tax.statuses for c in s.cues],
                               [s.id for s in tax.statuses for _c in s.cues])
        self._cue_status = [s.id for s in tax.statuses for _c in s.cues]
        self._default = {k: s.id for s in tax.statuses for k in s.default_for}
        self._applies = {s.id: s.applies_to for s in tax.statuses}
        self._rank = {s.id: n for n, s in enumerate(tax.statuses)}

    def find(self, low: str, starts: list[int]) -> list[Cue]:
        """Every status cue starting at one of `starts`, in text order."""
        return [(self._cue_status[i], m.start(), m.end()) for i, m in self.cues.finditer(low, starts)]

    def by_priority(self, cues: list[Cue]) -> list[Cue]:
        """Cues in the order they are tried: highest-priority status first, then text order."""
        return sorted(cues, key=lambda c: (self._rank[c[0]], c[1])) if len(cues) > 1 else cues

    def applies(self, kind: str, cues: list[Cue]) -> bool:
        """Whether any of the cues is of a status that applies to events of this kind."""
        return any(kind in self._applies[c[0]] for c in cues)

    def status(self, kind: str, type_id: str, subtype: str, cues: list[Cue], t0: int, t1: int,
               when: DateMention | None, pub: date, done: str = "", low: str = "") -> str:
        """The status cue of highest priority that applies, else one from the date and the kind.

        [t0, t1) is the trigger's span: a "lifted"/"suspended" cue inside it is the act itself
        ("revoked permits", "suspension of exports"), not a change of status; one that opens
        with the measure and ends after it changes it ("Tariffs on graphite paused": `low` is
        the article's lower-cased text). `done`: the
        measure is reported with a present or past act verb ("bans", "imposed"), so with no
        cue and no future date it applies ("act"; "standing": a measure that applies once named,
        named with no plan around it, applies when no cue says otherwise). A measure with no
        act verb and no cue dated to a day of the past week is that day's news: announced
        ("Beijing's export restrictions this week"); nothing says it applies yet.
        """
        future = when is not None and when.start > pub
        past = when is not None and (when.end or when.start) < pub
        if type_id == "tariff" and subtype == "exemption" and _ENDED.search(low, max(0, t0 - 40), t0):
            return "lifted"  # "Biden ends tariff exemption for ...": the exemption is what ends
        if type_id == "investment" and _PROMISED.search(low, max(0, t0 - 70), t0):
            return "announced"  # "made a conditional commitment to lend", "offers a loan": money promised
        if subtype == "list" and not future and not cues and (
                _LISTED.search(low, max(0, t0 - 80), t0) or _LIST_OUT.match(low, t1)):
            return "in_effect"  # "added nickel to its critical minerals list": the list applies
        for sid, start, end in cues:
            if kind not in self._applies[sid]:
                continue
            if sid in ("lifted", "suspended") and t0 <= start < t1 and (
                    end <= t1 or not _MEASURE_FIRST.match(low, start)):
                continue
            if sid == "lifted" and (type_id == "tariff" and subtype == "exemption" or _TAKES_BACK.match(
                    low, start) and _PERMISSION.match(low, t0)):
                continue  # an exemption or permission taken back: the measure bites
            if sid == "lifted" and _RAISED_TO.match(low, t1):
                continue  # "lifts the duty on aluminium to 200%": raised, not removed
            if sid in ("lifted", "suspended") and _ONLY_POSSIBLE.search(low, max(0, start - 30), start):
                continue  # "a deal that could end tariffs on barley": the tariffs stand
            if sid == "announced" and done == "act" and not future:
                return "in_effect"  # "has restricted exports and announced it will ..."
            if sid in ("proposed", "threatened") and start >= t1 and not future and (
                    done == "act" or any(c[0] == "in_effect" and c[1] < t1 for c in cues)):
                continue  # "has banned exports ..., as the nation seeks to capture value": a later aim
            return _adjusted(sid, kind, future, past)
        if kind == "meeting":
            return "scheduled" if future else "held"
        if future and kind in ("measure", "strategy"):
            return "announced"
        if future and kind == "agreement":
            return "proposed"  # to be signed on a day to come: not signed yet
        if done and kind == "measure":  # "act" or "standing"
            return "in_effect"
        if kind == "measure" and when is not None and 0 < (pub - when.start).days <= _NEWS_DAYS and (
                not when.start_told):  # a start told and reached ("from January", on Jan. 2): it applies
            return "announced"
        return self._default[kind]


# A finite verb of ending right before an exemption ("ends tariff exemption", "revoked a carve-out
# from ... duties", "scrapping country exemptions"); not "would revoke", "plans to end".
_ENDED = re.compile(r"\b(?:end(?:s|ed|ing)|revok(?:es|ed|ing)|rescind(?:s|ed|ing)|scrap(?:s|ped|ping)|"
                    r"remov(?:es|ed|ing)|withdr(?:aws|ew|awing)|terminat(?:es|ed|ing)|lift(?:s|ed|ing)|"
                    r"cancel(?:s|led|ed|ling|ing))\s+(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+){0,2}$")
# Money promised on conditions, not yet paid, right before an investment ("made a conditional
# commitment for a $2 billion loan", "a conditional commitment to lend"); not across a sentence.
_PROMISED = re.compile(r"\bconditional (?:commitments?|(?:offer|pledge)s?)\b[^.;:\n]{0,60}$")
# A list a state puts goods on, with a finite verb ("added nickel to its list", "puts copper on
# the critical minerals list", "lithium joins the EU list"), or one told published ("the final list, published on Friday").
_LISTED = re.compile(r"\b(?:adds|added|puts|put|places|placed|includes|included)\s+(?:[^\s,;.]+\s+){1,8}?"
                     r"(?:to|on|in)\s+(?:(?:its|the|their|a|an)\s+)?(?:[\w-]+\s+){0,3}$"
                     r"|\b(?:makes?|made|joins?|joined)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}$")
_LIST_OUT = re.compile(r",?\s+(?:published|released|issued|updated)\b")
# A rate the measure is lifted to: "lifts the duty on aluminium and its goods to 200%".
_RAISED_TO = re.compile(r"(?:\s+[^\s.;,]+){0,8}?\s+to\s+\d[\d.]*\s?(?:%|per\s?cent|percent)")
# Permissions a state grants under a measure ("export licences", "waivers that let ... ship"),
# and verbs that take them back: revoking them tightens the measure, it does not lift it.
_PERMISSION = re.compile(r"(?:export |import )?(?:licen[cs]es|waivers?|authori[sz]ations|exemptions|permits)\b"
                         r"(?!\s+(?:requirements?|rules?|regimes?|system|controls?|curbs?|checks?)\b)")
_TAKES_BACK = re.compile(r"(?:revok|withdr|cancel|rescind|strip|pull|terminat)")


# A status cue that opens with the measure it changes ("tariffs on graphite paused").
_MEASURE_FIRST = re.compile(r"(?:bans?|curbs?|controls?|restrictions?|tariffs?|dut(?:y|ies)|measures|rules)\b")


def _adjusted(sid: str, kind: str, future: bool, past: bool) -> str:
    """A cue's status, corrected by the date: a meeting "held" next week is scheduled."""
    if kind == "meeting":
        if sid == "held" and future:
            return "scheduled"
        if sid == "scheduled" and past:
            return "held"
    if sid == "in_effect" and future and kind == "measure":
        return "announced"
    return sid
