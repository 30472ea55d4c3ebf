"""FHIR R5 and R4 exports checked by a validator independent of the one that builds them.

The exporter validates with ``fhir.resources``; here every resource is validated again with
the models of ``fhirpy-types-r5`` / ``fhirpy-types-r4b`` (beda.software, generated from the
HL7 StructureDefinitions: required elements, types, cardinalities). Code-system bindings are
not checked by either (no terminology server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dermavigil.domain import Case
from dermavigil.domain.assessment import assess
from dermavigil.exchange.formats import export_cases, import_document

r5 = pytest.importorskip("fhirpy_types_r5")
r4 = pytest.importorskip("fhirpy_types_r4b")


@pytest.mark.parametrize(("fmt", "models"), [("fhir", r5), ("fhir-r4", r4)])
def test_exports_pass_an_independent_validator(
    fmt: str, models: object, coded_case: Case, seed_case: Case, fda_examples: list[Path]
) -> None:
    fda = import_document(fda_examples[5].read_bytes(), fda_examples[5].name).cases
    cases = [coded_case, seed_case, *fda]
    body = json.loads(export_cases(cases, fmt, assessments=[assess(c) for c in cases]))
    models.Bundle.model_validate(body)  # type: ignore[attr-defined]
    kinds = set()
    for entry in body["entry"]:
        resource = entry["resource"]
        kinds.add(resource["resourceType"])
        getattr(models, resource["resourceType"]).model_validate(resource)
    assert {"AdverseEvent", "Patient", "Condition"} <= kinds


def test_the_independent_validator_can_fail() -> None:
    with pytest.raises(ValueError):
        r5.AdverseEvent.model_validate({"resourceType": "AdverseEvent", "status": "completed"})
