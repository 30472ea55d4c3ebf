"""Sentences that state no seriousness criterion of this patient, whatever words they hold.

- a definition of seriousness ("An event is serious (FDA MedWatch definition) when the
  patient outcome is: death, life-threatening, ...") and the short bulleted lines listing the
  criteria after it (``docs/annotation.md``: a criterion must be stated of the patient);
- a line of index terms ("Keywords: ...; Amputation"), or the label on a line of its own
  and the terms on the next: what the article is filed under (as :mod:`.products` reads
  them for a product, ``docs/annotation.md``: reactions are what happened to this patient).

Used by :mod:`.seriousness` and :mod:`.outcome`.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.sentences import Sentence

_DEFINITION = re.compile(
    r"\b(?:is|are) (?:considered |defined as )?serious\b[^.;]{0,60}?\b(?:when|if)\b"
    r"|\b(?:MedWatch|ICH E2A) definition\b",
    re.I,
)
"""'An event is serious (FDA MedWatch definition) when the patient outcome is: death,
life-threatening, ...': the criteria listed as a definition (in its sentence or as the short
bulleted lines after it, :data:`_BULLET`), none of them this patient's."""
_BULLET = re.compile(r"\s*[\u2022*\u2013-]")


_INDEX_LABEL = re.compile(r"\W*(?:key\s?words?|mesh(?: terms)?|index terms)\b\W*", re.I)
"""'KEYWORDS: Necrotic ulcer, ...; Amputation', or the label on a line of its own with the
terms on the next: what the article is filed under, not what happened to this patient."""


def index_terms(sentences: list[Sentence]) -> set[int]:
    """The indices of the sentences that are lines of index terms (:data:`_INDEX_LABEL`)."""
    out: set[int] = set()
    labelled = False
    for sentence in sentences:
        label = _INDEX_LABEL.match(sentence.text)
        if label or (labelled and sentence.index - 1 in out):
            out.add(sentence.index)
        labelled = bool(label and label.end() == len(sentence.text))
    return out


def definitions(sentences: list[Sentence]) -> set[int]:
    """The indices of the sentences that define seriousness (:data:`_DEFINITION`) and of the
    short bulleted lines that list its criteria after them."""
    out: set[int] = set()
    listed = False
    for sentence in sentences:
        listed = bool(
            _DEFINITION.search(sentence.text)
            or (listed and len(sentence.text) < 80 and _BULLET.match(sentence.text))
        )
        if listed:
            out.add(sentence.index)
    return out
