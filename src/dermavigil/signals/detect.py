"""Signal detection end to end: engine -> 2x2 counts (SQL) -> statistics (numpy) -> Arrow.

The Python API::

    result = detect_store(store_dir, SignalRequest(by=("product", "reaction")))
    result.table    # pyarrow.Table, strongest signal first
    result.prior    # fitted MGPS prior (None without "ebgm")

``detect_file`` does the same over a long-format CSV/Parquet file. Both run on
any :class:`~dermavigil.store.engine.Engine` (``duckdb`` by default, ``spark``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

from dermavigil.errors import InputError
from dermavigil.signals import METHODS
from dermavigil.signals.counts import (
    CountSources,
    counts_sql,
    long_sources,
    margins_sql,
    store_sources,
)
from dermavigil.signals.criteria import Criteria, ranking
from dermavigil.signals.pairs import count_long
from dermavigil.store.arrays import to_arrow, to_numpy
from dermavigil.store.engine import Engine, open_engine
from dermavigil.store.longformat import (
    LONG_TABLE,
    WHOLE_FILE_BYTES,
    ColumnSpec,
    load_long,
    load_long_encoded,
    register_long,
)
from dermavigil.store.malloc import single_arena

if TYPE_CHECKING:
    from dermavigil.signals.mgps import Prior
    from dermavigil.store.readahead import ReadAhead

log = logging.getLogger(__name__)

NUMERICS = ("dermavigil.signals.stats", "dermavigil.signals.posterior", "dermavigil.signals.mgps")
"""The modules of the measures and the prior fit: they import scipy.special and
scipy.optimize (a quarter of a second), so they are imported when a run needs them
(:func:`import_numerics`)."""

POSTERIOR_BATCH = 1 << 20
"""Pairs whose posterior (EBGM, EB05, EB95) is computed at a time (bounded memory)."""

QUANTILES_BESIDE_PAIRS = 1 << 18
"""Up to this many pairs, EB05 and EB95 are solved on two threads when a core is idle."""

ProgressFn = Callable[[str], None]
"""Called with the name of each stage as it starts (counting, prior, statistics)."""


@dataclass(frozen=True)
class SignalRequest:
    """What to count and which measures to compute."""

    by: tuple[str, ...] = ("product", "reaction")
    strata: tuple[str, ...] = ()
    methods: tuple[str, ...] = METHODS
    min_count: int = 1
    suspect_only: bool = True
    criteria: Criteria = field(default_factory=Criteria)

    def __post_init__(self) -> None:
        unknown = [m for m in self.methods if m not in METHODS]
        if unknown or not self.methods:
            raise InputError(
                f"unknown or no --method {', '.join(unknown)}; choose from {', '.join(METHODS)}"
            )


@dataclass
class SignalResult:
    """The signal table, the fitted prior and where the time went."""

    table: pa.Table
    prior: Prior | None
    timings: dict[str, float]
    n_total: int
    undefined: dict[str, int]


def _measures(
    n: np.ndarray,
    b: np.ndarray,
    c: np.ndarray,
    d: np.ndarray,
    e: np.ndarray,
    methods: tuple[str, ...],
    prior: Prior | None,
) -> dict[str, np.ndarray]:
    from dermavigil.signals import stats

    cols: dict[str, np.ndarray] = {}
    if "prr" in methods:
        cols["prr"], cols["prr_lower"], cols["prr_upper"] = stats.prr(n, b, c, d)
        cols["chi2"] = stats.chi2_yates(n, b, c, d)
    if "ror" in methods:
        cols["ror"], cols["ror_lower"], cols["ror_upper"] = stats.ror(n, b, c, d, haldane=True)
        cols["ror_haldane"] = stats.haldane_cells(n, b, c, d)
    if "ic" in methods:
        cols["ic"], cols["ic025"], cols["ic975"] = stats.information_component(n, e)
    if prior is not None:
        cols.update(_posterior(prior, n, e))
    return cols


def _posterior(prior: Prior, n: np.ndarray, e: np.ndarray) -> dict[str, np.ndarray]:
    """EBGM, EB05 and EB95 of every pair, :data:`POSTERIOR_BATCH` pairs at a time (each
    pair's posterior depends on its own ``n`` and ``E`` only: batches change no value).

    The two quantiles are solved one after the other, except for up to
    :data:`QUANTILES_BESIDE_PAIRS` pairs while another core is idle, where EB95 is
    solved on a second thread (a FAERS quarter's posterior: 0.074 -> 0.056 s on an idle
    machine): for more pairs the doubled temporaries of a batch cost more in page
    faults than the thread saves (a 20M-row file: stats 11.6 -> 19.7 s at load 10)."""
    from dermavigil.signals.output import idle_core
    from dermavigil.signals.posterior import Posterior

    out = {name: np.empty(n.size) for name in ("ebgm", "eb05", "eb95")}
    beside = n.size <= QUANTILES_BESIDE_PAIRS and idle_core()
    for start in range(0, n.size, POSTERIOR_BATCH):
        rows = slice(start, start + POSTERIOR_BATCH)
        post = Posterior(prior, n[rows], e[rows])
        if beside:
            with ThreadPoolExecutor(1, thread_name_prefix="eb95") as pool:
                upper = pool.submit(post.quantile, 0.95)
                out["eb05"][rows] = post.quantile(0.05)
                out["ebgm"][rows] = post.ebgm()
                out["eb95"][rows] = upper.result()
            continue
        out["ebgm"][rows] = post.ebgm()
        out["eb05"][rows] = post.quantile(0.05)
        out["eb95"][rows] = post.quantile(0.95)
    return out


def import_numerics() -> None:
    """Import :data:`NUMERICS` (scipy.special and scipy.optimize, a quarter of a second,
    without the numpy submodules they do not use: :mod:`.numerics_import`):
    :func:`detect_file` does it while another thread reads the file."""
    from dermavigil.signals.numerics_import import import_lean

    import_lean(NUMERICS)


def detect(
    engine: Engine,
    sources: CountSources,
    request: SignalRequest,
    progress: ProgressFn | None = None,
) -> SignalResult:
    """Count on ``engine``, fit the prior, compute every requested measure and flag."""
    step = progress or (lambda stage: None)
    step("counting")
    started = time.perf_counter()
    counts, margin_table = count(engine, sources, request.min_count)
    margins = None
    if margin_table is not None:
        margins = {k: np.asarray(v) for k, v in margin_table.to_pydict().items()}
    timings = {"counts": time.perf_counter() - started}
    keys = list(sources.drug_names + sources.event_names)
    return analyse(counts, keys, request, margins, step, timings)


def count(
    engine: Engine, sources: CountSources, min_count: int = 1
) -> tuple[pa.Table, pa.Table | None]:
    """The 2x2 counts (:func:`~dermavigil.signals.counts.counts_sql`) and, with strata and
    at least one pair, the margins per stratum (:func:`~dermavigil.signals.counts.margins_sql`).

    Spark counts from per-report key sets (:mod:`dermavigil.signals.report_sets`: each
    table scanned and shuffled once); other engines run the two queries.
    """
    if engine.name == "spark":
        from dermavigil.signals.report_sets import assemble, report_sets_sql

        counts, margins = assemble(engine.sql(report_sets_sql(sources, min_count)), sources)
        return counts, margins if counts.num_rows else None
    counts = engine.sql(counts_sql(sources, min_count))
    margins = None
    if sources.strata_names and counts.num_rows:
        margins = engine.sql(margins_sql(sources))
    return counts, margins


def analyse(
    counts: pa.Table,
    keys: list[str],
    request: SignalRequest,
    margins: dict[str, np.ndarray] | None = None,
    progress: ProgressFn | None = None,
    timings: dict[str, float] | None = None,
) -> SignalResult:
    """From the 2x2 counts (the columns of :func:`~dermavigil.signals.counts.counts_sql`):
    expected counts, the prior, every requested measure and flag, strongest first."""
    from dermavigil.signals import stats
    from dermavigil.signals.mgps import fit_prior

    step = progress or (lambda stage: None)
    timings = dict(timings or {})
    if counts.num_rows == 0:
        raise InputError(
            f"no ({', '.join(request.by)}) combination is reported at least "
            f"{request.min_count} time(s): nothing to analyse"
        )
    arr = {k: to_numpy(counts[k]).astype(np.float64) for k in ("n", "b", "c", "d")}
    n_total = int(counts["n_total"][0].as_py())
    started = time.perf_counter()
    arr["expected"] = stats.expected_counts(
        to_numpy(counts["n_drug"]),
        to_numpy(counts["n_event"]),
        n_total,
        to_numpy(counts["di"]),
        to_numpy(counts["ej"]),
        margins,
    )
    timings["expected"] = time.perf_counter() - started
    prior = None
    if "ebgm" in request.methods:
        step("prior")
        started = time.perf_counter()
        prior = fit_prior(arr["n"], arr["expected"], n_star=request.min_count)
        timings["fit"] = time.perf_counter() - started
        if not prior.converged:
            log.warning("MGPS prior fit did not converge: %s", prior.message)
    step("statistics")
    started = time.perf_counter()
    cols = {
        "n": arr["n"],
        **_measures(
            arr["n"], arr["b"], arr["c"], arr["d"], arr["expected"], request.methods, prior
        ),
    }
    flags = request.criteria.flags(cols)
    order = ranking(cols, request.methods)
    table = counts.select([*keys, "n", "b", "c", "d", "n_drug", "n_event"])
    extra = {"expected": arr["expected"], **{k: v for k, v in cols.items() if k != "n"}}
    for name, values in {**extra, **flags}.items():
        table = table.append_column(name, to_arrow(values))
    table = table.take(to_arrow(order))
    undefined = {k: int(np.isnan(v).sum()) for k, v in cols.items() if np.isnan(v).any()}
    for column, count in undefined.items():
        log.info("%s undefined (NaN, see signals.stats) for %d pair(s)", column, count)
    timings["stats"] = time.perf_counter() - started
    return SignalResult(table, prior, timings, n_total, undefined)


def detect_store(
    store_dir: Path,
    request: SignalRequest,
    engine: str = "duckdb",
    progress: ProgressFn | None = None,
    sources: list[str] | None = None,
    **engine_options: object,
) -> SignalResult:
    """Signals over the analytic store (every live source, or ``sources``).

    ``engine_options`` go to the engine (e.g. ``memory_limit="6GB"`` for DuckDB).
    """
    from dermavigil.store.catalog import register_store  # the store's layout: pyarrow.parquet

    count_sources = store_sources(request.by, request.strata, request.suspect_only)
    eng = open_engine(engine, **engine_options)
    try:
        register_store(eng, store_dir, sources)
        return detect(eng, count_sources, request, progress)
    finally:
        eng.close()


def detect_file(
    path: Path,
    spec: ColumnSpec,
    request: SignalRequest,
    engine: str = "duckdb",
    progress: ProgressFn | None = None,
    ahead: ReadAhead | None = None,
    **engine_options: object,
) -> SignalResult:
    """Signals over a long-format CSV/Parquet file (see ``store/longformat.py``).

    ``engine_options`` go to the engine (e.g. ``conf={...}`` of Spark settings);
    ``ahead``: the file's ``.xz`` decompression, started earlier
    (:func:`dermavigil.store.readahead.read_ahead`).

    Without strata on the default engine the file is read straight into integer
    codes and counted in memory (:func:`dermavigil.signals.pairs.count_long`: the
    same counts, no SQL engine started); with strata, or on Spark, the engine counts.
    """
    if engine == "duckdb" and not request.strata:
        # the same validation of --by as the engine path (a long file has product, reaction)
        keys = list(_long_keys(request))
        (progress or (lambda stage: None))("counting")
        counts, timings = _load_and_count(path, spec, request.min_count, ahead)
        return analyse(counts, keys, request, None, progress, timings)
    started = time.perf_counter()
    table = load_long(path, spec, ahead)
    load_time = time.perf_counter() - started
    eng = open_engine(engine, **engine_options)
    try:
        available = register_long(eng, table)
        count_sources = long_sources(request.by, request.strata, LONG_TABLE, available)
        result = detect(eng, count_sources, request, progress)
    finally:
        eng.close()
    result.timings = {"load": load_time, **result.timings}
    return result


def _load_and_count(
    path: Path, spec: ColumnSpec, min_count: int, ahead: ReadAhead | None
) -> tuple[pa.Table, dict[str, float]]:
    """The 2x2 counts of a long file read into codes, and the time of each step, with
    :func:`import_numerics` meanwhile: a file of up to ``WHOLE_FILE_BYTES`` on disk is
    read whole, coded and counted on another thread while this one imports (the
    decompression, the parse and the sorts release the GIL; the thread needs it between
    them, a few dozen times); a larger file is streamed after the import."""

    def load_and_count() -> tuple[pa.Table, dict[str, float]]:
        started = time.perf_counter()
        data = load_long_encoded(path, spec, ahead=ahead, whole=small)
        loaded = time.perf_counter()
        counts = count_long(data, min_count)
        return counts, {"load": loaded - started, "counts": time.perf_counter() - loaded}

    small = path.is_file() and path.stat().st_size <= WHOLE_FILE_BYTES
    if not small:
        import_numerics()
        return load_and_count()
    single_arena()  # what the thread frees serves the statistics here after (store/malloc)
    with ThreadPoolExecutor(1, thread_name_prefix="load-count") as pool:
        job = pool.submit(load_and_count)
        import_numerics()
        return job.result()


def _long_keys(request: SignalRequest) -> tuple[str, ...]:
    sources = long_sources(request.by, request.strata, LONG_TABLE, ())
    return sources.drug_names + sources.event_names
