"""``signals.sorting.lexsort2`` orders rows exactly as ``np.lexsort`` does."""

from __future__ import annotations

import numpy as np
import pytest

from dermavigil.signals.sorting import lexsort2


@pytest.mark.parametrize("seed", range(40))
def test_the_order_of_np_lexsort_ties_included(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(2, 2000))
    few = np.array([0.0, -0.0, 1.5, np.inf, -np.inf, 2.0, 1e-300])
    floats = rng.choice(few, size) if seed % 2 else rng.normal(size=size).round(seed % 3)
    counts = rng.integers(1, 6, size)
    for minor, major in ((floats, counts), (counts, floats), (-counts, -floats)):
        np.testing.assert_array_equal(lexsort2(minor, major), np.lexsort((minor, major)))
    np.testing.assert_array_equal(
        lexsort2(floats, counts.astype(float)), np.lexsort((floats, counts.astype(float)))
    )


def test_nan_short_keys_and_far_apart_values() -> None:
    keys = np.array([2.0, np.nan, 1.0, np.nan]), np.array([1, 1, 1, 0])
    np.testing.assert_array_equal(lexsort2(*keys), np.lexsort(keys))
    assert lexsort2(np.array([3.0]), np.array([1])).tolist() == [0]
    wide = np.arange(3000, dtype=np.int64) * (1 << 40)
    keys = wide[::-1], wide % 7
    np.testing.assert_array_equal(lexsort2(*keys), np.lexsort(keys))
