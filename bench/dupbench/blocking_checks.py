"""Blocking measured on the bench's records: the true pairs each blocking family keeps,
the pairs meta-blocking prunes them to, and the blocking alone timed."""

from __future__ import annotations

import resource
import time

import pyarrow as pa


def blocking_recall(table: pa.Table, truth: set, pruned: set) -> tuple[dict, list]:
    """Per blocking family (and all together): the share of true pairs that share a
    bounded key, i.e. survive blocking, and of those ``pruned`` keeps (the pairs a run
    scores, :func:`pruned_pairs`); and the families' pair counts."""
    from dermavigil.duplicates.blocking import COLUMN, FAMILIES, block_keys, family_of

    keyed, counts = block_keys(table)
    keys = dict(zip(keyed["unique_id"].to_pylist(), keyed[COLUMN].to_pylist(), strict=True))
    kept: dict[str, set] = {f.name: set() for f in FAMILIES}
    for pair in truth:
        for key in set(keys[pair[0]] or ()) & set(keys[pair[1]] or ()):
            kept[family_of(key)].add(pair)
    union = set().union(*kept.values())
    recall = {name: len(v) / len(truth) for name, v in kept.items()}
    recall["all"] = len(union) / len(truth)
    recall["pruned"] = len(pruned & truth) / len(truth)
    return recall, [c.model_dump() for c in counts]


def pruned_pairs(table: pa.Table) -> set:
    """The pairs a run scores: those sharing a bounded key, pruned to each record's
    heaviest (meta_blocking.block_pairs)."""
    import tempfile

    from dermavigil.duplicates.engine import open_pair_engine
    from dermavigil.duplicates.meta_blocking import block_pairs

    with tempfile.TemporaryDirectory(prefix="dupbench-blocking-") as work:
        engine = open_pair_engine("duckdb", work)
        try:
            engine.register("records", table)
            block_pairs(engine, "records", "pairs")
            rows = engine.rows("SELECT join_key_l, join_key_r FROM pairs")
        finally:
            engine.close()
    return {tuple(sorted(r)) for r in rows}


def blocking_size(table: pa.Table, truth: set, n: int, pool: int, made: float) -> dict:
    """The blocking alone at size ``n``: time, CPU, peak memory, pairs and recall."""
    truth = {tuple(sorted(t)) for t in truth}
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    recall, counts = blocking_recall(table, truth, pruned_pairs(table))
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "n": n,
        "pool": pool,
        "true_pairs": len(truth),
        "make_s": made,
        "blocking_s": time.perf_counter() - started,
        "blocking_cpu_s": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
        "peak_rss_mib": after.ru_maxrss / 1024,
        "blocking_recall": recall,
        "blocking": counts,
    }
