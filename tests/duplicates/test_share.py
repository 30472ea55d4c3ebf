"""The duplicate share estimated from the scored pairs (issue 16, eleventh session)."""

from __future__ import annotations

import numpy as np
import pytest

from dermavigil.duplicates.chance import ProductShares
from dermavigil.duplicates.model import DUPLICATE_SHARE, facts
from dermavigil.duplicates.share import SHARE_BOUNDS, expected_share


def test_the_share_is_what_the_scored_pairs_hold() -> None:
    """1,000 random FAERS reports holding 10 clear duplicate pairs (the DiAna sample holds
    a handful) have 2% of reports duplicating another, not the stated 5%; 100,000 records
    of which 5,000 pairs are one case (the bench) have 10%. Pairs of two patients that
    blocking scored (weights far below 0) add nothing."""
    clear, apart = np.full(10, 40.0), np.full(5_000, -10.0)
    assert expected_share(np.concatenate([clear, apart]), 1_000, DUPLICATE_SHARE) == (
        pytest.approx(0.02, rel=1e-3)
    )
    bench = np.concatenate([np.full(5_000, 40.0), np.full(600_000, -10.0)])
    assert expected_share(bench, 100_000, DUPLICATE_SHARE) == pytest.approx(0.1, rel=1e-3)
    # a pair the data cannot tell (no weight either way) counts by the prior's odds, which
    # the fixed point lowers with the share: 1,000 such pairs alone are no 1,000 duplicates
    undecided = expected_share(np.concatenate([clear, np.zeros(1_000)]), 1_000, 0.05)
    assert 0.02 < undecided < 0.0201
    # no scored pair that is one case: the least share, never none
    assert expected_share(np.full(100, -20.0), 1_000, DUPLICATE_SHARE) == SHARE_BOUNDS[0]


def test_one_products_pairs_expect_the_duplicate_pairs_the_share_makes() -> None:
    """A share s of n records having a duplicate makes s n / 2 pairs, as the model's
    prior (s / (n - 1) over n (n - 1) / 2 pairs) counts them; the same-product
    correction took s n (twice as many) before."""
    number = next(f for f in facts() if f.name == "report_number")
    same = number.levels[0]
    shares = ProductShares({"report_number": {same.label: 1e-4}}, 500_000, 100_000, 18_000_000)
    lam = 0.05 * 100_000 / 2 / 18_000_000
    assert shares.corrected(0.05)["report_number"][same.label] == pytest.approx(
        (1e-4 - lam * same.m) / (1 - lam)
    )
