"""The ``Engine`` contract and the factory that finds a backend by name.

An engine is the small thing the signal code needs from a SQL backend
(after httpx's one-method transport and splink's ``DatabaseAPI``): register a
Parquet dataset or an Arrow table under a name, run one SQL statement, get
Arrow back. :class:`BaseEngine` owns logging, timing and error wrapping; a
backend fills in four ``_`` methods (see ``duckdb_engine.py``,
``spark_engine.py``). Backends are imported lazily (as ibis does), so a missing
optional dependency is reported with an install hint only when asked for.
"""

from __future__ import annotations

import importlib
import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyarrow as pa

from dermavigil.errors import EngineError, InputError

log = logging.getLogger(__name__)


@runtime_checkable
class Engine(Protocol):
    """What the signal code needs from a SQL backend."""

    name: str

    def register_parquet(self, table: str, files: list[Path], schema: pa.Schema) -> None:
        """Expose ``files`` (one schema) as ``table``; empty ``files`` gives an empty table."""

    def register_arrow(self, table: str, data: pa.Table) -> None:
        """Expose an in-memory Arrow table as ``table``."""

    def sql(self, query: str) -> pa.Table:
        """Run one SELECT and return its result as Arrow."""

    def close(self) -> None:
        """Release the backend's resources."""


class BaseEngine(ABC):
    """Shared behaviour of every backend: logging, timing, error wrapping."""

    name = "base"

    def register_parquet(self, table: str, files: list[Path], schema: pa.Schema) -> None:
        if not files:
            self.register_arrow(table, schema.empty_table())
            return
        self._guard(f"registering {table}", self._register_parquet, table, files)

    def register_arrow(self, table: str, data: pa.Table) -> None:
        self._guard(f"registering {table}", self._register_arrow, table, data)

    def sql(self, query: str) -> pa.Table:
        started = time.perf_counter()
        result: pa.Table = self._guard("running SQL", self._sql, query)
        log.debug(
            "%s: %d rows in %.3f s", self.name, result.num_rows, time.perf_counter() - started
        )
        return result

    def close(self) -> None:
        try:
            self._close()
        finally:
            for release in reversed(getattr(self, "_on_close", [])):
                release()
            self._on_close: list[Callable[[], None]] = []

    def hold_until_close(self, release: Callable[[], None]) -> None:
        """Call ``release`` when the engine is closed (a store snapshot's leases: the
        registered views read their files until then)."""
        self._on_close = [*getattr(self, "_on_close", []), release]

    def __enter__(self) -> BaseEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _guard(self, what: str, fn, *args):  # type: ignore[no-untyped-def]
        try:
            return fn(*args)
        except EngineError:
            raise
        except Exception as exc:  # backend errors differ per engine; wrap them once here
            raise EngineError(f"{self.name} engine failed while {what}: {exc}") from exc

    @abstractmethod
    def _register_parquet(self, table: str, files: list[Path]) -> None: ...

    @abstractmethod
    def _register_arrow(self, table: str, data: pa.Table) -> None: ...

    @abstractmethod
    def _sql(self, query: str) -> pa.Table: ...

    @abstractmethod
    def _close(self) -> None: ...


# name -> (module, class, pip extra that provides its dependency, import probe)
_BACKENDS: dict[str, tuple[str, str, str | None, str]] = {
    "duckdb": ("dermavigil.store.duckdb_engine", "DuckDBEngine", None, "duckdb"),
    "spark": ("dermavigil.store.spark_engine", "SparkEngine", "spark", "pyspark"),
}

ENGINE_NAMES = tuple(_BACKENDS)


def open_engine(name: str = "duckdb", **options: object) -> Engine:
    """Open the backend called ``name`` (``duckdb`` or ``spark``).

    ``options`` go to the backend's constructor (e.g. ``threads`` for DuckDB,
    ``master`` for Spark). Raises :class:`InputError` for an unknown name and
    :class:`EngineError` with an install hint when the backend's package is missing.
    """
    key = name.lower()
    if key not in _BACKENDS:
        raise InputError(f"unknown engine {name!r}; choose one of {', '.join(ENGINE_NAMES)}")
    module_name, class_name, extra, probe = _BACKENDS[key]
    try:
        importlib.import_module(probe)
    except ModuleNotFoundError as exc:
        hint = f"pip install 'dermavigil[{extra}]'" if extra else f"pip install {probe}"
        raise EngineError(f"the {key} engine needs the {probe} package: {hint}") from exc
    module = importlib.import_module(module_name)
    engine: Engine = getattr(module, class_name)(**options)
    return engine
