"""Cells a spreadsheet would run as a formula, neutralised: the one rule for every CSV the
app or the CLI writes (line listings, literature series, signal tables).

OWASP "CSV Injection": a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by Excel, LibreOffice and Google Sheets as a formula (``=HYPERLINK(...)``,
``@SUM(...)``, DDE payloads); prefixing such a cell with a single quote makes it text. Only
text cells are changed: numbers written by a CSV writer keep their sign. Pure, no I/O.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula;
    anything that is not text is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    """Every cell of a row through :func:`neutralise`."""
    return [neutralise(v) for v in values]


def csv_text(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A CSV document (``\\n`` line ends) of ``header`` and ``rows``, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in rows)
    return buffer.getvalue()


def neutralise_table(table: Any) -> Any:
    """A pyarrow table with every string column's cells through :func:`neutralise`,
    computed by Arrow (a regular expression and a prefix), not cell by cell in Python; a
    column without such a cell is kept as it is (not copied)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for column in table.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            starts = "".join(re.escape(c) for c in FORMULA_START)
            risky = pc.match_substring_regex(column, pattern=f"^[{starts}]")
            if pc.any(risky).as_py():
                prefixed = pc.utf8_replace_slice(column, start=0, stop=0, replacement="'")
                column = pc.if_else(risky, prefixed, column)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=table.schema)
