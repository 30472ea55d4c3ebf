"""Where a duplicate run's CPU goes, statement by statement: the records of one size that
``bench/duplicates.py --dump`` wrote, scored again by ``score_table`` on DuckDB, with each
phase's CPU and every SQL statement that took more than :data:`LEAST_CPU_S` of it.

Run (the records do not depend on the model, so two commits' code score the same ones):

    PYTHONPATH=src:bench .venv/bin/python bench/duplicates_queries.py \\
        /tmp/dv-bench/dump/records-100000.parquet --queries q.jsonl --out scored.parquet

DuckDB runs in this process, so this process's CPU (all threads: ``getrusage``) is the
run's. A statement is timed where it is sent: the run's own (``PairEngine.sql``, ``rows``,
``create``) and splink's (``DuckDBAPI._execute_sql_against_backend``: the tables splink
makes; a lazy ``SELECT`` relation is timed where it runs). ``--queries`` writes one JSON
line per statement (phase, what sent it, CPU and wall seconds, the SQL's first 3,000
characters); the summary sums them by phase and by the statement's first words.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

LEAST_CPU_S = 0.05
"""Statements that took less CPU are not written (the run sends thousands)."""


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Timings:
    """The statements timed, each with the phase it ran in."""

    def __init__(self, out: Path | None) -> None:
        self.phase = "start"
        self.rows: list[dict[str, Any]] = []
        self._out = out.open("w") if out else None

    def add(self, sender: str, sql: str, cpu: float, wall: float) -> None:
        if cpu < LEAST_CPU_S:
            return
        row = {
            "phase": self.phase,
            "sender": sender,
            "cpu": round(cpu, 3),
            "wall": round(wall, 3),
            "sql": re.sub(r"\s+", " ", sql).strip()[:3000],
        }
        self.rows.append(row)
        if self._out:
            self._out.write(json.dumps(row) + "\n")
            self._out.flush()

    def timed(self, sender: str, method: Callable[..., Any], sql_at: int = 0) -> Callable[..., Any]:
        """``method`` (of a class) timed, its SQL the argument at ``sql_at`` after ``self``."""

        def wrapper(obj: Any, *args: Any, **kwargs: Any) -> Any:
            cpu, wall = _cpu_s(), time.perf_counter()
            out = method(obj, *args, **kwargs)
            name = f"{sender} {args[0]}" if sql_at else sender
            self.add(name, str(args[sql_at]), _cpu_s() - cpu, time.perf_counter() - wall)
            return out

        return wrapper


def instrument(timings: Timings) -> None:
    """Time every statement the run and splink send (see the module docstring)."""
    from splink.internals.duckdb.database_api import DuckDBAPI

    from dermavigil.duplicates.engine import PairEngine

    DuckDBAPI._execute_sql_against_backend = timings.timed(  # type: ignore[method-assign]
        "splink", DuckDBAPI._execute_sql_against_backend
    )
    for name in ("sql", "rows"):
        setattr(PairEngine, name, timings.timed(name, getattr(PairEngine, name)))
    PairEngine.create = timings.timed("create", PairEngine.create, sql_at=1)  # type: ignore[method-assign]


def curve(scored: Any, truth_file: Path) -> str:
    """Precision/recall of ``scored`` at the bench's thresholds against the true pairs of a
    dump, and the recall on that curve at precision .95 or more (its highest)."""
    from dupbench.measures import THRESHOLDS, pairs_at, prf

    truth_table = pq.read_table(truth_file).to_pydict()
    truth = {tuple(sorted(pair)) for pair in zip(truth_table["a"], truth_table["b"], strict=True)}
    points = []
    best: tuple[float, float] | None = None
    for threshold in THRESHOLDS:
        precision, recall, _ = prf(pairs_at(scored, threshold), truth)
        points.append(f"{threshold:g} {precision:.3f}/{recall:.3f}")
        if precision >= 0.95 and (best is None or recall > best[0]):
            best = (recall, threshold)
    at_95 = f"{best[0]:.3f} (at {best[1]:g})" if best else "none"
    return f"P/R {'  '.join(points)}; R at P >= .95 {at_95}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path, help="records-N.parquet of a --dump")
    parser.add_argument("--queries", type=Path, help="write each statement's timing here")
    parser.add_argument("--out", type=Path, help="write the scored pairs here (Parquet)")
    parser.add_argument("--threshold", type=float, default=0.1)
    parser.add_argument("--draw-seed", type=int, help="the samples' seed (default: the model's)")
    parser.add_argument("--top", type=int, default=12, help="statements listed by CPU")
    parser.add_argument("--truth", type=Path, help="truth-N.parquet of the --dump: the curve")
    args = parser.parse_args()
    table = pq.read_table(args.records)
    detect = importlib.import_module("dermavigil.duplicates.detect")
    timings = Timings(args.queries)
    instrument(timings)
    marks: list[tuple[str, float, float]] = []
    wall0, cpu0 = time.perf_counter(), _cpu_s()

    def progress(what: str, done: int, total: int) -> None:
        timings.phase = what
        marks.append((what, time.perf_counter() - wall0, _cpu_s() - cpu0))
        print(
            f"  [{marks[-1][1]:7.1f} s, CPU {marks[-1][2]:6.1f} s, peak {_peak_mib():,.0f} MiB] "
            f"{what}",
            file=sys.stderr,
            flush=True,
        )

    seeded = {} if args.draw_seed is None else {"draw_seed": args.draw_seed}
    scored, model = detect.score_table(table, args.threshold, progress, **seeded)
    print(
        f"{table.num_rows:,} records: detect {time.perf_counter() - wall0:.1f} s wall, "
        f"{_cpu_s() - cpu0:.1f} s CPU, peak RSS {_peak_mib():,.0f} MiB; "
        f"{scored.num_rows:,} pairs at or above {args.threshold}"
    )
    statements: dict[str, float] = defaultdict(float)
    for row in timings.rows:
        statements[row["phase"]] += row["cpu"]
    for (what, _, cpu), following in zip(marks, marks[1:], strict=False):
        print(
            f"  {what:<45} {following[2] - cpu:7.1f} s CPU "
            f"({statements[what]:.1f} s in statements over {LEAST_CPU_S} s)"
        )
    if model.pruning:
        print(f"  pruning: {model.pruning.model_dump()}")
    print(f"  EM sessions: {[session.why for session in model.em_sessions]}")
    print(f"  duplicate share {model.duplicate_share:.4f} ({model.duplicate_share_from})")
    for row in sorted(timings.rows, key=lambda r: -r["cpu"])[: args.top]:
        print(
            f"  {row['cpu']:7.2f} s  {row['phase'][:24]:<24} {row['sender'][:32]:<32} "
            f"{row['sql'][:90]}"
        )
    if args.truth:
        print(f"  {curve(scored, args.truth)}")
    if args.out:
        keep = ["unique_id_l", "unique_id_r", "match_weight", "match_probability"]
        pq.write_table(scored.select(keep), args.out)


if __name__ == "__main__":
    main()
