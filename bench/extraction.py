"""Score literature extraction field by field on the annotated set, and time it.

Usage: ``.venv/bin/python bench/extraction.py [--verbose]``

Reads ``tests/data/literature/*.txt`` with their gold ``*.json`` and the
declared split (``split.json``: dev vs held-out; rules are tuned on dev
texts only). Prints precision / recall / F1 for list fields and accuracy
for single fields, separately for dev and held-out, then the time per
abstract (first call includes loading the HPO), the time for one
full-text-sized input (the texts' bodies concatenated), and the machine.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from dermavigil.literature.scoring import ListScore, facts_of, score
from dermavigil.literature.service import draft_from_text

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "literature"


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.2f}"


def _report(title: str, results: dict[str, tuple[dict, dict]]) -> None:
    scores = score(results.values())
    print(f"\n== {title}: {len(results)} texts ==")
    print(f"{'field':16} {'P':>5} {'R':>5} {'F1':>5}   (tp/fp/fn)   | accuracy")
    for field, entry in scores.items():
        if isinstance(entry, ListScore):
            print(
                f"{field:16} {_fmt(entry.precision)} {_fmt(entry.recall)} {_fmt(entry.f1)}"
                f"   ({entry.tp}/{entry.fp}/{entry.fn})"
            )
        else:
            print(
                f"{field:16} {'':>17}   {'':>12} | {_fmt(entry.accuracy)} "
                f"({entry.correct}/{entry.total})"
            )


def main() -> None:
    verbose = "--verbose" in sys.argv
    split = json.loads((DATA / "split.json").read_text())
    timings: list[float] = []
    results: dict[str, dict[str, tuple[dict, dict]]] = {"dev": {}, "held_out": {}}
    first_call = None
    for part in ("dev", "held_out"):
        for name in split[part]:
            text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
            gold = json.loads((DATA / f"{name}.json").read_text())
            start = time.perf_counter()
            draft, _ = draft_from_text(text)
            elapsed = time.perf_counter() - start
            if first_call is None:
                first_call = elapsed
            else:
                timings.append(elapsed)
            got = facts_of(draft)
            results[part][name] = (got, gold)
            if verbose:
                wrong = {
                    k: (got[k], gold.get(k))
                    for k in got
                    if (sorted(got[k]) if isinstance(got[k], list) else got[k])
                    != (sorted(gold.get(k) or []) if isinstance(got[k], list) else gold.get(k))
                }
                print(f"{name}: {wrong}")
    _report("dev", results["dev"])
    _report("held-out", results["held_out"])
    repeats = []
    for _ in range(5):
        for part in results.values():
            for name in part:
                text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
                start = time.perf_counter()
                draft_from_text(text)
                repeats.append(time.perf_counter() - start)
    bodies = [
        (DATA / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)[-1]
        for part in results.values()
        for name in part
        if not name.startswith(("d10", "h06"))
    ]
    long_text = "A long report\n" + " ".join(bodies * 4)
    start = time.perf_counter()
    draft_from_text(long_text)
    long_seconds = time.perf_counter() - start
    print(f"\nfirst call (loads HPO): {first_call:.3f} s")
    print(f"full-text-sized input ({len(long_text)} characters): {long_seconds:.3f} s")
    median_ms = statistics.median(repeats) * 1000
    print(
        f"per abstract (warm, {len(repeats)} runs): median {median_ms:.1f} ms,"
        f" max {max(repeats) * 1000:.1f} ms"
    )
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
