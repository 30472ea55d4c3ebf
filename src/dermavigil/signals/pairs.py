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
(report, key) items come from one ``np.unique`` per side, and each report's
products x reactions are enumerated with ``np.repeat`` and counted with one
``np.bincount`` (or ``np.unique`` when the product x reaction grid is large).
Pairs come out sorted by (product, reaction).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from dermavigil.store.longformat import EncodedLong

IntArray = NDArray[np.int64]

_BINCOUNT_LIMIT = 1 << 26
"""Largest product x reaction grid counted with a dense ``bincount`` (512 MiB of int64)."""


def _sorted_distinct(values: IntArray) -> IntArray:
    """``np.unique(values)`` by sorting (numpy 2's hash-based unique is several times
    slower on a few hundred thousand integers and sorts its result anyway)."""
    values = np.sort(values)
    if values.size:
        keep = np.empty(values.size, dtype=bool)
        keep[0] = True
        np.not_equal(values[1:], values[:-1], out=keep[1:])
        values = values[keep]
    return values


def _items(report: IntArray, key: IntArray, n_keys: int) -> tuple[IntArray, IntArray]:
    """Distinct (report, key) items, sorted by report then key."""
    packed = _sorted_distinct(report * n_keys + key)
    return packed // n_keys, packed % n_keys


def count_long(data: EncodedLong, min_count: int = 1) -> pa.Table:
    """The 2x2 table of every (product, reaction) pair with ``n >= min_count``."""
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
    # each drug item meets every event item of its report (event items are sorted by report)
    events_of = np.bincount(e_report, minlength=data.n_reports)
    first_event = np.cumsum(events_of) - events_of
    per_item = events_of[d_report]
    total = int(per_item.sum())
    item_start = np.cumsum(per_item) - per_item
    offset = np.arange(total, dtype=np.int64) - np.repeat(item_start, per_item)
    event_row = np.repeat(first_event[d_report], per_item) + offset
    cell = np.repeat(d_key, per_item) * n_e + e_key[event_row]
    if n_p * n_e <= _BINCOUNT_LIMIT:
        grid = np.bincount(cell, minlength=n_p * n_e)
        codes = np.flatnonzero(grid >= min_count)
        n = grid[codes].astype(np.int64)
    else:
        codes, n = np.unique(cell, return_counts=True)
        wanted = n >= min_count
        codes, n = codes[wanted], n[wanted].astype(np.int64)
    di, ej = codes // n_e, codes % n_e
    nd, ne = n_drug[di], n_event[ej]
    return pa.table(
        {
            "product": data.products.take(pa.array(di)),
            "reaction": data.reactions.take(pa.array(ej)),
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
    )
