"""A definite noun phrase that refers back to the syndrome the text has just named.

Case reports introduce the diagnosis in a background sentence and then report the patient
with an anaphoric phrase: "Nicolau syndrome is a rare ... reaction. We report a case of
this syndrome." The referent of "this syndrome" is the closest eponymous syndrome named
before it, the most recent compatible antecedent of the simple salience-based resolvers
(Lappin S, Leass HJ 1994, "An algorithm for pronominal anaphora resolution", Comput
Linguist 20(4):535-561; for definite noun phrases in clinical text, the i2b2/VA 2011
coreference task, Uzuner O et al. 2012, JAMIA 19(5):786-791).
"""

from __future__ import annotations

import re

Span = tuple[int, int]

_REFERENCE = re.compile(r"(?<![\w-])(?:this|that|the same) (?:rare )?syndrome(?![\w-])", re.I)
_SYNDROME = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:['\u2019]s)? syndrome(?![\w-])")
"""An eponymous syndrome ("Nicolau syndrome", "Volkmann's syndrome")."""


def syndrome_references(text: str) -> dict[str, tuple[str, Span]]:
    """Each anaphoric phrase ("this syndrome") -> the closest eponymous syndrome named before
    its first occurrence, with that name's span (the form :func:`.mentions.mentions` reads
    for a short form)."""
    found: dict[str, tuple[str, Span]] = {}
    for reference in _REFERENCE.finditer(text):
        phrase = reference.group(0)
        if phrase in found:
            continue
        named = list(_SYNDROME.finditer(text, 0, reference.start()))
        if named:
            found[phrase] = (named[-1].group(0), named[-1].span())
    return found
