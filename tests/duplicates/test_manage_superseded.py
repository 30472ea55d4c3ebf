"""A saved run outlives the merges decided on it: a pair one of whose cases was merged
(or retracted) since the run is no longer offered for a decision, the run says why, and
merging such a pair anyway is refused with a message naming the master to compare with."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.domain.case import Case
from dermavigil.duplicates.manage import decide, latest_run, run_and_save
from dermavigil.errors import ConflictError
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import Settings, load_settings


@pytest.fixture
def registry(tmp_path: Path):  # type: ignore[no-untyped-def]
    settings: Settings = load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")})
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    yield registry
    registry.close()


@pytest.fixture
def three_copies(registry, literature_case: Case, clinician_case: Case) -> list[str]:  # type: ignore[no-untyped-def]
    """The seed case three times (the publication twice, the clinician's report once)."""
    with registry.transaction() as session:
        service = CaseService(session)
        ids = [
            service.create(case.model_copy(update={"case_id": None}), by="a").case_id
            for case in (literature_case, clinician_case, literature_case)
        ]
        run = run_and_save(session, "a", threshold=0.5)
    a, b, c = ids
    assert {(p.case_a, p.case_b) for p in run.pairs} == {(a, b), (a, c), (b, c)}
    return ids


def test_pairs_of_a_merged_case_leave_the_run_with_the_reason(registry, three_copies) -> None:  # type: ignore[no-untyped-def]
    a, b, c = three_copies
    with registry.transaction() as session:
        decide(session, a, c, "same", by="assessor", master=a, run_id=1)
    with registry.transaction(readonly=True) as session:
        run = latest_run(session)
    assert run is not None
    assert [(p.case_a, p.case_b) for p in run.pairs] == [(a, b)]
    assert [(s.case_a, s.case_b) for s in run.superseded] == [(b, c)]
    assert run.superseded[0].why == f"{c} was merged into {a} (decision 1)"


def test_merging_a_pair_of_a_merged_case_names_its_master(registry, three_copies) -> None:  # type: ignore[no-untyped-def]
    a, b, c = three_copies
    with registry.transaction() as session:
        decide(session, a, c, "same", by="assessor", master=a, reason="one patient")
    for master in (b, c):
        with pytest.raises(ConflictError) as refused, registry.transaction() as session:
            decide(session, b, c, "same", by="assessor", master=master)
        assert str(refused.value) == (
            f"{c} was merged into {a} by assessor on "
            f"{refused.value.args[0].split(' on ')[1][:10]} (decision 1): "
            f"compare {b} with {a} instead"
        )
    with registry.transaction() as session:  # "not a duplicate" of a merged case is kept
        assert decide(session, b, c, "different", by="assessor").decision == "different"
