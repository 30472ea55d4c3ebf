"""A version's assessment is stored when it is written and read back, not recomputed;
versions without one (written before revision 0004) are assessed when read."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from dermavigil.domain.assessment import Assessment, assess
from dermavigil.domain.case import Case
from dermavigil.registry import CaseService, Registry, versions
from dermavigil.registry import repository as repo
from dermavigil.registry.overrides import effective_overrides
from dermavigil.registry.tables import CaseVersion


def _history(registry: Registry, seed: Case) -> str:
    """A case with four versions: created, overridden twice, its facts changed."""
    with registry.transaction() as session:
        cases = CaseService(session)
        case_id = cases.create(seed, by="alice").case_id
        cases.override(case_id, "who_umc.category", "certain", by="dr-a", reason="rechallenge")
        cases.override(case_id, "seriousness.serious", "false", by="dr-b", reason="transient")
        weight = (seed.patient.weight_kg or 60) + 5
        changed = seed.model_copy(
            update={"patient": seed.patient.model_copy(update={"weight_kg": weight})}
        )
        cases.update(case_id, changed, by="bob", expected_version=3)
    return case_id


def _recomputed(registry: Registry, case_id: str, version: int) -> Assessment:
    """The assessment computed afresh from the stored document and overrides."""
    with registry.transaction(readonly=True) as session:
        row = repo.get_version(session, case_id, version)
        assert row is not None
        recorded = repo.overrides(session, case_id, version)
        return assess(Case.model_validate(row.document), effective_overrides(recorded))


def test_every_version_reads_back_the_assessment_of_its_facts_and_overrides(
    registry: Registry, seed: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _history(registry, seed)
    expected = {v: _recomputed(registry, case_id, v) for v in range(1, 5)}

    def refuse(*_args: object) -> Assessment:
        raise AssertionError("a read re-assessed a version that has its assessment stored")

    monkeypatch.setattr(versions, "assess", refuse)
    with registry.transaction(readonly=True) as session:
        cases = CaseService(session)
        read = {v: cases.get(case_id, v).assessment for v in range(1, 5)}
        current = cases.assess(case_id)
    assert read == expected
    assert current == expected[4]
    assert expected[1].who_umc.overridden is False
    assert expected[4].who_umc.category == "certain" and expected[4].who_umc.overridden
    assert expected[4].serious is False
    assert [o.by for o in expected[4].overrides] == ["dr-a", "dr-b"]


def test_a_version_without_a_stored_assessment_is_assessed_when_read(
    registry: Registry, seed: Case
) -> None:
    case_id = _history(registry, seed)
    with registry.transaction(readonly=True) as session:
        stored = {v: CaseService(session).get(case_id, v).assessment for v in range(1, 5)}
    with registry.transaction() as session:
        session.execute(
            update(CaseVersion).where(CaseVersion.case_id == case_id).values(assessment=None)
        )
    with registry.transaction(readonly=True) as session:
        rows = [repo.get_version(session, case_id, v) for v in range(1, 5)]
        assert all(row is not None and row.assessment is None for row in rows)
        cases = CaseService(session)
        assert {v: cases.get(case_id, v).assessment for v in range(1, 5)} == stored
        assert cases.assess(case_id) == stored[4]
