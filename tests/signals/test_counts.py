"""The count SQL against an independent pure-Python count over the same store."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pytest

from dermavigil.errors import InputError
from dermavigil.signals.counts import counts_sql, margins_sql, store_sources
from dermavigil.signals.stats import expected_counts
from dermavigil.store.catalog import register_store
from dermavigil.store.engine import open_engine
from dermavigil.store.layout import read_table

DRUG_COLS = {"product": "product_key", "category": "category", "route": "route"}


def _age_band(age: float | None) -> str | None:
    if age is None or math.isnan(age):
        return None
    return "<18" if age < 18 else "18-44" if age < 45 else "45-64" if age < 65 else "65+"


def brute_force(store: Path, by: tuple[str, ...], strata: tuple[str, ...], suspect_only: bool):
    """a, b, c, d and the stratified expected count, by sets and loops."""
    drug_dims = [d for d in by if d in DRUG_COLS]
    drugs: dict[tuple, set] = defaultdict(set)
    for row in read_table(store, "report_products").to_pylist():
        if suspect_only and row["role"] not in ("suspect", "interacting"):
            continue
        key = tuple(row[DRUG_COLS[d]] for d in drug_dims)
        if None not in key:
            drugs[(row["source"], row["report_id"])].add(key)
    events: dict[tuple, set] = defaultdict(set)
    for row in read_table(store, "report_reactions").to_pylist():
        events[(row["source"], row["report_id"])].add(row["term_key"])
    stratum: dict[tuple, tuple] = {}
    for row in read_table(store, "reports").to_pylist():
        values = {
            "sex": row["sex"],
            "age_band": _age_band(row["age_years"]),
            "year": str(row["received_date"].year) if row["received_date"] else None,
            "source": row["source"],
        }
        stratum[(row["source"], row["report_id"])] = tuple(
            values[s] if values[s] is not None else "(missing)" for s in strata
        )
    universe = [r for r in drugs if r in events]
    nd, ne, nt, pairs = Counter(), Counter(), Counter(), Counter()
    for r in universe:
        s = stratum.get(r, ("(missing)",) * len(strata))
        nt[s] += 1
        for i in drugs[r]:
            nd[i, s] += 1
            for j in events[r]:
                pairs[i, j] += 1
        for j in events[r]:
            ne[j, s] += 1
    total = len(universe)
    strata_seen = list(nt)
    out = {}
    for (i, j), a in pairs.items():
        n_drug = sum(nd[i, s] for s in strata_seen)
        n_event = sum(ne[j, s] for s in strata_seen)
        e = sum(nd[i, s] * ne[j, s] / nt[s] for s in strata_seen)
        out[(*i, j)] = (a, n_drug - a, n_event - a, total - n_drug - n_event + a, e)
    return out


CASES = [
    (("product", "reaction"), (), True),
    (("product", "reaction"), ("sex", "age_band", "year"), True),
    (("product", "route", "reaction"), ("source",), False),
    (("category", "reaction"), ("sex",), True),
]


@pytest.mark.parametrize(("by", "strata", "suspect_only"), CASES)
def test_counts_match_brute_force(synthetic_store: Path, by, strata, suspect_only) -> None:
    expected = brute_force(synthetic_store, by, strata, suspect_only)
    sources = store_sources(by, strata, suspect_only)
    with open_engine("duckdb") as engine:
        register_store(engine, synthetic_store)
        counts = engine.sql(counts_sql(sources))
        margins = None
        if strata:
            margins = {
                k: np.asarray(v) for k, v in engine.sql(margins_sql(sources)).to_pydict().items()
            }
    got_e = expected_counts(
        counts["n_drug"].to_numpy(),
        counts["n_event"].to_numpy(),
        counts["n_total"][0].as_py(),
        counts["di"].to_numpy(),
        counts["ej"].to_numpy(),
        margins,
    )
    assert counts.num_rows == len(expected)
    for row, e_got in zip(counts.to_pylist(), got_e, strict=True):
        key = tuple(row[d] for d in by)
        a, b, c, d, e = expected[key]
        assert (row["n"], row["b"], row["c"], row["d"]) == (a, b, c, d)
        assert e_got == pytest.approx(e, rel=1e-12)


def test_min_count_filters_pairs(synthetic_store: Path) -> None:
    src = store_sources(("product", "reaction"))
    with open_engine("duckdb") as engine:
        register_store(engine, synthetic_store)
        all_pairs = engine.sql(counts_sql(src, 1))
        kept = engine.sql(counts_sql(src, 3))
    assert min(kept["n"].to_pylist()) >= 3
    assert kept.num_rows == sum(n >= 3 for n in all_pairs["n"].to_pylist())


def test_bad_dimensions_are_clear_errors() -> None:
    with pytest.raises(InputError, match="reaction-side"):
        store_sources(("product", "route"))
    with pytest.raises(InputError, match="unknown --by"):
        store_sources(("product", "colour"))
    with pytest.raises(InputError, match="unknown --strata"):
        store_sources(("product", "reaction"), ("weather",))
    with pytest.raises(InputError, match="at least 1"):
        counts_sql(store_sources(("product", "reaction")), 0)
    with pytest.raises(InputError, match="at least one stratum"):
        margins_sql(store_sources(("product", "reaction")))
