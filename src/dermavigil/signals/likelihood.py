"""Marginal likelihood of the gamma-Poisson shrinker's prior, truncated at ``N*``.

The count of a pair is Poisson(``lambda E``) and ``lambda`` follows the prior
``p Gamma(alpha1, beta1) + (1 - p) Gamma(alpha2, beta2)``, so the marginal of
the count is a mixture of two negative binomials (DuMouchel 1999); pairs with
``N < N*`` are not enumerated, so each component is truncated to ``N >= N*``
before mixing (DuMouchel & Pregibon 2001; openEBGM ``negLL``, Canida & Ihrie
2017). :func:`negative_log_likelihood` returns the value and its analytic
gradient over :class:`CountData`: the pairs compressed to distinct ``(n, E)``
(exact) or squashed (DuMouchel & Pregibon 2001; an approximation).

DuMouchel W. Am Stat 1999;53:177-190. DuMouchel W, Pregibon D. KDD 2001:67-76.
Canida T, Ihrie J. R Journal 2017;9:499-519.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import betainc, digamma, gammaln

from dermavigil.signals.sorting import lexsort2

FloatArray = NDArray[np.float64]
SQUASH_BINS = 100


def distinct_pairs(
    n: FloatArray, e: FloatArray
) -> tuple[FloatArray, FloatArray, NDArray[np.intp], FloatArray]:
    """The distinct ``(n, E)`` (sorted by ``n``, then ``E``), each pair's row among them,
    and how many pairs each row stands for. Pairs with equal count and expected count
    have the same likelihood terms and the same posterior: computed once, losslessly."""
    order = lexsort2(e, n)  # np.lexsort((e, n)), faster
    n_sorted, e_sorted = n[order], e[order]
    first = np.ones(n.size, dtype=bool)
    first[1:] = (n_sorted[1:] != n_sorted[:-1]) | (e_sorted[1:] != e_sorted[:-1])
    row = np.cumsum(first) - 1
    inverse = np.empty(n.size, dtype=np.intp)
    inverse[order] = row
    return n_sorted[first], e_sorted[first], inverse, np.bincount(row).astype(np.float64)


class CountData:
    """Pairs as distinct ``(n, E)`` with multiplicities ``w``; gamma terms cached per count.

    :meth:`from_pairs` compresses exactly: pairs with equal count and expected
    count contribute identical likelihood terms, so each is evaluated once and
    weighted. :meth:`squashed` bins the expected counts within each count level
    (DuMouchel & Pregibon 2001 data squashing; openEBGM ``squashData``): an
    approximation used only to explore from the start values and to precondition
    the exact fit.
    """

    def __init__(self, n: FloatArray, e: FloatArray, w: FloatArray, n_star: int) -> None:
        self.n, self.e, self.w, self.n_star = n, e, w, n_star
        self.n_pairs = int(w.sum())
        self.levels, self.index = np.unique(n, return_inverse=True)
        self.log_e = np.log(e)
        # the terms n log E - log n! of every component's log f(n): summed once
        self.common = float(np.sum(w * (n * self.log_e - gammaln(n + 1))))

    @classmethod
    def from_pairs(cls, n: ArrayLike, e: ArrayLike, n_star: int) -> CountData:
        n_all = np.asarray(n, dtype=np.float64)
        e_all = np.asarray(e, dtype=np.float64)
        if n_all.shape != e_all.shape or n_all.ndim != 1:
            raise ValueError("counts and expected counts must be 1-d arrays of one length")
        if n_all.size == 0:
            raise ValueError("no pairs to fit the prior on")
        if np.any(~np.isfinite(e_all) | (e_all <= 0)):
            raise ValueError("expected counts must be finite and > 0 to fit the prior")
        if np.any(n_all < n_star) or np.any(n_all != np.round(n_all)):
            raise ValueError(f"counts must be whole numbers >= N* = {n_star}")
        n_distinct, e_distinct, _, weights = distinct_pairs(n_all, e_all)
        return cls(n_distinct, e_distinct, weights, n_star)

    def squashed(self, bins_per_count: int = SQUASH_BINS) -> CountData:
        """At most ``bins_per_count`` rows per count level, E averaged with the weights."""
        level_start = np.searchsorted(self.n, self.levels)
        level_size = np.diff(np.append(level_start, self.n.size))
        if level_size.max() <= bins_per_count:
            return self
        rank = np.arange(self.n.size) - np.repeat(level_start, level_size)
        size = np.repeat(level_size, level_size)
        k = np.minimum(size, bins_per_count)
        offset = np.repeat(
            np.cumsum(np.minimum(level_size, bins_per_count))
            - np.minimum(level_size, bins_per_count),
            level_size,
        )
        group = offset + (rank * k) // size
        w = np.bincount(group, weights=self.w)
        e = np.bincount(group, weights=self.w * self.e) / w
        n = np.bincount(group, weights=self.w * self.n) / w
        return CountData(np.round(n), e, w, self.n_star)


def _component(alpha: float, beta: float, data: CountData) -> tuple[FloatArray, ...]:
    """log(f(n) / S) of one component and its derivatives in alpha and beta.

    ``f`` is the negative binomial marginal and ``S = P(N >= N*)``; the terms
    ``n log E - log n!`` of ``log f``, the same in both components, are left out
    (see ``CountData.common``). With ``r = beta / (beta + E)``:
    ``d log f / d alpha = psi(alpha + n) - psi(alpha) + log r`` and
    ``d log f / d beta = alpha / beta - (alpha + n) / (beta + E)``; for ``N* = 1``,
    ``S = 1 - r^alpha`` and the truncated derivatives simplify to
    ``psi(alpha + n) - psi(alpha) + log(r) / S`` and
    ``alpha (1/beta - 1/(beta + E)) / S - n / (beta + E)``.
    """
    n, e = data.n, data.e
    lbe = np.log(beta + e)
    inv = 1.0 / (beta + e)
    g = (gammaln(alpha + data.levels) - gammaln(alpha))[data.index]
    dg = (digamma(alpha + data.levels) - digamma(alpha))[data.index]
    log_ratio = np.log(beta) - lbe  # log(beta / (beta + E)) < 0
    logf = g + alpha * log_ratio - n * lbe
    if data.n_star == 1:
        survive = -np.expm1(alpha * log_ratio)
        dlog_da = dg + log_ratio / survive
        dlog_db = (alpha * (1.0 / beta - inv)) / survive - n * inv
        return logf - np.log(survive), dlog_da, dlog_db
    survive = betainc(float(data.n_star), alpha, e / (beta + e))
    dsurv_da = np.zeros_like(e)
    dsurv_db = np.zeros_like(e)
    for k in range(data.n_star):  # S = 1 - sum_{k < N*} f(k)
        fk = np.exp(
            gammaln(alpha + k)
            - gammaln(alpha)
            - gammaln(k + 1.0)
            + alpha * log_ratio
            + k * (data.log_e - lbe)
        )
        dsurv_da -= fk * (digamma(alpha + k) - digamma(alpha) + log_ratio)
        dsurv_db -= fk * (alpha / beta - (alpha + k) * inv)
    dlog_da = dg + log_ratio - dsurv_da / survive
    dlog_db = alpha / beta - (alpha + n) * inv - dsurv_db / survive
    return logf - np.log(survive), dlog_da, dlog_db


def negative_log_likelihood(theta: ArrayLike, data: CountData) -> tuple[float, FloatArray]:
    """Truncated negative log-likelihood and its gradient in the natural parameters.

    Each component is truncated to ``N >= N*`` before mixing, as in DuMouchel &
    Pregibon (2001) and openEBGM's ``negLL``:
    ``L = p f1(n)/S1 + (1-p) f2(n)/S2`` with ``S_j = P_j(N >= N*)``.
    """
    a1, b1, a2, b2, p = (float(x) for x in theta)
    lt1, da1, db1 = _component(a1, b1, data)
    lt2, da2, db2 = _component(a2, b2, data)
    x1 = np.log(p) + lt1
    x2 = np.log1p(-p) + lt2
    # log L = max(x1, x2) + log1p(u) and the first component's posterior share
    # expit(x1 - x2) = 1/(1+u) or u/(1+u), with u = exp(-|x1 - x2|): one exp for both
    diff = x1 - x2
    u = np.exp(-np.abs(diff))
    log_l = np.maximum(x1, x2) + np.log1p(u)
    w1 = data.w * np.where(diff >= 0, 1.0, u) / (1.0 + u)
    w2 = data.w - w1
    # elementwise products and sums, not ``@``: a threaded BLAS dot product is
    # many times slower than one core on a machine whose cores are busy
    nll = -(float(np.sum(data.w * log_l)) + data.common)
    grad = -np.array(
        [
            np.sum(w1 * da1),
            np.sum(w1 * db1),
            np.sum(w2 * da2),
            np.sum(w2 * db2),
            w1.sum() / p - w2.sum() / (1 - p),
        ]
    )
    return nll, grad
