"""A signal run that waits for another's registry export says what it waits for and for how
long, in the CLI (``signals``, ``signals watch``) and in the web job, and a wait past
:data:`dermavigil.signals.runs.REGISTRY_LOCK_WAIT_S` ends with a clear error (issue 16)."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

from dermavigil.demo import load_seed_case
from dermavigil.ingest.runner import run_import
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import Settings, load_settings
from dermavigil.signals import runs
from dermavigil.store.lock import SourceLock
from dermavigil.web.jobs import SIGNALS, ImportJobs

_WAITED = re.compile(r"waiting for another registry export for a signal run to finish "
                     r"\(pid \d+, since \d\d:\d\d\): (\d+) s so far, at most ")  # fmt: skip


@pytest.fixture
def settings(dv_home: Path) -> Settings:
    """A registry of two cases exported into the store, then changed (a run must export)."""
    settings = load_settings()
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            service = CaseService(session)
            made = [
                service.create(load_seed_case().model_copy(deep=True, update={"case_id": None}),
                               by="assessor").case_id
                for _ in range(2)
            ]  # fmt: skip
        run_import(settings, "registry", [])
        with registry.transaction() as session:
            CaseService(session).retract(made[1], "assessor", "entered twice")
    finally:
        registry.close()
    return settings


def _other_run(settings: Settings) -> SourceLock:
    return SourceLock(settings.store_dir, "registry", "export for a signal run")


def test_the_wait_is_told_again_as_it_goes_on(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runs, "REGISTRY_LOCK_WAIT_S", 2.6)
    steps: list[str] = []
    with _other_run(settings), pytest.raises(Exception, match="waited 3 s"):
        runs.refresh_registry(settings, lambda step, *_: steps.append(step))
    waited = [int(m.group(1)) for s in steps if (m := _WAITED.match(s))]
    assert waited[0] == 0 and waited[-1] >= 2  # said at once, then as the seconds pass
    assert waited == sorted(waited) and len(set(waited)) >= 3


def test_watch_shows_the_wait_and_ends_with_a_clear_error(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dermavigil.cli.app import main

    monkeypatch.setattr(runs, "REGISTRY_LOCK_WAIT_S", 1.2)
    monkeypatch.setattr(sys, "argv", ["dermavigil", "signals", "watch", "--once"])
    with _other_run(settings), pytest.raises(SystemExit) as ended:
        main()
    err = capsys.readouterr().err
    assert ended.value.code == 2
    assert _WAITED.search(err.replace("\n", " ")) or "waiting for another registry export" in err
    assert "error: another registry export for a signal run is running since" in err
    assert "waited 1 s" in err
    assert "Traceback" not in err


def test_the_web_job_says_how_long_it_has_waited_then_fails_clearly(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runs, "REGISTRY_LOCK_WAIT_S", 3.0)
    jobs = ImportJobs(settings)
    job = jobs.new_job(SIGNALS, [], "admin")
    seen: list[str] = []
    with _other_run(settings):
        thread = jobs.start(job)
        deadline = time.monotonic() + 30
        while thread.is_alive() and time.monotonic() < deadline:
            if job.step and (not seen or seen[-1] != job.step):
                seen.append(job.step)
            time.sleep(0.05)
        thread.join(30)
    waited = [int(m.group(1)) for s in seen if (m := _WAITED.match(s))]
    assert waited and waited[-1] >= 2
    assert job.status == "failed"
    assert job.error is not None
    assert re.search(r"another registry export for a signal run is running since .* waited 3 s",
                     job.error["detail"])  # fmt: skip
