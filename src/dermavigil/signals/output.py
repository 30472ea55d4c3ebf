"""Write a signal table (CSV or Parquet) and its fitted prior (``FILE.prior.json``) atomically.

Each file is written to a temporary name in the target folder and moved into
place with ``os.replace``, so a reader never sees a half-written file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.csv as pacsv

from dermavigil.errors import InputError
from dermavigil.exchange.csvsafe import neutralise_table

if TYPE_CHECKING:  # the prior's module imports scipy: not needed to write a table
    from dermavigil.signals.mgps import Prior

FORMATS = (".csv", ".parquet")
_CSV_SLICE_ROWS = 50_000
CSV_BATCH_ROWS = 16_384
"""Rows formatted at a time (a few MiB of text; the table is never held as text whole)."""


def idle_core() -> bool:
    """Whether another core is idle: the 1-minute load average below the cores this
    process may use, less one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return cores > 1 and os.getloadavg()[0] < cores - 1


def csv_parts() -> int:
    """Slices of a large table to format at once: 2 when another core is idle
    (:func:`idle_core`), else 1 -- on a busy machine a second formatting thread only
    adds its buffer and copy."""
    return 2 if idle_core() else 1


def _stream_csv(table: pa.Table, sink: object, header: bool) -> None:
    options = pacsv.WriteOptions(include_header=header)
    with pacsv.CSVWriter(sink, table.schema, write_options=options) as writer:
        for batch in table.to_batches(max_chunksize=CSV_BATCH_ROWS):
            writer.write_batch(batch)


def write_csv(table: pa.Table, path: Path, parts: int | None = None) -> None:
    """``pyarrow.csv.write_csv``, streamed in batches of :data:`CSV_BATCH_ROWS` rows; with
    ``parts`` > 1 (default :func:`csv_parts`) the rows after the first slice are
    formatted on threads meanwhile (the writer releases the GIL) and appended in order:
    the same bytes as one ``write_csv``."""
    parts = csv_parts() if parts is None else parts
    if parts < 2 or table.num_rows < 2 * _CSV_SLICE_ROWS:
        _stream_csv(table, str(path), header=True)
        return
    step = -(-table.num_rows // parts)

    def formatted(k: int) -> pa.Buffer:
        sink = pa.BufferOutputStream()
        _stream_csv(table.slice(k * step, step), sink, header=False)
        return sink.getvalue()

    with ThreadPoolExecutor(parts - 1) as pool, pa.OSFile(str(path), "wb") as out:
        rest = pool.map(formatted, range(1, parts))
        _stream_csv(table.slice(0, step), out, header=True)
        for chunk in rest:
            out.write(chunk)


def prior_path(out: Path) -> Path:
    """``signals.csv`` -> ``signals.prior.json``."""
    return out.with_suffix(".prior.json")


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def prior_document(prior: Prior, n_total: int) -> dict[str, object]:
    """The prior as JSON-ready data (hyperparameters, log-likelihood, convergence)."""
    return {**prior.to_dict(), "n_reports": n_total, "model": "MGPS two-gamma mixture"}


def write_signals(table: pa.Table, out: Path, prior: Prior | None, n_total: int) -> Path | None:
    """Write ``table`` to ``out`` (.csv or .parquet) and the prior beside it; return its path."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"--out {out}: use a .csv or .parquet file name")
    if suffix == ".csv":
        safe = neutralise_table(table)  # product and reaction names are reporters' text
        _atomic(out, lambda p: write_csv(safe, p))
    else:
        import pyarrow.parquet as pq

        _atomic(out, lambda p: pq.write_table(table, p))
    if prior is None:
        return None
    target = prior_path(out)
    text = json.dumps(prior_document(prior, n_total), indent=2)
    _atomic(target, lambda p: p.write_text(text + "\n", encoding="utf-8"))
    return target
