"""Adapting the R5 resources of :mod:`~dermavigil.exchange.fhir.build` to FHIR R4 (as R4B).

``fhir.resources`` validates R4 content with its R4B models (R4B changed no
resource used here). Differences handled: ``AdverseEvent`` (``event``,
``resultingCondition``, ``suspectEntity.instance``, ``date``, one
``outcome``, ``referenceDocument``, the narrative as XHTML ``text`` since R4
has no ``note``), ``Medication.ingredient.itemCodeableConcept``,
``Device.deviceName``, ``Substance.code`` as a plain CodeableConcept,
``MedicationStatement.medicationCodeableConcept`` / ``reasonCode`` / status
``completed``.
"""

from __future__ import annotations

import html
from typing import Any


def _medication(r: dict[str, Any]) -> dict[str, Any]:
    out = dict(r)
    if "ingredient" in r:
        out["ingredient"] = [{"itemCodeableConcept": i["item"]["concept"]} for i in r["ingredient"]]
    return out


def _device(r: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in r.items() if k != "name"}
    out["deviceName"] = [{"name": n["value"], "type": n["type"]} for n in r.get("name", [])]
    return out


def _substance(r: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in r.items() if k not in ("instance", "code")}
    out["code"] = r["code"]["concept"]
    return out


def _statement(r: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in r.items() if k not in ("medication", "reason", "status")}
    out["status"] = "completed"
    out["medicationCodeableConcept"] = r["medication"]["concept"]
    if "reason" in r:
        out["reasonCode"] = [x["concept"] for x in r["reason"]]
    return out


_R4_SERIOUSNESS = {"serious": "Serious", "non-serious": "Non-serious"}
"""R5 seriousness codes -> the R4 codes of the same code system (R4 spells them capitalised)."""


def _seriousness(concept: dict[str, Any]) -> dict[str, Any]:
    codings = [
        {**x, "code": _R4_SERIOUSNESS.get(x.get("code", ""), x.get("code"))}
        for x in concept.get("coding", [])
    ]
    return {**concept, "coding": codings}


def _event(r: dict[str, Any], resources: dict[str, dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "resourceType": "AdverseEvent",
        "actuality": r["actuality"],
        "subject": r["subject"],
        "resultingCondition": r.get("resultingEffect", []),
        "suspectEntity": [{"instance": s["instanceReference"]} for s in r.get("suspectEntity", [])],
        "seriousness": _seriousness(r["seriousness"]),
    }
    conditions = [resources[ref["reference"]] for ref in r.get("resultingEffect", [])]
    if conditions:
        out["event"] = conditions[0]["code"]
    outcomes = [o for o in r.get("outcome", []) if o.get("coding")]
    if outcomes:
        out["outcome"] = outcomes[0]
    documents = [
        i["itemReference"]
        for i in r.get("supportingInfo", [])
        if resources[i["itemReference"]["reference"]]["resourceType"] == "DocumentReference"
    ]
    if documents:
        out["referenceDocument"] = documents
    for key, target in (("occurrenceDateTime", "date"), ("recordedDate", "recordedDate")):
        if key in r:
            out[target] = r[key]
    for key in ("category", "recorder"):
        if key in r:
            out[key] = r[key]
    if r.get("identifier"):
        out["identifier"] = r["identifier"][0]
    if r.get("note"):
        text = html.escape(r["note"][0]["text"])
        out["text"] = {
            "status": "generated",
            "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{text}</p></div>',
        }
    return out


_ADAPTERS = {
    "Medication": _medication,
    "Device": _device,
    "Substance": _substance,
    "MedicationStatement": _statement,
}


def to_r4(entries: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """The same entries in R4 shape."""
    resources = dict(entries)
    out = []
    for url, resource in entries:
        kind = resource["resourceType"]
        if kind == "AdverseEvent":
            out.append((url, _event(resource, resources)))
        else:
            out.append((url, _ADAPTERS.get(kind, dict)(resource)))
    return out
