"""The registry's causality assessment of a case, as exchange formats carry it.

Every exchange format states causality per suspect drug and reaction: ICH
E2B(R3) G.k.9.i.2.r (source, method and result of the assessment, repeated
for each drug x reaction), HL7 FHIR R5 ``AdverseEvent.suspectEntity.causality``
and the CIOMS-I form. :func:`causality_entries` gives, for each suspect or
interacting product x each reaction, two assessments of the case's
:class:`~dermavigil.domain.assessment.Assessment`:

- method ``WHO-UMC`` (WHO-UMC causality categories, Uppsala Monitoring
  Centre 2013), result the category (e.g. ``possible``);
- method ``Naranjo`` (Naranjo et al., Clin Pharmacol Ther 1981;30:239-245),
  result the band with its score (e.g. ``probable (score 5)``).

The source is :data:`DERIVED_SOURCE` when the answer was derived by
dermavigil, or ``assessor <by>`` when an assessor overrode it (the WHO-UMC
category, or one of the Naranjo answers); :func:`override_notes` gives
who changed what and why, for the free-text comments of the format.
"""

from __future__ import annotations

from dataclasses import dataclass

from dermavigil.domain import Case
from dermavigil.domain.assessment import Assessment, Override
from dermavigil.domain.vocab import ProductRole

DERIVED_SOURCE = "dermavigil assessment"
"""Source of an assessment dermavigil derived and no assessor changed."""

WHO_UMC = "WHO-UMC"
NARANJO = "Naranjo"


@dataclass(frozen=True)
class Causality:
    """One assessment of the relatedness of product ``product`` to reaction ``reaction``.

    ``product`` and ``reaction`` are indexes into ``Case.products`` and ``Case.reactions``.
    """

    product: int
    reaction: int
    method: str
    result: str
    source: str


def _causality_overrides(assessment: Assessment, method: str) -> list[Override]:
    """The overrides that changed the result of ``method``, in the order applied."""
    if method == WHO_UMC:
        return [o for o in assessment.overrides if o.target == "who_umc.category"]
    return [o for o in assessment.overrides if o.target.startswith("naranjo.items.")]


def _source(assessment: Assessment, method: str) -> str:
    """``dermavigil assessment``, or the assessor(s) whose override decided the result."""
    overridden = (
        assessment.who_umc.overridden
        if method == WHO_UMC
        else any(i.overridden for i in assessment.naranjo.items)
    )
    overrides = _causality_overrides(assessment, method)
    if not overridden or not overrides:
        return DERIVED_SOURCE
    if method == WHO_UMC:
        return f"assessor {overrides[-1].by}"
    names = list(dict.fromkeys(o.by for o in overrides))
    return f"assessor{'s' if len(names) > 1 else ''} {', '.join(names)}"


def method_results(assessment: Assessment) -> list[tuple[str, str, str]]:
    """(method, result, source) of the case's two causality assessments."""
    naranjo = assessment.naranjo
    return [
        (WHO_UMC, assessment.who_umc.category, _source(assessment, WHO_UMC)),
        (NARANJO, f"{naranjo.band} (score {naranjo.score})", _source(assessment, NARANJO)),
    ]


def suspect_indexes(case: Case) -> list[int]:
    """Indexes of the suspect and interacting products (the ones causality is assessed for)."""
    roles = (ProductRole.suspect, ProductRole.interacting)
    return [k for k, p in enumerate(case.products) if p.role in roles]


def causality_entries(case: Case, assessment: Assessment) -> list[Causality]:
    """Each method's assessment for each suspect/interacting product x each reaction."""
    results = method_results(assessment)
    return [
        Causality(k, i, method, result, source)
        for k in suspect_indexes(case)
        for i in range(len(case.reactions))
        for method, result, source in results
    ]


def override_notes(assessment: Assessment) -> list[str]:
    """Who changed the causality assessment, what, when and why (one line per override)."""
    return [
        f"{method} {o.target}: {o.note()}"
        for method in (WHO_UMC, NARANJO)
        for o in _causality_overrides(assessment, method)
    ]


def keep(found: dict[str, str], key: str, value: str) -> None:
    """Add ``value`` to ``found`` under ``key``, or ``key#2``, ``key#3`` ... when it is taken."""
    n, unique = 1, key
    while unique in found:
        n += 1
        unique = f"{key}#{n}"
    found[unique] = value
