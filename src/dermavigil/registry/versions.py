"""Case versions written and read back: the one place where a version, its audit row,
its assessment and its search facts are written, and where a stored version becomes a
:class:`~dermavigil.registry.models.StoredCase` again.

:class:`VersionStore` is the base of :class:`~dermavigil.registry.CaseService` and of
its write mixins (:mod:`dermavigil.registry.followups`,
:mod:`dermavigil.registry.workflow_writes`); it never commits (the caller owns the
transaction). Assessments are computed by :func:`dermavigil.domain.assessment.assess`
from the stored facts, the product catalogue's labelled routes for products whose report
records none, and the overrides recorded so far (the latest per target), when a version
is written, and stored with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy.orm import Session

from dermavigil.domain.assessment import Assessment, Override, assess
from dermavigil.domain.case import Case
from dermavigil.domain.off_label import LabelledRoutes
from dermavigil.domain.workflow import day_zero
from dermavigil.errors import ConflictError, InputError, NotFoundError, Problem
from dermavigil.registry import repository as repo
from dermavigil.registry.changes import FieldChange
from dermavigil.registry.facets import SearchFacts, search_facts
from dermavigil.registry.flow import flow_of
from dermavigil.registry.intake import PreparedCase
from dermavigil.registry.models import StoredCase
from dermavigil.registry.overrides import effective_overrides
from dermavigil.registry.tables import AuditRow, CaseRow, CaseVersion, OverrideRow

_EVIDENCE = TypeAdapter(dict[str, list[tuple[int, int]]])


def utcnow() -> datetime:
    return datetime.now(UTC)


def required(value: str, name: str) -> str:
    """``value`` stripped; refused when empty."""
    if not value or not value.strip():
        raise InputError(f"{name} is required", [Problem(name, "may not be empty")])
    return value.strip()


def document_of(case: Case) -> dict[str, Any]:
    """The JSON document a version stores."""
    return case.model_dump(mode="json", exclude_none=True)


def check_evidence(
    evidence: dict[str, list[tuple[int, int]]] | None,
) -> dict[str, list[list[int]]] | None:
    if evidence is None:
        return None
    try:
        checked = _EVIDENCE.validate_python(evidence)
    except ValidationError as exc:
        raise InputError(
            "evidence must map field paths to lists of (start, end) character offsets",
            [Problem("evidence." + ".".join(map(str, e["loc"])), e["msg"]) for e in exc.errors()],
        ) from exc
    for path, spans in checked.items():
        for start, end in spans:
            if not 0 <= start <= end:
                raise InputError(f"evidence.{path}: span ({start}, {end}) is not start <= end")
    return {path: [list(span) for span in spans] for path, spans in checked.items()}


@dataclass(frozen=True)
class NewCase:
    """A case to store as version 1 (:meth:`CaseService.create_all`); ``prepared``: its
    :func:`~dermavigil.registry.intake.prepare`, when worked out before the transaction."""

    case: Case
    by: str
    status: str = "active"
    evidence: dict[str, list[tuple[int, int]]] | None = None
    source_text: str | None = None
    prepared: PreparedCase | None = None


@dataclass(frozen=True)
class Entry:
    """What a version records besides the case: its status, who wrote it, the audit
    row's action, reason and changes, and the evidence and source text kept with it."""

    status: str
    by: str
    action: str
    reason: str | None
    changes: list[FieldChange]
    evidence: dict[str, Any] | None
    source_text: str | None


def _written(
    owner: str,
    version: dict[str, Any],
    case: Case,
    assessment: Assessment,
    flow: dict[str, Any],
) -> StoredCase:
    """The version just written (column values of ``case_versions``) as a stored case."""
    return StoredCase(
        case_id=version["case_id"],
        version=version["version"],
        status=version["status"],
        case=case,
        assessment=assessment,
        evidence=version["evidence"],
        source_text=version["source_text"],
        created_at=version["created_at"],
        created_by=version["created_by"],
        owner=owner,
        **flow,
    )


class VersionStore:
    """Write a new version of a case (with audit, overrides, assessment) and read one back."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = utcnow) -> None:
        self.session = session
        self.clock = clock

    def _case(self, case_id: str, *, lock: bool = False) -> CaseRow:
        row = repo.get_case(self.session, case_id.strip().upper(), lock=lock)
        if row is None:
            raise NotFoundError(f"no case {case_id!r} in the registry")
        return row

    def _writable(self, case_id: str) -> CaseRow:
        row = self._case(case_id, lock=True)
        if row.status == "retracted":
            raise ConflictError(f"{row.case_id} is retracted; it can no longer be changed")
        return row

    def _version(self, row: CaseRow) -> CaseVersion:
        version = repo.get_version(self.session, row.case_id, row.current_version)
        if version is None:  # the foreign keys make this impossible
            raise RuntimeError(f"{row.case_id}: current version {row.current_version} missing")
        return version

    def _set_status(
        self, row: CaseRow, action: str, status: str, by: str, reason: str | None
    ) -> StoredCase:
        current = self._version(row)
        case = Case.model_validate(current.document)
        change = FieldChange(path="status", old=row.status, new=status)
        return self._write(
            row, case, status, by, action, reason, [change], current.evidence, current.source_text
        )

    def _write(
        self,
        row: CaseRow,
        case: Case,
        status: str,
        by: str,
        action: str,
        reason: str | None,
        changes: list[FieldChange],
        evidence: dict[str, Any] | None,
        source_text: str | None,
        new_override: Override | None = None,
        flow: dict[str, Any] | None = None,
    ) -> StoredCase:
        """Store the next version of the stored case ``row`` (new cases: :meth:`_new_version`)."""
        expected = row.current_version
        flow = flow or flow_of(row)
        overrides = effective_overrides(repo.overrides(self.session, row.case_id, expected))
        if new_override is not None:
            overrides = [o for o in overrides if o.target != new_override.target]
            overrides.append(new_override)
        assessment = assess(case, overrides, self.labelled(case))
        facts = search_facts(case, assessment)
        entry = Entry(status, by, action, reason, changes, evidence, source_text)
        version, audit = self._rows(
            row.case_id, expected + 1, entry, flow, facts, document_of(case),
            assessment.model_dump(mode="json"),
        )  # fmt: skip
        repo.add_version(self.session, version, facts, audit)
        if new_override is not None:
            repo.add_override(
                self.session,
                OverrideRow(
                    case_id=row.case_id,
                    version=version["version"],
                    **new_override.model_dump(include={"target", "value", "by", "reason", "at"}),
                ),
            )
        at = version["created_at"]
        repo.move_pointer(self.session, row.case_id, expected, expected + 1, status, at, flow)
        return _written(row.owner, version, case, assessment, flow)

    def _new_version(
        self,
        case_id: str,
        case: Case,
        entry: Entry,
        created_at: datetime,
        prepared: PreparedCase,
    ) -> tuple[repo.NewCaseRows, StoredCase]:
        """Version 1 of a new case (:meth:`CaseService.create_all`) as the rows to insert
        (:func:`~dermavigil.registry.repository.add_new_cases`), and as stored."""
        row = repo.row_values(
            CaseRow,
            case_id=case_id,
            current_version=1,
            status=entry.status,
            owner=entry.by,
            created_at=created_at,
            workflow="received",
            day0=day_zero(case.report.received_date, created_at.date()).isoformat(),
        )
        flow = flow_of(row)
        version, audit = self._rows(
            case_id, 1, entry, flow, prepared.facts, prepared.document(case_id),
            prepared.assessment_json,
        )  # fmt: skip
        row["updated_at"] = version["created_at"]  # the case points at version 1
        stored = _written(entry.by, version, case, prepared.assessment, flow)
        return repo.NewCaseRows(row, version, prepared.facts, audit), stored

    def _rows(
        self,
        case_id: str,
        number: int,
        entry: Entry,
        flow: dict[str, Any],
        facts: SearchFacts,
        document: Any,
        assessment_json: Any,
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Version ``number`` of case ``case_id`` and its audit row, written now (column
        values, :func:`~dermavigil.registry.repository.row_values`)."""
        now = self.clock()
        version = repo.row_values(
            CaseVersion,
            case_id=case_id,
            version=number,
            status=entry.status,
            document=document,
            evidence=entry.evidence,
            source_text=entry.source_text,
            assessment=assessment_json,
            created_at=now,
            created_by=entry.by,
            workflow=flow["workflow"],
            assignee=flow["assignee"],
            expectedness=flow["expectedness"],
            **facts.columns(),
        )
        audit = repo.row_values(
            AuditRow,
            case_id=case_id,
            version=number,
            at=now,
            by=entry.by,
            action=entry.action,
            reason=entry.reason,
            changes=[c.model_dump(mode="json") for c in entry.changes],
        )
        return version, audit

    def _stored(self, row: CaseRow, version: CaseVersion, overridden: bool = True) -> StoredCase:
        """The stored case with the assessment stored with it or, for a version written
        before assessments were stored, assessed now with its overrides (looked up
        unless ``overridden`` says there are none)."""
        case = Case.model_validate(version.document)
        if version.assessment is not None:
            assessment = Assessment.model_validate(version.assessment)
        else:
            recorded = (
                repo.overrides(self.session, row.case_id, version.version) if overridden else []
            )
            assessment = assess(case, effective_overrides(recorded), self.labelled(case))
        return self._as_stored(row, version, case, assessment)

    def labelled(self, case: Case) -> dict[int, LabelledRoutes]:
        """The catalogue's labelled routes for products whose report records none (the
        merged catalogue: shipped entries and the registry's)."""
        if all(p.approved_routes for p in case.products):
            return {}
        from dermavigil.catalogue.routes import labelled_routes
        from dermavigil.registry.products import ProductService

        return labelled_routes(case, ProductService(self.session).catalogue())

    @staticmethod
    def _as_stored(
        row: CaseRow,
        version: CaseVersion,
        case: Case,
        assessment: Assessment,
        flow: dict[str, Any] | None = None,
    ) -> StoredCase:
        """The stored case; its workflow is the one written with it (``flow``), else the
        case's own when ``version`` is current, else as recorded with ``version``."""
        if flow is None:
            flow = flow_of(row)
            if version.version != row.current_version and version.workflow is not None:
                flow.update(
                    workflow=version.workflow,
                    assignee=version.assignee,
                    expectedness=version.expectedness,
                )
        return StoredCase(
            case_id=row.case_id,
            version=version.version,
            status=version.status,  # type: ignore[arg-type]
            case=case,
            assessment=assessment,
            evidence=version.evidence,  # type: ignore[arg-type]
            source_text=version.source_text,
            created_at=version.created_at,
            created_by=version.created_by,
            owner=row.owner,
            **flow,
        )
