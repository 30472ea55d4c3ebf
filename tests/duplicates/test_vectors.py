"""The levels of sampled pairs counted from their comparison vectors alone
(``duplicates.vectors``, issue 16, twenty-third session) are the levels a splink
``predict`` of the same pairs gives, comparison by comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from splink import DuckDBAPI, Linker

from dermavigil.duplicates import vectors
from dermavigil.duplicates.detect import feature_table
from dermavigil.duplicates.engine import PairEngine
from dermavigil.duplicates.model import level_labels, settings
from dermavigil.duplicates.vectors import level_shares

from .near_copies import registry_with_near_copies

PAIRS = "SELECT '0' AS match_key, l.unique_id AS join_key_l, r.unique_id AS join_key_r FROM cases l JOIN cases r ON l.unique_id < r.unique_id"  # noqa: E501


def _predicted_shares(table, pairs_sql: str) -> dict[str, dict[str, float]]:
    """Each comparison's level shares among the pairs, from splink's own prediction."""
    db_api = DuckDBAPI()
    records = db_api.register(table, table_name="cases")
    db_api.duckdb_con.execute(f"CREATE TABLE pairs AS {pairs_sql}")
    linker = Linker(records, settings(table.num_rows), log_level=None)
    pairs = db_api.table_to_splink_dataframe("__splink__blocked_id_pairs", "pairs")
    linker.table_management.register_blocked_pairs_for_predict(pairs)
    scored = linker.inference.predict(warning_mode="never").physical_name
    labels = level_labels()
    out = {}
    for name in labels:
        counts = dict(
            db_api.duckdb_con.execute(
                f"SELECT gamma_{name}, count(*) FROM {scored} WHERE gamma_{name} >= 0 GROUP BY 1"
            ).fetchall()
        )
        total = sum(counts.values())
        if total:
            out[name] = {labels[name][v]: c / total for v, c in counts.items()}
    return out


def test_levels_counted_without_a_predict_are_splinks(shared_data: Path) -> None:
    table = feature_table(registry_with_near_copies(shared_data, limit=40))
    table = table.take(list(range(0, table.num_rows, 2)))  # 171 records: 14,535 pairs
    expected = _predicted_shares(table, PAIRS)
    db_api = DuckDBAPI()
    records = db_api.register(table, table_name="cases")
    got, pairs = level_shares(
        records, settings(table.num_rows), PairEngine(db_api, "duckdb"), PAIRS, list(level_labels())
    )
    assert pairs == table.num_rows * (table.num_rows - 1) // 2
    assert got.keys() == expected.keys()
    # the pool reaches several levels of most comparisons, so the test can fail
    assert sum(len(levels) > 1 for levels in got.values()) >= 10
    for name, levels in expected.items():
        assert got[name].keys() == levels.keys(), name
        for label, share in levels.items():
            assert got[name][label] == pytest.approx(share, abs=1e-12), (name, label)


def test_too_few_pairs_give_no_shares(shared_data: Path) -> None:
    table = feature_table(registry_with_near_copies(shared_data, limit=5)[:30])
    db_api = DuckDBAPI()
    records = db_api.register(table, table_name="cases")
    engine = PairEngine(db_api, "duckdb")
    got, pairs = level_shares(records, settings(table.num_rows), engine, PAIRS, ["sex"])
    assert (got, pairs) == ({}, 435)
    assert pairs < vectors.MIN_PAIRS
