"""One size of the synthetic bench, run in its own process: the records made, scored, and
measured against their true pairs (:func:`one_size`)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from dermavigil.duplicates.model import U_SEED
from dupbench.blocking_checks import blocking_recall, blocking_size, pruned_pairs
from dupbench.measures import (
    AUDIT_THRESHOLD,
    THRESHOLDS,
    ambiguous,
    indistinguishable,
    pairs_at,
    prf,
    twins,
    where_lost,
)
from dupbench.perturbations import SHARE
from dupbench.process_tree import tree_cpu_s, tree_peak_rss_mib
from dupbench.records import synthetic
from dupbench.store import ensure_store
from dupbench.vaers_audit import adjudicated, vaers_audit, vaers_rows


def one_size(
    home: Path,
    n: int,
    blocking_only: bool = False,
    share: float = SHARE,
    dump: Path | None = None,
    light: bool = False,
    engine: str = "duckdb",
    spark_conf: dict[str, str] | None = None,
    draw_seed: int = U_SEED,
) -> dict:
    """Run size ``n`` (in this process) and return its figures (``blocking_only``: the
    blocking keys and their pairs and recall, without scoring; ``dump``: a folder to
    write the records, the scored pairs and the true pairs with their kinds to, as
    Parquet; ``light``: precision and recall only, without the diagnostics that hold
    every record in Python -- indistinguishable and ambiguous pairs, twins, blocking recall,
    the VAERS audit -- whose memory, not the detection's, stopped a 1M run at 16 GB;
    ``engine``: ``duckdb`` or ``spark``, with the Spark session's ``spark_conf``;
    ``draw_seed``: the seed of the samples ``u`` and EM learn from). CPU and
    peak memory are the process tree's (:mod:`dupbench.process_tree`: Spark's JVM
    included)."""
    from dermavigil.duplicates.detect import score_table
    from dermavigil.duplicates.store_features import store_feature_table

    pool = store_feature_table(ensure_store(home))
    pool = pool.filter(pc.invert(pc.is_null(pool["reaction_terms"])))
    started = time.perf_counter()
    # each sampled record's pool id: for the VAERS audit and the dump (a million-entry
    # dict is left out of a light run)
    origins: dict | None = {} if (dump is not None or not light) else None
    kinds_of: dict = {}
    table, truth, cross = synthetic(pool, n, origins=origins, share=share, kinds_of=kinds_of)
    made = time.perf_counter() - started
    if blocking_only:
        return blocking_size(table, truth, n, pool.num_rows, made)
    started = time.perf_counter()

    def progress(what: str, done: int, total: int) -> None:
        # wall, CPU (all threads, every process) and peak memory when each phase starts:
        # where the time goes
        print(
            f"  [{time.perf_counter() - started:7.1f} s, CPU {tree_cpu_s() - cpu:6.1f} s, "
            f"peak {tree_peak_rss_mib():,.0f} MiB] {what}",
            file=sys.stderr,
            flush=True,
        )

    cpu = tree_cpu_s()
    scored, model = score_table(
        table, min(THRESHOLDS), progress, engine, spark_conf, draw_seed=draw_seed
    )
    seconds = time.perf_counter() - started
    detect_rss = tree_peak_rss_mib()  # the peak so far: records made and detection
    cpu_s = tree_cpu_s() - cpu
    truth = {tuple(sorted(t)) for t in truth}
    cross = {tuple(sorted(t)) for t in cross}
    if light:
        no_fact, alike_third = set(), set()
    else:
        no_fact, alike_third = indistinguishable(table, truth), ambiguous(table, truth)
    hidden = no_fact | alike_third
    visible = truth - hidden
    # the pairs a run scores (blocking, then pruning), for blocking's recall and the
    # breakdown of where each kind's true pairs are lost
    pruned = set() if light else pruned_pairs(table)
    block_recall = (
        {"all": float("nan"), "pruned": float("nan")}
        if light
        else blocking_recall(table, truth, pruned)[0]
    )
    lost = {} if light else where_lost(kinds_of, scored, pruned, AUDIT_THRESHOLD)
    if dump is not None:
        dump_size(dump, n, table, scored, kinds_of, origins)
    kinds = sorted(set(kinds_of.values()))
    # the VAERS rows of the flagged pairs of two real VAERS reports, for the adjudication
    rows = {} if light else vaers_rows(pairs_at(scored, min(THRESHOLDS)) - truth, origins)
    curve = {}
    for t in THRESHOLDS:
        flagged = pairs_at(scored, t)
        p, r, f = prf(flagged, truth)
        # false alarms on two reports that agree on every fact both hold (twins())
        alike = set() if light else twins(table, flagged - truth)
        pt, _, _ = prf(flagged - alike, truth)
        # on what the data can tell apart: a flagged pair that is one of the
        # indistinguishable true pairs is neither a hit nor a false alarm there, nor a twin
        pv, rv, fv = prf(flagged - hidden - alike, visible)
        # pairs with a made copy on one side: right or wrong for sure (two sampled real
        # reports may be a real, unlinked VAERS duplicate, counted false above)
        on_copies = {p for p in flagged if p[0].startswith("d") or p[1].startswith("d")}
        pc_, _, _ = prf(on_copies, truth)
        curve[t] = {
            "precision": p,
            "recall": r,
            "f1": f,
            "pairs": len(flagged),
            "cross_recall": len(flagged & cross) / len(cross) if cross else None,
            "visible": {"precision": pv, "recall": rv, "f1": fv},
            "precision_on_copies": pc_,
            "twins": len(alike),
            "precision_without_twins": pt,
            "adjudicated": {} if light else adjudicated(flagged, truth, origins, rows),
            "recall_by_kind": {
                k: len({p for p in flagged & truth if kinds_of[p] == k})
                / max(1, sum(1 for v in kinds_of.values() if v == k))
                for k in kinds
            },
        }
    audit = {} if light else vaers_audit(pairs_at(scored, AUDIT_THRESHOLD) - truth, origins, rows)
    return {
        "n": n,
        "pool": pool.num_rows,
        "true_pairs": len(truth),
        "make_s": made,
        "audit": audit,
        "detect_s": seconds,
        "detect_cpu_s": cpu_s,
        "detect_peak_rss_mib": detect_rss,
        "peak_rss_mib": tree_peak_rss_mib(),
        "engine": engine,
        "draw_seed": draw_seed,
        "curve": curve,
        "indistinguishable": len(hidden),
        "no_identifying_fact": len(no_fact),
        "ambiguous": len(alike_third),
        "blocking_recall": block_recall,
        "blocking": [c.model_dump() for c in model.blocking],
        "pruning": model.pruning.model_dump() if model.pruning else None,
        "em_used": [s.used for s in model.em_sessions],
        "where_lost": lost,
        "pairs_by_kind": {k: sum(1 for v in kinds_of.values() if v == k) for k in kinds},
        "u_pairs": model.u_pairs,
        "duplicate_share": f"{model.duplicate_share:.4f} ({model.duplicate_share_from})",
    }


def dump_size(
    folder: Path, n: int, table: pa.Table, scored: pa.Table, kinds_of: dict, origins: dict
) -> None:
    """Write size ``n``'s records, scored pairs and true pairs (with kinds) as Parquet."""
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, folder / f"records-{n}.parquet")
    keep = [c for c in scored.column_names if c.startswith(("gamma_", "w_"))]
    pq.write_table(
        scored.select(["unique_id_l", "unique_id_r", "match_weight", "match_probability", *keep]),
        folder / f"scored-{n}.parquet",
    )
    pq.write_table(
        pa.table(
            {
                "a": [p[0] for p in kinds_of],
                "b": [p[1] for p in kinds_of],
                "kind": list(kinds_of.values()),
            }
        ),
        folder / f"truth-{n}.parquet",
    )
    pq.write_table(
        pa.table({"unique_id": list(origins), "origin": list(origins.values())}),
        folder / f"origins-{n}.parquet",
    )
