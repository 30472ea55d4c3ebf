"""The version-link bench's scoring: every blocked pair scored by the model, and
precision, recall and F1 of a set of flagged pairs."""

from __future__ import annotations

import os
import time


def scored_pairs(table: object) -> tuple[dict[tuple[str, str], dict], float, float, float]:
    """Every blocked pair of ``table`` scored by the model (threshold 0), keyed by the
    sorted pair of ids; the wall and CPU seconds it took and the load average before."""
    from dermavigil.duplicates.detect import score_table

    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    scored, model = score_table(table, 0.0)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"duplicate share {model.duplicate_share:.4f} ({model.duplicate_share_from})")
    rows = {tuple(sorted((r["unique_id_l"], r["unique_id_r"]))): r for r in scored.to_pylist()}
    return rows, seconds, cpu, load


def pr(flagged: set, links: set) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and true positives of ``flagged`` against ``links``."""
    tp = len(flagged & links)
    p = tp / len(flagged) if flagged else float("nan")
    r = tp / len(links) if links else float("nan")
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, tp
