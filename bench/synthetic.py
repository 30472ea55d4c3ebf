"""Benchmark: synthetic FAERS-like stores at 1M / 5M / 20M reports, DuckDB and Spark local.

Run:  .venv/bin/python bench/synthetic.py --sizes 1000000,5000000 --spark-sizes 1000000

For each size, writes a store (``dermavigil.signals.synthetic``: Zipf products
and reactions, 1-20 products and 1-10 reactions per report) under ``--dir``
(kept between runs), then runs the four methods over it once per engine, each
in a fresh process so that its peak resident memory is its own; the strata run
adds sex x age band x year. Prints a table of wall time per stage and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from dermavigil.signals.detect import SignalRequest, detect_store
from dermavigil.signals.synthetic import SyntheticSpec, write_store


def _child(store: Path, engine: str, strata: str, memory_limit: str) -> None:
    options: dict[str, object] = {}
    if engine == "duckdb":
        options["memory_limit"] = memory_limit
    else:
        options.update(master="local[*]", driver_memory="6g")
    started = time.perf_counter()
    request = SignalRequest(strata=tuple(s for s in strata.split(",") if s))
    result = detect_store(store, request, engine=engine, **options)
    wall = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "pairs": result.table.num_rows,
                "reports": result.n_total,
                "wall": wall,
                **result.timings,
                "rss_mib": own,
                "children_rss_mib": kids,
                "prior": result.prior.message if result.prior else "",
            }
        )
    )


def _run(store: Path, engine: str, strata: str, memory_limit: str) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        str(store),
        "--engine",
        engine,
        "--strata",
        strata,
        "--memory-limit",
        memory_limit,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr else "failed"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,5000000")
    parser.add_argument("--spark-sizes", default="1000000")
    parser.add_argument("--strata-sizes", default="1000000")
    parser.add_argument("--dir", default="/tmp/dermavigil-bench")
    parser.add_argument("--memory-limit", default="6GB")
    parser.add_argument("--child")
    parser.add_argument("--engine", default="duckdb")
    parser.add_argument("--strata", default="")
    args = parser.parse_args(argv)
    if args.child:
        _child(Path(args.child), args.engine, args.strata, args.memory_limit)
        return 0
    print(
        f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.2f}, "
        f"DuckDB memory_limit {args.memory_limit}"
    )
    sizes = [int(s) for s in args.sizes.split(",") if s]
    spark_sizes = {int(s) for s in args.spark_sizes.split(",") if s}
    strata_sizes = {int(s) for s in args.strata_sizes.split(",") if s}
    header = (
        f"{'reports':>10} {'engine':<7} {'strata':<18} {'pairs':>9} {'counts':>8} "
        f"{'expect':>7} {'fit':>7} {'stats':>7} {'total':>8} {'peak RSS':>9}"
    )
    rows = []
    for size in sizes:
        store = Path(args.dir) / f"store-{size}"
        if not (store / "sources" / "synthetic" / "CURRENT").is_file():
            started = time.perf_counter()
            written = write_store(store, SyntheticSpec(n_reports=size))
            print(f"generated {size:,} reports in {time.perf_counter() - started:.1f} s: {written}")
        runs = [("duckdb", "")]
        if size in strata_sizes:
            runs.append(("duckdb", "sex,age_band,year"))
        if size in spark_sizes:
            runs.append(("spark", ""))
        for engine, strata in runs:
            r = _run(store, engine, strata, args.memory_limit)
            if "error" in r:
                rows.append(f"{size:>10} {engine:<7} {strata or '-':<18} error: {r['error']}")
            else:
                rss = r["rss_mib"] + (r["children_rss_mib"] if engine == "spark" else 0)
                rows.append(
                    f"{size:>10} {engine:<7} {strata or '-':<18} {r['pairs']:>9} "
                    f"{r['counts']:>7.1f}s {r['expected']:>6.1f}s {r.get('fit', 0):>6.1f}s "
                    f"{r['stats']:>6.1f}s "
                    f"{r['wall']:>7.1f}s {rss:>7.0f}Mi  ({r['prior']})"
                )
            print(rows[-1], flush=True)
    print(header)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
