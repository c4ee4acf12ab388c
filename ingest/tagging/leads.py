"""Dates an act takes from another sentence of its article: a headline's act from its lead,
a meeting from the sentence that names it with its date."""

from __future__ import annotations

import re

from .article import Article
from .dates import DateMention

_LEAD_REACH_DAYS = 7  # a lead's weekday or date of the news it restates


def lead_date(art: Article, act: tuple[str, str]) -> DateMention | None:
    """The day a lead sentence gives a headline's act (type, kind) the headline leaves undated.

    News restates its headline in its first sentence, in other words ("Ukraine minerals pact
    signed" / "officials on Wednesday put their names to a deal"), or tells another act of the
    same news ("Deal signed" / "The pact, signed on Wednesday, sets up a fund"). Only when the
    body tells no act of its own of that type (_body_tells: that act is the headline's and
    carries its own day) and the lead fixes one day of the week before publication (its tense
    resolved the day: a day to come is no report of the act; a start to come beside it, "from
    March 10", is no rival).
    """
    sentences = art.sentences
    if len(sentences) < 2 or sentences[0].start != 0 or _body_tells(art, act):
        return None
    days = [d for d in art.dates(1) if d.precision == "day" and not d.vague and not d.bound
            and 0 <= (art.pub - d.start).days <= _LEAD_REACH_DAYS]
    return days[0] if len(days) == 1 else None


# A lead whose subject proposes the act, its verb finite early in the sentence ("The European
# Commission on Thursday proposed rules under which ...", "put forward a regulation"), not the
# adjective ("the proposed rules") nor a later clause's.
_LEAD_PROPOSES = re.compile(r"^[^,;:]{0,80}?(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )"
                            r"\b(?:proposed|put forward)\s+(?:an?|the|its|new|draft|[\w-]+\s+rules|rules|laws?)\b")


def lead_proposes(art: Article, act: tuple[str, str]) -> bool:
    """Whether the lead restates the headline's act (type, kind) as a proposal ("EU unveils
    minerals act" / "The Commission on Thursday proposed rules ..."): the lead's verb is the more
    exact one. Only when the body tells no act of that type (then it speaks for itself)."""
    sentences = art.sentences
    if len(sentences) < 2 or sentences[0].start != 0 or _body_tells(art, act):
        return False
    low = sentences[1].text.lower()
    return ("proposed" in low or "put forward" in low) and _LEAD_PROPOSES.search(low) is not None


def _body_tells(art: Article, act: tuple[str, str]) -> bool:
    """Whether a trigger after the headline is of the act's kind and type; for a meeting, of
    any meeting's, as talks and a summit may be one occasion."""
    type_id, kind = act
    return any(k == kind and (k == "meeting" or t == type_id)
               for si, found in art.triggers.items() if si > 0 for _t0, _t1, k, t in found)


def meeting_date(si: int, art: Article) -> DateMention | None:
    """The date of the meeting another sentence names with one date ("Military chiefs to
    discuss the crisis Thursday" / "The meeting was rescheduled ..."): an article keeps to
    one meeting, and the undated mention at si is it. The nearest earlier such sentence, else
    the nearest later one."""
    for other in sorted((s for s in art.triggers if s != si), key=lambda s: (s > si, abs(s - si))):
        if not any(k == "meeting" for _t0, _t1, k, _t in art.triggers[other]):
            continue
        ds = [d for d in art.dates(other) if not d.reporting and not d.vague and not d.bound]
        if len(ds) == 1:
            return ds[0]
    return None
