"""Key codes of a long file (``store.keycodes``): report ids that are plain integers are
grouped by their value, anything else by its trimmed text, with the same grouping."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from dermavigil.store.keycodes import ReportCodes, dense_codes, plain_integers


def _same_grouping(codes: np.ndarray, keys: list[str]) -> bool:
    """Equal keys have equal codes and different keys different ones."""
    return len(set(zip(codes.tolist(), keys, strict=True))) == len(set(keys)) == len(set(codes))


def test_plain_integers_are_read_as_their_value() -> None:
    values = plain_integers(pa.array(["12", "7", "0", "12", "999999999999999999"]))
    assert values is not None
    assert values.tolist() == [12, 7, 0, 12, 999_999_999_999_999_999]


@pytest.mark.parametrize(
    "text",
    ["007", "00", "+5", "-5", " 7", "7 ", "0x1F", "1e3", "1.0", "", "1234567890123456789", "٣"],
)
def test_other_ids_are_not_plain_integers(text: str) -> None:
    assert plain_integers(pa.array(["1", text])) is None


def test_nulls_and_sliced_columns() -> None:
    assert plain_integers(pa.array(["1", None])) is None
    sliced = pa.array(["x", "15", "16", "y"]).slice(1, 2)
    values = plain_integers(sliced)
    assert values is not None and values.tolist() == [15, 16]


def test_report_codes_turn_to_text_at_the_first_other_id() -> None:
    batches = [["5", "12", "5"], ["12 ", "A7", "5", " 5"], ["007", "7"]]
    coder = ReportCodes()
    for batch in batches:
        coder.add(pa.array(batch))
    codes, n_reports = coder.finish()
    keys = [k.strip() for batch in batches for k in batch]
    assert n_reports == len(set(keys)) == 5  # 5, 12, A7, 007, 7
    assert _same_grouping(codes, keys)


def test_integer_report_codes_group_alike() -> None:
    rng = np.random.default_rng(3)
    ids = rng.integers(0, 10**9, 2000).astype(str).tolist() * 2
    coder = ReportCodes()
    for start in range(0, len(ids), 700):
        coder.add(pa.array(ids[start : start + 700]))
    codes, n_reports = coder.finish()
    assert coder.text is None and n_reports == len(set(ids))
    assert _same_grouping(codes, ids) and codes.max() == n_reports - 1


def test_dense_codes_of_far_apart_values() -> None:
    values = np.array([2**62, 0, 5, 2**62, -(2**62)], dtype=np.int64)
    codes, k = dense_codes(values)
    assert k == 4 and codes.tolist() == [3, 1, 2, 3, 0]
    codes, k = dense_codes(np.array([9, 3, 9], dtype=np.int64))
    assert k == 2 and codes.tolist() == [1, 0, 1]


def test_integer_columns_are_their_values() -> None:
    values = plain_integers(pa.array([-5, 7, 2**40], pa.int64()))
    assert values is not None and values.tolist() == [-5, 7, 2**40]
    assert plain_integers(pa.array([1, 2**63], pa.uint64())) is None
    assert plain_integers(pa.array([1.0, 2.0])) is None
    assert plain_integers(pa.array([1, None], pa.int32())) is None
