"""Whether an act is real, hoped for, averted or past: a small grammar of cue words in the
trigger's clause.

"to avoid the possible return of tariffs" names no act; "a deal would unlock", "seeking an
agreement" and "failed to agree a deal" name one not yet made; "leaders to meet" and "ahead of
a summit" a meeting still to come; tariffs placed "when he was president" or controls "already
put in place" stand from before, they are not announced now.
"""

from __future__ import annotations

import re

from .relative import head_change
from .titles import cited_law, cited_pact

# Before the trigger: an act only avoided or prevented ("to avoid the possible return of").
_AVERTED = re.compile(
    r"\b(?:avoid\w*|avert\w*|prevent\w*|head\w* off|stave\w* off|forestall\w*|risk\w*)"
    r"(?: \S+){0,4}? (?:return|reimposition|re-imposition|imposition|threat|prospect|risk) of"
    r"(?: \S+){0,5} $"
    # or named as a mere risk, fear or market talk: "the risk of export restrictions by foreign
    # suppliers", "fears of fresh Chinese export curbs", "as talk of US tariffs faded" (not an
    # owner's act: "the risk of China's curbs")
    r"|\b(?:risks?|possibility|likelihood|odds|chances?|probability|spectre|specter|fears?|talk|speculation|"
    r"rumou?rs?|chatter)"
    r" of(?: [a-z-]+){0,2} $"
    # or only reported and then denied: "said reports of new graphite export controls were false"
    r"|\b(?:den(?:y|ies|ied|ying)|dismiss\w*|reject\w*) (?:the )?(?:media )?reports? of(?: [a-z-]+){0,2} $"
    # or the bare object of avoiding ("a truce to avoid tariffs"); an owned measure exists
    # ("to avoid Washington's tariffs")
    r"|\b(?:avoid\w*|avert\w*|stave\w* off|head\w* off|forestall\w*)"
    r"(?: (?:new|fresh|further|higher|more|punitive|additional|any))? $"
    # or a possible outcome of another step: "a probe that could lead to tariffs"
    r"|\b(?:could|may|might|can|would)(?: \S+)? (?:lead|result|pave the way|open the (?:door|way))"
    r" (?:to|in|for)(?: [a-z-]+){0,3} $")
# After the trigger: a measure only imagined coming back ("when tariffs would return on ...").
_WOULD_RETURN = re.compile(
    r"(?:\s+[^\s,;]+){0,2}?\s+(?:would|could|might) (?:return|resume|snap back|come back|kick in|"
    r"be (?:reimposed|re-imposed|restored))\b")
# An agreement not made: sought, hoped for, failed, hypothetical.
_ATTEMPT = re.compile(
    r"\b(?:seek\w*|sought|aim\w*|haggl\w*|work\w* on|push\w* for|pursu\w*|tr(?:y|ies|ying|ied) to|"
    r"hop\w* (?:to|for)|want\w* to|discuss(?:es|ing)?|negotiat(?:e|es|ing)|"
    r"negotiations? (?:on|over|for|toward|towards)|fail\w* to|yet to|bid to|eyeing|"
    r"couldn't|didn't|unable to|renewal of|extension of|opposition to|covet\w*|refus\w* to|declin\w* to|"
    r"reject\w*|balk\w*|"
    r"explor\w*|would|could|might|possible|potential|proposed|planned|prospective|future|"
    r"vision (?:of|for)|prospects? (?:of|for)|case for|idea of|"
    # a deal worked towards: "in talks to strike", "closer to", "progress towards", "racing to seal"
    r"in talks to|closer to|progress (?:on|towards?|in)|towards?|(?:rac|rush|scrambl)\w* to|hopes? of)\b")
# A participle after an agreement that says it is still sought ("a deal being pursued by"), or
# a verb that says it is not reached ("trade deal stalls over meat quotas", "deal held up").
# ("a deal negotiated by Harper" was made: only "being" or "still" keeps it under way.)
_SOUGHT_AFTER = re.compile(r"\s+(?:(?:being|still)\s+)?(?:pursued|sought|under negotiation)\b|"
                           r"(?:\s+(?:with|between|on)(?:\s+[^\s,;:.]+){1,2}?)?"
                           r"\s+(?:(?:has|have|had|is|are|was|were)\s+)?(?:stall(?:s|ed|ing)?|stuck|held up|"
                           r"in limbo|on ice|bogged down|delayed|derailed)\b|"
                           r"(?:\s+\S+){0,3}?\s+(?:will|would|could|might|is to|are to)\s+be\s+(?:struck|signed|"
                           r"agreed|reached|concluded|sealed|finali[sz]ed|ratified)\b|"
                           r"\s+(?:being|still)\s+(?:negotiated|discussed|explored|drafted)\b")
# In or after an agreement's words: it was made ("since the Paris agreement was signed").
_MADE = re.compile(r"\b(?:was|were|has been|have been|had been)\s+"
                   r"(?:signed|agreed|ratified|sealed|struck|reached|concluded)\b")
_MADE_REACH = 40  # characters after an agreement where its passive verb may come


def made(low: str, t0: int, t1: int, clause_end: int) -> bool:
    """Whether an agreement is said, in the passive, to have been made ("the Paris agreement
    on climate change was signed"): in effect, whatever is proposed around it."""
    return bool(_MADE.search(low, t0, min(clause_end, t1 + _MADE_REACH)))
# An agreement's noun ending its trigger, maybe with its topic's preposition, then a modal: it
# is hypothetical ("a deal would unlock", "agreement on tighter controls would be a win").
_AGREEMENT_NOUN = re.compile(r"(?:deals?|agreements?|accords?|pacts?|truces?|treat(?:y|ies))"
                             r"(?: (?:with|between|on|around|covering))?$")
# (Not a relative clause's modal, which tells what a deal made may do: "announced a deal with
# China that could end tariffs on barley", "the Brexit deal that could lead to tariffs".)
_WOULD_AFTER = re.compile(r"(?:\s+(?!(?:that|which)\b)\S+){0,8}?\s+(?:would|could|might)\b")
# After a meeting: "the encounter, on the sidelines of a summit, would be a pivotal moment" (what
# it "could" achieve says nothing of whether it was held).
_MEETING_WOULD = re.compile(r"(?:\s+\S+){0,8}?\s+would\s+be\b")
# Before a meeting: it is still to come.
_UPCOMING = re.compile(
    r"\b(?:to (?:meet|hold|host|attend|visit|begin|start)|will|would|may|might|could|"
    r"expected to|set to|due to|plans? to|looks? to|seeks? to|hopes? to|aim\w*'? for|"
    r"ahead of|on (?:the )?eve of|upcoming|forthcoming|next|this year's|host of)\b")
# A meeting only asked for: "requested an urgent meeting", "seeks talks", "called for talks".
_ASKED_FOR = re.compile(
    r"\b(?:request\w*|seek\w*|sought|call\w* for|propos\w*|invit\w*|push\w* for|"
    r"urg\w*|demand\w*|want\w*|plans? for|planned|revives?|revived)(?: [^\s,;]+){0,3} $")
# Travelling to a meeting ("flies to Brussels for trade talks") or a meeting told as going on
# ahead ("negotiations to continue next week", "talks will resume"): still to come.
_TRAVEL_FOR = re.compile(r"\b(?:fl(?:y|ies|ying|ew)|travel\w*|head(?:s|ing|ed)?|en route|bound|jet\w*)"
                         r" (?:\S+ ){0,1}to (?:\S+ ){1,3}for (?:[^\s,;]+ ){0,3}$")
_GOES_ON_AHEAD = re.compile(r"(?:\s+[^\s,;.]+){0,3}?\s+(?:to|will|are set to|is set to|are due to)\s+"
                            r"(?:continue|resume|begin|start|open|take place|be held|go ahead|reconvene)\b")
# In a meeting's own words, a past verb: it was held ("the leaders promised in a tense meeting
# ...", whatever the sentence plans before it); "promised to meet" is still to come.
_TOLD_DONE = re.compile(r"\b(?:met|held|hosted|promised|pledged|vowed|discussed|talked)\b(?! to\b)")
_ASKED_IN = re.compile(r"\b(?:request\w*|seek\w*|sought|call\w* for|propos\w*|agree\w* to)\b")
# A meeting under way or over, whatever the clause plans: "stalled negotiations", "ongoing talks".
_UNDER_WAY = re.compile(
    r"\b(?:stalled|stalling|ongoing|continuing|failed|collapsed|deadlocked|protracted|lengthy|"
    r"long-running|months-long|years-long|weeks-long|week-long|marathon|previous|recent|"
    r"earlier|last|past)(?: [^\s,;]+)? $")
# After a measure: reports of it called false ("reports of new export controls were false").
_DENIED_AFTER = re.compile(r"\s+(?:[^\s.;]+\s+){0,3}?(?:were|was|are|is)\s+(?:false|untrue|baseless|groundless|inaccurate|fake)\b")
_REPORTS_OF = re.compile(r"\breports? of(?: [a-z-]+){0,2} $")

# After a measure: it stands from before.
_BACKGROUND = re.compile(
    r"\b(?:when (?:he|she|they|it|trump|biden) (?:was|were)|during (?:his|her|their) "
    r"(?:first )?(?:term|presidency|administration)|already (?:\S+ ){0,2}(?:in place|put in place|"
    r"imposed|introduced))\b")


# A measure still in the making: carried by a bill ("Bill Banning Uranium Imports", "legislation
# that would bar imports"), or being looked at ("looking at ways to target ... through sanctions").
_IN_THE_MAKING = re.compile(
    r"(?:\b(?:bill|bills|legislation|draft (?:law|rules?|regulations?)|amendment)(?: \S+){0,3}|"
    r"\b(?:looking (?:at|into)|explor(?:es|ed|ing)|studying|debat(?:es|ed|ing))\b(?: \S+){0,8}|"
    # one chamber's vote: the other chamber and a signature are still to come
    r"\b(?:house|senate|lower house|upper house|committee) (?:of representatives )?(?:(?:on |late )?\w+day )?"
    r"(?:approv\w*|pass\w*|vot\w*|back\w*)(?: \S+){0,4}) $")
_ENACTED = re.compile(r"\b(?:signed into law|signs into law|enacted|became law|passed into law|"
                      r"sign(?:s|ed|ing)? (?:\S+ ){0,2}(?:bill|bills|legislation|law))\b")


# A meeting noun used as a verb: "the director talks about", "she talks to NBC".
_SPOKEN = re.compile(r"\s+(?:about|down|up|of|to (?:the|a|an|his|her|their|reporters|[A-Z]))\b")


_NOUN_BEFORE = re.compile(
    r"\b(?:held|hold|holds|holding|in|for|of|at|after|during|the|more|new|further|formal|"
    r"trade|peace|bilateral|began|begin|started|resumed?|resuming|joined?|into)\s+$", re.I)


# A source named by the talks it knows of ("people familiar with the talks said"): the talks
# are the main clause's, told there or not at all (a company's "have discussed pooling sales").
_SOURCE_OF = re.compile(r"\b(?:familiar with|close to|briefed on|with knowledge of) the $", re.I)


def spoken(text: str, t0: int, t1: int) -> bool:
    """Whether a one-word meeting trigger ("talks") is a verb of speaking, not a meeting
    ("she talks about", but "held talks about"), or only names whom a source knows of
    ("people familiar with the talks said")."""
    if " " in text[t0:t1]:
        return False
    return (text[t1 - 1: t1] == "s" and bool(_SPOKEN.match(text, t1))
            and not _NOUN_BEFORE.search(text, max(0, t0 - 20), t0)) or bool(
        _SOURCE_OF.search(text, max(0, t0 - 24), t0))


# In a subsidy's sentence: a trade remedy or a complaint it is the object of ("a probe into
# alleged subsidies", "countervailing duties after the foil benefited from subsidies", "Brussels'
# scrutiny of subsidies for Chinese-built cars").
_REMEDY = re.compile(r"\b(?:countervailing|anti-subsid\w*|anti-dumping|dumping|investigat\w*|"
                     r"probe[sd]?|scrutin\w*|look\w* into|examin\w*|alleged\w*|unfair\w*|benefit\w* from|complain\w*|"
                     r"dispute\w*)\b")


def alleged_subsidy(low: str, sentence: tuple[int, int], t0: int) -> bool:
    """Whether the subsidy at t0 is what a trade remedy or complaint in its sentence is about:
    another government's alleged support, not an investment the text reports."""
    return low.startswith("subsid", t0) and bool(_REMEDY.search(low, *sentence))


def averted(low: str, clause_start: int, t0: int, t1: int) -> bool:
    """Whether the trigger at [t0, t1) names an act that is only avoided, prevented or risked,
    or only imagined coming back ("tariffs would return")."""
    return bool(_AVERTED.search(low[max(clause_start, t0 - 90): t0])) or (
        bool(_WOULD_RETURN.match(low, t1))) or ("report" in low[max(clause_start, t0 - 40): t0] and bool(
            _REPORTS_OF.search(low[max(clause_start, t0 - 40): t0])) and bool(_DENIED_AFTER.match(low, t1)))


def _meeting_to_come(low: str, before: str, t0: int, t1: int, clause_end: int) -> bool:
    """Whether a meeting reported with no cue of its own is still to come: an infinitive, a
    modal or "ahead of" before it or in its own words ("Widodo to begin visit"), a request
    for it ("requested an urgent meeting"), or a hypothetical after it; not one under way or
    over ("a prospect that would bypass stalled negotiations") or told in the past in its own
    words ("leaders met"). A meeting named after "before"
    ("attacks a port before key talks") is left held: read as to come, the acts consolidation
    files such a passing mention with the meeting itself (see docs/quality-fields.md)."""
    if _UNDER_WAY.search(before) or _TOLD_DONE.search(low, t0, t1):
        return False
    return bool(_UPCOMING.search(before) or _UPCOMING.search(low, t0, t1)
                or _ASKED_FOR.search(before) or _ASKED_IN.search(low, t0, t1)
                or _TRAVEL_FOR.search(before) or _GOES_ON_AHEAD.match(low, t1, clause_end)
                or _MEETING_WOULD.match(low, t1, clause_end))


# A measure opposed in law or protest exists: "considering challenging US steel tariffs at the
# WTO", "appealing against the ban" (a plan or threat before the verb is about the challenge).
# So does one evaded or drawn on ("looks to split to evade US tariffs and access subsidies",
# "try to qualify for incentives"); one only avoided exists when an owner is named ("to avoid
# Washington's tariffs"; "a truce to avoid tariffs" averts them).
_NOT_NEW = r"(?: (?!(?:proposed|planned|possible|threatened|new|future|further)\b)[^\s,;]+){0,4} $"
_OPPOSED = re.compile(
    r"\b(?:challeng(?:e|es|ed|ing)|contest(?:s|ed|ing)?|appeal(?:s|ed|ing)? against|"
    r"protest(?:s|ed|ing)? against|retaliat\w* against|condemn(?:s|ed|ing)?|"
    r"evad(?:e|es|ed|ing)|circumvent(?:s|ed|ing)?|skirt(?:s|ed|ing)?|dodg(?:e|es|ed|ing)|"
    r"get(?:s|ting)? around|bypass(?:es|ed|ing)?|access(?:es|ed|ing)?|qualif(?:y|ies|ied|ying) for|"
    r"benefit(?:s|ed|ing)? from|avoid(?:s|ed|ing)?(?= (?:[^\s,;]+ ){0,2}?[^\s,;]+(?:'s|’s) ))"
    + _NOT_NEW)


# A measure told as standing by its own noun phrase ("existing restrictions", "the ongoing
# tightening of export controls", "a longstanding ban"); not one a verb of ending takes away.
_STANDING = re.compile(r"\b(?:existing|ongoing|longstanding|long-standing)\s+(?:[\w.-]+\s+){0,4}$")
_ENDING = re.compile(r"\b(?:lift|end|scrap|remov|drop|repeal|unwind|roll(?:s|ed|ing)? back|eas|cut|lower|"
                     r"reduc|waiv|suspend|paus|revok|abolish)\w*\s+(?:\S+\s+){0,2}$")


def _standing(low: str, clause_start: int, t0: int) -> bool:
    """Whether the measure at t0 is named as standing: a plan around it only changes it."""
    m = _STANDING.search(low, max(clause_start, t0 - 60), t0)
    return m is not None and not _ENDING.search(low, max(clause_start, m.start() - 40), m.start())


def status_by_wording(kind: str, status: str, act: bool, text: str, low: str,
                      clause: tuple[int, int], t0: int, t1: int, sentence: tuple[int, int]) -> str:
    """The status corrected by how the act is named: an agreement said to have been signed,
    a law cited by its title and a measure challenged stand; a measure a plan sets out (with no act verb) is
    announced; an earlier measure named in a relative clause takes the change its sentence
    makes to it (`relative.head_change`). `text` as written (a law's title is capitalised),
    `low` lower-cased."""
    if kind == "measure" and (changed := head_change(low, sentence, t0, t1)):
        return changed
    if (kind == "agreement" and (made(low, t0, t1, clause[1]) or cited_pact(
            text, t0, t1, sentence[1] if sentence[0] == 0 else 0))) or (
            kind == "measure" and (cited_law(text, t0, t1) or _standing(low, clause[0], t0)
                                   or _OPPOSED.search(low, max(clause[0], t0 - 60), t0))):
        return "in_effect"
    if status == "in_effect" and not act and kind == "measure" and planned(low, clause[0], t0):
        return "announced"
    return status


# "officials warn that Russia and Iran hammered out deals": a report, not a threat, unless
# what is reported is itself only possible ("warned that Beijing could restrict exports").
_WARN_THAT = re.compile(r"warn\w*(?: [^\s,;]+){0,3}? that\b")
_MODAL_WORD = re.compile(r"\b(?:could|would|might|may|will|threat\w*|if)\b")


# A modal "be" before a participle: "is expected to be signed", "will be imposed".
_MODAL_BE = re.compile(r"\b(?:to|will|would|could|may|might|should|must|shall)\s+(?:not\s+)?be\s+$")


def still_to_come(low: str, cue_start: int) -> bool:
    """Whether an in-effect cue (a participle: "signed", "imposed") follows a modal "be": the
    act is yet to happen ("a framework is expected to be signed on Tuesday")."""
    return bool(_MODAL_BE.search(low, max(0, cue_start - 30), cue_start))


# A plan named as a noun ("Boric's plan to create", "a plan to secure", "its plans to"): one that
# has been made, not a government planning to act. ("The government plans to" is a verb.)
# (A headline drops the article, not the hyphenated modifier: "G7 back five-point plan to ...".)
_NAMED_PLAN = re.compile(r"(?:(?:\b(?:a|an|the|its|his|her|their|our|this|that)\s+(?:[\w-]+\s+)?)|"
                         r"(?:'s|’s)\s+(?:[\w-]+\s+)?|\b[a-z0-9]+-[a-z-]+\s+)$")
_NAMED_PLANS = re.compile(r"(?:\b(?:the|its|his|her|their|our|these|those)|'s|’s)\s+$")


def named_plan(low: str, cue_start: int) -> bool:
    """Whether a "plan(s) to" cue at cue_start is a noun: a plan made, so no proposal cue."""
    before = low[max(0, cue_start - 40): cue_start]
    if low.startswith("plan to", cue_start):
        return bool(_NAMED_PLAN.search(before))
    return low.startswith("plans to", cue_start) and bool(_NAMED_PLANS.search(before))


def warned_that(low: str, cue_start: int, t0: int) -> bool:
    """Whether a "warn" cue at cue_start only reports what follows ("warn that ... hammered out
    deals"): what it reports, up to the trigger at t0, has no modal of its own."""
    m = _WARN_THAT.match(low, cue_start)
    return m is not None and m.end() <= t0 and not _MODAL_WORD.search(low, m.end(), t0)


def status_by_mood(kind: str, status: str, low: str, clause: tuple[int, int], t0: int,
                   t1: int, past: bool) -> str:
    """The status corrected by the clause's mood (clause: [start, end) in article offsets)."""
    before = low[max(clause[0], t0 - 80): t0]
    if kind == "agreement" and status == "in_effect" and (
            _ATTEMPT.search(low, max(clause[0], t0 - 80), t1)  # "aims to strike a deal"
            or _SOUGHT_AFTER.match(low, t1)  # "a trade deal being pursued by Biden"
            or (_AGREEMENT_NOUN.search(low, t0, t1)
                                        and _WOULD_AFTER.match(low, t1, clause[1]))):
        return "proposed"
    if kind == "meeting" and status == "held" and not past and _meeting_to_come(
            low, before, t0, t1, clause[1]):
        return "scheduled"
    if kind == "measure" and status in ("announced", "in_effect") and _IN_THE_MAKING.search(
            low, max(clause[0], t0 - 80), t0) and not _ENACTED.search(low, clause[0], clause[1]):
        return "proposed"
    if kind == "measure" and status == "announced" and _stands_from_before(low, clause, t0, t1):
        return "in_effect"
    if kind == "measure" and status == "in_effect" and starts_later(low, clause, t0, t1):
        return "announced"
    return status


# The measure's own verb told in the future: "controls that will restrict ...", "tariffs will
# be applied", or a clause of time whose present means the future ("before the controls take
# effect", "until the ban kicks in").
_APPLIES = (r"(?:restrict|ban|bar|prohibit|limit|block|require|apply|cover|take effect|kick in|"
            r"start|begin|take hold|come into (?:force|effect)|go into effect|be (?:applied|imposed|"
            r"levied|enforced|introduced|charged))\b")
# "will", or the "would" of reported speech ("said a 25% levy would apply this year"); not past
# a conjunction or a report's verb, which open another subject ("added rare earths to its
# control list and said the counter-tariff would start April 10").
# (A word may be a decimal number: "duties of up to 24.2 per cent will be imposed".)
_OWN_FUTURE = re.compile(r"(?:\s+(?!(?:and|but|while|said|says)\b)(?:[^\s,;:.]|(?<=\d)\.(?=\d))+){0,6}?\s+"
                         r"(?:(?:that|which)\s+)?(?:will|would)\s+(?:also\s+)?" + _APPLIES)
_TIME_CLAUSE = re.compile(r"\b(?:before|until|once|when)\b[^,;:.]*$")
_PRESENT_START = re.compile(r"(?:\s+[^\s,;:.]+){0,2}?\s+(?:(?:takes?|comes?|goes?|kicks?)\s+"
                            r"(?:effect|into (?:force|effect)|in|hold)|starts?|begins?|appl(?:y|ies))\b")


def starts_later(low: str, clause: tuple[int, int], t0: int, t1: int) -> bool:
    """Whether the measure's own verb puts its start in the future: it is announced, whatever
    the main clause did ("published new controls that will restrict ...": published today,
    applying later). A consequence told in the future ("curbs that will hurt chipmakers") says
    nothing of the start."""
    if _OWN_FUTURE.match(low, t1, min(len(low), t1 + 60)):
        return True
    return bool(_TIME_CLAUSE.search(low, max(0, t0 - 60), t0)
                and _PRESENT_START.match(low, t1, min(len(low), t1 + 40)))


# A measure noun: what a background cue after the trigger may be about instead of it.
_OTHER_MEASURE = re.compile(r"\b(?:duties|tariffs?|levies|controls|curbs|sanctions|restrictions|"
                            r"measures|bans?|quotas?)\b")


def _stands_from_before(low: str, clause: tuple[int, int], t0: int, t1: int) -> bool:
    """Whether the clause says the trigger's measure stands from before. A cue with another
    measure noun between it and the trigger is about that one: "an additional tariff ... on
    top of duties already in place" announces a new tariff."""
    for m in _BACKGROUND.finditer(low, clause[0], clause[1]):
        between = (t1, m.start()) if m.start() >= t1 else (m.end(), t0)
        head = max(clause[0], m.start() - 25)  # "duties already in place": the noun it follows
        follows_other = not (head < t1 and t0 < m.start()) and _OTHER_MEASURE.search(low, head, m.start())
        if not _OTHER_MEASURE.search(low, *between) and not follows_other:
            return True
    return False


# A measure that is the content of a plan named as a noun: "Boric's programme to exert state
# control", "a strategy including plans for a state-owned company".
_PLANS = r"plans?|programmes?|programs?|blueprint|roadmap|initiative"
_PLAN_NOUN = re.compile(r"\b(?:" + _PLANS + r"|agenda) (?:to|for)(?: [^\s,;]+){0,6} $")
_PLAN_OPENS = re.compile(r"(?:" + _PLANS + r") (?:to|for)\b")


def planned(low: str, clause_start: int, t0: int) -> bool:
    """Whether the measure at t0 is named as what a plan (a noun) sets out to do, before it or
    in the trigger's own words ("plans for a government-owned company"): announced, not yet
    applying."""
    return bool(_PLAN_NOUN.search(low, max(clause_start, t0 - 80), t0) or _PLAN_OPENS.match(low, t0))


# Before an agreement: it is only the ground of a lawsuit that someone broke it ("suing
# Australia ... in a case arguing a breach of the Asean free trade deal"); a claim in court or
# arbitration is no act on the deal (a government saying another breaks a deal may still be).
_BREACHED = re.compile(
    r"\b(?:breach(?:es|ed|ing)?|violat\w*|contraven\w*|infring\w*)(?: of)?(?: \S+){0,5} $")
_LITIGATION = re.compile(
    r"\b(?:su(?:e|es|ed|ing)|lawsuits?|suits?|court|tribunal|arbitration|litigation|"
    r"(?:legal|court|landmark) (?:case|claim|action|challenge))\b")


def breached(low: str, clause_start: int, t0: int) -> bool:
    """Whether the agreement at t0 is named only as broken in a lawsuit ("a case arguing a
    breach of the deal")."""
    m = _BREACHED.search(low[max(clause_start, t0 - 60): t0])
    return bool(m) and bool(_LITIGATION.search(low, max(0, t0 - 200), t0))


# A pause whose object is a dispute ("pressing pause on its complaint against China's tariffs").
_DISPUTE_PAUSED = re.compile(r"(?:complaints?|disputes?|cases?|challenges?|probes?|investigations?)$")


def pauses_a_dispute(cue: tuple[str, int, int], type_id: str, low: str) -> bool:
    """Whether a suspension cue pauses a dispute: that is the dispute's status, not that of the
    measure disputed (the tariffs a paused complaint is against still apply)."""
    return (cue[0] == "suspended" and type_id != "investigation"
            and bool(_DISPUTE_PAUSED.search(low, cue[1], cue[2])))
