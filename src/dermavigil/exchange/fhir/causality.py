"""HL7 FHIR R5 ``AdverseEvent.suspectEntity.causality``, out and in.

R5 gives each ``suspectEntity`` at most one ``causality`` (``assessmentMethod``,
``entityRelatedness``, ``author``), so a suspect assessed by two methods is
listed once per method, each entry naming the same product: WHO-UMC first,
then Naranjo (:func:`~dermavigil.exchange.causality.method_results`). The
WHO-UMC category also carries its code from HL7's causality-assessment code
system (``Certain``, ``Probably-Likely``, ...); the author is the source of
the assessment as a display-only Reference (``dermavigil assessment`` or
``assessor <by>``).

In: causality is an opinion about the case, not a fact of it, so
:func:`read_causality` keeps each one verbatim as an ``unmapped`` entry
``causality <product>: <method>`` -> ``<result> (source: <author>)``.
"""

from __future__ import annotations

from typing import Any

from dermavigil.domain.assessment import Assessment
from dermavigil.exchange.causality import WHO_UMC, keep, method_results
from dermavigil.exchange.fhir import codes as f
from dermavigil.exchange.fhir.read import product_name

CAUSALITY_ASSESS = "http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess"
"""HL7 code system of the WHO-UMC causality categories."""

WHO_UMC_CODES = {
    "certain": "Certain",
    "probable": "Probably-Likely",
    "possible": "Possible",
    "unlikely": "Unlikely",
    "conditional": "Conditional-Classified",
    "unassessable": "Unassessable-Unclassifiable",
}
"""dermavigil's WHO-UMC category -> the HL7 causality-assessment code."""


def _relatedness(method: str, result: str) -> dict[str, Any]:
    code = WHO_UMC_CODES.get(result) if method == WHO_UMC else None
    return f.concept(result, [f.coding(CAUSALITY_ASSESS, code)] if code else None)


def with_causality(suspects: list[dict[str, Any]], assessment: Assessment) -> list[dict[str, Any]]:
    """``suspects`` (``suspectEntity`` entries), each repeated with one causality per method."""
    return [
        {
            **entity,
            "causality": {
                "assessmentMethod": f.concept(method),
                "entityRelatedness": _relatedness(method, result),
                "author": {"display": source},
            },
        }
        for entity in suspects
        for method, result, source in method_results(assessment)
    ]


def _text(concept: dict[str, Any] | None) -> str | None:
    """A concept's text, else its first coding's display or code."""
    concept = concept or {}
    codings = concept.get("coding") or [{}]
    return concept.get("text") or codings[0].get("display") or codings[0].get("code")


def read_causality(event: dict[str, Any], resources: dict[str, dict[str, Any]]) -> dict[str, str]:
    """The causality of each ``suspectEntity`` of ``event`` as ``unmapped`` entries.

    ``resources`` are the bundle's resources by full URL (to name the products).
    """
    found: dict[str, str] = {}
    for entity in event.get("suspectEntity", []):
        causality = entity.get("causality")
        if not causality:
            continue
        url = (entity.get("instanceReference") or {}).get("reference", "")
        product = (
            product_name(resources.get(url, {}))
            or _text(entity.get("instanceCodeableConcept"))
            or "product"
        )
        method = _text(causality.get("assessmentMethod")) or "method not stated"
        result = _text(causality.get("entityRelatedness")) or "result not stated"
        author = causality.get("author") or {}
        source = author.get("display") or author.get("reference")
        keep(
            found,
            f"causality {product}: {method}",
            f"{result} (source: {source})" if source else result,
        )
    return found
