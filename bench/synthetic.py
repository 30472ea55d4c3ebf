"""Benchmark: synthetic FAERS-like stores at 1M / 5M / 20M reports, DuckDB and Spark local.

Run:  .venv/bin/python bench/synthetic.py --sizes 1000000,5000000 --spark-sizes 1000000

20M reports on local Spark beside DuckDB on the same store (issue 13, target 6)::

    .venv/bin/python bench/synthetic.py --sizes 20000000 --spark-sizes 20000000 \
        --strata-sizes "" --spark-driver-memory 8g --spark-partitions 64

For each size, writes a store (``dermavigil.signals.synthetic``: Zipf products
and reactions, 1-20 products and 1-10 reactions per report) under ``--dir``
(kept between runs), then runs the four methods over it once per engine, each
in a fresh process so that its peak resident memory is its own; the strata run
adds sex x age band x year. Prints a table of wall time per stage, the run's CPU time
(user + system of the process, its children and the driver JVM) and peak RSS.

Spark runs in local mode (``--spark-master``, default ``local[*]``: the driver JVM is
the executor) with ``--spark-driver-memory`` as its heap, ``--spark-partitions``
shuffle partitions and any ``--spark-conf KEY=VALUE``; the settings are printed. Its
peak RSS is the Python process's plus the JVM's own peak (``VmHWM`` of the driver JVM,
read from ``/proc`` before the JVM exits).

``--explain`` prints, per table, how often the physical plan of the count scans it, and
the plan's shuffles (``Exchange``), broadcasts and reused exchanges, for the count Spark
runs (``signals.report_sets``: per-report key sets) and for DuckDB's ``counts_sql`` /
``margins_sql`` run on Spark, as before. On the 2M store (AQE off, as planned)::

    report_sets_sql: report_products 1x, report_reactions 1x; 3 shuffles, 0 broadcasts
      with strata sex,age_band,year: + reports 1x; 4 shuffles, 0 broadcasts, 0 reused
    counts_sql: report_products 2x, report_reactions 2x; 10 shuffles, 9 broadcasts, 6 reused
      with strata: 14 shuffles, 10 broadcasts, 8 reused, then margins_sql:
      report_products 2x, report_reactions 2x, reports 1x; 18 shuffles, 11 broadcasts
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


def _jvm_usage() -> tuple[float, float]:
    """Peak RSS (VmHWM, MiB) and CPU time (user + system, s) of this process's child
    processes still running (the driver JVM)."""
    peak = cpu = 0.0
    me = str(os.getpid())
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            if fields[1] != me:
                continue
            cpu += (int(fields[11]) + int(fields[12])) / tick
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak += int(line.split()[1]) / 1024
        except (OSError, IndexError, ValueError):
            continue
    return peak, cpu


def _plan_summary(plan: str) -> str:
    """Parquet scans per table, shuffles (``Exchange hashpartitioning``/``SinglePartition``),
    broadcasts and reused exchanges (a subtree used twice, shuffled once) of a physical plan."""
    lines = plan.splitlines()
    files = [line for line in lines if "FileScan" in line]
    products = sum("product_key#" in line for line in files)
    reactions = sum("term_key#" in line for line in files)
    scans = {
        "report_products": products,
        "report_reactions": reactions,
        "reports": len(files) - products - reactions,
    }
    shuffles = sum(
        1
        for line in lines
        if "Exchange " in line and "Broadcast" not in line and "ReusedExchange" not in line
    )
    broadcasts = sum(1 for line in lines if "BroadcastExchange" in line)
    reused = sum(1 for line in lines if "ReusedExchange" in line)
    return (
        ", ".join(f"{t} scanned {n}x" for t, n in scans.items())
        + f"; {shuffles} shuffles, {broadcasts} broadcasts planned, {reused} reused"
    )


def _shuffles(store: Path, conf: dict[str, str]) -> list[str]:
    """The physical plans on Spark (adaptive execution off, so each plan is the one
    planned) of the count Spark runs (``signals.report_sets``) and, for comparison, of
    ``counts_sql``, the query DuckDB runs: scans, shuffles and reused shuffles."""
    from dermavigil.signals.counts import counts_sql, margins_sql, store_sources
    from dermavigil.signals.report_sets import report_sets_sql
    from dermavigil.store.catalog import register_store
    from dermavigil.store.engine import open_engine

    engine = open_engine("spark", conf={**conf, "spark.sql.adaptive.enabled": "false"})
    out = []
    try:
        register_store(engine, store)
        for strata in ((), ("sex", "age_band", "year")):
            sources = store_sources(("product", "reaction"), strata)
            queries = [
                ("report_sets_sql (Spark's count)", report_sets_sql(sources)),
                ("counts_sql (DuckDB's count) on Spark", counts_sql(sources)),
            ]
            if strata:
                queries.append(("margins_sql (DuckDB's margins) on Spark", margins_sql(sources)))
            for name, sql in queries:
                plan = engine.spark.sql(sql)._jdf.queryExecution().executedPlan().toString()
                label = f"{name}{', strata ' + ','.join(strata) if strata else ''}"
                out.append(f"{label}: {_plan_summary(plan)}")
    finally:
        engine.close()
    return out


def _child(store: Path, engine: str, strata: str, memory_limit: str, conf: dict[str, str]) -> None:
    options: dict[str, object] = {}
    if engine == "duckdb":
        options["memory_limit"] = memory_limit
    else:
        options["conf"] = conf
    started = time.perf_counter()
    request = SignalRequest(strata=tuple(s for s in strata.split(",") if s))
    result = detect_store(store, request, engine=engine, **options)
    wall = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in usage)
    if engine == "spark":
        jvm_peak, jvm_cpu = _jvm_usage()
        kids, cpu = max(kids, jvm_peak), cpu + jvm_cpu
    print(
        json.dumps(
            {
                "pairs": result.table.num_rows,
                "reports": result.n_total,
                "wall": wall,
                "cpu": cpu,
                **result.timings,
                "rss_mib": own,
                "children_rss_mib": kids,
                "prior": result.prior.message if result.prior else "",
            }
        )
    )


def _run(store: Path, engine: str, strata: str, memory_limit: str, conf: dict[str, str]) -> dict:
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
        "--spark-conf-json",
        json.dumps(conf),
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
    parser.add_argument("--spark-master", default="local[*]")
    parser.add_argument("--spark-driver-memory", default="8g")
    parser.add_argument("--spark-partitions", type=int, default=64)
    parser.add_argument("--spark-conf", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--spark-conf-json", default="", help=argparse.SUPPRESS)
    parser.add_argument("--plans", help=argparse.SUPPRESS)
    parser.add_argument("--explain", action="store_true", help="print Spark's shuffles per table")
    args = parser.parse_args(argv)
    if args.plans:  # in a process of its own, so that its JVM does not idle through the runs
        for line in _shuffles(Path(args.plans), json.loads(args.spark_conf_json)):
            print(f"Spark plan of {line}", flush=True)
        return 0
    if args.child:
        conf = json.loads(args.spark_conf_json) if args.spark_conf_json else {}
        _child(Path(args.child), args.engine, args.strata, args.memory_limit, conf)
        return 0
    conf = {
        "spark.master": args.spark_master,
        "spark.driver.memory": args.spark_driver_memory,
        "spark.sql.shuffle.partitions": str(args.spark_partitions),
    }
    conf.update(item.split("=", 1) for item in args.spark_conf)
    print(
        f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB RAM, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.2f}, "
        f"DuckDB memory_limit {args.memory_limit}; Spark "
        + ", ".join(f"{k}={v}" for k, v in conf.items())
    )
    sizes = [int(s) for s in args.sizes.split(",") if s]
    spark_sizes = {int(s) for s in args.spark_sizes.split(",") if s}
    strata_sizes = {int(s) for s in args.strata_sizes.split(",") if s}
    header = (
        f"{'reports':>10} {'engine':<7} {'strata':<18} {'pairs':>9} {'counts':>8} "
        f"{'expect':>7} {'fit':>7} {'stats':>7} {'total':>8} {'CPU':>8} {'peak RSS':>9}"
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
        if args.explain and size in spark_sizes:
            cmd = [sys.executable, __file__, "--plans", str(store)]
            plans = subprocess.run(
                [*cmd, "--spark-conf-json", json.dumps(conf)], capture_output=True, text=True
            )
            print("".join(ln for ln in plans.stdout.splitlines(True) if ln.startswith("Spark")))
        for engine, strata in runs:
            load = os.getloadavg()[0]
            r = _run(store, engine, strata, args.memory_limit, conf)
            if "error" in r:
                rows.append(f"{size:>10} {engine:<7} {strata or '-':<18} error: {r['error']}")
            else:
                rss = r["rss_mib"] + (r["children_rss_mib"] if engine == "spark" else 0)
                rows.append(
                    f"{size:>10} {engine:<7} {strata or '-':<18} {r['pairs']:>9} "
                    f"{r['counts']:>7.1f}s {r['expected']:>6.1f}s {r.get('fit', 0):>6.1f}s "
                    f"{r['stats']:>6.1f}s "
                    f"{r['wall']:>7.1f}s {r['cpu']:>7.1f}s {rss:>7.0f}Mi  "
                    f"(load {load:.1f}; {r['prior']})"
                )
            print(rows[-1], flush=True)
    print(header)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
