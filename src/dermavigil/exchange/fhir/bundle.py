"""HL7 FHIR: cases to a Bundle of AdverseEvent resources (R5, or R4 for older systems) and back.

The resources are built by :mod:`~dermavigil.exchange.fhir.build` and
validated by the ``fhir.resources`` models (8.x: R5 by default, R4 content
with the R4B models) before anything is returned; an R5 bundle is read
back by :mod:`~dermavigil.exchange.fhir.read`. What FHIR has no element for
travels in an extension of the AdverseEvent (``urn:dermavigil:fhir:case-supplement``)
holding the :mod:`~dermavigil.exchange.supplement` of the case, so that
case -> R5 bundle -> case is exact. A case's assessment, when given, adds
``suspectEntity.causality`` (:mod:`~dermavigil.exchange.fhir.causality`),
read back into ``unmapped``. The R4 export omits it (export only).
Bundle entries no AdverseEvent reaches are kept whole in the first case's
``unmapped``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any

from pydantic import ValidationError

from dermavigil.domain import Case
from dermavigil.domain.assessment import Assessment
from dermavigil.errors import InputError, Problem
from dermavigil.exchange.fhir import codes as f
from dermavigil.exchange.fhir.build import case_entries
from dermavigil.exchange.fhir.causality import read_causality, with_causality
from dermavigil.exchange.fhir.r4 import from_r4, to_r4
from dermavigil.exchange.fhir.read import Bundle, event_mapping
from dermavigil.exchange.supplement import build_case, diff, read_changes

RELEASES = ("R5", "R4")


def _model(release: str) -> Any:
    if release == "R5":
        from fhir.resources.bundle import Bundle as Model
    else:
        from fhir.resources.R4B.bundle import Bundle as Model
    return Model


def _validated(body: dict[str, Any], release: str, record: str) -> dict[str, Any]:
    """``body`` validated by the fhir.resources models of ``release`` (JSON back, or InputError)."""
    try:
        model = _model(release).model_validate(body)
    except ValidationError as error:
        problems = [
            Problem(".".join(str(x) for x in e["loc"]) or "(bundle)", e["msg"])
            for e in error.errors(include_url=False)
        ]
        raise InputError(f"{record}: not a valid FHIR {release} Bundle", problems) from None
    return json.loads(model.model_dump_json(exclude_none=True, by_alias=True))


def _bundle(entries: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries],
    }


def _case_entries(
    case: Case, release: str, assessment: Assessment | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """The entries of one case, with the supplement extension and causality (R5) or adapted
    to R4. Causality is added after the supplement is computed, which never carries it."""
    entries, event = case_entries(case, assessment)
    items = [*entries.items, (f.new_url(), event)]
    if release == "R4":
        return to_r4(items)
    seen = event_mapping(Bundle(items), event)
    changes = diff(case.model_dump(mode="json", exclude_defaults=True), seen)
    if changes:
        text = json.dumps(changes, ensure_ascii=False)
        event["extension"] = [{"url": f.SUPPLEMENT_URL, "valueString": text}]
    if assessment is not None:
        event["suspectEntity"] = with_causality(event["suspectEntity"], assessment)
    return items


def export_bundle(
    cases: Sequence[Case],
    release: str = "R5",
    assessments: Sequence[Assessment | None] | None = None,
) -> bytes:
    """A FHIR ``collection`` Bundle of the cases, validated by the library's models.

    ``assessments`` (one per case, or None) add R5 ``suspectEntity.causality``.
    """
    if release not in RELEASES:
        raise InputError(f"unknown FHIR release {release!r}", [Problem("release", "use R5 or R4")])
    judged = list(assessments) if assessments is not None else [None] * len(cases)
    entries = [
        item
        for case, assessment in zip(cases, judged, strict=True)
        for item in _case_entries(case, release, assessment)
    ]
    body = _validated(_bundle(entries), release, "FHIR export")
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _supplement(event: dict[str, Any]) -> str | None:
    """The text of the supplement extension of an AdverseEvent, if any."""
    for extension in event.get("extension", []):
        if extension.get("url") == f.SUPPLEMENT_URL:
            return extension.get("valueString") or ""
    return None


def _known(kind: object) -> bool:
    """Whether ``kind`` is a resource type of FHIR R5 or R4 (as fhir.resources knows them)."""
    from fhir.resources import get_fhir_model_class
    from fhir.resources.R4B import get_fhir_model_class as get_r4_model_class

    for lookup in (get_fhir_model_class, get_r4_model_class):
        try:
            lookup(str(kind))
            return True
        except (KeyError, ValueError):
            continue
    return False


def _refuse_unknown_types(body: dict[str, Any], record: str) -> None:
    """An entry whose resourceType no FHIR release has is refused by name, before validation."""
    entries = body.get("entry", [])
    if not isinstance(entries, list):
        raise InputError(f"{record}: Bundle.entry is not a list", [Problem("Bundle.entry", "")])
    problems = []
    for i, entry in enumerate(entries):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        kind = resource.get("resourceType") if isinstance(resource, dict) else None
        if not _known(kind):
            where = f"Bundle.entry[{i}].resource.resourceType"
            problems.append(Problem(where, "not a resource type of FHIR R5 or R4", str(kind)))
    if problems:
        raise InputError(f"{record}: the Bundle holds unknown resource types", problems)


def _release(body: dict[str, Any], record: str) -> tuple[dict[str, Any], str]:
    """The Bundle validated as R5, else as R4 (both refused: the R5 problems are reported)."""
    try:
        return _validated(body, "R5", record), "R5"
    except InputError as r5_error:
        try:
            return _validated(body, "R4", record), "R4"
        except InputError:
            raise r5_error from None


def import_bundle(text: str, *, record: str = "document") -> list[Case | InputError]:
    """The cases of an R5 or R4 Bundle, one per AdverseEvent, each built or refused with its
    problems. An R4 Bundle is read through :func:`~dermavigil.exchange.fhir.r4.from_r4`."""
    raw = json.loads(text)
    _refuse_unknown_types(raw, record)
    body, release = _release(raw, record)
    entries = [
        (e.get("fullUrl", f"entry-{i}"), e["resource"]) for i, e in enumerate(body.get("entry", []))
    ]
    if release == "R4":
        entries = from_r4(entries)
    events = [r for _, r in entries if r.get("resourceType") == "AdverseEvent"]
    if not events:
        raise InputError(
            f"{record}: the Bundle holds no AdverseEvent", [Problem("entry", "no AdverseEvent")]
        )
    bundle = Bundle(entries)
    mappings = [event_mapping(bundle, event) for event in events]
    unmapped = bundle.unmapped()
    outcomes: list[Case | InputError] = []
    for i, (event, mapping) in enumerate(zip(events, mappings, strict=True)):
        label = f"{record} AdverseEvent {i + 1}"
        if unmapped and i == 0:
            mapping["unmapped"] = unmapped
        read = partial(read_changes, record=label)
        try:
            case = build_case(mapping, _supplement(event), read, record=label)
        except InputError as error:
            outcomes.append(error)
            continue
        assessed = read_causality(event, bundle.by_url)
        if assessed:
            case = case.model_copy(update={"unmapped": {**case.unmapped, **assessed}})
        outcomes.append(case)
    return outcomes
