"""numpy <-> Arrow through the buffers (``store.arrays``): the values ``pa.array`` and
``to_numpy`` give, without pyarrow importing pandas."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pyarrow as pa
import pytest

from dermavigil.store.arrays import to_arrow, to_numpy


@pytest.mark.parametrize(
    "values",
    [
        np.arange(-5, 7, dtype=np.int64),
        np.arange(9, dtype=np.int32),
        np.array([1.5, np.nan, -np.inf, 0.0]),
        np.array([True, False, True, True, False, False, False, False, True, True]),
        np.array([], dtype=np.float64),
    ],
)
def test_round_trip_matches_pyarrow(values: np.ndarray) -> None:
    mine = to_arrow(values)
    assert mine.equals(pa.array(values)) or (values.dtype.kind == "f" and mine.type == pa.float64())
    np.testing.assert_array_equal(to_numpy(mine), values)
    np.testing.assert_array_equal(to_numpy(mine.slice(1)), values[1:])
    np.testing.assert_array_equal(to_numpy(pa.chunked_array([mine, mine])), np.r_[values, values])


def test_nulls_need_a_fill_value() -> None:
    array = pa.array([1, None, 3], pa.int32())
    np.testing.assert_array_equal(to_numpy(array, null=-1), [1, -1, 3])
    np.testing.assert_array_equal(to_numpy(array.slice(1), null=-1), [-1, 3])
    with pytest.raises(ValueError, match="null"):
        to_numpy(array)
    with pytest.raises(TypeError):
        to_arrow(np.array(["a"]))


def test_no_pandas_is_imported() -> None:
    probe = (
        "import sys, numpy as np\n"
        "from dermavigil.store.arrays import to_arrow, to_numpy\n"
        "to_numpy(to_arrow(np.arange(3)).take(to_arrow(np.array([2, 0]))))\n"
        "to_numpy(to_arrow(np.ones(3, bool)))\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
