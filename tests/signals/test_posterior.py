"""EBGM, EB05 and EB95 against numerical integration of the posterior (scipy quad)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate, optimize
from scipy.stats import gamma, nbinom

from dermavigil.signals.mgps import Prior
from dermavigil.signals.posterior import Posterior, ebgm, posterior_quantile, posterior_weight

PRIOR = Prior(
    3.25596685, 0.39998994, 2.02376139, 1.90614108, 0.06530755, 0.0, True, False, "", 1, 0, 0, 0, 0
)
PAIRS = [
    (1, 0.0015),
    (1, 0.9),
    (2, 0.05),
    (3, 2.5),
    (6, 0.0787),
    (16, 0.406),
    (54, 30.0),
    (400, 12.0),
    (0, 0.7),
]


# the prior fitted on FAERS 2022Q3 (vigipy's pair counts): alpha1 at its lower bound; for
# pairs with a large count the first component's weight rounds to 1 and the mixture
# quantile sits on the end of the bracket formed by the component quantiles
DEGENERATE = Prior(
    1e-6, 0.01819072565, 1.07512020921, 1.22383308720, 0.13395502586,
    *(0.0, True, True, "", 1, 0, 0, 0, 0),
)  # fmt: skip
DEGENERATE_PAIRS = [(19, 0.04736181436086938), (130, 0.10271465040791285), (1, 0.3), (5, 0.0078)]
CASES = [(PRIOR, n, e) for n, e in PAIRS] + [(DEGENERATE, n, e) for n, e in DEGENERATE_PAIRS]


def _posterior(n: int, e: float, prior: Prior = PRIOR):
    """Weight and the two gamma components, computed from scipy's distributions."""
    a1, b1, a2, b2, p = prior.theta
    f1 = p * nbinom.pmf(n, a1, b1 / (b1 + e))
    f2 = (1 - p) * nbinom.pmf(n, a2, b2 / (b2 + e))
    q = f1 / (f1 + f2)
    g1 = gamma(a1 + n, scale=1 / (b1 + e))
    g2 = gamma(a2 + n, scale=1 / (b2 + e))
    return q, g1, g2


def _quad(f, lo: float, hi: float) -> float:
    return integrate.quad(f, lo, hi, epsabs=0, epsrel=1e-12, limit=500)[0]


def _split_points(g1, g2) -> list[float]:
    pts = sorted({0.0, *g1.ppf([1e-9, 0.5, 1 - 1e-12]), *g2.ppf([1e-9, 0.5, 1 - 1e-12])})
    return pts


@pytest.mark.parametrize(("prior", "n", "e"), CASES)
def test_ebgm_equals_exp_of_integrated_log_lambda(prior: Prior, n: int, e: float) -> None:
    q, g1, g2 = _posterior(n, e, prior)

    def density(x: float) -> float:
        return q * g1.pdf(x) + (1 - q) * g2.pdf(x)

    pts = _split_points(g1, g2)
    mean_log = sum(
        _quad(lambda x: math.log(x) * density(x), lo, hi)
        for lo, hi in zip(pts, pts[1:], strict=False)
    )
    assert posterior_weight(prior, [n], [e])[0] == pytest.approx(q, rel=1e-9)
    assert ebgm(prior, [n], [e])[0] == pytest.approx(math.exp(mean_log), rel=1e-6)


@pytest.mark.parametrize(("prior", "n", "e"), CASES)
@pytest.mark.parametrize("level", [0.05, 0.95])
def test_quantiles_solve_the_integrated_cdf(prior: Prior, n: int, e: float, level: float) -> None:
    q, g1, g2 = _posterior(n, e, prior)
    pts = _split_points(g1, g2)

    def cdf(x: float) -> float:
        inner = [p for p in pts if p < x]
        edges = [*inner, x]
        return sum(
            _quad(lambda t: q * g1.pdf(t) + (1 - q) * g2.pdf(t), lo, hi)
            for lo, hi in zip(edges, edges[1:], strict=False)
        )

    lo = min(g1.ppf(level), g2.ppf(level))
    hi = max(g1.ppf(level), g2.ppf(level))
    if hi - lo < 1e-14 * hi:
        reference = lo
    else:
        reference = optimize.brentq(
            lambda x: cdf(x) - level, lo * (1 - 1e-9), hi * (1 + 1e-9), xtol=1e-300, rtol=1e-13
        )
    got = posterior_quantile(prior, [n], [e], level)[0]
    assert got == pytest.approx(reference, rel=1e-6)


def test_quantiles_are_vectorised_and_ordered() -> None:
    n = np.array([p[0] for p in PAIRS] * 1000, dtype=float)
    e = np.array([p[1] for p in PAIRS] * 1000)
    eb05 = posterior_quantile(PRIOR, n, e, 0.05)
    eb95 = posterior_quantile(PRIOR, n, e, 0.95)
    mid = ebgm(PRIOR, n, e)
    assert np.all((eb05 < mid) & (mid < eb95))
    assert np.array_equal(eb05[: len(PAIRS)], eb05[-len(PAIRS) :])


def test_impossible_expected_counts_are_rejected() -> None:
    with pytest.raises(ValueError, match="impossible expected"):
        ebgm(PRIOR, [2], [0.0])
    with pytest.raises(ValueError, match="strictly between"):
        posterior_quantile(PRIOR, [2], [1.0], 1.0)


def test_one_posterior_gives_the_same_as_the_functions() -> None:
    n = np.array([p[0] for p in PAIRS], dtype=float)
    e = np.array([p[1] for p in PAIRS])
    post = Posterior(PRIOR, n, e)
    assert np.array_equal(post.ebgm(), ebgm(PRIOR, n, e))
    assert np.array_equal(post.quantile(0.05), posterior_quantile(PRIOR, n, e, 0.05))
    assert np.array_equal(post.weight(), posterior_weight(PRIOR, n, e))
    assert np.allclose(post.weight1 + post.weight2, 1.0, rtol=1e-15)


def test_repeated_pairs_get_the_posterior_of_the_pair_alone() -> None:
    rng = np.random.default_rng(5)
    pick = rng.integers(0, len(PAIRS), 300)
    n = np.array([PAIRS[i][0] for i in pick], dtype=float)
    e = np.array([PAIRS[i][1] for i in pick])
    post = Posterior(PRIOR, n, e)
    alone = [Posterior(PRIOR, [ni], [ei]) for ni, ei in PAIRS]
    for got, method in ((post.ebgm(), "ebgm"), (post.weight(), "weight")):
        assert np.array_equal(got, [getattr(alone[i], method)()[0] for i in pick])
    for level in (0.05, 0.95):
        assert np.array_equal(post.quantile(level), [alone[i].quantile(level)[0] for i in pick])
