"""A drug that replaced the suspect, or that the suspect replaced: no treatment of the reaction.

Switching the suspect for another drug is a dechallenge, not a treatment, and switching to
another drug of the class is neither (docs/annotation.md, the r8xx and t0xx decisions: r869):
the drug is the same therapy of the underlying disease continued by another product. Two
wordings tell a switch without the word "switch" before the new drug, which
:data:`.treatment_cues.NOT_GIVEN_BEFORE` reads:

- the suspect stopped earlier in the sentence, then the new drug started ("Enoxaparin was
  stopped and she was started on oral heparin", "Discontinuation of X resulted in ..., and
  the patient was started on apixaban"): the new drug is introduced by a verb of starting,
  not of treating (a drug "treated with" after the stop still treats);
- the drug named before a switch to the suspect ("Initially treated with daily somatropin,
  but ... switching to weekly somatrogon", "failed infliximab and was switched to
  adalimumab", "lenograstim was replaced by pegfilgrastim", "the transition from IVIg to
  SCIg"): the therapy the suspect replaced.
"""

from __future__ import annotations

import re

_STOPPED = re.compile(
    r"\b(?:stopped|discontinu\w*|withdrawn|withdrawal|ceased|cessation|halted|suspended"
    r"|interrupted)\b",
    re.I,
)
"""The suspect stopped (the verb or its noun)."""
_STARTED_ON = re.compile(
    r"\b(?:started|initiated|commenced|placed|put|switched|changed|converted|transitioned)"
    r" (?:on|to|with) (?:[\w-]+ ){0,4}$",
    re.I,
)
"""A verb of starting right before the name, at most four words between ("started on novel
oral anticoagulation with ")."""
_TO_THE_SUSPECT = re.compile(
    r"\b(?:switch\w*|chang\w*|convert\w*|transition\w*)\b(?: \w+){0,3}? to "
    r"|\breplaced (?:\w+ )?(?:by|with) "
    r"|\btransition\w* from\b[^.;]{0,40}? to ",
    re.I,
)
"""A switch to what follows ("switching to", "was switched to", "replaced by", "the
transition from IVIg to")."""


def _names_a_suspect(text: str, suspects: frozenset[str]) -> bool:
    return any(
        len(name) > 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I)
        for name in suspects
    )


def replaces_the_suspect(text: str, start: int, end: int, suspects: frozenset[str]) -> bool:
    """Whether the drug at ``text[start:end]`` (a sentence) took the suspect's place or had
    its place taken by the suspect (see the module docstring)."""
    before = text[:start]
    stop = _STOPPED.search(before)
    if stop and _STARTED_ON.search(before) and _names_a_suspect(before, suspects):
        return True
    after = text[end:]
    switch = _TO_THE_SUSPECT.search(after[:120])
    return bool(switch) and _names_a_suspect(after[switch.end() : switch.end() + 60], suspects)
