"""Time-resolved disproportionality: when would each pair first have met each criterion?

The store is counted once (:func:`dermavigil.signals.trend_counts.trend_sql`) into
per-period increments of the pair counts and of the margins; a sweep over the
periods keeps running (cumulative) sums, so the 2x2 table of every pair at the end
of period ``t`` is the table of the reports received up to that date. At each
period the measures of :mod:`dermavigil.signals.stats` are computed for every pair
already reported (PRR with Yates chi-square, Evans et al. 2001; ROR, van
Puijenbroek et al. 2002; IC with IC025, Norén et al. 2006; EBGM with EB05,
DuMouchel 1999) with the crude expected count ``n_drug * n_event / N`` of that
date, and the flags of :class:`dermavigil.signals.criteria.Criteria` are tested.

The MGPS prior is either refitted at every period from the pairs reported by then
(``prior="refit"``: what an analyst running MGPS at that date would have had; the
default, as in Szarfman, Machado & O'Neill, Drug Saf 2002;25:381-392, who refitted
for each retrospective cut-off) or fitted once on the final period and held for
every period (``prior="held"``: faster, but it uses information from the future).

Cost: one count query; per period, vector operations over the pairs reported so far
(no full run per period). EB05 is computed exactly only where
:func:`dermavigil.signals.posterior.quantile_upper_bound` does not already rule the
criterion out (and for the pairs whose series is kept), so first crossings are exact.
Periods in which nothing was received are skipped (their tables equal the previous
period's).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dermavigil.errors import InputError
from dermavigil.signals import posterior, stats
from dermavigil.signals.counts import store_sources
from dermavigil.signals.criteria import Criteria
from dermavigil.signals.mgps import Prior, fit_prior
from dermavigil.signals.trend_counts import parse_pair, period_end, period_label, trend_sql
from dermavigil.signals.trend_increments import Increments, by_period, read_increments
from dermavigil.store.catalog import register_store
from dermavigil.store.engine import Engine, open_engine

__all__ = ["METHODS", "TrendRequest", "TrendResult", "parse_pair", "trend", "trend_store"]

log = logging.getLogger(__name__)

METHODS = ("prr", "ror", "ic", "ebgm")
PRIORS = ("refit", "held")
ProgressFn = Callable[[int, int], None]
"""Called with (periods done, periods in all) during the sweep."""


@dataclass(frozen=True)
class TrendRequest:
    """What to follow over time and how."""

    by: tuple[str, ...] = ("product", "reaction")
    period: str = "month"
    methods: tuple[str, ...] = METHODS
    suspect_only: bool = True
    criteria: Criteria = field(default_factory=Criteria)
    prior: str = "refit"
    only: tuple[tuple[str, str], ...] = ()
    min_count: int = 1
    series_limit: int = 20

    def __post_init__(self) -> None:
        unknown = [m for m in self.methods if m not in METHODS]
        if unknown or not self.methods:
            raise InputError(
                f"unknown or no method {', '.join(unknown)}; choose from {', '.join(METHODS)}"
            )
        if self.prior not in PRIORS:
            raise InputError(f"unknown --prior {self.prior!r}; choose refit or held")
        if self.min_count < 1:
            raise InputError("--min-count must be at least 1")


@dataclass
class TrendResult:
    """First crossings of every pair, the series of the followed pairs, the periods."""

    first: pa.Table
    series: pa.Table
    periods: list[str]
    n_undated: int
    priors: dict[str, Prior] = field(default_factory=dict)


def _measures(
    a: np.ndarray,
    nd: np.ndarray,
    ne: np.ndarray,
    total: float,
    methods: tuple[str, ...],
    prior: Prior | None,
    eb05_min: float,
    exact: np.ndarray,
) -> dict[str, np.ndarray]:
    """Every measure of each pair; EBGM/EB05 exactly where ``exact`` is set or where
    :func:`eb05_upper_bound` does not rule the criterion out (NaN elsewhere)."""
    b, c = nd - a, ne - a
    d = total - nd - ne + a
    expected = nd * ne / total
    cols: dict[str, np.ndarray] = {"n": a, "n_drug": nd, "n_event": ne, "expected": expected}
    if "prr" in methods:
        cols["prr"], cols["prr_lower"], _ = stats.prr(a, b, c, d)
        cols["chi2"] = stats.chi2_yates(a, b, c, d)
    if "ror" in methods:
        cols["ror"], cols["ror_lower"], _ = stats.ror(a, b, c, d)
    if "ic" in methods:
        cols["ic"], cols["ic025"], _ = stats.information_component(a, expected)
    if prior is not None:
        rows = np.flatnonzero(
            exact | (posterior.quantile_upper_bound(prior, a, expected, 0.05) >= eb05_min)
        )
        cols["ebgm"] = np.full(a.size, np.nan)
        cols["eb05"] = np.full(a.size, np.nan)
        if rows.size:
            post = posterior.Posterior(prior, a[rows], expected[rows])
            cols["ebgm"][rows], cols["eb05"][rows] = post.ebgm(), post.quantile(0.05)
    return cols


def _fit(a: np.ndarray, expected: np.ndarray, n_star: int) -> Prior | None:
    if a.size < 5:  # too few pairs to estimate five hyperparameters
        return None
    try:
        return fit_prior(a, expected, n_star=n_star)
    except ValueError as exc:
        log.warning("MGPS prior not fitted: %s", exc)
        return None


def _matching(keys: pa.Table, only: tuple[tuple[str, str], ...]) -> np.ndarray:
    mask = np.ones(keys.num_rows, dtype=bool)
    for name, value in only:
        column = pc.fill_null(pc.equal(keys[name], value), False)
        mask &= column.to_numpy(zero_copy_only=False)
    return mask


SERIES_COLUMNS = (
    "n",
    "n_drug",
    "n_event",
    "n_total",
    "expected",
    "prr",
    "prr_lower",
    "chi2",
    "ror",
    "ror_lower",
    "ic",
    "ic025",
    "ebgm",
    "eb05",
)


def sweep(
    inc: Increments, request: TrendRequest, progress: ProgressFn | None = None
) -> TrendResult:
    """Cumulative tables period by period; first crossing per pair and method."""
    n_periods = inc.periods.size
    n_pairs = inc.pair_drug.size
    steps = {
        name: by_period(triple, n_periods)
        for name, triple in (("p", inc.inc_pair), ("d", inc.inc_drug), ("e", inc.inc_event))
    }
    cum_pair = np.zeros(n_pairs)
    cum_drug = np.zeros(inc.n_drug_keys)
    cum_event = np.zeros(inc.n_event_keys)
    total = 0.0
    flags_of = list(request.methods)
    first = {m: np.full(n_pairs, -1, dtype=np.int64) for m in flags_of}
    first_n = {m: np.zeros(n_pairs, dtype=np.int64) for m in flags_of}
    with_ebgm = "ebgm" in request.methods
    final_n = np.zeros(n_pairs)
    np.add.at(final_n, inc.inc_pair[0], inc.inc_pair[2])
    keep = np.flatnonzero((final_n >= request.min_count) & _matching(inc.pair_keys, request.only))
    if request.only and keep.size == 0:
        wanted = ", ".join(f"{k}={v}" for k, v in request.only)
        raise InputError(f"no dated report holds {wanted}: nothing to follow over time")
    followed = keep if keep.size <= request.series_limit else np.array([], dtype=np.int64)
    series: dict[str, list] = {"pair": [], "t": [], **{c: [] for c in SERIES_COLUMNS}}
    priors: dict[str, Prior] = {}
    held: Prior | None = None
    if with_ebgm and request.prior == "held":
        drug_final = np.zeros(cum_drug.size)
        event_final = np.zeros(cum_event.size)
        np.add.at(drug_final, inc.inc_drug[0], inc.inc_drug[2])
        np.add.at(event_final, inc.inc_event[0], inc.inc_event[2])
        reported = np.flatnonzero(final_n >= 1)
        expected = (
            drug_final[inc.pair_drug[reported]]
            * event_final[inc.pair_event[reported]]
            / inc.inc_total.sum()
        )
        held = _fit(final_n[reported], expected, 1)
        if held is not None:
            priors[period_label(request.period, int(inc.periods[-1]))] = held
    for t in range(n_periods):
        changed = False
        for name, cum in (("p", cum_pair), ("d", cum_drug), ("e", cum_event)):
            ids, m = steps[name][t]
            if ids.size:
                np.add.at(cum, ids, m)
                changed = True
        total += inc.inc_total[t]
        if progress is not None:
            progress(t + 1, n_periods)
        if not changed or total == 0:
            continue
        active = np.flatnonzero(cum_pair >= 1)
        if active.size == 0:
            continue
        a = cum_pair[active]
        nd, ne = cum_drug[inc.pair_drug[active]], cum_event[inc.pair_event[active]]
        prior = held
        if with_ebgm and request.prior == "refit":
            prior = _fit(a, nd * ne / total, 1)
            if prior is not None:
                priors[period_label(request.period, int(inc.periods[t]))] = prior
        exact = np.isin(active, followed, assume_unique=True)
        cols = _measures(a, nd, ne, total, request.methods, prior, request.criteria.eb05_min, exact)
        flags = request.criteria.flags(cols)
        for method in flags_of:
            flag = flags.get(f"signal_{method}")
            if flag is None:
                continue
            new = active[flag & (first[method][active] < 0)]
            first[method][new] = t
            first_n[method][new] = cum_pair[new].astype(np.int64)
        if followed.size:
            where = np.searchsorted(active, followed)
            present = (where < active.size) & (
                active[np.minimum(where, active.size - 1)] == followed
            )
            rows = where[present]
            series["pair"].extend(followed[present].tolist())
            series["t"].extend([t] * int(present.sum()))
            for column in SERIES_COLUMNS:
                if column == "n_total":
                    series[column].extend([total] * rows.size)
                elif column in cols:
                    series[column].extend(cols[column][rows].tolist())
                else:
                    series[column].extend([None] * rows.size)
    labels = [period_label(request.period, int(p)) for p in inc.periods]
    first_table = _first_table(inc, keep, final_n, first, first_n, labels, request.methods)
    series_table = _series_table(inc, series, labels, request)
    return TrendResult(first_table, series_table, labels, inc.n_undated, priors)


def _first_table(
    inc: Increments,
    keep: np.ndarray,
    final_n: np.ndarray,
    first: dict[str, np.ndarray],
    first_n: dict[str, np.ndarray],
    labels: list[str],
    methods: tuple[str, ...],
) -> pa.Table:
    table = inc.pair_keys.take(pa.array(keep))
    table = table.append_column("n", pa.array(final_n[keep].astype(np.int64)))
    earliest = np.full(keep.size, np.iinfo(np.int64).max)
    for method in methods:
        t = first[method][keep]
        met = t >= 0
        table = table.append_column(
            f"first_{method}", pa.array([labels[k] if k >= 0 else None for k in t.tolist()])
        )
        table = table.append_column(
            f"n_at_{method}", pa.array(np.where(met, first_n[method][keep], 0), mask=~met)
        )
        earliest = np.where(met, np.minimum(earliest, t), earliest)
    order = np.lexsort((-final_n[keep], earliest))
    return table.take(pa.array(order))


def _series_table(
    inc: Increments, series: dict[str, list], labels: list[str], request: TrendRequest
) -> pa.Table:
    pairs = np.asarray(series["pair"], dtype=np.int64)
    table = inc.pair_keys.take(pa.array(pairs))
    table = table.append_column("period", pa.array([labels[t] for t in series["t"]], pa.string()))
    table = table.append_column(
        "period_end",
        pa.array(
            [period_end(request.period, int(inc.periods[t])) for t in series["t"]], pa.string()
        ),
    )
    for column in SERIES_COLUMNS:
        table = table.append_column(column, pa.array(series[column], pa.float64()))
    flags = request.criteria.flags(
        {c: table[c].to_numpy(zero_copy_only=False) for c in SERIES_COLUMNS}
        | {"n": table["n"].to_numpy(zero_copy_only=False)}
    )
    for name, values in flags.items():
        if name.removeprefix("signal_") in request.methods:
            table = table.append_column(name, pa.array(values))
    return table


def trend(engine: Engine, request: TrendRequest, progress: ProgressFn | None = None) -> TrendResult:
    """Count on ``engine`` (the store already registered) and sweep the periods."""
    sources = store_sources(request.by, (), request.suspect_only)
    names = sources.drug_names + sources.event_names
    unknown = sorted({k for k, _ in request.only} - set(names))
    if unknown:
        raise InputError(
            f"--pair names {', '.join(unknown)}, not one of the --by dimensions "
            f"({', '.join(names)})"
        )
    raw = engine.sql(trend_sql(sources, request.period))
    inc = read_increments(raw, sources.drug_names, sources.event_names)
    return sweep(inc, request, progress)


def trend_store(
    store_dir: Path,
    request: TrendRequest,
    engine: str = "duckdb",
    progress: ProgressFn | None = None,
    sources: list[str] | None = None,
) -> TrendResult:
    """:func:`trend` over the analytic store (every live source, or ``sources``)."""
    eng = open_engine(engine)
    try:
        register_store(eng, store_dir, sources)
        return trend(eng, request, progress)
    finally:
        eng.close()
