"""The trend count's rows as integer-encoded per-period increments (see
:mod:`dermavigil.signals.trend_counts` for the rows and :mod:`dermavigil.signals.trend`
for the sweep that adds them up).

Keys (one or more columns per side) are joined into one string per row and
dictionary-encoded with Arrow, so the sweep works on integer ids: every pair knows
the ids of its drug-side and event-side keys, and each increment is (id, period
index, reports).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dermavigil.errors import InputError

_SEP = "\x1f"


@dataclass
class Increments:
    """Per-period increments, keys integer-encoded."""

    periods: np.ndarray  # period ids, contiguous from first to last
    pair_drug: np.ndarray  # drug-key id of each pair
    pair_event: np.ndarray
    pair_keys: pa.Table  # key columns of each pair, named after the dimensions
    inc_pair: tuple[np.ndarray, np.ndarray, np.ndarray]  # (pair id, period index, m)
    inc_drug: tuple[np.ndarray, np.ndarray, np.ndarray]
    inc_event: tuple[np.ndarray, np.ndarray, np.ndarray]
    inc_total: np.ndarray  # per period index
    n_undated: int
    n_drug_keys: int
    n_event_keys: int


def _joined(table: pa.Table, cols: list[str]) -> pa.Array:
    arrays = [table[c].combine_chunks() for c in cols]
    if len(arrays) == 1:
        return arrays[0]
    return pc.binary_join_element_wise(*arrays, _SEP)


def _encode(values: pa.Array) -> tuple[np.ndarray, list[str]]:
    encoded = pc.dictionary_encode(values)
    return encoded.indices.to_numpy(zero_copy_only=False), encoded.dictionary.to_pylist()


def read_increments(
    raw: pa.Table, drug_names: tuple[str, ...], event_names: tuple[str, ...]
) -> Increments:
    dk = [f"d{k}" for k in range(len(drug_names))]
    ek = [f"e{k}" for k in range(len(event_names))]
    kind = raw["kind"]
    part = {k: raw.filter(pc.equal(kind, k)) for k in ("p", "d", "e", "t", "x")}
    undated = int(pc.sum(part["x"]["m"]).as_py() or 0)
    totals = part["t"]
    if totals.num_rows == 0:
        raise InputError(
            "no report in the store has a received date together with a product and a "
            "reaction: nothing to follow over time"
        )
    pids = totals["p"].to_numpy()
    first_p, last_p = int(pids.min()), int(pids.max())
    periods = np.arange(first_p, last_p + 1, dtype=np.int64)
    inc_total = np.zeros(periods.size)
    np.add.at(inc_total, pids - first_p, totals["m"].to_numpy().astype(np.float64))

    pairs = part["p"]
    drug_all = pa.concat_arrays([_joined(part["d"], dk), _joined(pairs, dk)])
    event_all = pa.concat_arrays([_joined(part["e"], ek), _joined(pairs, ek)])
    drug_ids, drug_dict = _encode(drug_all)
    event_ids, event_dict = _encode(event_all)
    nd_rows, ne_rows = part["d"].num_rows, part["e"].num_rows
    pair_ids, _ = _encode(
        pc.binary_join_element_wise(_joined(pairs, dk), _joined(pairs, ek), "\x1e")
    )
    n_pairs = int(pair_ids.max()) + 1 if pair_ids.size else 0
    first_row = np.full(n_pairs, -1, dtype=np.int64)
    order = np.arange(pair_ids.size)[::-1]
    first_row[pair_ids[order]] = order  # the first row of each pair wins
    pair_keys = (
        pairs.take(pa.array(first_row))
        .select(dk + ek)
        .rename_columns(list(drug_names + event_names))
    )

    def triple(ids: np.ndarray, table: pa.Table) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (
            ids.astype(np.int64),
            table["p"].to_numpy().astype(np.int64) - first_p,
            table["m"].to_numpy().astype(np.float64),
        )

    return Increments(
        periods=periods,
        pair_drug=drug_ids[nd_rows:][first_row].astype(np.int64),
        pair_event=event_ids[ne_rows:][first_row].astype(np.int64),
        pair_keys=pair_keys,
        inc_pair=triple(pair_ids, pairs),
        inc_drug=triple(drug_ids[:nd_rows], part["d"]),
        inc_event=triple(event_ids[:ne_rows], part["e"]),
        inc_total=inc_total,
        n_undated=undated,
        n_drug_keys=len(drug_dict),
        n_event_keys=len(event_dict),
    )


def by_period(
    triple: tuple[np.ndarray, np.ndarray, np.ndarray], n_periods: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    ids, t, m = triple
    order = np.argsort(t, kind="stable")
    bounds = np.searchsorted(t[order], np.arange(n_periods + 1))
    return [
        (ids[order[bounds[k] : bounds[k + 1]]], m[order[bounds[k] : bounds[k + 1]]])
        for k in range(n_periods)
    ]
