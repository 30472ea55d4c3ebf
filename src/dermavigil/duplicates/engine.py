"""The engine a duplicate run speaks to: splink's database API and the run's own SQL on it.

splink 5 runs its linker on a ``DatabaseAPI`` (``DuckDBAPI``, ``SparkAPI``); the run's own
queries (blocking, the samples of pairs, the comparison vectors, the weighing:
:mod:`~dermavigil.duplicates.meta_blocking`, :mod:`~dermavigil.duplicates.chance`,
:mod:`~dermavigil.duplicates.vectors`, :mod:`~dermavigil.duplicates.detect`) go through
:class:`PairEngine` on the same backend, written once in DuckDB's dialect and translated
for Spark (:mod:`~dermavigil.duplicates.dialects`). The engine is chosen as the signals
choose theirs (``DERMAVIGIL_ENGINE``, ``--engine``; :func:`open_pair_engine`).

A table made by :meth:`PairEngine.create` is materialised (DuckDB: a table; Spark: Parquet
files under the run's work folder, read back as a temporary view, as splink's
``break_lineage_method="parquet"`` does), so that a query reading it twice computes it
once, as DuckDB's tables are. (Spark's local checkpoint failed on the blocking's numbered
records: ``key not found`` in Spark 4.3's statistics rewrite; persisted views held every
table in the driver's memory, and 1,000 records' blocking ran 3 times as long.)
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dermavigil.duplicates.dialects import DRAW_EXPRESSIONS, DRAW_MACRO, Dialect, translate
from dermavigil.errors import InputError

MEMORY_LIMIT = "3GB"
"""DuckDB's memory limit for a duplicate run (``DERMAVIGIL_DUPLICATES_MEMORY_LIMIT``
overrides it); beyond it DuckDB spills to a temporary directory. Without a limit DuckDB
takes up to 80% of the machine's memory, which a shared machine cannot give."""


def duckdb_config(spill_dir: str | None = None) -> dict[str, str]:
    """The DuckDB settings of a duplicate run: a memory limit and where to spill."""
    return {
        "memory_limit": os.environ.get("DERMAVIGIL_DUPLICATES_MEMORY_LIMIT", MEMORY_LIMIT),
        # DuckDB's default is ./.tmp under the working directory
        "temp_directory": spill_dir or os.path.join(tempfile.gettempdir(), "dermavigil-duckdb"),
    }


class PairEngine:
    """splink's ``db_api`` and the run's SQL (DuckDB's dialect) on its backend."""

    def __init__(self, db_api: Any, dialect: Dialect, work_dir: str | None = None) -> None:
        self.db_api = db_api
        self.dialect: Dialect = dialect
        self.work_dir = work_dir or tempfile.gettempdir()
        self._frames: dict[str, Any] = {}
        self._inputs: set[str] = set()
        if dialect == "duckdb":  # the function every sample is drawn by (Spark: translated)
            db_api.duckdb_con.execute(DRAW_MACRO)

    @property
    def _spark(self) -> Any:
        return self.db_api.spark

    def _frame(self, query: str) -> Any:
        return self._spark.sql(translate(query, "spark"))

    def sql(self, query: str) -> pa.Table:
        """The result of one SELECT as Arrow."""
        if self.dialect == "duckdb":
            return self.db_api.duckdb_con.sql(query).to_arrow_table()
        return self._frame(query).toArrow()

    def rows(self, query: str) -> list[tuple[Any, ...]]:
        """The result of one SELECT as tuples."""
        if self.dialect == "duckdb":
            return self.db_api.duckdb_con.execute(query).fetchall()
        return [tuple(row) for row in self._frame(query).collect()]

    def one(self, query: str) -> tuple[Any, ...]:
        """The single row of one SELECT."""
        return self.rows(query)[0]

    def create(self, name: str, query: str, temporary: bool = False) -> None:
        """Make (or replace) the table ``name`` of the SELECT ``query``'s rows (DuckDB: a
        ``temporary`` table, a work table of one step, or a table of the run)."""
        if self.dialect == "duckdb":
            kind = "TEMP TABLE" if temporary else "TABLE"
            self.db_api.duckdb_con.execute(f"CREATE OR REPLACE {kind} {name} AS {query}")
            self._frames[name] = None
            return
        self.drop(name)
        path = os.path.join(self.work_dir, "tables", name)
        self._frame(query).write.mode("overwrite").parquet(path)
        self._spark.read.parquet(path).createOrReplaceTempView(name)
        self._frames[name] = path

    def drop(self, name: str) -> None:
        """Drop the table ``name`` if this engine made it."""
        if name not in self._frames:
            return
        path = self._frames.pop(name)
        if self.dialect == "duckdb":
            self.db_api.duckdb_con.execute(f"DROP TABLE IF EXISTS {name}")
            return
        self._spark.catalog.dropTempView(name)
        shutil.rmtree(path, ignore_errors=True)

    def tables(self, prefix: str) -> list[str]:
        """The tables this engine made whose names start with ``prefix``."""
        return [name for name in self._frames if name.startswith(prefix)]

    def register(self, name: str, table: pa.Table) -> None:
        """Expose the Arrow ``table`` as ``name`` (no copy on DuckDB; on Spark written as
        Parquet by pyarrow and read back: a DataFrame made from Arrow holds its rows in the
        plan, and every task of every query reading it was sent them, 6.9 MB a task for
        10,000 records)."""
        if self.dialect == "duckdb":
            self.db_api.duckdb_con.register(name, table)
            return
        path = os.path.join(self.work_dir, "inputs", name)
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        pq.write_table(table, os.path.join(path, "part-0.parquet"))
        self._spark.read.parquet(path).createOrReplaceTempView(name)
        self._inputs.add(name)

    def unregister(self, name: str) -> None:
        """Forget a table given by :meth:`register`."""
        if self.dialect == "duckdb":
            self.db_api.duckdb_con.unregister(name)
            return
        self._spark.catalog.dropTempView(name)
        shutil.rmtree(os.path.join(self.work_dir, "inputs", name), ignore_errors=True)
        self._inputs.discard(name)

    def splink_input(self, name: str, table: pa.Table) -> Any:
        """The records ``table`` registered with splink's database API as ``name`` (its
        ``SplinkDataFrame``): on Spark, the Parquet view of :meth:`register`."""
        if self.dialect == "duckdb":
            return self.db_api.register(table, table_name=name)
        self.register(f"{name}_input", table)
        return self.db_api.register(self._spark.table(f"{name}_input"), table_name=name)

    def close(self) -> None:
        """Release the backend (DuckDB's connection; Spark's views, the session stays)."""
        if self.dialect == "duckdb":
            self.db_api.duckdb_con.close()
            return
        for name in list(self._frames):
            self.drop(name)
        for name in list(self._inputs):
            self.unregister(name)


_DRAWING = threading.Lock()
_runs_drawing = 0


@contextmanager
def splink_draws() -> Iterator[None]:
    """Within the block, splink's own samples are drawn by :data:`~dermavigil.duplicates.
    dialects.DRAW`, as the run's are: splink 5 draws the records of ``u``'s random pairs
    (``proportion_sample_sql``) and of an EM block larger than its ``max_pairs``
    (``em_sampling``) by its dialect's ``hash_function_expression`` -- DuckDB's ``hash``,
    Spark's ``hash`` -- which is set to ``DRAW``'s expression on both dialects, and put
    back when the last run drawing leaves (runs may overlap in a web server's threads)."""
    from splink.internals.dialects import DuckDBDialect, SparkDialect

    global _runs_drawing
    with _DRAWING:
        if _runs_drawing == 0:
            DuckDBDialect.hash_function_expression = _drawn("duckdb")  # type: ignore[method-assign]
            SparkDialect.hash_function_expression = _drawn("spark")  # type: ignore[method-assign]
        _runs_drawing += 1
    try:
        yield
    finally:
        with _DRAWING:
            _runs_drawing -= 1
            if _runs_drawing == 0:
                for dialect in (DuckDBDialect, SparkDialect):
                    del dialect.hash_function_expression


def _drawn(dialect: Dialect) -> Any:
    """A dialect's ``hash_function_expression``: ``DRAW`` written out in ``dialect``."""

    def drawn(_: Any, col_expression: str) -> str:
        return DRAW_EXPRESSIONS[dialect].format(x=col_expression)

    return drawn


def spark_session(conf: dict[str, str] | None = None) -> Any:
    """The process's Spark session (:class:`~dermavigil.store.spark_engine.SparkEngine`'s
    settings) with splink's jar of similarity functions (``damerau_levenshtein``,
    ``jaro_winkler``), which must be given when the session starts."""
    from splink.backends.spark import similarity_jar_location

    from dermavigil.store.spark_engine import SparkEngine

    return SparkEngine(conf={"spark.jars": similarity_jar_location(), **(conf or {})}).spark


def open_pair_engine(
    name: str, work_dir: str, spark_conf: dict[str, str] | None = None
) -> PairEngine:
    """A :class:`PairEngine` on ``name`` (``duckdb``: a connection spilling to ``work_dir``;
    ``spark``: the process's session, its tables and splink's written as Parquet under
    ``work_dir``)."""
    key = name.lower()
    if key == "duckdb":
        import duckdb
        from splink import DuckDBAPI

        api = DuckDBAPI(connection=duckdb.connect(config=duckdb_config(work_dir)))
        return PairEngine(api, "duckdb")
    if key == "spark":
        from splink.backends.spark import SparkAPI

        session = spark_session(spark_conf)
        session.sparkContext.setCheckpointDir(os.path.join(work_dir, "checkpoints"))
        api = SparkAPI(spark_session=session, break_lineage_method="parquet")
        return PairEngine(api, "spark", work_dir)
    raise InputError(f"unknown engine {name!r}; choose duckdb or spark")
