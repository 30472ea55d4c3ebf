"""Integer codes of a long file's key columns, batch by batch, without a Python object per row.

:class:`TextCodes` codes any column as whitespace-trimmed text (products,
reactions, report ids). :class:`ReportCodes` codes the report column, whose
values are only grouped (never shown): while every value is a plain decimal
integer (ASCII digits, no sign, no leading zero, at most 18 digits; or an
integer column of a Parquet file) the text and the integer stand for each
other one to one, so reports are grouped by the integer -- one numpy sort
instead of hashing strings (Arrow's string hash took 0.12 s of a FAERS
quarter's 0.3 s load; the sort takes a few ms).
The first value that is not such an integer turns the column back to text,
the batches read so far included: the codes group the same reports either way.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from dermavigil.store.arrays import to_arrow, to_numpy

Codes = NDArray[np.int32]
_MAX_DIGITS = 18  # every 18-digit decimal fits an int64


def trimmed_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """``column`` as text with leading and trailing whitespace removed."""
    text = column if pa.types.is_string(column.type) else pc.cast(column, pa.string())
    return pc.utf8_trim_whitespace(text)


class TextCodes:
    """Integer codes of one key column over batches, keyed by its trimmed text.

    Each batch is dictionary-encoded on its own (its rows keep batch-local codes);
    :meth:`finish` trims the batches' distinct values, encodes them together once and
    maps every batch's codes to the global ones. Null and empty (after trimming)
    values get the code -1.
    """

    def __init__(self) -> None:
        self.codes: list[Codes] = []
        self.values: list[pa.Array] = []

    def add(self, column: pa.Array) -> None:
        encoded = column.dictionary_encode()
        self.codes.append(to_numpy(encoded.indices, null=-1).astype(np.int32, copy=False))
        self.values.append(trimmed_text(pa.chunked_array([encoded.dictionary])).combine_chunks())

    def finish(self, sort: bool) -> tuple[Codes, pa.Array]:
        """Every row's code and the distinct values (sorted when ``sort``)."""
        together = pa.concat_arrays(self.values) if self.values else pa.nulls(0, pa.string())
        encoded = together.dictionary_encode()
        distinct = encoded.dictionary
        remap = to_numpy(encoded.indices, null=-1).astype(np.int64)
        empty = to_numpy(pc.utf8_length(distinct)) == 0
        keep = np.flatnonzero(~empty)
        if sort:
            keep = keep[to_numpy(pc.sort_indices(distinct.take(to_arrow(keep))))]
        code_of = np.full(len(distinct) + 1, -1, np.int32)  # the last entry: null (-1)
        code_of[keep] = np.arange(keep.size, dtype=np.int32)
        remap = code_of[remap]
        out = np.empty(sum(c.size for c in self.codes), np.int32)
        row = base = 0
        for codes, values in zip(self.codes, self.values, strict=True):
            lookup = np.append(remap[base : base + len(values)], -1)  # [-1] for a null
            out[row : row + codes.size] = lookup[codes]
            row, base = row + codes.size, base + len(values)
        self.codes, self.values = [], []
        return out, distinct.take(to_arrow(keep))


def plain_integers(column: pa.Array) -> NDArray[np.int64] | None:
    """The values of a column as int64 when every one is an integer whose text is exactly
    ``str(value)`` (an integer column within int64, or text of plain decimal integers),
    else ``None``."""
    if column.null_count or len(column) == 0:
        return None
    if pa.types.is_integer(column.type):  # a Parquet column: cast to text, it is str(value)
        try:
            return to_numpy(pc.cast(column, pa.int64()))
        except pa.ArrowInvalid:  # a uint64 beyond int64
            return None
    if not pa.types.is_string(column.type):
        return None
    offsets = np.frombuffer(column.buffers()[1], np.int32, len(column) + 1, column.offset * 4)
    data = np.frombuffer(column.buffers()[2], np.uint8)[offsets[0] : offsets[-1]]
    lengths = np.diff(offsets)
    if lengths.min() < 1 or lengths.max() > _MAX_DIGITS:
        return None
    if (data - np.uint8(48)).max() > 9:  # a byte other than an ASCII digit (48-57)
        return None
    first = data[offsets[:-1] - offsets[0]]
    if np.any((first == 48) & (lengths > 1)):  # a leading zero: "007" is not "7"
        return None
    return to_numpy(pc.cast(column, pa.int64()))


def dense_codes(values: NDArray[np.int64], overwrite: bool = False) -> tuple[Codes, int]:
    """Codes ``0 .. k-1`` of ``values`` (equal values, equal codes; ascending order) and
    ``k``: one sort of the values packed with their row numbers (in ``values``' own
    memory when ``overwrite``)."""
    n = values.size
    if n == 0:
        return np.zeros(0, np.int32), 0
    bits = max(1, (n - 1).bit_length())
    low = int(values.min())
    if int(values.max()) - low >= 1 << (62 - bits):  # no room to pack: sort with an index
        distinct, inverse = np.unique(values, return_inverse=True)
        return inverse.astype(np.int32), distinct.size
    key = values if overwrite else values.copy()
    key -= low
    key <<= bits
    key |= np.arange(n, dtype=np.int64)
    key.sort()
    rows = (key & ((1 << bits) - 1)).astype(np.int32)
    key >>= bits
    new = np.empty(n, np.int32)
    new[0] = 0
    np.not_equal(key[1:], key[:-1], out=new[1:])
    del key
    np.cumsum(new, out=new)
    codes = np.empty(n, np.int32)
    codes[rows] = new
    return codes, int(new[-1]) + 1


class ReportCodes:
    """Codes of the report column: by integer while every value is a plain decimal
    integer (see the module), else by trimmed text as :class:`TextCodes`."""

    def __init__(self) -> None:
        self.integers: list[NDArray[np.int64]] = []
        self.text: TextCodes | None = None

    def add(self, column: pa.Array) -> None:
        if self.text is None:
            values = plain_integers(column)
            if values is not None:
                self.integers.append(values)
                return
            self.text = TextCodes()
            for earlier in self.integers:  # their text, exactly as it was read
                self.text.add(pc.cast(to_arrow(earlier), pa.string()))
            self.integers = []
        self.text.add(column)

    def finish(self) -> tuple[Codes, int]:
        """Every row's code (-1 for a null or empty id) and the number of reports."""
        if self.text is not None:
            codes, distinct = self.text.finish(sort=False)
            return codes, len(distinct)
        batches, self.integers = self.integers, []
        values = np.concatenate(batches) if batches else np.zeros(0, np.int64)
        del batches
        return dense_codes(values, overwrite=True)
