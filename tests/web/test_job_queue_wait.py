"""A web job queued behind another (the app's jobs run one at a time) says which job it
waits for, since when, and for how long so far, instead of a bare "waiting" (issue 16)."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest

from dermavigil.settings import load_settings
from dermavigil.web.jobs import DUPLICATES, SIGNALS, ImportJobs


def test_a_queued_job_names_the_job_it_waits_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = ImportJobs(load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")}))
    release = threading.Event()

    def work(job):  # type: ignore[no-untyped-def]
        if job.source == SIGNALS:
            assert release.wait(30)
        return {"ok": True}

    monkeypatch.setattr(jobs, "_import", work)
    first = jobs.new_job(SIGNALS, [], "admin")
    second = jobs.new_job(DUPLICATES, [], "assessor")
    one = jobs.start(first)
    deadline = time.monotonic() + 10
    while first.status != "running" and time.monotonic() < deadline:
        time.sleep(0.02)
    two = jobs.start(second)
    waiting = (
        rf"waiting for the signals job {first.job_id} \(started by admin at "
        r"\d\d:\d\d:\d\d UTC\) to finish: [1-9]\d* s so far"
    )
    deadline = time.monotonic() + 30  # polled, not slept: a loaded machine starts threads late
    while not re.fullmatch(waiting, second.step) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert second.status == "queued"
        assert re.fullmatch(waiting, second.step), second.step
    finally:
        release.set()
        one.join(30)
        two.join(30)
    assert first.status == second.status == "done"
