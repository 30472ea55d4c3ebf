"""A series counted by what its patients all received: a cohort defined by its exposure.

A study counts its patients either by their reaction ("30 patients with vascular
compromise") or by what was done to them all ("208 patients received 4,369 injections", "a
total of 400 patients were studied"): a cohort defined by its exposure or its enrolment,
whose reactions are told as rates or subgroups. ``docs/annotation.md`` (kinds): a trial or a
cohort reporting its reactions in aggregate is no case series. The clause holding the count
says which (a clause ends at a full stop, a semicolon, a colon or a line break outside
parentheses). Used by the screening (:mod:`dermavigil.literature.screen_series`) and by the
reading of a series' results sentences (:mod:`.series_facts`).
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

_CLAUSE_END = re.compile(r"[.;:](?=\s|$)|\n")
"""A clause ends at a full stop, semicolon or colon before a space (not the point of "2.1%"),
or at a line break (a heading, a section label)."""


_ASIDE = re.compile(r"\([^()\n]*\)")
"""A parenthesis ("30 patients (28 females; mean age, 35 years) with ..."): its stops and
semicolons end no clause."""
EXPOSED = re.compile(
    r"(?<!\bwho )(?<!\bthat )(?<!\bwhich )\b(?:received|underwent|were (?:\w+ )?(?:given"
    r"|administered|injected|treated|enrolled|included|studied|randomi[sz]ed|recruited|followed"
    r"|vaccinated|immuni[sz]ed|evaluated|assessed|surveyed))\b",
    re.I,
)
"""The counted patients are the subject of what was done to them all ("208 patients received
4,369 injections", "a total of 400 patients were studied"): a cohort defined by its exposure
or its enrolment; a relative clause ("12 patients who received the vaccine") only says where
patients counted by their reaction came from."""


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause of ``text`` around ``text[start:end]``."""
    masked = _ASIDE.sub(lambda m: " " * len(m.group(0)), text)
    left = max((m.end() for m in _CLAUSE_END.finditer(masked, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_END.finditer(masked, end)), len(text))
    return left, right


def exposed_count(sentences: list[Sentence], found: tuple[int | None, Span] | None) -> bool:
    """The series cue ``found`` (:func:`.series_cue.find_series`) counts patients by what they
    all received (:data:`EXPOSED` in the clause after the count)."""
    if found is None:
        return False
    start, end = found[1]
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            a, b = start - sentence.start, end - sentence.start
            right = clause_bounds(sentence.text, a, b)[1]
            return EXPOSED.search(sentence.text, b, right) is not None
    return False
