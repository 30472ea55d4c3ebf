"""The case service shared by the web app and the CLI.

Every change writes a new immutable version of the case with an audit row
(who, when, what changed as field paths, why) in the caller's transaction;
the service never commits. Writers are optimistic: ``update`` names the
version it read (``expected_version``) and fails with
:class:`~dermavigil.errors.ConflictError` if someone else wrote meanwhile;
the (case_id, version) primary key guarantees that two concurrent writers can
never both create the same version, so no version is ever lost.

:class:`CaseService` reads, searches and makes the clinician's and assessor's changes
(create, update, override, retract, accept a draft); its other writes live in modules of
their own, one job each: received reports and follow-ups (:mod:`~dermavigil.registry.
followups`), workflow moves (:mod:`~dermavigil.registry.workflow_writes`), and the writing
and reading of versions with their assessment (:mod:`~dermavigil.registry.versions`).
Assessments are stored with the version and read back rather than recomputed (versions
written before they were stored are assessed when read).
"""

from __future__ import annotations

from collections.abc import Iterator

from dermavigil.domain.assessment import Assessment, Override
from dermavigil.domain.case import Case
from dermavigil.errors import ConflictError, InputError, NotFoundError
from dermavigil.registry import case_search
from dermavigil.registry import repository as repo
from dermavigil.registry.changes import FieldChange, diff
from dermavigil.registry.flow import UNCHANGED, flow_after_new_facts, flow_changes, flow_of
from dermavigil.registry.followups import FollowUps, ReceivedAs
from dermavigil.registry.intake import PreparedCase, prepare
from dermavigil.registry.models import (
    CaseFilter,
    CaseSummary,
    Page,
    StoredCase,
    VersionInfo,
)
from dermavigil.registry.overrides import as_text, assessed_value
from dermavigil.registry.tables import CaseRow, CaseVersion
from dermavigil.registry.versions import (
    Entry,
    NewCase,
    check_evidence,
    document_of,
    required,
    utcnow,
)
from dermavigil.registry.workflow_writes import WorkflowWrites

__all__ = ["UNCHANGED", "CaseService", "NewCase", "ReceivedAs", "utcnow"]

MAX_PAGE = 1000


def _checked_new(new: NewCase) -> tuple[NewCase, str, dict[str, list[list[int]]] | None]:
    """``new`` with its author and evidence checked (a new case is a draft or active)."""
    by = required(new.by, "by")
    if new.status not in ("draft", "active"):
        raise InputError(f"a new case is 'draft' or 'active', not {new.status!r}")
    return new, by, check_evidence(new.evidence)


class CaseService(FollowUps, WorkflowWrites):
    """Create, read, search, change and assess cases (see the module docstring)."""

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
        rows, total = case_search.search(self.session, _checked(filter), offset, limit)
        items = [_summary(case, version) for case, version in rows]
        return Page[CaseSummary](items=items, total=total, offset=offset, limit=limit)

    def batch_after(
        self, filter: CaseFilter | None, after: str = "", limit: int = 200
    ) -> list[StoredCase]:
        """Up to ``limit`` matching cases at their current version whose id sorts after
        ``after`` (by case id): read a long result in short transactions."""
        rows = case_search.current_after(self.session, _checked(filter), after, limit)
        return [self._stored(case, version) for case, version in rows]

    def all_current(self, filter: CaseFilter | None = None) -> Iterator[StoredCase]:
        """Every matching case at its current version, by case id."""
        for case, version in case_search.iter_current(self.session, _checked(filter)):
            yield self._stored(case, version)

    # --- writing -----------------------------------------------------------------

    def create(
        self,
        case: Case,
        by: str,
        status: str = "active",
        evidence: dict[str, list[tuple[int, int]]] | None = None,
        source_text: str | None = None,
        prepared: PreparedCase | None = None,
    ) -> StoredCase:
        """Store a new case as version 1 (``status`` draft or active).

        ``prepared`` (:func:`dermavigil.registry.intake.prepare` of ``case``) brings the
        assessment, search facts and encoded JSON worked out before the transaction.
        """
        return self.create_all([NewCase(case, by, status, evidence, source_text, prepared)])[0]

    def create_all(self, news: list[NewCase]) -> list[StoredCase]:
        """Store new cases as version 1 each (see :meth:`create`), numbered in their order.

        The numbers are taken with one counter update and the rows inserted with one
        statement per table (a group commit's creations, :mod:`dermavigil.registry.batch`):
        the counter row, which every creation needs, is then locked (PostgreSQL) from just
        before the inserts to the commit, and the statements do not grow with the batch.
        """
        checked = [_checked_new(new) for new in news]
        if not checked:
            return []
        first = repo.next_numbers(self.session, "case", len(checked)) - len(checked) + 1
        written = []
        for number, (new, by, evidence) in enumerate(checked, start=first):
            case_id = f"DV-{number:06d}"
            case = new.case.model_copy(update={"case_id": case_id})
            created_at = self.clock()
            prepared = new.prepared or prepare(case, self.labelled(case))
            entry = Entry(new.status, by, "create", None, [], evidence, new.source_text)
            written.append(self._new_version(case_id, case, entry, created_at, prepared))
        repo.add_new_cases(self.session, [rows for rows, _ in written])
        return [stored for _, stored in written]

    def update(self, case_id: str, case: Case, by: str, expected_version: int) -> StoredCase:
        """Store changed facts as a new version, if ``expected_version`` is still current."""
        by = required(by, "by")
        row = self._writable(case_id)
        if row.current_version != expected_version:
            raise ConflictError(
                f"{case_id} is at version {row.current_version}, not {expected_version}: "
                "someone changed it meanwhile; reload and apply your change again"
            )
        current = self._version(row)
        case = case.model_copy(update={"case_id": row.case_id})
        changes = diff(current.document, document_of(case))
        if not changes:
            return self._stored(row, current)
        flow = flow_after_new_facts(row, case, changes, self.clock().date())
        return self._write(
            row, case, row.status, by, "update", None, changes + flow_changes(row, flow),
            current.evidence, current.source_text, flow=flow,
        )  # fmt: skip

    def override(
        self, case_id: str, override_target: str, value: str, by: str, reason: str
    ) -> StoredCase:
        """Record an assessor's override of one assessment answer as a new version."""
        by = required(by, "by")
        reason = required(reason, "reason")
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
        by = required(by, "by")
        reason = required(reason, "reason")
        row = self._writable(case_id)
        return self._set_status(row, "retract", "retracted", by, reason)

    def accept_draft(self, case_id: str, by: str) -> StoredCase:
        """Make a draft (e.g. extracted from a case report) an active case."""
        by = required(by, "by")
        row = self._writable(case_id)
        if row.status != "draft":
            raise ConflictError(f"{case_id} is {row.status}, not a draft")
        return self._set_status(row, "accept", "active", by, None)


def _checked(criteria: CaseFilter | None) -> CaseFilter:
    criteria = criteria or CaseFilter()
    problems = criteria.problems()
    if problems:
        raise InputError("unknown search value(s)", problems)
    return criteria


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
        **flow_of(case),
    )
