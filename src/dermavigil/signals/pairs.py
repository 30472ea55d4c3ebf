"""The 2x2 counts of a long file in memory: integer-coded keys, one pass of numpy sorts.

The same table as :func:`dermavigil.signals.counts.counts_sql` computes on an
engine for a long file without strata -- per (product, reaction) pair reported
at least ``min_count`` times: ``n`` (= a), ``b``, ``c``, ``d``, ``n_drug``,
``n_event``, ``n_total`` and the key ids ``di``/``ej`` -- with the same
definitions (DuMouchel 1999; Evans et al. 2001): counts are of distinct
reports, a report counts a pair when it names the product and the reaction
(on any of its rows), and the universe is the reports that name at least one
of each. It skips the engine's string hashing and joins: keys are small
integers (:func:`dermavigil.store.longformat.load_long_encoded`), the distinct
(report, key) items come from one sort per side, and each report's products x
reactions are enumerated with ``np.repeat`` a chunk at a time (bounded memory at
tens of millions of rows) and counted with ``np.bincount`` on a dense product x
reaction grid, or by sorting them when the grid is large or sparse.
Pairs come out sorted by (product, reaction).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from dermavigil.store.arrays import to_arrow
from dermavigil.store.longformat import EncodedLong

IntArray = NDArray[np.int64]

_BINCOUNT_LIMIT = 1 << 24
"""Largest product x reaction grid counted densely (``bincount``, 128 MiB of int64)."""
_DENSE_SHARE = 0.25
"""The grid is counted densely only when it has at most this many cells per combination
enumerated; a sparser grid (a FAERS quarter: 3.8M cells for 0.5M combinations) costs
more in fresh memory than sorting the combinations does."""
CHUNK_CELLS = 1 << 22
"""(report, product, reaction) combinations enumerated at a time (32 MiB per int64 array)."""


def _sorted_distinct(values: IntArray) -> IntArray:
    """``np.unique(values)`` by sorting in place (numpy 2's hash-based unique is several
    times slower on a few hundred thousand integers and sorts its result anyway)."""
    values.sort()
    if values.size:
        keep = np.empty(values.size, dtype=bool)
        keep[0] = True
        np.not_equal(values[1:], values[:-1], out=keep[1:])
        values = values[keep]
    return values


def _items(report: NDArray, key: NDArray, n_keys: int) -> tuple[IntArray, IntArray]:
    """Distinct (report, key) items, sorted by report then key."""
    packed = report.astype(np.int64)
    packed *= n_keys
    packed += key
    packed = _sorted_distinct(packed)
    return packed // n_keys, packed % n_keys


def _cells(
    d_report: IntArray,
    d_key: IntArray,
    e_key: IntArray,
    first_event: IntArray,
    per_item: IntArray,
    n_e: int,
    chunk: int,
) -> Iterator[NDArray[np.integer]]:
    """``product * n_e + reaction`` of every (report, product, reaction) combination, in
    chunks of about ``chunk``: each drug item meets every event item of its report (event
    items are sorted by report: a report's first is at ``first_event``, and a drug item
    meets ``per_item`` of them), enumerated with ``np.repeat``; int32 when the product x
    reaction grid allows it."""
    kind = np.int32 if (int(d_key.max(initial=0)) + 1) * n_e < 1 << 31 else np.int64
    drug_base, e_key = (d_key * n_e).astype(kind), e_key.astype(kind)
    ends = np.cumsum(per_item)
    cuts = np.searchsorted(ends, np.arange(chunk, int(ends[-1]) if ends.size else 0, chunk))
    # _sorted_distinct, not np.unique: numpy 2.4's unique imports numpy.ma (15 ms) to ask
    # whether the array is masked
    bounds = [0, *_sorted_distinct(cuts).tolist(), d_report.size]
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        if hi <= lo:
            continue
        per = per_item[lo:hi]
        start = np.cumsum(per) - per
        offset = np.arange(int(start[-1] + per[-1]), dtype=np.int64) - np.repeat(start, per)
        offset += np.repeat(first_event[d_report[lo:hi]], per)
        cell = np.repeat(drug_base[lo:hi], per)
        cell += e_key[offset]
        yield cell


def _run_lengths(values: NDArray[np.integer]) -> tuple[IntArray, IntArray]:
    """The distinct values of a sorted array and how often each occurs."""
    if values.size == 0:
        return values.astype(np.int64), np.zeros(0, np.int64)
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    counts = np.diff(np.append(starts, values.size))
    return values[starts].astype(np.int64), counts


def count_long(data: EncodedLong, min_count: int = 1, chunk: int = CHUNK_CELLS) -> pa.Table:
    """The 2x2 table of every (product, reaction) pair with ``n >= min_count``.

    Memory: the distinct items of each side (16 bytes each) and one chunk of
    combinations at a time; the grid is counted densely when it has at most 2**24
    cells and at most a quarter as many as there are combinations, else each chunk's
    combinations are sorted and their distinct cells merged.
    """
    n_p, n_e = len(data.products), len(data.reactions)
    d_report, d_key = _items(data.report, data.product, max(n_p, 1))
    e_report, e_key = _items(data.report, data.reaction, max(n_e, 1))
    in_universe = np.zeros(data.n_reports, dtype=bool)
    has_event = np.zeros(data.n_reports, dtype=bool)
    in_universe[d_report] = True
    has_event[e_report] = True
    in_universe &= has_event
    keep_d, keep_e = in_universe[d_report], in_universe[e_report]
    d_report, d_key = d_report[keep_d], d_key[keep_d]
    e_report, e_key = e_report[keep_e], e_key[keep_e]
    n_total = int(in_universe.sum())
    n_drug = np.bincount(d_key, minlength=n_p).astype(np.int64)
    n_event = np.bincount(e_key, minlength=n_e).astype(np.int64)
    events_of = np.bincount(e_report, minlength=data.n_reports)
    first_event = np.cumsum(events_of) - events_of
    per_item = events_of[d_report]
    combinations = int(per_item.sum())
    cells = _cells(d_report, d_key, e_key, first_event, per_item, n_e, chunk)
    if n_p * n_e <= min(_BINCOUNT_LIMIT, _DENSE_SHARE * combinations):
        grid = np.zeros(n_p * n_e, dtype=np.int64)
        for cell in cells:
            grid += np.bincount(cell, minlength=n_p * n_e)
        codes = np.flatnonzero(grid >= min_count)
        n = grid[codes]
    else:
        parts = []
        for cell in cells:
            cell.sort()
            parts.append(_run_lengths(cell))
        if len(parts) <= 1:
            codes, n = parts[0] if parts else _run_lengths(np.zeros(0, np.int64))
        else:
            codes, where = np.unique(np.concatenate([c for c, _ in parts]), return_inverse=True)
            n = np.bincount(where, weights=np.concatenate([k for _, k in parts])).astype(np.int64)
        wanted = n >= min_count
        codes, n = codes[wanted], n[wanted]
    di, ej = codes // n_e, codes % n_e
    nd, ne = n_drug[di], n_event[ej]
    columns = {
        "n": n,
        "b": nd - n,
        "c": ne - n,
        "d": n_total - nd - ne + n,
        "n_drug": nd,
        "n_event": ne,
        "n_total": np.full(len(n), n_total, dtype=np.int64),
        "di": di,
        "ej": ej,
    }
    return pa.Table.from_arrays(
        [
            data.products.take(to_arrow(di)),
            data.reactions.take(to_arrow(ej)),
            *(to_arrow(v) for v in columns.values()),
        ],
        names=["product", "reaction", *columns],
    )
