"""Benchmark: duplicate detection measured on real records, ground truth by ground truth.

Run (imports the shared VAERS 1990-2006, CAERS and FAERS 2025Q4 data into a bench
store first if it is not there):

    .venv/bin/python bench/duplicates.py --home /tmp/dv-bench --sizes 10000,100000
    .venv/bin/python bench/duplicates.py --home /tmp/dv-bench --sizes 1000000   # once
    .venv/bin/python bench/duplicates.py --home /tmp/dv-bench --sizes 10000 --engine spark \
        --spark-conf spark.master=local[2] --spark-conf spark.driver.memory=2g

Ground truths, reported separately: 1. FAERS version links (``bench/faers_links.py``;
VAERS reports under one manufacturer number, ``bench/vaers_links.py``); 2. DiAna's
rule-based duplicates, a second opinion (:mod:`dupbench.diana`); 3. duplicates made from
real VAERS, CAERS and FAERS records at 10k / 100k / 1M reports, the way real duplicates
differ (:mod:`dupbench.perturbations`, :mod:`dupbench.records`: a follow-up with added
reactions and a later date, the same event from another reporter, typos and missing
fields; the kinds after Tregunno et al. 2014 and Kreimeyer et al. 2017, the per-field
rates this bench's assumptions); 4. across sources, a third of the copies filed under
another source. The ground truths, the figures of every session and their reading are in
``docs/duplicates-bench.md``.

Each size runs in its own process (peak RSS of that process); the machine is shared
by 8 engineers on 2 cores, so times are upper bounds. Prints a table, the precision-
recall curve at several thresholds, and the machine. ``--engine spark`` runs the
detection on Spark (splink's ``SparkAPI``, the settings' ``DERMAVIGIL_SPARK_*`` under
``--spark-conf``); CPU and peak memory then count Spark's JVM too
(:mod:`dupbench.process_tree`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import duckdb
from dupbench.diana import diana
from dupbench.measures import DEFAULT_THRESHOLD
from dupbench.one_size import one_size
from dupbench.perturbations import KINDS, SHARE
from dupbench.report import print_size
from dupbench.store import ensure_store

from dermavigil.duplicates.model import U_SEED


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=Path("/tmp/dv-bench"))
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--share", type=float, default=SHARE, help="share of records made duplicates"
    )
    parser.add_argument(
        "--blocking-only", action="store_true", help="time and count the blocking alone"
    )
    parser.add_argument(
        "--light",
        action="store_true",
        help="precision and recall only (no diagnostics holding every record in Python)",
    )
    parser.add_argument(
        "--dump", type=Path, help="folder to write each size's records and pairs to (Parquet)"
    )
    parser.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    parser.add_argument(
        "--draw-seed",
        type=int,
        default=U_SEED,
        help="seed of the samples u and EM learn from (default: the model's own)",
    )
    parser.add_argument(
        "--spark-conf",
        action="append",
        default=[],
        help="with --engine spark: a Spark setting KEY=VALUE (repeatable)",
    )
    args = parser.parse_args()
    if args.one:
        from dermavigil.settings import load_settings, parse_spark_conf

        conf = {**dict(load_settings().spark_conf), **parse_spark_conf(args.spark_conf)}
        out = one_size(
            args.home, args.one, args.blocking_only, args.share, args.dump, args.light,
            args.engine, conf, args.draw_seed,
        )  # fmt: skip
        print(json.dumps(out, default=str))
        return
    import splink

    engine = f"duckdb {duckdb.__version__}"
    if args.engine == "spark":
        import pyspark

        engine = f"Spark {pyspark.__version__} ({', '.join(args.spark_conf) or 'defaults'})"
    print(
        f"machine: {platform.platform()} | {os.cpu_count()} CPUs (shared by 8 engineers) | "
        f"Python {platform.python_version()} | splink {splink.__version__} | {engine}"
    )
    print(
        "1. FAERS version links: see bench/faers_links.py (31 links across five quarters' "
        "samples and head slices; none within the shared data alone)."
    )
    ensure_store(args.home)
    d = diana(DEFAULT_THRESHOLD)
    print(
        f"2. DiAna second opinion ({d['reports']} reports, {d['rb_flagged_reports']} flagged "
        f"RB_duplicates against all of FAERS): DiAna's key pairs {len(d['diana_pairs_in_sample'])} "
        f"in the sample; ours at {DEFAULT_THRESHOLD}: {d['ours']}; both {len(d['both'])}, "
        f"DiAna only {len(d['diana_only'])}, ours only {len(d['ours_only'])}; duplicate "
        f"share {d['share']}"
    )
    for label in ("both", "diana_only", "ours_only"):
        if d[label]:
            print(f"   {label}: {d[label]}")
    print(
        "3./4. Duplicates made from real VAERS/CAERS/FAERS records "
        f"({args.share:.1%} duplicates; kinds {KINDS})"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        load = os.getloadavg()
        out = subprocess.run(
            [sys.executable, __file__, "--home", str(args.home), "--one", str(n)]
            + ["--share", str(args.share)]
            + (["--dump", str(args.dump)] if args.dump else [])
            + (["--light"] if args.light else [])
            + ["--engine", args.engine, "--draw-seed", str(args.draw_seed)]
            + [item for conf in args.spark_conf for item in ("--spark-conf", conf)],
            check=True,
            stdout=subprocess.PIPE,  # the progress lines (stderr) pass through
            text=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print_size(r, args.light, (load[0], os.getloadavg()[0]))


if __name__ == "__main__":
    main()
