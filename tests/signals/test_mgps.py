"""MGPS prior fit: likelihood and gradient checked independently, openEBGM's CAERS vignette."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.stats import nbinom

from dermavigil.signals import mgps
from dermavigil.signals.counts import counts_sql, long_sources
from dermavigil.signals.likelihood import CountData, negative_log_likelihood
from dermavigil.signals.mgps import (
    DEFAULT_STARTS,
    _explore,
    _lbfgsb,
    _preconditioned,
    fit_prior,
)
from dermavigil.signals.posterior import posterior_quantile
from dermavigil.signals.stats import expected_counts
from dermavigil.store.engine import open_engine
from dermavigil.store.longformat import LONG_TABLE, ColumnSpec, load_long, register_long

# openEBGM 0.9.1 vignette "Hyperparameter Estimation", autoHyper(processed, squashed = FALSE)
# on the full caers data (no zeroes, N_star = 1): alpha1, beta1, alpha2, beta2, P
OPENEBGM_CAERS = (3.25596685, 0.39998994, 2.02376139, 1.90614108, 0.06530755)
THETA = (0.4, 0.2, 2.5, 3.0, 0.3)


def _pair_counts(path: Path, spec: ColumnSpec) -> tuple[np.ndarray, np.ndarray]:
    table = load_long(path, spec)
    with open_engine("duckdb") as engine:
        available = register_long(engine, table)
        counts = engine.sql(
            counts_sql(long_sources(("product", "reaction"), (), LONG_TABLE, available))
        )
    n_total = counts["n_total"][0].as_py()
    e = expected_counts(counts["n_drug"].to_numpy(), counts["n_event"].to_numpy(), n_total)
    return counts["n"].to_numpy().astype(float), e


@pytest.fixture(scope="module")
def caers_counts(caers_csv: Path) -> tuple[np.ndarray, np.ndarray]:
    """Counts as openEBGM's processRaw: unique reports per pair, no strata, no zero cells."""
    return _pair_counts(caers_csv, ColumnSpec())


def _nll_independent(theta, n, e, n_star):
    a1, b1, a2, b2, p = theta
    f1 = nbinom.pmf(n, a1, b1 / (b1 + e)) / nbinom.sf(n_star - 1, a1, b1 / (b1 + e))
    f2 = nbinom.pmf(n, a2, b2 / (b2 + e)) / nbinom.sf(n_star - 1, a2, b2 / (b2 + e))
    return -np.sum(np.log(p * f1 + (1 - p) * f2))


@pytest.mark.parametrize("n_star", [1, 2])
def test_likelihood_matches_scipy_negative_binomials(caers_counts, n_star: int) -> None:
    n, e = caers_counts
    keep = n >= n_star
    nll, _ = negative_log_likelihood(THETA, CountData.from_pairs(n[keep], e[keep], n_star))
    assert nll == pytest.approx(_nll_independent(THETA, n[keep], e[keep], n_star), rel=1e-10)


@pytest.mark.parametrize("n_star", [1, 3])
def test_gradient_matches_finite_differences(caers_counts, n_star: int) -> None:
    n, e = caers_counts
    keep = n >= n_star
    data = CountData.from_pairs(n[keep], e[keep], n_star)
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


def _polished_both_ways(n: np.ndarray, e: np.ndarray):
    data = CountData.from_pairs(n, e, 1)
    coarse = data.squashed()
    assert coarse is not data
    explored, _, _ = _explore(coarse, DEFAULT_STARTS, 500)
    return _preconditioned(explored, data, coarse, 500), _lbfgsb(explored.x, data, 500)


def _same_optimum(pre, plain) -> None:
    assert pre is not None and pre.ok
    assert pre.fun <= plain.fun + 1e-10 * abs(plain.fun)  # at least as good
    assert pre.x == pytest.approx(plain.x, abs=1e-4)


def test_preconditioned_polish_reaches_the_plain_polish_optimum(caers_counts) -> None:
    _same_optimum(*_polished_both_ways(*caers_counts))


@pytest.mark.slow
def test_preconditioned_polish_keeps_a_bound_parameter_fixed(shared_data: Path) -> None:
    """FAERS 2022Q3: alpha1 goes to its lower bound (a degenerate component)."""
    spec = ColumnSpec(report="CASEID", product="DRUG", reaction="AE")
    path = shared_data / "faers_2022q3_ps_drug_pt_pairs" / "faers22q3raw.csv.xz"
    n, e = _pair_counts(path, spec)
    pre, plain = _polished_both_ways(n, e)
    _same_optimum(pre, plain)
    assert pre.x[0] == mgps._LOG_BOUNDS[0] and pre.jac[0] > 0
    prior = fit_prior(n, e)
    assert prior.converged and prior.at_bound and prior.alpha1 == pytest.approx(1e-6)


def test_fit_falls_back_to_plain_polish_without_a_preconditioner(
    caers_counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    n, e = caers_counts
    preconditioned = fit_prior(n, e)
    monkeypatch.setattr(mgps, "_coarse_hessian", lambda u, coarse: -np.eye(u.size))
    plain = fit_prior(n, e)
    assert plain.converged
    assert plain.theta == pytest.approx(preconditioned.theta, rel=1e-5)
    assert plain.log_likelihood <= preconditioned.log_likelihood + 1e-9
