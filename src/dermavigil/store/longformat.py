"""Load a long-format file (one row per report x product x reaction) for signal detection.

The file is CSV or Parquet; a column spec maps its columns to roles::

    report=id,product=var1,reaction=var2,stratum=strat1[,stratum=strat2]

(the openEBGM ``caers`` shape). The loaded table has the columns ``report_id``,
``product``, ``reaction`` and one column per stratum under its own name, all
strings, and is registered in an engine as :data:`LONG_TABLE`.
"""

from __future__ import annotations

import lzma
import re
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from numpy.typing import NDArray

from dermavigil.errors import InputError, Problem
from dermavigil.store.arrays import to_numpy
from dermavigil.store.engine import Engine
from dermavigil.store.keycodes import ReportCodes, TextCodes, trimmed_text
from dermavigil.store.readahead import SMALL_FILE_BYTES, ReadAhead, decompressed
from dermavigil.store.xzstream import XzReader

LONG_TABLE = "long_items"
ROLES = ("report", "product", "reaction", "stratum")
_REQUIRED = {"report": "report_id", "product": "product", "reaction": "reaction"}
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
_MAX_PROBLEMS = 10


@dataclass(frozen=True)
class ColumnSpec:
    """Which file column plays which role."""

    report: str = "id"
    product: str = "var1"
    reaction: str = "var2"
    strata: tuple[str, ...] = field(default_factory=tuple)


def parse_columns(spec: str | None) -> ColumnSpec:
    """Parse ``report=id,product=var1,reaction=var2,stratum=strat1`` into a :class:`ColumnSpec`.

    Missing roles keep the openEBGM defaults (``id``, ``var1``, ``var2``).
    """
    if not spec:
        return ColumnSpec()
    mapping: dict[str, str] = {}
    strata: list[str] = []
    problems: list[Problem] = []
    for part in spec.split(","):
        role, sep, column = (s.strip() for s in part.partition("="))
        if not sep or not column:
            problems.append(Problem("--columns", f"{part!r} is not role=column", part))
        elif role not in ROLES:
            problems.append(Problem("--columns", f"unknown role {role!r}; use {ROLES}", role))
        elif role == "stratum":
            if not _IDENT.match(column):
                problems.append(
                    Problem("--columns", f"stratum column {column!r} must be an identifier")
                )
            strata.append(column)
        elif role in mapping:
            problems.append(Problem("--columns", f"role {role!r} given twice", role))
        else:
            mapping[role] = column
    if problems:
        raise InputError("invalid --columns specification", problems)
    return ColumnSpec(**mapping, strata=tuple(strata))


def load_long(path: Path, spec: ColumnSpec, ahead: ReadAhead | None = None) -> pa.Table:
    """Read ``path`` and return the long table (``report_id, product, reaction, strata...``),
    every mapped column read as text and trimmed (as :func:`load_long_encoded` keys them).
    With ``ahead`` (its ``.xz`` decompression started earlier), the file is read whole.

    Raises :class:`InputError` naming the missing columns, or the first rows
    (``file:line``, counting the CSV header as line 1) whose report, product or
    reaction is empty.
    """
    columns = [spec.report, spec.product, spec.reaction, *spec.strata]
    batches = list(_batches(path, columns, whole=ahead is not None, ahead=ahead))
    if not batches:
        raise InputError(f"{path} has no rows")
    raw = pa.Table.from_batches(batches)
    names = [*_REQUIRED.values(), *spec.strata]
    table = pa.Table.from_arrays([trimmed_text(raw.column(k)) for k in range(len(names))], names)
    empty = {
        name: pc.fill_null(pc.equal(pc.utf8_length(table[name]), 0), True)
        for name in _REQUIRED.values()
    }
    _refuse_empty(path, {name: to_numpy(pc.indices_nonzero(e)) for name, e in empty.items()})
    if table.num_rows == 0:
        raise InputError(f"{path} has no rows")
    return table


def _refuse_empty(path: Path, empty_rows: dict[str, NDArray[np.int64]]) -> None:
    """Refuse the file, naming the first rows (``file:line``) whose key is empty or null."""
    line_offset = 2 if path.suffix.lower() != ".parquet" else 1
    problems: list[Problem] = []
    for name, rows in empty_rows.items():
        for row in rows[: _MAX_PROBLEMS - len(problems)].tolist():
            problems.append(Problem(f"{path.name}:{row + line_offset}", f"{name} is empty"))
    if problems:
        raise InputError(f"{path}: rows with an empty report, product or reaction", problems)


@dataclass(frozen=True)
class EncodedLong:
    """A long file without strata as integer codes: row ``i`` is report ``report[i]``,
    product ``products[product[i]]`` and reaction ``reactions[reaction[i]]``.

    ``products`` and ``reactions`` are sorted and distinct (whitespace-trimmed text);
    report codes are ``0 .. n_reports-1`` in no particular order. Codes are int32.
    """

    report: NDArray[np.int32]
    product: NDArray[np.int32]
    reaction: NDArray[np.int32]
    n_reports: int
    products: pa.Array
    reactions: pa.Array


BLOCK_BYTES = 1 << 20
"""Bytes of CSV text parsed per batch by :func:`load_long_encoded` for a file of up to
:data:`LARGE_FILE_BYTES` on disk (1 MiB: the batches' buffers are reused, where 16 MiB
ones were fresh memory each, whose page faults cost a FAERS quarter's load as much system
time as the parsing took user time)."""

LARGE_BLOCK_BYTES = 1 << 23
"""Bytes per batch for a file above :data:`LARGE_FILE_BYTES`: each batch's encoding has a
fixed cost, which 1 MiB batches pay ~400 times on a 20M-row file (27.3 s against 15.6 s
with 8 MiB batches, same peak RSS; ``bench/signals.py --synthetic 20000000``)."""

LARGE_FILE_BYTES = 64 << 20
"""On-disk size above which a file is read in :data:`LARGE_BLOCK_BYTES` batches."""


WHOLE_FILE_BYTES = SMALL_FILE_BYTES
"""On-disk size up to which :func:`load_long_encoded` with work ``beside`` reads a file whole
(decompressed into memory, then parsed as one block: some 35 MB for a FAERS quarter's
2 MB ``.xz``, 14 MB of text; at the usual compression of CSV text, 5-10 times, up to
a few hundred MB); larger files are streamed in batches."""


def block_bytes(path: Path) -> int:
    """The CSV batch size for ``path``: small batches for files up to 64 MiB on disk,
    larger ones above (see :data:`BLOCK_BYTES` and :data:`LARGE_BLOCK_BYTES`)."""
    return LARGE_BLOCK_BYTES if path.stat().st_size > LARGE_FILE_BYTES else BLOCK_BYTES


def _csv_batches(
    path: Path, columns: list[str], whole: bool, ahead: ReadAhead | None
) -> Iterator[pa.RecordBatch]:
    """The ``columns`` of a CSV/TSV file (optionally compressed), as text, in batches; with
    ``whole``, the file's decompressed content is read into memory first (an ``.xz``'s
    from ``ahead`` when its decompression was started earlier) and parsed as one batch
    (no Python call between Arrow and the bytes: no GIL needed meanwhile)."""
    delimiter = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
    convert = pacsv.ConvertOptions(
        include_columns=columns,
        column_types={c: pa.string() for c in columns},
        strings_can_be_null=True,
    )
    xz = path.suffix.lower() == ".xz"
    with ExitStack() as stack:
        # Arrow opens .gz/.bz2/.zst itself but has no xz codec: XzReader decompresses it
        if whole:  # one call each to read and to decompress, releasing the GIL
            if xz:
                content: object = ahead.content() if ahead else decompressed(path)
            else:
                with pa.input_stream(str(path)) as stream:  # gz/bz2/zst by the suffix
                    content = stream.read()
            source: object = pa.BufferReader(content)
            block = max(block_bytes(path), len(content))
        else:
            source = stack.enter_context(XzReader(path)) if xz else path
            block = block_bytes(path)
        try:
            reader = pacsv.open_csv(
                source,
                read_options=pacsv.ReadOptions(block_size=block),
                parse_options=pacsv.ParseOptions(delimiter=delimiter),
                convert_options=convert,
            )
        except StopIteration:  # not even a header
            return
        except (pa.ArrowInvalid, pa.ArrowKeyError) as exc:
            if "include_columns" not in str(exc):
                raise
            _refuse_missing(path, columns, _csv_header(path, delimiter))
            raise
        yield from reader


def _csv_header(path: Path, delimiter: str) -> list[str]:
    with lzma.open(path) if path.suffix.lower() == ".xz" else open(path, "rb") as source:
        reader = pacsv.open_csv(
            source,
            read_options=pacsv.ReadOptions(block_size=BLOCK_BYTES),
            parse_options=pacsv.ParseOptions(delimiter=delimiter),
        )
        return reader.schema.names


def _refuse_missing(path: Path, columns: list[str], found: list[str]) -> None:
    """Refuse ``path`` naming every mapped column it lacks (``columns`` in role order)."""
    roles = [*("report", "product", "reaction"), *("stratum",) * (len(columns) - 3)]
    missing = [
        Problem(f"{path.name}", f"no column {col!r} (role {role})", col)
        for role, col in zip(roles, columns, strict=True)
        if col not in found
    ]
    if missing:
        raise InputError(f"{path}: columns missing (the file has: {', '.join(found)})", missing)


def _batches(
    path: Path, columns: list[str], whole: bool = False, ahead: ReadAhead | None = None
) -> Iterator[pa.RecordBatch]:
    """The mapped ``columns`` of ``path`` in batches, in that order; unreadable files and
    missing columns are refused with an :class:`InputError`. ``whole``: a CSV file is
    read into memory and parsed in one batch (see :func:`_csv_batches`)."""
    if not path.is_file():
        raise InputError(f"input file {path} does not exist")
    suffixes = [s.lower() for s in path.suffixes]
    try:
        if suffixes and suffixes[-1] == ".parquet":
            import pyarrow.parquet as pq

            parquet = pq.ParquetFile(path)
            _refuse_missing(path, columns, parquet.schema_arrow.names)
            for batch in parquet.iter_batches(batch_size=1 << 20, columns=columns):
                yield batch.select(columns)
            return
        if ".csv" in suffixes or ".tsv" in suffixes:
            for batch in _csv_batches(path, columns, whole, ahead):
                yield batch.select(columns)
            return
    except (pa.ArrowInvalid, OSError, EOFError, lzma.LZMAError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    raise InputError(
        f"{path}: expected a .csv or .tsv file (optionally .gz, .bz2, .zst, .xz) or .parquet"
    )


def load_long_encoded(
    path: Path,
    spec: ColumnSpec,
    ahead: ReadAhead | None = None,
    whole: bool = False,
) -> EncodedLong:
    """Read ``path`` (a long file mapped without strata) in batches straight into integer
    codes; the text of a file above :data:`WHOLE_FILE_BYTES` is never held whole.

    ``whole``: read the file whole and parse it in one call (see :func:`_csv_batches`),
    which a signal run does on a thread of its own for a file of up to
    :data:`WHOLE_FILE_BYTES` on disk while it imports scipy
    (:func:`dermavigil.signals.detect._load_and_count`): decompression and Arrow's
    parser then run in two calls that release the GIL, where streaming would take it
    back at every batch and every 1 MiB of ``.xz`` input. ``ahead``: the ``.xz``
    file's decompression, started earlier
    (:func:`dermavigil.store.readahead.read_ahead`), to read it from (implies
    ``whole``).

    Same checks and messages as :func:`load_long` (missing columns, empty keys with
    their ``file:line``, no rows) and the same keys: report ids, products and reactions
    as trimmed text.
    """
    columns = [spec.report, spec.product, spec.reaction]
    batches = _batches(path, columns, whole or ahead is not None, ahead)
    reports, products, reactions = ReportCodes(), TextCodes(), TextCodes()
    for batch in batches:
        for coder, column in zip((reports, products, reactions), batch.columns, strict=True):
            coder.add(column)
    report, n_reports = reports.finish()
    (product, product_names), (reaction, reaction_names) = (
        coder.finish(sort=True) for coder in (products, reactions)
    )
    _refuse_empty(
        path,
        {
            name: np.flatnonzero(codes < 0)
            for name, codes in (("report_id", report), ("product", product), ("reaction", reaction))
        },
    )
    if report.size == 0:
        raise InputError(f"{path} has no rows")
    return EncodedLong(report, product, reaction, n_reports, product_names, reaction_names)


def register_long(engine: Engine, table: pa.Table) -> tuple[str, ...]:
    """Register a loaded long table as :data:`LONG_TABLE`; return its strata columns."""
    engine.register_arrow(LONG_TABLE, table)
    return tuple(c for c in table.column_names if c not in _REQUIRED.values())
