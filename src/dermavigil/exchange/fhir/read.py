"""HL7 FHIR R5 resources back to case mappings (inverse of :mod:`~dermavigil.exchange.fhir.build`).

Works on the JSON of a bundle already validated by ``fhir.resources``. Each
``AdverseEvent`` becomes one case: its subject (Patient, with the LOINC age
and weight Observations), ``resultingEffect`` Conditions (reactions, with
one ``outcome`` per reaction when the counts match), ``supportingInfo``
MedicationStatements (products, suspect when the resource they derive from
is a ``suspectEntity``), Observations (findings) and DocumentReference
(literature), and its ``recorder`` (the reporter). A bundle from elsewhere,
without statements or Conditions, still gives its suspect entities as
products and the AdverseEvent ``code`` as the reaction. Bundle entries the
case does not reach are kept whole, as JSON, in ``unmapped``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from dermavigil.domain.routes import ROUTES_BY_CODE
from dermavigil.domain.vocab import AGE_GROUP_CODES, QUALIFICATION_CODES, FindingKind
from dermavigil.exchange.codes import AGE_UNITS
from dermavigil.exchange.fhir import codes as f

_OUTCOMES = {code: outcome.value for outcome, code in f.OUTCOME_CODES.items()}
_INITIALS = re.compile(r"^[A-Za-z][A-Za-z.\-]{0,9}$")
_KINDS = {"Medication": "drug"}
_AGE_GROUPS = {code: group.value for group, code in reversed(AGE_GROUP_CODES.items())}
_QUALIFICATIONS = {code: q.value for q, code in QUALIFICATION_CODES.items()}


def _date(value: str | None) -> str | None:
    """A FHIR date/dateTime cut to the case model's partial date (``YYYY[-MM[-DD]]``)."""
    return value[:10] if value else None


def _codings(concept: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [f.coded_term(c) for c in (concept or {}).get("coding", []) if c.get("code")]


class Bundle:
    """The entries of a bundle by full URL, remembering which were read."""

    def __init__(self, entries: list[tuple[str, dict[str, Any]]]) -> None:
        self.entries = entries
        self.by_url = dict(entries)
        self.used: set[str] = set()

    def get(
        self, reference: dict[str, Any] | None, kind: str | None = None
    ) -> dict[str, Any] | None:
        """The resource a reference points to (of ``kind``, if given), marked as read."""
        url = (reference or {}).get("reference")
        resource = self.by_url.get(url or "")
        if resource is None or (kind and resource.get("resourceType") != kind):
            return None
        self.used.add(url)  # type: ignore[arg-type]
        return resource

    def unmapped(self) -> dict[str, str]:
        """Entries no case read (AdverseEvents aside), as JSON by position and type."""
        return {
            f"Bundle.entry[{i}] {resource.get('resourceType')}": json.dumps(
                resource, ensure_ascii=False
            )
            for i, (url, resource) in enumerate(self.entries)
            if url not in self.used and resource.get("resourceType") != "AdverseEvent"
        }


def _patient(bundle: Bundle, reference: dict[str, Any]) -> dict[str, Any]:
    """Gender, initials and the LOINC age, weight and age-group Observations of the subject."""
    patient = bundle.get(reference, "Patient") or {}
    names = [n.get("text") for n in patient.get("name", []) if n.get("text")]
    out: dict[str, Any] = {}
    if names and _INITIALS.match(names[0]):
        out["initials"] = names[0]
    if patient.get("gender") in ("male", "female", "unknown"):
        out["sex"] = patient["gender"]
    units = {unit: name for name, unit in AGE_UNITS.items()}
    for url, resource in bundle.entries:
        if resource.get("resourceType") != "Observation" or resource.get("subject") != reference:
            continue
        codes = {c.get("code") for c in resource.get("code", {}).get("coding", [])}
        quantity = resource.get("valueQuantity", {})
        groups = [
            _AGE_GROUPS.get(c.get("code") or "")
            for c in resource.get("valueCodeableConcept", {}).get("coding", [])
            if c.get("system") == f.AGE_GROUP
        ]
        if f.LOINC_AGE in codes and quantity.get("code") in units:
            out["age"] = {"value": quantity["value"], "unit": units[quantity["code"]]}
        elif f.LOINC_WEIGHT in codes and quantity.get("code") == "kg":
            out["weight_kg"] = quantity["value"]
        elif f.LOINC_AGE_GROUP in codes and groups and groups[0]:
            out["age_group"] = groups[0]
        else:
            continue
        bundle.used.add(url)
    return out


def _reaction(condition: dict[str, Any]) -> dict[str, Any]:
    """A Condition as a reaction mapping."""
    code = condition.get("code", {})
    codes = _codings(code)
    out: dict[str, Any] = {
        "verbatim": code.get("text") or (codes[0]["label"] if codes else "(not stated)"),
        "codes": codes,
        "onset_date": _date(condition.get("onsetDateTime")),
        "onset_text": condition.get("onsetString"),
        "end_date": _date(condition.get("abatementDateTime")),
        "body_sites": [s["text"] for s in condition.get("bodySite", []) if s.get("text")],
    }
    return {k: v for k, v in out.items() if v not in (None, [])}


def _lot(substance: dict[str, Any]) -> str | None:
    lots = [
        i.get("value")
        for i in substance.get("identifier", [])
        if i.get("type", {}).get("text") == f.LOT
    ]
    return lots[0] if lots else None


def _product(bundle: Bundle, statement: dict[str, Any], suspects: set[str]) -> dict[str, Any]:
    """A MedicationStatement and the resource it derives from as a product mapping."""
    source_ref = (statement.get("derivedFrom") or [{}])[0]
    source = bundle.get(source_ref) or {}
    kind = source.get("resourceType", "")
    out: dict[str, Any] = {
        "name": statement.get("medication", {}).get("concept", {}).get("text")
        or "(name not stated)",
        "category": _KINDS.get(kind, "other"),
        "role": "suspect" if source_ref.get("reference") in suspects else "concomitant",
        "active_ingredient": (source.get("ingredient") or [{}])[0]
        .get("item", {})
        .get("concept", {})
        .get("text")
        or source.get("description"),
        "manufacturer": source.get("manufacturer"),
        "lot": source.get("batch", {}).get("lotNumber") or source.get("lotNumber") or _lot(source),
        "start_date": _date(statement.get("effectivePeriod", {}).get("start")),
        "end_date": _date(statement.get("effectivePeriod", {}).get("end")),
        "indication": (statement.get("reason") or [{}])[0].get("concept", {}).get("text"),
    }
    dosage = (statement.get("dosage") or [{}])[0]
    route = dosage.get("route", {})
    codes = [c.get("code") for c in route.get("coding", []) if c.get("system") == f.ROUTE]
    out["route"] = ROUTES_BY_CODE.get(codes[0]) if codes else None
    out["route_verbatim"] = route.get("text")
    quantity = (dosage.get("doseAndRate") or [{}])[0].get("doseQuantity", {})
    dose = {
        "verbatim": dosage.get("text"),
        "value": quantity.get("value"),
        "unit": quantity.get("unit"),
    }
    out["dose"] = {k: v for k, v in dose.items() if v is not None} or None
    return {k: v for k, v in out.items() if v is not None}


def product_name(resource: dict[str, Any]) -> str | None:
    """A product's name from a Medication, Substance, Device or a statement/administration."""
    concepts = [
        resource.get("code", {}),
        resource.get("code", {}).get("concept", {}),
        resource.get("medication", {}).get("concept", {}),
    ]
    for concept in concepts:
        text = concept.get("text") or next(
            (c.get("display") for c in concept.get("coding", []) if c.get("display")), None
        )
        if text:
            return text
    names = [n.get("value") for n in resource.get("name", []) if n.get("value")]
    return names[0] if names else resource.get("displayName")


def _suspects_only(bundle: Bundle, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Products of a bundle without statements: its suspect entities, by name."""
    products = []
    for entity in event.get("suspectEntity", []):
        resource = bundle.get(entity.get("instanceReference")) or {}
        concept = entity.get("instanceCodeableConcept", {})
        name = product_name(resource) or concept.get("text")
        if name:
            kind = _KINDS.get(resource.get("resourceType", ""), "other")
            products.append({"name": name, "category": kind, "role": "suspect"})
    return products


def _finding(observation: dict[str, Any]) -> dict[str, Any]:
    """An Observation as a finding mapping."""
    categories = {
        c.get("code") for cat in observation.get("category", []) for c in cat.get("coding", [])
    }
    kind = next((k for k in ("laboratory", "imaging") if k in categories), FindingKind.other.value)
    out: dict[str, Any] = {
        "kind": kind,
        "test": observation.get("code", {}).get("text"),
        "result": observation.get("valueString") or "(not stated)",
        "site": observation.get("bodySite", {}).get("text"),
        "date": _date(observation.get("effectiveDateTime")),
        "codes": [
            t
            for comp in observation.get("component", [])
            for t in _codings(comp.get("valueCodeableConcept"))
        ],
    }
    return {k: v for k, v in out.items() if v not in (None, [])}


def _reporter(bundle: Bundle, reference: dict[str, Any] | None) -> dict[str, Any]:
    """The recorder (Practitioner, or PractitionerRole with its Organization) as a reporter."""
    role = bundle.get(reference, "PractitionerRole")
    person = (
        bundle.get(role["practitioner"], "Practitioner")
        if role
        else bundle.get(reference, "Practitioner")
    )
    organisation = bundle.get(role.get("organization"), "Organization") if role else None
    out: dict[str, Any] = {}
    codes = [
        c.get("code")
        for q in (person or {}).get("qualification", [])
        for c in q.get("code", {}).get("coding", [])
        if c.get("system") == f.QUALIFICATION
    ]
    if codes and codes[0] in _QUALIFICATIONS:
        out["qualification"] = _QUALIFICATIONS[codes[0]]
    countries = [a.get("country") for a in (person or {}).get("address", []) if a.get("country")]
    if countries and re.fullmatch(r"[A-Z]{2}", countries[0]):
        out["country"] = countries[0]
    if organisation and organisation.get("name"):
        out["organisation"] = organisation["name"]
    return out


def _report(bundle: Bundle, event: dict[str, Any], support: list[dict[str, Any]]) -> dict[str, Any]:
    """Source, literature, ids, received date and reporter of the report."""
    documents = [r for r in support if r.get("resourceType") == "DocumentReference"]
    reporter = _reporter(bundle, event.get("recorder"))
    qualification = reporter.get("qualification")
    source = (
        "consumer" if qualification == "consumer" else "clinician" if qualification else "other"
    )
    report: dict[str, Any] = {"source": "literature" if documents else source}
    if reporter:
        report["reporter"] = reporter
    if documents:
        attachment = (documents[0].get("content") or [{}])[0].get("attachment", {})
        literature = {
            "citation": attachment.get("title") or attachment.get("url") or "(not stated)"
        }
        url = attachment.get("url") or ""
        if url.startswith("https://doi.org/"):
            literature["doi"] = url.removeprefix("https://doi.org/")
        report["literature"] = literature
    if event.get("identifier"):
        report["source_id"] = event["identifier"][0].get("value")
    if event.get("recordedDate"):
        report["received_date"] = _date(event["recordedDate"])
    return report


def event_mapping(bundle: Bundle, event: dict[str, Any]) -> dict[str, Any]:
    """The case mapping of one AdverseEvent (without its supplement)."""
    support = [bundle.get(item.get("itemReference")) for item in event.get("supportingInfo", [])]
    support = [r for r in support if r is not None]
    suspects = {
        s.get("instanceReference", {}).get("reference") for s in event.get("suspectEntity", [])
    }
    conditions = [bundle.get(r, "Condition") for r in event.get("resultingEffect", [])]
    reactions = [_reaction(c) for c in conditions if c is not None]
    outcomes = event.get("outcome", [])
    if len(outcomes) == len(reactions):
        for reaction, outcome in zip(reactions, outcomes, strict=True):
            codes = [
                c.get("code") for c in outcome.get("coding", []) if c.get("system") == f.OUTCOME
            ]
            if codes and codes[0] in _OUTCOMES:
                reaction["outcome"] = _OUTCOMES[codes[0]]
    if not reactions and event.get("code"):
        reactions = [_reaction({"code": event["code"]})]
    products = [
        _product(bundle, r, suspects)
        for r in support
        if r.get("resourceType") == "MedicationStatement"
    ]
    mapping: dict[str, Any] = {
        "report": _report(bundle, event, support),
        "patient": _patient(bundle, event.get("subject", {})),
        "reactions": reactions,
        "products": products or _suspects_only(bundle, event),
        "findings": [_finding(r) for r in support if r.get("resourceType") == "Observation"],
    }
    if event.get("note"):
        mapping["narrative"] = event["note"][0].get("text")
    return {k: v for k, v in mapping.items() if v not in (None, [])}
