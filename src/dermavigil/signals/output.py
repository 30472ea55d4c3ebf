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
CSV_PARTS = 2
"""Slices of a large table formatted as CSV at once, each on its own thread."""
_CSV_SLICE_ROWS = 50_000


def write_csv(table: pa.Table, path: Path, parts: int = CSV_PARTS) -> None:
    """``pyarrow.csv.write_csv`` with the rows formatted in ``parts`` slices on threads
    (the writer formats numbers on one core and releases the GIL), then written in
    order: the same bytes as one ``write_csv``."""
    if parts < 2 or table.num_rows < 2 * _CSV_SLICE_ROWS:
        pacsv.write_csv(table, path)
        return
    step = -(-table.num_rows // parts)

    def formatted(k: int) -> pa.Buffer:
        sink = pa.BufferOutputStream()
        options = pacsv.WriteOptions(include_header=k == 0)
        pacsv.write_csv(table.slice(k * step, step), sink, write_options=options)
        return sink.getvalue()

    with ThreadPoolExecutor(parts) as pool, open(path, "wb") as out:
        for chunk in pool.map(formatted, range(parts)):
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
