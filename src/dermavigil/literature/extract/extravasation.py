"""An extravasation that is all a case report tells of its patient: the reaction.

``docs/annotation.md`` (r8xx decisions): "Extravasation" is a reaction only when it is all
the text reports (r864). When the patient's sentences name no other reaction, an
extravasation they tell as present (not negated, not hypothetical) is kept as the case's
reaction, in the text's words ("extravasation of epirubicin", "iron extravasation"); the HPO
has no term for it, so it stays uncoded and is compared as worded.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.reaction_facts import ReactionFacts
from dermavigil.literature.extract.sentences import Sentence

_EXTRAVASATION = re.compile(
    r"(?<![\w-])(?:[a-z]+\s+)?extravasation(?:\s+injur(?:y|ies))?(?![\w-])", re.I
)
_NOT_A_NAME = re.compile(r"(?:an?|the|this|of|with|after|following|and|or|to|by|from|for)", re.I)


def lone_extravasation(patient: list[Sentence]) -> ReactionFacts | None:
    """The first extravasation the patient sentences tell as present, as a reaction."""
    for sentence in patient:
        for match in _EXTRAVASATION.finditer(sentence.text):
            start, end = match.span()
            first = sentence.text[start:end].split()[0]
            if _NOT_A_NAME.fullmatch(first):
                start += len(first) + 1
            if assertion(sentence.text, start, end) is not Assertion.present:
                continue
            verbatim = sentence.text[start:end]
            return ReactionFacts(
                verbatim=verbatim[0].lower() + verbatim[1:],
                codes=[],
                sentence=sentence.index,
                spans={"verbatim": [(sentence.start + start, sentence.start + end)]},
            )
    return None
