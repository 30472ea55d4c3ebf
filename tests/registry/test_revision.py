"""The registry's revision: moved in the same transaction as every write that can change
what the registry export holds (issue 16: a signal run re-exports only a changed registry)."""

from __future__ import annotations

import pytest

from dermavigil.domain.case import Case
from dermavigil.errors import ConflictError
from dermavigil.registry import CaseService, Registry, UserService
from dermavigil.registry.repository import registry_revision


def _revision(registry: Registry) -> int:
    with registry.transaction(readonly=True) as session:
        return registry_revision(session)


def test_every_change_of_a_case_moves_the_revision_and_reads_do_not(
    registry: Registry, seed: Case
) -> None:
    start = _revision(registry)
    with registry.transaction() as session:
        UserService(session).create("ana", "assessor", "a long password 1")
        case_id = CaseService(session).create(seed, by="ana").case_id
    created = _revision(registry)
    assert created > start
    with registry.transaction(readonly=True) as session:
        CaseService(session).get(case_id)
        list(CaseService(session).all_current())
    assert _revision(registry) == created
    seen = [created]
    with registry.transaction() as session:
        service = CaseService(session)
        stored = service.get(case_id)
        changed = stored.case.model_copy(deep=True)
        changed.reactions[0].verbatim = "swelling"
        service.update(case_id, changed, "ana", stored.version)
    seen.append(_revision(registry))
    with registry.transaction() as session:
        CaseService(session).override(case_id, "seriousness.serious", "false", "ana", "transient")
    seen.append(_revision(registry))
    with registry.transaction() as session:
        CaseService(session).set_workflow(case_id, "ana", status="in_review")
    seen.append(_revision(registry))
    with registry.transaction() as session:
        CaseService(session).retract(case_id, "ana", "entered twice")
    seen.append(_revision(registry))
    assert seen == sorted(set(seen))  # each write moved it


def test_a_write_rolled_back_leaves_the_revision(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="a").case_id
    before = _revision(registry)
    with pytest.raises(ConflictError), registry.transaction() as session:
        service = CaseService(session)
        service.retract(case_id, "a", "wrong")
        raise ConflictError("changed meanwhile")
    assert _revision(registry) == before


def test_many_cases_created_at_once_move_it_once_each_transaction(
    registry: Registry, seed: Case
) -> None:
    from dermavigil.registry import NewCase

    before = _revision(registry)
    with registry.transaction() as session:
        CaseService(session).create_all([NewCase(seed, "a") for _ in range(5)])
    assert _revision(registry) > before


def test_the_revision_is_moved_last_in_its_transaction(registry: Registry, seed: Case) -> None:
    """On PostgreSQL the revision row stays locked from its update to the commit: moved
    last, after every other write of the transaction, two writers never hold it while
    waiting for each other's case rows (no deadlock), and writes of different cases queue
    on it only for their commit."""
    from sqlalchemy import event

    with registry.transaction() as session:
        first = CaseService(session).create(seed, by="a").case_id
        second = CaseService(session).create(seed, by="a").case_id
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split()).lower())

    event.listen(registry.engine, "before_cursor_execute", record)
    try:
        with registry.transaction() as session:  # two case writes in one transaction
            service = CaseService(session)
            service.retract(first, "a", "entered twice")
            service.retract(second, "a", "entered twice")
    finally:
        event.remove(registry.engine, "before_cursor_execute", record)
    writes = [s for s in statements if s.startswith(("insert", "update", "delete"))]
    moved = [i for i, s in enumerate(writes) if "counters" in s]
    assert moved == [len(writes) - 1], writes  # once, and after every other write
