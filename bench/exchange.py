"""Time the exchange formats: E2B(R3) import/export of the FDA examples, and every export.

Usage: ``.venv/bin/python bench/exchange.py [--repeat N]``

Prints, per FDA example instance: size, import time (safe parse + XSD
validation + mapping), re-export time (with XSD validation) and the number
of unmapped items kept; then the time of each export format for the seed
case, and for a batch of 100 copies of it; then the machine.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dermavigil.demo import load_seed_case
from dermavigil.exchange.formats import EXPORT_FORMATS, export_cases, import_document
from dermavigil.settings import load_settings


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
    examples = load_settings().shared_data_dir.parent / "standards" / "e2b_r3" / "fda_examples"
    print(f"{'FDA example':28} {'KB':>7} {'import s':>9} {'export s':>9} {'unmapped':>9}")
    for path in sorted(Path(examples).glob("*.xml")):
        data = path.read_bytes()
        cases = import_document(data, path.name).cases
        t_in = _best(lambda d=data, n=path.name: import_document(d, n), repeat)
        t_out = _best(lambda c=cases: export_cases(c, "e2b"), repeat)
        unmapped = sum(len(c.unmapped) for c in cases)
        print(f"{path.name:28} {len(data) / 1024:7.0f} {t_in:9.4f} {t_out:9.4f} {unmapped:9d}")
    seed = load_seed_case()
    print(f"\n{'format':10} {'seed case s':>12} {'100 cases s':>12} {'100 cases KB':>13}")
    for fmt in EXPORT_FORMATS:
        one = _best(lambda f=fmt: export_cases([seed], f), repeat)
        batch = [seed] * 100
        many = _best(lambda f=fmt, b=batch: export_cases(b, f), 1)
        size = len(export_cases(batch, fmt)) / 1024
        print(f"{fmt:10} {one:12.4f} {many:12.3f} {size:13.0f}")
    data = export_cases([seed] * 100, "e2b")
    t_batch = statistics.median(
        _best(lambda: import_document(data, "batch.xml"), 1) for _ in range(repeat)
    )
    print(f"\nimport of a 100-case E2B batch: {t_batch:.3f} s")
    print(
        f"\nmachine: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.processor() or platform.machine()}"
    )


if __name__ == "__main__":
    main()
