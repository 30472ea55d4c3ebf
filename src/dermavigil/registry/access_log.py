"""The read-access log of cases: who read which case (and version), when, how and from
which address (pharmacovigilance data is health data: GDPR Art. 9 and 32, ISO 27799
"user access log"; EU GVP Module I, I.B.10 on records and their access).

One **event** per read (a case page, ``GET /api/cases/{id}``, an export, a line listing),
with the cases it carried as rows of their own. A listing or export of N cases is one
event naming its filter and count, plus N ``(event, case, version)`` rows, so "who saw case
X" is answered by the same query whether X was read alone or in a listing of thousands.

Writing: :func:`record` inserts an event and its case rows; the web app queues it on the
registry's group-commit writer (:meth:`dermavigil.registry.Registry.queue_write`) so a read
never waits for a write transaction. Like every service, nothing here commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from dermavigil.domain.accounts import normalize_username
from dermavigil.errors import InputError, Problem
from dermavigil.registry.security_tables import ACCESS_HOW, AccessCaseRow, AccessEventRow

CASES_SHOWN = 20
"""Case ids carried along with each event of a search (the rest are counted)."""


@dataclass(frozen=True)
class AccessRead:
    """A read to record: ``cases`` are ``(case_id, version)`` pairs (version ``None``
    when not known)."""

    at: datetime
    username: str
    how: str
    format: str
    address: str
    cases: Sequence[tuple[str, int | None]]
    detail: str | None = None


@dataclass(frozen=True)
class AccessEvent:
    """One recorded read, with (up to :data:`CASES_SHOWN` of) the cases it carried."""

    id: int
    at: datetime
    username: str
    how: str
    format: str
    address: str
    detail: str | None
    case_count: int
    cases: list[tuple[str, int | None]] = field(default_factory=list)


@dataclass(frozen=True)
class AccessQuery:
    """Filters of a search, all optional (AND): one user, one case, a UTC time range
    (``since`` inclusive, ``until`` exclusive)."""

    username: str | None = None
    case_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    @staticmethod
    def of_days(
        username: str | None, case_id: str | None, first: date | None, last: date | None
    ) -> AccessQuery:
        """Filters by UTC days, ``last`` included; the user name normalised."""
        return AccessQuery(
            username=normalize_username(username) if username else None,
            case_id=case_id or None,
            since=datetime.combine(first, time(), tzinfo=UTC) if first else None,
            until=datetime.combine(last + timedelta(days=1), time(), tzinfo=UTC) if last else None,
        )


def record(session: Session, read: AccessRead) -> int:
    """Insert one event and its case rows; returns the event id."""
    if read.how not in ACCESS_HOW:
        raise InputError(
            "cannot record the read", [Problem("how", f"must be one of {ACCESS_HOW}", read.how)]
        )
    versions: dict[str, int | None] = {}
    for case_id, version in read.cases:  # one row per case (the newest version seen)
        seen = versions.get(case_id)
        versions[case_id] = version if seen is None else max(seen, version or 0)
    result = session.execute(  # SQL core, not the ORM unit of work: a read's log row is hot
        insert(AccessEventRow.__table__),
        {
            "at": read.at,
            "username": read.username,
            "how": read.how,
            "format": read.format[:16],
            "address": read.address[:64],
            "detail": read.detail,
            "case_count": len(versions),
        },
    )
    event_id = int(result.inserted_primary_key[0])
    if versions:
        session.execute(
            insert(AccessCaseRow.__table__),
            [{"event_id": event_id, "case_id": c, "version": v} for c, v in versions.items()],
        )
    return event_id


def _where(statement, query: AccessQuery):  # type: ignore[no-untyped-def]
    if query.username:
        statement = statement.where(AccessEventRow.username == query.username)
    if query.since is not None:
        statement = statement.where(AccessEventRow.at >= query.since)
    if query.until is not None:
        statement = statement.where(AccessEventRow.at < query.until)
    if query.case_id:
        carried = select(AccessCaseRow.event_id).where(AccessCaseRow.case_id == query.case_id)
        statement = statement.where(AccessEventRow.id.in_(carried))
    return statement


def search(
    session: Session, query: AccessQuery, offset: int = 0, limit: int = 50
) -> tuple[int, list[AccessEvent]]:
    """The total of matching events and one page of them, newest first; each event
    carries up to :data:`CASES_SHOWN` of its cases (the searched case always among them)."""
    total = session.execute(_where(select(func.count(AccessEventRow.id)), query)).scalar_one()
    rows = session.execute(
        _where(select(AccessEventRow), query)
        .order_by(AccessEventRow.at.desc(), AccessEventRow.id.desc())
        .offset(offset)
        .limit(limit)
    ).scalars()
    events = [_event(row) for row in rows]
    cases = _cases_of(session, [e.id for e in events], query.case_id)
    return total, [AccessEvent(**{**e.__dict__, "cases": cases.get(e.id, [])}) for e in events]


CSV_COLUMNS = ("at_utc", "user", "how", "format", "address", "filter", "case_id", "version")
"""The columns of :func:`rows` (the CSV export of the web app and the CLI)."""


def rows(session: Session, query: AccessQuery, limit: int = 1_000_000) -> Iterable[tuple]:
    """Every matching (event, case) pair, newest first: the export's rows
    (:data:`CSV_COLUMNS`; the time as ISO 8601 UTC)."""
    statement = _where(
        select(
            AccessEventRow.at,
            AccessEventRow.username,
            AccessEventRow.how,
            AccessEventRow.format,
            AccessEventRow.address,
            AccessEventRow.detail,
            AccessCaseRow.case_id,
            AccessCaseRow.version,
        ).join(AccessCaseRow, AccessCaseRow.event_id == AccessEventRow.id),
        query,
    )
    if query.case_id:
        statement = statement.where(AccessCaseRow.case_id == query.case_id)
    statement = statement.order_by(
        AccessEventRow.at.desc(), AccessEventRow.id.desc(), AccessCaseRow.case_id
    ).limit(limit)
    return ((at.isoformat(), *rest) for at, *rest in session.execute(statement))


def prune(session: Session, before: datetime) -> int:
    """Delete the events older than ``before`` (retention) and their case rows; returns
    how many events went."""
    old = select(AccessEventRow.id).where(AccessEventRow.at < before)
    session.execute(delete(AccessCaseRow).where(AccessCaseRow.event_id.in_(old)))
    return session.execute(delete(AccessEventRow).where(AccessEventRow.at < before)).rowcount


def _event(row: AccessEventRow) -> AccessEvent:
    return AccessEvent(
        id=row.id,
        at=row.at,
        username=row.username,
        how=row.how,
        format=row.format,
        address=row.address,
        detail=row.detail,
        case_count=row.case_count,
    )


def _cases_of(
    session: Session, event_ids: list[int], first: str | None
) -> dict[int, list[tuple[str, int | None]]]:
    """Up to :data:`CASES_SHOWN` cases of each event, ``first`` ahead when carried (a
    window function: a listing of 100,000 cases costs 20 rows here)."""
    if not event_ids:
        return {}
    rank = (
        func.row_number()
        .over(partition_by=AccessCaseRow.event_id, order_by=AccessCaseRow.case_id)
        .label("rank")
    )
    ranked = (
        select(AccessCaseRow.event_id, AccessCaseRow.case_id, AccessCaseRow.version, rank)
        .where(AccessCaseRow.event_id.in_(event_ids))
        .subquery()
    )
    statement = select(ranked.c.event_id, ranked.c.case_id, ranked.c.version).where(
        ranked.c.rank <= CASES_SHOWN
    )
    if first:
        statement = statement.union(
            select(AccessCaseRow.event_id, AccessCaseRow.case_id, AccessCaseRow.version).where(
                AccessCaseRow.event_id.in_(event_ids), AccessCaseRow.case_id == first
            )
        )
    found: dict[int, list[tuple[str, int | None]]] = {}
    for event_id, case_id, version in sorted(session.execute(statement)):
        cases = found.setdefault(event_id, [])
        if case_id == first:
            cases.insert(0, (case_id, version))
        else:
            cases.append((case_id, version))
    return {k: v[:CASES_SHOWN] for k, v in found.items()}


def prune_expired(session: Session, days: int, now: datetime | None = None) -> int:
    """Delete the events older than ``days`` days (``DERMAVIGIL_ACCESS_LOG_DAYS``)."""
    return prune(session, (now or datetime.now(UTC)) - timedelta(days=days))
