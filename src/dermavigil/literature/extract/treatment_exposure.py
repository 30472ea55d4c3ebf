"""The exposure a case report's title names, found again as a treatment name in the body.

A case report's title names its cause after a causal preposition ("Cellulitis ... after
acupuncture", "lipodystrophy secondary to somatrogon therapy", "Digital Necrosis After
Lidocaine and Epinephrine Injection"): what the title gives as the cause is the exposure,
and the same name in the body ("after finishing an acupuncture treatment session",
"switching to weekly somatrogon therapy") is that exposure told again, not a treatment of the
reaction (docs/annotation.md, ``treatments``: what was given or done *for the reaction*;
needle procedures are the suspect of the w0xx decisions). A title that names its treatment
("... treated with ...", :data:`.treatment_cues.TITLE_CUE`) is read by the treatment finder
itself.
"""

from __future__ import annotations

import re

_CAUSE = re.compile(
    r"\b(?:after|following|due to|secondary to|caused by|induced by|associated with|related to)"
    r"\s+(?P<cause>[^:;.?!]+?)(?=\s*(?:$|[:;.?!(]|\b(?:in|at|of) (?:an?|the|\d)"
    r"|\b(?:with(?:out)?|using|by|via|through)\b"
    r"|\bin (?:\w+ )?(?:patients?|wom[ae]n|m[ae]n|child)))",
    re.I,
)
"""A title's causal preposition and what follows up to a colon, a bracket, the means of a
treatment ("with", "without", "using", "by") or the patient ("in a 30-year-old woman")."""
_TAIL = re.compile(
    r"(?:\s+(?:therapy|treatment|session|sessions|injections?|procedures?|administration))+$", re.I
)
"""A procedure noun after a name ("acupuncture treatment", "somatrogon therapy")."""


def title_causes(title: str) -> list[str]:
    """The causes a title names after a causal preposition, lower case."""
    return [m.group("cause").lower() for m in _CAUSE.finditer(title)]


def names_the_exposure(name: str, causes: list[str]) -> bool:
    """Whether a treatment name, without a procedure noun after it, is one the title gives as
    the cause ("acupuncture treatment" for a title "... after acupuncture")."""
    core = _TAIL.sub("", name.strip()).lower()
    if len(core) < 4:
        return False
    return any(re.search(rf"(?<!\w){re.escape(core)}(?!\w)", cause) for cause in causes)
