"""Duplicate management on a real registry: runs are saved with their model, a
remembered "not a duplicate" stays hidden in the next run, "same case" merges (one
master, the other retracted as its linked version, nothing deleted) and a merged
group counts once in signal runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.domain.case import Case
from dermavigil.duplicates import registry_duplicates
from dermavigil.duplicates.manage import decide, history, latest_run, run_and_save
from dermavigil.errors import ConflictError, InputError, NotFoundError
from dermavigil.ingest.registry_export import export_registry
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import Settings, load_settings
from dermavigil.signals.detect import SignalRequest, detect_store


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")})
    settings.ensure_dirs()
    return settings


@pytest.fixture
def ids(
    settings: Settings, literature_case: Case, clinician_case: Case, different_cases: list[Case]
) -> dict[str, str]:
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        service = CaseService(session)
        out = {
            "clinician": service.create(
                clinician_case.model_copy(update={"case_id": None}), by="a"
            ).case_id,  # noqa: E501
            "literature": service.create(
                literature_case.model_copy(update={"case_id": None}), by="a"
            ).case_id,  # noqa: E501
        }
        for i, case in enumerate(different_cases):
            out[f"other{i}"] = service.create(
                case.model_copy(update={"case_id": None}), by="a"
            ).case_id  # noqa: E501
    registry.close()
    return out


def _pairs(report_pairs: list) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    return {(p.case_a, p.case_b) for p in report_pairs}


def test_not_a_duplicate_is_remembered_and_hidden_in_the_next_run(
    settings: Settings, ids: dict[str, str]
) -> None:
    pair = (ids["clinician"], ids["literature"])
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            first = run_and_save(session, by="assessor")
            assert pair in _pairs(first.pairs)
            assert first.model is not None and first.model.facts
            decision = decide(session, *reversed(pair), "different", by="assessor",
                              reason="two patients", run_id=first.run_id)  # fmt: skip
            assert (decision.case_a, decision.case_b) == pair  # ordered
            assert decision.match_probability == pytest.approx(
                next(p.match_probability for p in first.pairs if (p.case_a, p.case_b) == pair)
            )
        with registry.transaction() as session:
            assert pair not in _pairs(latest_run(session).pairs)  # the saved run, too
            second = run_and_save(session, by="assessor")
            assert pair not in _pairs(second.pairs)
            assert pair not in _pairs(registry_duplicates(session, 0.0).pairs)
            (audit,) = history(session, ids["literature"])
            assert (audit.decision, audit.decided_by, audit.reason) == (
                "different", "assessor", "two patients",
            )  # fmt: skip
            # undecided reopens the pair; it comes back, flagged
            decide(session, *pair, "undecided", by="lead")
            third = run_and_save(session, by="lead")
            assert pair in _pairs(third.pairs) and pair in third.undecided
            assert [d.decision for d in history(session)] == ["undecided", "different"]
    finally:
        registry.close()


def test_same_case_merges_and_the_group_counts_once_in_signals(
    settings: Settings, ids: dict[str, str]
) -> None:
    def exosome_necrosis() -> int:
        export_registry(settings)
        result = detect_store(settings.store_dir, SignalRequest(by=("category", "reaction")))
        rows = result.table.to_pylist()
        return sum(
            r["n"] for r in rows if r["category"] == "exosome" and r["reaction"] == "skin necrosis"
        )

    master, other = ids["clinician"], ids["literature"]
    registry = open_registry(settings.database_url)
    try:
        assert exosome_necrosis() == 2  # both reports counted before the decision
        with registry.transaction() as session:
            run = run_and_save(session, by="assessor")
            decide(session, master, other, "same", by="assessor", master=master,
                   reason="same patient, same clinic", run_id=run.run_id)  # fmt: skip
        with registry.transaction() as session:
            service = CaseService(session)
            merged = service.get(other)
            assert merged.status == "retracted"
            versions = service.history(other)
            assert len(versions) == 2  # kept as a linked version: nothing deleted
            assert versions[-1].reason.startswith(f"merged into {master}")
            assert service.get(master).status == "active"
            assert (master, other) not in _pairs(run_and_save(session, by="x").pairs)
            with pytest.raises(ConflictError, match="merge is final"):
                decide(session, master, other, "different", by="x")
        assert exosome_necrosis() == 1  # the merged group counts once
    finally:
        registry.close()


def test_bad_decisions_are_refused(settings: Settings, ids: dict[str, str]) -> None:
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            with pytest.raises(InputError, match="itself"):
                decide(session, ids["clinician"], ids["clinician"], "different", by="x")
            with pytest.raises(NotFoundError, match="DV-999999"):
                decide(session, ids["clinician"], "DV-999999", "different", by="x")
            with pytest.raises(InputError, match="master"):
                decide(session, ids["clinician"], ids["literature"], "same", by="x",
                       master=ids["other0"])  # fmt: skip
            with pytest.raises(NotFoundError, match="run 42"):
                decide(session, ids["clinician"], ids["literature"], "different", by="x",
                       run_id=42)  # fmt: skip
    finally:
        registry.close()


@pytest.mark.parametrize("decisions", [["different"], ["different", "undecided"], ["same"]])
def test_every_decision_moves_the_count_a_shared_run_is_checked_against(
    settings: Settings, ids: dict[str, str], decisions: list[str]
) -> None:
    """A decision changes which pairs a duplicate run offers, so each one committed moves
    what ``background.run_shared`` compares before it reuses a run; one rolled back does not.
    Only a merge moves the registry's revision (the signal runs' export)."""
    from dermavigil.duplicates.manage import decisions_made
    from dermavigil.registry.repository import registry_revision

    pair = (ids["clinician"], ids["literature"])
    registry = open_registry(settings.database_url)
    try:
        for decision in decisions:
            with registry.transaction(readonly=True) as session:
                made, revision = decisions_made(session), registry_revision(session)
            with pytest.raises(RuntimeError), registry.transaction() as session:
                decide(session, *pair, decision, by="assessor", master=pair[0])
                raise RuntimeError("rolled back")
            with registry.transaction() as session:
                decide(session, *pair, decision, by="assessor", master=pair[0])
            with registry.transaction(readonly=True) as session:
                assert decisions_made(session) == made + 1, decision
                assert registry_revision(session) == revision + (decision == "same"), decision
    finally:
        registry.close()
