"""Spark backend of :class:`~dermavigil.store.engine.Engine` (``pyspark``, local or cluster).

Parquet datasets become temporary views (``spark.read.parquet``); Arrow tables
are handed over with Arrow enabled; results come back with ``DataFrame.toArrow``.
The session is created once per process by ``SparkSession.builder.getOrCreate``;
tests use ``local[1]`` with few shuffle partitions and no UI.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
from pyspark.sql import SparkSession

from dermavigil.store.engine import BaseEngine


class SparkEngine(BaseEngine):
    """A Spark session (``master`` defaults to ``local[*]``)."""

    name = "spark"

    def __init__(
        self,
        master: str | None = None,
        shuffle_partitions: int | None = None,
        driver_memory: str | None = None,
        session: SparkSession | None = None,
    ) -> None:
        if session is None:
            builder = (
                SparkSession.builder.master(master or os.environ.get("SPARK_MASTER", "local[*]"))
                .appName("dermavigil")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
            )
            if shuffle_partitions is not None:
                builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
            if driver_memory is not None:
                builder = builder.config("spark.driver.memory", driver_memory)
            session = builder.getOrCreate()
        self.spark = session
        self._views: list[str] = []

    def _register_parquet(self, table: str, files: list[Path]) -> None:
        frame = self.spark.read.option("mergeSchema", "true").parquet(*(str(f) for f in files))
        frame.createOrReplaceTempView(table)
        self._views.append(table)

    def _register_arrow(self, table: str, data: pa.Table) -> None:
        frame = self.spark.createDataFrame(data)
        frame.createOrReplaceTempView(table)
        self._views.append(table)

    def _sql(self, query: str) -> pa.Table:
        return self.spark.sql(query).toArrow()

    def _close(self) -> None:
        """Drop this engine's views; the shared session stays for reuse."""
        for view in self._views:
            self.spark.catalog.dropTempView(view)
        self._views.clear()
