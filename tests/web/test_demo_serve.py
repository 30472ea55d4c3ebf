"""``dermavigil serve --demo``: the demo loader is idempotent and degrades clearly, and
serve creates the admin once and prints the URL and how to log in."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dermavigil.demo.full import load_demo
from dermavigil.registry import CaseFilter, CaseService, open_registry
from dermavigil.settings import load_settings
from dermavigil.signals.runs import signals_path

pytestmark = pytest.mark.slow


@pytest.fixture
def small_shared(tmp_path: Path, shared_data: Path) -> Path:
    """A shared-data folder with the CAERS subset and one VAERS year (links to the real files)."""
    root = tmp_path / "shared-data"
    (root / "caers_openebgm_subset").mkdir(parents=True)
    (root / "caers_openebgm_subset" / "caers.csv").symlink_to(
        shared_data / "caers_openebgm_subset" / "caers.csv"
    )
    (root / "vaers_1990_2006_official_zips").mkdir()
    (root / "vaers_1990_2006_official_zips" / "1990VAERSData.zip").symlink_to(
        shared_data / "vaers_1990_2006_official_zips" / "1990VAERSData.zip"
    )
    return root


def test_demo_loads_once_then_changes_nothing(dv_home: Path, small_shared: Path) -> None:
    settings = load_settings(
        {"DERMAVIGIL_HOME": str(dv_home), "DERMAVIGIL_SHARED_DATA": str(small_shared)}
    )
    registry = open_registry(settings.database_url)
    lines: list[str] = []
    first = {r.step: r for r in load_demo(settings, registry, say=lines.append)}
    assert first["seed case"].status == "done"
    assert first["caers"].status == first["vaers"].status == first["signals"].status == "done"
    assert "3,356 reports" in first["caers"].detail
    assert signals_path(settings).is_file() and signals_path(settings, "route").is_file()
    second = {r.step: r for r in load_demo(settings, registry, say=lines.append)}
    assert second["caers"].status == second["vaers"].status == "unchanged"
    assert second["seed case"].status == "unchanged"
    assert second["signals"].status == second["registry"].status == "unchanged"
    with registry.transaction(readonly=True) as session:
        seeds = list(CaseService(session).all_current(CaseFilter(status=None)))
    assert len(seeds) == 1
    assert any(line.startswith("demo: signals: done") for line in lines)
    registry.close()


def test_demo_skips_missing_inputs_with_a_reason(dv_home: Path, tmp_path: Path) -> None:
    settings = load_settings(
        {"DERMAVIGIL_HOME": str(dv_home), "DERMAVIGIL_SHARED_DATA": str(tmp_path / "none")}
    )
    registry = open_registry(settings.database_url)
    results = {r.step: r for r in load_demo(settings, registry, say=lambda line: None)}
    assert results["seed case"].status == "done"
    assert results["caers"].status == "skipped" and "not found" in results["caers"].detail
    # only the registry is in the store: one case, still enough for a signal run
    assert results["registry"].status in ("done", "unchanged")
    registry.close()


def test_serve_creates_the_admin_once_and_prints_how_to_log_in(
    dv_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    import dermavigil.web.app
    from dermavigil.cli.app import app

    served: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: served.append(kw))
    tuned: list[bool] = []  # the process's collector is set up for serving, once per start
    monkeypatch.setattr(dermavigil.web.app, "tune_gc_for_serving", lambda: tuned.append(True))
    runner = CliRunner()
    first = runner.invoke(app, ["serve", "--port", "8123"])
    assert first.exit_code == 0, first.output
    assert "http://localhost:8123/" in first.output
    assert "one-time password in" in first.output  # not a terminal: never printed
    secret = dv_home / "initial-admin-password"
    assert secret.stat().st_mode & 0o777 == 0o600
    password = secret.read_text(encoding="utf-8").strip()
    assert len(password) >= 12 and password not in first.output
    second = runner.invoke(app, ["serve", "--port", "8123"])
    assert "one-time password" not in second.output and "existing account" in second.output
    expected = {
        "host": "127.0.0.1",
        "port": 8123,
        "log_level": "info",
        "proxy_headers": False,  # X-Forwarded-For is trusted only from configured proxies
        "access_log": False,  # no log line per request (issue 13)
    }
    assert served == [expected] * 2 and tuned == [True] * 2
    from dermavigil.registry import UserService

    registry = open_registry(load_settings().database_url)
    with registry.transaction(readonly=True) as session:
        assert UserService(session).authenticate("admin", password) is not None
    registry.close()


def test_a_serving_process_freezes_what_it_built_and_collects_less_often() -> None:
    import gc

    from dermavigil.web.app import GC_YOUNG_THRESHOLD, tune_gc_for_serving

    before = gc.get_threshold()
    try:
        tune_gc_for_serving()
        assert gc.get_freeze_count() > 10_000  # this test process's modules and objects
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, *before[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
