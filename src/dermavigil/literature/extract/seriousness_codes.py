"""Seriousness criteria (ICH E2A II.B) that a reaction's HPO code is by itself.

A reaction of this patient (asserted, as :mod:`.reactions` keeps it) coded to an HPO
term under a phenotype that is itself a criterion states it, whatever the wording:
*Stroke* and *Cerebral infarct* (medically important), *Visual loss*, *Blindness* and
*Hemiplegia* (persistent disability), *Coma* and *Respiratory failure* (life-threatening).
The criteria a sentence states in words are read by :mod:`.seriousness`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from dermavigil.domain.vocab import SeriousnessCriterion
from dermavigil.terminology.coder import default_coder

Span = tuple[int, int]

_PHENOTYPES: tuple[tuple[SeriousnessCriterion, tuple[str, ...]], ...] = (
    (
        SeriousnessCriterion.life_threatening,
        # coma, respiratory failure, shock (septic, anaphylactic ...), pulmonary embolism,
        # cardiac and respiratory arrest, status epilepticus, meningitis, anaphylactic shock
        ("HP:0001259", "HP:0002878", "HP:0031273", "HP:0002204", "HP:0001695", "HP:0005943")
        + ("HP:0002133", "HP:0001287", "HP:0100845"),
    ),
    (
        SeriousnessCriterion.disability,
        # visual impairment, retinal arterial occlusion, hemiplegia, hemiplegia/hemiparesis,
        # paralysis, ophthalmoplegia (a paralysis of the eye's muscles), ophthalmoparesis and
        # cranial nerve paralysis (an oculomotor, abducens or facial palsy: a nerve palsy)
        ("HP:0000505", "HP:0025326", "HP:0002301", "HP:0004374", "HP:0003470", "HP:0000602")
        + ("HP:0000597", "HP:0006824"),
    ),
    (
        SeriousnessCriterion.medically_important,
        ("HP:0001297", "HP:0025722", "HP:0002637", "HP:0100806"),  # stroke, infarct, ischemia,
    ),  # sepsis
)
"""HPO phenotypes that are a seriousness criterion by themselves (ICH E2A II.B; the
annotators' reading in docs/annotation.md: stroke, encephalitis, acute respiratory failure
count as life-threatening or disabling, ophthalmoplegia and a nerve palsy as a paralysis, the
r6xx and u0xx decisions)."""


@lru_cache(maxsize=4096)
def _lineage(code: str) -> frozenset[str]:
    """``code`` and its ancestors, from the cached coder tables' ``is_a`` parents."""
    parents = default_coder().tables.parents  # the process's tables, read once
    seen = {code}
    todo = [code]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return frozenset(seen)


def _criteria_of(codes: Iterable[str]) -> set[SeriousnessCriterion]:
    lineage = {a for code in codes for a in _lineage(code)}
    return {criterion for criterion, roots in _PHENOTYPES if lineage.intersection(roots)}


_TRANSIENT = re.compile(r"\b(?:transient|temporary|transitory|fleeting)\b", re.I)
_TRANSIENT_CODES = frozenset({"HP:0002326"})  # transient ischemic attack
_PASSING = frozenset({SeriousnessCriterion.disability, SeriousnessCriterion.medically_important})


def lasting_codes(text: str, spans: list[Span], codes: Iterable[str]) -> list[str]:
    """The codes of a reaction (told first at ``spans[0]`` of ``text``) that may state a
    criterion by themselves. One the text tells as transient ("transient visual loss": the
    word first in it or within the two words before) or that is transient by definition (a transient
    ischemic attack) is no persistent disability and no stroke (ICH E2A II.B;
    docs/annotation.md, the z0xx decisions: a TIA fully recovered is not serious): only its
    life-threatening codes are kept."""
    codes = list(codes)
    start, end = spans[0] if spans else (0, 0)
    told = text[max(0, start - 30) : start].split()[-2:] + text[start:end].split()[:1]
    if not (_TRANSIENT.search(" ".join(told)) or _TRANSIENT_CODES.intersection(codes)):
        return codes
    return [c for c in codes if not _criteria_of([c]) & _PASSING]


def reaction_criteria(
    reactions: Iterable[tuple[Iterable[str], list[Span]]],
) -> list[tuple[SeriousnessCriterion, list[Span]]]:
    """The criteria the reactions' HPO codes are (each reaction given as its codes and its
    evidence spans): a stroke, a visual loss, a coma ... of this patient."""
    out: list[tuple[SeriousnessCriterion, list[Span]]] = []
    reactions = [(_criteria_of(codes), spans) for codes, spans in reactions]
    for criterion, _ in _PHENOTYPES:
        spans = [span for found, own in reactions if criterion in found for span in own]
        if spans:
            out.append((criterion, spans))
    return out
