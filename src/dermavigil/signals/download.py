"""The signal table as a download: CSV or Excel, every matching row, under a header block.

The header block says what the table holds: the run (level counted, stratification,
reports, when it was made), the scope and filters applied, the sort order and how many
pairs matched; then one blank row and the table. CSV cells go through
:mod:`dermavigil.exchange.csvsafe` (no cell runs as a formula); the workbook is
written with openpyxl's write-only mode as the case line listings are
(:mod:`dermavigil.exchange.line_listing`), numbers as numbers, text typed as text.
An undefined measure is written "undefined", an unbounded one "inf".
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import pyarrow as pa

from dermavigil.exchange.csvsafe import safe_row

TITLE = "dermavigil signal table"
HIDDEN = ("in_scope",)
FORMATS = {
    "csv": ("text/csv; charset=utf-8", ".csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
}


def header_rows(
    run: Mapping[str, object], filters: Mapping[str, object], generated: datetime, count: int
) -> list[list[str]]:
    """The header block: title, date, run, filters (only those set), count, a blank row."""
    applied = "; ".join(f"{k} = {v}" for k, v in filters.items() if v not in (None, ""))
    return [
        [TITLE],
        ["Generated (UTC)", generated.strftime("%Y-%m-%d %H:%M:%S")],
        *([str(k), str(v)] for k, v in run.items()),
        ["Scope and filters", applied or "none (every pair)"],
        ["Pairs", str(count)],
        [],
    ]


def _columns(table: pa.Table) -> list[str]:
    return [c for c in table.column_names if c not in HIDDEN]


def _cell(value: object) -> object:
    if isinstance(value, float):
        if math.isnan(value):
            return "undefined"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
    return value


def _rows(table: pa.Table, columns: list[str]) -> Iterable[list[object]]:
    for batch in table.select(columns).to_batches(max_chunksize=5000):
        for row in batch.to_pylist():
            yield [_cell(row[c]) for c in columns]


def csv_bytes(header: list[list[str]], table: pa.Table) -> bytes:
    """The header block and every row as UTF-8 CSV (with a BOM, for Excel)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(safe_row(row) for row in header)
    columns = _columns(table)
    writer.writerow(safe_row(columns))
    writer.writerows(safe_row(row) for row in _rows(table, columns))
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(header: list[list[str]], table: pa.Table) -> bytes:
    """The header block and every row as an Excel workbook (write-only openpyxl)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from dermavigil.exchange.line_listing import xlsx_cells

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Signals")
    bold = Font(bold=True)

    def cells(values: Iterable[object], font: Font | None = None) -> list[Any]:
        return xlsx_cells(sheet, values, font, numbers=True)

    for i, row in enumerate(header):
        sheet.append(cells(row, bold if i == 0 else None))
    columns = _columns(table)
    sheet.append(cells(columns, bold))
    for row in _rows(table, columns):
        sheet.append(cells(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
