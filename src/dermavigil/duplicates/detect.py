"""Find pairs of reports that are probably the same case (splink, on DuckDB or Spark).

``find_duplicates(cases)`` turns each case into a feature record
(:mod:`~dermavigil.duplicates.features`), scores the blocked pairs with the
Fellegi-Sunter model of :mod:`~dermavigil.duplicates.model` and returns the
pairs at or above ``threshold``, each with the evidence fact by fact: the
level reached and its weight ``log2(m/u)``, so that the prior weight plus the
facts' weights is the pair's match weight.

Output is deterministic: records are sorted by id before splink sees them,
``case_a < case_b`` in every pair, and pairs are ordered by descending
probability then ids.
"""

from __future__ import annotations

import math
import tempfile
from collections import Counter
from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa
from pydantic import BaseModel, Field

from dermavigil.domain.case import Case
from dermavigil.duplicates.engine import PairEngine, open_pair_engine, splink_draws
from dermavigil.duplicates.features import FEATURE_SCHEMA, case_features
from dermavigil.duplicates.model import (
    RARE_TERM_MIN,
    RARE_TERM_SHARE,
    U_SEED,
    facts,
    level_labels,
    settings,
)
from dermavigil.duplicates.parameters import DuplicateModel
from dermavigil.duplicates.share import expected_share
from dermavigil.duplicates.training import Estimates, Progress, assemble, estimate
from dermavigil.duplicates.vectors import pair_free_frequency_sql, vectors_sql
from dermavigil.errors import InputError, Problem
from dermavigil.registry.models import StoredCase


class FieldEvidence(BaseModel):
    """How one fact of a pair compares, and what that weighs."""

    field: str
    level: str = Field(description="the agreement level reached")
    match_weight: float = Field(description="log2(m/u) of that level; 0 when missing")
    value_a: Any = None
    value_b: Any = None


class DuplicatePair(BaseModel):
    """Two reports that are probably the same case."""

    case_a: str
    case_b: str
    match_probability: float = Field(ge=0, le=1)
    match_weight: float = Field(description="log2 posterior odds that the pair is one case")
    prior_weight: float = Field(description="log2 prior odds (depends on the number of cases)")
    source_a: str
    source_b: str
    explanation: list[FieldEvidence]


def _identified(cases: Sequence[Case | StoredCase]) -> list[tuple[str, Case]]:
    """(id, case) for each input: the registry id, else the case_id, else '#<position>'."""
    out: list[tuple[str, Case]] = []
    for position, item in enumerate(cases, start=1):
        if isinstance(item, StoredCase):
            out.append((item.case_id, item.case))
        else:
            out.append((item.case_id or f"#{position}", item))
    counts = Counter(cid for cid, _ in out)
    repeated = sorted(cid for cid, n in counts.items() if n > 1)
    if repeated:
        raise InputError(
            "each case must appear once to be compared",
            [Problem(cid, "case id given more than once", cid) for cid in repeated],
        )
    return out


def feature_table(cases: Sequence[Case | StoredCase]) -> pa.Table:
    """The feature records of ``cases`` as an Arrow table, sorted by id."""
    rows = [case_features(case, cid) for cid, case in _identified(cases)]
    rows.sort(key=lambda row: row["unique_id"])
    return with_rare_terms(pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA))


def with_rare_terms(table: pa.Table) -> pa.Table:
    """``table`` with ``rare_terms``: each record's reaction terms held by at most
    ``max(RARE_TERM_MIN, RARE_TERM_SHARE * rows)`` records (None when it has none)."""
    limit = max(RARE_TERM_MIN, RARE_TERM_SHARE * table.num_rows)
    con = duckdb.connect()
    try:
        con.register("features", table.drop_columns(["rare_terms"]))
        rare = con.sql(
            f"""
            WITH terms AS (
                SELECT DISTINCT unique_id, unnest(reaction_terms) AS term FROM features
            ), counted AS (
                SELECT term FROM terms GROUP BY term HAVING count(*) <= {limit!r}
            ), kept AS (
                SELECT t.unique_id, list_sort(list(t.term)) AS rare_terms
                FROM terms t JOIN counted c USING (term) GROUP BY t.unique_id
            )
            SELECT f.*, k.rare_terms FROM features f LEFT JOIN kept k USING (unique_id)
            ORDER BY f.unique_id
            """
        ).to_arrow_table()
    finally:
        con.close()
    return rare.select(FEATURE_SCHEMA.names).cast(FEATURE_SCHEMA)


_TABLE = "dermavigil_reports"

_PAIRS = "dermavigil_blocked_pairs"


_VECTORS = "dermavigil_scored_pairs"


def _scored(table: pa.Table, engine: PairEngine, est: Estimates) -> DuplicateModel:
    """The blocked pairs compared once, into the table :data:`_VECTORS` (their comparison
    vectors and term frequencies, :func:`~dermavigil.duplicates.vectors.vectors_sql`: what
    a splink ``predict`` of the pairs computes before it weighs them, and all that
    :func:`_weighed_sql` reads), and the model to weigh them by: the correction of chance
    agreement takes the duplicate share the pairs weighed with the stated share give
    (:func:`~dermavigil.duplicates.share.expected_share`). The share moves ``u``, never
    the level a pair reaches, so the pairs are weighed again, not scored again."""
    _, model = assemble(est)
    vectors = vectors_sql(settings(table.num_rows), _TABLE, _PAIRS, scoring=True)
    engine.create(_VECTORS, vectors)
    if not model.trained:
        return model
    sql = _weighed_sql(_VECTORS, model, 0.0)
    weights = engine.sql(f"SELECT match_weight FROM ({sql})").column("match_weight")
    bayes = weights.to_numpy() - model.prior_weight
    share = expected_share(bayes, table.num_rows, model.duplicate_share)
    _, estimated = assemble(est, share, "the scored pairs' posteriors")
    return estimated


def _shown(record: dict[str, Any], columns: tuple[str, ...]) -> Any:
    """The value shown for a fact: its column's value, or a mapping of its columns."""
    if len(columns) == 1:
        return record[columns[0]]
    return {column: record[column] for column in columns}


def _explain(
    row: dict[str, Any], by_id: dict[str, dict[str, Any]], labels: dict[str, dict[int, str]]
) -> list[FieldEvidence]:
    left, right = by_id[row["unique_id_l"]], by_id[row["unique_id_r"]]
    return [
        FieldEvidence(
            field=fact.name,
            level=labels[fact.name][row[f"gamma_{fact.name}"]],
            match_weight=round(float(row[f"w_{fact.name}"]), 6),
            value_a=_shown(left, fact.shown),
            value_b=_shown(right, fact.shown),
        )
        for fact in facts()
    ]


def _pair(
    row: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    labels: dict[str, dict[int, str]],
    prior: float,
) -> DuplicatePair:
    a, b = sorted((row["unique_id_l"], row["unique_id_r"]))
    explanation = _explain(row, by_id, labels)
    if a != row["unique_id_l"]:
        for item in explanation:
            item.value_a, item.value_b = item.value_b, item.value_a
    return DuplicatePair(
        case_a=a,
        case_b=b,
        match_probability=float(row["match_probability"]),
        match_weight=float(row["match_weight"]),
        prior_weight=prior,
        source_a=by_id[a]["source"],
        source_b=by_id[b]["source"],
        explanation=explanation,
    )


class Detection(BaseModel):
    """The pairs found and the model that found them."""

    pairs: list[DuplicatePair]
    model: DuplicateModel | None = Field(default=None, description="None: fewer than 2 cases")


def _checked_threshold(threshold: float) -> None:
    if not 0 <= threshold <= 1:
        raise InputError(
            "threshold must be a probability", [Problem("threshold", "not in [0, 1]", threshold)]
        )


def score_table(
    table: pa.Table,
    threshold: float,
    progress: Progress | None = None,
    engine: str = "duckdb",
    spark_conf: dict[str, str] | None = None,
    draw_seed: int = U_SEED,
) -> tuple[pa.Table, DuplicateModel]:
    """Scored pairs of the feature records ``table`` at or above ``threshold`` (as Arrow:
    the ids, each fact's comparison vector value ``gamma_``, weights ``mw_``, ``mw_tf_adj_``
    and clamped weight ``w_``, the term frequencies ``tf_``, the match weight and
    probability) and the trained model, on the ``engine`` named (``duckdb`` or ``spark``,
    :func:`~dermavigil.duplicates.engine.open_pair_engine`; ``spark_conf``: the Spark
    session's settings; ``draw_seed``: the seed of the samples ``u`` and EM learn from,
    :func:`~dermavigil.duplicates.training.estimate`). For benches at scale."""
    _checked_threshold(threshold)
    from dermavigil.duplicates.blocking import FAMILIES
    from dermavigil.duplicates.meta_blocking import block_pairs

    step = progress or (lambda *_: None)
    spill = tempfile.TemporaryDirectory(prefix="dermavigil-duplicates-")
    pair_engine = open_pair_engine(engine, spill.name, spark_conf)
    try:
        step("blocking", 0, 3)
        pair_engine.register("_features", table)
        counts, pruning = block_pairs(pair_engine, "_features", _PAIRS)
        pair_engine.unregister("_features")
        records = pair_engine.splink_input(_TABLE, table)
        with splink_draws():  # splink's samples drawn as the run's, on either engine
            est = estimate(_TABLE, records, table.num_rows, pair_engine, step, draw_seed)
        step("scoring the blocked pairs", 2, 3)
        model = _scored(table, pair_engine, est)
        model.blocking, model.pruning = counts, pruning
        model.blocking_rules = [f"{f.name}: {f.description}" for f in FAMILIES] + [
            f"each record's {pruning.per_record} heaviest pairs of those sharing a key"
        ]
        # The pairs are weighed in SQL (clamped, see _weighed_sql), so no splink threshold.
        out = pair_engine.sql(_weighed_sql(_VECTORS, model, threshold))
        step("scored", 3, 3)
    finally:
        pair_engine.close()
        spill.cleanup()
    return out, model


def _double(value: float) -> str:
    """SQL: ``value`` as a double (DuckDB reads a plain literal as a decimal)."""
    return f"CAST({value!r} AS DOUBLE)"


def _weighed_sql(table: str, model: DuplicateModel, threshold: float) -> str:
    """The scored pairs weighed by ``model``, each fact clamped as in
    :func:`~dermavigil.duplicates.training.constrain`: a level of agreement (splink's
    comparison vector value > 0) weighs >= 0 even for a very common value, "no agreement"
    <= 0; the match weight is the prior plus these weights and the probability follows.

    A fact's weight is its level's ``log2(m / u)`` as the model records it (0 when
    missing), plus, on a level adjusted by term frequency, splink's adjustment
    ``log2(u of the column's exact-match level) - log2(the value's frequency)`` (splink
    5, ``ComparisonLevel._tf_adjustment_sql``; the frequencies are the ``tf_*`` columns of
    :func:`~dermavigil.duplicates.vectors.vectors_sql`, on an exact-match level the
    value's frequency without the pair,
    :func:`~dermavigil.duplicates.vectors.pair_free_frequency_sql`; a frequency among one product's
    reports, ``Level.tf_given``, only where the model is trained on the collection: a
    collection too small to estimate ``u`` gives no frequencies either, and its levels
    weigh their priors). So the comparison vectors,
    computed once, are weighed by any parameters of the same levels (Fellegi-Sunter's
    weight is a sum); ``mw_<fact>`` and ``mw_tf_adj_<fact>`` are the model's, unclamped,
    as splink names them."""
    raw, weights = [], []
    for fact, recorded in zip(facts(), model.facts, strict=True):
        gamma, n, mw = f"gamma_{fact.name}", len(fact.levels), f"mw_{fact.name}"
        levels = list(zip(fact.levels, recorded.levels, strict=True))
        base = {lv.tf: rec.u for lv, rec in levels if lv.tf_baseline}
        by_level, by_term = [], []
        for i, (level, rec) in enumerate(levels):
            by_level.append(f"WHEN {n - 1 - i} THEN {_double(rec.weight)}")
            if level.tf and (model.trained or not level.tf_given):
                low, high = f"tf_{level.tf}_l", f"tf_{level.tf}_r"
                freq = f"greatest(coalesce({low}, {high}), coalesce({high}, {low}), 0.0)"
                if level.tf_baseline and not level.tf_given:  # the pair shares the value
                    freq = pair_free_frequency_sql(f"tf_{level.tf}", base[level.tf])
                by_term.append(
                    f"WHEN {gamma} = {n - 1 - i} AND coalesce({low}, {high}) IS NOT NULL "
                    f"THEN {_double(math.log2(base[level.tf]))} - log2({freq})"
                )
        raw.append(f"CASE {gamma} {' '.join(by_level)} ELSE 0.0 END AS {mw}")
        adjusted = mw
        if by_term:
            raw.append(f"CASE {' '.join(by_term)} ELSE 0.0 END AS mw_tf_adj_{fact.name}")
            adjusted = f"{mw} + mw_tf_adj_{fact.name}"
        agreeing = ", ".join(str(v) for v in sorted(fact.agreement_values()))
        weights.append(
            f"CASE WHEN {gamma} IN ({agreeing}) THEN greatest({adjusted}, 0) "
            f"ELSE least({mw}, 0) END AS w_{fact.name}"
        )
    total = " + ".join(f"w_{fact.name}" for fact in facts())
    return f"""
        WITH levels AS (
            SELECT *, {", ".join(raw)}
            FROM {table}
        ), weighed AS (
            SELECT *, {", ".join(weights)} FROM levels
        ), summed AS (
            SELECT *, {_double(model.prior_weight)} + {total} AS match_weight FROM weighed
        )
        SELECT *, pow(2, match_weight) / (1 + pow(2, match_weight)) AS match_probability
        FROM summed
        WHERE pow(2, match_weight) / (1 + pow(2, match_weight)) >= {float(threshold)!r}
    """


def detect(
    cases: Sequence[Case | StoredCase],
    threshold: float = 0.9,
    progress: Progress | None = None,
    engine: str = "duckdb",
    spark_conf: dict[str, str] | None = None,
) -> Detection:
    """Pairs of ``cases`` whose match probability is at least ``threshold``, with the
    model trained on ``cases`` that scored them, on the ``engine`` named (see
    :func:`score_table`).

    Cases are named by their registry id (``StoredCase.case_id``), else their
    ``case_id``, else ``#<position>`` (1-based).
    """
    _checked_threshold(threshold)
    table = feature_table(cases)
    if table.num_rows < 2:
        return Detection(pairs=[])
    scored, model = score_table(table, threshold, progress, engine, spark_conf)
    by_id = {row["unique_id"]: row for row in table.to_pylist()}
    labels = level_labels()
    pairs = [_pair(row, by_id, labels, model.prior_weight) for row in scored.to_pylist()]
    pairs.sort(key=lambda pair: (-pair.match_probability, pair.case_a, pair.case_b))
    return Detection(pairs=pairs, model=model)


def find_duplicates(
    cases: Sequence[Case | StoredCase], threshold: float = 0.9
) -> list[DuplicatePair]:
    """Pairs of ``cases`` whose match probability is at least ``threshold`` (see
    :func:`detect`)."""
    return detect(cases, threshold).pairs
