"""Import jobs: uploaded files imported in a background thread, followed by job id.

An upload is saved under ``uploads_dir/<job id>/`` and imported by
:func:`dermavigil.ingest.runner.run_import` in a worker thread; the runner's
progress callback updates the job, which the API and the import page poll.
Imports run one at a time here (two cores are better spent on one; a job queued behind
another names it in its step, with the seconds it has waited), and
each holds its source's lock in the store (:mod:`dermavigil.store.lock`),
which ``dermavigil import`` takes too: a job started while the command line
imports the same source fails at once with "another vaers import is running
since HH:MM (pid N)". Jobs are kept in memory for
the life of the process; the store itself is the durable record. A job whose
source is ``signals`` re-runs signal detection over the store the same way
(:func:`dermavigil.signals.runs.run_and_save`, which re-exports the registry's cases
first when the store holds them and the registry changed since, so that a duplicate
merged since counts once; a CLI run's export under way is waited for, the job's step
saying so and for how long, and used). A ``duplicates`` job runs duplicate detection
(:func:`dermavigil.duplicates.background.run_shared`: compared in a read-only transaction,
so a decision taken meanwhile is not held up; a CLI run under way is waited for the same
way, and its result used when the registry has not changed since).

Clean-up rule for uploads: a job's upload folder is deleted when the job finishes, done or
failed (the store is the durable record; the files are public-source downloads the admin
still has). Folders that a stopped process left behind are deleted at the next start once
older than :data:`STALE_UPLOAD_SECONDS` (a day, so that another worker's running upload is
never touched). Upload sizes are capped by :mod:`dermavigil.web.bodylimit`.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import shutil
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dermavigil.errors import DermavigilError, InputError, NotFoundError
from dermavigil.settings import Settings

log = logging.getLogger(__name__)

MAX_PROBLEMS_SHOWN = 200
SIGNALS = "signals"
"""The job "source" that re-runs signal detection over the store instead of importing."""
DUPLICATES = "duplicates"
"""The job "source" that runs duplicate detection over the registry's active cases."""
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclasses.dataclass
class ImportJob:
    """One import: what was asked, how far it got, and what it did."""

    job_id: str
    source: str
    files: list[str]
    by: str
    status: str = "queued"  # queued, running, done, failed
    step: str = ""
    completed: int = 0
    total: int = 0
    created_at: datetime = dataclasses.field(default_factory=lambda: datetime.now(UTC))
    finished_at: datetime | None = None
    summary: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    options: dict[str, Any] = dataclasses.field(default_factory=dict)


def safe_filename(name: str) -> str:
    """A file name without directories or unusual characters."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _SAFE_NAME.sub("_", base).strip("._")
    if not cleaned:
        raise InputError("uploaded file has no usable name", [])
    return cleaned[:120]


def summary_json(summary: Any) -> dict[str, Any]:
    """An :class:`~dermavigil.ingest.summary.ImportSummary` as plain JSON (problems capped)."""
    data: dict[str, Any] = {}
    for f in dataclasses.fields(summary):
        value = getattr(summary, f.name)
        if isinstance(value, Counter):
            value = dict(value)
        elif f.name == "problems":
            value = [str(p) for p in value[:MAX_PROBLEMS_SHOWN]]
            data["problems_total"] = len(getattr(summary, f.name))
        data[f.name] = value
    data["warnings"] = summary.grouped_warnings()
    data["rows_rejected"] = summary.rows_rejected
    data["rows_repaired"] = summary.rows_repaired
    return data


STALE_UPLOAD_SECONDS = 24 * 3600


def sweep_stale_uploads(uploads_dir: Path, now: float | None = None) -> list[Path]:
    """Delete upload folders older than :data:`STALE_UPLOAD_SECONDS`; return them."""
    cutoff = (time.time() if now is None else now) - STALE_UPLOAD_SECONDS
    removed = []
    for folder in uploads_dir.iterdir() if uploads_dir.is_dir() else ():
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


class ImportJobs:
    """Creates, runs (one at a time, in threads) and reports import jobs."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._jobs: dict[str, ImportJob] = {}
        self._lock = threading.Lock()
        self._serial = threading.Lock()
        self._current: ImportJob | None = None
        sweep_stale_uploads(settings.uploads_dir)
        self.registry: Any = None
        """The app's registry (set by the app), for jobs that read or write cases."""

    def upload_dir(self, job_id: str) -> Path:
        return self.settings.uploads_dir / job_id

    def new_job(self, source: str, files: list[str], by: str) -> ImportJob:
        job = ImportJob(job_id=uuid.uuid4().hex[:12], source=source, files=files, by=by)
        with self._lock:
            self._jobs[job.job_id] = job
        return job

    def get(self, job_id: str) -> ImportJob:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFoundError(f"no import job {job_id!r}")
        return job

    def all(self) -> list[ImportJob]:
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.created_at, reverse=True)

    def start(self, job: ImportJob) -> threading.Thread:
        """Run ``job`` in a daemon thread; returns the thread (tests may join it)."""
        thread = threading.Thread(target=self._run, args=(job,), daemon=True, name=job.job_id)
        thread.start()
        return thread

    def _progress(self, job: ImportJob) -> Callable[[str, int, int], None]:
        def update(step: str, completed: int, total: int) -> None:
            job.step, job.completed, job.total = step, completed, total

        return update

    def _wait_turn(self, job: ImportJob) -> None:
        """Take the app's one job slot; meanwhile the job's step names the job it waits
        for and counts the seconds (the job page refreshes every 2 s)."""
        started = time.monotonic()
        while not self._serial.acquire(timeout=0.25):
            ahead = self._current
            if ahead is not None:
                job.step = (
                    f"waiting for the {ahead.source} job {ahead.job_id} (started by "
                    f"{ahead.by} at {ahead.created_at:%H:%M:%S} UTC) to finish: "
                    f"{int(time.monotonic() - started)} s so far"
                )

    def _run(self, job: ImportJob) -> None:
        self._wait_turn(job)
        self._current = job
        try:
            job.status, job.step = "running", ""
            try:
                summary = self._import(job)
            except DermavigilError as exc:
                job.error = exc.to_problem_json()
                job.status = "failed"
            except Exception as exc:  # a bug in an importer must not kill the server
                log.exception("import job %s failed", job.job_id)
                job.error = {"title": type(exc).__name__, "detail": str(exc), "problems": []}
                job.status = "failed"
            else:
                job.summary = summary if isinstance(summary, dict) else summary_json(summary)
                job.status = "done"
            finally:
                job.finished_at = datetime.now(UTC)
                shutil.rmtree(self.upload_dir(job.job_id), ignore_errors=True)
        finally:
            self._current = None
            self._serial.release()

    def _import(self, job: ImportJob) -> Any:
        if job.source == "literature":
            from dermavigil.web.literature_review import run_review

            return run_review(self.registry, job, self._progress(job))
        if job.source == DUPLICATES:
            from dermavigil.duplicates.background import run_shared, shared_text

            shared = run_shared(
                self.registry, self.settings, job.by, job.options.get("threshold", 0.5),
                self._progress(job),
            )  # fmt: skip
            run = shared.run
            return {"duplicates": {"run_id": run.run_id, "pairs": len(run.pairs),
                                   "cases": run.cases, "reused": shared_text(shared)}}  # fmt: skip
        if job.source == SIGNALS:
            from dermavigil.signals.runs import refresh_registry_export, run_and_save

            registry = refresh_registry_export(self.settings, self._progress(job))
            out = {"signals": run_and_save(self.settings, self._progress(job), refresh=False)}
            if registry is not None:
                out["registry_reports"] = registry.reports
                out["registry_exported"] = registry.exported
            return out
        from dermavigil.ingest.runner import run_import

        paths = [self.upload_dir(job.job_id) / name for name in job.files]
        return run_import(
            settings=self.settings, source=job.source, paths=paths, progress=self._progress(job)
        )
