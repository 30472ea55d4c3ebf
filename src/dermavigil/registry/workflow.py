"""The case workflow as the assessors' team reads it: clocks, inboxes, the overdue board,
and comments.

Moving a case (status, assignment, expectedness) writes a version and is
:meth:`dermavigil.registry.CaseService.set_workflow`; this module reads the
workflow columns of ``cases`` and computes each open case's clock with the
rule in force (:class:`dermavigil.domain.workflow.ClockRule`, from the
settings), so a changed rule applies at once. Comments are rows of their own
(who, when, what), never edited.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from dermavigil.domain.workflow import STATUSES, Clock, ClockRule, clock
from dermavigil.errors import ConflictError, InputError, NotFoundError, Problem
from dermavigil.registry import case_search
from dermavigil.registry import repository as repo
from dermavigil.registry.tables import CaseRow, CommentRow

MAX_COMMENT = 4000


class Comment(BaseModel):
    """A comment on a case."""

    case_id: str
    at: datetime
    by: str
    text: str


class ClockView(BaseModel):
    """A case's clock as pages, the API and the CLI show it."""

    day0: date
    due: date
    days_allowed: int
    basis: str
    day: int
    days_left: int
    state: str

    @classmethod
    def of(cls, c: Clock) -> ClockView:
        return cls(
            day0=c.day0, due=c.due, days_allowed=c.days_allowed, basis=c.basis,
            day=c.day, days_left=c.days_left, state=c.state,
        )  # fmt: skip


class WorkItem(BaseModel):
    """One open case in an inbox or on the overdue board."""

    case_id: str
    workflow: str
    assignee: str | None
    serious: bool
    expectedness: str | None
    clock: ClockView


def case_clock(
    day0: str | None, serious: bool, expectedness: str | None, assessed_on: str | None,
    today: date, rule: ClockRule,
) -> ClockView | None:  # fmt: skip
    """The clock of a case from its stored workflow columns (None without a day 0)."""
    if not day0:
        return None
    stopped = date.fromisoformat(assessed_on) if assessed_on else None
    return ClockView.of(
        clock(date.fromisoformat(day0), serious, expectedness, today, rule, stopped)
    )


def _today() -> date:
    return datetime.now(UTC).date()


class WorkflowService:
    """Inboxes, the overdue board and comments (see the module docstring)."""

    def __init__(
        self,
        session: Session,
        rule: ClockRule | None = None,
        today: Callable[[], date] = _today,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.session = session
        self.rule = rule or ClockRule()
        self.today = today
        self.now = now

    def _item(self, row: CaseRow, serious: bool) -> WorkItem | None:
        view = case_clock(
            row.day0, serious, row.expectedness, row.assessed_on, self.today(), self.rule
        )
        if view is None:
            return None
        return WorkItem(
            case_id=row.case_id, workflow=row.workflow, assignee=row.assignee,
            serious=serious, expectedness=row.expectedness, clock=view,
        )  # fmt: skip

    def inbox(self, assignee: str) -> list[WorkItem]:
        """The assessor's open cases, the most urgent first (days left, then case id)."""
        items = [self._item(r, s) for r, s in case_search.open_cases(self.session, assignee)]
        return sorted(
            (i for i in items if i is not None),
            key=lambda i: (i.workflow == "assessed", i.clock.days_left, i.case_id),
        )

    def board(self) -> dict[str, Any]:
        """The overdue board: every open case's clock, the overdue and the due-soon ones
        (clock running), counts per status and per assessor."""
        open_cases = case_search.open_cases(self.session)
        items = [i for i in (self._item(r, s) for r, s in open_cases) if i]
        running = [i for i in items if i.workflow in ("received", "in_review")]
        running.sort(key=lambda i: (i.clock.days_left, i.case_id))
        per_status = Counter(i.workflow for i in items)
        per_assessor = Counter(i.assignee or "(unassigned)" for i in running)
        overdue_by = Counter(
            i.assignee or "(unassigned)" for i in running if i.clock.state == "overdue"
        )
        return {
            "overdue": [i for i in running if i.clock.state == "overdue"],
            "due_soon": [i for i in running if i.clock.state == "due-soon"],
            "unassigned": [i for i in running if not i.assignee],
            "per_status": {s: per_status.get(s, 0) for s in STATUSES if s != "closed"},
            "per_assessor": [
                {"assignee": a, "open": n, "overdue": overdue_by.get(a, 0)}
                for a, n in sorted(per_assessor.items())
            ],
            "today": self.today(),
            "rule": self.rule,
        }

    def comment(self, case_id: str, by: str, text: str) -> Comment:
        """Add a comment to a case (any status but retracted)."""
        text = (text or "").strip()
        if not text:
            raise InputError("a comment needs text", [Problem("text", "a comment needs text")])
        if len(text) > MAX_COMMENT:
            raise InputError(
                "comment too long", [Problem("text", f"at most {MAX_COMMENT} characters")]
            )
        row = repo.get_case(self.session, case_id.strip().upper())
        if row is None:
            raise NotFoundError(f"no case {case_id!r} in the registry")
        if row.status == "retracted":
            raise ConflictError(f"{row.case_id} is retracted; it can no longer be changed")
        comment = CommentRow(case_id=row.case_id, at=self.now(), by=by, text=text)
        repo.add_comment(self.session, comment)
        return Comment(case_id=row.case_id, at=comment.at, by=by, text=text)

    def comments(self, case_id: str) -> list[Comment]:
        return [
            Comment(case_id=c.case_id, at=c.at, by=c.by, text=c.text)
            for c in repo.comments(self.session, case_id.strip().upper())
        ]
