"""MGPS prior fit: likelihood and gradient checked independently, openEBGM's CAERS vignette."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.stats import nbinom

from dermavigil.signals.counts import counts_sql, long_sources
from dermavigil.signals.mgps import _Data, fit_prior, negative_log_likelihood
from dermavigil.signals.posterior import posterior_quantile
from dermavigil.signals.stats import expected_counts
from dermavigil.store.engine import open_engine
from dermavigil.store.longformat import LONG_TABLE, ColumnSpec, load_long, register_long

# openEBGM 0.9.1 vignette "Hyperparameter Estimation", autoHyper(processed, squashed = FALSE)
# on the full caers data (no zeroes, N_star = 1): alpha1, beta1, alpha2, beta2, P
OPENEBGM_CAERS = (3.25596685, 0.39998994, 2.02376139, 1.90614108, 0.06530755)
THETA = (0.4, 0.2, 2.5, 3.0, 0.3)


@pytest.fixture(scope="module")
def caers_counts(caers_csv: Path) -> tuple[np.ndarray, np.ndarray]:
    """Counts as openEBGM's processRaw: unique reports per pair, no strata, no zero cells."""
    table = load_long(caers_csv, ColumnSpec())
    with open_engine("duckdb") as engine:
        available = register_long(engine, table)
        counts = engine.sql(
            counts_sql(long_sources(("product", "reaction"), (), LONG_TABLE, available))
        )
    n_total = counts["n_total"][0].as_py()
    e = expected_counts(counts["n_drug"].to_numpy(), counts["n_event"].to_numpy(), n_total)
    return counts["n"].to_numpy().astype(float), e


def _nll_independent(theta, n, e, n_star):
    a1, b1, a2, b2, p = theta
    f1 = nbinom.pmf(n, a1, b1 / (b1 + e)) / nbinom.sf(n_star - 1, a1, b1 / (b1 + e))
    f2 = nbinom.pmf(n, a2, b2 / (b2 + e)) / nbinom.sf(n_star - 1, a2, b2 / (b2 + e))
    return -np.sum(np.log(p * f1 + (1 - p) * f2))


@pytest.mark.parametrize("n_star", [1, 2])
def test_likelihood_matches_scipy_negative_binomials(caers_counts, n_star: int) -> None:
    n, e = caers_counts
    keep = n >= n_star
    nll, _ = negative_log_likelihood(THETA, _Data.from_pairs(n[keep], e[keep], n_star))
    assert nll == pytest.approx(_nll_independent(THETA, n[keep], e[keep], n_star), rel=1e-10)


@pytest.mark.parametrize("n_star", [1, 3])
def test_gradient_matches_finite_differences(caers_counts, n_star: int) -> None:
    n, e = caers_counts
    keep = n >= n_star
    data = _Data.from_pairs(n[keep], e[keep], n_star)
    _, grad = negative_log_likelihood(THETA, data)
    for k in range(5):
        h = 1e-4 * THETA[k]
        up, down = list(THETA), list(THETA)
        up[k] += h
        down[k] -= h
        numeric = negative_log_likelihood(up, data)[0] - negative_log_likelihood(down, data)[0]
        assert grad[k] == pytest.approx(numeric / (2 * h), rel=1e-5)


def test_caers_vignette_hyperparameters_and_signal_count(caers_counts) -> None:
    n, e = caers_counts
    assert len(n) == 17189  # nrow(processRaw(caers)) in openEBGM's vignettes
    prior = fit_prior(n, e, n_star=1)
    assert prior.converged and not prior.at_bound
    # tolerance 1e-4 relative: both optimisers stop at ~1e-6 from the same optimum
    assert prior.theta == pytest.approx(OPENEBGM_CAERS, rel=1e-4)
    eb05 = posterior_quantile(prior, n, e, 0.05)
    # openEBGM vignette "openEBGM Objects": 131 pairs with QUANT_05 greater than 2
    assert int(np.sum(eb05 > 2)) == 131


def test_fit_is_deterministic(caers_counts) -> None:
    n, e = caers_counts
    assert fit_prior(n, e) == fit_prior(n, e)


def test_non_convergence_is_reported(caers_counts) -> None:
    n, e = caers_counts
    prior = fit_prior(n, e, max_iter=2)
    assert not prior.converged
    assert "did not converge" in prior.message


def test_single_start_cannot_confirm_the_optimum(caers_counts) -> None:
    n, e = caers_counts
    prior = fit_prior(n, e, starts=((0.2, 0.1, 2.0, 4.0, 1 / 3),))
    assert not prior.converged and "1 of 1" in prior.message


def test_bad_inputs_are_rejected() -> None:
    with pytest.raises(ValueError, match="expected counts"):
        fit_prior([1, 2], [0.0, 1.0])
    with pytest.raises(ValueError, match="no pairs"):
        fit_prior([], [])
    with pytest.raises(ValueError, match=">= N"):
        fit_prior([1, 2], [1.0, 1.0], n_star=2)
