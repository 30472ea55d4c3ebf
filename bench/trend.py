"""Benchmark: time-resolved disproportionality (signals/trend.py) on synthetic stores.

Run:  .venv/bin/python bench/trend.py --sizes 1000000,20000000 --period quarter

For each size (reports; the store of ``dermavigil.signals.synthetic``, received dates
over 21 years, kept under ``--dir`` between runs) this runs, each in a fresh process
so that its peak resident memory is its own:

- ``run``: one signal run over the whole store (the peer: what a trend replaces);
- ``trend held``: every pair followed by period, the MGPS prior fitted once;
- ``trend refit``: the same with the prior refitted at every period.

It prints wall time, peak RSS, the number of pairs and periods, and each trend's
time as a ratio to the single run measured in the same invocation.
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


def _child(store: Path, kind: str, period: str) -> None:
    started = time.perf_counter()
    if kind == "run":
        from dermavigil.signals.detect import SignalRequest, detect_store

        result = detect_store(store, SignalRequest())
        out = {"pairs": result.table.num_rows, "periods": 1}
    else:
        from dermavigil.signals.trend import TrendRequest, trend_store

        prior = kind.split()[-1]
        trend = trend_store(store, TrendRequest(period=period, prior=prior))
        out = {"pairs": trend.first.num_rows, "periods": len(trend.periods)}
    out["wall"] = time.perf_counter() - started
    out["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def _run(store: Path, kind: str, period: str) -> dict:
    cmd = [sys.executable, __file__, "--child", str(store), "--kind", kind, "--period", period]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000")
    parser.add_argument("--period", default="quarter", choices=("month", "quarter", "year"))
    parser.add_argument("--kinds", default="run,trend held,trend refit")
    parser.add_argument("--dir", default="/tmp/dermavigil-bench")
    parser.add_argument("--child")
    parser.add_argument("--kind", default="run")
    args = parser.parse_args(argv)
    if args.child:
        _child(Path(args.child), args.kind, args.period)
        return 0
    from dermavigil.signals.synthetic import SyntheticSpec, write_store

    print(
        f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.2f}, period "
        f"{args.period}"
    )
    print(
        f"{'reports':>10} {'kind':<12} {'pairs':>9} {'periods':>7} {'wall':>8} "
        f"{'x run':>6} {'peak RSS':>9}"
    )
    for size in (int(s) for s in args.sizes.split(",") if s):
        store = Path(args.dir) / f"store-{size}"
        if not (store / "sources" / "synthetic" / "CURRENT").is_file():
            started = time.perf_counter()
            write_store(store, SyntheticSpec(n_reports=size))
            print(f"generated {size:,} reports in {time.perf_counter() - started:.1f} s")
        base = None
        for kind in args.kinds.split(","):
            r = _run(store, kind, args.period)
            if "error" in r:
                print(f"{size:>10} {kind:<12} error: {r['error']}", flush=True)
                continue
            if kind == "run":
                base = r["wall"]
            ratio = f"{r['wall'] / base:>5.1f}x" if base else "     -"
            print(
                f"{size:>10} {kind:<12} {r['pairs']:>9} {r['periods']:>7} {r['wall']:>7.1f}s "
                f"{ratio} {r['rss_mib']:>7.0f}Mi",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
