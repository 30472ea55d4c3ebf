"""The demo loader starts fast a second time: it exports the registry only when the
registry changed since the live export, by the revision check every signal run makes
(:func:`dermavigil.signals.runs.refresh_registry_export`), without reading every case
(issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.demo import load_seed_case
from dermavigil.demo.full import load_demo
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import Settings, load_settings
from dermavigil.signals import runs
from dermavigil.store.layout import current_generation


@pytest.fixture
def settings(dv_home: Path, tmp_path: Path) -> Settings:
    """A home without the shared data: the demo is the seed case, its export, its signals."""
    return load_settings(
        {"DERMAVIGIL_HOME": str(dv_home), "DERMAVIGIL_SHARED_DATA": str(tmp_path / "none")}
    )


def _steps(settings: Settings) -> dict[str, str]:
    registry = open_registry(settings.database_url)
    try:
        return {r.step: r.status for r in load_demo(settings, registry, say=lambda line: None)}
    finally:
        registry.close()


def _live(settings: Settings) -> Path | None:
    return current_generation(settings.store_dir, "registry")


def test_a_second_start_reads_no_case_and_exports_nothing(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _steps(settings)["registry"] == "done"
    exported = _live(settings)
    listed: list[object] = []
    real = CaseService.list
    monkeypatch.setattr(
        CaseService, "list", lambda self, *a, **k: listed.append(a) or real(self, *a, **k)
    )
    steps = _steps(settings)
    assert steps["registry"] == "unchanged" and steps["signals"] == "unchanged"
    assert _live(settings) == exported
    assert not listed  # no page of cases read to decide it


def test_an_export_a_signal_run_made_since_is_not_made_again(settings: Settings) -> None:
    """A case added in the app, then a signal run (the web job) exported it: the next start
    of the demo has nothing to export."""
    _steps(settings)
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            case = load_seed_case().model_copy(deep=True, update={"case_id": None})
            case.reactions[0].verbatim = "skin necrosis, second patient"
            CaseService(session).create(case, by="assessor")
    finally:
        registry.close()
    assert runs.refresh_registry(settings) == 2
    exported = _live(settings)
    assert _steps(settings)["registry"] == "unchanged"
    assert _live(settings) == exported


def test_a_change_since_the_last_start_is_exported_once(settings: Settings) -> None:
    _steps(settings)
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            service = CaseService(session)
            (stored,) = service.all_current()
            case = stored.case.model_copy(deep=True)
            case.reactions[0].verbatim = "skin necrosis, edited"
            service.update(stored.case_id, case, "assessor", stored.version)
    finally:
        registry.close()
    assert _steps(settings)["registry"] == "done"
    assert _steps(settings)["registry"] == "unchanged"
