"""The SQL of stored cases: counters, versions, the version pointer, overrides, audit
rows and comments, one function per query, on a caller's Session. Finding cases
(filters, pages, the open-case queue) is :mod:`dermavigil.registry.case_search`; user
accounts are :mod:`dermavigil.registry.user_queries`.

Nothing here commits; the caller owns the transaction (``Registry.transaction``).
Rows are inserted, never updated, except the ``cases`` pointer, which moves
with a compare-and-set (``WHERE current_version = :expected``) so a stale
writer changes nothing. Inserting a version that already exists violates the
(case_id, version) primary key; both outcomes surface as
:class:`~dermavigil.errors.ConflictError`.

Rows of a new version (the version, its facets, its audit row) are written
with Core ``INSERT`` statements on the session's connection, the facets in one
``executemany``: the ORM unit of work (identity map, flush ordering, one
statement per object) was most of the cost of a write, and these rows are
never changed afterwards, so nothing needs tracking them. SQLAlchemy caches
the compiled statements (SQLAlchemy 2 "SQL compilation caching"); the
statements of every request are also built once, with bound parameters, since
building one costs about as much as running it on SQLite.

Both writers of case rows (:func:`add_new_cases`, :func:`add_version`) also move the
registry's revision (the ``revision`` counter, :func:`registry_revision`) in the same
transaction, so the revision changes whenever a committed write could change what the
registry export holds (a case created, edited, overridden, moved in its workflow,
retracted or merged), and only then; a signal run re-exports the registry when it has
moved since the export (:mod:`dermavigil.ingest.registry_export`, issue 16). On
PostgreSQL the counter row stays locked from that update to the commit, so two case
writes of different cases queue there, as two creations queue on the ``case`` counter.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    bindparam,
    event,
    exists,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dermavigil.errors import ConflictError
from dermavigil.registry.facets import SearchFacts
from dermavigil.registry.table_base import Base
from dermavigil.registry.tables import (
    AuditRow,
    CaseFacet,
    CaseRow,
    CaseVersion,
    CommentRow,
    Counter,
    OverrideRow,
)

_NEXT_NUMBERS = (
    update(Counter)
    .where(Counter.name == bindparam("counter"))
    .values(value=Counter.value + bindparam("count"))
    .returning(Counter.value)
)
_INSERT_CASE = insert(CaseRow.__table__)
_INSERT_VERSION = insert(CaseVersion.__table__)
_INSERT_FACET = insert(CaseFacet.__table__)
_INSERT_AUDIT = insert(AuditRow.__table__)
_INSERT_OVERRIDE = insert(OverrideRow.__table__)

REVISION = "revision"
"""The counter that every write of case rows moves (migration 0015)."""
_REVISION = select(Counter.value).where(Counter.name == REVISION)

CURRENT_VERSION_JOIN: ColumnElement[bool] = and_(
    CaseVersion.case_id == CaseRow.case_id, CaseVersion.version == CaseRow.current_version
)
"""The join of ``cases`` to the version each case points at (its current version)."""


def next_number(session: Session, name: str) -> int:
    """Increment the counter ``name`` atomically and return its new value."""
    return next_numbers(session, name, 1)


def next_numbers(session: Session, name: str, count: int) -> int:
    """Advance the counter ``name`` by ``count`` atomically and return its new value, the
    last of the ``count`` numbers taken (no gaps: a rolled-back transaction gives them back)."""
    params = {"counter": name, "count": count}
    value = _core(session).execute(_NEXT_NUMBERS, params).scalar_one_or_none()
    if value is None:
        raise RuntimeError(f"registry counter {name!r} is missing: run the migrations")
    return value


def registry_revision(session: Session) -> int:
    """The registry's revision: moved by every committed write of case rows (read first in
    a transaction, it is the revision of what that transaction reads on SQLite; on
    PostgreSQL, where each statement reads the latest commits, what is read after it is
    that revision or newer)."""
    value = session.execute(_REVISION).scalar_one_or_none()
    if value is None:
        raise RuntimeError(f"registry counter {REVISION!r} is missing: run the migrations")
    return int(value)


_MOVE_AT_COMMIT = "dermavigil.move_revision"
"""The session's ``info`` key saying that its transaction moves the revision at commit."""


def move_revision(session: Session) -> None:
    """Move the registry's revision when this transaction commits (a write that changes
    what the registry export holds), once however many writes ask for it.

    The counter row is updated last, right before the commit, after a final flush: on
    PostgreSQL its row lock is then held only while the transaction commits, so writers of
    different cases queue on it for no longer than a commit, and a writer holding it never
    waits for another's case rows (the lock is always taken last: no deadlock). A rolled
    back transaction moves nothing."""
    if _MOVE_AT_COMMIT not in session.info:  # the hook, once per session
        event.listen(session, "before_commit", _move_before_commit)
    session.info[_MOVE_AT_COMMIT] = True


def _move_before_commit(session: Session) -> None:
    """The session's ``before_commit`` hook (also called as a savepoint is released: the
    outer transaction's commit moves the revision then)."""
    if session.in_nested_transaction() or not session.info.get(_MOVE_AT_COMMIT):
        return
    session.info[_MOVE_AT_COMMIT] = False
    session.flush()
    next_numbers(session, REVISION, 1)


def get_case(session: Session, case_id: str, *, lock: bool = False) -> CaseRow | None:
    """The case row (locked FOR UPDATE on PostgreSQL when ``lock``)."""
    statement = select(CaseRow).where(CaseRow.case_id == case_id)
    if lock:
        statement = statement.with_for_update()
    return session.execute(statement).scalar_one_or_none()


def get_version(session: Session, case_id: str, version: int) -> CaseVersion | None:
    return session.get(CaseVersion, (case_id, version))


def case_by_report_id(session: Session, report_ids: list[str], case_ids: list[str]) -> str | None:
    """The case (any status) whose current version has one of ``report_ids`` as its
    ``report.source_id`` (E2B C.1.8.1) or ``report.sender_report_id`` (C.1.1), or whose
    id is one of ``case_ids``; the lowest case id if several. The JSON paths are read in
    SQL (no index: a scan of current versions, fine for a registry's thousands of cases)."""
    document = CaseVersion.document
    found = or_(
        document[("report", "source_id")].as_string().in_(report_ids),
        document[("report", "sender_report_id")].as_string().in_(report_ids),
        CaseRow.case_id.in_(case_ids),
    )
    statement = (
        select(CaseRow.case_id)
        .join(CaseVersion, CURRENT_VERSION_JOIN)
        .where(found)
        .order_by(CaseRow.case_id)
        .limit(1)
    )
    return session.execute(statement).scalar_one_or_none()


_OVERRIDDEN = (
    exists()
    .where(OverrideRow.case_id == CaseVersion.case_id, OverrideRow.version <= CaseVersion.version)
    .label("overridden")
)
_CASE_VERSION = (
    select(CaseRow, CaseVersion, _OVERRIDDEN)
    .join(CaseVersion, CaseVersion.case_id == CaseRow.case_id)
    .where(CaseRow.case_id == bindparam("case_id"))
)
_CURRENT = _CASE_VERSION.where(CaseVersion.version == CaseRow.current_version)
_NUMBERED = _CASE_VERSION.where(CaseVersion.version == bindparam("version"))


def get_case_version(
    session: Session, case_id: str, version: int | None = None
) -> tuple[CaseRow, CaseVersion, bool] | None:
    """In one query: the case row, its current version (or ``version``), and whether
    any override was recorded up to that version (so a case without overrides,
    the usual one, needs no second query). ``None`` if either is missing."""
    if version is None:
        found = session.execute(_CURRENT, {"case_id": case_id}).one_or_none()
    else:
        found = session.execute(_NUMBERED, {"case_id": case_id, "version": version}).one_or_none()
    return None if found is None else (found[0], found[1], bool(found[2]))


def _core(session: Session) -> Connection:
    """The session's connection for Core statements, after flushing any pending ORM rows
    (a Core statement does not autoflush, and foreign keys need those rows first)."""
    session.flush()
    return session.connection()


def _values(row: Base) -> dict[str, Any]:
    """The column values of a new ORM row, leaving out an unset autoincrement key."""
    values = {column.key: getattr(row, column.key) for column in row.__table__.columns}
    return {k: v for k, v in values.items() if v is not None or k != "id"}


def row_values(table: type[Base], **values: Any) -> dict[str, Any]:
    """The column values of a new row of ``table`` given ``values``, as :func:`_values`
    gives them for ``table(**values)`` -- every column, ``None`` where not given, an unset
    autoincrement key left out -- without building the ORM object (whose instrumented
    attributes were a third of the group-commit writer's work)."""
    columns = _COLUMN_KEYS.get(table)
    if columns is None:
        columns = _COLUMN_KEYS[table] = tuple(c.key for c in table.__table__.columns)
    unknown = values.keys() - set(columns)
    if unknown:
        raise TypeError(f"{table.__name__} has no column {sorted(unknown)}")
    row = {key: values.get(key) for key in columns}
    if row.get("id", 0) is None:
        del row["id"]
    return row


_COLUMN_KEYS: dict[type[Base], tuple[str, ...]] = {}


def _facet_rows(case_id: str, version: int, facts: SearchFacts) -> list[dict[str, Any]]:
    """The ``case_facets`` rows of one version's search facts."""
    return [
        {"case_id": case_id, "version": version, "facet": facet, "value": value}
        for facet, value in facts.facets
    ]


class NewCaseRows(NamedTuple):
    """The rows of a new case at version 1 (:func:`add_new_cases`), as :func:`row_values`."""

    case: dict[str, Any]
    version: dict[str, Any]
    facts: SearchFacts
    audit: dict[str, Any]


def add_new_cases(session: Session, news: list[NewCaseRows]) -> None:
    """Insert new cases with their first version, facets and audit row: one ``INSERT``
    of many rows per table, whatever the number of cases (sent as multi-row statements,
    see :func:`~dermavigil.registry.db.make_engine`)."""
    connection = _core(session)
    facets = [row for new in news for row in _facet_rows(new.case["case_id"], 1, new.facts)]
    for statement, rows in (
        (_INSERT_CASE, [new.case for new in news]),
        (_INSERT_VERSION, [new.version for new in news]),
        (_INSERT_FACET, facets),
        (_INSERT_AUDIT, [new.audit for new in news]),
    ):
        if rows:
            connection.execute(statement, rows)
    if news:
        move_revision(session)


def add_version(
    session: Session, version: dict[str, Any], facts: SearchFacts, audit: dict[str, Any]
) -> None:
    """Insert a version, its facets and its audit row (:func:`row_values` of
    ``CaseVersion`` and ``AuditRow``); a duplicate version conflicts.

    No savepoint is needed: a conflict ends the caller's transaction, which rolls back.
    """
    connection = _core(session)
    case_id, number = version["case_id"], version["version"]
    try:
        connection.execute(_INSERT_VERSION, version)
    except IntegrityError as exc:
        raise ConflictError(
            f"{case_id} version {number} was written by someone else meanwhile; "
            "reload the case and apply your change again"
        ) from exc
    if facts.facets:
        connection.execute(_INSERT_FACET, _facet_rows(case_id, number, facts))
    connection.execute(_INSERT_AUDIT, audit)
    move_revision(session)


def move_pointer(
    session: Session,
    case_id: str,
    expected: int,
    new: int,
    status: str,
    at: datetime,
    flow: dict[str, Any] | None = None,
) -> None:
    """Point the case at version ``new`` if it still points at ``expected``; ``flow``
    sets the workflow columns written with it."""
    result = session.execute(
        update(CaseRow)
        .where(CaseRow.case_id == case_id, CaseRow.current_version == expected)
        .values(current_version=new, status=status, updated_at=at, **(flow or {}))
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError(
            f"{case_id} changed since version {expected} was read; reload and retry"
        )


def add_override(session: Session, row: OverrideRow) -> None:
    _core(session).execute(_INSERT_OVERRIDE, _values(row))


def overrides(session: Session, case_id: str, up_to_version: int) -> list[OverrideRow]:
    """Overrides recorded for the case up to a version, oldest first."""
    statement = (
        select(OverrideRow)
        .where(OverrideRow.case_id == case_id, OverrideRow.version <= up_to_version)
        .order_by(OverrideRow.version, OverrideRow.id)
    )
    return list(session.execute(statement).scalars())


def audit_trail(session: Session, case_id: str) -> list[AuditRow]:
    statement = (
        select(AuditRow).where(AuditRow.case_id == case_id).order_by(AuditRow.version, AuditRow.id)
    )
    return list(session.execute(statement).scalars())


def add_comment(session: Session, row: CommentRow) -> None:
    _core(session).execute(insert(CommentRow.__table__), _values(row))


def comments(session: Session, case_id: str) -> list[CommentRow]:
    """A case's comments, oldest first."""
    statement = select(CommentRow).where(CommentRow.case_id == case_id)
    return list(session.execute(statement.order_by(CommentRow.at, CommentRow.id)).scalars())
