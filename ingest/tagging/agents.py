"""Who acts, named after the trigger: a passive's agent ("duties ... were raised to 50% by
the US") or the state a measure comes from ("new export curbs from Beijing")."""

from __future__ import annotations

import re

# The trigger's own passive verb, then its agent: "duties on Chinese graphite were raised to
# 50% by the US" (no comma: an aside's "by" may be another verb's); or a reduced relative's
# participle of an act right after it: "Sanctions announced on Wednesday by the Treasury".
_PASSIVE_TO_AGENT = re.compile(r"(?:[^,;:]{0,60}?\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?"
                               r"\w+(?:ed|en)|\s+(?:announced|imposed|introduced|unveiled|issued|adopted|"
                               r"approved|ordered|levied|proposed|enacted|placed|decided|agreed))\b"
                               r"[^,;:]{0,40}?\bby\s+(?:the\s+)?", re.I)


def passive_to(text: str, t1: int, agent: int) -> bool:
    """Whether the words from a trigger's end to a country at `agent` are the trigger's
    passive verb and "by" ("... were raised to 50% by | the US")."""
    return bool(_PASSIVE_TO_AGENT.fullmatch(text, t1, agent))


# Measures that leave their maker: "curbs from Beijing" are Beijing's (for goods coming in,
# "from" names their origin: "an import ban on goods from Russia").
_SOURCE_TYPES = frozenset({"export_control", "sanction"})
_FROM = re.compile(r"\s+from\s+(?:the\s+)?", re.I)
# ... when the trigger ends in the measure, not in the flow: "exports from Chile" come from it
_MEASURE_END = re.compile(r"\b(?:curbs?|controls?|restrictions?|bans?|sanctions|measures?|rules|limits?|"
                          r"quotas?|embargo(?:es)?|penalties|licen[cs]\w*)$", re.I)


def sent_from(text: str, type_id: str, t1: int, state: int) -> bool:
    """Whether the state at `state` is where a measure ending at `t1` comes from: "from"
    right after an export control or a sanction named by its measure noun ("New export curbs
    from Beijing hit ..."), not by the goods' flow ("halted copper exports from Chile")."""
    return type_id in _SOURCE_TYPES and bool(
        _FROM.fullmatch(text, t1, state) and _MEASURE_END.search(text, max(0, t1 - 20), t1))
