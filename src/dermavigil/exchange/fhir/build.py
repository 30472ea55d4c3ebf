"""A case as HL7 FHIR resources (R5 shapes; :mod:`~dermavigil.exchange.fhir.r4` adapts them).

One case gives: a ``Patient`` (initials as the name text, gender),
Observations of the age at onset (LOINC 30525-0), the weight (LOINC
29463-7) and the age group (LOINC 46251-5, coded on the E2B D.2.3 list);
per product a ``Medication``, ``Substance`` or ``Device``
(:func:`~dermavigil.exchange.fhir.codes.resource_type`) and a
``MedicationStatement`` (dates, route on the ICH E2B route list, dose,
lot) derived from it; per reaction a ``Condition`` (verbatim text, HPO /
MedDRA codings, onset, abatement, body sites); per finding an
``Observation`` (histopathology as ``laboratory``, the result as text, its
codes as components); a ``DocumentReference`` for the literature source; the
reporter as a ``Practitioner`` (E2B C.2.r.4 qualification code, country),
with a ``PractitionerRole`` in an ``Organization`` when one is named;
and the ``AdverseEvent`` tying them together: ``resultingEffect`` ->
Conditions, ``suspectEntity`` -> the suspect products, ``supportingInfo``
-> statements, findings and the publication, ``seriousness`` (from
:func:`~dermavigil.exchange.seriousness.case_seriousness`: the assessment's, or derived), one
``outcome`` per reaction, ``recorder`` -> the reporter, category
``wrong-route-of-administration`` when a product was given off-label by a
route it is not labelled for, the narrative as ``note``. R5 Substance has no
lot element: a Substance's lot is an ``identifier`` typed "lot number".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dermavigil.domain import Case, Finding, Product, Reaction
from dermavigil.domain.assessment import Assessment
from dermavigil.domain.off_label import covered
from dermavigil.domain.routes import ROUTE_CODES, ROUTE_LABELS
from dermavigil.domain.vocab import (
    AGE_GROUP_CODES,
    QUALIFICATION_CODES,
    AdditionalInformation,
    ProductRole,
)
from dermavigil.exchange.codes import AGE_UNITS
from dermavigil.exchange.fhir import codes as f
from dermavigil.exchange.seriousness import case_seriousness


@dataclass
class Entries:
    """Bundle entries under construction: (full URL, resource) in order."""

    items: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def add(self, resource: dict[str, Any]) -> str:
        """Add ``resource`` under a fresh ``urn:uuid`` and return that URL."""
        url = f.new_url()
        self.items.append((url, resource))
        return url


def _route(product: Product) -> dict[str, Any] | None:
    if product.route is None and not product.route_verbatim:
        return None
    codings = (
        [f.coding(f.ROUTE, ROUTE_CODES[product.route], ROUTE_LABELS[product.route])]
        if product.route
        else None
    )
    return f.concept(product.route_verbatim, codings)


def _product(product: Product) -> dict[str, Any]:
    """The product as the resource its category calls for."""
    kind = f.resource_type(product.category)
    if kind == "Medication":
        out: dict[str, Any] = {"resourceType": kind, "code": f.concept(product.name)}
        if product.active_ingredient:
            out["ingredient"] = [{"item": {"concept": f.concept(product.active_ingredient)}}]
        if product.lot:
            out["batch"] = {"lotNumber": product.lot}
        return out
    if kind == "Device":
        out = {
            "resourceType": kind,
            "name": [{"value": product.name, "type": "user-friendly-name"}],
        }
        if product.manufacturer:
            out["manufacturer"] = product.manufacturer
        if product.lot:
            out["lotNumber"] = product.lot
        return out
    out = {"resourceType": kind, "instance": True, "code": {"concept": f.concept(product.name)}}
    if product.active_ingredient:
        out["description"] = product.active_ingredient
    if product.lot:
        out["identifier"] = [{"type": f.concept(f.LOT), "value": product.lot}]
    return out


def _statement(product: Product, product_url: str, patient: str) -> dict[str, Any]:
    """A MedicationStatement: what was given, when, how (route on the ICH list), why."""
    out: dict[str, Any] = {
        "resourceType": "MedicationStatement",
        "status": "recorded",
        "medication": {"concept": f.concept(product.name)},
        "subject": f.ref(patient),
        "derivedFrom": [f.ref(product_url)],
    }
    if product.start_date or product.end_date:
        period = {}
        if product.start_date:
            period["start"] = product.start_date.iso()
        if product.end_date:
            period["end"] = product.end_date.iso()
        out["effectivePeriod"] = period
    dosage: dict[str, Any] = {}
    route = _route(product)
    if route:
        dosage["route"] = route
    if product.dose and product.dose.verbatim:
        dosage["text"] = product.dose.verbatim
    dose = product.dose
    quantity = {"value": dose.value, "unit": dose.unit} if dose else {}
    quantity = {k: v for k, v in quantity.items() if v is not None}
    if quantity:
        dosage["doseAndRate"] = [{"doseQuantity": quantity}]
    if dosage:
        out["dosage"] = [dosage]
    if product.indication:
        out["reason"] = [{"concept": f.concept(product.indication)}]
    return out


def _condition(reaction: Reaction, patient: str) -> dict[str, Any]:
    """A reaction as a Condition (clinical status from its outcome)."""
    out: dict[str, Any] = {
        "resourceType": "Condition",
        "clinicalStatus": f.concept(
            None, [f.coding(f.CLINICAL, f.CLINICAL_STATUS[reaction.outcome])]
        ),
        "code": f.concept(reaction.verbatim, [f.term_coding(t) for t in reaction.codes] or None),
        "subject": f.ref(patient),
    }
    if reaction.body_sites:
        out["bodySite"] = [f.concept(site) for site in reaction.body_sites]
    if reaction.onset_date:
        out["onsetDateTime"] = reaction.onset_date.iso()
    elif reaction.onset_text:
        out["onsetString"] = reaction.onset_text
    if reaction.end_date:
        out["abatementDateTime"] = reaction.end_date.iso()
    return out


def _finding(finding: Finding, patient: str) -> dict[str, Any]:
    """A finding as an Observation; its codes as components."""
    kind = {"histopathology": "laboratory", "laboratory": "laboratory", "imaging": "imaging"}
    out: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            f.concept(None, [f.coding(f.OBS_CATEGORY, kind.get(finding.kind.value, "exam"))])
        ],
        "code": f.concept(finding.test or finding.kind.value),
        "subject": f.ref(patient),
        "valueString": finding.result,
    }
    if finding.site:
        out["bodySite"] = f.concept(finding.site)
    if finding.date:
        out["effectiveDateTime"] = finding.date.iso()
    if finding.codes:
        out["component"] = [
            {
                "code": f.concept("finding"),
                "valueCodeableConcept": f.concept(t.label, [f.term_coding(t)]),
            }
            for t in finding.codes
        ]
    return out


def _patient(case: Case, entries: Entries) -> str:
    """Patient, with Observations for age at onset and weight; returns the Patient URL."""
    patient: dict[str, Any] = {"resourceType": "Patient"}
    if case.patient.initials:
        patient["name"] = [{"text": case.patient.initials}]
    if case.patient.sex:
        patient["gender"] = case.patient.sex.value
    url = entries.add(patient)
    measures = []
    if case.patient.age:
        unit = AGE_UNITS[case.patient.age.unit]
        measures.append((f.LOINC_AGE, "Age", case.patient.age.value, unit))
    if case.patient.weight_kg:
        measures.append((f.LOINC_WEIGHT, "Body weight", case.patient.weight_kg, "kg"))
    for code, name, value, unit in measures:
        entries.add(
            {
                "resourceType": "Observation",
                "status": "final",
                "code": f.concept(name, [f.coding(f.LOINC, code, name)]),
                "subject": f.ref(url),
                "valueQuantity": {"value": value, "unit": unit, "system": f.UCUM, "code": unit},
            }
        )
    group = case.patient.age_group
    if group:
        label = group.value.replace("_", " ")
        entries.add(
            {
                "resourceType": "Observation",
                "status": "final",
                "code": f.concept("Age group", [f.coding(f.LOINC, f.LOINC_AGE_GROUP, "Age group")]),
                "subject": f.ref(url),
                "valueCodeableConcept": f.concept(
                    label, [f.coding(f.AGE_GROUP, AGE_GROUP_CODES[group], label)]
                ),
            }
        )
    return url


def _reporter(case: Case, entries: Entries) -> str | None:
    """The primary source as a Practitioner (E2B qualification, country), in its organisation."""
    reporter = case.report.reporter
    if reporter is None:
        return None
    person: dict[str, Any] = {"resourceType": "Practitioner"}
    if reporter.qualification:
        code = QUALIFICATION_CODES[reporter.qualification]
        label = reporter.qualification.value.replace("_", " ")
        person["qualification"] = [{"code": f.concept(label, [f.coding(f.QUALIFICATION, code)])}]
    if reporter.country:
        person["address"] = [{"country": reporter.country}]
    url = entries.add(person)
    if not reporter.organisation:
        return url
    organisation = entries.add({"resourceType": "Organization", "name": reporter.organisation})
    return entries.add(
        {
            "resourceType": "PractitionerRole",
            "practitioner": f.ref(url),
            "organization": f.ref(organisation),
        }
    )


def _wrong_route(case: Case) -> bool:
    """True when a product flagged off-label was given by a route its labelled ones do not
    cover (the off-label assessment's own rule, :func:`dermavigil.domain.off_label.covered`)."""
    return any(
        AdditionalInformation.off_label_use in p.additional_information
        and p.route is not None
        and p.approved_routes
        and not covered(p.route, p.approved_routes)
        for p in case.products
    )


def case_entries(
    case: Case, assessment: Assessment | None = None
) -> tuple[Entries, dict[str, Any]]:
    """The resources of one case; the AdverseEvent is returned apart (added last by the caller)."""
    entries = Entries()
    patient = _patient(case, entries)
    product_urls = [entries.add(_product(p)) for p in case.products]
    statements = [
        entries.add(_statement(p, url, patient))
        for p, url in zip(case.products, product_urls, strict=True)
    ]
    conditions = [entries.add(_condition(r, patient)) for r in case.reactions]
    findings = [entries.add(_finding(x, patient)) for x in case.findings]
    support = [*statements, *findings]
    literature = case.report.literature
    if literature is not None:
        attachment: dict[str, Any] = {"title": literature.citation}
        if literature.doi:
            attachment["url"] = f"https://doi.org/{literature.doi}"
        support.append(
            entries.add(
                {
                    "resourceType": "DocumentReference",
                    "status": "current",
                    "content": [{"attachment": attachment}],
                }
            )
        )
    event: dict[str, Any] = {
        "resourceType": "AdverseEvent",
        "status": "completed",
        "actuality": "actual",
        "subject": f.ref(patient),
        "resultingEffect": [f.ref(u) for u in conditions],
        "suspectEntity": [
            {"instanceReference": f.ref(u)}
            for p, u in zip(case.products, product_urls, strict=True)
            if p.role in (ProductRole.suspect, ProductRole.interacting)
        ],
        "supportingInfo": [{"itemReference": f.ref(u)} for u in support],
        "seriousness": f.concept(
            None,
            [
                f.coding(f.SERIOUSNESS, "serious", "Serious")
                if case_seriousness(case, assessment).serious
                else f.coding(f.SERIOUSNESS, "non-serious", "Non-serious")
            ],
        ),
        "outcome": [
            f.concept(None, [f.coding(f.OUTCOME, f.OUTCOME_CODES[r.outcome])])
            if r.outcome
            else f.concept("not stated")
            for r in case.reactions
        ],
    }
    onsets = [r.onset_date for r in case.reactions if r.onset_date]
    if onsets:
        event["occurrenceDateTime"] = min(onsets, key=lambda d: d.earliest()).iso()
    if case.report.received_date:
        event["recordedDate"] = case.report.received_date.iso()
    if case.report.source_id:
        event["identifier"] = [{"value": case.report.source_id}]
    if _wrong_route(case):
        event["category"] = [
            f.concept(None, [f.coding(f.AE_CATEGORY, "wrong-route-of-administration")])
        ]
    if case.narrative:
        event["note"] = [{"text": case.narrative}]
    recorder = _reporter(case, entries)
    if recorder:
        event["recorder"] = f.ref(recorder)
    return entries, event
