"""Chance agreement (``u``) among reports of one product: the facts' ``u`` given the product.

Fellegi & Sunter (1969) score a pair by the ratio ``P(γ | M) / P(γ | U)`` of its whole
comparison vector ``γ``; splink, like vigiMatch (Norén et al. 2007), takes that ratio
as the product of one ratio per comparison, which is exact only when the comparisons
are independent given the match status. They are not among the pairs a run scores:
blocking pairs reports of one product (:mod:`~dermavigil.duplicates.blocking`), and two
different patients given one vaccine agree on the event day, the age (one schedule),
the route and the region far more often than two random reports do. ``u`` from random
pairs (splink's ``estimate_u_using_random_sampling``) then counts the product's
agreement once in the product-and-reactions comparison and again in every fact that
goes with it: on the bench's 100k VAERS records the same event day is 2.3 times as
likely among pairs of one vaccine as among random pairs, the same age 2.6 times.

So ``u`` is taken by the chain rule, ``P(γ | U) = P(γ_product | U) ·
P(γ_rest | same product, U)``: the product-and-reactions comparison (and the
publication, which no product predicts) keeps ``u`` from random pairs, and every other
comparison gets the share of each of its levels among a seeded sample of *pairs of one
first suspect product* (Winkler 1989, "Near automatic weight computation in the
Fellegi-Sunter model of record linkage", and Winkler 1993's interaction models: a
dependence between fields handled by conditioning one on the other). The levels are
splink's own: the comparison vectors of the sampled pairs are computed by the model's
comparisons' own expressions and counted (:func:`~dermavigil.duplicates.vectors.level_shares`),
a missing side (vector value -1) left out as splink's random sampling leaves it out.

The remaining assumption is that the other facts are independent of one another given
the product; the lot, which also goes with the region and the season, is conditioned on
those as well (:mod:`~dermavigil.duplicates.lot_chance`), and the rare reactions of two reports
of one publication on the publication (:func:`publication_rare_u`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from dermavigil.duplicates.dialects import draw_below_sql, draw_sql
from dermavigil.duplicates.engine import PairEngine
from dermavigil.duplicates.model import (
    DUPLICATE_SHARE,
    U_SEED,
    facts,
    level_labels,
)
from dermavigil.duplicates.vectors import level_shares

log = logging.getLogger(__name__)

UNCONDITIONED = ("products_reactions", "publication", "rare_reactions")
"""Comparisons whose ``u`` stays that of random pairs: the conditioning fact itself, the
publication (a DOI says nothing about the product) and the rare reactions, whose levels
are defined by a term's frequency among all records (vigiMatch's hit-miss idea; taken
among one product's pairs, an exact copy of the seed case among 300 other patients of
its exosome product fell from 0.998 to 0.87). So do the comparisons with a
term-frequency adjustment (country, region): splink replaces their level's ``u`` by the
value's frequency among *all* records, a random-pair quantity, and conditioning the
level's ``u`` alone made EM drive the country's "no agreement" ``m`` below 1e-300 (100k
bench: all VAERS pairs of one vaccine agree on the country). A value's frequency taken
among the product's reports (``Level.tf_given``: the exact age and onset latency) keeps
its fact conditioned."""


def conditioned(name: str) -> bool:
    """Whether comparison ``name``'s ``u`` is taken among pairs of one product."""
    fact = next(f for f in facts() if f.name == name)
    return name not in UNCONDITIONED and not fact.has_tf


PRODUCT_PAIRS = 500_000
"""Pairs of one first suspect product sampled for the conditional ``u``."""
PRODUCT_RECORDS = 20_000
"""Records (with a first suspect product) sampled, whose same-product pairs are drawn from."""
NON_MATCH_SHARE = 0.99
"""Least share of non-matches the same-product pairs must hold for their agreement to be
``u``: like splink's random sampling, the estimate assumes its pairs are (almost all)
different cases. With ``DUPLICATE_SHARE * n`` expected duplicate pairs, the collection's
same-product pairs must number at least ``DUPLICATE_SHARE * n / (1 - NON_MATCH_SHARE)``.
A small collection of many products fails it (1,200 FAERS reports, 200 of them
follow-ups: one product's pairs are mostly a report and its follow-up, the same event
day in 14% of them), and keeps random pairs' ``u``."""


def _pair_draw(seed: int) -> str:
    """SQL: a pair's draw with ``seed`` (:data:`~dermavigil.duplicates.dialects.DRAW`, alike
    on every engine): sampled pairs are kept in the order of the draw, then of their ids
    (``ORDER BY draw, join_key_l, join_key_r``), so the sample is the same whatever order a
    join gives its rows in (DuckDB's ``USING SAMPLE reservoir ... REPEATABLE`` over a join's
    output drew other pairs from run to run, its threads giving the rows in another order)
    and whichever engine runs it. The draw is a column of the rows ordered, never an
    expression of the ``ORDER BY``: Spark evaluates an ordering's expressions at each
    comparison of its sort (an MD5 digest twice per comparison, some 20 per row), DuckDB
    once per row."""
    return draw_sql("join_key_l", "join_key_r", seed=seed)


def record_draw(seed: int) -> str:
    """SQL: a record's draw with ``seed``: sampled records are kept in the order of the
    draw, then of their ids (as :func:`_pair_draw`)."""
    return draw_sql("unique_id", seed=seed)


def product_pairs_sql(table_name: str, seed: int = U_SEED) -> str:
    """SQL: a sample of pairs of one first suspect product (splink's blocked-pairs
    columns), drawn from a sample of the records, both drawn with ``seed``."""
    kept = draw_below_sql("d", "f")
    return f"""
        WITH s AS (
            SELECT unique_id, first_suspect FROM (
                SELECT unique_id, first_suspect, {record_draw(seed)} AS d FROM {table_name}
                WHERE first_suspect IS NOT NULL
            ) ORDER BY d, unique_id LIMIT {PRODUCT_RECORDS}
        ), share AS (
            -- of the pairs, a share 1.5 times the sample's by the draw first, so that the
            -- ordering holds ~1.5x the sample, not every pair (18M at 100k records)
            SELECT least(CAST({int(1.5 * PRODUCT_PAIRS)} AS DOUBLE)
                         / CAST(greatest(sum(c * (c - 1) // 2), 1) AS DOUBLE),
                         CAST(1 AS DOUBLE)) AS f
            FROM (SELECT count(*) AS c FROM s GROUP BY first_suspect)
        ), pairs AS (
            SELECT join_key_l, join_key_r, {_pair_draw(seed)} AS d FROM (
                SELECT l.unique_id AS join_key_l, r.unique_id AS join_key_r FROM s l JOIN s r
                ON l.first_suspect = r.first_suspect AND l.unique_id < r.unique_id
            )
        )
        SELECT '0' AS match_key, join_key_l, join_key_r FROM pairs, share
        WHERE f >= 0.99 OR {kept}
        ORDER BY d, join_key_l, join_key_r LIMIT {PRODUCT_PAIRS}
    """


def without_expected_matches(
    shares: dict[str, dict[str, float]], match_share: float, pairs: int
) -> dict[str, dict[str, float]]:
    """``u`` per fact and level label from the levels' ``shares`` among ``pairs`` sampled
    pairs of which a share ``match_share`` is expected to be the same case.

    splink's random sampling takes a level's share among sampled pairs for its ``u``,
    "on the assumption that the resultant pairwise comparisons are non-matches (or at
    least, they are very unlikely to be matches)" (``estimate_u_using_random_sampling``;
    its training guide counts "occasionally, our sampled records will match" among the
    estimate's errors). Its model of a level's share among all pairs is the mixture
    ``share = λ m + (1 - λ) u`` with ``λ`` its ``probability_two_random_records_match``,
    so the error is ``λ (m - u)``: nothing for a level most pairs reach, all of the
    estimate for one that only duplicates reach -- the same manufacturer report number,
    which in the FAERS slices of ``bench/faers_links.py`` one pair of 500,000 random
    ones shared, a version link (``λ m`` = 2.6e-6, the share 2.0e-6). So ``u = (share -
    λ m) / (1 - λ)`` with each level's prior ``m``; where the duplicates expected
    account for every pair seen, ``u`` is below what the sample can resolve, and is taken
    as half a pair in ``pairs`` (Jeffreys, as :func:`publication_rare_u`). Held levels
    (``Level.held``) are left as they are."""
    lam = min(max(match_share, 0.0), 0.5)
    floor = 0.5 / max(pairs, 1)
    priors = {f.name: {lv.label: lv.m for lv in f.levels if not lv.held} for f in facts()}
    out: dict[str, dict[str, float]] = {}
    for name, levels in shares.items():
        out[name] = {}
        for label, share in levels.items():
            m = priors.get(name, {}).get(label)
            out[name][label] = (
                share if m is None else max((share - lam * m) / (1 - lam), min(share, floor))
            )
    return out


@dataclass(frozen=True)
class ProductShares:
    """Level shares among ``pairs`` sampled pairs of one first suspect product, of the
    collection's ``same_product`` such pairs among ``n`` records."""

    shares: dict[str, dict[str, float]]
    pairs: int
    n: int
    same_product: int

    def corrected(self, share: float) -> dict[str, dict[str, float]]:
        """``u`` per comparison and level label: the shares less the duplicates a ``share``
        of the records would make among one product's pairs (all of one product). A share
        ``s`` of ``n`` records having a duplicate makes ``s n / 2`` pairs (the model's
        ``λ = s / (n - 1)`` over ``n (n - 1) / 2`` pairs); before the eleventh session
        this correction took ``s n`` pairs, twice the random pairs' correction."""
        pairs = share * self.n / 2
        return without_expected_matches(self.shares, pairs / self.same_product, self.pairs)


def product_u(
    records: Any, settings: Any, engine: PairEngine, table_name: str, seed: int = U_SEED
) -> ProductShares | None:
    """Level shares of each comparison (but :data:`UNCONDITIONED`) among pairs of one first
    suspect product drawn with ``seed`` (None when too few)."""
    n, same_product = engine.one(
        f"SELECT (SELECT count(*) FROM {table_name}), coalesce(sum(c * (c - 1) // 2), 0) "
        f"FROM (SELECT count(*) AS c FROM {table_name} WHERE first_suspect IS NOT NULL "
        f"GROUP BY first_suspect)"
    )
    if same_product * (1 - NON_MATCH_SHARE) < DUPLICATE_SHARE * n:
        log.info("%d same-product pairs for %d records: u of random pairs", same_product, n)
        return None
    names = [name for name in level_labels() if conditioned(name)]
    pairs_sql = product_pairs_sql(table_name, seed)
    shares, pairs = level_shares(records, settings, engine, pairs_sql, names)
    return ProductShares(shares, pairs, int(n), int(same_product)) if shares else None


def random_pair_comparisons(product: ProductShares | None) -> list[str]:
    """The comparisons whose ``u`` is taken from random pairs: every one when there are
    no shares among one product's pairs (:func:`product_u` gave None), else those not
    :func:`conditioned` on the product and those with a level the pairs of one product
    never reached (that level keeps random pairs' ``u``). For the others, one product's
    shares replace every level's ``u`` (:meth:`ProductShares.corrected`), so random pairs
    need not be compared on them: at 10k records 12 of the 17 comparisons were."""
    if product is None:
        return [fact.name for fact in facts()]
    return [
        fact.name
        for fact in facts()
        if not conditioned(fact.name)
        or {lv.label for lv in fact.levels} - product.shares.get(fact.name, {}).keys()
    ]


PUBLICATION_MIN_PAIRS = 5
"""Fewest pairs of one publication that are surely two patients (both rare-term lists
given) for the rare reactions' ``u`` given the publication to be estimated."""


def publication_rare_u(engine: PairEngine, table_name: str) -> tuple[dict[str, float], int]:
    """``u`` of the rare-reaction levels given one publication
    (:data:`~dermavigil.duplicates.model.PUBLICATION_RARE`): among the pairs of reports
    sharing a publication key whose sexes differ or whose exact ages are more than a year
    apart (two patients of one article, surely), both with rare terms, the share at each
    level, as ``(count + 0.5) / (pairs + 1)`` (Jeffreys: a level no pair reached is not
    impossible); ({}, pairs) when fewer than :data:`PUBLICATION_MIN_PAIRS`. Assumes the
    rare terms two patients of one article share do not depend on their sexes or ages."""
    from dermavigil.duplicates.model import RARE_MOST, RARE_ONE
    from dermavigil.duplicates.pair_conditions import most_of_shorter

    most = most_of_shorter("rare_terms").replace("rare_terms_l", "l.rare_terms")
    most = most.replace("rare_terms_r", "r.rare_terms")
    row = engine.one(
        f"""
        WITH keys AS (
            SELECT unique_id, unnest(publication_ids) AS k FROM {table_name}
            WHERE publication_ids IS NOT NULL AND rare_terms IS NOT NULL
        ), pairs AS (
            SELECT DISTINCT a.unique_id AS il, b.unique_id AS ir
            FROM keys a JOIN keys b ON a.k = b.k AND a.unique_id < b.unique_id
        ), two AS (
            SELECT {most} AS most, len(list_intersect(l.rare_terms, r.rare_terms)) > 0 AS one
            FROM pairs p JOIN {table_name} l ON l.unique_id = p.il
            JOIN {table_name} r ON r.unique_id = p.ir
            WHERE l.sex <> r.sex OR abs(l.age_years - r.age_years) > 1
        )
        SELECT count(*), count(*) FILTER (WHERE most), count(*) FILTER (WHERE one AND NOT most)
        FROM two
        """
    )
    pairs, most_n, one_n = (int(v) for v in row)
    if pairs < PUBLICATION_MIN_PAIRS:
        return {}, pairs
    return {
        f"{RARE_MOST}, within one publication": (most_n + 0.5) / (pairs + 1),
        f"{RARE_ONE} within one publication": (one_n + 0.5) / (pairs + 1),
    }, pairs


def block_pairs_sql(table_name: str, rule_sql: str, seed: int = U_SEED) -> str:
    """SQL: a sample of the pairs of a blocking rule (splink's ``l``/``r`` SQL) drawn with
    ``seed``."""
    return f"""
        SELECT '0' AS match_key, join_key_l, join_key_r FROM (
            SELECT join_key_l, join_key_r, {_pair_draw(seed)} AS d FROM (
                SELECT l.unique_id AS join_key_l, r.unique_id AS join_key_r
                FROM {table_name} l JOIN {table_name} r
                ON ({rule_sql}) AND l.unique_id < r.unique_id
            )
        ) ORDER BY d, join_key_l, join_key_r LIMIT {PRODUCT_PAIRS}
    """


M_FLOOR = 1e-6
"""Least ``m`` (and ``u``) an EM iteration may give a level: splink's own value for a
level it never observed. Without it, EM on the 100k bench drove the m of the country's
"no agreement" (no copy disagrees on it) toward 0 geometrically, and splink refuses an
m below 1e-300 mid-session, losing the session's every estimate."""


@contextmanager
def m_floor(floor: float = M_FLOOR) -> Iterator[None]:
    """Within the block, each EM iteration's new ``m`` and ``u`` are at least ``floor``
    (splink's M-step, ``compute_proportions_for_new_parameters``, wrapped; restored on
    exit). A level's likelihood ratio then stays finite, as a Dirichlet pseudo-count
    would keep it."""
    from splink.internals import expectation_maximisation as em

    original = em.compute_proportions_for_new_parameters

    def floored(df_params: Any) -> list[dict[str, Any]]:
        records = original(df_params)
        for record in records:
            if record["output_column_name"] == "_probability_two_random_records_match":
                continue
            for key in ("m_probability", "u_probability"):
                value = record.get(key)
                if value is not None and value < floor:
                    record[key] = floor
        return records

    em.compute_proportions_for_new_parameters = floored
    try:
        yield
    finally:
        em.compute_proportions_for_new_parameters = original
