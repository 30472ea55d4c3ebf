"""Staged inputs: each input file parsed once into store-shaped Parquet.

An importer turns one input (a FAERS quarter, a VAERS year, a CAERS or openFDA
file) into a *stage*: the three store tables plus bookkeeping columns, written
under ``store_dir/staging/<source>/<digest>/`` and named by the content digest
of the input, so the same bytes are parsed only once. :mod:`combine` then
builds the live generation from the stages of the source's whole input set.

Bookkeeping columns: ``_unit`` (the input's label, e.g. ``2025Q4`` or
``2004``; later units win ties), ``_rank_date`` (the date that orders versions
of a case, e.g. FAERS ``fda_dt``) and ``_line`` (the source line, which makes
"first row wins" deterministic). ``deletions`` lists case ids an input
withdraws (FAERS ``DELETE`` files).
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dermavigil.ingest.normalize import term_key
from dermavigil.ingest.problems import ProblemLog
from dermavigil.store.schema import TABLES

STAGED: dict[str, pa.Schema] = {
    "reports": TABLES["reports"]
    .append(pa.field("_unit", pa.string()))
    .append(pa.field("_rank_date", pa.date32())),
    "report_products": TABLES["report_products"]
    .append(pa.field("_unit", pa.string()))
    .append(pa.field("_line", pa.int64())),
    "report_reactions": TABLES["report_reactions"]
    .append(pa.field("_unit", pa.string()))
    .append(pa.field("_line", pa.int64())),
    "deletions": pa.schema([pa.field("case_id", pa.string()), pa.field("_unit", pa.string())]),
}

BATCH_ROWS = 100_000
_CONSTANT = ("source", "_unit")  # filled in per batch


class StageWriter:
    """Buffer rows of one input and write them as a stage, atomically.

    ``add(table, row)`` takes a dict keyed by store column names (missing
    columns are null); ``source`` and ``_unit`` are filled in. Reports are
    added before their product and reaction rows (every importer reads its
    reports file first), so a product or reaction row whose report is not
    there -- absent from the input or rejected -- is counted as an *orphan* when
    added (``orphans``; :mod:`combine` leaves such rows out of the store), except
    for sources whose reports span inputs (``across_units``: MAUDE).
    ``reports_file`` names the file reports come from, for messages.
    """

    def __init__(
        self, final_dir: Path, source: str, unit: str, *, across_units: bool = False
    ) -> None:
        self.final_dir = final_dir
        self.tmp_dir = final_dir.with_name(final_dir.name + ".tmp")
        self.source = source
        self.unit = unit
        self.rows_read: Counter[str] = Counter()
        self.problems = ProblemLog()
        self.warnings: list[str] = []
        self.staged: Counter[str] = Counter()
        self.orphans: Counter[str] = Counter()
        self.of_rejected: Counter[str] = Counter()  # orphans whose report row was rejected
        self._rejected_ids: set[str] = set()
        self.reports_file = ""
        self._report_ids: set[str] = set()
        self._orphans_known = not across_units  # MAUDE: a report's rows span inputs
        self._buffers: dict[str, dict[str, list[Any]]] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}
        shutil.rmtree(self.tmp_dir, ignore_errors=True)
        self.tmp_dir.mkdir(parents=True)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.staged[table] += 1
        if table == "reports":
            self._report_ids.add(row["report_id"])
        elif (
            self._orphans_known
            and table != "deletions"
            and row["report_id"] not in self._report_ids
        ):
            self.orphans[table] += 1
            if row["report_id"] in self._rejected_ids:
                self.of_rejected[table] += 1
        buf = self._buffers.get(table)
        if buf is None:
            buf = self._buffers[table] = self._empty(table)
        get = row.get
        for name, values in buf.items():
            values.append(get(name))
        if len(values) >= BATCH_ROWS:
            self._flush(table)

    @staticmethod
    def _empty(table: str) -> dict[str, list[Any]]:
        return {n: [] for n in STAGED[table].names if n not in _CONSTANT}

    def rejected_report(self, report_id: str) -> None:
        """A row of the reports file with this id was rejected: its product and
        reaction rows are counted apart from rows whose report is absent."""
        self._rejected_ids.add(report_id)

    def add_reaction(
        self, report_id: str, term: str, line: int, onset_days: float | None = None
    ) -> None:
        """Add a reaction row (``term_key`` computed) unless the term is blank."""
        term = term.strip()
        if term:
            self.add(
                "report_reactions",
                {
                    "report_id": report_id,
                    "term_verbatim": term,
                    "term_key": term_key(term),
                    "onset_days": onset_days,
                    "_line": line,
                },
            )

    def _flush(self, table: str) -> None:
        buf = self._buffers.get(table)
        rows = len(next(iter(buf.values()))) if buf else 0
        if not rows:
            return
        constant = {"source": [self.source] * rows, "_unit": [self.unit] * rows}
        batch = pa.table({**buf, **constant}, schema=STAGED[table])
        writer = self._writers.get(table)
        if writer is None:
            writer = pq.ParquetWriter(self.tmp_dir / f"{table}.parquet", STAGED[table])
            self._writers[table] = writer
        writer.write_table(batch)
        self._buffers[table] = self._empty(table)

    def stats(self, label: str, member_names: list[str]) -> dict[str, Any]:
        """What the stage holds and met: written as its ``stats.json``."""
        return {
            "source": self.source,
            "unit": self.unit,
            "label": label,
            "members": member_names,
            "rows_read": dict(self.rows_read),
            "staged": dict(self.staged),
            "orphans": dict(self.orphans),
            "of_rejected": dict(self.of_rejected),
            "reports_file": self.reports_file,
            "warnings": self.warnings,
            "problems": self.problems.to_json(),
        }

    def commit(self, stats: dict[str, Any]) -> None:
        """Write what is buffered and ``stats``, then move the stage into place."""
        for table, schema in STAGED.items():
            self._flush(table)
            writer = self._writers.pop(table, None)
            if writer is None:
                pq.write_table(schema.empty_table(), self.tmp_dir / f"{table}.parquet")
            else:
                writer.close()
        (self.tmp_dir / "stats.json").write_text(json.dumps(stats, indent=1), encoding="utf-8")
        shutil.rmtree(self.final_dir, ignore_errors=True)
        os.replace(self.tmp_dir, self.final_dir)

    def abort(self) -> None:
        for writer in self._writers.values():
            writer.close()
        shutil.rmtree(self.tmp_dir, ignore_errors=True)


def read_stats(stage_dir: Path) -> dict[str, Any]:
    """The ``stats.json`` of a committed stage."""
    return json.loads((stage_dir / "stats.json").read_text(encoding="utf-8"))
