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

from dermavigil.duplicates.model import level_labels

MIN_PAIRS = 1_000
"""Fewest sampled pairs for their shares to be used (else the caller keeps its ``u``)."""


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
    one, as splink's ``term_frequencies_for_single_column_sql`` computes it)."""
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
            f"(SELECT count({name}) FROM {records_table}) AS {tf} "
            f"FROM {records_table} WHERE {name} IS NOT NULL GROUP BY {name})"
        )
        for side in ("l", "r"):
            joins.append(f"LEFT JOIN {tf} t{i}{side} ON {side}.{name} = t{i}{side}.{name}")
            columns.append(f"t{i}{side}.{tf} AS {tf}_{side}")
            outputs.append(f"{tf}_{side}")
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
    records: Any, settings: Any, db_api: Any, pairs_sql: str, names: list[str]
) -> tuple[dict[str, dict[str, float]], int]:
    """Share of each level (by label) of the comparisons ``names`` among the pairs of
    ``pairs_sql`` (splink's blocked-pairs columns), the levels those of splink ``settings``
    (:func:`vectors_sql`) over the records ``records`` (a splink dataframe); a missing
    side is left out, as splink's random sampling leaves it out. ({} when fewer than
    :data:`MIN_PAIRS` pairs.)"""
    con = db_api.duckdb_con
    name = "dermavigil_sampled_pairs"
    con.execute(f"CREATE OR REPLACE TABLE {name} AS {pairs_sql}")
    try:
        pairs = int(con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])
        if pairs < MIN_PAIRS:
            return {}, pairs
        histograms = ", ".join(f"histogram(gamma_{n}) FILTER (WHERE gamma_{n} >= 0)" for n in names)
        vectors = vectors_sql(settings, records.physical_name, name, names)
        row = con.execute(f"SELECT {histograms} FROM ({vectors})").fetchall()[0]
    finally:
        con.execute(f"DROP TABLE {name}")
    labels = level_labels()
    u: dict[str, dict[str, float]] = {}
    for fact, histogram in zip(names, row, strict=True):
        histogram = histogram or {}
        total = sum(histogram.values())
        if not total:
            continue
        # a level no sampled pair reached keeps the caller's u (splink leaves an
        # unobserved level's u untrained the same way)
        u[fact] = {
            labels[fact][value]: count / total
            for value, count in histogram.items()
            if value >= 0 and count > 0
        }
    return u, pairs
