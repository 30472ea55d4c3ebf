"""Signal runs over the analytic store: run detection at each level, save, load.

The service the web dashboard, its background jobs, the demo loader and the CLI
share. Every run over the store first re-exports the registry's active cases when the
store holds them (:func:`refresh_registry`), so that a duplicate merged or a case
retracted since counts as the registry now stands (a merged group once, issue 16),
whichever entry started the run. The export is skipped when the registry's revision has
not moved since the live export (:mod:`dermavigil.ingest.registry_export`); a run that
finds another run's export under way (the web job and the CLI at once) waits for it, up
to :data:`REGISTRY_LOCK_WAIT_S`, saying so through its progress, and uses it.

The latest run at each level (:data:`LEVELS`) and in each stratification
(:data:`STRATIFICATIONS`) is saved as ``store_dir/signals/latest.parquet``
(``latest-route.parquet`` by route; ``latest.by-source.parquet`` ... for the
stratifications other than the default) with its MGPS prior beside it
(``latest.prior.json``, written by :func:`dermavigil.signals.output.write_signals`).
Its key columns are the dimensions counted (``product``, ``category``, ``route`` for the drug side;
``reaction`` or ``code`` for the event side), followed by the 2x2 counts and the
measures of :mod:`dermavigil.signals.detect` (``prr``, ``ror``, ``ic``, ``ebgm``
with their bounds and the ``signal_*`` flags).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dermavigil.errors import InputError, Problem
from dermavigil.settings import Settings

RunProgress = Callable[[str, int, int], None]
"""Called with (step, levels done, levels in all) as a run goes."""

LEVELS: dict[str, tuple[str, ...]] = {
    "product": ("category", "product", "reaction"),
    "route": ("category", "product", "route", "reaction"),
    "category": ("category", "reaction"),
}
"""The dashboard's runs: by product, by product x route used, and by product category
(all HA fillers of MAUDE, FAERS, CAERS and the registry together). Report lines
without a route (CAERS, most FAERS) only count in the second, as the count SQL
leaves out rows with a missing key."""


@dataclass(frozen=True)
class Stratification:
    """How expected counts are stratified in a run, and what that means for the reader."""

    strata: tuple[str, ...]
    label: str
    explanation: str


STRATIFICATIONS: dict[str, Stratification] = {
    "pooled": Stratification(
        (),
        "none (registry against the public background)",
        "Every report of every source is one background: a product of the registry is "
        "compared with all FAERS, VAERS, CAERS and MAUDE reports, so a reaction that our "
        "cases report often and the public databases rarely stands out. The price: "
        "sources with their own vocabularies (CAERS foods, VAERS vaccines) also differ "
        "from each other, so read pairs of the public sources with care.",
    ),
    "source": Stratification(
        ("source",),
        "by source",
        "Each product is compared only with reports of its own database (DuMouchel 1999, "
        "section 3). Fair between the public sources, but the registry's own cases form "
        "a stratum of their own: with a few dozen cases, expected counts there are almost "
        "the observed ones and a registry product can hardly signal.",
    ),
    "source_year": Stratification(
        ("source", "year"),
        "by source x year received",
        "As by source, and within a source by the year the report was received (reporting "
        "habits change over time). The strata are smaller still, so fewer pairs signal.",
    ),
}
"""The stratifications the dashboard offers; every run saves each of them."""

DEFAULT_STRATIFICATION = "pooled"
"""The dashboard's default: the one in which the registry's cases can signal against
the public background (stratified by source, they sit alone in a tiny stratum)."""

STRATA: tuple[str, ...] = STRATIFICATIONS[DEFAULT_STRATIFICATION].strata
"""The strata of the default run (kept for callers that read one run)."""


def _check_level(level: str) -> str:
    if level not in LEVELS:
        raise InputError(
            f"unknown level {level!r}", [Problem("level", f"use one of {', '.join(LEVELS)}")]
        )
    return level


def _check_stratification(stratification: str) -> str:
    if stratification not in STRATIFICATIONS:
        raise InputError(
            f"unknown stratification {stratification!r}",
            [Problem("strata", f"use one of {', '.join(STRATIFICATIONS)}")],
        )
    return stratification


def signals_path(
    settings: Settings, level: str = "product", stratification: str = DEFAULT_STRATIFICATION
) -> Path:
    """Where the latest signal run at ``level`` is kept (the default stratification's
    file is the one history, alerts and the demo read)."""
    name = "latest" if _check_level(level) == "product" else f"latest-{level}"
    if _check_stratification(stratification) != DEFAULT_STRATIFICATION:
        name += f".by-{stratification.replace('_', '-')}"
    return settings.store_dir / "signals" / f"{name}.parquet"


class _Cache:
    """The last table read, reloaded when the file changes. Two derived columns are
    added once on load: ``product_name`` (:func:`dermavigil.signals.names.add_product_names`)
    and ``in_scope`` (:func:`dermavigil.signals.scope.ours`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[Path, float] | None = None
        self._table: pa.Table | None = None

    def load(self, path: Path) -> pa.Table | None:
        from dermavigil.signals.names import add_product_names
        from dermavigil.signals.scope import ours

        if not path.is_file():
            return None
        key = (path, path.stat().st_mtime)
        with self._lock:
            if key != self._key:
                table = add_product_names(pq.read_table(path))
                self._table = table.append_column("in_scope", ours(table))
                self._key = key
            return self._table


_CACHES = {(level, s): _Cache() for level in LEVELS for s in STRATIFICATIONS}


def load(
    settings: Settings, level: str = "product", stratification: str = DEFAULT_STRATIFICATION
) -> pa.Table | None:
    """The latest signal table at ``level``, or ``None`` before the first run."""
    path = signals_path(settings, level, stratification)
    return _CACHES[(level, stratification)].load(path)


def load_prior(
    settings: Settings, level: str = "product", stratification: str = DEFAULT_STRATIFICATION
) -> dict[str, Any] | None:
    """The fitted prior of the latest run at ``level``, if saved."""
    path = signals_path(settings, level, stratification).with_suffix(".prior.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


REGISTRY_LOCK_WAIT_S = 600.0
"""How long a run waits for another writer of the registry source (its export) before
it gives up, saying who holds it."""


@dataclass(frozen=True)
class RegistryRefresh:
    """The registry reports in the store after a run's refresh, and whether it exported."""

    reports: int
    exported: bool


def refresh_registry_export(
    settings: Settings, progress: RunProgress | None = None
) -> RegistryRefresh | None:
    """Re-export the registry's active cases into the store when it holds them and the
    registry changed since the live export, so that merges and retractions decided since
    count (a merged duplicate group once: the merged case is retracted,
    :mod:`dermavigil.duplicates.manage`). None: the store holds no registry cases,
    nothing done. Takes the registry source's lock, as ``dermavigil import registry``
    does, waiting for another holder (:data:`REGISTRY_LOCK_WAIT_S`)."""
    from dermavigil.ingest.runner import run_import
    from dermavigil.store.layout import current_generation

    try:
        if current_generation(settings.store_dir, "registry") is None:
            return None
    except OSError:  # no store yet
        return None
    summary = run_import(
        settings, "registry", [], progress=progress, changed_only=True,
        wait=REGISTRY_LOCK_WAIT_S, what="export for a signal run",
    )  # fmt: skip
    return RegistryRefresh(int(summary.reports_kept), summary.inputs_added > 0)


def refresh_registry(settings: Settings, progress: RunProgress | None = None) -> int | None:
    """The registry reports in the store after :func:`refresh_registry_export`."""
    done = refresh_registry_export(settings, progress)
    return None if done is None else done.reports


def refreshed_text(done: RegistryRefresh) -> str:
    """What a run says about the registry's cases it counted."""
    if done.exported:
        return f"{done.reports:,} active registry cases re-exported first (merges since count once)"
    return f"{done.reports:,} active registry cases, unchanged since their last export"


def run_and_save(
    settings: Settings, progress: RunProgress | None = None, refresh: bool = True
) -> dict[str, Any]:
    """Run signal detection over the whole store at every level, in every
    stratification, and save the tables where the dashboard reads them; the registry's
    cases are re-exported first (:func:`refresh_registry`) unless ``refresh`` is false.
    A level with nothing to count (e.g. no report line has a route) is skipped and its
    old tables removed, so the dashboard never shows a run older than the store.

    Returns, per level, the default stratification's run (history and alerts follow
    it) with the others under ``"stratifications"``."""
    from dermavigil.signals import history

    report = progress or (lambda step, done, total: None)
    if refresh:
        report("registry cases into the store (merges and retractions since)", 0, len(LEVELS))
        refresh_registry(settings, progress)
    runs: dict[str, Any] = {}
    for done, (level, by) in enumerate(LEVELS.items()):
        others: dict[str, Any] = {}
        for name, strat in STRATIFICATIONS.items():

            def stage(step: str, level: str = level, done: int = done, name: str = name) -> None:
                report(f"by {level} ({STRATIFICATIONS[name].label}): {step}", done, len(LEVELS))

            out = signals_path(settings, level, name)
            try:
                result = _run_one(settings, by, strat.strata, out, stage)
            except InputError as error:
                if level == "product" and name == DEFAULT_STRATIFICATION:
                    raise
                out.unlink(missing_ok=True)
                out.with_suffix(".prior.json").unlink(missing_ok=True)
                others[name] = {"skipped": error.message}
                continue
            summary = {"pairs": result.table.num_rows, "reports": result.n_total}
            if name != DEFAULT_STRATIFICATION:
                others[name] = summary
                continue
            entry, alerts = history.record(
                out.parent, level, result.table, tuple(by), result.n_total
            )
            runs[level] = {
                "run_id": entry.run_id,
                "new_signals": len(alerts),
                **summary,
                "by": list(by),
                "strata": list(strat.strata),
                "timings": result.timings,
                "undefined": result.undefined,
            }
        default = others.pop(DEFAULT_STRATIFICATION, None)
        runs[level] = {**(runs.get(level) or default or {}), "stratifications": others}
    report("done", len(LEVELS), len(LEVELS))
    return runs


def _run_one(
    settings: Settings,
    by: tuple[str, ...],
    strata: tuple[str, ...],
    out: Path,
    stage: Callable[[str], None],
) -> Any:
    from dermavigil.signals.detect import SignalRequest, detect_store
    from dermavigil.signals.output import write_signals

    result = detect_store(
        settings.store_dir,
        SignalRequest(by=by, strata=strata),
        engine=settings.engine,
        progress=stage,
    )
    write_signals(result.table, out, result.prior, result.n_total)
    return result
