"""A lost function told by its verb as a reaction: "unable to walk", "difficulty closing the eye".

Beside a deficit named by a quality of decrease before the function's noun
(:mod:`.deficit_phrases`: "limited abduction"), a case report tells a lost motion of the body
by the noun, adjective or modal of inability or difficulty before the function's verb
("inability to stand", "she was unable to close her left eyelid", "he could not walk",
"difficulty in walking", "trouble chewing"), as the HPO names some of them ("Inability to
walk", "Difficulty swallowing"). The verbs are the HPO's own
(:func:`~dermavigil.terminology.function_verbs.function_verbs`), so that "unable to find a
report" or "difficulty obtaining consent" tell no deficit; the phrase keeps the body part the
verb moves when a determiner or a possessive brings it ("her left eyelid"). Whether it is
this patient's reaction is decided as for every mention
(:mod:`.reactions`: negation, history, sentence roles).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.terminology.function_verbs import function_verbs, verb_stem

Span = tuple[int, int]

_INABILITY = re.compile(
    r"(?<![\w-])(?:(?:inability|unable|not able)\s+to|could\s+not|cannot|couldn['\u2019]t"
    r"|(?:difficulty|difficulties|trouble)"
    r"(?:\s+(?:in|with))?)\s+(?P<verb>[A-Za-z]+)(?![\w-])",
    re.I,
)
"""The noun or adjective of inability or difficulty and the verb after it."""
_OBJECT = re.compile(
    r"\s+(?:the|her|his|their|its|both)\s+(?P<w1>[A-Za-z]+)(?![\w-])"
    r"(?:\s+(?P<w2>[A-Za-z]+)(?![\w-]))?",
    re.I,
)
"""The body part the verb moves, brought by a determiner or a possessive ("her left eye")."""
_NOT_A_NOUN = re.compile(
    r"a|an|the|of|and|or|to|in|on|at|by|for|with|without|from|no|not|was|were|is|are|had|has"
    r"|have|due|because|since|until|after|before|despite|again|well|one|two|three|four|five"
    r"|[a-z]+ly|[a-z]+ed|[a-z]+ing",
    re.I,
)
"""Closed-class words, numerals, adverbs and verb forms: no word of the body part's name."""


def verbal_deficits(text: str, taken: Sequence[Span]) -> list[Span]:
    """The spans of the lost functions told by their verb in ``text`` (module docstring) that
    no span of ``taken`` overlaps."""
    verbs = function_verbs()
    found: list[Span] = []
    for phrase in _INABILITY.finditer(text):
        verb = phrase.group("verb")
        to_form = not phrase.group(0).lower().startswith(("difficult", "trouble"))  # base form
        if verb_stem(verb) not in verbs or to_form == verb.lower().endswith("ing"):
            continue
        end = phrase.end()
        body_part = _OBJECT.match(text, end)
        for group in ("w1", "w2"):  # the body part's words, up to the first that is none
            if body_part is None or not body_part.group(group):
                break
            if _NOT_A_NOUN.fullmatch(body_part.group(group)):
                break
            end = body_part.end(group)
        span = (phrase.start(), end)
        if not any(span[0] < e and s < span[1] for s, e in taken):
            found.append(span)
    return found
