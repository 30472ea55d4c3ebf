"""The words that tie what a title or a sentence names to a cause ("Ptosis following ...",
"X-induced necrosis", "a nodule related to filler injection").

One alternation shared by the readers of cause (:mod:`.relevance`, :mod:`.reactions`,
:mod:`.efficacy_report`); each adds the few words its own reading needs. Pure data.
"""

from __future__ import annotations

CAUSE_WORDS = (
    "after|following|induced|caused|due to|secondary to|associated with|related to|complicating"
)
"""A regular-expression alternation (no group, no word boundaries: the user adds them)."""
