"""One door in and out of dermavigil for case documents.

:func:`export_cases` writes a set of cases in one of :data:`EXPORT_FORMATS`;
:func:`import_document` reads a document whose format it detects from the
bytes themselves (the file name is only a hint):

- dermavigil JSON or YAML: one case (an object), several (a list), or
  ``{"cases": [...]}``;
- ICH E2B(R3) ICSR XML (a batch ``MCCI_IN200100UV01`` or one
  ``PORR_IN049016UV``), validated against the ICH schemas first;
- an HL7 FHIR R5 ``Bundle`` of ``AdverseEvent`` resources.

A document holding several cases imports case by case: a bad case is
reported (its problems located as ``cases.<n>.<field>``) and the good ones
are kept, unless ``all_or_nothing`` asks to refuse the whole document.
A case is never half-built: each is either a fully valid :class:`Case`
(:func:`dermavigil.domain.parse_case`) or a list of problems.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from dermavigil.domain import Case, parse_case
from dermavigil.domain.assessment import Assessment
from dermavigil.errors import InputError, Problem
from dermavigil.exchange.received import Received

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
"""Documents above this size are refused before parsing (FDA's largest example is 2 MB)."""


@dataclass(frozen=True)
class ExportFormat:
    """An export format: its name, media type, file suffix and a label for menus."""

    name: str
    media_type: str
    suffix: str
    label: str


@dataclass
class ImportResult:
    """What :func:`import_document` read: valid cases, problems of the refused ones, format."""

    cases: list[Case]
    problems: list[Problem] = field(default_factory=list)
    format: str = ""
    received: list[Received] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        """The business-rule warnings on the imported cases, located ``cases.<n>...``."""
        return [
            Problem(f"cases.{i}.{w.location}", w.message, w.value)
            for i, header in enumerate(self.received)
            for w in header.warnings
        ]

    """Per case (same order): its report ids and E2B C.1.11 nullification / amendment."""


CaseOutcome = Case | InputError
"""One case of a document: built, or refused with its problems."""


@dataclass(frozen=True)
class ExportOptions:
    """What an export may add to the cases: their assessments and the E2B sender/receiver ids."""

    assessments: Sequence[Assessment | None] | None = None
    sender: str | None = None
    receiver: str | None = None
    versions: Sequence[int] | None = None


DERIVED_SERIOUSNESS = "derived_seriousness"
"""Key of the JSON export stating the case's seriousness as the other formats do; derived
(:func:`~dermavigil.exchange.seriousness.case_seriousness`), so the import drops it."""


def _json_export(cases: Sequence[Case], options: ExportOptions) -> bytes:
    """One case as an object, several as a list (both re-import with :func:`import_document`),
    each with its :data:`DERIVED_SERIOUSNESS`."""
    from dermavigil.exchange.seriousness import case_seriousness

    judged = options.assessments or [None] * len(cases)
    dumped = []
    for case, assessment in zip(cases, judged, strict=True):
        body = case.model_dump(mode="json", exclude_none=True)
        serious = case_seriousness(case, assessment)
        body[DERIVED_SERIOUSNESS] = {
            "serious": serious.serious,
            "criteria": sorted(c.value for c in serious.criteria),
        }
        dumped.append(body)
    body: Any = dumped[0] if len(dumped) == 1 else dumped
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _e2b_export(cases: Sequence[Case], options: ExportOptions) -> bytes:
    from dermavigil.exchange.e2b.write import export_e2b

    return export_e2b(cases, options.assessments, sender=options.sender, receiver=options.receiver)


def _fhir_r5_export(cases: Sequence[Case], options: ExportOptions) -> bytes:
    from dermavigil.exchange.fhir.bundle import export_bundle

    return export_bundle(cases, release="R5", assessments=options.assessments)


def _fhir_r4_export(cases: Sequence[Case], options: ExportOptions) -> bytes:
    from dermavigil.exchange.fhir.bundle import export_bundle

    return export_bundle(cases, release="R4", assessments=options.assessments)


def _cioms_export(cases: Sequence[Case], options: ExportOptions) -> bytes:
    from dermavigil.exchange.cioms import render_cioms

    return render_cioms(cases, options.assessments, options.versions)


def _csv_export(cases: Sequence[Case], options: ExportOptions) -> bytes:
    from dermavigil.exchange.csv_export import line_listing

    return line_listing(cases, options.assessments)


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("json", "application/json", ".json", "dermavigil JSON"),
        ExportFormat("csv", "text/csv", ".csv", "Line listing (CSV)"),
        ExportFormat("e2b", "application/xml", ".xml", "ICH E2B(R3) ICSR XML"),
        ExportFormat("fhir", "application/fhir+json", ".fhir.json", "HL7 FHIR R5 Bundle"),
        ExportFormat("fhir-r4", "application/fhir+json", ".fhir-r4.json", "HL7 FHIR R4 Bundle"),
        ExportFormat("cioms", "application/pdf", ".pdf", "CIOMS-I form (PDF)"),
    )
}
"""Export formats by name, in menu order."""

_EXPORTERS: dict[str, Callable[[Sequence[Case], ExportOptions], bytes]] = {
    "json": _json_export,
    "csv": _csv_export,
    "e2b": _e2b_export,
    "fhir": _fhir_r5_export,
    "fhir-r4": _fhir_r4_export,
    "cioms": _cioms_export,
}


def export_cases(
    cases: Sequence[Case],
    fmt: str,
    *,
    assessments: Sequence[Assessment | None] | None = None,
    sender: str | None = None,
    receiver: str | None = None,
    versions: Sequence[int] | None = None,
) -> bytes:
    """Write ``cases`` in format ``fmt`` (a key of :data:`EXPORT_FORMATS`).

    ``assessments`` (one per case, None for a case without) puts each case's
    causality in E2B(R3) G.k.9.i.2.r, FHIR R5 ``suspectEntity.causality`` and
    the CIOMS-I form, and decides the seriousness every format but JSON states
    (:func:`~dermavigil.exchange.seriousness.case_seriousness`; derived from the
    case when no assessment is given).
    ``sender`` / ``receiver`` are the E2B(R3) batch and message ids (N.1.3/N.1.4,
    N.2.r.2/N.2.r.3); ``versions`` (the registry's version of each case) mark
    follow-up reports on the CIOMS-I form.
    """
    if fmt not in _EXPORTERS:
        raise InputError(
            f"unknown export format {fmt!r}",
            [Problem("format", f"use one of {', '.join(EXPORT_FORMATS)}", fmt)],
        )
    if not cases:
        raise InputError("nothing to export: no cases were given")
    if assessments is not None and len(assessments) != len(cases):
        raise InputError(
            "export: one assessment (or None) is needed per case",
            [Problem("assessments", f"{len(assessments)} given for {len(cases)} case(s)")],
        )
    options = ExportOptions(
        list(assessments) if assessments is not None else None, sender, receiver, versions
    )
    return _EXPORTERS[fmt](list(cases), options)


def _refuse_aliases(text: str, record: str) -> None:
    """Refuse YAML anchors/aliases: they allow exponential "billion laughs" expansion."""
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise InputError(
                    f"{record}: YAML aliases are not accepted",
                    [Problem("(document)", "remove the '*alias' references (write values out)")],
                )
    except yaml.YAMLError as error:
        raise InputError(f"{record}: not valid YAML", [Problem("(document)", str(error))]) from None


def _structured(text: str, record: str, as_yaml: bool) -> Any:
    """The JSON or YAML body of a dermavigil case document."""
    if not as_yaml:
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(
                f"{record}: not valid JSON",
                [Problem(f"line {error.lineno}, column {error.colno}", error.msg)],
            ) from None
    _refuse_aliases(text, record)
    return yaml.safe_load(text)


def _case_mappings(body: Any, record: str) -> list[Any]:
    """The case objects of a body: one object, a list, or ``{"cases": [...]}``."""
    if isinstance(body, dict) and set(body) == {"cases"}:
        body = body["cases"]
    if isinstance(body, dict):
        return [body]
    if isinstance(body, list) and body:
        return body
    raise InputError(
        f"{record}: expected a case (an object), a list of cases or {{'cases': [...]}}",
        [Problem("(document)", f"found {type(body).__name__}")],
    )


def _parse_each(mappings: list[Any], record: str) -> list[CaseOutcome]:
    """Each mapping validated into a case or its InputError."""
    outcomes: list[CaseOutcome] = []
    for i, mapping in enumerate(mappings):
        if isinstance(mapping, dict):
            mapping = {k: v for k, v in mapping.items() if k != DERIVED_SERIOUSNESS}
        try:
            outcomes.append(parse_case(mapping, record=f"{record} case {i + 1}"))
        except InputError as error:
            outcomes.append(error)
    return outcomes


def _sniff(data: bytes, filename: str | None) -> tuple[str, str]:
    """The format name (``json``, ``yaml``, ``e2b``, ``fhir``) and the decoded text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            "the document is not UTF-8 text",
            [
                Problem(
                    f"byte {error.start}", "invalid UTF-8 (PDF and binary files are not imported)"
                )
            ],
        ) from None
    head = text.lstrip()[:1]
    if head == "<":
        return "e2b", text
    if head in "{[" and head:
        try:
            body = json.loads(text)
        except json.JSONDecodeError:
            return "json", text
        if isinstance(body, dict) and body.get("resourceType") == "Bundle":
            return "fhir", text
        if isinstance(body, dict) and "resourceType" in body:
            raise InputError(
                f"a FHIR {body['resourceType']} on its own is not imported",
                [Problem("resourceType", "send a Bundle holding AdverseEvent resources")],
            )
        return "json", text
    name = (filename or "").lower()
    if not text.strip():
        raise InputError("the document is empty")
    if name.endswith((".yaml", ".yml")) or ":" in text:
        return "yaml", text
    raise InputError(
        "the document's format was not recognised",
        [Problem("(document)", "expected dermavigil JSON/YAML, E2B(R3) XML or a FHIR Bundle")],
    )


def _outcomes(fmt: str, data: bytes, text: str, record: str) -> list[tuple[CaseOutcome, Received]]:
    """The cases (or refusals) of a document of format ``fmt``, with their C.1.11 (E2B)."""
    if fmt == "e2b":
        from dermavigil.exchange.e2b.read import received

        return received(data, record=record)
    if fmt == "fhir":
        from dermavigil.exchange.fhir.bundle import import_bundle

        return [(o, Received()) for o in import_bundle(text, record=record)]
    body = _structured(text, record, as_yaml=fmt == "yaml")
    return [(o, Received()) for o in _parse_each(_case_mappings(body, record), record)]


def import_document(
    data: bytes, filename: str | None = None, *, all_or_nothing: bool = False
) -> ImportResult:
    """Read the cases of a document, detecting its format.

    Raises :class:`InputError` when the document as a whole is unreadable,
    when no case in it is valid, or (with ``all_or_nothing``) when any is not.
    """
    record = filename or "document"
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{record}: the document is larger than {MAX_DOCUMENT_BYTES // 2**20} MB",
            [Problem("(document)", "split it into smaller batches")],
        )
    fmt, text = _sniff(data, filename)
    read = _outcomes(fmt, data, text, record)
    outcomes = [o for o, _ in read]
    cases = [o for o in outcomes if isinstance(o, Case)]
    received_ = [a for o, a in read if isinstance(o, Case)]
    problems: list[Problem] = []
    for i, outcome in enumerate(outcomes):
        if isinstance(outcome, InputError):
            located = [
                Problem(f"cases.{i}.{p.location}", p.message, p.value) for p in outcome.problems
            ]
            problems += located or [Problem(f"cases.{i}", outcome.message)]
    if problems and (all_or_nothing or not cases):
        refused = len(outcomes) - len(cases)
        raise InputError(
            f"{record}: {refused} of {len(outcomes)} case(s) refused; nothing was imported",
            problems,
        )
    return ImportResult(cases=cases, problems=problems, format=fmt, received=received_)
