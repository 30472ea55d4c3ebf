"""What an import did, in numbers (printed by ``dermavigil import``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from dermavigil.errors import RowProblem
from dermavigil.store.layout import sources, table_files
from dermavigil.store.schema import TABLES


@dataclass
class ImportSummary:
    """Totals of one import run over the source's whole input set.

    A run rebuilds the source from every input recorded in its manifest, so
    the figures describe the generation now live, not only the files named on
    the command line (``inputs_added`` / ``inputs_reused`` say which were new).
    """

    source: str
    inputs: list[str] = field(default_factory=list)
    inputs_added: int = 0
    inputs_reused: int = 0
    rows_read: Counter[str] = field(default_factory=Counter)
    reports_read: int = 0
    reports_kept: int = 0
    versions_superseded: int = 0
    deleted: int = 0
    product_rows: int = 0
    reaction_rows: int = 0
    duplicates_collapsed: Counter[str] = field(default_factory=Counter)
    not_stored: Counter[str] = field(default_factory=Counter)
    """Product and reaction rows read but not stored, by reason (duplicates aside)."""
    warnings: list[str] = field(default_factory=list)
    """What the inputs lack and what is therefore unknown (optional files, columns)."""
    rejected: Counter[str] = field(default_factory=Counter)
    repaired: Counter[str] = field(default_factory=Counter)
    problems: list[RowProblem] = field(default_factory=list)

    def grouped_warnings(self) -> list[str]:
        """The warnings, one per message: the same message of several files said once
        ("no BIRTH_DEFECT column in 17 files (1990VAERSDATA.csv ... 2006VAERSDATA.csv): ...")."""
        groups: dict[str, list[str]] = {}
        for warning in self.warnings:
            where, _, message = warning.partition(": ")
            groups.setdefault(message, []).append(where)
        lines = []
        for message, files in groups.items():
            if len(files) == 1:
                lines.append(f"{files[0]}: {message}")
                continue
            what, _, unknown = message.partition(": ")
            span = f"{files[0]} ... {files[-1]}" if len(files) > 2 else " and ".join(files)
            lines.append(f"{what} in {len(files)} files ({span}): {unknown}")
        return lines

    @property
    def rows_rejected(self) -> int:
        return sum(self.rejected.values())

    @property
    def rows_repaired(self) -> int:
        return sum(self.repaired.values())


def source_counts(store_dir: Path) -> dict[str, dict[str, int]]:
    """Rows of each table per live source, from the Parquet footers (no data read)."""
    counts: dict[str, dict[str, int]] = {}
    for source in sources(store_dir):
        counts[source] = {
            table: sum(
                pq.ParquetFile(f).metadata.num_rows for f in table_files(store_dir, table, [source])
            )
            for table in TABLES
        }
    return counts
