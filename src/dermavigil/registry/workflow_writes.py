"""Workflow writes: move a case through its workflow (received -> in review ->
assessed -> closed), assign it to an assessor, record its expectedness. Each is a new
version with an audit row (action ``workflow``), like every other change; the rules of
the moves are :mod:`dermavigil.domain.workflow`'s, the reading side (clocks, inboxes,
overdue board) is :mod:`dermavigil.registry.workflow`.
"""

from __future__ import annotations

from dermavigil.domain.case import Case
from dermavigil.domain.workflow import check_expectedness, check_move
from dermavigil.errors import ConflictError, InputError, Problem
from dermavigil.registry import user_queries
from dermavigil.registry.flow import UNCHANGED, flow_changes, flow_of
from dermavigil.registry.models import StoredCase
from dermavigil.registry.versions import VersionStore, required


class WorkflowWrites(VersionStore):
    """The workflow writes of :class:`~dermavigil.registry.CaseService` (which gives
    ``get``)."""

    def get(self, case_id: str, version: int | None = None) -> StoredCase:  # pragma: no cover
        raise NotImplementedError

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
        by = required(by, "by")
        row = self._writable(case_id)
        if row.status != "active":
            raise ConflictError(f"{row.case_id} is a {row.status}; accept it before assessing it")
        flow = flow_of(row)
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
        changes = flow_changes(row, flow)
        if not changes:
            return self.get(row.case_id)
        current = self._version(row)
        case = Case.model_validate(current.document)
        return self._write(
            row, case, row.status, by, "workflow", (reason or "").strip() or None, changes,
            current.evidence, current.source_text, flow=flow,
        )  # fmt: skip

    def _assessor(self, username: str) -> str:
        user = user_queries.get_user(self.session, username.strip())
        if user is None or not user.active or user.role not in ("assessor", "admin"):
            raise InputError(
                f"cannot assign to {username!r}",
                [Problem("assignee", "not an active assessor or admin", username)],
            )
        return user.username
