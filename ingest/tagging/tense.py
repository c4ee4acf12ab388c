"""Whether a measure is reported as done: an act verb in the present or past tense.

"China bans exports", "the US sanctioned miners", "Beijing is restricting exports" and "Chile
imposes curbs" report a measure that applies, whatever the taxonomy's cue words say; "will
ban", "plans to restrict", "a ban on exports" (a noun) do not. A small grammar of the trigger's
own first word, or of the act verb just before a noun trigger, in the trigger's clause.
"""

from __future__ import annotations

import re

# Act verbs (stems): their finite forms report a measure that is done.
_ACT = (r"(?:ban|bann|restrict|curb|impos|sanction|prohibit|bar|barr|block|limit|tighten|halt|"
        r"nationali[sz]|slap|slapp|introduc|expand|extend|rais|hik|doubl|tripl|add|reimpos|"
        r"levi|levy|enforc|kept|keep|blacklist)")
# A finite form: 3rd person present ("bans"), past ("banned"), or "is/are ...ing".
# ("suspends exports" is done; "announced it was suspending exports" reports an announcement.)
_FINITE = re.compile(r"(?:" + _ACT + r"|suspend)(?:s|es|ed|d)$")
_ING = re.compile(_ACT + r"(?:ing)$")
# Words after a trigger word that make it a noun ("bans on", "sanctions against").
_NOUN_NEXT = frozenset([
    "on", "against", "of", "targeting", "to", "for", "that", "were", "are", "have", "had", "is",
    "was", "will", "would", "imposed", "in", "and", "by", "from", "under", "aimed", "as", "with",
    "package", "packages", "regime", "list", "relief", "evasion", "hit", "hurt", "bite"])
# Words before a trigger word that make it a noun or not finite ("new bans", "to ban").
_NOT_FINITE_BEFORE = frozenset([
    "the", "a", "an", "new", "its", "their", "his", "her", "our", "fresh", "of", "to", "will",
    "would", "could", "may", "might", "should", "must", "can", "western", "more", "further",
    "any", "such", "these", "those", "no", "not", "possible", "and",
    "for", "on", "with", "by", "against", "over", "amid", "after", "before", "latest", "s"])
_BE = frozenset(["is", "are", "was", "were", "been"])
# A finite act verb governing a noun trigger ("imposes export curbs", "rolled out controls").
_GOVERNING = re.compile(
    r"\b(?:impos(?:es|ed)|introduc(?:es|ed)|rolls? out|rolled out|puts|put in place|slap(?:s|ped)|"
    r"hits? back with|tighten(?:s|ed)|expand(?:s|ed)|extend(?:s|ed)|add(?:s|ed)|brings? back|brought back|"
    r"reinstat(?:es|ed)|"
    r"reimpos(?:es|ed)|levi(?:es|ed)|enforc(?:es|ed)|(?:is|are) (?:putting|imposing|tightening))"
    r"(?: \S+){0,3} $")
# A past participle of an act set off after a noun trigger: "the grant, made under the Defense
# Production Act", "the rules, released Monday, ...": the act is told as done.
_DONE_AFTER = re.compile(r"[^\S\n]*,\s+(?:made|imposed|introduced|signed|approved|adopted|released|awarded|"
                         r"granted|enacted|passed|published)\s+(?:under|by|on|in|at|last|earlier|this|"
                         r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b")
# (Its words cross no comma: "curbs on sales to China, adds firms to its list" adds them.)
_MODAL = re.compile(r"\b(?:will|would|could|may|might|should|to|plans?|wants?|seeks?)\s+(?:[^\s,;:]+\s+){0,2}$")
_WORD = re.compile(r"[a-z]+")
_NOT_LETTER = re.compile(r"[^a-z]")
# A noun trigger followed by its future ("sanctions ... will be announced").
_ANY_MODAL = re.compile(r"\b(?:will|would|could|may|might|plans?|planning|wants?|seeks?|to be)\b")
_AHEAD = re.compile(r"(?:\s+\S+){0,3}?\s+(?:will|would|could|may|to be)\b")


def reported_done(low: str, clause_start: int, t0: int, t1: int) -> bool:
    """Whether the trigger at [t0, t1) of lower-cased `low` is a measure reported as done."""
    first = _WORD.match(low, t0)
    before = low[max(clause_start, t0 - 60): t0]
    prev = before.split()[-1:] if before.strip() else []
    prev_word = _NOT_LETTER.sub("", prev[0]) if prev else ""
    if first and first.end() <= t1:
        word = first.group()
        nxt = _WORD.search(low, first.end(), first.end() + 20)
        if _FINITE.match(word) and prev_word not in _NOT_FINITE_BEFORE and not (
                nxt and nxt.group() in _NOUN_NEXT and nxt.start() - first.end() <= 2):
            return not _MODAL.search(before)
        if _ING.match(word) and prev_word in _BE:
            return True
    gov = _GOVERNING.search(before)
    governed = gov is not None and not _MODAL.search(before[: gov.start()])
    return governed or _DONE_AFTER.match(low, t1) is not None


def standing(low: str, clause_start: int, t0: int, t1: int) -> bool:
    """Whether a measure that applies once named (sanctions: "western sanctions", "the latest
    package of sanctions") is named with no modal or plan around it in its clause."""
    return not (_ANY_MODAL.search(low, clause_start, t0) or _AHEAD.match(low, t1, t1 + 40))
