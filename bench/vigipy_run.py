"""vigipy doing what ``dermavigil signals --input`` does, as one process (for bench/signals.py).

Run:  .venv/bin/python bench/vigipy_run.py FILE.csv[.xz] OUT.csv

Reads the long file (CASEID, DRUG, AE) with pandas, counts distinct reports per
(drug, reaction) pair, and computes with vigipy 3.5.1 (the ``bench`` extra) the
four measures dermavigil computes: PRR, ROR, BCPNN (IC) and GPS (EBGM), each on
every pair (``min_events=1``), then writes one CSV with each measure's table.
"""

from __future__ import annotations

import sys

import pandas as pd
from vigipy import bcpnn, convert, gps, prr, ror


def main(source: str, out: str) -> None:
    rows = pd.read_csv(source).drop_duplicates()
    counts = rows.groupby(["DRUG", "AE"]).size().reset_index(name="count")
    container = convert(counts.rename(columns={"DRUG": "name"}))
    tables = []
    for name, result in (
        ("prr", prr(container, min_events=1)),
        ("ror", ror(container, min_events=1)),
        ("ic", bcpnn(container, min_events=1)),
        ("ebgm", gps(container, min_events=1)),
    ):
        table = result.all_signals.copy()
        table.insert(0, "measure", name)
        tables.append(table)
    pd.concat(tables, ignore_index=True).to_csv(out, index=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
