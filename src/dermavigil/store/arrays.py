"""numpy <-> Arrow for fixed-width columns without pyarrow's pandas probe.

pyarrow's ``Array.to_numpy``, ``pa.array(ndarray)`` and compute calls given Python
scalars first ask whether the value is a pandas object, and that question imports
pandas when it is installed (0.2-0.3 s of CPU, more than a FAERS quarter's counting).
A signal run over a file never holds a pandas object, so its hot path converts
through the buffers instead: the same bytes, zero copy where Arrow's layout is
numpy's (numbers), bit-packed for booleans.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

_TYPES = {
    np.dtype(np.int8): pa.int8(),
    np.dtype(np.int16): pa.int16(),
    np.dtype(np.int32): pa.int32(),
    np.dtype(np.int64): pa.int64(),
    np.dtype(np.uint8): pa.uint8(),
    np.dtype(np.uint32): pa.uint32(),
    np.dtype(np.uint64): pa.uint64(),
    np.dtype(np.float32): pa.float32(),
    np.dtype(np.float64): pa.float64(),
}
_DTYPES = {kind: dtype for dtype, kind in _TYPES.items()}


def to_arrow(values: NDArray) -> pa.Array:
    """A 1-d numpy array of numbers or booleans as an Arrow array without nulls
    (NaN stays NaN, as ``pa.array`` keeps it)."""
    values = np.ascontiguousarray(values)
    if values.ndim != 1:
        raise ValueError("only 1-d arrays convert to an Arrow array")
    if values.dtype == np.bool_:
        bits = np.packbits(values, bitorder="little")
        return pa.Array.from_buffers(pa.bool_(), values.size, [None, pa.py_buffer(bits)])
    kind = _TYPES.get(values.dtype)
    if kind is None:
        raise TypeError(f"no Arrow type for numpy {values.dtype}")
    return pa.Array.from_buffers(kind, values.size, [None, pa.py_buffer(values)])


def to_numpy(array: pa.Array | pa.ChunkedArray, null: int | float | None = None) -> NDArray:
    """An Arrow array of numbers or booleans as numpy (zero copy for numbers in one chunk).

    Nulls become ``null`` when it is given; otherwise a null is an error.
    """
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks != 1 else array.chunk(0)
    validity, data = array.buffers()[:2]
    if pa.types.is_boolean(array.type):
        bits = np.frombuffer(data, np.uint8) if data is not None else np.zeros(0, np.uint8)
        out = np.unpackbits(bits, count=array.offset + len(array), bitorder="little")
        out = out[array.offset :].astype(bool)
    else:
        dtype = _DTYPES.get(array.type)
        if dtype is None:
            raise TypeError(f"no numpy dtype for Arrow {array.type}")
        if data is None:
            out = np.zeros(0, dtype)
        else:
            out = np.frombuffer(data, dtype, count=len(array), offset=array.offset * dtype.itemsize)
    if array.null_count:
        if null is None:
            raise ValueError(f"{array.null_count} null value(s) where numbers were expected")
        valid = np.unpackbits(
            np.frombuffer(validity, np.uint8), count=array.offset + len(array), bitorder="little"
        )[array.offset :].astype(bool)
        out = np.where(valid, out, np.asarray(null, dtype=out.dtype))
    return out
