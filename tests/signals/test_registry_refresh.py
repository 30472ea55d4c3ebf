"""A signal run re-exports the registry only when it changed since the last export, and two
runs that both need the export share it (issue 16).

Every signal run begins with :func:`dermavigil.signals.runs.refresh_registry` so that a
duplicate merged since counts once. The registry keeps a revision, moved in the same
transaction as every write that can change what is exported (a case created, edited,
retracted or merged, an override, a workflow move); the export records the revision it
read, so a run over an unchanged registry exports nothing, and a run that finds another
run's export under way waits for it and uses it.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case
from dermavigil.duplicates.manage import decide
from dermavigil.errors import ConflictError
from dermavigil.ingest.runner import run_import
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import Settings, load_settings
from dermavigil.signals import runs
from dermavigil.store.layout import current_generation, read_table
from dermavigil.store.lock import SourceLock


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")})
    settings.ensure_dirs()
    return settings


def _variant(i: int) -> Case:
    case = load_seed_case().model_copy(deep=True, update={"case_id": None})
    case.reactions[0].verbatim = f"{case.reactions[0].verbatim} {i}"
    return case


@pytest.fixture
def cases(settings: Settings) -> list[str]:
    """Three active cases, exported once (the store holds the registry)."""
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            service = CaseService(session)
            made = [service.create(_variant(i), by="assessor").case_id for i in range(3)]
    finally:
        registry.close()
    run_import(settings, "registry", [])
    return made


def _generation(settings: Settings) -> str:
    gen = current_generation(settings.store_dir, "registry")
    assert gen is not None
    return gen.name


def _exported_reports(settings: Settings) -> int:
    return read_table(settings.store_dir, "reports", ["registry"]).num_rows


def test_nothing_changed_means_no_export(settings: Settings, cases: list[str]) -> None:
    before = _generation(settings)
    assert runs.refresh_registry(settings) == 3
    assert runs.refresh_registry(settings) == 3
    assert _generation(settings) == before  # the store was not rewritten


def test_an_edit_after_the_export_forces_a_new_export(settings: Settings, cases: list[str]) -> None:
    before = _generation(settings)
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            service = CaseService(session)
            stored = service.get(cases[0])
            case = stored.case.model_copy(deep=True)
            case.reactions[0].verbatim = "skin necrosis, edited"
            service.update(cases[0], case, "assessor", stored.version)
    finally:
        registry.close()
    assert runs.refresh_registry(settings) == 3
    assert _generation(settings) != before
    terms = read_table(settings.store_dir, "report_reactions", ["registry"])
    assert "skin necrosis, edited" in terms.column("term_verbatim").to_pylist()
    after = _generation(settings)
    assert runs.refresh_registry(settings) == 3
    assert _generation(settings) == after  # and once only


def test_a_merge_after_the_export_forces_a_new_export(settings: Settings, cases: list[str]) -> None:
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            decide(session, cases[0], cases[1], "same", by="assessor", master=cases[0])
    finally:
        registry.close()
    assert runs.refresh_registry(settings) == 2
    assert _exported_reports(settings) == 2  # the merged copy left the store


def test_a_decision_that_changes_no_case_exports_nothing(
    settings: Settings, cases: list[str]
) -> None:
    before = _generation(settings)
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            decide(session, cases[0], cases[1], "different", by="assessor")
    finally:
        registry.close()
    assert runs.refresh_registry(settings) == 3
    assert _generation(settings) == before


def test_an_explicit_import_exports_and_the_next_run_reuses_it(
    settings: Settings, cases: list[str]
) -> None:
    run_import(settings, "registry", [])  # `dermavigil import registry` always exports
    after = _generation(settings)
    assert runs.refresh_registry(settings) == 3
    assert _generation(settings) == after


def _edit(settings: Settings, case_id: str) -> None:
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            service = CaseService(session)
            service.retract(case_id, "assessor", "entered twice")
    finally:
        registry.close()


def test_a_second_run_waits_for_the_export_under_way_and_shares_it(
    settings: Settings, cases: list[str]
) -> None:
    """Another run (another process: the lock is per open file) holds the registry's
    lock while it exports; the second run waits, saying so, and uses that export."""
    _edit(settings, cases[2])  # the registry changed: both runs need an export
    steps: list[str] = []
    result: list[int | None] = []
    other = SourceLock(settings.store_dir, "registry", "export for a signal run")
    other.acquire()
    try:
        waiting = threading.Thread(
            target=lambda: result.append(
                runs.refresh_registry(settings, lambda step, *_: steps.append(step))
            )
        )
        waiting.start()
        deadline = time.monotonic() + 30
        while not steps and time.monotonic() < deadline:
            time.sleep(0.05)
        assert steps and "waiting" in steps[0] and "export for a signal run" in steps[0]
        assert waiting.is_alive()
        from dermavigil.ingest.registry_export import export_registry

        export_registry(settings)  # the other run's export, under its lock
        shared = _generation(settings)
    finally:
        other.release()
    waiting.join(60)
    assert result == [2]
    assert _generation(settings) == shared  # used, not made again


def test_a_run_that_waits_too_long_says_what_holds_the_registry(
    settings: Settings, cases: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(settings, cases[2])
    monkeypatch.setattr(runs, "REGISTRY_LOCK_WAIT_S", 0.3)
    before = _generation(settings)
    busy = r"registry import is running since .* \(pid"
    with (
        SourceLock(settings.store_dir, "registry", "import"),
        pytest.raises(ConflictError, match=busy),
    ):
        runs.refresh_registry(settings)
    assert _generation(settings) == before  # nothing half-written
    assert _exported_reports(settings) == 3
