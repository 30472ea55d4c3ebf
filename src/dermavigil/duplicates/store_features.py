"""Feature records straight from the analytic store, for duplicates across sources
and at scale: FAERS, VAERS, CAERS, openFDA and the registry's export share one
schema (``reports``, ``report_products``, ``report_reactions``), so one SQL query
(DuckDB) gives every report the columns of
:data:`~dermavigil.duplicates.features.FEATURE_SCHEMA` without building a
:class:`~dermavigil.domain.case.Case` per report (1M reports in seconds rather
than the ~20 minutes pydantic validation would take).

Lot numbers and doses, the region (state), the manufacturer's and the authority's
report numbers (:mod:`~dermavigil.duplicates.report_ids`) and the last day of
a partial event date (``event_date_last``: "2014" is 2014-01-01 to 2014-12-31, the
feature's ``event_low`` / ``event_high``, so two reports of one year do not meet as
"same day"), and the unit or group an age was given in (an age in decades or an age
group is a span, compared for compatibility), and the report's own text (``narrative``,
VAERS SYMPTOM_TEXT, compared as its words) come from columns added to the store later:
a store built before them reads them as null (:func:`with_optional_columns`).
The store holds less than a case: no body sites, treatments, initials or event
latency per reaction beyond ``onset_days``; those facts are missing (no evidence
either way). Product and reaction keys are the store's own
(:mod:`dermavigil.ingest.normalize`), so they agree with the registry's
feature records; product and reaction *words* are the keys' words of three
letters or more.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from dermavigil.domain.report_numbers import COUNTRY_PREFIX
from dermavigil.duplicates.citations import DOI_PATTERN, YEAR_PATTERN
from dermavigil.duplicates.features import (
    AGE_GROUP_YEARS,
    FATAL,
    FEATURE_SCHEMA,
    LOT_MIN_LENGTH,
    LOT_UNKNOWN,
    NOT_FATAL,
    REPORT_NUMBER_MIN_LENGTH,
)

_WORDS = (
    "list_sort(list_distinct(list_filter(flatten(list(string_split_regex({col}, '[^a-z]+'))), "
    "lambda w: length(w) >= 3)))"
)


_LOT = "regexp_replace(upper(lot), '[^A-Z0-9]', '', 'g')"
_LOT_KEY = (
    f"CASE WHEN length({_LOT}) >= {LOT_MIN_LENGTH} AND NOT ("
    + " OR ".join(f"contains({_LOT}, '{word}')" for word in LOT_UNKNOWN)
    + f") THEN {_LOT} END"
)
"""features.lot_key in SQL."""


def _alnum(expr: str) -> str:
    return f"regexp_replace(upper({expr}), '[^A-Z0-9]', '', 'g')"


def _number_key(expr: str) -> str:
    """features.report_number_key of ``expr`` in SQL."""
    key = _alnum(expr)
    return (
        f"CASE WHEN length({key}) >= {REPORT_NUMBER_MIN_LENGTH} AND NOT ("
        + " OR ".join(f"contains({key}, '{word}')" for word in LOT_UNKNOWN)
        + f") THEN {key} END"
    )


_NUMBER_KEY = _number_key("rep.manufacturer_number")
"""features.report_number_key in SQL."""

_AUTH_REST = f"regexp_replace(upper(trim(rep.authority_number)), '{COUNTRY_PREFIX}', '')"
_AUTHORITY_KEY = _number_key(_AUTH_REST)
_ISSUER = _alnum(f"split_part({_AUTH_REST}, '-', 1)")
_AUTHORITY = (
    f"CASE WHEN {_AUTHORITY_KEY} IS NOT NULL AND strpos({_AUTH_REST}, '-') > 0 "
    f"AND length({_alnum(f'substr({_AUTH_REST}, strpos({_AUTH_REST}, chr(45)) + 1)')}) > 0 "
    f"AND regexp_matches({_ISSUER}, '[A-Z]') THEN {_ISSUER} END"
)
"""report_ids.authority_key and authority_of in SQL."""

_EXACT_AGE = "(rep.age_years IS NOT NULL AND rep.age_unit IS DISTINCT FROM 'decade')"
_DECADE = "(rep.age_years IS NOT NULL AND rep.age_unit = 'decade')"
_GROUP_SPAN = {
    side: "CASE rep.age_group "
    + " ".join(f"WHEN '{g.value}' THEN {span[i]:g}" for g, span in AGE_GROUP_YEARS.items())
    + " END"
    for i, side in enumerate(("low", "high"))
}
_AGE = f"""
        CASE WHEN {_EXACT_AGE} THEN printf('%g years', round(rep.age_years, 3))
             WHEN {_DECADE} THEN printf('%g-%g years (decade)', round(rep.age_years, 3),
                                        round(rep.age_years, 3) + 9)
             WHEN {_GROUP_SPAN["low"]} IS NOT NULL THEN printf('%s (%g-%g years)',
                 rep.age_group, {_GROUP_SPAN["low"]}, {_GROUP_SPAN["high"]})
        END AS age,
        CASE WHEN {_EXACT_AGE} THEN round(rep.age_years, 3) END AS age_years,
        CASE WHEN {_EXACT_AGE} THEN greatest(round(rep.age_years, 3) - 0.5, 0)
             WHEN {_DECADE} THEN round(rep.age_years, 3) ELSE {_GROUP_SPAN["low"]}
        END AS age_low,
        CASE WHEN {_EXACT_AGE} THEN round(rep.age_years, 3) + 0.5
             WHEN {_DECADE} THEN round(rep.age_years, 3) + 10 ELSE {_GROUP_SPAN["high"]}
        END AS age_high"""
"""features._age in SQL: an exact age as given (± half a year); an age in decades (FAERS
``age_cod`` DEC, stored as its decade's first year) the ten years it stands for, no exact
age; without an age, the age group's span (:data:`~dermavigil.duplicates.features.
AGE_GROUP_YEARS`; FAERS ``age_grp``)."""

_SQL_LETTER = "A-Za-z\\x{00C0}-\\x{024F}"
_DOI = f"nullif(rtrim(regexp_extract(lower(rep.literature), '{DOI_PATTERN}', 0), '.'), '')"
_SURNAME = (
    "regexp_replace(strip_accents(lower(regexp_extract(rep.literature, "
    f"'^\\s*(?:[A-Z]{{1,2}}\\.?\\s+)?([{_SQL_LETTER}]+(?:[''-][{_SQL_LETTER}]+)*)', 1))), "
    "'[^a-z]', '', 'g')"
)
_YEAR = f"nullif(regexp_extract(rep.literature, '{YEAR_PATTERN}', 1), '')"
_CITED = (
    f"CASE WHEN length({_SURNAME}) >= 2 AND {_YEAR} IS NOT NULL "
    f"THEN 'cite:' || {_SURNAME} || ':' || {_YEAR} END"
)
_PUBLICATION_IDS = f"nullif(list_filter(['doi:' || {_DOI}, {_CITED}], lambda k: k IS NOT NULL), [])"
"""features.citation_keys of the report's citation (``literature``) in SQL."""

_NARRATIVE_WORDS = (
    "list_sort(list_distinct(list_filter(string_split_regex(lower(rep.narrative), '[^a-z]+'), "
    "lambda w: length(w) >= 3)))"
)
"""The distinct words (letters only, three or more) of the report's own text, its
``narrative`` (VAERS SYMPTOM_TEXT): a report and its resubmission or follow-up share most
of them, whatever reaction terms each was coded with."""

OPTIONAL_COLUMNS = {
    "reports": {
        "region": "VARCHAR",
        "outcome": "VARCHAR",
        "serious": "BOOLEAN",
        "manufacturer_number": "VARCHAR",
        "event_date_last": "DATE",
        "age_unit": "VARCHAR",
        "age_group": "VARCHAR",
        "authority_number": "VARCHAR",
        "narrative": "VARCHAR",
    },
    "report_products": {"lot": "VARCHAR", "dose": "VARCHAR"},
}
"""Columns added to the store after some stores were built (and those a caller's own
tables may lack), with their types: a table without them reads them as null."""


def with_optional_columns(con: duckdb.DuckDBPyConnection, table: str, relation: str) -> str:
    """``relation`` (a table name or ``read_parquet(...)``) as a subquery holding every
    column of :data:`OPTIONAL_COLUMNS` for ``table``, null where it lacks one."""
    have = {row[0] for row in con.sql(f"DESCRIBE SELECT * FROM {relation}").fetchall()}
    missing = {c: t for c, t in OPTIONAL_COLUMNS.get(table, {}).items() if c not in have}
    if not missing:
        return relation
    extra = ", ".join(f"CAST(NULL AS {t}) AS {c}" for c, t in missing.items())
    return f"(SELECT *, {extra} FROM {relation})"


def features_sql(reports: str, products: str, reactions: str) -> str:
    """SQL turning the three store tables (names or subqueries) into feature records
    (each must hold the columns of :data:`OPTIONAL_COLUMNS`: see
    :func:`with_optional_columns`)."""
    return f"""
    WITH p AS (
        SELECT source, report_id,
               list_sort(list_distinct(list(product_key))) AS suspect_products,
               arg_min(product_key, coalesce(seq, 0)) AS first_suspect,
               list_sort(list_distinct(list(route) FILTER (WHERE route IS NOT NULL)))
                   AS suspect_routes,
               {_WORDS.format(col="lower(product_key)")} AS product_words,
               list_sort(list_distinct(list(category) FILTER (
                   WHERE category IS NOT NULL AND category NOT IN ('drug', 'other'))))
                   AS product_categories,
               list_sort(list_distinct(list({_LOT_KEY}) FILTER (WHERE {_LOT_KEY} IS NOT NULL)))
                   AS lots,
               list_sort(list_distinct(list(product_key || '|' || dose) FILTER (
                   WHERE dose IS NOT NULL))) AS doses
        FROM {products}
        WHERE role = 'suspect' OR role IS NULL
        GROUP BY source, report_id
    ), r AS (
        SELECT source, report_id,
               list_sort(list_distinct(list(term_key))) AS reaction_terms,
               {_WORDS.format(col="lower(term_key)")} AS reaction_words,
               min(onset_days) AS onset_latency_days
        FROM {reactions}
        GROUP BY source, report_id
    )
    SELECT
        rep.source || ':' || rep.report_id AS unique_id,
        rep.source AS source,
        CASE rep.sex WHEN 'F' THEN 'female' WHEN 'M' THEN 'male' END AS sex,
        {_AGE},
        rep.country AS country,
        nullif(p.suspect_products, []) AS suspect_products,
        p.first_suspect AS first_suspect,
        nullif(p.suspect_routes, []) AS suspect_routes,
        nullif(p.product_words, []) AS product_words,
        nullif(p.product_categories, []) AS product_categories,
        nullif(r.reaction_terms, []) AS reaction_terms,
        nullif(r.reaction_words, []) AS reaction_words,
        CAST(NULL AS VARCHAR[]) AS body_sites,
        CAST(NULL AS VARCHAR[]) AS treatments,
        round(r.onset_latency_days, 3) AS onset_latency_days,
        CASE WHEN rep.event_date_last IS NULL THEN strftime(rep.event_date, '%Y-%m-%d')
             WHEN month(rep.event_date_last) = month(rep.event_date)
             THEN strftime(rep.event_date, '%Y-%m') ELSE strftime(rep.event_date, '%Y') END
            AS event_date,
        rep.event_date AS event_low,
        coalesce(rep.event_date_last, rep.event_date) AS event_high,
        {_PUBLICATION_IDS} AS publication_ids,
        coalesce('doi:' || {_DOI}, {_CITED}) AS publication_id,
        CASE WHEN p.first_suspect IS NOT NULL AND r.reaction_terms IS NOT NULL
             THEN p.first_suspect || chr(31) || array_to_string(r.reaction_terms, chr(31))
        END AS signature,
        CAST(NULL AS VARCHAR[]) AS rare_terms,
        CAST(NULL AS VARCHAR) AS initials,
        CASE WHEN {_EXACT_AGE} THEN CAST(year(coalesce(rep.event_date, rep.received_date))
                                         - floor(rep.age_years) AS INTEGER) END AS birth_year,
        nullif(upper(trim(rep.region)), '') AS region,
        nullif(p.lots, []) AS lots,
        CASE WHEN rep.outcome = 'death' THEN '{FATAL}'
             WHEN rep.serious IS NOT NULL THEN '{NOT_FATAL}' END AS outcome,
        {_NUMBER_KEY} AS report_number,
        regexp_replace({_NUMBER_KEY}, '[0-9]', '9', 'g') AS number_scheme,
        {_AUTHORITY_KEY} AS authority_number,
        {_AUTHORITY} AS authority,
        nullif(p.doses, []) AS doses,
        nullif({_NARRATIVE_WORDS}, []) AS narrative_words,
        rep.received_date AS received
    FROM {reports} rep
    LEFT JOIN p USING (source, report_id)
    LEFT JOIN r USING (source, report_id)
    ORDER BY unique_id
    """


def store_feature_table(
    store_dir: Path, sources: list[str] | None = None, con: duckdb.DuckDBPyConnection | None = None
) -> pa.Table:
    """Feature records of every report of the store's live ``sources`` (default: all)."""
    from dermavigil.store.snapshot import StoreSnapshot

    own = con is None
    con = con or duckdb.connect()
    snapshot = StoreSnapshot(store_dir, sources)  # one generation per source, held
    try:
        names = {}
        for table in ("reports", "report_products", "report_reactions"):
            files = [str(f) for f in snapshot.files(table)]
            if not files:
                from dermavigil.errors import InputError

                raise InputError(
                    f"the store at {store_dir} holds no {table} for {sources or 'any source'}"
                )
            names[table] = with_optional_columns(
                con, table, f"read_parquet({files!r}, union_by_name = true)"
            )
        return features_of(
            con, names["reports"], names["report_products"], names["report_reactions"]
        )
    finally:
        snapshot.close()
        if own:
            con.close()


def features_of(
    con: duckdb.DuckDBPyConnection, reports: str, products: str, reactions: str
) -> pa.Table:
    """Feature records (:data:`FEATURE_SCHEMA`) of the given report, product and reaction
    relations of ``con``, by the SQL of :func:`features_sql`."""
    sql = features_sql(reports, products, reactions)
    return con.sql(sql).to_arrow_table().select(FEATURE_SCHEMA.names).cast(FEATURE_SCHEMA)


def store_duplicates(
    store_dir: Path,
    sources: list[str] | None = None,
    threshold: float = 0.5,
    across_only: bool = False,
) -> pa.Table:
    """Probable duplicate pairs among the store's reports (``source:report_id`` ids),
    e.g. a registry case that is also a FAERS, VAERS or CAERS report; ``across_only``
    keeps the pairs of two different sources. Columns: ``unique_id_l``, ``unique_id_r``,
    ``source_l``, ``source_r``, ``match_probability``, ``match_weight``."""
    import pyarrow.compute as pc

    from dermavigil.duplicates.detect import score_table, with_rare_terms

    table = with_rare_terms(store_feature_table(store_dir, sources))
    scored, _ = score_table(table, threshold)
    sources_of = dict(zip(table["unique_id"].to_pylist(), table["source"].to_pylist(), strict=True))
    left = [sources_of[u] for u in scored["unique_id_l"].to_pylist()]
    right = [sources_of[u] for u in scored["unique_id_r"].to_pylist()]
    out = pa.table(
        {
            "unique_id_l": scored["unique_id_l"],
            "unique_id_r": scored["unique_id_r"],
            "source_l": pa.array(left, pa.string()),
            "source_r": pa.array(right, pa.string()),
            "match_probability": scored["match_probability"],
            "match_weight": scored["match_weight"],
        }
    )
    if across_only:
        out = out.filter(pc.not_equal(out["source_l"], out["source_r"]))
    return out.sort_by([("match_probability", "descending")])
