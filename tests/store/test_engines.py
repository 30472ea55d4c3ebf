"""Engines: the factory, error wrapping, the store catalog, and DuckDB == Spark counts."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from dermavigil.errors import EngineError, InputError
from dermavigil.signals.counts import counts_sql, margins_sql, store_sources
from dermavigil.signals.detect import count
from dermavigil.signals.report_sets import report_sets_sql
from dermavigil.signals.synthetic import SyntheticSpec, write_store
from dermavigil.signals.trend_counts import trend_sql
from dermavigil.store.catalog import register_store
from dermavigil.store.engine import Engine, open_engine
from dermavigil.store.layout import read_table


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("engines")
    write_store(
        root,
        SyntheticSpec(n_reports=1500, n_products=60, n_reactions=40, n_signals=5, seed=3),
        "one",
    )
    write_store(
        root,
        SyntheticSpec(n_reports=700, n_products=60, n_reactions=40, n_signals=5, seed=4),
        "two",
    )
    return root


def test_factory_rejects_unknown_engine() -> None:
    with pytest.raises(InputError, match="unknown engine"):
        open_engine("oracle")


def test_missing_backend_gives_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(EngineError, match=r"pip install 'dermavigil\[spark\]'"):
        open_engine("spark")


def test_duckdb_wraps_sql_errors_and_satisfies_the_protocol() -> None:
    with open_engine("duckdb") as engine:
        assert isinstance(engine, Engine)
        engine.register_arrow("t", pa.table({"x": [1, 2, 3]}))
        assert engine.sql("SELECT SUM(x) AS s FROM t")["s"].to_pylist() == [6]
        with pytest.raises(EngineError, match="duckdb engine failed"):
            engine.sql("SELECT nope FROM t")


def test_catalog_unions_sources(store: Path) -> None:
    with open_engine("duckdb") as engine:
        assert register_store(engine, store) == ["one", "two"]
        got = engine.sql("SELECT source, COUNT(*) AS n FROM reports GROUP BY source ORDER BY 1")
        assert got.to_pylist() == [{"source": "one", "n": 1500}, {"source": "two", "n": 700}]
        assert register_store(engine, store, ["two"]) == ["two"]
        rows = engine.sql("SELECT COUNT(*) AS n FROM report_products")["n"][0].as_py()
        assert rows == read_table(store, "report_products", ["two"]).num_rows


def test_catalog_rejects_an_empty_store(tmp_path: Path) -> None:
    with open_engine("duckdb") as engine, pytest.raises(InputError, match="is empty"):
        register_store(engine, tmp_path)


@pytest.fixture(scope="session")
def spark() -> Iterator[Engine]:
    """One local Spark session for the whole test session: one core, few partitions, no UI."""
    pytest.importorskip("pyspark")
    engine = open_engine("spark", master="local[1]", shuffle_partitions=2, driver_memory="1g")
    yield engine
    engine.spark.stop()  # type: ignore[attr-defined]


def _sorted(table: pa.Table, keys: list[str]) -> list[dict]:
    return sorted(table.to_pylist(), key=lambda r: tuple(r[k] for k in keys))


@pytest.mark.spark
@pytest.mark.parametrize(
    ("by", "strata"),
    [
        (("product", "reaction"), ()),
        (("category", "route", "reaction"), ("sex", "age_band", "year")),
    ],
)
def test_duckdb_and_spark_count_identically(store: Path, spark: Engine, by, strata) -> None:
    sources = store_sources(by, strata)
    queries = [(counts_sql(sources), list(by))]
    if strata:
        queries.append((margins_sql(sources), ["side", "id", "si"]))
    with open_engine("duckdb") as duck:
        register_store(duck, store)
        expected = [_sorted(duck.sql(sql), keys) for sql, keys in queries]
    register_store(spark, store)
    got = [_sorted(spark.sql(sql), keys) for sql, keys in queries]
    assert all(len(rows) > 0 for rows in got)
    assert got == expected


@pytest.mark.spark
@pytest.mark.parametrize(
    ("by", "strata", "min_count"),
    [
        (("product", "reaction"), (), 1),
        (("product", "reaction"), ("sex",), 3),
        (("category", "route", "reaction"), ("sex", "age_band", "year"), 1),
    ],
)
def test_spark_counts_from_report_sets_as_duckdb_does(
    store: Path, spark: Engine, by, strata, min_count
) -> None:
    """What a signal run counts on Spark (per-report key sets, ``signals.report_sets``)
    equals DuckDB's ``counts_sql`` and ``margins_sql``, key ids included."""
    sources = store_sources(by, strata)
    with open_engine("duckdb") as duck:
        register_store(duck, store)
        expected_counts = duck.sql(counts_sql(sources, min_count))
        expected_margins = duck.sql(margins_sql(sources)) if strata else None
    register_store(spark, store)
    counts, margins = count(spark, sources, min_count)
    assert counts.num_rows > 0 and counts.schema == expected_counts.schema
    assert _sorted(counts, list(by)) == _sorted(expected_counts, list(by))
    if strata:
        keys = ["side", "id", "si"]
        assert margins is not None and _sorted(margins, keys) == _sorted(expected_margins, keys)
    else:
        assert margins is None


@pytest.mark.spark
@pytest.mark.parametrize("strata", [(), ("sex", "age_band", "year")])
def test_spark_count_scans_and_shuffles_each_table_once(store: Path, spark: Engine, strata) -> None:
    """The physical plan (as planned: adaptive execution off) reads each table once and
    shuffles it once by report; one more shuffle aggregates the items; nothing is
    broadcast or shuffled twice."""
    register_store(spark, store)
    session = spark.spark  # type: ignore[attr-defined]
    session.conf.set("spark.sql.adaptive.enabled", "false")
    try:
        query = report_sets_sql(store_sources(("product", "reaction"), strata))
        plan = session.sql(query)._jdf.queryExecution().executedPlan().toString()
    finally:
        session.conf.set("spark.sql.adaptive.enabled", "true")
    lines = plan.splitlines()
    scans = [line for line in lines if "FileScan" in line]
    products = [line for line in scans if "product_key#" in line]
    reactions = [line for line in scans if "term_key#" in line]
    assert len(products) == len(reactions) == 1, plan
    assert len(scans) == 2 + bool(strata), plan  # and ``reports`` once with strata
    shuffles = [line for line in lines if "Exchange hashpartitioning" in line]
    by_report = [line for line in shuffles if "(src#" in line]
    assert len(by_report) == len(scans) and len(shuffles) == len(scans) + 1, plan
    assert "BroadcastExchange" not in plan and "ReusedExchange" not in plan


@pytest.mark.spark
def test_duckdb_and_spark_count_trend_increments_identically(store: Path, spark: Engine) -> None:
    sql = trend_sql(store_sources(("product", "reaction")), "quarter")
    keys = ["kind", "d0", "e0", "p"]

    def rows(table: pa.Table) -> list[dict]:
        return sorted(table.to_pylist(), key=lambda r: tuple(str(r[k]) for k in keys))

    with open_engine("duckdb") as duck:
        register_store(duck, store)
        expected = rows(duck.sql(sql))
    register_store(spark, store)
    got = rows(spark.sql(sql))
    assert {r["kind"] for r in got} >= {"p", "d", "e", "t"}
    assert got == expected
