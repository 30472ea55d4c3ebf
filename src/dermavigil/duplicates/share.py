"""The share of reports that duplicate another, estimated from the scored pairs.

The correction of chance agreement for the duplicates among sampled pairs
(:func:`~dermavigil.duplicates.chance.without_expected_matches`) needs ``λ``, the
probability that two random reports are one case (splink's
``probability_two_random_records_match``). The model states a share of duplicates
(:data:`~dermavigil.duplicates.model.DUPLICATE_SHARE`, 5%: ``λ = s / (n - 1)``), which
overcorrects a collection holding fewer (1,000 random FAERS reports hold a few pairs).

Here ``λ`` is estimated as expectation maximisation estimates a mixture's weight with
the components held fixed (Fellegi-Sunter EM, Winkler 1988; splink's M-step for
``probability_two_random_records_match`` is the same mean): each pair's posterior
probability of being one case, given its Bayes factor ``K`` (the match weight less the
prior weight, in bits) and ``λ``, is ``λ K / (λ K + 1 - λ)``; the new ``λ`` is the mean
posterior over all ``n (n - 1) / 2`` pairs. The pairs that blocking did not score are
taken as different cases (posterior 0: they share no blocking key). Iterated to a fixed
point from the stated share. Pure arithmetic, no I/O.
"""

from __future__ import annotations

import math

import numpy as np

ITERATIONS = 200
"""Most fixed-point iterations."""
TOLERANCE = 1e-4
"""Relative change of ``λ`` below which the iteration stops."""
SHARE_BOUNDS = (1e-4, 0.5)
"""Least and greatest share returned: a collection is never taken to hold no duplicates
(the correction would vanish, whatever a larger collection would show), nor more than
one report in two duplicating another."""


def expected_share(bayes_bits: np.ndarray, n_records: int, start: float) -> float:
    """Share ``s`` of the ``n_records`` reports that duplicate another (``λ = s / (n - 1)``)
    for which the scored pairs' posteriors, summed, give back ``λ`` (see the module
    docstring); ``bayes_bits`` the scored pairs' match weights less the prior weight,
    ``start`` the stated share."""
    if n_records < 2:
        return start
    pairs = n_records * (n_records - 1) / 2
    low, high = SHARE_BOUNDS
    bits = np.asarray(bayes_bits, dtype=np.float64)
    share = min(max(start, low), high)
    for _ in range(ITERATIONS):
        lam = min(share / (n_records - 1), 0.5)
        prior_bits = math.log2(lam / (1 - lam))
        # posterior = 1 / (1 + 2^-(K + prior)), summed stably
        posterior = 0.5 * (1.0 + np.tanh((bits + prior_bits) * math.log(2) / 2))
        new = float(posterior.sum()) / pairs * (n_records - 1)
        new = min(max(new, low), high)
        if abs(new - share) <= TOLERANCE * share:
            return new
        share = new
    return share
