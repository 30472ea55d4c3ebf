"""HL7 FHIR: R5 bundle round trip, R4 export, the resources carry the facts, bad bundles refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from wide_case import wide_case

from dermavigil.domain import Case
from dermavigil.domain.vocab import ProductRole, ReporterQualification
from dermavigil.errors import InputError
from dermavigil.exchange.fhir import codes as f
from dermavigil.exchange.formats import export_cases, import_document
from dermavigil.exchange.supplement import NOT_APPLIED


def _resources(data: bytes) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for entry in json.loads(data)["entry"]:
        out.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    return out


def test_r5_round_trip(coded_case: Case) -> None:
    data = export_cases([coded_case], "fhir")
    result = import_document(data, "case.fhir.json")
    assert result.format == "fhir"
    assert result.cases == [coded_case]


def test_r5_resources_carry_the_case(coded_case: Case) -> None:
    res = _resources(export_cases([coded_case], "fhir"))
    assert set(res) >= {"Patient", "Substance", "MedicationStatement", "Condition", "Observation"}
    assert res["Patient"][0]["gender"] == "male"
    assert res["Substance"][0]["code"]["concept"]["text"] == "Lyophilized exosome product"
    route = res["MedicationStatement"][0]["dosage"][0]["route"]
    assert route["coding"][0] == {"system": f.ROUTE, "code": "023", "display": "Intradermal"}
    assert [c["code"]["text"] for c in res["Condition"]] == [
        r.verbatim for r in coded_case.reactions
    ]
    assert res["Condition"][0]["code"]["coding"][0]["system"] == f.HPO
    assert res["Condition"][0]["code"]["coding"][0]["code"] == "HP:0033126"
    biopsy = [o for o in res["Observation"] if o["code"].get("text") == "skin biopsy"]
    assert "leukocytoclastic vasculitis" in biopsy[0]["valueString"]
    [event] = res["AdverseEvent"]
    assert event["seriousness"]["coding"][0]["code"] == "serious"
    assert event["category"][0]["coding"][0]["code"] == "wrong-route-of-administration"
    assert [o["coding"][0]["code"] for o in event["outcome"]] == ["resolvedWithSequelae"] * 3
    assert len(event["suspectEntity"]) == 1
    assert event["note"][0]["text"] == coded_case.narrative


def test_r5_import_without_supplement_keeps_fhir_facts(coded_case: Case) -> None:
    body = json.loads(export_cases([coded_case], "fhir"))
    for entry in body["entry"]:
        entry["resource"].pop("extension", None)
    [case] = import_document(json.dumps(body).encode()).cases
    product = case.products[0]
    assert (product.name, product.route, product.role) == (
        "Lyophilized exosome product",
        "intradermal",
        "suspect",
    )
    assert product.route_verbatim == "intradermal injection"
    assert [r.verbatim for r in case.reactions] == [r.verbatim for r in coded_case.reactions]
    assert [r.outcome for r in case.reactions] == ["recovered_with_sequelae"] * 3
    assert case.reactions[0].codes == coded_case.reactions[0].codes
    assert case.findings[0].result == coded_case.findings[0].result
    assert case.report.literature is not None
    assert case.report.literature.doi == "10.1111/jocd.16206"


def test_r4_export_uses_r4_shapes(coded_case: Case) -> None:
    res = _resources(export_cases([coded_case], "fhir-r4"))
    [event] = res["AdverseEvent"]
    assert event["event"]["text"] == "skin necrosis"
    assert len(event["resultingCondition"]) == 3
    assert "instance" in event["suspectEntity"][0]
    assert event["outcome"]["coding"][0]["code"] == "resolvedWithSequelae"
    assert "intradermal" in event["text"]["div"]
    assert res["Substance"][0]["code"]["text"] == "Lyophilized exosome product"
    assert res["MedicationStatement"][0]["status"] == "completed"


def test_foreign_entries_are_kept_verbatim(coded_case: Case) -> None:
    body = json.loads(export_cases([coded_case], "fhir"))
    extra = {"resourceType": "Organization", "name": "Clinic X"}
    body["entry"].append(
        {"fullUrl": "urn:uuid:6a3c0d55-0f0b-4cf0-9a8c-6b2d2c2e0a11", "resource": extra}
    )
    [case] = import_document(json.dumps(body).encode()).cases
    [(key, value)] = [(k, v) for k, v in case.unmapped.items() if "Organization" in k]
    assert json.loads(value) == extra


def test_invalid_bundles_refused() -> None:
    patient = {"resourceType": "Patient", "birthDate": "not-a-date"}
    condition = {"resourceType": "Condition", "code": {"text": "rash"}}
    bad = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": "urn:uuid:1", "resource": patient},
            {"fullUrl": "urn:uuid:2", "resource": condition},
        ],
    }
    with pytest.raises(InputError, match="not a valid FHIR R5 Bundle") as error:
        import_document(json.dumps(bad).encode())
    locations = {p.location for p in error.value.problems}
    assert locations >= {"entry.0.resource.birthDate", "entry.1.resource.clinicalStatus"}
    no_event = dict(bad, entry=[])
    with pytest.raises(InputError, match="no AdverseEvent"):
        import_document(json.dumps(no_event).encode())


def test_fhir_elements_alone_carry_routes_outcomes_and_codes() -> None:
    case = wide_case(ReporterQualification.pharmacist)
    body = json.loads(export_cases([case], "fhir"))
    for entry in body["entry"]:
        entry["resource"].pop("extension", None)
    [back] = import_document(json.dumps(body).encode()).cases
    assert [p.route for p in back.products] == [p.route for p in case.products]
    assert [(p.name, p.lot, p.dose, p.start_date) for p in back.products] == [
        (p.name, p.lot, p.dose, p.start_date) for p in case.products
    ]
    suspect = {ProductRole.suspect, ProductRole.interacting}
    assert [p.role in suspect for p in back.products] == [p.role in suspect for p in case.products]
    assert [(r.verbatim, r.outcome, r.codes) for r in back.reactions] == [
        (r.verbatim, r.outcome, r.codes) for r in case.reactions
    ]
    assert (back.patient.age, back.patient.weight_kg, back.patient.sex) == (
        case.patient.age,
        case.patient.weight_kg,
        case.patient.sex,
    )


def test_lone_fhir_resource_refused() -> None:
    with pytest.raises(InputError, match="AdverseEvent on its own"):
        import_document(b'{"resourceType": "AdverseEvent", "status": "completed"}')


def test_minimal_foreign_bundle() -> None:
    """A bundle written elsewhere: AdverseEvent code, a suspect Medication, a Patient."""
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "fullUrl": "urn:uuid:0f8c3b7e-1d7a-4a52-9d1c-3f9b9c1d0a01",
                "resource": {"resourceType": "Patient", "gender": "female"},
            },
            {
                "fullUrl": "urn:uuid:0f8c3b7e-1d7a-4a52-9d1c-3f9b9c1d0a02",
                "resource": {
                    "resourceType": "Medication",
                    "code": {
                        "coding": [
                            {"system": "http://snomed.info/sct", "code": "1", "display": "Filler X"}
                        ]
                    },
                },
            },
            {
                "fullUrl": "urn:uuid:0f8c3b7e-1d7a-4a52-9d1c-3f9b9c1d0a03",
                "resource": {
                    "resourceType": "AdverseEvent",
                    "status": "completed",
                    "actuality": "actual",
                    "subject": {"reference": "urn:uuid:0f8c3b7e-1d7a-4a52-9d1c-3f9b9c1d0a01"},
                    "code": {"text": "nodules at injection site"},
                    "recorder": {"reference": "urn:uuid:0f8c3b7e-1d7a-4a52-9d1c-3f9b9c1d0a04"},
                    "suspectEntity": [
                        {
                            "instanceReference": {
                                "reference": "urn:uuid:0f8c3b7e-1d7a-4a52-9d1c-3f9b9c1d0a02"
                            }
                        }
                    ],
                },
            },
            {
                "fullUrl": "urn:uuid:0f8c3b7e-1d7a-4a52-9d1c-3f9b9c1d0a04",
                "resource": {"resourceType": "Practitioner", "address": [{"country": "DE"}]},
            },
        ],
    }
    [case] = import_document(json.dumps(bundle).encode()).cases
    assert [p.name for p in case.products] == ["Filler X"]
    assert [r.verbatim for r in case.reactions] == ["nodules at injection site"]
    assert case.patient.sex == "female"
    assert case.report.reporter is not None and case.report.reporter.country == "DE"


def test_unreadable_supplement_is_kept_aside(coded_case: Case) -> None:
    body = json.loads(export_cases([coded_case], "fhir"))
    [event] = [
        e["resource"] for e in body["entry"] if e["resource"]["resourceType"] == "AdverseEvent"
    ]
    event["extension"][0]["valueString"] = "{not json"
    [case] = import_document(json.dumps(body).encode()).cases
    assert case.products[0].route == "intradermal"
    assert case.unmapped[NOT_APPLIED] == "{not json"
