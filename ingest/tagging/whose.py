"""Small clause readings that settle a measure's status beside its cues: a lifting or a pause
asked for, refused or told of another state's measure is not the trigger's; a start told as
done outweighs a later one told beside it; a start a span of time away ("in a month") is still
to come; an investigation that is the object of an order is opened."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .roles import Trigger
from .vocab import Mention

Cue = tuple[str, int, int]  # (status id, start, end) in article offsets
# Before a lifting or a pause that is only asked for, hoped for or refused.
_ASKED_OR_REFUSED = re.compile(
    r"\b(?:press\w*|urg\w*|call\w* on|ask\w*|demand\w*|lobb\w*|push\w*|refus\w*|reject\w*|"
    r"declin\w*|not going|pressure\w*|efforts?|bid|campaign\w*|pursu\w*|seek\w*|sought|expect\w*|"
    r"hop\w*|want\w*)(?: \S+){0,4} to (?:next |soon |also |quickly )?$"
    # or as the object of one ("pursues removal of tariffs", "hopes for the lifting of")
    r"|\b(?:pursu\w*|seek\w*|sought|push\w* for|call\w* for|hop\w* for|press\w* for)(?: the)? $")
# A name opening a clause of its own: after a conjunction, before its verb or modal ("... and
# Beijing would put"; not "shipments bound for the United States is paused").
_CONJUNCTION_BEFORE = re.compile(r"(?:\b(?:and|but|while|whereas)|[,;])\s+(?:the\s+)?$")
_SUBJECT_VERB = re.compile(r"\s+(?:would|will|could|may|said|says|agreed|agrees|has|had)\b")
# A start told as past or present: "took effect on Thursday", "are now in force", "kicked in".
_BEGUN = re.compile(r"\b(?:(?:took|ha(?:s|ve) taken) effect|came into (?:force|effect)|"
                    r"(?:went|ha(?:s|ve) gone) into (?:effect|force)|kicked in|entered into force|"
                    r"(?:is|are) (?:now )?in (?:force|effect))\b")


def not_this_change(cue: Cue, actor: str | None, countries: Sequence[Mention], low: str, t0: int) -> bool:
    """Whether a "lifted" or "suspended" cue says nothing of the trigger's measure at t0: a
    lifting only asked for or refused ("pressing Biden to remove sanctions", "refusal to lift"),
    or a pause in another state's clause after it ("the US would lower the tariff ... and Beijing
    would put its controls on hold"; a name after a conjunction and before its verb is a subject,
    while "tariffs on Chinese goods paused" has none), or one the trigger's own clause follows
    ("China will suspend its controls and the United States will cut the tariff")."""
    return bool(_ASKED_OR_REFUSED.search(low, max(0, cue[1] - 60), cue[1])) or any(
        (t0 < h.start and h.end <= cue[1] and h.ident != actor or cue[2] <= h.start and h.end <= t0)
        and _SUBJECT_VERB.match(low, h.end)
        and _CONJUNCTION_BEFORE.search(low, max(0, h.start - 12), h.start) for h in countries)


def begun(low: str, trg: Trigger) -> bool:
    """Whether the trigger's clause says its measure has started: a later start told beside
    it ("took effect on Thursday; a matching levy on parts is due from May 3") is another's."""
    return _BEGUN.search(low, trg.clause_start, trg.clause_end) is not None


# A start told as a span from now: "takes effect in a month", "will come into force within 30 days".
_STARTS_AFTER = re.compile(
    r"\b(?:takes?|will take|comes?|will come|goes?|will go|enters?|will enter|kicks? in|will kick in|effective)"
    r"(?: effect| into (?:force|effect))? (?:in|within|after) (?:a|an|one|two|three|four|six|\d+) "
    r"(?:days?|weeks?|months?|years?)\b")


def starts_after_a_while(low: str) -> bool:
    """Whether a sentence tells a start a span of time away ("The decree takes effect in a
    month"): the act it follows up is announced, not yet applying."""
    return ("effect" in low or "force" in low or "kick" in low) and _STARTS_AFTER.search(low) is not None


# An order to investigate: "directed the Commerce Department to open a national security
# investigation", "signed an order telling the department to investigate", "orders Section 232 probe".
_ORDERED = re.compile(
    r"\b(?:order(?:s|ed)?|direct(?:s|ed)|instruct(?:s|ed)|tell(?:s|ing)|told)\s+(?:(?:[^\s,;:.]+\s+){0,5}?to\s+"
    r"(?:(?:open|launch|start|begin|conduct|carry out)\s+(?:[^\s,;:.]+\s+){0,4})?|(?:an?\s+|the\s+)?"
    r"(?:[^\s,;:.]+\s+){0,3})$")


def ordered(low: str, clause_start: int, t0: int) -> bool:
    """Whether the investigation at t0 is the object of an order: ordering it opens it (in
    effect), where "plans to open a probe" only announces one."""
    return _ORDERED.search(low, max(clause_start, t0 - 120), t0) is not None


# An investigation told opened, its verb finite in the trigger's own words or just before it:
# "opened an anti-subsidy investigation on Tuesday", "has launched a probe", "initiated a
# review into imports" (not "plans to open a probe", "will launch an inquiry").
_OPENED = re.compile(r"(?:open|launch|initiat|start)(?:s|es|ed|d)\b")
_OPENED_BEFORE = re.compile(r"\b(?:open|launch|initiat|start)(?:s|es|ed|d)\s+(?:(?:an?|the|its|their|a\s+new)\s+)?"
                            r"(?:[^\s,;:.]+\s+){0,2}$")


def opened(low: str, clause_start: int, t0: int) -> bool:
    """Whether the investigation at t0 is told opened with a finite verb: it is in effect from
    that day, whatever day the news is told ("announced" is for what is still to start)."""
    return bool(_OPENED.match(low, t0) or _OPENED_BEFORE.search(low, max(clause_start, t0 - 50), t0))


_DETERMINER = re.compile(r"\b(?:a|the|its|his|her|their)\s+$")
_PREMODIFIES = re.compile(r"\s+(?!by\b|with\b)(?:[^\s,;:]+\s+){0,3}")  # words between a participle and its noun


def not_the_acts(cue: Cue, actor: str | None, countries: Sequence[Mention], low: str, t0: int) -> bool:
    """Whether a status cue says nothing of the act: a threat that is another country's ("Japan
    warned ... as China tightens export controls": the last country before it is not the actor;
    one between the trigger and an "if" is the act's object: "ban exports to the US if ..."), or
    a lifting only asked for or refused ("pressing Biden to remove sanctions", "refusal to lift")."""
    if cue[0] in ("lifted", "suspended"):
        return not_this_change(cue, actor, countries, low, t0)
    if cue[0] != "threatened" or actor is None or cue[2] <= t0 and _PREMODIFIES.fullmatch(low, cue[2], t0) and (
            _DETERMINER.search(low, max(0, cue[1] - 7), cue[1])):
        return False  # "a threatened 100% U.S. tariff": the participle is the act's own
    before = [h.ident for h in countries if h.end <= cue[1] and not (t0 <= h.start and low.startswith("if", cue[1]))]
    return bool(before) and before[-1] != actor
