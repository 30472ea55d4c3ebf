"""A treatment named with the condition it was given for, when that condition is not the reaction.

A treatment's indication is its "for" or "of" complement: "treated for sepsis with
cefuroxime", "the treatment of lupus with hydroxychloroquine", "calcipotriol in the treatment
of psoriasis", "isotretinoin for acne" (a noun or verb of treating takes what is treated as
its prepositional complement, and "for" of purpose names what a drug is given for). When
the indication names a condition (an HPO phenotype or a Disease Ontology disease) that is
none of the case's reactions, the drug treated another disease of the patient (the indication of the
suspect, a concomitant illness), not the reaction: docs/annotation.md, ``treatments``, what
was given or done *for the reaction*. An indication that speaks of the reaction ("the
nodules", "the complication", "filler-induced necrosis"), overlaps a reaction the case
tells, or names a diagnosis only suspected ("for presumed cellulitis": a treatment given
under a wrong diagnosis of the reaction counts, docs/annotation.md) keeps the treatment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.disease_spans import disease_spans

_END = (
    r"(?=\s*(?:[,;:.()\[\]]|$)|\s+(?:with|by|using|and|or|but|after|before|was|were|which|that"
    r"|in|on|at|since|because|during|from|to|who|when|while|for)\b|\s+(?=\d))"
)
_IND = rf"(?P<ind>[^,;:.()\[\]\d]{{3,80}}?){_END}"
_BEFORE = re.compile(
    rf"\b(?:treat(?:ed|ing|ments?)?|therap(?:y|ies)|manage(?:d|ment))\s+(?:for|of)\s+{_IND}"
    r"[^.;]{0,40}?\b(?:with|by|using)\s+(?:[^.;]{0,120})$",
    re.I,
)
"""The indication between a verb or noun of treating and the "with" that introduces the
treatment ("was treated for psoriasis with oral ...")."""
_AFTER = re.compile(
    rf"^(?:\s+[\w-]+){{0,3}}?\s+(?:(?:in|for) (?:the )?(?:treatment|management|therapy) of"
    rf"|(?:treatments?|therap(?:y|ies)) (?:of|for)|for|to treat)\s+{_IND}",
    re.I,
)
"""The indication right after the treatment's name ("... in the treatment of psoriasis",
"... for acne")."""
_OWN_HEAD = re.compile(r"(?:treatments?|therap(?:y|ies))$", re.I)
_AFTER_HEAD = re.compile(rf"^\s+(?:of|for)\s+{_IND}", re.I)
"""After a name whose head is "treatment" or "therapy": its own complement ("biologic
therapy of psoriasis")."""
_NOT_FUNCTION = r"(?!(?:was|were|is|are|been|being|with|and|or|the|an?|of|for|to|in|on|by)\b)"
_MODIFIER = (
    rf"(?P<ind>(?<![\w-]){_NOT_FUNCTION}[A-Za-z][\w-]*(?:\s+{_NOT_FUNCTION}[A-Za-z][\w-]*){{0,2}})"
)
_BEFORE_HEAD = re.compile(
    rf"{_MODIFIER}\s+(?:(?:treatment|therapy|management)\s+(?:was\s+|were\s+)?(?:\w+\s+)?"
    r"|(?:was\s+|were\s+|being\s+)?(?:treated|managed|controlled)\s+)(?:with|by|using)\s+"
    r"[^.;]{0,60}$",
    re.I,
)
"""The indication as the modifier of "treatment" or the subject of "treated" before the "with"
that introduces the name ("acne treatment was started with ...", "psoriasis treated with
..."): at most three words."""
_OF_THE_REACTION = re.compile(
    r"\b(?:complications?|lesions?|reactions?|adverse|side[ -]effects?|nodules?|wounds?"
    r"|symptoms?|signs?|sites?|areas?|events?|injur(?:y|ies)|induced|related|associated"
    r"|caused|secondary|injections?|fillers?|condition|relief|it|this|them|these|those)\b",
    re.I,
)
"""Words that refer to the reaction, its place or its cause ("for the nodules", "for the
complication", "the treatment of filler-related necrosis"), back to it ("to treat it"), or to
the relief of its symptoms ("for pain relief")."""
_HEDGED = re.compile(
    r"\b(?:suspect\w*|presum\w*|possib\w*|probab\w*|likely|putative|empiric\w*|differential"
    r"|mis\w*|thought|considered|initial\w*|first|wrong\w*)\b",
    re.I,
)
"""A diagnosis only suspected or made first and later revised: the treatment given under it
was given for the reaction (docs/annotation.md, treatments under a wrong diagnosis)."""


def _indications(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    before = _BEFORE.search(text, 0, start)
    if before:
        spans.append(before.span("ind"))
    head = _BEFORE_HEAD.search(text, 0, start)
    if head:
        spans.append(head.span("ind"))
    after = (_AFTER_HEAD if _OWN_HEAD.search(text[start:end]) else _AFTER).match(text[end:])
    if after:
        spans.append((end + after.start("ind"), end + after.end("ind")))
    return spans


def for_another_condition(
    text: str, start: int, end: int, reactions: Sequence[tuple[int, int]]
) -> bool:
    """Whether the treatment at ``text[start:end]`` is told with an indication that names a
    condition other than the case's reactions (``reactions``: their spans in ``text``)."""
    for at, until in _indications(text, start, end):
        phrase = text[at:until]
        if (
            _OF_THE_REACTION.search(phrase)
            or _HEDGED.search(text[max(0, at - 30) : until])
            or any(a < until and at < b for a, b in reactions)
        ):
            continue
        if code_phrase(phrase) or disease_spans(phrase):
            return True
    return False
