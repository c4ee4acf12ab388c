"""What kind of piece a headline heads, when the kind alone says it reports no act.

A review of a film, book, show, album or gadget ("<work> review – <verdict>") tells the work's
story or judges a product: the talks, deals and sanctions it names are the plot's, not news of
a government acting. A review a government holds ("trade policy review", "defence review") is
not a review of a work. A quiz ("... The Saturday quiz", "Quiz: ...") names acts only to ask
about them.
"""

from __future__ import annotations

import re

# "<work> review – <verdict>" (the dash headline of arts and gadget reviews), "<work> review:
# <verdict>", "Review: <work>"; the word before "review" must not make it a government's review.
_REVIEW = re.compile(
    r"(?<!\bpolicy )(?<!\btrade )(?<!\bstrategic )(?<!\bdefence )(?<!\bdefense )(?<!\bsecurity )"
    r"(?<!\bspending )(?<!\bbudget )(?<!\bjudicial )(?<!\bregulatory )(?<!\bsafeguard )"
    r"(?<!\bsunset )(?<!\bexpiry )(?<!\bmid-term )(?<!\bannual )(?<!\bgovernment )"
    r"\breview\s*(?:[–—]|:)\s|^review:\s", re.I)

_QUIZ = re.compile(r"\b(?:quiz|trivia)\W*$|^(?:quiz|trivia)\s*:", re.I)


def reviews_a_work(title: str) -> bool:
    """Whether the headline heads a review of a work or a product, or a quiz (it reports no
    act)."""
    return bool(_REVIEW.search(title) or _QUIZ.search(title))
