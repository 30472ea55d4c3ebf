"""``dermavigil import SOURCE PATH...``: dispatch to an importer and rebuild the source.

The rule that makes imports idempotent, order-independent and atomic:

- A source's live generation is always **rebuilt from its whole input set**.
  The set is recorded in the generation's ``manifest.json`` as one entry per
  *unit* (FAERS quarter, VAERS year, CAERS/openFDA file name) with the content
  digest of its files. Importing adds the given units to the set; a unit
  imported again with different bytes (a corrected FDA re-release) replaces
  the old one.
- Each unit is parsed once into a content-addressed stage
  (:mod:`dermavigil.ingest.staging`), so adding a quarter re-reads only that
  quarter; the cross-unit steps (version dedup, deletions) run in
  :mod:`dermavigil.ingest.combine` over all stages.
- Same units with the same digests as the live manifest -> nothing is written
  at all (a quarter's zip and its extracted folder have the same digest). Otherwise the
  new generation goes live through :class:`~dermavigil.store.layout.SourceWriter`
  only when complete, so a failure midway leaves the store as it was.

Imports of one source run one at a time: each holds the source's lock
(:mod:`dermavigil.store.lock`) from reading the inputs to cleaning up; a
second one fails at once saying which import is running. A failed run
removes what it staged and leaves the live generation as it was; disk and
archive errors become messages naming the path (:mod:`dermavigil.store.oserrors`).
"""

from __future__ import annotations

import importlib
import json
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from dermavigil.errors import InputError
from dermavigil.ingest import limits
from dermavigil.ingest.combine import CombineCounts, combine
from dermavigil.ingest.files import digest
from dermavigil.ingest.plan import InputPlan
from dermavigil.ingest.problems import ProblemLog
from dermavigil.ingest.staging import StageWriter, read_stats
from dermavigil.ingest.summary import ImportSummary
from dermavigil.settings import Settings
from dermavigil.store.layout import SourceWriter, current_generation, drop_source, read_table
from dermavigil.store.lock import SourceLock
from dermavigil.store.oserrors import translated

Progress = Callable[[str, int, int], None]
"""``progress(description, completed, total)``."""

IMPORTERS: dict[str, str] = {
    "faers": "dermavigil.ingest.faers",
    "vaers": "dermavigil.ingest.vaers",
    "caers": "dermavigil.ingest.caers",
    "openfda": "dermavigil.ingest.openfda",
    "maude": "dermavigil.ingest.maude",
}
SOURCES = (*IMPORTERS, "registry")
MANIFEST = "manifest.json"
WORK = "_work"
"""DuckDB's spill folder under ``staging/<source>/`` while a generation is built."""


def _no_progress(description: str, completed: int, total: int) -> None:
    """Default progress callback: report nothing."""


def importer(source: str) -> ModuleType:
    """The importer module of ``source``."""
    if source not in IMPORTERS:
        raise InputError(f"unknown source {source!r}; choose one of {', '.join(SOURCES)}")
    return importlib.import_module(IMPORTERS[source])


def load_manifest(store_dir: Path, source: str) -> dict[str, Any]:
    """The live generation's manifest (empty when the source was never imported)."""
    gen = current_generation(store_dir, source)
    if gen is None or not (gen / MANIFEST).is_file():
        return {"inputs": {}, "counts": None}
    return json.loads((gen / MANIFEST).read_text(encoding="utf-8"))


def _stage(module: ModuleType, plan: InputPlan, stage_dir: Path, max_share: float) -> None:
    """Parse ``plan`` into a stage; refuse it (nothing kept) past the rejected-share limit."""
    across = getattr(module, "ACROSS_UNITS", False)
    writer = StageWriter(stage_dir, module.SOURCE, plan.unit, across_units=across)
    try:
        module.stage(plan, writer)
        stats = writer.stats(str(plan.path), plan.member_names)
        limits.check(stats, max_share)
        writer.commit(stats)
    except BaseException:
        writer.abort()
        raise


def _plans(module: ModuleType, paths: list[Path]) -> list[InputPlan]:
    plans = [module.plan(p) for path in paths for p in module.expand(path)]
    units = Counter(p.unit for p in plans)
    twice = sorted(u for u, n in units.items() if n > 1)
    if twice:
        raise InputError(f"several inputs for the same unit: {', '.join(twice)}")
    return plans


def _restage_missing(module: ModuleType, entries: dict[str, Any], stage_root: Path) -> None:
    """Re-parse recorded inputs whose stage was removed (same bytes required)."""
    for unit, entry in entries.items():
        if (stage_root / entry["digest"] / "stats.json").is_file():
            continue
        path = Path(entry["path"])
        plan = module.plan(path) if path.exists() else None
        if plan is None or digest(plan.members.values(), module.PARSER_VERSION) != entry["digest"]:
            raise InputError(
                f"the staged copy of {unit} ({path}) is gone and the file is missing or "
                "changed; import it again"
            )
        _stage(module, plan, stage_root / entry["digest"], 1.0)  # judged when first imported


def run_import(
    settings: Settings,
    source: str,
    paths: list[Path],
    progress: Progress | None = None,
    *,
    changed_only: bool = False,
    wait: float = 0.0,
    what: str = "import",
) -> ImportSummary:
    """Import ``paths`` into ``source`` and return what the live generation holds.

    Holds the source's lock (:class:`~dermavigil.store.lock.SourceLock`, held as
    ``what``) for the whole run, waiting up to ``wait`` seconds for it; disk and archive
    errors become :class:`DermavigilError` messages naming the path and saying that the
    store was left unchanged. ``changed_only`` (the registry): export only when the
    registry changed since the live export, checked before the lock and again once it
    is held (a run that waited for another's export uses it).
    """
    progress = progress or _no_progress
    if changed_only and source == "registry":
        unchanged = _unchanged_registry(settings)
        if unchanged is not None:
            return unchanged
    if source != "registry":
        importer(source)
        if not paths:
            raise InputError(f"import {source}: give at least one file or folder")
    store_dir = settings.store_dir
    before = _live(store_dir, source)
    reading = _Reading()
    with translated(
        f"import {source}", reading.path, lambda: _unchanged(store_dir, source, before), store_dir
    ):
        settings.ensure_dirs()
        waiting = (lambda message: progress(message, 0, 0)) if wait else None
        with SourceLock(store_dir, source, what, wait, waiting):
            if source == "registry":
                unchanged = _unchanged_registry(settings) if changed_only else None
                return unchanged or _registry(settings, progress)
            return _run_locked(settings, source, paths, progress, reading)


class _Reading:
    """The input being read, for messages about damaged archives."""

    def __init__(self) -> None:
        self.current: Path | None = None

    def path(self) -> Path | None:
        return self.current


def _live(store_dir: Path, source: str) -> str | None:
    try:
        gen = current_generation(store_dir, source)
    except OSError:
        return None
    return gen.name if gen is not None else None


def _unchanged(store_dir: Path, source: str, before: str | None) -> str:
    now = _live(store_dir, source)
    if now != before:
        return f"the new {source} generation {now} is live"
    if before is None:
        return f"the store is unchanged ({source} was not in it)"
    return f"the store is unchanged (the live {source} generation is still {before})"


def _run_locked(
    settings: Settings, source: str, paths: list[Path], progress: Progress, reading: _Reading
) -> ImportSummary:
    module = importer(source)
    store_dir = settings.store_dir
    stage_root = store_dir / "staging" / source
    plans = _plans(module, paths)
    manifest = load_manifest(store_dir, source)
    entries: dict[str, Any] = dict(manifest["inputs"])
    live = {e["digest"] for e in manifest["inputs"].values()}
    created: list[Path] = []
    added = reused = 0
    try:
        for i, plan in enumerate(plans):
            progress(f"reading {plan.path.name}", i, len(plans) + 1)
            reading.current = plan.path
            dg = digest(plan.members.values(), module.PARSER_VERSION)
            if (stage_root / dg / "stats.json").is_file():
                limits.check(read_stats(stage_root / dg), settings.import_max_rejected_share)
                reused += 1
            else:
                created.append(stage_root / dg)
                _stage(module, plan, stage_root / dg, settings.import_max_rejected_share)
                added += 1
            entries[plan.unit] = {"digest": dg, "path": str(plan.path.resolve())}
        reading.current = None
        _restage_missing(module, entries, stage_root)
        entries = dict(sorted(entries.items()))
        stage_dirs = [stage_root / e["digest"] for e in entries.values()]
        counts = manifest["counts"]
        if _digests(entries) != _digests(manifest["inputs"]) or counts is None:
            progress("building store", len(plans), len(plans) + 1)
            with SourceWriter(store_dir, source) as writer:
                across = getattr(module, "ACROSS_UNITS", False)
                counts = combine(stage_dirs, writer, stage_root / WORK, across).__dict__
                assert writer.generation is not None
                (writer.generation / MANIFEST).write_text(
                    json.dumps({"inputs": entries, "counts": counts}, indent=1), encoding="utf-8"
                )
            _collect_garbage(stage_root, {e["digest"] for e in entries.values()})
    except BaseException:
        _clean_failed_run(stage_root, created, live | _live_digests(store_dir, source))
        raise
    finally:
        shutil.rmtree(stage_root / WORK, ignore_errors=True)
    progress("done", len(plans) + 1, len(plans) + 1)
    return _summary(source, stage_dirs, CombineCounts(**counts), added, reused)


def _live_digests(store_dir: Path, source: str) -> set[str]:
    try:
        return {e["digest"] for e in load_manifest(store_dir, source)["inputs"].values()}
    except (OSError, ValueError, KeyError):
        return set()


def _clean_failed_run(stage_root: Path, created: list[Path], keep: set[str]) -> None:
    """Remove what a failed run staged (and its unfinished folders); keep live stages."""
    for stage_dir in created:
        if stage_dir.name not in keep:
            shutil.rmtree(stage_dir, ignore_errors=True)
        shutil.rmtree(stage_dir.with_name(stage_dir.name + ".tmp"), ignore_errors=True)


def drop(settings: Settings, source: str) -> None:
    """Remove ``source`` from the store, with its staged inputs (under its lock)."""
    before = _live(settings.store_dir, source)
    with (
        translated(
            f"drop {source}",
            lambda: None,
            lambda: _unchanged(settings.store_dir, source, before),
            settings.store_dir,
        ),
        SourceLock(settings.store_dir, source, "drop"),
    ):
        drop_source(settings.store_dir, source)
        shutil.rmtree(settings.store_dir / "staging" / source, ignore_errors=True)


def _digests(entries: dict[str, Any]) -> dict[str, str]:
    """Unit -> content digest: what decides whether the source must be rebuilt."""
    return {unit: entry["digest"] for unit, entry in entries.items()}


def _collect_garbage(stage_root: Path, keep: set[str]) -> None:
    for child in stage_root.iterdir():
        if child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)


def _summary(
    source: str, stage_dirs: list[Path], counts: CombineCounts, added: int, reused: int
) -> ImportSummary:
    summary = ImportSummary(source=source, inputs_added=added, inputs_reused=reused)
    problems = ProblemLog()
    of_rejected: Counter[str] = Counter()
    for d in stage_dirs:
        stats = read_stats(d)
        summary.inputs.append(f"{stats['unit']}: {stats['label']}")
        summary.rows_read.update(stats["rows_read"])
        problems.merge(ProblemLog.from_json(stats["problems"]))
        summary.warnings.extend(stats.get("warnings", []))
        of_rejected.update(stats.get("of_rejected", {}))
    summary.reports_read = counts.reports_read
    summary.reports_kept = counts.reports_kept
    summary.versions_superseded = counts.versions_superseded
    summary.deleted = counts.deleted
    summary.product_rows = counts.product_rows
    summary.reaction_rows = counts.reaction_rows
    summary.duplicates_collapsed.update(
        {"product rows": counts.duplicate_products, "reaction rows": counts.duplicate_reactions}
    )
    summary.not_stored.update(counts.not_stored)
    _split_orphans(summary.not_stored, of_rejected)
    summary.rejected = problems.rejected
    summary.repaired = problems.repaired
    summary.problems = problems.samples
    return summary


def _split_orphans(not_stored: Counter[str], of_rejected: Counter[str]) -> None:
    """Of the rows without their report, count apart those whose report row was rejected."""
    for table, rows in (("report_products", "product rows"), ("report_reactions", "reaction rows")):
        absent = f"{rows} without their report"
        moved = min(of_rejected.get(table, 0), not_stored.get(absent, 0))
        if moved:
            not_stored[f"{rows} of rejected reports"] = moved
            not_stored[absent] -= moved
            if not not_stored[absent]:
                del not_stored[absent]


def _exporter() -> ModuleType:
    try:
        return importlib.import_module("dermavigil.ingest.registry_export")
    except ModuleNotFoundError as exc:
        if exc.name != "dermavigil.ingest.registry_export":
            raise
        raise InputError(
            "import registry: the registry exporter (dermavigil.ingest.registry_export) "
            "is not installed in this build"
        ) from exc


def _unchanged_registry(settings: Settings) -> ImportSummary | None:
    """The live registry export's summary when the registry has not changed since."""
    return _exporter().unchanged_summary(settings)  # type: ignore[no-any-return]


def _registry(settings: Settings, progress: Progress) -> ImportSummary:
    module = _exporter()
    result = module.export_registry(settings, progress)
    if isinstance(result, ImportSummary):
        return result
    summary = ImportSummary(source="registry")
    only = ["registry"]
    summary.reports_kept = summary.reports_read = read_table(
        settings.store_dir, "reports", only
    ).num_rows
    summary.product_rows = read_table(settings.store_dir, "report_products", only).num_rows
    summary.reaction_rows = read_table(settings.store_dir, "report_reactions", only).num_rows
    return summary
