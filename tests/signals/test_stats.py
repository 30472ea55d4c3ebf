"""PRR, chi-square, ROR and IC against hand formulas and independent computations."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate, optimize
from scipy.stats import chi2_contingency

from dermavigil.signals import stats

TABLES = [(2041, 195349, 35322, 63502548), (3, 97, 20, 9880), (1, 1, 1, 1), (47, 0, 107, 215713)]


def _prr_by_hand(a, b, c, d):
    est = (a / (a + b)) / (c / (c + d))
    se = math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
    return est, est * math.exp(-1.959963984540054 * se), est * math.exp(1.959963984540054 * se)


def test_prr_matches_hand_computation() -> None:
    a, b, c, d = (np.array(x, dtype=float) for x in zip(*TABLES, strict=True))
    est, lo, hi = stats.prr(a, b, c, d)
    for k, table in enumerate(TABLES):
        assert (est[k], lo[k], hi[k]) == pytest.approx(_prr_by_hand(*table), rel=1e-12)


def test_ror_matches_hand_computation() -> None:
    a, b, c, d = 3.0, 97.0, 20.0, 9880.0
    est, lo, hi = stats.ror([a], [b], [c], [d])
    ror = a * d / (b * c)
    se = math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    assert est[0] == pytest.approx(ror, rel=1e-12)
    assert lo[0] == pytest.approx(ror * math.exp(-1.959963984540054 * se), rel=1e-12)
    assert hi[0] == pytest.approx(ror * math.exp(1.959963984540054 * se), rel=1e-12)


def test_yates_chi2_matches_scipy() -> None:
    for a, b, c, d in [*TABLES[:3], (5, 10, 8, 12), (10, 2, 3, 40)]:
        if min(a + b, c + d, a + c, b + d) == 0:
            continue
        expected = chi2_contingency([[a, b], [c, d]], correction=True)[0]
        assert stats.chi2_yates([a], [b], [c], [d])[0] == pytest.approx(expected, rel=1e-9)


def _gamma_quantile_by_quad(shape: float, rate: float, level: float) -> float:
    def density(x: float) -> float:
        return math.exp(
            shape * math.log(rate) + (shape - 1) * math.log(x) - rate * x - math.lgamma(shape)
        )

    def cdf(x: float) -> float:
        return integrate.quad(density, 0, x, epsabs=0, epsrel=1e-13, limit=200)[0]

    mean = shape / rate
    return optimize.brentq(
        lambda x: cdf(x) - level, 1e-12 * mean, 50 * mean, xtol=1e-15, rtol=1e-13
    )


@pytest.mark.parametrize(("o", "e"), [(0, 0.3), (1, 0.01), (3, 1.2), (40, 5.5), (200, 180.0)])
def test_ic_closed_form_and_credibility_bounds(o: int, e: float) -> None:
    ic, lo, hi = stats.information_component([o], [e])
    assert ic[0] == pytest.approx(math.log2((o + 0.5) / (e + 0.5)), rel=1e-12)
    for bound, level in ((lo[0], 0.025), (hi[0], 0.975)):
        ratio = _gamma_quantile_by_quad(o + 0.5, e + 0.5, level)
        assert 2**bound == pytest.approx(ratio, rel=1e-6)


def test_ic_bounds_of_many_pairs_equal_the_bounds_pair_by_pair() -> None:
    rng = np.random.default_rng(3)
    o = rng.integers(0, 30, 500).astype(float)
    e = rng.gamma(0.5, 4.0, 500)
    _, lo, hi = stats.information_component(o, e)
    one = [stats.information_component([oi], [ei]) for oi, ei in zip(o, e, strict=True)]
    assert np.array_equal(lo, [x[1][0] for x in one])
    assert np.array_equal(hi, [x[2][0] for x in one])


def test_zero_cells_follow_the_documented_policy() -> None:
    a = np.array([0, 5, 5, 0, 5])
    b = np.array([10, 0, 10, 10, 10])
    c = np.array([4, 4, 0, 0, 4])
    d = np.array([100, 100, 100, 100, 0])
    prr, prr_lo, prr_hi = stats.prr(a, b, c, d)
    ror, ror_lo, ror_hi = stats.ror(a, b, c, d)
    # a = 0: ratios are 0, bounds (0, inf)
    assert (prr[0], prr_lo[0], prr_hi[0]) == (0.0, 0.0, np.inf)
    assert (ror[0], ror_lo[0], ror_hi[0]) == (0.0, 0.0, np.inf)
    # b = 0: ROR unbounded; PRR stays finite (its SE uses 1/(a+b), not 1/b)
    assert ror[1] == np.inf and np.isfinite(prr[1]) and prr_lo[1] > 0
    # c = 0: both unbounded, lower bound 0 (no information)
    assert prr[2] == np.inf and prr_lo[2] == 0.0 and prr_hi[2] == np.inf
    # a = 0 and c = 0: undefined (0/0) -> NaN, never a number
    assert np.isnan(prr[3]) and np.isnan(prr_lo[3]) and np.isnan(ror[3])
    # d = 0: ROR = 0 by the formula ad/bc, PRR defined
    assert ror[4] == 0.0 and np.isfinite(prr[4])
    # IC is defined everywhere
    ic = stats.information_component(a, np.array([0.0, 0.1, 2.0, 0.5, 3.0]))
    assert all(np.all(np.isfinite(x)) for x in ic)


def test_negative_cells_are_rejected() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        stats.prr([-1], [1], [1], [1])


@pytest.mark.parametrize("dense_limit", [2**25, 1])
def test_stratified_expected_counts_dense_and_sparse(
    dense_limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stats, "_DENSE_LIMIT", dense_limit)
    rng = np.random.default_rng(5)
    n_drug_keys, n_event_keys, n_strata = 7, 5, 4
    nd = rng.integers(0, 30, (n_drug_keys, n_strata)).astype(float)
    ne = rng.integers(0, 30, (n_event_keys, n_strata)).astype(float)
    nt = nd.sum(axis=0) + ne.sum(axis=0) + 50
    rows = [("d", i, s, nd[i, s]) for i in range(n_drug_keys) for s in range(n_strata) if nd[i, s]]
    rows += [
        ("e", j, s, ne[j, s]) for j in range(n_event_keys) for s in range(n_strata) if ne[j, s]
    ]
    rows += [("t", 0, s, nt[s]) for s in range(n_strata)]
    margins = {
        k: np.array(v)
        for k, v in zip(("side", "id", "si", "m"), zip(*rows, strict=True), strict=True)
    }
    pd_, pe = np.meshgrid(np.arange(n_drug_keys), np.arange(n_event_keys), indexing="ij")
    got = stats.expected_counts(
        None, None, 0.0, pd_.ravel(), pe.ravel(), margins, chunk=3 * n_strata
    )
    for k, (i, j) in enumerate(zip(pd_.ravel(), pe.ravel(), strict=True)):
        by_hand = sum(nd[i, s] * ne[j, s] / nt[s] for s in range(n_strata))
        assert got[k] == pytest.approx(by_hand, rel=1e-12)


def test_ror_haldane_anscombe_correction_only_where_a_cell_is_zero() -> None:
    # Haldane 1956 / Anscombe 1956: 0.5 added to each cell of a table with a zero cell
    a, b, c, d = np.array([3, 4]), np.array([0, 6]), np.array([7, 8]), np.array([90, 100])
    est, lo, hi = stats.ror(a, b, c, d, haldane=True)
    assert est[0] == pytest.approx(3.5 * 90.5 / (0.5 * 7.5), rel=1e-12)
    se = math.sqrt(1 / 3.5 + 1 / 0.5 + 1 / 7.5 + 1 / 90.5)
    assert lo[0] == pytest.approx(est[0] * math.exp(-1.959963984540054 * se), rel=1e-12)
    assert np.isfinite(hi[0]) and 0 < lo[0] < est[0] < hi[0]
    assert est[1] == pytest.approx(4 * 100 / (6 * 8), rel=1e-12)  # no zero cell: unchanged
    assert stats.haldane_cells(a, b, c, d).tolist() == [True, False]
    plain = stats.ror(a, b, c, d)
    assert plain[0][0] == np.inf and plain[1][0] == 0.0  # without it: unbounded
