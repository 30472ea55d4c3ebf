"""The full demo data set behind ``dermavigil serve --demo`` (idempotent).

Loads, in order, skipping what is already there:

1. the seed case into the registry (:func:`dermavigil.demo.seed.load_seed`,
   which never stores it twice);
2. the CAERS subset published with openEBGM, the VAERS 1990-2006 yearly
   files, the FAERS 2025Q4 sample and FDA's real MAUDE test rows (openFDA's
   pipeline fixtures) from the shared data folder into the analytic store
   (:func:`dermavigil.ingest.runner.run_import`, which writes nothing when
   the source's input set is unchanged);
3. the registry's cases as the store's ``registry`` source, unless the registry
   has not changed since the live export: the check every signal run makes
   (:func:`dermavigil.signals.runs.refresh_registry_export`: the registry's revision
   against the one the export recorded, one row read, where the demo used to page
   through every case for a fingerprint);
4. a signal run over the whole store (PRR, ROR, IC, MGPS EBGM), saved where
   the dashboard reads it, unless the saved run is newer than every source.

A step whose input is missing or fails is logged and skipped; the others
still run, so the app always starts.

``serve --demo`` runs :func:`load_demo` in a background thread once the server
answers (:func:`load_demo_in_background`), so the app is usable at once; each
step is written to ``DERMAVIGIL_HOME/demo-status.json`` (:func:`read_status`),
which the pages show as a progress bar until the load ends.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dermavigil.errors import DermavigilError
from dermavigil.settings import Settings
from dermavigil.store.layout import source_root, sources

log = logging.getLogger(__name__)

PUBLIC_INPUTS: dict[str, str] = {
    "caers": "caers_openebgm_subset/caers.csv",
    "vaers": "vaers_1990_2006_official_zips",
    "faers": "faers_2025q4_sample",
    "maude": "maude_openfda_fixtures",
}
"""Source -> path under the shared data folder."""


@dataclass(frozen=True)
class StepResult:
    """What one demo step did: ``done``, ``unchanged`` or ``skipped``, and a line of detail."""

    step: str
    status: str
    detail: str


Say = Callable[[str], None]

STATUS_FILE = "demo-status.json"
STEPS = ("seed case", *PUBLIC_INPUTS, "registry", "signals")
"""The steps of :func:`load_demo`, in order."""


def status_path(settings: Settings) -> Path:
    """Where the demo load writes its progress."""
    return settings.home / STATUS_FILE


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_status(settings: Settings) -> dict[str, Any] | None:
    """The last demo load's progress, or None if none ran here.

    ``loading`` is true while a load is running: its state says so and the
    process that wrote it is alive (a server stopped mid-load leaves no banner).
    """
    try:
        doc = json.loads(status_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    doc["loading"] = doc.get("state") == "loading" and _pid_alive(int(doc.get("pid", 0)))
    return doc


class _StatusWriter:
    """Writes the progress document atomically (write a temporary file, rename it)."""

    def __init__(self, settings: Settings) -> None:
        self.path = status_path(settings)
        self.started = datetime.now(UTC).isoformat(timespec="seconds")
        self.results: list[StepResult] = []

    def write(self, state: str, current: str | None) -> None:
        doc = {
            "state": state,
            "pid": os.getpid(),
            "started": self.started,
            "updated": datetime.now(UTC).isoformat(timespec="seconds"),
            "current": current,
            "done": len(self.results),
            "total": len(STEPS),
            "steps": [
                {"step": r.step, "status": r.status, "detail": r.detail} for r in self.results
            ],
        }
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(doc), encoding="utf-8")
        tmp.replace(self.path)


def _seed(registry: Any) -> tuple[str, str]:
    from dermavigil.demo.seed import load_seed

    started = datetime.now(UTC)
    stored = load_seed(registry)
    status = "done" if stored.created_at >= started else "unchanged"
    return status, f"seed case {stored.case_id} (version {stored.version}, {stored.status})"


def _import(settings: Settings, source: str, paths: list[Path]) -> tuple[str, str]:
    from dermavigil.ingest.runner import run_import

    summary = run_import(settings=settings, source=source, paths=paths)
    status = "unchanged" if getattr(summary, "inputs_added", 1) == 0 else "done"
    detail = (
        f"{source}: {summary.reports_kept:,} reports, {summary.product_rows:,} product rows, "
        f"{summary.reaction_rows:,} reaction rows"
    )
    return status, detail


def _export_registry(settings: Settings) -> tuple[str, str]:
    """The registry's active cases into the store, unless unchanged since the live export
    (the signal runs' check; another run's export under way is waited for and used)."""
    from dermavigil.ingest.runner import run_import
    from dermavigil.signals.runs import REGISTRY_LOCK_WAIT_S

    summary = run_import(
        settings, "registry", [], changed_only=True, wait=REGISTRY_LOCK_WAIT_S,
        what="export for the demo",
    )  # fmt: skip
    if summary.inputs_added == 0:
        return "unchanged", (
            f"registry unchanged since its last export ({summary.reports_kept:,} active cases)"
        )
    return "done", (
        f"registry: {summary.reports_kept:,} reports, {summary.product_rows:,} product rows, "
        f"{summary.reaction_rows:,} reaction rows"
    )


def _signals_current(settings: Settings) -> bool:
    from dermavigil.signals.runs import signals_path

    out = signals_path(settings)  # the product level, written first by every run
    if not out.is_file():
        return False
    pointers = [source_root(settings.store_dir, s) / "CURRENT" for s in sources(settings.store_dir)]
    return all(p.stat().st_mtime <= out.stat().st_mtime for p in pointers)


def _signals(settings: Settings) -> tuple[str, str]:
    from dermavigil.signals.runs import run_and_save

    if _signals_current(settings):
        return "unchanged", "signal run is newer than every source"
    runs = run_and_save(settings)
    return "done", "; ".join(
        f"by {level}: "
        + (run.get("skipped") or f"{run['pairs']:,} pairs over {run['reports']:,} reports")
        for level, run in runs.items()
    )


def _step(name: str, action: Callable[[], tuple[str, str]], say: Say) -> StepResult:
    say(f"demo: {name} ...")
    try:
        status, detail = action()
    except (DermavigilError, OSError, ImportError) as exc:
        log.warning("demo step %s skipped: %s", name, exc)
        result = StepResult(name, "skipped", str(exc).splitlines()[0])
    else:
        result = StepResult(name, status, detail)
    say(f"demo: {name}: {result.status}: {result.detail}")
    return result


def load_demo(settings: Settings, registry: Any, say: Say = log.info) -> list[StepResult]:
    """Load every demo piece that is missing; return what each step did.

    Progress goes to ``say`` and to :func:`status_path` (read with :func:`read_status`).
    """
    settings.ensure_dirs()
    status = _StatusWriter(settings)
    results = status.results

    def run(name: str, action: Callable[[], tuple[str, str]]) -> None:
        status.write("loading", name)
        results.append(_step(name, action, say))

    try:
        run("seed case", lambda: _seed(registry))
        for source, relative in PUBLIC_INPUTS.items():
            path = settings.shared_data_dir / relative
            if not path.exists():
                detail = f"{path} not found (shared data folder missing?)"
                log.warning("demo step %s skipped: %s", source, detail)
                say(f"demo: {source}: skipped: {detail}")
                results.append(StepResult(source, "skipped", detail))
                continue
            run(source, lambda s=source, p=path: _import(settings, s, [p]))
        run("registry", lambda: _export_registry(settings))
        run("signals", lambda: _signals(settings))
    finally:
        status.write("done" if len(results) == len(STEPS) else "failed", None)
    return list(results)


def _wait_for_port(host: str, port: int, timeout: float) -> bool:
    """True once something accepts TCP connections on ``host:port`` (within ``timeout`` s)."""
    target = "127.0.0.1" if host in ("0.0.0.0", "") else ("::1" if host == "::" else host)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((target, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def load_demo_in_background(
    settings: Settings, host: str, port: int, say: Say = log.info
) -> threading.Thread:
    """Load the demo data in a daemon thread that starts once the server answers on
    ``host:port`` (or after 60 s), over a registry of its own; progress as :func:`load_demo`.
    """
    status = _StatusWriter(settings)
    settings.ensure_dirs()
    status.write("loading", "waiting for the server")  # the banner shows from the first page

    def work() -> None:
        from dermavigil.registry import open_registry

        _wait_for_port(host, port, timeout=60.0)
        registry = open_registry(settings.database_url)
        try:
            load_demo(settings, registry, say)
        except Exception:  # a bug must not stop the server; the status says "failed"
            log.exception("demo data load failed")
            status.write("failed", None)
        finally:
            registry.close()

    thread = threading.Thread(target=work, name="demo-load", daemon=True)
    thread.start()
    return thread
