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

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

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
        with lzma.open(path) as stream:
            return pacsv.read_csv(stream, **options)
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
    raw = _read(path)
    wanted = {
        "report": spec.report,
        "product": spec.product,
        "reaction": spec.reaction,
    }
    missing = [
        Problem(f"{path.name}", f"no column {col!r} (role {role})", col)
        for role, col in [*wanted.items(), *(("stratum", s) for s in spec.strata)]
        if col not in raw.column_names
    ]
    if missing:
        found = ", ".join(raw.column_names)
        raise InputError(f"{path}: columns missing (the file has: {found})", missing)
    arrays = {_REQUIRED[role]: _as_text(raw[col]) for role, col in wanted.items()}
    arrays.update({s: _as_text(raw[s]) for s in spec.strata})
    table = pa.table(arrays)
    line_offset = 2 if path.suffix.lower() != ".parquet" else 1
    problems: list[Problem] = []
    for name in _REQUIRED.values():
        empty = pc.or_kleene(pc.is_null(table[name]), pc.equal(table[name], ""))
        empty = pc.fill_null(empty, True)
        for row in pc.indices_nonzero(empty).to_pylist()[: _MAX_PROBLEMS - len(problems)]:
            problems.append(Problem(f"{path.name}:{row + line_offset}", f"{name} is empty"))
    if problems:
        raise InputError(f"{path}: rows with an empty report, product or reaction", problems)
    if table.num_rows == 0:
        raise InputError(f"{path} has no rows")
    return table


def register_long(engine: Engine, table: pa.Table) -> tuple[str, ...]:
    """Register a loaded long table as :data:`LONG_TABLE`; return its strata columns."""
    engine.register_arrow(LONG_TABLE, table)
    return tuple(c for c in table.column_names if c not in _REQUIRED.values())
