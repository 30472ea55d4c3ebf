"""Writes are transactional: an error anywhere in a transaction leaves the database unchanged."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dermavigil.domain.case import Case
from dermavigil.errors import InputError
from dermavigil.registry import CaseService, Registry, UserService
from dermavigil.registry.schema import metadata
from dermavigil.registry.tables import Counter


def _row_counts(registry: Registry) -> dict[str, int]:
    with registry.transaction(readonly=True) as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in metadata.sorted_tables
        }


def _case_counter(registry: Registry) -> int:
    with registry.transaction(readonly=True) as session:
        return session.scalar(select(Counter.value).where(Counter.name == "case")) or 0


def test_error_after_writes_rolls_everything_back(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        CaseService(session).create(seed, by="alice")
    before = _row_counts(registry)
    counter = _case_counter(registry)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), registry.transaction() as session:
        service = CaseService(session)
        created = service.create(seed, by="bob")
        service.override(created.case_id, "who_umc.category", "certain", by="b", reason="r")
        UserService(session).create("carol", "assessor", "long enough pw")
        raise Boom
    assert _row_counts(registry) == before
    assert _case_counter(registry) == counter


def test_invalid_second_case_leaves_the_first_unwritten(registry: Registry, seed: Case) -> None:
    before = _row_counts(registry)
    with pytest.raises(InputError), registry.transaction() as session:
        service = CaseService(session)
        service.create(seed, by="alice")
        service.create(seed, by="   ")  # refused: no author
    assert _row_counts(registry) == before
    with registry.transaction() as session:
        assert CaseService(session).create(seed, by="alice").case_id == "DV-000001"


def test_the_database_refuses_a_second_copy_of_a_version(registry: Registry, seed: Case) -> None:
    """Even a writer that skipped the optimistic check cannot overwrite a version."""
    from dermavigil.errors import ConflictError
    from dermavigil.registry import repository
    from dermavigil.registry.facets import search_facts
    from dermavigil.registry.service import utcnow
    from dermavigil.registry.tables import AuditRow, CaseVersion

    with registry.transaction() as session:
        stored = CaseService(session).create(seed, by="alice")
    facts = search_facts(stored.case, stored.assessment)
    now = utcnow()
    forged = "version 1 was written by someone else"
    with pytest.raises(ConflictError, match=forged), registry.transaction() as session:
        repository.add_version(
            session,
            repository.row_values(
                CaseVersion,
                case_id=stored.case_id,
                version=1,
                status="active",
                document={"forged": True},
                created_at=now,
                created_by="mallory",
                **facts.columns(),
            ),
            facts,
            repository.row_values(
                AuditRow,
                case_id=stored.case_id,
                version=1,
                at=now,
                by="mallory",
                action="update",
                changes=[],
            ),
        )
    with registry.transaction(readonly=True) as session:
        assert CaseService(session).get(stored.case_id).case == stored.case
        assert len(CaseService(session).history(stored.case_id)) == 1
