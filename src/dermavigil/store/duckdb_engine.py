"""DuckDB backend of :class:`~dermavigil.store.engine.Engine` (the embedded default).

Parquet datasets become views over ``read_parquet`` (nothing is copied), Arrow
tables are registered zero-copy, and results come back with ``to_arrow_table``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from dermavigil.store.engine import BaseEngine


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class DuckDBEngine(BaseEngine):
    """An in-process DuckDB connection (in memory unless ``database`` is a file)."""

    name = "duckdb"

    def __init__(
        self,
        database: str = ":memory:",
        threads: int | None = None,
        memory_limit: str | None = None,
    ) -> None:
        self._con = duckdb.connect(database)
        if threads is not None:
            self._con.execute(f"SET threads = {int(threads)}")
        if memory_limit is not None:
            self._con.execute(f"SET memory_limit = {_quote_literal(memory_limit)}")
        self._con.execute("SET preserve_insertion_order = false")
        self._pinned: dict[str, pa.Table] = {}

    def _register_parquet(self, table: str, files: list[Path]) -> None:
        listing = ", ".join(_quote_literal(str(f)) for f in files)
        view = _quote_ident(table)
        self._con.execute(
            f"CREATE OR REPLACE VIEW {view} AS "
            f"SELECT * FROM read_parquet([{listing}], union_by_name = true)"
        )

    def _register_arrow(self, table: str, data: pa.Table) -> None:
        self._con.execute(f"DROP VIEW IF EXISTS {_quote_ident(table)}")
        self._pinned[table] = data  # DuckDB scans it lazily: keep it alive
        self._con.register(table, data)

    def _sql(self, query: str) -> pa.Table:
        return self._con.sql(query).to_arrow_table()

    def _close(self) -> None:
        self._con.close()
        self._pinned.clear()
