"""End to end on Spark: ``dermavigil import caers`` into a store, ``signals`` on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest
from typer.testing import CliRunner

from dermavigil.cli.app import app
from dermavigil.store.engine import open_engine

runner = CliRunner()


@pytest.fixture(scope="module")
def local_spark() -> Iterator[None]:
    """A small local session first, so the CLI's ``getOrCreate`` reuses it (one JVM per
    process, as the session fixture of ``tests/store/test_engines.py`` makes it)."""
    pytest.importorskip("pyspark")
    engine = open_engine("spark", master="local[1]", shuffle_partitions=2, driver_memory="1g")
    yield
    engine.close()


def _signals(engine: str, out: Path) -> pa.Table:
    args = ["signals", "--by", "product,reaction", "--engine", engine, "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return pacsv.read_csv(out).sort_by([("product", "ascending"), ("reaction", "ascending")])


@pytest.mark.spark
@pytest.mark.slow
def test_caers_store_gives_the_same_signals_on_spark_and_duckdb(
    local_spark: None, caers_csv: Path, dv_home: Path, tmp_path: Path
) -> None:
    imported = runner.invoke(app, ["import", "caers", str(caers_csv)])
    assert imported.exit_code == 0, imported.output
    duck = _signals("duckdb", tmp_path / "duckdb.csv")
    spark = _signals("spark", tmp_path / "spark.csv")
    assert duck.num_rows > 10_000
    assert spark.column_names == duck.column_names
    for key in ("product", "reaction"):
        assert spark[key].to_pylist() == duck[key].to_pylist()
    assert np.array_equal(spark["n"].to_numpy(), duck["n"].to_numpy())
    for column in ("expected", "ebgm", "eb05", "eb95", "prr", "ic"):
        np.testing.assert_allclose(spark[column].to_numpy(), duck[column].to_numpy(), rtol=1e-9)
    prior = (tmp_path / "spark.prior.json").read_text()
    assert prior == (tmp_path / "duckdb.prior.json").read_text()
