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
import re
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


def to_r4(entries: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """The same entries in R4 shape."""
    resources = dict(entries)
    out = []
    for url, resource in entries:
        kind = resource["resourceType"]
        if kind == "AdverseEvent":
            out.append((url, _event(resource, resources)))
        else:
            out.append((url, _ADAPTERS[kind][0](resource) if kind in _ADAPTERS else dict(resource)))
    return out


_LOINC_PATIENT_FACTS = {"30525-0", "29463-7", "46251-5"}
"""LOINC codes of the age, weight and age-group Observations (patient facts, not findings)."""


def _r5_event(r: dict[str, Any], entries: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """An R4 AdverseEvent in R5 shape; R4 has no ``supportingInfo``: the statements,
    findings and documents of the same subject in the Bundle become it."""
    out = {k: v for k, v in r.items() if k not in _R4_ONLY_EVENT_KEYS}
    out["status"] = "completed"
    out["resultingEffect"] = r.get("resultingCondition", [])
    out["suspectEntity"] = [
        {"instanceReference": s["instance"]} for s in r.get("suspectEntity", []) if "instance" in s
    ]
    if "seriousness" in r:
        back = {v: k for k, v in _R4_SERIOUSNESS.items()}
        out["seriousness"] = {
            **r["seriousness"],
            "coding": [
                {**x, "code": back.get(x.get("code", ""), x.get("code"))}
                for x in r["seriousness"].get("coding", [])
            ],
        }
    if "outcome" in r:
        out["outcome"] = [r["outcome"]]
    if "date" in r:
        out["occurrenceDateTime"] = r["date"]
    if isinstance(r.get("identifier"), dict):
        out["identifier"] = [r["identifier"]]
    subject = r.get("subject")
    support = []
    for url, resource in entries:
        kind = resource.get("resourceType")
        codes = {c.get("code") for c in resource.get("code", {}).get("coding", [])}
        finding = kind == "Observation" and not codes & _LOINC_PATIENT_FACTS
        if resource.get("subject") == subject and (kind == "MedicationStatement" or finding):
            support.append({"reference": url})
    support += r.get("referenceDocument", [])
    if support:
        out["supportingInfo"] = [{"itemReference": ref} for ref in support]
    return out


_R4_ONLY_EVENT_KEYS = {
    "event", "resultingCondition", "suspectEntity", "date", "outcome", "identifier",
    "referenceDocument", "seriousness",
}  # fmt: skip


def _r5_statement(r: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in r.items() if k not in ("medicationCodeableConcept", "reasonCode")}
    out["status"] = "recorded"
    if "medicationCodeableConcept" in r:
        out["medication"] = {"concept": r["medicationCodeableConcept"]}
    if "reasonCode" in r:
        out["reason"] = [{"concept": x} for x in r["reasonCode"]]
    return out


def _r5_medication(r: dict[str, Any]) -> dict[str, Any]:
    out = dict(r)
    if "ingredient" in r:
        out["ingredient"] = [
            {"item": {"concept": i["itemCodeableConcept"]}}
            for i in r["ingredient"]
            if "itemCodeableConcept" in i
        ]
    return out


def _r5_device(r: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in r.items() if k != "deviceName"}
    if "deviceName" in r:
        out["name"] = [{"value": n["name"], "type": n["type"]} for n in r["deviceName"]]
    return out


def _r5_substance(r: dict[str, Any]) -> dict[str, Any]:
    out = dict(r)
    if "code" in r:
        out["code"] = {"concept": r["code"]}
    out.setdefault("instance", True)
    return out


_ADAPTERS = {
    kind: (to, back)
    for kind, to, back in (
        ("Medication", _medication, _r5_medication),
        ("Device", _device, _r5_device),
        ("Substance", _substance, _r5_substance),
        ("MedicationStatement", _statement, _r5_statement),
    )
}
"""Per resource type: (R5 -> R4, R4 -> R5)."""


def from_r4(entries: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """R4 (R4B) entries in the R5 shapes :mod:`~dermavigil.exchange.fhir.read` reads: the
    inverse of :func:`to_r4` for what dermavigil's R4 export writes (and for the same
    resources from other R4 senders). The narrative of an R4 AdverseEvent is XHTML
    ``text``; it becomes the R5 ``note`` with its markup removed."""
    out = []
    for url, resource in entries:
        kind = resource.get("resourceType")
        if kind == "AdverseEvent":
            event = _r5_event(resource, entries)
            div = resource.get("text", {}).get("div")
            if div and "note" not in event:
                event["note"] = [{"text": html.unescape(_TAGS.sub("", div)).strip()}]
                event.pop("text", None)
            out.append((url, event))
        else:
            out.append((url, _ADAPTERS[kind][1](resource) if kind in _ADAPTERS else dict(resource)))
    return out


_TAGS = re.compile(r"<[^>]+>")
