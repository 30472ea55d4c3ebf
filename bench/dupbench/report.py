"""The bench's table for one size, printed from :func:`dupbench.one_size.one_size`'s
figures: time and memory, the blocking families, the VAERS audit, the precision-recall
curve, the adjudicated precision and the recall by kind of duplicate."""

from __future__ import annotations

from dupbench.measures import AUDIT_THRESHOLD


def print_size(r: dict, light: bool, load: tuple[float, float]) -> None:
    """Print size ``r``'s figures (``light``: without the adjudication a light run skips);
    ``load`` is the load average before and after its run."""
    print(
        f"\n{r['n']:,} reports on {r.get('engine', 'duckdb')} (draw seed {r.get('draw_seed')}): "
        f"detect {r['detect_s']:.1f} s "
        f"wall, {r['detect_cpu_s']:.1f} s CPU (all threads, every process), "
        f"peak RSS {r['peak_rss_mib']:,.0f} MiB ({r['detect_peak_rss_mib']:,.0f} MiB "
        f"after detection, before the diagnostics; load average before {load[0]:.1f}, "
        f"after {load[1]:.1f}); "
        f"{r['true_pairs']} true pairs, {r['indistinguishable']} the data cannot tell "
        f"({r['no_identifying_fact']} share no identifying fact, indistinguishable(); "
        f"{r['ambiguous']} match a third report as well, ambiguous()); "
        f"pool {r['pool']:,} real reports; EM sessions used "
        f"{r['em_used']}; u from {r['u_pairs']} pairs; duplicate share "
        f"{r['duplicate_share']}"
    )
    print(
        f"  {'blocking family':<24} {'pairs unbounded':>16} {'bounded (<=)':>13} "
        f"{'largest':>8} {'dropped':>8} {'true pairs kept':>16}"
    )
    for c in r["blocking"]:
        print(
            f"  {c['family']:<24} {c['pairs_unbounded']:>16,} {c['pairs_bounded']:>13,} "
            f"{c['largest_block']:>8} {c['dropped_records']:>8} "
            f"{r['blocking_recall'].get(c['family'], float('nan')):>16.3f}"
        )
    total = sum(c["pairs_bounded"] for c in r["blocking"])
    print(
        f"  {'all families':<24} {'':>16} {total:>13,} {'':>8} {'':>8} "
        f"{r['blocking_recall']['all']:>16.3f}"
    )
    if r.get("pruning"):
        pr = r["pruning"]
        print(
            f"  {'scored (pruned)':<24} {pr['candidate_pairs']:>16,} "
            f"{pr['scored_pairs']:>13,} {'':>8} {'':>8} "
            f"{r['blocking_recall']['pruned']:>16.3f}"
            f"   (distinct candidate pairs -> each record's {pr['per_record']} heaviest)"
        )
    print(f"  false alarms at {AUDIT_THRESHOLD} between two real VAERS reports: {r['audit']}")
    print(
        f"  {'thr':>5} {'pairs':>8} {'precision':>9} {'recall':>7} {'F1':>6} "
        f"{'cross-src R':>11} {'P copies':>8} {'twins':>5} {'P -twins':>8} | "
        f"distinguishable: {'P':>6} {'R':>6} {'F1':>6}"
    )
    for t, c in r["curve"].items():
        v = c["visible"]
        cross = c["cross_recall"] if c["cross_recall"] is not None else float("nan")
        print(
            f"  {float(t):>5g} {c['pairs']:>8} {c['precision']:>9.3f} {c['recall']:>7.3f} "
            f"{c['f1']:>6.3f} {cross:>11.3f} {c['precision_on_copies']:>8.3f} "
            f"{c['twins']:>5} {c['precision_without_twins']:>8.3f} | {'':>16} "
            f"{v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}"
        )
    if not light:
        print(
            "  adjudicated (bench/vaers_adjudication.py: flagged pairs of two real VAERS "
            "reports one case by evidence, or probably, count as true)"
        )
        for t, c in r["curve"].items():
            adj = c["adjudicated"]
            classes = {k: v for k, v in adj.items() if k not in ("evidence", "probable")}
            print(
                f"  {float(t):>5g} P strict {c['precision']:.3f}  P evidence "
                f"{adj['evidence']:.3f}  P +probable {adj['probable']:.3f}  {classes}"
            )
    if r["where_lost"]:
        print("  where the true pairs end, by kind (measures.where_lost)")
        for kind, stages in r["where_lost"].items():
            print(f"  {kind:<42} " + "  ".join(f"{s} {v}" for s, v in stages.items()))
    print(f"  recall by kind of duplicate (true pairs: {r['pairs_by_kind']})")
    for t, c in r["curve"].items():
        by_kind = "  ".join(f"{k} {v:.3f}" for k, v in c["recall_by_kind"].items())
        print(f"  {float(t):>5g} {by_kind}")
