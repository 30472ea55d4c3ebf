"""Signal runs over the analytic store: run detection at each level, save, load.

The service the web dashboard, its background jobs, the demo loader and the CLI
share. The latest run at each level (:data:`LEVELS`) is saved as
``store_dir/signals/latest.parquet`` (``latest-route.parquet`` by route) with its
MGPS prior beside it (``latest.prior.json``, written by
:func:`dermavigil.signals.output.write_signals`). Its key columns are the
dimensions counted (``product``, ``category``, ``route`` for the drug side;
``reaction`` or ``code`` for the event side), followed by the 2x2 counts and the
measures of :mod:`dermavigil.signals.detect` (``prr``, ``ror``, ``ic``, ``ebgm``
with their bounds and the ``signal_*`` flags).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
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
leaves out rows with a missing key.

Both runs are stratified by source (:data:`STRATA`): the store pools databases whose
product and term vocabularies barely overlap (CAERS foods and cosmetics, VAERS
vaccines, the registry's aesthetic cases), and pooled crude expected counts would
make every product look disproportionate against the other databases' reports.
Stratified expected counts (DuMouchel 1999, section 3) compare each product with
reports of its own source."""

STRATA: tuple[str, ...] = ("source",)


def _check_level(level: str) -> str:
    if level not in LEVELS:
        raise InputError(
            f"unknown level {level!r}", [Problem("level", f"use one of {', '.join(LEVELS)}")]
        )
    return level


def signals_path(settings: Settings, level: str = "product") -> Path:
    """Where the latest signal run at ``level`` is kept."""
    name = "latest.parquet" if _check_level(level) == "product" else f"latest-{level}.parquet"
    return settings.store_dir / "signals" / name


class _Cache:
    """The last table read, reloaded when the file changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[Path, float] | None = None
        self._table: pa.Table | None = None

    def load(self, path: Path) -> pa.Table | None:
        if not path.is_file():
            return None
        key = (path, path.stat().st_mtime)
        with self._lock:
            if key != self._key:
                self._table, self._key = pq.read_table(path), key
            return self._table


_CACHES = {level: _Cache() for level in LEVELS}


def load(settings: Settings, level: str = "product") -> pa.Table | None:
    """The latest signal table at ``level``, or ``None`` before the first run."""
    return _CACHES[_check_level(level)].load(signals_path(settings, level))


def load_prior(settings: Settings, level: str = "product") -> dict[str, Any] | None:
    """The fitted prior of the latest run at ``level``, if saved."""
    path = signals_path(settings, level).with_suffix(".prior.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def run_and_save(settings: Settings, progress: RunProgress | None = None) -> dict[str, Any]:
    """Run signal detection over the whole store at every level and save the tables
    where the dashboard reads them. A level with nothing to count (e.g. no report line
    has a route) is skipped and its old table removed, so the dashboard never shows
    a run older than the store."""
    from dermavigil.signals import history
    from dermavigil.signals.detect import SignalRequest, detect_store
    from dermavigil.signals.output import write_signals

    report = progress or (lambda step, done, total: None)
    runs: dict[str, Any] = {}
    for done, (level, by) in enumerate(LEVELS.items()):

        def stage(name: str, level: str = level, done: int = done) -> None:
            report(f"by {level}: {name}", done, len(LEVELS))

        out = signals_path(settings, level)
        try:
            result = detect_store(
                settings.store_dir,
                SignalRequest(by=by, strata=STRATA),
                engine=settings.engine,
                progress=stage,
            )
        except InputError as error:
            if level == "product":
                raise
            out.unlink(missing_ok=True)
            out.with_suffix(".prior.json").unlink(missing_ok=True)
            runs[level] = {"skipped": error.message}
            continue
        write_signals(result.table, out, result.prior, result.n_total)
        entry, alerts = history.record(out.parent, level, result.table, tuple(by), result.n_total)
        runs[level] = {
            "run_id": entry.run_id,
            "new_signals": len(alerts),
            "pairs": result.table.num_rows,
            "reports": result.n_total,
            "by": list(by),
            "timings": result.timings,
            "undefined": result.undefined,
        }
    report("done", len(LEVELS), len(LEVELS))
    return runs
