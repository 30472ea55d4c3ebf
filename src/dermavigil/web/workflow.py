"""Workflow operations on behalf of an actor (status, assignment, expectedness, comments,
inbox, overdue board), shared by the JSON API and the pages.

Like :mod:`dermavigil.web.casework`: one registry transaction per call, the
actor's permission checked, then :meth:`dermavigil.registry.CaseService.set_workflow`
or :class:`dermavigil.registry.workflow.WorkflowService`. Clocks use the rule of
the settings (``DERMAVIGIL_CLOCK_SERIOUS_UNEXPECTED_DAYS``, ``..._OTHER_DAYS``).
"""

from __future__ import annotations

from typing import Any

from dermavigil.settings import Settings
from dermavigil.web.auth import Actor
from dermavigil.web.casework import get
from dermavigil.web.permissions import require


def _flow(session: Any, settings: Settings) -> Any:
    from dermavigil.registry.workflow import WorkflowService

    return WorkflowService(session, settings.clock_rule())


def move(
    registry: Any, actor: Actor, case_id: str, *, status: str | None = None,
    assignee: Any = None, expectedness: Any = None, reason: str | None = None,
) -> Any:  # fmt: skip
    """Change the case's workflow (``None`` leaves a field as it is; ``""`` clears the
    assignee or the expectedness) as a new version."""
    from dermavigil.registry import CaseService
    from dermavigil.registry.service import UNCHANGED

    require(actor, "case.workflow")
    with registry.transaction() as session:
        return CaseService(session).set_workflow(
            case_id, actor.username, status=status or None,
            assignee=UNCHANGED if assignee is None else assignee,
            expectedness=UNCHANGED if expectedness is None else expectedness,
            reason=reason,
        )  # fmt: skip


def comment(registry: Any, actor: Actor, case_id: str, text: str) -> Any:
    """Add a comment (who and when recorded) to a case the actor may read."""
    from dermavigil.registry.workflow import WorkflowService

    require(actor, "case.comment")
    get(registry, actor, case_id)  # readable by this actor
    with registry.transaction() as session:
        return WorkflowService(session).comment(case_id, actor.username, text)


def comments(registry: Any, actor: Actor, case_id: str) -> list[Any]:
    from dermavigil.registry.workflow import WorkflowService

    get(registry, actor, case_id)
    with registry.transaction(readonly=True) as session:
        return WorkflowService(session).comments(case_id)


def clock_of(stored: Any, settings: Settings) -> Any:
    """The clock of a stored case with the settings' rule, as it stands today."""
    from datetime import UTC, datetime

    from dermavigil.registry.workflow import case_clock

    return case_clock(
        stored.day0, stored.assessment.serious, stored.expectedness, stored.assessed_on,
        datetime.now(UTC).date(), settings.clock_rule(),
    )  # fmt: skip


def inbox(registry: Any, actor: Actor, settings: Settings, assignee: str | None = None) -> Any:
    """An assessor's open cases, most urgent first (their own unless ``assignee``)."""
    require(actor, "case.workflow")
    with registry.transaction(readonly=True) as session:
        return _flow(session, settings).inbox(assignee or actor.username)


def board(registry: Any, actor: Actor, settings: Settings) -> dict[str, Any]:
    """The overdue board (see :meth:`WorkflowService.board`)."""
    require(actor, "case.workflow")
    with registry.transaction(readonly=True) as session:
        return _flow(session, settings).board()


def assessors(registry: Any) -> list[str]:
    """Usernames a case may be assigned to (active assessors and admins)."""
    from dermavigil.registry import UserService

    with registry.transaction(readonly=True) as session:
        return sorted(
            u.username
            for u in UserService(session).list()
            if u.active and u.role in ("assessor", "admin")
        )
