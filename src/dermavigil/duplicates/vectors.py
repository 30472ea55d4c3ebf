"""The levels sampled pairs reach, counted from their comparison vectors alone.

A comparison's level for a pair is its value in the pair's comparison vector
(Fellegi & Sunter 1969's ``γ``), which splink computes with one ``CASE`` expression per
comparison (``Comparison._case_statement``: ``-1`` where a side is missing, then one value
per level, strongest first). Counting the levels of sampled pairs -- for ``u`` among
pairs of one product (:mod:`~dermavigil.duplicates.chance`) or among an EM block's own
pairs (:mod:`~dermavigil.duplicates.training`) -- needs those vectors only, for the
comparisons counted: a splink ``predict`` also computes every other comparison, the term
frequencies of the whole collection, each level's Bayes factor and the match weight, and
writes them all to a table. So the comparisons' own ``CASE`` expressions are run here on
the pairs joined to their two records, and their values counted in the same query.
"""

from __future__ import annotations

from typing import Any

from dermavigil.duplicates.engine import PairEngine
from dermavigil.duplicates.model import facts, level_labels

MIN_PAIRS = 1_000
"""Fewest sampled pairs for their shares to be used (else the caller keeps its ``u``)."""

TF_PRIOR_REPORTS = 10.0
"""Weight, in reports, of the collection's frequency of a value in its frequency among one
product's reports (:func:`conditional_frequency_sql`): a product of few reports gives its
own shares little more than that weight of evidence (an assumption; 1 and 100 moved the
10k bench's recall at 0.9 by under .005 in a what-if)."""


def conditional_frequency_sql(records_table: str, column: str, given: str) -> str:
    """SQL: for each value of ``given`` (the first suspect product) and of ``column`` among
    its reports, ``tf_<column>``: the chance that *another* report of that product gives
    the value, ``(n(g, v) - 1 + K f(v)) / (n(g) - 1 + K)`` with ``f(v)`` the value's share
    of all records giving ``column`` and ``K`` :data:`TF_PRIOR_REPORTS` (a Dirichlet prior
    centred on the collection's frequency).

    Winkler's value-specific ``u`` (Winkler 1988, "Using the EM algorithm for weight
    computation in the Fellegi-Sunter model of record linkage"; splink's term-frequency
    adjustment, Norén et al. 2007's frequency-weighted agreement): two reports agreeing on
    a rare value are stronger evidence than two agreeing on a common one. For a fact whose
    ``u`` is conditioned on the product (:mod:`~dermavigil.duplicates.chance`) the
    frequency is taken among the product's reports too (the chain rule): an age of 2
    months is common among one infant vaccine's reports and rare among all records, an
    age of 53 the reverse; splink's adjustment, over all records, would count the
    product's agreement again."""
    # the names carry the column: a query holds one such table per adjusted column, and
    # Spark's parser takes nested WITH names as one scope
    v, c, p, j = (f"{name}_{column}" for name in ("v", "collection", "product", "joint"))
    return f"""(
        WITH {v} AS (
            SELECT {given} AS g, {column} AS x FROM {records_table} WHERE {column} IS NOT NULL
        ), {c} AS (
            SELECT x, CAST(count(*) AS DOUBLE) / (SELECT count(*) FROM {v}) AS f
            FROM {v} GROUP BY x
        ), {p} AS (
            SELECT g, count(*) AS n FROM {v} WHERE g IS NOT NULL GROUP BY g
        ), {j} AS (
            SELECT g, x, count(*) AS n FROM {v} WHERE g IS NOT NULL GROUP BY g, x
        )
        SELECT {j}.g AS {given}, {j}.x AS {column},
            ({j}.n - 1 + {TF_PRIOR_REPORTS!r} * {c}.f)
            / ({p}.n - 1 + {TF_PRIOR_REPORTS!r}) AS tf_{column}
        FROM {j} JOIN {p} USING (g) JOIN {c} USING (x)
    )"""


def pair_free_frequency_sql(tf: str, baseline_u: float) -> str:
    """SQL: the frequency of the value two reports share on a term-frequency column
    (``tf``, splink's ``tf_<column>``, over the columns of :func:`vectors_sql`) taken
    without the pair itself, ``max((c - 2) / (n - 2), min(u, 1 / (n - 2)))``: ``c`` of
    the ``n`` records giving the column give the value, ``u`` is the chance agreement of
    the column's exact level (``baseline_u``).

    The frequency estimates Winkler's value-specific ``u`` (Winkler 1988): the chance that
    two *different* reports share the value. The pair's own two records are no evidence
    of that chance -- counting them is the leave-one-out error of scoring an item on an
    estimate it took part in -- and they weigh most where the value is rare: a value only
    the pair gives reads as 2 in ``n`` (2 of 7 reports in a small registry, whose weight
    the clamp then holds at 0). The floor: a value no other report gives is rarer than
    one in the other ``n - 2`` reports can tell, so it weighs as one of them would, or as
    the column's own ``u`` where that is smaller (a small registry, whose frequencies tell
    less than the level's ``u``)."""
    # doubles throughout: a plain literal is a decimal to DuckDB and Spark
    one, zero, u = (f"CAST({x!r} AS DOUBLE)" for x in (1.0, 0.0, baseline_u))
    others = f"greatest({tf}_n - 2, {one})"
    shared = f"greatest({tf}_l * {tf}_n - 2, {zero}) / {others}"
    return f"greatest({shared}, least({u}, {one} / {others}))"


def vectors_sql(
    settings: Any,
    records_table: str,
    pairs_table: str,
    names: list[str] | None = None,
    scoring: bool = False,
) -> str:
    """SQL: the comparison vector values ``gamma_<name>`` of the comparisons ``names``
    (None: all) of splink ``settings`` for each pair of ``pairs_table`` (splink's
    blocked-pairs columns ``join_key_l``, ``join_key_r``: ids of ``records_table``),
    computed by splink's own ``CASE`` expressions over the two records' columns
    (``<column>_l``, ``<column>_r``). ``scoring``: with the ids (``unique_id_l``,
    ``unique_id_r``) and each term-frequency column's frequency on both sides
    (``tf_<column>_l``, ``tf_<column>_r``: the value's share of the records that give
    one, as splink's ``term_frequencies_for_single_column_sql`` computes it, with the
    number of those records, ``tf_<column>_n``, for the value's frequency without the pair,
    :func:`pair_free_frequency_sql`; or among the
    reports of the same product, :func:`conditional_frequency_sql`, for a level with
    ``tf_given``)."""
    settings_obj = settings.get_settings("duckdb")
    comparisons = {c.output_column_name: c for c in settings_obj.comparisons}
    chosen = list(comparisons) if names is None else names
    columns = ['"l"."unique_id" AS "unique_id_l"', '"r"."unique_id" AS "unique_id_r"']
    for name in chosen:
        for column in comparisons[name]._input_columns_used_by_case_statement:
            columns.extend(c for c in column.l_r_names_as_l_r if c not in columns)
    outputs = ["unique_id_l", "unique_id_r"] if scoring else []
    outputs += [comparisons[name]._case_statement for name in chosen]
    frequencies, joins = [], []
    for i, column in enumerate(settings_obj._term_frequency_columns if scoring else []):
        name, tf = column.unquote().name, column.unquote().tf_name
        frequencies.append(
            f"{tf} AS (SELECT {name}, CAST(count(*) AS DOUBLE) / "
            f"(SELECT count({name}) FROM {records_table}) AS {tf}, "
            f"(SELECT CAST(count({name}) AS DOUBLE) FROM {records_table}) AS {tf}_n "
            f"FROM {records_table} WHERE {name} IS NOT NULL GROUP BY {name})"
        )
        for side in ("l", "r"):
            joins.append(f"LEFT JOIN {tf} t{i}{side} ON {side}.{name} = t{i}{side}.{name}")
            columns.append(f"t{i}{side}.{tf} AS {tf}_{side}")
            outputs.append(f"{tf}_{side}")
        columns.append(f"coalesce(t{i}l.{tf}_n, t{i}r.{tf}_n) AS {tf}_n")
        outputs.append(f"{tf}_n")
    given = {
        (level.tf, level.tf_given)
        for fact in facts()
        if fact.name in chosen
        for level in fact.levels
        if level.tf and level.tf_given
    }
    for i, (name, by) in enumerate(sorted(given) if scoring else []):
        frequencies.append(f"tf_{name} AS {conditional_frequency_sql(records_table, name, by)}")
        for side in ("l", "r"):
            joins.append(
                f"LEFT JOIN tf_{name} c{i}{side} ON {side}.{name} = c{i}{side}.{name} "
                f"AND {side}.{by} = c{i}{side}.{by}"
            )
            columns.append(f"c{i}{side}.tf_{name} AS tf_{name}_{side}")
            outputs.append(f"tf_{name}_{side}")
    return f"""
        {"WITH " + ", ".join(frequencies) if frequencies else ""}
        SELECT {", ".join(outputs)} FROM (
            SELECT {", ".join(columns)}
            FROM {pairs_table} p
            JOIN {records_table} l ON l.unique_id = p.join_key_l
            JOIN {records_table} r ON r.unique_id = p.join_key_r
            {" ".join(joins)}
        )
    """


def level_shares(
    records: Any, settings: Any, engine: PairEngine, pairs_sql: str, names: list[str]
) -> tuple[dict[str, dict[str, float]], int]:
    """Share of each level (by label) of the comparisons ``names`` among the pairs of
    ``pairs_sql`` (splink's blocked-pairs columns), the levels those of splink ``settings``
    (:func:`vectors_sql`) over the records ``records`` (a splink dataframe); a missing
    side is left out, as splink's random sampling leaves it out. ({} when fewer than
    :data:`MIN_PAIRS` pairs.) The pairs reaching each level are counted in one pass
    (``count(*) FILTER``, which both engines run)."""
    name = "dermavigil_sampled_pairs"
    engine.create(name, pairs_sql)
    labels = level_labels()
    try:
        pairs = int(engine.one(f"SELECT count(*) FROM {name}")[0])
        if pairs < MIN_PAIRS:
            return {}, pairs
        counted = [(n, value) for n in names for value in sorted(labels[n]) if value >= 0]
        counts = ", ".join(f"count(*) FILTER (WHERE gamma_{n} = {value})" for n, value in counted)
        vectors = vectors_sql(settings, records.physical_name, name, names)
        row = engine.one(f"SELECT {counts} FROM ({vectors})")
    finally:
        engine.drop(name)
    histograms: dict[str, dict[int, int]] = {}
    for (fact, value), count in zip(counted, row, strict=True):
        histograms.setdefault(fact, {})[value] = int(count)
    u: dict[str, dict[str, float]] = {}
    for fact in names:
        histogram = histograms.get(fact, {})
        total = sum(histogram.values())
        if not total:
            continue
        # a level no sampled pair reached keeps the caller's u (splink leaves an
        # unobserved level's u untrained the same way)
        u[fact] = {
            labels[fact][value]: count / total for value, count in histogram.items() if count > 0
        }
    return u, pairs
