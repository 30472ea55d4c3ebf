"""Frequentist and Bayesian-shrinkage disproportionality measures, vectorised over pairs.

All functions take numpy arrays of the 2x2 cells (``a`` = reports with the
drug and the event, ``b`` = drug without the event, ``c`` = event without the
drug, ``d`` = neither) or of the observed and expected counts, and return
arrays of the same length. Pure numpy/scipy; no loops over pairs.

Undefined and unbounded values (policy, applied everywhere):

- ``inf`` marks an unbounded estimate: a ratio with a zero denominator and a
  positive numerator (``c = 0`` gives ``prr = inf``; ``b = 0`` or ``c = 0``
  gives ``ror = inf``), or an upper confidence bound when a cell is zero;
- a lower bound whose standard error is infinite (a zero cell) is ``0``;
- ``NaN`` marks an undefined value only: ``0/0`` (e.g. ``a = 0`` with ``c = 0``
  for PRR, ``a = 0`` with ``b = 0`` or ``d = 0`` for ROR) and a chi-square whose
  margin is zero. It never appears for pairs with ``a, b, c, d >= 1``.
  :func:`dermavigil.signals.detect.detect` counts and logs every NaN it returns,
  and no criterion flags a NaN.

The signal runs (:mod:`dermavigil.signals.detect`) take the ROR with the
Haldane-Anscombe correction (``ror(..., haldane=True)``): a pair with a zero cell
gets 0.5 added to each cell, so its ROR and both bounds are finite; the table's
``ror_haldane`` column marks those pairs.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import gammaincinv, ndtri

FloatArray = NDArray[np.float64]
Z95 = float(ndtri(0.975))  # = scipy.stats.norm.ppf(0.975), without importing scipy.stats
_DENSE_LIMIT = 2**25


def _cells(*cells: ArrayLike) -> list[FloatArray]:
    arrays = [np.asarray(x, dtype=np.float64) for x in cells]
    if any(np.any(x < 0) for x in arrays):
        raise ValueError("2x2 cells must be non-negative counts")
    return arrays


def _log_ci(log_est: FloatArray, se: FloatArray, z: float) -> tuple[FloatArray, FloatArray]:
    """``exp(log_est -/+ z*se)``; an infinite ``se`` gives the bounds ``(0, inf)``."""
    finite = np.isfinite(se)
    with np.errstate(invalid="ignore", over="ignore"):
        lower = np.where(finite, np.exp(log_est - z * se), 0.0)
        upper = np.where(finite, np.exp(log_est + z * se), np.inf)
    undefined = np.isnan(log_est)
    lower[undefined] = np.nan
    upper[undefined] = np.nan
    return lower, upper


def prr(
    a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike, z: float = Z95
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Proportional reporting ratio and its confidence interval (Evans, Waller & Davis 2001).

    ``PRR = [a/(a+b)] / [c/(c+d)]``, ``SE(ln PRR) = sqrt(1/a - 1/(a+b) + 1/c - 1/(c+d))``,
    bounds ``exp(ln PRR -/+ z SE)`` (``z`` = 1.96 for 95%).
    Evans SJW, Waller PC, Davis S. Pharmacoepidemiol Drug Saf 2001;10:483-486.
    """
    a, b, c, d = _cells(a, b, c, d)
    with np.errstate(divide="ignore", invalid="ignore"):
        est = (a / (a + b)) / (c / (c + d))
        se = np.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
        log_est = np.log(est)
    lower, upper = _log_ci(log_est, se, z)
    return est, lower, upper


def chi2_yates(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike) -> FloatArray:
    """Pearson chi-square of the 2x2 table with Yates' continuity correction (Evans et al. 2001).

    ``chi2 = N (max(|ad - bc| - N/2, 0))^2 / ((a+b)(c+d)(a+c)(b+d))``.
    """
    a, b, c, d = _cells(a, b, c, d)
    n = a + b + c + d
    num = np.maximum(np.abs(a * d - b * c) - n / 2, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return n * num * num / ((a + b) * (c + d) * (a + c) * (b + d))


def ror(
    a: ArrayLike,
    b: ArrayLike,
    c: ArrayLike,
    d: ArrayLike,
    z: float = Z95,
    haldane: bool = False,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Reporting odds ratio and its confidence interval (van Puijenbroek et al. 2002).

    ``ROR = ad / bc``, ``SE(ln ROR) = sqrt(1/a + 1/b + 1/c + 1/d)``, bounds
    ``exp(ln ROR -/+ z SE)``. van Puijenbroek EP, Bate A, Leufkens HGM, et al.
    Pharmacoepidemiol Drug Saf 2002;11:3-10.

    ``haldane=True`` applies the Haldane-Anscombe correction to the pairs that have a
    zero cell: 0.5 is added to each of their four cells before the ratio and its
    standard error are taken (Haldane JBS. Ann Hum Genet 1956;20:309-311; Anscombe FJ.
    Biometrika 1956;43:461-464), so that the estimate and both bounds are finite.
    Pairs without a zero cell are left as they are (:func:`haldane_cells` says which).
    """
    a, b, c, d = _cells(a, b, c, d)
    if haldane:
        add = np.where(haldane_cells(a, b, c, d), 0.5, 0.0)
        a, b, c, d = a + add, b + add, c + add, d + add
    with np.errstate(divide="ignore", invalid="ignore"):
        est = (a * d) / (b * c)
        se = np.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
        log_est = np.log(est)
    lower, upper = _log_ci(log_est, se, z)
    return est, lower, upper


def haldane_cells(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike) -> NDArray[np.bool_]:
    """Pairs with a zero cell, which the Haldane-Anscombe correction of :func:`ror` adjusts."""
    cells = [np.asarray(x, dtype=np.float64) for x in (a, b, c, d)]
    return np.logical_or.reduce([x == 0 for x in cells])


def information_component(
    observed: ArrayLike, expected: ArrayLike, level: float = 0.95
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Shrunk information component and its credibility interval (IC, IC025, IC975).

    The BCPNN information component of Bate et al. (1998) in the shrinkage
    form of Norén et al. (2006): ``IC = log2((O + 1/2) / (E + 1/2))``. Its
    interval uses the closed form of Norén, Hopstadius & Bate (2013): the
    quantiles of a Gamma(shape ``O + 1/2``, rate ``E + 1/2``) variable, on the log2 scale.
    Defined for every ``O >= 0`` and ``E >= 0`` (no NaN).

    Bate A, et al. Eur J Clin Pharmacol 1998;54:315-321. Norén GN, et al. Stat Med
    2006;25:3740-3757. Norén GN, Hopstadius J, Bate A. Stat Methods Med Res 2013;22:57-69.
    """
    o = np.asarray(observed, dtype=np.float64)
    e = np.asarray(expected, dtype=np.float64)
    if np.any(o < 0) or np.any(e < 0) or not np.all(np.isfinite(e)):
        raise ValueError("observed and expected counts must be finite and non-negative")
    shape, rate = o + 0.5, e + 0.5
    tail = (1 - level) / 2
    ic = np.log2(shape / rate)
    # the gamma quantiles depend on the count only: inverted once per distinct count
    shapes, index = np.unique(shape, return_inverse=True)
    lower = np.log2(gammaincinv(shapes, tail)[index] / rate)
    upper = np.log2(gammaincinv(shapes, 1 - tail)[index] / rate)
    return ic, lower, upper


def expected_counts(
    n_drug: ArrayLike,
    n_event: ArrayLike,
    n_total: float,
    pair_drug: ArrayLike | None = None,
    pair_event: ArrayLike | None = None,
    margins: dict[str, NDArray] | None = None,
    chunk: int = 4_000_000,
) -> FloatArray:
    """Expected count of each pair under independence, optionally stratified.

    Without ``margins``: ``E = n_drug * n_event / n_total``. With strata, the
    Mantel-Haenszel-style sum over strata (DuMouchel 1999, section 3)
    ``E = sum_s n_drug[s] * n_event[s] / n_total[s]``, over every stratum where
    the drug key and the event key occur, whether or not the pair does there.
    ``margins`` holds the arrays ``side`` ('d', 'e', 't'), ``id``, ``si``, ``m`` of
    :func:`dermavigil.signals.counts.margins_sql`; ``pair_drug``/``pair_event`` are
    the pairs' key ids. The sum is a row-wise product of two (key x stratum)
    matrices -- dense when they hold at most 2**25 cells each, else sparse --
    taken over chunks of about ``chunk`` cells.
    """
    if margins is None:
        return np.asarray(n_drug, np.float64) * np.asarray(n_event, np.float64) / n_total
    from scipy import sparse  # only stratified runs pay for importing scipy.sparse

    side, ids = margins["side"], np.asarray(margins["id"], np.int64)
    si, m = np.asarray(margins["si"], np.int64), np.asarray(margins["m"], np.float64)
    n_strata = int(si.max()) + 1
    totals = np.zeros(n_strata)
    is_t = side == "t"
    totals[si[is_t]] = m[is_t]
    pd_ = np.asarray(pair_drug, np.int64)
    pe = np.asarray(pair_event, np.int64)
    is_d, is_e = side == "d", side == "e"
    shape_d = (int(max(ids[is_d].max(), pd_.max())) + 1, n_strata)
    shape_e = (int(max(ids[is_e].max(), pe.max())) + 1, n_strata)
    drug = sparse.csr_matrix((m[is_d] / totals[si[is_d]], (ids[is_d], si[is_d])), shape=shape_d)
    event = sparse.csr_matrix((m[is_e], (ids[is_e], si[is_e])), shape=shape_e)
    out = np.empty(pd_.size)
    dense = max(shape_d[0], shape_e[0]) * n_strata <= _DENSE_LIMIT
    if dense:  # gathering dense rows is several times faster than sparse row products
        drug, event = drug.toarray(), event.toarray()
    step = max(1, chunk // n_strata)
    for start in range(0, pd_.size, step):
        rows = slice(start, start + step)
        if dense:
            out[rows] = np.einsum("ij,ij->i", drug[pd_[rows]], event[pe[rows]])
        else:
            product = drug[pd_[rows]].multiply(event[pe[rows]])
            out[rows] = np.asarray(product.sum(axis=1)).ravel()
    return out
