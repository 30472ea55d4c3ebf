"""Code systems and small builders shared by the HL7 FHIR export (R5 and R4) and import.

Code-system URLs are the canonical ones of HL7 Terminology (THO): MedDRA
``http://terminology.hl7.org/CodeSystem/mdr``, HPO
``http://human-phenotype-ontology.org``, the adverse-event outcome,
seriousness and category systems, condition clinical status and
observation category; routes use the ICH E2B(R3) route list by its OID.
"""

from __future__ import annotations

import uuid
from typing import Any

from dermavigil.domain import CodedTerm
from dermavigil.domain.vocab import Outcome, ProductCategory

HPO = "http://human-phenotype-ontology.org"
MEDDRA = "http://terminology.hl7.org/CodeSystem/mdr"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ROUTE = "urn:oid:2.16.840.1.113883.3.989.2.1.1.14"
"""The ICH E2B(R3) route-of-administration list (G.k.4.r.10.2b)."""
QUALIFICATION = "urn:oid:2.16.840.1.113883.3.989.2.1.1.6"
"""E2B(R3) C.2.r.4 reporter qualification."""
SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness"
OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome"
AE_CATEGORY = "http://terminology.hl7.org/CodeSystem/adverse-event-category"
CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
SUPPLEMENT_URL = "urn:dermavigil:fhir:case-supplement"
"""Extension (on AdverseEvent) holding the dermavigil supplement as JSON text."""

LOT = "lot number"
"""Type text of the Substance identifier that holds the lot (R5 Substance has no lot element)."""
LOINC_AGE = "30525-0"
LOINC_AGE_GROUP = "46251-5"
AGE_GROUP = "urn:oid:2.16.840.1.113883.3.989.2.1.1.9"
"""E2B(R3) D.2.3 patient age group."""
LOINC_WEIGHT = "29463-7"

OUTCOME_CODES: dict[Outcome, str] = {
    Outcome.recovered: "resolved",
    Outcome.recovering: "recovering",
    Outcome.not_recovered: "ongoing",
    Outcome.recovered_with_sequelae: "resolvedWithSequelae",
    Outcome.fatal: "fatal",
    Outcome.unknown: "unknown",
}
CLINICAL_STATUS: dict[Outcome | None, str] = {
    Outcome.recovered: "resolved",
    Outcome.recovered_with_sequelae: "resolved",
    Outcome.recovering: "remission",
    Outcome.not_recovered: "active",
    Outcome.fatal: "active",
    Outcome.unknown: "unknown",
    None: "unknown",
}

DEVICE_CATEGORIES = frozenset(
    {
        ProductCategory.ha_filler,
        ProductCategory.plla,
        ProductCategory.caha,
        ProductCategory.pmma,
        ProductCategory.skin_booster,
    }
)
"""Dermal fillers are medical devices (EU MDR, US 21 CFR 878.3500 PMA)."""
MEDICATION_CATEGORIES = frozenset(
    {
        ProductCategory.drug,
        ProductCategory.vaccine,
        ProductCategory.botulinum_toxin,
        ProductCategory.allergen_immunotherapy,
    }
)
"""Licensed medicinal products; every other category (exosome, PDRN, PRP ...) is a Substance."""


def resource_type(category: ProductCategory) -> str:
    """The FHIR resource that fits a product of ``category``."""
    if category in DEVICE_CATEGORIES:
        return "Device"
    return "Medication" if category in MEDICATION_CATEGORIES else "Substance"


def new_url() -> str:
    """A fresh ``urn:uuid:`` full URL for a bundle entry."""
    return f"urn:uuid:{uuid.uuid4()}"


def ref(url: str) -> dict[str, str]:
    """A FHIR Reference to a bundle entry."""
    return {"reference": url}


def concept(text: str | None, codings: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A CodeableConcept (text and/or codings)."""
    out: dict[str, Any] = {}
    if text:
        out["text"] = text
    if codings:
        out["coding"] = codings
    return out


def coding(system: str, code: str, display: str | None = None) -> dict[str, str]:
    """A FHIR Coding."""
    out = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


def term_coding(term: CodedTerm) -> dict[str, Any]:
    """A coded term as a FHIR Coding (version from ``"HPO 2025-01-16"``-style system names)."""
    name, _, version = term.system.partition(" ")
    lowered = name.lower()
    system = (
        HPO if lowered == "hpo" else MEDDRA if lowered == "meddra" else f"urn:dermavigil:{name}"
    )
    out: dict[str, Any] = {"system": system, "code": term.code, "display": term.label}
    if version:
        out["version"] = version
    return out


def coded_term(c: dict[str, Any]) -> dict[str, Any]:
    """A FHIR Coding back to a case ``CodedTerm`` mapping."""
    system = c.get("system") or ""
    name = {HPO: "HPO", MEDDRA: "MedDRA"}.get(system, system.removeprefix("urn:dermavigil:"))
    version = c.get("version")
    return {
        "system": f"{name} {version}" if version else name,
        "code": c.get("code") or "",
        "label": c.get("display") or c.get("code") or "",
    }
