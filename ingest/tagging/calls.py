"""Whether an act is only called for: "campaigners urge a ban", "senators press Biden to bar
imports", "protesters demand a moratorium" name a wish, not a government's act.

A government's own call ("the minister urged Brussels to impose duties") makes policy; a call
by members of a legislature is theirs, not the legislature's (a bill they pass or propose is the
legislature's act); a call by anyone else is no act (docs/labelling.md: calls are no acts).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A call for an act ("campaigners are calling for a national strategy", "urged Brussels to
# bar", "petitioned the department for duties"): only a request.
_CALL = re.compile(
    r"\b(?:call(?:s|ing|ed)? (?:for|(?:on|upon)(?: \S+){1,10}? to)|urg(?:e|es|ed|ing)|"
    r"demand(?:s|ed|ing)|demand(?! for)|(?:seek(?:s|ing)?|sought)(?! to)|"
    r"push(?:es|ed|ing)? for|press(?:es|ed|ing)? for|"
    # pressing someone to act ("lawmakers press the White House to ban"); pressing to end a
    # measure names one that stands ("pressing Biden to remove sanctions imposed on him")
    r"press(?:es|ed|ing)?(?: (?!for\b)\S+){1,4}? to(?! (?:\S+ )?(?:remove|lift|scrap|end|drop|repeal|"
    r"roll back|ease|ditch|reverse|revoke|withdraw|cancel|waive|suspend)\b)|"
    r"lobby(?: (?!groups?\b)\S+){0,3}? for|"
    r"lobb(?:ies|ied|ying)(?: \S+){0,8}? (?:for|to)|petition(?:s|ed|ing)?|"
    r"campaign(?:s|ed|ing)? for|want(?:s|ed)?|ask(?:s|ed|ing)?(?: \S+){0,8}? (?:to|for)|"
    # a proposal as a verb ("a think tank proposes a pact"), not "a proposed ban"
    r"propos(?:e|es|ing)|proposed (?=a |an |the |that |to )|"
    # an argument that someone should act ("arguing the UK should back domestic mines")
    r"argu(?:e|es|ed|ing)(?= (?:that )?(?:\S+ ){1,4}?(?:should|must|ought to|needs? to)\b))\b")
_CALL_REACH = 120  # characters before the trigger where its call may start
# Who may call for an act and so make it policy: a government, an official, a legislature, or
# an order ("an order directing the department to open a probe").
_STATE_CALLER = re.compile(
    r"\b(?:government|ministry|minister|president|premier|officials?|congress(?!m[ae]n|wom[ae]n)|"
    r"parliament(?!ar)\w*|commission|administration|leaders?|treasury|cabinet|"
    r"state|authorities|regulators?|department|chancellor|secretary|ambassador|eu|g7|g20|"
    r"orders?|decrees?|directives?|proclamations?)\b")


# One who calls and is no state, whatever place names it ("a report from a Washington think
# tank ... urges a national stockpile", "Australian miners urge").
_NONSTATE_CALLER = re.compile(
    r"\b(?:think[- ]tanks?|reports?|studies|study|analysts?|economists?|researchers?|experts?|"
    r"campaigners?|activists?|ngos?|charit(?:y|ies)|watchdogs?|rights groups?|lobby groups?|"
    r"industry groups?|trade groups?|associations?|trade unions?|miners|companies|executives|"
    r"investors|banks?|consultanc(?:y|ies)|institutes?|professors?|scholars?|"
    # people in the street and a country's parties: protesters demand, the opposition calls
    r"protesters?|demonstrators?|marchers|residents|villagers|farmers|communit(?:y|ies)|"
    # a crowd told by what it does ("tens of thousands marched in Belgrade, demanding a ban")
    r"marched|rallied|took to the streets|protested|demonstrated|"
    r"indigenous|workers|opposition)\b")


# Members of a legislature who call on someone to act: their wish is no act of the state until
# the chamber passes a bill ("US lawmakers urge export controls on chip design software",
# "Senate Democrats urge a Supreme Court investigation"); a proposal of theirs is a bill, an act
# in the making ("lawmakers propose a ban on Russian uranium").
_MEMBERS = re.compile(
    r"\b(?:lawmakers?|legislators?|senators?|sen\.|rep\.|congressm[ae]n|congresswom[ae]n|mps|"
    r"members of (?:congress|parliament)|parliamentarians?|republicans|democrats|"
    r"(?:house|senate) (?:republicans|democrats))\b")
_EXECUTIVE = re.compile(r"\b(?:government|ministry|minister|president|premier|officials?|administration|"
                        r"treasury|cabinet|department|secretary|chancellor|commission)\b")

# Between a call and the act: words that make the act part of something else the call asks for
# ("asked for documents linked to the enforcement of export controls", "urged a review of").
_NOT_ITS_OBJECT = re.compile(r"\b(?:of|about|linked to|related to|tied to|regarding|concerning)\s")
# A second verb the call governs ("called on the government to create a reserve of minerals and
# expand price support"): the act after it is its own object, whatever "of" came before it.
_NEXT_VERB = re.compile(r"\s(?:and|or)\s(?:to\s)?(?:[a-z]+\s)?(?:(?:a|an|the|new|more|further|its|their)\s)?$")

# Where the words of the one who calls begin: after a comma or a conjunction opening their
# clause ("..., an EU official said, as European manufacturers press for ...").
_CALLER_CUT = re.compile(r"[,;:]\s|\s(?:as|while|after|and|but|because)\s")
_NO_SUBJECT = re.compile(r"[\s,]*(?:(?:and|but|or|then)\s+)?")  # a clause opening on its verb


def requested(low: str, span: tuple[int, int], t0: int,
              country_in: Callable[[int, int], bool]) -> bool:
    """Whether the trigger at t0 is only called for by someone who is not a government
    ("Campaigners are calling for a national strategy", a headline "Call for national
    strategy"); `span`: (sentence start, clause start); `country_in(a, b)`: a country (no
    company's label) is named in [a, b). A call right after a conjunction shares the subject
    before it ("The ministry met miners and urged ...")."""
    sentence_start, clause_start = span
    calls = list(_CALL.finditer(low, max(clause_start, t0 - _CALL_REACH), t0))
    if not calls:
        return False
    call = calls[-1].start()
    if not _NEXT_VERB.search(low, calls[-1].end(), t0) and _NOT_ITS_OBJECT.search(low, calls[-1].end(), t0):
        return False  # "asked the department for documents linked to the enforcement of export controls"
    cuts = [m.end() for m in _CALLER_CUT.finditer(low, sentence_start, call)]
    while cuts and cuts[-1] > clause_start and not low[cuts[-1]: call].strip():
        cuts.pop()  # no subject of its own: the one before the conjunction
    start = cuts[-1] if cuts else sentence_start
    if not _NO_SUBJECT.fullmatch(low, clause_start, call):
        start = max(start, clause_start)
    members = _MEMBERS.search(low, start, call)
    executive = _EXECUTIVE.search(low, start, call)
    if members and (executive is None or members.start() < executive.start()):
        # "Senators urge Biden to ban Chinese graphite imports", "senators wrote to the Commerce
        # Secretary asking her to impose duties" (the office after them is whom they ask);
        # their proposal is a bill
        return not low.startswith(("propos", "argu"), call)
    if _STATE_CALLER.search(low, start, call):
        return False
    return not country_in(start, call) or bool(_NONSTATE_CALLER.search(low, start, call))
