"""E2B(R3) submissions of cases to a receiver (FDA, EMA ...) and their acknowledgements.

Recording a submission stores which version of which case went, in which
batch (N.1.2) under which report id (C.1.1), to whom, when and by whom, with
status ``sent``. Recording the receiver's ACK (ICH ``MCCI_IN200101UV01``)
matches each message acknowledgement to its submission by batch number and
C.1.1 and sets the status: ``accepted`` (``CA``), ``rejected`` (``CR``), or
for a batch-level answer without message detail, ``accepted`` (``AA``),
``needs_action`` (``AE``) or ``rejected`` (``AR``). The service never
commits (the caller's transaction does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dermavigil.errors import InputError, NotFoundError, Problem
from dermavigil.registry.tables import CaseRow, SubmissionRow

_BATCH_STATUS = {"AA": "accepted", "AE": "needs_action", "AR": "rejected"}
_MESSAGE_STATUS = {"CA": "accepted", "CR": "rejected"}


@dataclass(frozen=True)
class Submission:
    """One case version sent, and what the receiver answered."""

    case_id: str
    version: int
    receiver: str
    batch_id: str
    report_id: str
    sent_at: datetime
    sent_by: str
    status: str
    ack_code: str | None
    ack_text: str | None
    acked_at: datetime | None


def _public(row: SubmissionRow) -> Submission:
    return Submission(
        row.case_id, row.version, row.receiver, row.batch_id, row.report_id, row.sent_at,
        row.sent_by, row.status, row.ack_code, row.ack_text, row.acked_at,
    )  # fmt: skip


class SubmissionService:
    """Submissions and acknowledgements in the caller's session."""

    def __init__(
        self, session: Session, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self.session = session
        self.clock = clock

    def record_sent(
        self, case_id: str, version: int, receiver: str, batch_id: str, report_id: str, by: str
    ) -> Submission:
        """Record that ``version`` of ``case_id`` was sent (status ``sent``)."""
        if self.session.get(CaseRow, case_id) is None:
            raise NotFoundError(f"no case {case_id!r} in the registry")
        row = SubmissionRow(
            case_id=case_id, version=version, receiver=receiver, batch_id=batch_id,
            report_id=report_id, sent_at=self.clock(), sent_by=by, status="sent",
        )  # fmt: skip
        self.session.add(row)
        self.session.flush()
        return _public(row)

    def record_ack(
        self,
        batch_id: str,
        batch_code: str,
        messages: list[tuple[str, str, str | None]],
        batch_text: str | None = None,
    ) -> list[Submission]:
        """Record an ACK of batch ``batch_id``: ``messages`` are (C.1.1, ACK code, text).

        Every submission of the batch is updated; one the ACK does not name by C.1.1
        takes the batch's code. An ACK for a batch never sent is refused.
        """
        rows = list(
            self.session.scalars(select(SubmissionRow).where(SubmissionRow.batch_id == batch_id))
        )
        if not rows:
            raise InputError(
                f"the ACK answers batch {batch_id!r}, which no recorded submission was sent in",
                [Problem("ACK.A.1", "unknown batch number", batch_id)],
            )
        by_report = {report_id: (code, text) for report_id, code, text in messages}
        now = self.clock()
        for row in rows:
            code, text = by_report.get(row.report_id, (batch_code, batch_text))
            status = _MESSAGE_STATUS.get(code) or _BATCH_STATUS.get(code)
            if status is None:
                raise InputError(
                    f"unknown acknowledgement code {code!r}",
                    [Problem("ACK.B.r.6", "expected CA or CR (AA, AE, AR for a batch)", code)],
                )
            row.status, row.ack_code, row.ack_text, row.acked_at = status, code, text, now
        self.session.flush()
        return [_public(r) for r in rows]

    def for_case(self, case_id: str) -> list[Submission]:
        """The submissions of a case, oldest first."""
        statement = (
            select(SubmissionRow).where(SubmissionRow.case_id == case_id).order_by(SubmissionRow.id)
        )
        return [_public(r) for r in self.session.scalars(statement)]
