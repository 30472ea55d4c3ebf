"""Benchmark: CLI start-up, wall time of whole ``dermavigil`` processes vs bare Python.

Run:  .venv/bin/python bench/startup.py [--repeat N]

Each command runs as a fresh process (``python -m dermavigil.cli.app ...``, the
same code as the ``dermavigil`` script), ``--repeat`` times interleaved with a
bare ``python -c pass``; the best wall time of each is printed with its ratio to
the bare interpreter measured in the same run (the machine may be shared, so the
ratio is the figure to compare). Target (issue 13): ``--help`` <= 0.3 s. The
commands run against a throwaway ``DERMAVIGIL_HOME`` and change nothing else.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("--help",),
    ("case", "--help"),
    ("signals", "--help"),
    ("import", "--help"),
    ("extract", "--help"),
    ("serve", "--help"),
    ("store", "stats"),
    ("case", "list"),
    ("literature", "log"),
)
TARGET_HELP_S = 0.3


def wall(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "DERMAVIGIL_HOME": home, "COLUMNS": "100"}
        env.pop("DERMAVIGIL_DATABASE_URL", None)
        bare = [sys.executable, "-c", "pass"]
        best_bare = min(wall(bare, env) for _ in range(args.repeat))
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        print(f"{'command':<28} {'best wall':>10} {'x bare':>8}")
        print(f"{'python -c pass':<28} {best_bare:>9.3f}s {1.0:>8.1f}")
        for command in COMMANDS:
            runs = []
            for _ in range(args.repeat):
                runs.append(wall([sys.executable, "-m", "dermavigil.cli.app", *command], env))
                best_bare = min(best_bare, wall(bare, env))
            best = min(runs)
            print(f"{'dermavigil ' + ' '.join(command):<28} {best:>9.3f}s {best / best_bare:>8.1f}")
            if command == ("--help",):
                verdict = "met" if best <= TARGET_HELP_S else "NOT met"
                print(f"  target --help <= {TARGET_HELP_S} s: {verdict}")


if __name__ == "__main__":
    main()
