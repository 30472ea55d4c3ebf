"""The full demo data set behind ``dermavigil serve --demo`` (idempotent).

Loads, in order, skipping what is already there:

1. the seed case into the registry (:func:`dermavigil.demo.seed.load_seed`,
   which never stores it twice);
2. the CAERS subset published with openEBGM and the VAERS 1990-2006 yearly
   files from the shared data folder into the analytic store
   (:func:`dermavigil.ingest.runner.run_import`, which writes nothing when
   the source's input set is unchanged);
3. the registry's cases as the store's ``registry`` source, unless the registry
   has not changed since the last export (same number of cases, same latest
   change: a fingerprint kept in ``store_dir/registry-export.json``);
4. a signal run over the whole store (PRR, ROR, IC, MGPS EBGM), saved where
   the dashboard reads it, unless the saved run is newer than every source.

A step whose input is missing or fails is logged and skipped; the others
still run, so the app always starts.
"""

from __future__ import annotations

import json
import logging
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
}
"""Source -> path under the shared data folder."""


@dataclass(frozen=True)
class StepResult:
    """What one demo step did: ``done``, ``unchanged`` or ``skipped``, and a line of detail."""

    step: str
    status: str
    detail: str


Say = Callable[[str], None]


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


def _registry_fingerprint(registry: Any) -> str:
    """Number of cases (any status) and the time of the latest change."""
    from dermavigil.registry import CaseFilter, CaseService

    latest, offset, total = "", 0, 0
    with registry.transaction(readonly=True) as session:
        service = CaseService(session)
        while True:
            page = service.list(CaseFilter(status=None), offset=offset, limit=500)
            total = page.total
            latest = max([latest, *(item.updated_at.isoformat() for item in page.items)])
            offset += len(page.items)
            if not page.items or offset >= total:
                break
    return f"{total}:{latest}"


def _export_registry(settings: Settings, registry: Any) -> tuple[str, str]:
    marker = settings.store_dir / "registry-export.json"
    fingerprint = _registry_fingerprint(registry)
    known = json.loads(marker.read_text()) if marker.is_file() else {}
    if "registry" in sources(settings.store_dir) and known.get("fingerprint") == fingerprint:
        return "unchanged", f"registry unchanged since the last export ({fingerprint})"
    _, detail = _import(settings, "registry", [])
    marker.write_text(json.dumps({"fingerprint": fingerprint}))
    return "done", detail


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
    """Load every demo piece that is missing; return what each step did."""
    settings.ensure_dirs()
    results = [_step("seed case", lambda: _seed(registry), say)]
    for source, relative in PUBLIC_INPUTS.items():
        path = settings.shared_data_dir / relative
        if not path.exists():
            detail = f"{path} not found (shared data folder missing?)"
            log.warning("demo step %s skipped: %s", source, detail)
            say(f"demo: {source}: skipped: {detail}")
            results.append(StepResult(source, "skipped", detail))
            continue
        results.append(_step(source, lambda s=source, p=path: _import(settings, s, [p]), say))
    results.append(_step("registry", lambda: _export_registry(settings, registry), say))
    results.append(_step("signals", lambda: _signals(settings), say))
    return results
