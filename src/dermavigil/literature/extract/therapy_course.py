"""A course of a drug named as what the reaction followed: the exposure, not a treatment.

"Treated with X" before a name says X was given for the reaction (docs/annotation.md:
treatments are never suspects), but "after one-year treatment with deep subcutaneous
injections of X" or "following verruca vulgaris treatment with intralesional X" names the
course of X the reaction followed: the suspect. An improvement told around it ("resolved
after treatment with X", "After treatment with X, the plaques resolved") keeps X a
treatment. Pure: the words before and after the name in, a yes or no out.
"""

from __future__ import annotations

import re

_AFTER_THERAPY = re.compile(
    r"\b(?:after|following|during)\s+(?:(?:an?|one|two|three|four|five|six|\d+)[\w-]*\s+"
    r"(?:(?:years?|months?|weeks?|days?)\s+(?:of\s+)?)?|(?:[\w-]+\s+){1,3}?)?(?:treatment|therapy)"
    r"\s+with\s+(?:[\w-]+\s+){0,4}$",
    re.I,
)
"""Just before the name: a course of it the reaction came after ("after one-year treatment
with", "following verruca vulgaris treatment with intralesional")."""
_IMPROVED = re.compile(
    r"\b(?:resol\w*|improv\w*|subsid\w*|disappear\w*|recover\w*|regress\w*|heal\w*|reliev\w*"
    r"|relief|clear\w*|better)\b",
    re.I,
)
"""Words of an improvement: what came before them treated the reaction."""


def course_before(before: str, after: str = "") -> bool:
    """Whether a course of the drug the reaction followed is named just before it, in a
    sentence that tells no improvement around it (its clause before the course, its clause
    after the name)."""
    course = _AFTER_THERAPY.search(before)
    if not course:
        return False
    lead = re.split(r"[;:]", before[: course.start()])[-1]
    return not (_IMPROVED.search(lead) or _IMPROVED.search(re.split(r"[;:]", after)[0]))
