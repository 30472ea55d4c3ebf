"""Names of a treatment that a sentence tells as not given to the patient.

Two facts of English usage, not of any one text: a name after "instead of", "rather than"
or "in place of" is the alternative set aside, not what was done ("an orbitotomy was used
instead of a hyaluronidase injection"; the complement of a substitutive preposition is the
replaced item, Huddleston & Pullum, *The Cambridge Grammar of the English Language*, 2002,
ch. 7); and a substance's name as the modifier of a measurement noun names a laboratory
quantity, not a drug given ("prothrombin time", "insulin level", "vancomycin trough
concentration": the LOINC component-property pattern, McDonald et al., "LOINC, a universal
standard for identifying laboratory observations", Clin Chem 49, 2003).
"""

from __future__ import annotations

import re

__all__ = ["not_given"]

_SET_ASIDE = re.compile(
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|in\s+lieu\s+of)"
    r"(?:\s+[\w-]+){0,3}\s*$",
    re.I,
)
"""A substitutive preposition up to three words before the name, in its clause ("instead of
a hyaluronidase injection", "rather than dissolved with hyaluronidase")."""

_MEASURED = re.compile(
    r"\s*(?:\(\w+\)\s*)?(?:trough\s+|serum\s+|plasma\s+|blood\s+)?"
    r"(?:time|levels?|concentrations?|titers?|titres?|assays?)\b",
    re.I,
)
"""A measurement noun right after the name ("prothrombin time", "heparin (anti-Xa) level")."""


def not_given(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` is an alternative set aside or a measured quantity."""
    return bool(_SET_ASIDE.search(text, 0, start) or _MEASURED.match(text, end))
