"""Line listings of a case set, written as they are read: CSV chunks and an Excel workbook.

Every listing starts with a header block saying what it holds (title, when it
was generated, the filters applied, how many cases matched), then one blank
row, the column names of :data:`dermavigil.exchange.csv_export.COLUMNS` and one
row per case (CIOMS Working Group II line-listing columns). Cases arrive as an
iterable of (case, assessment) pairs, so a listing of any size is written
batch by batch: CSV as byte chunks, Excel through openpyxl's write-only
workbook (rows go to a temporary file, not held in memory). Cells that a
spreadsheet would run as a formula are written as text (CSV: a leading ``'``,
the OWASP CSV-injection advice; Excel: cells typed as strings).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from dermavigil.domain import Case
from dermavigil.domain.assessment import Assessment
from dermavigil.exchange.csv_export import COLUMNS, listing_row, safe_cell

Record = tuple[Case, Assessment | None]


@dataclass(frozen=True)
class ListingHeader:
    """What a listing holds: its filters, when it was made and how many cases matched."""

    filters: Mapping[str, object]
    generated: datetime
    count: int
    title: str = "dermavigil line listing"

    def rows(self) -> list[list[str]]:
        applied = "; ".join(f"{k} = {v}" for k, v in self.filters.items() if v not in (None, ""))
        return [
            [self.title],
            ["Generated (UTC)", self.generated.strftime("%Y-%m-%d %H:%M:%S")],
            ["Filters", applied or "none (every case)"],
            ["Cases", str(self.count)],
            [],
        ]


def csv_chunks(header: ListingHeader, batches: Iterable[list[Record]]) -> Iterator[bytes]:
    """The listing as UTF-8 CSV, one chunk for the header and one per batch of cases."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def flush() -> bytes:
        data = buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
        return data

    buffer.write("\ufeff")  # a BOM, so that Excel reads the file as UTF-8
    for row in header.rows():
        writer.writerow(safe_cell(v) for v in row)
    writer.writerow(COLUMNS)
    yield flush()
    for batch in batches:
        for case, assessment in batch:
            writer.writerow(safe_cell(v) for v in listing_row(case, assessment).values())
        yield flush()


def xlsx_cells(
    sheet: object, values: Iterable[object], font: object = None, numbers: bool = False
) -> list[object]:
    """A row of openpyxl write-only cells: text typed as text (never a formula); with
    ``numbers``, numbers and booleans stay numbers."""
    from openpyxl.cell import WriteOnlyCell

    row = []
    for value in values:
        if numbers and isinstance(value, bool | int | float):
            cell = WriteOnlyCell(sheet, value=value)
        else:
            cell = WriteOnlyCell(sheet, value="" if value is None else str(value))
            cell.data_type = "s"  # text, never a formula
        if font is not None:
            cell.font = font
        row.append(cell)
    return row


def write_xlsx(header: ListingHeader, batches: Iterable[list[Record]], out: IO[bytes]) -> int:
    """The listing as an Excel workbook written to ``out``; returns the rows of cases."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Line listing")
    bold = Font(bold=True)

    def cells(values: Iterable[object], font: Font | None = None) -> list[WriteOnlyCell]:
        return xlsx_cells(sheet, values, font)

    for i, row in enumerate(header.rows()):
        sheet.append(cells(row, bold if i == 0 else None))
    sheet.append(cells(COLUMNS, bold))
    written = 0
    for batch in batches:
        for case, assessment in batch:
            sheet.append(cells(listing_row(case, assessment).values()))
            written += 1
    book.save(out)
    return written
