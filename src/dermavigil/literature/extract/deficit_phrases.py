"""A lost or lessened function as a reaction: "limited abduction", "loss of sensation".

A case report names the deficit a reaction left as the HPO names its deficits: a quality of
decrease before the function's noun ("restricted knee flexion", "impaired consciousness",
"reduced range of movement") or a noun of that quality with "of" or "in" ("limitation of
movement", "reduction in range of motion"), and after it ("ocular movements limitation").
Few such phrases are HPO names word for word; the phrase is read by its grammar: the quality
(the PATO qualities of decrease of :data:`~dermavigil.terminology.function_heads.DEFICITS`),
at most :data:`MODIFIERS` words that say whose function it is ("orbicularis oris muscle",
"pupillary light"), the function's head noun read off the HPO's own names of deficits
(:func:`~dermavigil.terminology.function_heads.function_heads`, and the circulation's
perfusion and capillary refill, :data:`CIRCULATION`) and an "of" phrase after it
("range *of motion*"). The quality itself says the function is abnormal, as the index's
names do ("decreased range of motion" is a phenotype wherever it stands): whether it is this
patient's reaction is decided as for every mention (:mod:`.reactions`: negation, history,
sentence roles).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.terminology.function_heads import function_heads
from dermavigil.terminology.normalize import normalize

Span = tuple[int, int]

CIRCULATION = frozenset({"perfusion", "refill"})
"""The functions of the peripheral circulation a case report examines (the perfusion of a
digit, its capillary refill), whose loss the HPO names under no quality of decrease, so that
they are no function head read off its names; "poor capillary refill" and "decreased
perfusion" tell the vascular compromise of an injection as "absent pulse" does."""
MODIFIERS = 3
"""Words between the quality and the function's head a phrase takes at most."""
_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:reduced|decreased|diminished|impaired|limited|restricted|poor|absent"
    r"|lost)\s+|(?:loss|lack|limitation|restriction|reduction|decrease|impairment|difficulty)"
    r"\s+(?:of|in|with)\s+(?:(?:the|his|her|their)\s+)?)",
    re.I,
)
"""A quality of decrease before the function: an adjective, or its noun with "of", "in" or
"with" ("difficulty with active range of motion")."""
_AFTER = re.compile(r"\s+(?:limitation|restriction|impairment|loss)(?![\w-])", re.I)
"""A noun of the quality after the function ("ocular movements limitation")."""
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_NOT_A_MODIFIER = re.compile(
    r"a|an|the|of|and|or|to|in|on|at|by|for|with|from|no|not|was|were|is|are|had|has|have"
    r"|her|his|their|its|this|that|which|[a-z]+ly|[a-z]+ed|[a-z]+ing",
    re.I,
)
"""Closed-class words, adverbs and verb forms: no word of the function's name."""
_OF = re.compile(r"\s+of\s+(?:the\s+)?(?P<noun>[A-Za-z]+)(?![\w-])", re.I)
_TO = re.compile(r"\s+to\b", re.I)
"""A function told with what it answers or serves ("a poor response to steroids", "limited
ability to ..."): the result of a treatment or a test, or a deficit named by its verb, which
the phrase does not hold."""


def deficit_phrases(text: str, taken: Sequence[Span]) -> list[Span]:
    """The spans of the deficit phrases of ``text`` (module docstring) that no span of
    ``taken`` overlaps."""
    heads = function_heads() | CIRCULATION
    found: list[Span] = []
    for quality in _BEFORE.finditer(text):
        end = _head_end(text, quality.end(), heads)
        if end is not None:
            found.append((quality.start(), end))
    words = list(_WORD.finditer(text))
    for i, word in enumerate(words):
        after = _AFTER.match(text, word.end())
        if after is None or normalize(word.group(0)) not in heads:
            continue
        start = word.start()
        for before in reversed(words[max(0, i - MODIFIERS) : i]):
            if text[before.end() : start].strip() or _NOT_A_MODIFIER.fullmatch(before.group(0)):
                break
            start = before.start()
        found.append((start, after.end()))
    return [
        span
        for span in sorted(set(found))
        if not any(span[0] < e and s < span[1] for s, e in taken)
        and not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in found)
    ]


def _head_end(text: str, at: int, heads: frozenset[str]) -> int | None:
    """Where the phrase ends when a function's head comes within :data:`MODIFIERS` words
    after ``at`` (with the "of" phrase after it, "range of motion"), else None."""
    for count, word in enumerate(_WORD.finditer(text, at)):
        if count > MODIFIERS or text[at : word.start()].strip():
            return None
        if normalize(word.group(0)) in heads:
            if _TO.match(text, word.end()):
                return None
            of = _OF.match(text, word.end())
            if of is not None and normalize(of.group("noun")) in heads:
                return of.end()
            return word.end()
        if _NOT_A_MODIFIER.fullmatch(word.group(0)):
            return None
        at = word.end()
    return None
