"""Seriousness criteria (ICH E2A II.B) that a reaction's HPO code is by itself.

A reaction of this patient (asserted, as :mod:`.reactions` keeps it) coded to an HPO
term under a phenotype that is itself a criterion states it, whatever the wording:
*Stroke* and *Cerebral infarct* (medically important), *Visual loss*, *Blindness* and
*Hemiplegia* (persistent disability), *Coma* and *Respiratory failure* (life-threatening).
The criteria a sentence states in words are read by :mod:`.seriousness`.
"""

from __future__ import annotations

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
        # paralysis, ophthalmoplegia (a paralysis of the eye's muscles)
        ("HP:0000505", "HP:0025326", "HP:0002301", "HP:0004374", "HP:0003470", "HP:0000602"),
    ),
    (
        SeriousnessCriterion.medically_important,
        ("HP:0001297", "HP:0025722", "HP:0002637", "HP:0100806"),  # stroke, infarct, ischemia,
    ),  # sepsis
)
"""HPO phenotypes that are a seriousness criterion by themselves (ICH E2A II.B; the
annotators' reading in docs/annotation.md: stroke, encephalitis, acute respiratory failure
count as life-threatening or disabling, ophthalmoplegia as a paralysis)."""


@lru_cache(maxsize=1)
def _phenotype_codes() -> tuple[tuple[SeriousnessCriterion, frozenset[str]], ...]:
    """Each criterion's phenotypes with their descendants, from the cached coder tables
    (their ``subtrees`` hold every root of :data:`_PHENOTYPES`)."""
    subtrees = default_coder().tables.subtrees  # the process's tables, read once
    return tuple(
        (criterion, frozenset(c for root in roots for c in subtrees[root]))
        for criterion, roots in _PHENOTYPES
    )


def reaction_criteria(
    reactions: Iterable[tuple[Iterable[str], list[Span]]],
) -> list[tuple[SeriousnessCriterion, list[Span]]]:
    """The criteria the reactions' HPO codes are (each reaction given as its codes and its
    evidence spans): a stroke, a visual loss, a coma ... of this patient."""
    out: list[tuple[SeriousnessCriterion, list[Span]]] = []
    reactions = [(set(codes), spans) for codes, spans in reactions]
    for criterion, codes in _phenotype_codes():
        spans = [span for found, own in reactions if found & codes for span in own]
        if spans:
            out.append((criterion, spans))
    return out
