"""Training the duplicate model on the reports it scores, within stated bounds.

From :data:`~dermavigil.duplicates.model.TRAIN_MIN_RECORDS` records on:

1. ``u`` (chance agreement) by splink's ``estimate_u_using_random_sampling``
   over up to :data:`~dermavigil.duplicates.model.U_MAX_PAIRS` random pairs
   with a fixed seed (deterministic); then, for the facts that go with a product
   (age, event date, route...), among seeded pairs of one first suspect product
   (:mod:`~dermavigil.duplicates.chance`: the chain rule, so the product's
   agreement is not counted again in each of them), and for the lot among one
   product's reports of one region and month, or of others
   (:func:`~dermavigil.duplicates.lot_chance.lot_u_among_product_pairs`); the random and
   the same-product shares less the duplicates a share of the reports makes among them
   (:func:`~dermavigil.duplicates.chance.without_expected_matches`; :func:`assemble`, with
   the stated share, then with the share the scored pairs give:
   :mod:`~dermavigil.duplicates.share`);
2. ``m`` (agreement among duplicates) by splink's expectation maximisation
   (Fellegi-Sunter EM, Winkler 1988; ``u`` held fixed) in each session of
   :func:`~dermavigil.duplicates.model.training_blocks` (each iteration's ``m`` at
   least splink's 1e-6: :func:`~dermavigil.duplicates.chance.m_floor`), shrunk toward the prior
   ``m`` by :data:`PRIOR_MATCHES` pseudo-matches. A session counts
   only if EM found a match cluster: at least :data:`EM_MIN_MATCHES` expected
   matching pairs and, for every fact it trained, a strongest agreement level
   more frequent among matches than among non-matches. A fact that no session
   trained keeps its prior ``m`` (and says so), and so do the facts of
   :data:`~dermavigil.duplicates.model.M_HELD` (the manufacturer's report number, which
   EM's blocks cannot estimate); a held level (``Level.held``: the rare reactions given
   one publication) keeps its prior ``m`` and takes ``u`` among the collection's pairs of
   one publication that are two patients
   (:func:`~dermavigil.duplicates.chance.publication_rare_u`), or weighs as the level it
   stands in for when there are too few; any other held level keeps its prior ``m`` and
   ``u`` (alike narratives of two reports received on one day: m = u, no evidence);
3. :func:`constrain`: whatever was estimated, agreeing is never evidence
   against a match and disagreeing never evidence for one. For each level of
   agreement ``u`` is lowered to at most ``m`` (weight >= 0); for the
   "no agreement" levels (the else level, and a graded disagreement such as "no
   agreement (ages within 5 years)") ``m`` is lowered to at most ``u`` (weight <= 0);
   a level whose ``u`` is the baseline of a term-frequency adjustment keeps its ``u``
   and has its ``m`` raised instead (``Level.tf_baseline``). Random
   pairs of a registry holding many near-copies of one case are not "random
   non-matches" (the copies agree with one another), which is how an earlier
   version gave an exact copy of the seed case negative weights on 6 facts.

Below ``TRAIN_MIN_RECORDS`` the priors of :mod:`~dermavigil.duplicates.model`
are used as they are (after the same constraint, which they already meet).

:class:`DuplicateModel` records every parameter and where it came from; it is
saved with each run and shown by the CLI and the duplicates page.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dermavigil.duplicates.chance import (
    ProductShares,
    block_pairs_sql,
    m_floor,
    product_u,
    publication_rare_u,
    random_pair_comparisons,
    without_expected_matches,
)
from dermavigil.duplicates.engine import PairEngine
from dermavigil.duplicates.linker_values import (
    current_u,
    model_dict,
    sampled_u,
    session_m,
    set_u,
)
from dermavigil.duplicates.lot_chance import lot_u_among_product_pairs
from dermavigil.duplicates.model import (
    DUPLICATE_SHARE,
    M_HELD,
    PUBLICATION_RARE,
    TRAIN_MIN_RECORDS,
    U_MAX_PAIRS,
    U_SEED,
    Params,
    blocking_rules,
    facts,
    level_labels,
    prior_match_probability,
    settings,
    training_blocks,
)
from dermavigil.duplicates.parameters import (
    DuplicateModel,
    EMSession,
    FactParameters,
    LevelParameters,
    Source,
)
from dermavigil.duplicates.vectors import level_shares

log = logging.getLogger(__name__)

EM_MIN_MATCHES = 20.0
"""Fewest expected matching pairs for an EM session to count."""
PRIOR_MATCHES = 100.0
"""Strength of the prior ``m`` as a number of pseudo-matches: the EM estimate of a level
is shrunk toward the prior as ``(E * m_em + K * m_prior) / (E + K)`` with ``E`` the
matches EM expected (a Dirichlet prior on the match cluster's levels). Without it, a
level EM never saw among a few hundred matches gets ``m = 0`` and a weight of -30 bits,
which one typo would then cost."""
EM_MAX_PAIRS = 2_000_000
"""At most this many pairs of a training block go into EM (splink samples the rest)."""

Progress = Callable[[str, int, int], None]
"""(step, completed, total) callback."""


def _rule_sql(rule: Any) -> str:
    return rule.get_blocking_rule("duckdb").blocking_rule_sql


def _pairs_in_block(engine: PairEngine, table_name: str, rule: Any) -> int:
    """Number of pairs the block makes (one SQL count over the registered table)."""
    sql = _rule_sql(rule)
    query = (
        f"SELECT count(*) FROM {table_name} l JOIN {table_name} r "
        f"ON ({sql}) AND l.unique_id < r.unique_id"
    )
    return int(engine.one(query)[0])


def _em(
    linker: Any,
    engine: PairEngine,
    table_name: str,
    records: Any,
    n_records: int,
    u: dict[str, dict[str, float]],
    seed: int = U_SEED,
) -> tuple[dict[str, dict[str, float]], list[EMSession]]:
    """m per fact and level, averaged over the EM sessions that found a match cluster.

    In each session ``u`` is held fixed at the levels' shares among the block's own pairs
    (:func:`~dermavigil.duplicates.vectors.level_shares`), a level none of them reached at
    the collection's ``u`` (per comparison and level label; splink would otherwise put
    back random pairs' ``u`` after each session): EM's non-match class is then what two
    different reports of the block look like. With random pairs' ``u`` the block of one
    product and day (two patients of one clinic session agree on the state and the lot
    far more often than two random reports) was explained by a match class of *sessions*:
    on the 1991 VAERS reports alone, with no duplicate planted, EM expected 1,219 matches
    among 26,751 pairs and gave "same sex" an m of 0.66 and "same age" 0.11."""
    sums: dict[str, dict[str, list[tuple[float, float]]]] = {}
    sessions: list[EMSession] = []
    for rule in training_blocks():
        block = _rule_sql(rule)
        pairs = _pairs_in_block(engine, table_name, rule)
        if pairs == 0:
            sessions.append(EMSession(block=block, used=False, why="no pair in the block"))
            continue
        block_u, _ = level_shares(
            records, settings(n_records), engine, block_pairs_sql(table_name, block, seed),
            list(level_labels()),
        )  # fmt: skip
        for name, levels in u.items():
            set_u(linker, name, {**levels, **block_u.get(name, {})})
        try:
            with m_floor():
                session = linker.training.estimate_parameters_using_expectation_maximisation(
                    rule, max_pairs=EM_MAX_PAIRS
                )
        except Exception as error:  # splink raises plain exceptions when EM cannot proceed
            log.info("EM on %s failed: %s", block, error)
            sessions.append(EMSession(block=block, used=False, why=f"EM failed: {error}"))
            continue
        m, lam = session_m(session)
        expected = lam * pairs
        reversed_ = [
            name
            for name, levels in m.items()
            if _strongest_not_favoured(_unheld(name, levels), block_u.get(name))
        ]
        if expected < EM_MIN_MATCHES:
            why, used = f"{expected:.1f} expected matches < {EM_MIN_MATCHES:g}", False
        elif reversed_:
            why, used = f"no match cluster: strongest agreement not favoured ({reversed_})", False
        else:
            why, used = f"{expected:.1f} expected matches among {pairs} pairs", True
        sessions.append(
            EMSession(block=block, trained=sorted(m), expected_matches=expected, used=used, why=why)
        )
        if used:
            for name, levels in m.items():
                for label, value in levels.items():
                    sums.setdefault(name, {}).setdefault(label, []).append((value, expected))
    priors = {fact.name: {lv.label: lv.m for lv in fact.levels} for fact in facts()}
    shrunk = {}
    for name, levels in sums.items():
        shrunk[name] = {}
        for label, values in levels.items():
            matches = sum(e for _, e in values)
            m_em = sum(v * e for v, e in values) / matches
            prior = priors[name][label]
            shrunk[name][label] = (matches * m_em + PRIOR_MATCHES * prior) / (
                matches + PRIOR_MATCHES
            )
    return shrunk, sessions


def _unheld(name: str, levels: dict[str, float]) -> dict[str, float]:
    """``levels`` of fact ``name`` without its held levels (``Level.held``), in order."""
    held = {lv.label for f in facts() if f.name == name for lv in f.levels if lv.held}
    return {label: m for label, m in levels.items() if label not in held}


def _strongest_not_favoured(m_levels: dict[str, float], u_levels: dict[str, float] | None) -> bool:
    """The fact's strongest agreement level is less likely among matches than by chance."""
    if not m_levels:
        return False
    label, m = next(iter(m_levels.items()))
    u = (u_levels or {}).get(label)
    return u is not None and m < u


def constrain(
    m: float, u: float, agreement: bool, keep_u: bool = False
) -> tuple[float, float, str | None]:
    """(m, u, note): agreement weighs >= 0, no agreement <= 0 (see the module docstring).

    ``keep_u``: the level's ``u`` is the baseline of a term-frequency adjustment
    (:attr:`~dermavigil.duplicates.levels.Level.tf_baseline`), so an agreement's ``m`` is
    raised to ``u`` instead. Lowered to EM's ``m``, that ``u`` moved the adjustment of every
    level on the column by ``log2(m / u)``: the first suspect's, on each of the four
    products-and-reactions levels that require it, by -0.7 bits when a new level changed
    EM's ``m`` of "same first suspect product, reactions differ" from .028 to .017."""
    m, u = max(m, 1e-9), max(u, 1e-9)
    if agreement and u > m and keep_u:
        return u, u, f"m {m:.4g} < u: raised to u (weight 0; u is a term-frequency baseline)"
    if agreement and u > m:
        return m, m, f"u {u:.4g} > m: lowered to m (weight 0)"
    if not agreement and m > u:
        return u, u, f"m {m:.4g} > u: lowered to u (weight 0)"
    return m, u, None


@dataclass
class Estimates:
    """What :func:`estimate` drew from the records, before the duplicates expected among
    the sampled pairs are taken out of their shares (:func:`assemble`)."""

    n_records: int
    u_pairs: int | None = None
    model_u: dict[str, dict[str, float]] = field(default_factory=dict)
    sampled: dict[str, dict[str, float]] = field(default_factory=dict)
    product: ProductShares | None = None
    lot_u: dict[str, float] = field(default_factory=dict)
    publication_u: dict[str, float] = field(default_factory=dict)
    m: dict[str, dict[str, float]] = field(default_factory=dict)
    sessions: list[EMSession] = field(default_factory=list)


def estimate(
    table_name: str,
    records: Any,
    n_records: int,
    engine: PairEngine,
    progress: Progress | None = None,
    seed: int = U_SEED,
) -> Estimates:
    """Level shares among sampled pairs and EM's m (from TRAIN_MIN_RECORDS records on), the
    samples drawn with ``seed`` (:data:`~dermavigil.duplicates.model.U_SEED`: the model's;
    another seed draws other samples, for a bench of the estimates' spread; splink's own
    record sample of an EM block over :data:`EM_MAX_PAIRS` is drawn without a seed)."""
    from splink import Linker

    step = progress or (lambda *_: None)
    est = Estimates(n_records)
    if n_records < TRAIN_MIN_RECORDS:
        return est
    step("estimating u from random pairs", 0, 3)
    est.product = product_u(records, settings(n_records), engine, table_name, seed)
    est.publication_u, _ = publication_rare_u(engine, table_name)
    est.lot_u, _ = lot_u_among_product_pairs(engine, table_name, seed)
    # random pairs compared only on the comparisons whose u they give
    sampler = Linker(
        records, settings(n_records, only=random_pair_comparisons(est.product)), log_level=None
    )
    est.u_pairs = int(min(U_MAX_PAIRS, n_records * (n_records - 1) // 2))
    sampler.training.estimate_u_using_random_sampling(
        max_pairs=est.u_pairs, seed=seed, num_chunks=1, min_count_per_level=None
    )
    est.sampled = sampled_u(sampler)
    linker = Linker(records, settings(n_records), log_level=None)
    est.model_u = {
        name: {label: float(u) for label, (_, u) in levels.items() if u is not None}
        for name, levels in {**model_dict(linker), **model_dict(sampler)}.items()
    }
    # EM holds u fixed at random pairs', replaced by one product's (corrected by the
    # stated share) and by the lot's among one product's reports of one region and month
    em_u = {**current_u(linker), **current_u(sampler)}
    if est.product is not None:
        for name, levels in est.product.corrected(DUPLICATE_SHARE).items():
            em_u[name] = {**em_u[name], **levels}
    if est.lot_u:
        em_u["lot"] = {**em_u["lot"], **est.lot_u}
    step("estimating m by expectation maximisation", 1, 3)
    m_est, est.sessions = _em(linker, engine, table_name, records, n_records, em_u, seed)
    est.m = {name: levels for name, levels in m_est.items() if name not in M_HELD}
    return est


def train(
    table_name: str,
    records: Any,
    n_records: int,
    engine: PairEngine,
    progress: Progress | None = None,
) -> tuple[Params, DuplicateModel]:
    """The constrained parameters for scoring ``records`` and the model's record."""
    return assemble(estimate(table_name, records, n_records, engine, progress))


def assemble(
    est: Estimates, share: float = DUPLICATE_SHARE, share_from: str = "stated"
) -> tuple[Params, DuplicateModel]:
    """The constrained parameters and the model's record, the duplicates a ``share`` of
    the reports would make taken out of the sampled pairs' shares (random pairs' and one
    product's: :func:`~dermavigil.duplicates.chance.without_expected_matches`)."""
    n_records = est.n_records
    p = prior_match_probability(n_records)
    trained = n_records >= TRAIN_MIN_RECORDS
    u_from: Source = "random pairs" if trained else "prior"
    u_sources: dict[str, Source] = {}
    m_est, publication_u = est.m, est.publication_u
    u_est: dict[str, dict[str, float]] = {}
    if trained:
        # the levels sampled pairs reached, less the duplicates expected among random
        # pairs (splink's probability_two_random_records_match for the share); a level
        # none reached keeps its prior
        lam = min(0.5, share / max(n_records - 1, 1))
        sampled = without_expected_matches(est.sampled, lam, est.u_pairs or 0)
        u_est = {name: {**levels, **sampled.get(name, {})} for name, levels in est.model_u.items()}
        if est.product is not None:
            for name, levels in est.product.corrected(share).items():
                u_est[name] = {**u_est.get(name, {}), **levels}
                u_sources[name] = "random pairs of one product"
        if est.lot_u:
            u_est["lot"] = est.lot_u
            u_sources["lot"] = "random pairs of one product"
    params: Params = {}
    fact_records = []
    for fact in facts():
        levels: dict[str, LevelParameters] = {}
        for level in sorted(fact.levels, key=lambda lv: lv.held):  # held ones last
            m = m_est.get(fact.name, {}).get(level.label)
            u = u_est.get(fact.name, {}).get(level.label)
            m_source: Source = "EM" if m is not None else "prior"
            u_source: Source = u_sources.get(fact.name, u_from) if u is not None else "prior"
            if level.held:  # conditional m and u (model.PUBLICATION_RARE)
                m, m_source = None, "prior"
                u = publication_u.get(level.label)
                u_source = "two patients of one publication" if u is not None else "prior"
                stands_for = levels.get(PUBLICATION_RARE.get(level.label, ""))
                if u is None and n_records >= TRAIN_MIN_RECORDS and stands_for is not None:
                    m, u = stands_for.m, stands_for.u
                    m_source = u_source = "as the level it stands in for"
            m = level.m if m is None or not math.isfinite(m) else m
            u = level.u if u is None or not math.isfinite(u) else u
            m, u, note = constrain(m, u, agreement=level.agreement, keep_u=level.tf_baseline)
            levels[level.label] = LevelParameters(
                label=level.label,
                m=m,
                u=u,
                weight=math.log2(m / u),
                m_from=m_source,
                u_from=u_source,
                constrained=note,
                tf_column=level.tf,
            )
        ordered = [levels[level.label] for level in fact.levels]
        for record in ordered:
            params.setdefault(fact.name, {})[record.label] = (record.m, record.u)
        fact_records.append(
            FactParameters(name=fact.name, description=fact.description, levels=ordered)
        )
    model = DuplicateModel(
        records=n_records,
        trained=trained,
        prior_match_probability=p,
        prior_weight=math.log2(p / (1 - p)),
        duplicate_share=share,
        duplicate_share_from=share_from,
        u_pairs=est.u_pairs,
        em_sessions=est.sessions,
        blocking_rules=[_rule_sql(rule) for rule in blocking_rules()],
        facts=fact_records,
    )
    return params, model
