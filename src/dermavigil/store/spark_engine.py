"""Spark backend of :class:`~dermavigil.store.engine.Engine` (``pyspark``, local or cluster).

Parquet datasets become temporary views (``spark.read.parquet``); Arrow tables
are handed over with Arrow enabled; results come back with ``DataFrame.toArrow``.
The session is created once per process by ``SparkSession.builder.getOrCreate``
from :func:`session_conf`: the master URL (``local[*]`` by default, or an existing
cluster such as ``spark://host:7077``), driver and executor memory, shuffle
partitions and any other ``spark.*`` setting -- from the settings
(``DERMAVIGIL_SPARK_*``) and ``dermavigil signals --spark-conf KEY=VALUE``. Memory
settings of the driver only take effect when the session (its JVM) starts.
Tests use ``local[1]`` with few shuffle partitions and no UI.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
from pyspark.sql import SparkSession

from dermavigil.store.engine import BaseEngine


def session_conf(
    master: str | None = None,
    shuffle_partitions: int | None = None,
    driver_memory: str | None = None,
    executor_memory: str | None = None,
    conf: dict[str, str] | None = None,
) -> dict[str, str]:
    """Every setting the session is built with; later sources win: defaults, the
    ``SPARK_MASTER`` environment variable, ``conf`` (settings and ``--spark-conf``), then
    the explicit arguments."""
    result = {
        "spark.master": os.environ.get("SPARK_MASTER", "local[*]"),
        "spark.app.name": "dermavigil",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.session.timeZone": "UTC",
    }
    result.update(conf or {})
    explicit = {
        "spark.master": master,
        "spark.sql.shuffle.partitions": shuffle_partitions,
        "spark.driver.memory": driver_memory,
        "spark.executor.memory": executor_memory,
    }
    result.update({k: str(v) for k, v in explicit.items() if v is not None})
    return result


class SparkEngine(BaseEngine):
    """A Spark session (``master`` defaults to ``local[*]``); see :func:`session_conf`."""

    name = "spark"

    def __init__(
        self,
        master: str | None = None,
        shuffle_partitions: int | None = None,
        driver_memory: str | None = None,
        session: SparkSession | None = None,
        executor_memory: str | None = None,
        conf: dict[str, str] | None = None,
    ) -> None:
        if session is None:
            settings = session_conf(
                master, shuffle_partitions, driver_memory, executor_memory, conf
            )
            builder = SparkSession.builder.master(settings.pop("spark.master"))
            for key, value in settings.items():
                builder = builder.config(key, value)
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
