"""The case service shared by the web app and the CLI.

Every change writes a new immutable version of the case with an audit row
(who, when, what changed as field paths, why) in the caller's transaction;
the service never commits. Writers are optimistic: ``update`` names the
version it read (``expected_version``) and fails with
:class:`~dermavigil.errors.ConflictError` if someone else wrote meanwhile;
the (case_id, version) primary key guarantees that two concurrent writers can
never both create the same version, so no version is ever lost.

Assessments are computed by :func:`dermavigil.domain.assessment.assess` from
the stored facts, the product catalogue's labelled routes for products whose
report records none, and the overrides recorded so far (the latest per target),
when a version is written; both are immutable per version, so the assessment
is stored with the version and read back rather than recomputed (versions
written before it was stored are assessed when read).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError
from sqlalchemy.orm import Session

from dermavigil.domain.assessment import Assessment, Override, assess
from dermavigil.domain.case import Case
from dermavigil.domain.off_label import LabelledRoutes
from dermavigil.domain.workflow import check_expectedness, check_move, day_zero
from dermavigil.errors import ConflictError, InputError, NotFoundError, Problem
from dermavigil.registry import repository as repo
from dermavigil.registry.changes import FieldChange, diff
from dermavigil.registry.facets import search_facts
from dermavigil.registry.models import (
    CaseFilter,
    CaseSummary,
    Page,
    StoredCase,
    VersionInfo,
)
from dermavigil.registry.overrides import as_text, assessed_value, effective_overrides
from dermavigil.registry.tables import AuditRow, CaseRow, CaseVersion, OverrideRow

MAX_PAGE = 1000
_EVIDENCE = TypeAdapter(dict[str, list[tuple[int, int]]])
_OWN_ID = re.compile(r"(?:^|-)(DV-\d{6})$")
"""A dermavigil case id at the end of a report id (exports send C.1.1 ``<sender>-DV-000001``)."""
ReceivedAs = Literal["created", "follow-up", "amended", "unchanged", "nullified"]
"""What :meth:`CaseService.receive` did with a received report."""
FLOW = ("workflow", "assignee", "expectedness", "day0", "assessed_on")
"""The workflow columns of ``cases`` (see :mod:`dermavigil.domain.workflow`)."""
UNCHANGED: Any = object()
"""Leave a workflow field as it is (see :meth:`CaseService.set_workflow`)."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def _require(value: str, name: str) -> str:
    if not value or not value.strip():
        raise InputError(f"{name} is required", [Problem(name, "may not be empty")])
    return value.strip()


def _document(case: Case) -> dict[str, Any]:
    return case.model_dump(mode="json", exclude_none=True)


class CaseService:
    """Create, read, search, change and assess cases (see the module docstring)."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = utcnow) -> None:
        self.session = session
        self.clock = clock

    # --- reading -----------------------------------------------------------------

    def get(self, case_id: str, version: int | None = None) -> StoredCase:
        """A case at its current version (or at ``version``)."""
        found = repo.get_case_version(self.session, case_id.strip().upper(), version)
        if found is None:
            row = self._case(case_id)  # 404 when there is no such case
            raise NotFoundError(
                f"{case_id} has no version {version} (current is {row.current_version})"
            )
        row, stored, overridden = found
        return self._stored(row, stored, overridden)

    def assess(self, case_id: str) -> Assessment:
        """The assessment of the current version."""
        return self.get(case_id).assessment

    def history(self, case_id: str) -> list[VersionInfo]:
        """Every version of the case, oldest first, with who/when/what/why."""
        self._case(case_id)
        return [
            VersionInfo(
                version=a.version,
                at=a.at,
                by=a.by,
                action=a.action,  # type: ignore[arg-type]
                reason=a.reason,
                changes=[FieldChange.model_validate(c) for c in a.changes],
            )
            for a in repo.audit_trail(self.session, case_id)
        ]

    def list(
        self, filter: CaseFilter | None = None, offset: int = 0, limit: int = 50
    ) -> Page[CaseSummary]:
        """A page of current versions matching ``filter`` (by default: active cases)."""
        if offset < 0 or not 1 <= limit <= MAX_PAGE:
            raise InputError(f"offset must be >= 0 and limit between 1 and {MAX_PAGE}")
        rows, total = repo.search(self.session, _checked(filter), offset, limit)
        items = [_summary(case, version) for case, version in rows]
        return Page[CaseSummary](items=items, total=total, offset=offset, limit=limit)

    def batch_after(
        self, filter: CaseFilter | None, after: str = "", limit: int = 200
    ) -> list[StoredCase]:
        """Up to ``limit`` matching cases at their current version whose id sorts after
        ``after`` (by case id): read a long result in short transactions."""
        rows = repo.current_after(self.session, _checked(filter), after, limit)
        return [self._stored(case, version) for case, version in rows]

    def all_current(self, filter: CaseFilter | None = None) -> Iterator[StoredCase]:
        """Every matching case at its current version, by case id."""
        for case, version in repo.iter_current(self.session, _checked(filter)):
            yield self._stored(case, version)

    # --- writing -----------------------------------------------------------------

    def create(
        self,
        case: Case,
        by: str,
        status: str = "active",
        evidence: dict[str, list[tuple[int, int]]] | None = None,
        source_text: str | None = None,
    ) -> StoredCase:
        """Store a new case as version 1 (``status`` draft or active)."""
        by = _require(by, "by")
        if status not in ("draft", "active"):
            raise InputError(f"a new case is 'draft' or 'active', not {status!r}")
        evidence = _check_evidence(evidence)
        case_id = f"DV-{repo.next_number(self.session, 'case'):06d}"
        case = case.model_copy(update={"case_id": case_id})
        now = self.clock()
        row = CaseRow(
            case_id=case_id,
            current_version=0,
            status=status,
            owner=by,
            created_at=now,
            updated_at=now,
            workflow="received",
            day0=day_zero(case.report.received_date, now.date()).isoformat(),
        )
        return self._write(row, case, status, by, "create", None, [], evidence, source_text)

    def update(self, case_id: str, case: Case, by: str, expected_version: int) -> StoredCase:
        """Store changed facts as a new version, if ``expected_version`` is still current."""
        by = _require(by, "by")
        row = self._writable(case_id)
        if row.current_version != expected_version:
            raise ConflictError(
                f"{case_id} is at version {row.current_version}, not {expected_version}: "
                "someone changed it meanwhile; reload and apply your change again"
            )
        current = self._version(row)
        case = case.model_copy(update={"case_id": row.case_id})
        changes = diff(current.document, _document(case))
        if not changes:
            return self._stored(row, current)
        flow = self._flow_after_new_facts(row, case, changes)
        return self._write(
            row, case, row.status, by, "update", None, changes + _flow_changes(row, flow),
            current.evidence, current.source_text, flow=flow,
        )  # fmt: skip

    def override(
        self, case_id: str, override_target: str, value: str, by: str, reason: str
    ) -> StoredCase:
        """Record an assessor's override of one assessment answer as a new version."""
        by = _require(by, "by")
        reason = _require(reason, "reason")
        row = self._writable(case_id)
        current = self._version(row)
        before = self._stored(row, current)
        override = Override(  # refuses an unknown target or value (InputError)
            target=override_target, value=value, by=by, reason=reason, at=self.clock()
        )
        change = FieldChange(
            path=f"assessment.{override_target}",
            old=as_text(assessed_value(before.assessment, override_target)),
            new=override.value,
        )
        return self._write(
            row, before.case, row.status, by, "override", reason, [change],
            current.evidence, current.source_text, new_override=override,
        )  # fmt: skip

    def retract(self, case_id: str, by: str, reason: str) -> StoredCase:
        """Withdraw a case (it stays stored, with every version, and is hidden from lists)."""
        by = _require(by, "by")
        reason = _require(reason, "reason")
        row = self._writable(case_id)
        return self._set_status(row, "retract", "retracted", by, reason)

    def receive(
        self,
        case: Case,
        by: str,
        amendment: Literal["nullification", "amendment"] | None = None,
        reason: str | None = None,
        report_ids: Sequence[str] = (),
    ) -> tuple[StoredCase, ReceivedAs]:
        """Store a received report (an E2B or FHIR import) where it belongs.

        A report whose C.1.8.1 worldwide case id (``report.source_id``) or sender's C.1.1
        (``report.sender_report_id``) is that of a stored case, or names a dermavigil case
        (``...-DV-000001``, as dermavigil exports it), is a follow-up: a new version of
        that case, its differences in the history (audit reason "follow-up received" or,
        for C.1.11.1 = 2, "amendment" with C.1.11.2). A nullification (C.1.11.1 = 1)
        retracts the stored case; one for no stored case is refused, nothing stored.
        Otherwise the report is a new case. ``report_ids`` are the ids the report was sent
        with (C.1.8.1, C.1.1), tried before the case's own.
        """
        by = _require(by, "by")
        own_ids = (case.report.source_id, case.report.sender_report_id)
        ids = list(dict.fromkeys(x for x in (*report_ids, *own_ids) if x))
        own = [m.group(1) for x in ids if (m := _OWN_ID.search(x))]
        case_id = repo.case_by_report_id(self.session, ids, own) if ids else None
        why = f": {reason}" if reason else ""
        if amendment == "nullification":
            if case_id is None:
                raise InputError(
                    "a nullification (E2B C.1.11.1 = 1) for a case that is not stored; "
                    "nothing was stored",
                    [Problem("C.1.8.1", "no stored case has this id", ", ".join(ids) or None)],
                )
            retracted = self.retract(case_id, by, f"nullified by its sender (C.1.11.1){why}")
            return retracted, "nullified"
        if case_id is None:
            return self.create(case, by), "created"
        row = self._writable(case_id)
        current = self._version(row)
        case = case.model_copy(update={"case_id": row.case_id})
        changes = diff(current.document, _document(case))
        if not changes:
            return self._stored(row, current), "unchanged"
        if amendment == "amendment":
            action_reason, received = f"amendment (C.1.11.1){why}", "amended"
        else:
            action_reason, received = f"follow-up received ({ids[0]})", "follow-up"
        flow = self._flow_after_new_facts(row, case, changes)
        stored = self._write(
            row, case, row.status, by, "update", action_reason,
            changes + _flow_changes(row, flow), current.evidence, current.source_text,
            flow=flow,
        )  # fmt: skip
        return stored, received  # type: ignore[return-value]

    def accept_draft(self, case_id: str, by: str) -> StoredCase:
        """Make a draft (e.g. extracted from a case report) an active case."""
        by = _require(by, "by")
        row = self._writable(case_id)
        if row.status != "draft":
            raise ConflictError(f"{case_id} is {row.status}, not a draft")
        return self._set_status(row, "accept", "active", by, None)

    def set_workflow(
        self,
        case_id: str,
        by: str,
        *,
        status: str | None = None,
        assignee: str | None = UNCHANGED,
        expectedness: str | None = UNCHANGED,
        reason: str | None = None,
    ) -> StoredCase:
        """Move the case in its workflow, (re)assign it or record its expectedness, as a
        new version with an audit row (action ``workflow``). Taking a received case into
        review assigns it to ``by`` unless it has an assessor; reaching "assessed" stops
        the clock. Nothing changed: no new version."""
        by = _require(by, "by")
        row = self._writable(case_id)
        if row.status != "active":
            raise ConflictError(f"{row.case_id} is a {row.status}; accept it before assessing it")
        flow = _flow(row)
        if assignee is not UNCHANGED:
            flow["assignee"] = self._assessor(assignee) if assignee else None
        if expectedness is not UNCHANGED:
            flow["expectedness"] = check_expectedness(expectedness)
        if status:
            flow["workflow"] = check_move(row.workflow, status)
            if status == "in_review" and not flow["assignee"]:
                flow["assignee"] = by
            today = self.clock().date().isoformat()
            flow["assessed_on"] = today if status in ("assessed", "closed") else None
            if status == "closed":
                flow["assessed_on"] = row.assessed_on or today
        changes = _flow_changes(row, flow)
        if not changes:
            return self.get(row.case_id)
        current = self._version(row)
        case = Case.model_validate(current.document)
        return self._write(
            row, case, row.status, by, "workflow", (reason or "").strip() or None, changes,
            current.evidence, current.source_text, flow=flow,
        )  # fmt: skip

    def _flow_after_new_facts(
        self, row: CaseRow, case: Case, changes: list[FieldChange]
    ) -> dict[str, Any]:
        """The workflow after new facts: a follow-up reopens a closed case as received with
        day 0 = today (its clock restarts); a changed received date moves day 0."""
        flow = _flow(row)
        if row.workflow == "closed":
            flow.update(workflow="received", day0=self.clock().date().isoformat(), assessed_on=None)
        elif any(c.path.startswith("report.received_date") for c in changes):
            registered = row.created_at.date()
            flow["day0"] = day_zero(case.report.received_date, registered).isoformat()
        return flow

    def _assessor(self, username: str) -> str:
        user = repo.get_user(self.session, username.strip())
        if user is None or not user.active or user.role not in ("assessor", "admin"):
            raise InputError(
                f"cannot assign to {username!r}",
                [Problem("assignee", "not an active assessor or admin", username)],
            )
        return user.username

    # --- internals ---------------------------------------------------------------

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
        expected = row.current_version  # 0 for a new case, whose row is not stored yet
        flow = flow or _flow(row)
        number = expected + 1
        stored = repo.overrides(self.session, row.case_id, expected) if expected else []
        overrides = effective_overrides(stored)
        if new_override is not None:
            overrides = [o for o in overrides if o.target != new_override.target]
            overrides.append(new_override)
        assessment = assess(case, overrides, self._labelled(case))
        facts = search_facts(case, assessment)
        now = self.clock()
        version = CaseVersion(
            case_id=row.case_id,
            version=number,
            status=status,
            document=_document(case),
            evidence=evidence,
            source_text=source_text,
            assessment=assessment.model_dump(mode="json"),
            created_at=now,
            created_by=by,
            workflow=flow["workflow"],
            assignee=flow["assignee"],
            expectedness=flow["expectedness"],
            **facts.columns(),
        )
        audit = AuditRow(
            case_id=row.case_id,
            version=number,
            at=now,
            by=by,
            action=action,
            reason=reason,
            changes=[c.model_dump(mode="json") for c in changes],
        )
        if not expected:  # a new case: its row points at version 1 from the start
            row.current_version, row.updated_at = number, now
            repo.add_case(self.session, row)
        repo.add_version(self.session, version, facts, audit)
        if new_override is not None:
            repo.add_override(
                self.session,
                OverrideRow(
                    case_id=row.case_id,
                    version=number,
                    **new_override.model_dump(include={"target", "value", "by", "reason", "at"}),
                ),
            )
        if expected:
            repo.move_pointer(self.session, row.case_id, expected, number, status, now, flow)
        return self._as_stored(row, version, case, assessment, flow)

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
            assessment = assess(case, effective_overrides(recorded), self._labelled(case))
        return self._as_stored(row, version, case, assessment)

    def _labelled(self, case: Case) -> dict[int, LabelledRoutes]:
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
            flow = _flow(row)
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


def _flow(row: CaseRow) -> dict[str, Any]:
    values = {name: getattr(row, name, None) for name in FLOW}
    values["workflow"] = values["workflow"] or "received"
    return values


def _flow_changes(row: CaseRow, flow: dict[str, Any]) -> list[FieldChange]:
    """What a write changes in the workflow, as ``workflow.<field>`` changes."""
    names = {"workflow": "status", "day0": "clock_start"}
    return [
        FieldChange(
            path=f"workflow.{names.get(name, name)}", old=getattr(row, name), new=flow[name]
        )
        for name in FLOW
        if getattr(row, name) != flow[name]
    ]


def _checked(criteria: CaseFilter | None) -> CaseFilter:
    criteria = criteria or CaseFilter()
    problems = criteria.problems()
    if problems:
        raise InputError("unknown search value(s)", problems)
    return criteria


def _check_evidence(
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


def _summary(case: CaseRow, version: CaseVersion) -> CaseSummary:
    document = version.document
    products = document.get("products", [])
    return CaseSummary(
        case_id=case.case_id,
        version=version.version,
        status=version.status,  # type: ignore[arg-type]
        owner=case.owner,
        updated_at=case.updated_at,
        source=version.source,
        products=[p["name"] for p in products],
        categories=sorted({p.get("category", "other") for p in products}),
        routes=sorted({p["route"] for p in products if p.get("route")}),
        reactions=[r["verbatim"] for r in document.get("reactions", [])],
        serious=version.serious,
        off_label=version.off_label,
        who_umc=version.who_umc,
        naranjo_band=version.naranjo_band,
        naranjo_score=version.naranjo_score,
        **_flow(case),
    )
