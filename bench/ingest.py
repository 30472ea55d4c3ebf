"""Import time and peak memory (RSS) of the importers, with the machine they ran on.

Runs each import in a fresh Python process (so peak RSS is that import's own):

1. all of VAERS 1990-2006 (17 official yearly zips, 203,446 reports);
2. the largest real FAERS sample in ../shared/data (2025Q4, 1,000 reports);
3. a full-size FAERS quarter (no real one is stored offline): the 2025Q4
   sample replicated ``--scale`` times with fresh primaryids/caseids, by default
   300x = 300,000 reports, 1.89 M DRUG rows, 1.28 M REAC rows, about the size of
   a real quarter (2025Q4: 385,288 reports, 1.8 M drug rows). Labelled
   *synthetic* in the output.

Usage: ``.venv/bin/python bench/ingest.py [--scale 300] [--skip-synthetic]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow

from dermavigil.settings import load_settings

CHILD = """
import json, sys
from pathlib import Path
from dermavigil.ingest.runner import run_import
from dermavigil.settings import load_settings
s = run_import(load_settings({"DERMAVIGIL_HOME": sys.argv[1]}), sys.argv[2], [Path(sys.argv[3])])
print(json.dumps({"reports": s.reports_kept, "products": s.product_rows,
                  "reactions": s.reaction_rows, "rows_read": sum(s.rows_read.values())}))
"""


def machine() -> str:
    mem = "?"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        mem = f"{kb / 2**20:.1f} GiB"
    cpu = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            ln.split(":", 1)[1].strip()
            for ln in cpuinfo.read_text().splitlines()
            if ln.startswith("model name")
        ]
        cpu = names[0] if names else "?"
    return (
        f"{platform.platform()} | {cpu} | {os.cpu_count()} CPUs | RAM {mem} | "
        f"Python {platform.python_version()} | duckdb {duckdb.__version__} | "
        f"pyarrow {pyarrow.__version__}"
    )


def run(label: str, source: str, path: Path) -> None:
    """Import ``path`` in a child process; print wall time and that child's peak RSS."""
    with tempfile.TemporaryDirectory(prefix="dv-bench-") as home:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, home, source, str(path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        output = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        if child.returncode != 0:
            raise SystemExit(f"{label}: import failed (exit {child.returncode})")
        counts = json.loads(output.strip().splitlines()[-1])
    print(
        f"{label}: {seconds:6.1f} s, peak RSS {usage.ru_maxrss / 1024:,.0f} MiB; "
        f"rows read {counts['rows_read']:,}, reports {counts['reports']:,}, "
        f"product rows {counts['products']:,}, reaction rows {counts['reactions']:,}"
    )


def synthetic_quarter(sample: Path, scale: int, out: Path) -> Path:
    """The sample's DEMO/DRUG/REAC/OUTC replicated ``scale`` times with new ids."""
    out.mkdir(parents=True, exist_ok=True)
    for name in ("DEMO", "DRUG", "REAC", "OUTC"):
        lines = (sample / f"{name}25Q4.txt").read_text(encoding="utf-8").splitlines()
        with open(out / f"{name}25Q4.txt", "w", encoding="utf-8") as fh:
            fh.write(lines[0] + "\n")
            for k in range(scale):
                for line in lines[1:]:
                    pid, case, rest = line.split("$", 2)
                    fh.write(f"{k:03d}{pid}${k:03d}{case}${rest}\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=300)
    parser.add_argument("--skip-synthetic", action="store_true")
    args = parser.parse_args()
    data = load_settings().shared_data_dir
    print("machine:", machine())
    run("VAERS 1990-2006 (17 zips)", "vaers", data / "vaers_1990_2006_official_zips")
    sample = data / "faers_2025q4_sample"
    run("FAERS 2025Q4 sample (real)", "faers", sample)
    if not args.skip_synthetic:
        with tempfile.TemporaryDirectory(prefix="dv-faers-") as tmp:
            quarter = synthetic_quarter(sample, args.scale, Path(tmp) / "q")
            size = sum(f.stat().st_size for f in quarter.iterdir()) / 2**20
            run(
                f"FAERS synthetic full quarter ({args.scale}x sample, {size:,.0f} MiB)",
                "faers",
                quarter,
            )


if __name__ == "__main__":
    main()
