"""A series' facts stated for a group of its patients: reactions and seriousness.

A series abstract often singles out no patient ("Five patients presented with granuloma
formation after ...", "Complications included hematomas, infection, nodule formation"): its
sentences that count this report's patients tell the series' reactions
(:func:`with_groups`), outside a discussion or conclusion and not about the literature.

``docs/annotation.md``: a series is ``serious`` when the text states a criterion (ICH E2A)
for any of its patients. A series abstract tells them for a counted group, not for a
patient it singles out: "Three patients required surgical excision", "seven women fell ill;
four were hospitalized", "17 patients who underwent perilesional surgical excision", "23 of
24 cases underwent surgery", "five cases of granulomas that required extensive surgical
excision". The criteria are those of :func:`.seriousness.find_seriousness`, asserted and
not hypothetical, read from the sentences that count patients outside a background,
discussion or conclusion section. An excision counts as the text states it: the rule that
ties an excision to a stated resolution (r7xx decisions) is for one patient's narrative,
and a series rarely tells each patient's resolution.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.numbers import NUMBER_WORDS
from dermavigil.literature.extract.outcome import OutcomeFacts
from dermavigil.literature.extract.relevance import generic_section, literature_statement
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.series_cue import find_series
from dermavigil.literature.extract.seriousness import find_seriousness

_GROUP = re.compile(
    rf"\b(?:{NUMBER_WORDS})\s+(?:of\s+(?:the\s+|these\s+|them\b|our\s+|\d+\b)\s*)?(?:[\w-]+\s+){{0,3}}?"
    r"(?:patients|cases|women|men|children|girls|boys|subjects|individuals|victims|clients)\b"
    rf"|\b(?:{NUMBER_WORDS})\s+(?:of\s+(?:them|these|the\s+\w+))?\s*(?:were|was|had|required"
    r"|underwent|needed|died)\b"
    r"|\b(?:all|both|the (?:other|remaining))\s+(?:patients?|cases?)\b"
    r"|\b(?:in|of) (?:selected|some|several|many|most|certain|a few) (?:patients|cases)\b"
    r"|\bthe (?:first|second|third) (?:patient|case)\b",
    re.I,
)
"""A sentence that speaks of a counted group of the series' patients (or of an uncounted part
of them: "surgical resections were indicated in selected cases")."""
_SUMMED = re.compile(
    r"(?:^|:)\s*(?:the )?(?:complications|adverse (?:events|reactions)|reactions) included\b",
    re.I,
)
"""'Complications included hematomas, infection, ...': the series' events summed up."""


def add_group_seriousness(outcome: OutcomeFacts, sentences: list[Sentence]) -> None:
    """Add to ``outcome`` the criteria a series states for a group of its patients."""
    group = [
        s
        for s in sentences
        if s.section != "title"
        and not generic_section(s.section)
        and (m := _GROUP.search(s.text))
        and not literature_statement(s.text, *m.span())
    ]
    criteria, spans = find_seriousness(group)
    for criterion, span in zip(criteria, spans, strict=True):
        if criterion not in outcome.seriousness:
            outcome.seriousness.append(criterion)
            outcome.spans.setdefault("seriousness", []).append(span)


_AFTER_CASES = frozenset({"discussion", "conclusion", "conclusions", "lessons"})
_TOLD = re.compile(
    r"\b(?:presented|developed|experienced|had|showed|suffered|included|complicated|were"
    r" (?:diagnosed|seen|treated|admitted|referred)|underwent|required|reports?|describes?)\b",
    re.I,
)
"""A group sentence that tells what happened (not only how many were studied)."""


def with_groups(told: list[Sentence], sentences: list[Sentence]) -> list[Sentence]:
    """``told`` and, in a series, the sentences that count its patients or sum its events
    up ("Complications included ...") and tell what happened, in text order."""
    if find_series(sentences) is None:
        return told
    have = {s.index for s in told}
    extra = [
        s
        for s in sentences
        if s.index not in have
        and s.section != "title"
        and s.section not in _AFTER_CASES
        and _TOLD.search(s.text)
        and ((m := _GROUP.search(s.text)) or _SUMMED.search(s.text))
        and not literature_statement(s.text, *(m.span() if m else (0, len(s.text))))
    ]
    return sorted([*told, *extra], key=lambda s: s.index) if extra else told
