"""What a pact sets up or commits its parties to is the pact's content, not an act of its own.

"An agreement signed on Wednesday creating a joint investment fund", "the accord ... sets up a
reconstruction fund": the fund is how the pact works, and analysts file it with the pact. So
is a step told in a clause the pact noun governs ("a deal that scraps most remaining tariffs",
"an accord that cuts quotas") or a new step a party takes "under the deal", unless the step
has a start of its own ("from January"), is a party's own measure ("its export ban"), is an
existing measure the pact opens to others ("lets minerals count toward tax credits": that
extension is labelled apart) or is a party's change of an existing measure ("will cut tariffs
to 10% under the truce").
"""

from __future__ import annotations

import re

# A pact named before the trigger in its sentence, with no sentence break between.
_PACT_BEFORE = re.compile(r"\b(?:deal|agreement|accord|pact|framework|memorandum)s?\b[^.;:]{0,70}$")
# The trigger sets up a body ("creating a joint investment fund", "sets up a facility").
_SETS_UP = re.compile(r"(?:creat|set|establish|launch)\w*\b.*\b(?:fund|facility|vehicle)s?")
# A clause with the pact as its subject, open up to the trigger: "a deal that scraps ...", "the
# accord, which commits ..."; not one with a subject of its own ("under which Japan will ...",
# "a deal that the US ...": the party's step).
_PACT_CLAUSE = re.compile(
    r"\b(?:deal|agreement|accord|pact|framework|treaty|truce)s?,? (?:which|that) "
    r"(?!(?:the|a|an|each|both|all|it|they|its|their|this|these)\b)(?P<rest>[^.;:()]{0,110})$")
# What makes the step its own, just before it: an existing measure reached through the pact
# ("count toward tax credits") or a party's own measure ("its export ban").
_NEAR_OWN = re.compile(r"\b(?:toward|towards|qualify for|eligible for|its|their|own)\b|'s\b")
# A clause that tells the pact's background, not its terms ("a truce that followed tariffs").
_BACKGROUND = re.compile(
    r"\b(?:follow\w*|after|since|response|replac\w*|earlier|previous\w*|imposed|announced|last)\b")
# A start of the step's own right after it.
_OWN_START = re.compile(r"[^.;]{0,30}\b(?:from|starting|effective|as of|beginning|takes? effect)\b")
# A pact named right after the step, in its clause: "will invest $5 billion under the deal".
_UNDER_PACT = re.compile(
    r"[^.;:,()\n]{0,60}?\b(?:under|as part of) (?:the|a|this|that|their|its) (?:\S+ ){0,2}?"
    r"(?:deal|agreement|accord|pact|framework|treaty|truce)\b")
# A party's change of an existing measure, or a dispute under the pact: acts of their own.
_CHANGE = re.compile(r"\b(?:cut|lower|reduc|lift|suspend|paus|eas|remov|scrap|drop|halv|delay|extend|"
                     r"roll|disput|panel|arbitra|complain|challeng)\w*")
# A step the party commits to (not one it took): "will invest", "is to set up", "pledged to".
_COMMITS = re.compile(r"\b(?:will|would|shall|(?:is|are) to|pledg\w*|commit\w*|promis\w*)\b")


def pact_content(low: str, sent_start: int, t0: int, t1: int) -> bool:
    """Whether the trigger [t0, t1) (in lower-cased `low`) is a pact's content: a fund that a
    pact named before it in its sentence creates, a step a party commits to under the pact, or
    a step told in a clause the pact governs."""
    return (_fund_set_up(low, sent_start, t0, t1) or _committed_under(low, sent_start, t0, t1)
            or _in_pact_clause(low, sent_start, t0, t1))


def _fund_set_up(low: str, sent_start: int, t0: int, t1: int) -> bool:
    """ "an agreement ... creating a joint investment fund" """
    return bool(_SETS_UP.fullmatch(low, t0, t1)) and bool(
        _PACT_BEFORE.search(low, max(sent_start, t0 - 90), t0))


def _committed_under(low: str, sent_start: int, t0: int, t1: int) -> bool:
    """ "Japan will invest $550 billion under the deal": a new step committed to, not a change
    of an existing measure nor a party's own."""
    if low.find(" under ", t1, t1 + 70) < 0 and low.find(" part of ", t1, t1 + 70) < 0:
        return False  # cheap gate: no pact named after the trigger
    before = max(sent_start, t0 - 40)
    return bool(_UNDER_PACT.match(low, t1)) and not _CHANGE.search(low, before, t1) and bool(
        _COMMITS.search(low, before, t0)) and _NEAR_OWN.search(low, max(sent_start, t0 - 35), t0) is None


def _in_pact_clause(low: str, sent_start: int, t0: int, t1: int) -> bool:
    """ "a deal that scraps most remaining tariffs": the pact is the clause's subject, the
    clause tells its terms (not its background), and the step has no start of its own."""
    lo = max(sent_start, t0 - 140)
    if low.find(" which ", lo, t0) < 0 and low.find(" that ", lo, t0) < 0:
        return False  # cheap gate: no relative clause before the trigger
    m = _PACT_CLAUSE.search(low, lo, t0)
    return m is not None and _BACKGROUND.search(m["rest"]) is None and _NEAR_OWN.search(
        low, max(m.start("rest"), t0 - 35), t0) is None and _OWN_START.match(low, t1) is None
