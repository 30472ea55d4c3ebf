"""Precision and recall of flagged pairs against the true pairs, and the true or flagged
pairs that the records themselves cannot tell apart."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

THRESHOLDS = (0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999)
"""The precision-recall curve's thresholds: 0.5 and 0.9 are what the web saves and the CLI
lists by default; 0.98 and 0.995 are about where precision reaches .90 and .95 at 100k."""
DEFAULT_THRESHOLD = 0.5
AUDIT_THRESHOLD = 0.9
"""False alarms between two real VAERS reports at this threshold are checked against the
VAERS files (vaers_audit)."""


def prf(flagged: set, truth: set) -> tuple[float, float, float]:
    tp = len(flagged & truth)
    p = tp / len(flagged) if flagged else float("nan")
    r = tp / len(truth) if truth else float("nan")
    f = 2 * p * r / (p + r) if flagged and tp else 0.0
    return p, r, f


def pairs_at(scored: pa.Table, threshold: float) -> set:
    kept = scored.filter(pc.greater_equal(scored["match_probability"], threshold))
    a, b = kept["unique_id_l"].to_pylist(), kept["unique_id_r"].to_pylist()
    return {tuple(sorted(x)) for x in zip(a, b, strict=True)}


IDENTIFYING = ("age_years", "event_low", "birth_year", "initials")
"""Facts that identify the patient and the event rather than what happened (products,
reactions) or where (country), or a half of all patients (sex)."""


def indistinguishable(table: pa.Table, truth: set) -> set:
    """True pairs whose two reports share no identifying fact: on every one of
    :data:`IDENTIFYING` one side or the other is missing (the perturbation dropped it,
    or the real record never had it). Such a copy holds only the products, reactions,
    sex and country, which another patient's report of the same product and reactions
    holds too (the sampled record drawn again, or another real report): no comparison
    can tell them apart, whatever the model."""
    rows = {r["unique_id"]: r for r in table.select(["unique_id", *IDENTIFYING]).to_pylist()}
    return {
        pair
        for pair in truth
        if not any(
            rows[pair[0]][c] is not None and rows[pair[1]][c] is not None for c in IDENTIFYING
        )
    }


COMPARED = (
    "sex", "age_years", "event_low", "suspect_products", "reaction_terms", "region", "lots",
    "onset_latency_days", "outcome", "report_number", "authority_number",
)  # fmt: skip
"""The facts of the bench's records that the model compares (the rest are missing)."""


def twins(table: pa.Table, pairs: set) -> set:
    """Pairs of ``pairs`` whose two reports agree on every fact of :data:`COMPARED` that
    both hold: nothing in the records tells them apart (two patients of one clinic, one
    vaccine, lot and day, whose reports differ only in the narrative or the reporter's
    own case number), so a flag on them is a false alarm no comparison can avoid."""
    rows = {r["unique_id"]: r for r in table.select(["unique_id", *COMPARED]).to_pylist()}
    return {
        (a, b)
        for a, b in pairs
        if all(
            rows[a][c] is None or rows[b][c] is None or rows[a][c] == rows[b][c] for c in COMPARED
        )
    }


def ambiguous(table: pa.Table, truth: set) -> set:
    """True pairs that a third report matches as well: it agrees with the original on
    every fact of :data:`COMPARED` on which original and copy agree (both given, equal).
    The copy's evidence then points to that report as much as to its original (two
    infants of one clinic, vaccine, lot and day, and a copy that kept only those
    facts), so no model can single out the original: recall is also given without
    them (and without :func:`indistinguishable`'s)."""

    def key(value: object) -> object:
        return tuple(value) if isinstance(value, list) else value

    rows = {
        r["unique_id"]: {c: key(r[c]) for c in COMPARED}
        for r in table.select(["unique_id", *COMPARED]).to_pylist()
    }
    shared_of = {
        pair: tuple(
            c
            for c in COMPARED
            if rows[pair[0]][c] is not None and rows[pair[0]][c] == rows[pair[1]][c]
        )
        for pair in truth
    }
    counts: dict[tuple, dict[tuple, int]] = {}
    for shared in set(shared_of.values()):
        if not shared:
            continue
        tally: dict[tuple, int] = {}
        for r in rows.values():
            values = tuple(r[c] for c in shared)
            if None not in values:
                tally[values] = tally.get(values, 0) + 1
        counts[shared] = tally
    out = set()
    for pair, shared in shared_of.items():
        if not shared or counts[shared][tuple(rows[pair[0]][c] for c in shared)] > 2:
            out.add(pair)
    return out


def where_lost(kinds_of: dict, scored: pa.Table, pruned: set, threshold: float) -> dict:
    """Per kind of duplicate (``kinds_of``: true pair -> kind), how many of its true pairs
    end where: never scored (no kept blocking key, or dropped by meta-blocking's pruning:
    not in ``pruned``), scored below the curve's lowest threshold (``scored`` holds no
    pair below it), scored below ``threshold``, or found at it. Tells blocking's losses
    from the model's."""
    low = min(THRESHOLDS)
    stages = (
        "not scored",
        f"below {low:g}",
        f"{low:g} to {threshold:g}",
        f"found at {threshold:g}",
    )
    ids = zip(scored["unique_id_l"].to_pylist(), scored["unique_id_r"].to_pylist(), strict=True)
    probability = dict(
        zip((tuple(sorted(p)) for p in ids), scored["match_probability"].to_pylist(), strict=True)
    )
    out: dict[str, dict[str, int]] = {}
    for pair, kind in kinds_of.items():
        if pair not in pruned:
            stage = stages[0]
        elif pair not in probability:
            stage = stages[1]
        else:
            stage = stages[2] if probability[pair] < threshold else stages[3]
        out.setdefault(kind, dict.fromkeys(stages, 0))[stage] += 1
    return out
