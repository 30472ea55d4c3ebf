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
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from numpy.typing import NDArray

from dermavigil.errors import InputError, Problem
from dermavigil.store.engine import Engine

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


def _read_csv(path: Path, delimiter: str) -> pa.Table:
    options = {
        "parse_options": pacsv.ParseOptions(delimiter=delimiter),
        "convert_options": pacsv.ConvertOptions(strings_can_be_null=True),
    }
    if path.suffix.lower() == ".xz":  # Arrow opens .gz/.bz2/.zst itself but has no xz codec
        # decompressed whole into one buffer, which Arrow parses on all cores
        # (a Python stream is read block by block on one thread)
        return pacsv.read_csv(pa.BufferReader(lzma.decompress(path.read_bytes())), **options)
    return pacsv.read_csv(path, **options)


def _read(path: Path) -> pa.Table:
    if not path.is_file():
        raise InputError(f"input file {path} does not exist")
    suffixes = [s.lower() for s in path.suffixes]
    try:
        if suffixes and suffixes[-1] == ".parquet":
            return pq.read_table(path)
        if ".csv" in suffixes or ".tsv" in suffixes:
            return _read_csv(path, "\t" if ".tsv" in suffixes else ",")
    except (pa.ArrowInvalid, OSError, lzma.LZMAError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    raise InputError(
        f"{path}: expected a .csv or .tsv file (optionally .gz, .bz2, .zst, .xz) or .parquet"
    )


def _as_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    text = column if pa.types.is_string(column.type) else pc.cast(column, pa.string())
    return pc.utf8_trim_whitespace(text)


def load_long(path: Path, spec: ColumnSpec) -> pa.Table:
    """Read ``path`` and return the long table (``report_id, product, reaction, strata...``).

    Raises :class:`InputError` naming the missing columns, or the first rows
    (``file:line``, counting the CSV header as line 1) whose report, product or
    reaction is empty.
    """
    raw = _read_checked(path, spec)
    wanted = {"report": spec.report, "product": spec.product, "reaction": spec.reaction}
    arrays = {_REQUIRED[role]: _as_text(raw[col]) for role, col in wanted.items()}
    arrays.update({s: _as_text(raw[s]) for s in spec.strata})
    table = pa.table(arrays)
    empty = {
        name: pc.fill_null(pc.or_kleene(pc.is_null(table[name]), pc.equal(table[name], "")), True)
        for name in _REQUIRED.values()
    }
    _refuse_empty(path, {name: pc.indices_nonzero(e).to_numpy() for name, e in empty.items()})
    if table.num_rows == 0:
        raise InputError(f"{path} has no rows")
    return table


def _read_checked(path: Path, spec: ColumnSpec) -> pa.Table:
    """The file's table, after checking that every mapped column is there and it has rows."""
    raw = _read(path)
    wanted = {"report": spec.report, "product": spec.product, "reaction": spec.reaction}
    missing = [
        Problem(f"{path.name}", f"no column {col!r} (role {role})", col)
        for role, col in [*wanted.items(), *(("stratum", s) for s in spec.strata)]
        if col not in raw.column_names
    ]
    if missing:
        found = ", ".join(raw.column_names)
        raise InputError(f"{path}: columns missing (the file has: {found})", missing)
    return raw


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
    report codes are ``0 .. n_reports-1``.
    """

    report: NDArray[np.int64]
    product: NDArray[np.int64]
    reaction: NDArray[np.int64]
    n_reports: int
    products: pa.Array
    reactions: pa.Array


def _encode(column: pa.ChunkedArray, text: bool) -> tuple[NDArray[np.int64], pa.Array]:
    """Codes of ``column`` into its sorted distinct values (-1 for null; with ``text``,
    values are cast to text and trimmed, as :func:`load_long` does, before they are
    compared). Only the distinct values are cast, trimmed and sorted, not every row."""
    encoded = column.combine_chunks().dictionary_encode()
    indices = encoded.indices
    if indices.null_count:
        indices = pc.fill_null(indices, -1)
    index = indices.to_numpy().astype(np.int64)
    if not text:  # distinct non-text values (report ids): the codes as they are
        return index, encoded.dictionary
    values = _as_text(pa.chunked_array([encoded.dictionary])).combine_chunks()
    distinct = pc.unique(values)
    distinct = distinct.take(pc.sort_indices(distinct))
    remap = pc.index_in(values, value_set=distinct).to_numpy(zero_copy_only=False)
    # index -1 (null) picks the appended -1
    return np.append(remap.astype(np.int64), -1)[index], distinct


def load_long_encoded(path: Path, spec: ColumnSpec) -> EncodedLong:
    """Read ``path`` (a long file mapped without strata) straight into integer codes.

    Same checks and messages as :func:`load_long` (missing columns, empty keys with
    their ``file:line``, no rows) and the same keys: report ids as given (text
    trimmed), product and reaction text trimmed.
    """
    raw = _read_checked(path, spec)
    report_text = pa.types.is_string(raw[spec.report].type) or pa.types.is_large_string(
        raw[spec.report].type
    )
    report, reports = _encode(raw[spec.report], text=report_text)
    product, products = _encode(raw[spec.product], text=True)
    reaction, reactions = _encode(raw[spec.reaction], text=True)
    empty: dict[str, NDArray[np.int64]] = {}
    for name, codes, values in (
        ("report_id", report, reports),
        ("product", product, products),
        ("reaction", reaction, reactions),
    ):
        bad = codes < 0
        if pa.types.is_string(values.type) and len(values) and values[0].as_py() == "":
            bad |= codes == 0  # "" sorts first
        empty[name] = np.flatnonzero(bad)
    _refuse_empty(path, empty)
    if raw.num_rows == 0:
        raise InputError(f"{path} has no rows")
    return EncodedLong(report, product, reaction, len(reports), products, reactions)


def register_long(engine: Engine, table: pa.Table) -> tuple[str, ...]:
    """Register a loaded long table as :data:`LONG_TABLE`; return its strata columns."""
    engine.register_arrow(LONG_TABLE, table)
    return tuple(c for c in table.column_names if c not in _REQUIRED.values())
