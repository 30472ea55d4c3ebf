"""On-disk layout of the analytic store, and its atomic per-source writer.

The store is a folder (``settings.store_dir``)::

    store_dir/
      sources/<source>/CURRENT              name of the live generation (e.g. "gen-000003")
      sources/<source>/gen-000003/reports/part-00000.parquet
      sources/<source>/gen-000003/report_products/part-00000.parquet
      sources/<source>/gen-000003/report_reactions/part-00000.parquet
      sources/<source>/gen-000003/rows.json   rows written per table (``store check``)
      locks/<source>.lock                   one writer per source (:mod:`dermavigil.store.lock`)

Each source (``faers``, ``vaers``, ``caers``, ``openfda``, ``registry``, or a
name given to a long-format file) is replaced as a whole: a writer streams
record batches into a new generation folder and, only when every table is
written, switches ``CURRENT`` with an atomic ``os.replace``. A failed or
interrupted write leaves the previous generation live (the unfinished
folder is removed on the way out; one left by ``kill -9`` is removed by
``dermavigil store gc``). Old generations are removed after the switch, except one a
reader still holds (:mod:`dermavigil.store.snapshot`: a reader resolves every source's
generation once and leases it), which the next writer or ``store gc`` removes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pyarrow as pa
import pyarrow.parquet as pq

from dermavigil.errors import InputError
from dermavigil.store.schema import TABLES

ROWS_FILE = "rows.json"
"""Rows written per table, beside the tables of a generation (``store check`` compares)."""
_SOURCE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def _check_source(source: str) -> None:
    if not _SOURCE_NAME.match(source):
        raise InputError(
            f"invalid source name {source!r}: use lower-case letters, digits and '_', "
            "starting with a letter (at most 40 characters)"
        )


def source_root(store_dir: Path, source: str) -> Path:
    _check_source(source)
    return store_dir / "sources" / source


def sources(store_dir: Path) -> list[str]:
    """Sources that have a live generation, sorted by name."""
    root = store_dir / "sources"
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / "CURRENT").is_file())


def current_generation(store_dir: Path, source: str) -> Path | None:
    pointer = source_root(store_dir, source) / "CURRENT"
    if not pointer.is_file():
        return None
    return pointer.parent / pointer.read_text(encoding="utf-8").strip()


def table_files(store_dir: Path, table: str, only: list[str] | None = None) -> list[Path]:
    """Parquet files of ``table`` across the live generation of every source (or ``only``)."""
    if table not in TABLES:
        raise InputError(f"unknown store table {table!r}; known: {', '.join(TABLES)}")
    files: list[Path] = []
    for source in only if only is not None else sources(store_dir):
        gen = current_generation(store_dir, source)
        if gen is not None:
            files.extend(sorted((gen / table).glob("*.parquet")))
    return files


def read_table(store_dir: Path, table: str, only: list[str] | None = None) -> pa.Table:
    """The whole table as Arrow (empty with the schema when nothing is stored)."""
    files = table_files(store_dir, table, only)
    if not files:
        return TABLES[table].empty_table()
    return pa.concat_tables(pq.read_table(f, schema=TABLES[table]) for f in files)


class SourceWriter:
    """Write one source's three tables as a new generation; commit atomically.

    Use as a context manager: the generation goes live on a clean exit and is
    discarded if the block raises::

        with SourceWriter(store_dir, "vaers") as w:
            for reports, products, reactions in batches:
                w.write("reports", reports)
                ...
    """

    def __init__(self, store_dir: Path, source: str) -> None:
        self.store_dir = store_dir
        self.source = source
        self.root = source_root(store_dir, source)
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._rows: dict[str, int] = dict.fromkeys(TABLES, 0)
        self.generation: Path | None = None

    def __enter__(self) -> SourceWriter:
        self.root.mkdir(parents=True, exist_ok=True)
        numbers = [
            int(p.name.split("-")[1]) for p in self.root.glob("gen-*") if p.name[4:].isdigit()
        ]
        self.generation = self.root / f"gen-{max(numbers, default=0) + 1:06d}"
        self.generation.mkdir()
        return self

    def write(self, table: str, data: pa.Table | pa.RecordBatch) -> None:
        """Append rows to ``table``; columns are cast to the store schema."""
        if self.generation is None:
            raise RuntimeError("SourceWriter used outside its 'with' block")
        schema = TABLES[table]
        if isinstance(data, pa.RecordBatch):
            data = pa.Table.from_batches([data])
        missing = [n for n in schema.names if n not in data.column_names]
        required = [n for n in missing if not schema.field(n).nullable]
        if required:
            raise InputError(f"{table}: missing columns {', '.join(required)}")
        for name in missing:  # a nullable column the writer does not know: all null
            data = data.append_column(
                schema.field(name), pa.nulls(data.num_rows, schema.field(name).type)
            )
        data = data.select(schema.names).cast(schema)
        writer = self._writers.get(table)
        if writer is None:
            (self.generation / table).mkdir()
            writer = pq.ParquetWriter(self.generation / table / "part-00000.parquet", schema)
            self._writers[table] = writer
        writer.write_table(data)
        self._rows[table] += data.num_rows

    @property
    def rows_written(self) -> dict[str, int]:
        return dict(self._rows)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.generation is not None
        try:
            self._close_writers()
            if exc_type is None:
                self._switch()
        except BaseException:
            self._discard()
            raise
        if exc_type is not None:
            self._discard()
            return
        from dermavigil.store.snapshot import remove_generation

        for old in _stale_generations(self.root, keep=self.generation.name):
            remove_generation(old)  # left while a reader holds it (store/snapshot.py)

    def _close_writers(self) -> None:
        """Close every table's writer (a full disk may fail here: flush on close)."""
        first: BaseException | None = None
        for writer in self._writers.values():
            try:
                writer.close()
            except BaseException as exc:  # close the others, then raise the first
                first = first or exc
        self._writers.clear()
        if first is not None:
            raise first

    def _switch(self) -> None:
        assert self.generation is not None
        for table, schema in TABLES.items():  # every table exists, even if empty
            if not (self.generation / table).is_dir():
                (self.generation / table).mkdir()
                pq.write_table(schema.empty_table(), self.generation / table / "part-00000.parquet")
        (self.generation / ROWS_FILE).write_text(json.dumps(self._rows), encoding="utf-8")
        (self.generation / "READERS").touch()  # readers' leases (store/snapshot.py)
        tmp_pointer = self.root / "CURRENT.tmp"
        tmp_pointer.write_text(self.generation.name, encoding="utf-8")
        with open(tmp_pointer, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_pointer, self.root / "CURRENT")

    def _discard(self) -> None:
        """Remove the unfinished generation (the live one is untouched)."""
        assert self.generation is not None
        shutil.rmtree(self.generation, ignore_errors=True)
        (self.root / "CURRENT.tmp").unlink(missing_ok=True)


def _stale_generations(root: Path, keep: str) -> Iterator[Path]:
    for p in root.glob("gen-*"):
        if p.name != keep:
            yield p


def drop_source(store_dir: Path, source: str) -> None:
    """Remove a source from the store (its pointer first, then its files)."""
    root = source_root(store_dir, source)
    pointer = root / "CURRENT"
    if pointer.exists():
        pointer.unlink()
    shutil.rmtree(root, ignore_errors=True)
