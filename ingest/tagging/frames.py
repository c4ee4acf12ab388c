"""Trigger patterns built from a frame: a set of verbs acting on a set of objects.

Hand-written triggers name one phrasing each ("banned exports of"), and real news says the
same act in the voice it likes: "China banned shipments of gallium to the US", "shipments of
the metals to the United States had been banned", "Gallium Exports Halted". A frame in
event_types.toml lists the verbs (as "base/participle", or "base/past/participle" when the
past differs) and the objects (regex fragments), and each voice it asks for becomes one
pattern:

- `active`: a verb, up to four words, an object ("curbed overseas sales of gallium"); not
  when a determiner makes the participle an adjective ("its limited exports"), when "for"
  makes the verb a noun ("public financing for projects"), or when a measure noun in
  between is what the verb acts on ("suspended its ban on exports");
- `passive`: an object, up to twelve words, a form of "be", up to two words, a participle
  ("exports of gallium had been effectively banned"); no relative pronoun in between, whose
  antecedent may be another noun ("tariffs on solar imports that were suspended"), and no
  negation after "be" ("if the deal is not renegotiated");
- `participle`: an object followed by the participle, the headline's passive ("Gallium
  Exports Banned", "Gallium Exports To US Banned": a destination or origin may come between); only for verbs that cannot be intransitive ("exports halted" may be a
  market report).
"""

from __future__ import annotations

VOICES = ("active", "passive", "participle")
_BE = r"(?:is|are|was|were|be|been|being)"
# a determiner, possessive or preposition right before the verb makes its participle an adjective
_NOT_ADJECTIVE = r"(?<!\bthe )(?<!\bits )(?<!\btheir )(?<!\bwith )(?<!\ba )(?<!\bof )(?<!'s )(?<!’s )"

# a negation between "be" and the participle denies the act ("if the deal is not renegotiated")
_NOT_NOT = r"(?!not |never |no longer )"

# the passive's object is its subject, so no preposition right before it ("the purchase of
# mines abroad will be funded": what is funded is the purchase)
_SUBJECT = r"(?<!\bof )(?<!\bon )(?<!\bfor )(?<!\bin )(?<!\bto )"

# a measure noun between an active verb and the goods is what the verb acts on ("suspended
# its ban on exports" changes the ban; it does not suspend exports)
_NOT_A_MEASURE = (r"(?!(?:bans?|curbs?|controls?|restrictions?|measures?|rules|licen[cs]\w*|quotas?|"
                  r"tax|taxes|dut(?:y|ies)|tariffs?|levies|embargo\w*|moratori\w*|suspensions?)\b)")


# where the goods go or come from, between a headline's object and its participle ("Gallium
# Exports To US Banned", "Nickel Imports From Russia Halted")
_WAY = r"(?: (?:to|from) (?:the )?[\w.-]+(?: [\w.-]+)?)?"


class FrameError(ValueError):
    """A frame's verb entry is not "base/participle" or "base/past/participle"."""


def verb_forms(entry: str) -> tuple[list[str], str]:
    """All forms of a verb entry and its past participle: "ban/banned" -> (["ban", "bans",
    "banned", "banning"], "banned"); "freeze/froze/frozen" adds "froze" and "freezing"."""
    parts = [p.strip() for p in entry.split("/")]
    if len(parts) not in (2, 3) or not all(p.replace("-", "").isalpha() and p.islower() for p in parts):
        raise FrameError(f"verb {entry!r} must be 'base/participle' or 'base/past/participle' "
                         "in lower-case letters and hyphens")
    base, participle = parts[0], parts[-1]
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "o", "u"):
        third = base[:-1] + "ies"  # levy/levies
    else:
        third = base + ("es" if base.endswith(("s", "x", "ch", "sh", "z", "o")) else "s")
    if participle == base + base[-1] + "ed":  # ban/banned: the consonant doubles
        ing = base + base[-1] + "ing"
    elif base.endswith("e") and not base.endswith("ee"):
        ing = base[:-1] + "ing"
    else:
        ing = base + "ing"
    return list(dict.fromkeys([base, third, *parts[1:], ing])), participle


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


def frame_patterns(verbs: tuple[str, ...], objects: tuple[str, ...], voices: tuple[str, ...],
                   gap: int = 4) -> list[str]:
    """One pattern per voice (see the module docstring), matched on lower-case text; `gap`:
    at most so many words between an active verb and its object (a vague verb needs fewer:
    "back a gallium plant", not "backs plan for a copper smelter")."""
    forms, participles = [], []
    for entry in verbs:
        f, p = verb_forms(entry)
        forms += f
        participles.append(p)
    verb, done, obj = _alternation(forms), _alternation(participles), "|".join(objects)
    built = {
        "active": f"{_NOT_ADJECTIVE}(?:{verb})(?! for ) (?:{_NOT_A_MEASURE}\\S+ ){{0,{gap}}}?(?:{obj})",
        "passive": f"{_SUBJECT}(?:{obj}) (?:(?!that |which )\\S+ ){{0,12}}?{_BE}(?: {_NOT_NOT}\\S+){{0,2}}? (?:{done})",
        "participle": f"{_SUBJECT}(?:{obj}){_WAY} (?:{done})",
    }
    return [built[v] for v in voices]
