"""A merge decided on the duplicates page counts in the next signal run started from the
web: the run re-exports the registry's cases first when the store holds them, so the
merged case (retracted) leaves the counts and the group counts once (issue 16, section 4)."""

from __future__ import annotations

import time
from typing import Any

from test_series_duplicates import clinician_copy, filler_case
from webtools import bearer

from dermavigil.demo import load_seed_case
from dermavigil.duplicates.manage import decide
from dermavigil.ingest.runner import run_import
from dermavigil.registry import CaseService
from dermavigil.store.layout import read_table


def _registry_reports(settings: Any) -> int:
    return read_table(settings.store_dir, "reports", ["registry"]).num_rows


def _run_signals(client: Any) -> dict:  # type: ignore[type-arg]
    admin = bearer(client, "admin")
    started = client.post("/api/signals/run", headers=admin)
    assert started.status_code == 202
    deadline = time.monotonic() + 180
    while (job := client.get(f"/api/imports/{started.json()['job_id']}", headers=admin).json())[
        "status"
    ] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.2)
    return job


def test_a_merge_counts_once_in_the_next_signal_run(
    client: Any, as_admin: Any, registry: Any, web_settings: Any
) -> None:
    with registry.transaction() as session:
        service = CaseService(session)
        a, b, _ = (
            service.create(case, by="assessor").case_id
            for case in (load_seed_case(), clinician_copy(), filler_case())
        )
    run_import(web_settings, "registry", [])
    assert _registry_reports(web_settings) == 3
    with registry.transaction() as session:
        decide(session, a, b, "same", by="assessor", master=a)

    job = _run_signals(client)
    assert job["status"] == "done", job
    assert _registry_reports(web_settings) == 2  # the merged copy left the store
    assert job["summary"]["registry_reports"] == 2
    assert job["summary"]["signals"]["product"]["reports"] == 2
    page = as_admin.client.get(f"/imports/{job['job_id']}").text
    assert "2 active cases re-exported first" in page
