"""The fact a report's own text gives the duplicate model: the words of its narrative (a
registry case's ``narrative``; VAERS SYMPTOM_TEXT, the store's ``reports.narrative``),
both as :func:`~dermavigil.duplicates.features.narrative_words`.

A follow-up or a resubmission of a report repeats its text while its coded reactions may
all change (a recoding: "injection site hypersensitivity" for "injection site erythema"),
so alike texts are evidence of one case that the reaction terms no longer give; the
literature names the narrative among the facts duplicates share (Norén et al. 2007,
vigiMatch, Data Min Knowl Disc 14:305-328; Kreimeyer et al. 2017, Drug Saf 40:571-582,
who compare VAERS narratives). But a sender filing the patients of one clinic session
copies one text into each patient's report and files them together, so between two
reports received within a week alike texts are held at no evidence (the chain rule
applied to the day of receipt, as :data:`~dermavigil.duplicates.model.LOT_SAME_SESSION`
applies it to the day of the event). Figures: ``bench/vaers_links.py``.
"""

from __future__ import annotations

from dermavigil.duplicates.levels import Fact
from dermavigil.duplicates.levels import else_level as _else
from dermavigil.duplicates.levels import fact as _fact
from dermavigil.duplicates.pair_conditions import both, jaccard_at_least

__all__ = [
    "BATCH_DAYS",
    "NARRATIVE_ALIKE",
    "NARRATIVE_MIN_WORDS",
    "NARRATIVE_SAME_DAY",
    "narrative_fact",
]

NARRATIVE_MIN_WORDS = 10
"""Fewest words in common for two texts to be alike: a text of a few words ("no adverse
event") is written alike for many patients and identifies none."""

NARRATIVE_ALIKE = jaccard_at_least("narrative_words", 0.5, NARRATIVE_MIN_WORDS)
"""Half or more of the words of the two reports' own texts in common (Jaccard), and at least
:data:`NARRATIVE_MIN_WORDS` of them."""

BATCH_DAYS = 7
"""Two reports received this many days apart or less may be one sender's batch."""

NARRATIVE_SAME_DAY = "narratives alike, received within a week (one sender's batch)"
"""The narrative level of two reports received within :data:`BATCH_DAYS` days, held at no
evidence (m = u): a sender filing the patients of one clinic session in one batch copies
one text into each report, so between two reports received together alike texts say
nothing of one patient (VAERS 1990-2006 manufacturer reports: half the words in common in
.06 of the pairs of one vaccine received the same day, .0003 of random pairs; of the
scored pairs under two numbers whose texts are alike 90% were received within a week of
each other, of the links under one number 36%). Received further apart, alike texts are a
case reported again (a follow-up, a resubmission), whatever reaction terms each was coded
with."""

_SAME_BATCH = f"abs(date_diff('day', received_l, received_r)) <= {BATCH_DAYS}"


# fmt: off
def narrative_fact() -> Fact:
    """The narrative fact with its prior ``m``/``u`` (the held level outside the sums)."""
    return _fact(
        "narrative", "the words of the reports' own texts (narratives, VAERS SYMPTOM_TEXT), alike "
        "only as evidence when the two were received more than a week apart",
        "narrative_words", "narrative_words",
        # the days first: the words are compared only for the pairs of one batch
        (NARRATIVE_SAME_DAY, both(_SAME_BATCH, NARRATIVE_ALIKE), 0.05, 0.05, None, True),
        ("narratives alike (half their words in common, ten or more)", NARRATIVE_ALIKE,
         0.35, 0.001),
        _else(0.65, 0.999),
    )
# fmt: on
