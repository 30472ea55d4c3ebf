"""Signal records in the registry: create, change, move through GVP IX statuses, history.

Like cases, a signal record is never overwritten: every change inserts a new row of
``signal_versions`` holding the whole record, who changed it, when and why; the
``signal_records`` row keeps the pointer to the current version and the columns
that lists filter on. Services never commit: the caller's transaction does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from dermavigil.domain.signal import SignalRecord, default_due, transition
from dermavigil.errors import ConflictError, InputError, NotFoundError, Problem
from dermavigil.registry.changes import FieldChange, diff
from dermavigil.registry.repository import get_case, next_number
from dermavigil.registry.service import utcnow
from dermavigil.registry.signal_tables import SignalRow, SignalVersion

EDITABLE = (
    "title",
    "description",
    "priority",
    "priority_rationale",
    "assessor",
    "due_on",
    "recommendation",
    "checklist",
    "cases",
    "literature",
    "disproportionality",
)
"""Fields :meth:`SignalRecordService.update` may change (the status moves by ``move``)."""


class StoredSignal(BaseModel):
    """One version of a signal record as stored."""

    signal_id: str
    version: int
    record: SignalRecord
    created_at: datetime
    created_by: str


class SignalSummary(BaseModel):
    """A line of the signal list."""

    signal_id: str
    title: str
    status: str
    assessor: str | None
    due_on: str | None
    version: int
    overdue: bool = False


class SignalVersionInfo(BaseModel):
    """One entry of a signal's history."""

    version: int
    at: datetime
    by: str
    action: str
    reason: str
    changes: list[FieldChange] = Field(default_factory=list)


def _problems(error: ValidationError) -> list[Problem]:
    return [
        Problem(".".join(str(p) for p in e["loc"]) or "(signal)", e["msg"]) for e in error.errors()
    ]


class SignalRecordService:
    """Signal records of one registry transaction."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = utcnow) -> None:
        self.session = session
        self.clock = clock

    def today(self) -> date:
        return self.clock().date()

    def create(self, record: SignalRecord, by: str, reason: str = "") -> StoredSignal:
        """Store a new signal (status ``new``, validation due in 30 days unless given)."""
        if record.status != "new":
            raise InputError("a new signal starts as 'new'", [Problem("status", record.status)])
        self._check_cases(record.cases)
        if record.due_on is None:
            record = transition_due(record, self.today())
        number = next_number(self.session, "signal")
        signal_id = f"SIG-{number:06d}"
        now = self.clock()
        row = SignalRow(
            signal_id=signal_id,
            current_version=1,
            status=record.status,
            title=record.title,
            assessor=record.assessor,
            due_on=_iso(record.due_on),
            created_at=now,
            created_by=by,
        )
        self.session.add(row)
        self.session.flush()
        self._add_version(row, record, 1, "create", by, reason, now)
        return StoredSignal(
            signal_id=signal_id, version=1, record=record, created_at=now, created_by=by
        )

    def get(self, signal_id: str, version: int | None = None) -> StoredSignal:
        row = self._row(signal_id)
        number = version or row.current_version
        stored = self.session.get(SignalVersion, (signal_id, number))
        if stored is None:
            raise NotFoundError(f"{signal_id} has no version {number}")
        return StoredSignal(
            signal_id=signal_id,
            version=number,
            record=SignalRecord.model_validate(stored.document),
            created_at=stored.created_at,
            created_by=stored.created_by,
        )

    def list(self, status: str | None = None, assessor: str | None = None) -> list[SignalSummary]:
        statement = select(SignalRow).order_by(SignalRow.signal_id.desc())
        if status:
            statement = statement.where(SignalRow.status == status)
        if assessor:
            statement = statement.where(SignalRow.assessor == assessor)
        today = self.today().isoformat()
        return [
            SignalSummary(
                signal_id=r.signal_id,
                title=r.title,
                status=r.status,
                assessor=r.assessor,
                due_on=r.due_on,
                version=r.current_version,
                overdue=bool(
                    r.due_on and r.due_on < today and r.status not in ("closed", "not_validated")
                ),
            )
            for r in self.session.execute(statement).scalars()
        ]

    def update(
        self,
        signal_id: str,
        changes: dict[str, Any],
        by: str,
        reason: str = "",
        expected_version: int | None = None,
    ) -> StoredSignal:
        """A new version with ``changes`` applied to the fields of :data:`EDITABLE`."""
        unknown = sorted(set(changes) - set(EDITABLE))
        if unknown:
            raise InputError(
                f"cannot change {', '.join(unknown)} here",
                [
                    Problem(k, "status moves with 'move'; other fields: " + ", ".join(EDITABLE))
                    for k in unknown
                ],
            )
        row, current = self._writable(signal_id, expected_version)
        data = current.model_dump(mode="json") | changes
        try:
            record = SignalRecord.model_validate(data)
        except ValidationError as error:
            raise InputError(f"{signal_id}: the change is not valid", _problems(error)) from None
        if "cases" in changes:
            self._check_cases(record.cases)
        return self._write(row, record, "update", by, reason)

    def move(
        self,
        signal_id: str,
        to: str,
        by: str,
        reason: str,
        outcome: str | None = None,
        due_on: date | None = None,
        expected_version: int | None = None,
    ) -> StoredSignal:
        """Move the signal to status ``to`` (see :func:`dermavigil.domain.signal.transition`)."""
        if not reason.strip():
            raise InputError("say why the status changes", [Problem("reason", "empty")])
        row, current = self._writable(signal_id, expected_version)
        record = transition(current, to, self.today(), outcome, due_on)
        return self._write(row, record, "status", by, reason)

    def history(self, signal_id: str) -> list[SignalVersionInfo]:
        self._row(signal_id)
        rows = self.session.execute(
            select(SignalVersion)
            .where(SignalVersion.signal_id == signal_id)
            .order_by(SignalVersion.version)
        ).scalars()
        out: list[SignalVersionInfo] = []
        previous: dict[str, Any] | None = None
        for r in rows:
            changes = [] if previous is None else diff(previous, r.document)
            out.append(
                SignalVersionInfo(
                    version=r.version,
                    at=r.created_at,
                    by=r.created_by,
                    action=r.action,
                    reason=r.reason,
                    changes=changes,
                )
            )
            previous = r.document
        return out

    def _row(self, signal_id: str, lock: bool = False) -> SignalRow:
        statement = select(SignalRow).where(SignalRow.signal_id == signal_id)
        if lock:
            statement = statement.with_for_update()
        row = self.session.execute(statement).scalar_one_or_none()
        if row is None:
            raise NotFoundError(f"no signal {signal_id}")
        return row

    def _writable(
        self, signal_id: str, expected_version: int | None
    ) -> tuple[SignalRow, SignalRecord]:
        row = self._row(signal_id, lock=True)
        if expected_version is not None and expected_version != row.current_version:
            raise ConflictError(
                f"{signal_id} changed meanwhile (now version {row.current_version}, "
                f"you edited {expected_version}): reload and apply your change again"
            )
        return row, self.get(signal_id).record

    def _write(
        self, row: SignalRow, record: SignalRecord, action: str, by: str, reason: str
    ) -> StoredSignal:
        now = self.clock()
        version = row.current_version + 1
        self._add_version(row, record, version, action, by, reason, now)
        row.current_version = version
        row.status, row.title = record.status, record.title
        row.assessor, row.due_on = record.assessor, _iso(record.due_on)
        self.session.flush()
        return StoredSignal(
            signal_id=row.signal_id,
            version=version,
            record=record,
            created_at=now,
            created_by=by,
        )

    def _add_version(
        self,
        row: SignalRow,
        record: SignalRecord,
        version: int,
        action: str,
        by: str,
        reason: str,
        now: datetime,
    ) -> None:
        self.session.add(
            SignalVersion(
                signal_id=row.signal_id,
                version=version,
                document=record.model_dump(mode="json"),
                action=action,
                created_at=now,
                created_by=by,
                reason=reason,
            )
        )
        self.session.flush()

    def _check_cases(self, case_ids: list[str]) -> None:
        missing = [c for c in case_ids if get_case(self.session, c) is None]
        if missing:
            raise InputError(
                "linked case(s) not in the registry",
                [Problem("cases", f"no case {c}") for c in missing],
            )


def transition_due(record: SignalRecord, today: date) -> SignalRecord:
    """The record with the default due date of its status when it has none."""
    return record.model_copy(update={"due_on": default_due(record.status, today)})


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
