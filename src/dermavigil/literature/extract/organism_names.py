"""Organisms named in a text, and an infection named with its organism.

A Latin binomial name (genus capitalised, species epithet: "Mycobacterium abscessus"), an
abbreviated genus ("M. abscessus"), the adjective of a genus or a kind of agent
("staphylococcal", "non-tuberculous mycobacterial", "fungal") and the usual short forms (NTM,
MRSA): :data:`ORGANISM`; an infection the organism names is one mention with it
(:func:`organism_span`).
"""

from __future__ import annotations

import re

_GENUS = r"[A-Z][a-z]{3,}(?:um|us|as|ia|a|er|es|on|myces)"
_SPECIES = r"[A-Za-z][a-z]{2,}(?:us|um|is|ae|ii|i|ans|ens|es|a|oides)(?:\s+complex)?"
_ORGANISM = (
    rf"(?:{_GENUS}\s+{_SPECIES}|[A-Z]\.\s?[a-z]{{3,}}|NTM|MRSA|MSSA"
    r"|(?i:(?:(?:non-?tuberculous|atypical|rapidly[- ]growing|gram-(?:positive|negative))\s+)?"
    r"[a-z]*(?:bacterial|coccal|fungal|mycotic|candidal|monal|microbial|mycobacteri(?:a|um))))"
    r"(?:\s*\([A-Z]{2,5}\))?"
)
BINOMIAL = re.compile(rf"{_GENUS}\s+{_SPECIES}(?![\w-])")
"""A Latin binomial name (genus, species epithet) at the start of a text."""
ORGANISM = re.compile(rf"(?<![\w-])(?:{_ORGANISM})(?![\w-])")
"""An organism named in a text (a binomial, an abbreviated genus, a genus adjective)."""
_ORGANISM_BEFORE = re.compile(rf"(?<![\w-])(?:{_ORGANISM})\s+$")
INFECTED = re.compile(
    r"(?<![\w-])(?:infections?|abscess(?:es)?|bacter(?:a)?emia|sepsis|cellulitis|osteomyelitis"
    r"|fasciitis|lymphadenitis|disease|granulomas?|mycobacterios[ie]s)$",
    re.I,
)
"""A text ending with a disease an organism causes: the organism named before it is part of
its name."""
_ORGANISM_AFTER = re.compile(
    rf"\s+(?:with|by|due to|caused by)\s+(?:an?\s+|the\s+)?(?:{_ORGANISM})(?![\w-])"
)


def organism_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the mention ``text[start:end]`` with the organism that names its infection,
    before it ("Mycobacterium abscessus infection", "Staphylococcus epidermidis bacteremia",
    "non-tuberculous mycobacterial infection") or after it ("infection with M. abscessus");
    the mention's own span when it names no infection or no organism."""
    if not INFECTED.search(text, start, end):
        return start, end
    before = _ORGANISM_BEFORE.search(text, max(0, start - 80), start)
    after = _ORGANISM_AFTER.match(text, end)
    return (before.start() if before else start), (after.end() if after else end)


_PATHOGEN_BEFORE = re.compile(
    r"\b(?:caused by|due to|secondary to|infection (?:with|by)|growth of|grew|isolated|positive"
    r" for|cultured?|cultures? (?:of|yielded|showed|revealed))\s+(?:an?\s+|the\s+)?$",
    re.I,
)
_PREPARATION_AFTER = re.compile(
    r"^\s*(?:\([^)]{0,12}\)\s*)?(?:antigens?|extracts?|skin tests?|injections?|immunotherapy"
    r"|vaccines?)\b",
    re.I,
)


def named_as_pathogen(before: str, name: str, after: str) -> bool:
    """Whether a Latin binomial that is also a drug name ("Candida albicans", the skin-test
    antigen) is named as the organism an infection grew from ("septic arthritis caused by
    Candida albicans", "cultures grew ...") rather than as a preparation given ("Candida
    albicans antigen injections"): the pathogen of the reaction, never its suspect."""
    return bool(
        BINOMIAL.fullmatch(name)
        and _PATHOGEN_BEFORE.search(before)
        and not _PREPARATION_AFTER.match(after)
    )
