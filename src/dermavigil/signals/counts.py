"""SQL that counts the 2x2 tables of disproportionality analysis, for any pair of dimensions.

Pure functions return SQL text in the subset that DuckDB and Spark SQL both
run (CTEs, ``COUNT(*)``, ``CAST(.. AS DOUBLE|BIGINT|STRING)``, ``year()``,
``CASE``, ``COALESCE``); the same text runs on every engine.

For a *drug-side* key ``i`` (e.g. product, or product x route, or category) and
an *event-side* key ``j`` (a reaction term) the counts are over distinct
reports, within the universe of reports having at least one drug-side and one
event-side item (DuMouchel 1999; Evans et al. 2001)::

                   event j     not j
      drug i          a          b         a + b = n_drug
      not i           c          d
                 a + c = n_event          N = n_total

:func:`counts_sql` gives the cells; with strata ``s`` (from the report: sex,
age band, year, source ...) :func:`margins_sql` gives the per-stratum margins
``n_drug[s]``, ``n_event[s]``, ``n_total[s]`` from which
:func:`dermavigil.signals.stats.expected_counts` forms the expected count
(DuMouchel 1999, section 3). A report with a missing stratum value is counted
in a stratum of its own, ``'(missing)'``.

Age bands (from ``reports.age_years``): ``<18``, ``18-44``, ``45-64``, ``65+``
(half-open intervals in years); the year is that of ``received_date``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dermavigil.errors import InputError

MISSING_STRATUM = "(missing)"
SUSPECT_ROLES = ("suspect", "interacting")


@dataclass(frozen=True)
class Dimension:
    """A key of the 2x2 table: which side it belongs to and the SQL expression that gives it."""

    name: str
    side: str  # "drug" or "event"
    expr: str


STORE_DIMENSIONS: dict[str, Dimension] = {
    "product": Dimension("product", "drug", "product_key"),
    "category": Dimension("category", "drug", "category"),
    "entry": Dimension("entry", "drug", "entry"),
    "regulatory_class": Dimension("regulatory_class", "drug", "regulatory_class"),
    "route": Dimension("route", "drug", "route"),
    "reaction": Dimension("reaction", "event", "term_key"),
    "code": Dimension("code", "event", "code"),
}

LONG_DIMENSIONS: dict[str, Dimension] = {
    "product": Dimension("product", "drug", "product"),
    "reaction": Dimension("reaction", "event", "reaction"),
}

AGE_BAND_SQL = (
    "CASE WHEN age_years IS NULL THEN NULL"
    " WHEN age_years < 18 THEN '<18'"
    " WHEN age_years < 45 THEN '18-44'"
    " WHEN age_years < 65 THEN '45-64'"
    " ELSE '65+' END"
)

STORE_STRATA: dict[str, str] = {
    "sex": "sex",
    "age_band": AGE_BAND_SQL,
    "year": "CAST(year(received_date) AS STRING)",
    "source": "source",
    "country": "country",
}


@dataclass(frozen=True)
class CountSources:
    """Three SELECTs that feed the count: each yields ``src, rid`` plus its keys.

    ``drug`` yields ``d0..``, ``event`` yields ``e0..``, ``strata`` (optional) yields ``s0..``.
    """

    drug: str
    event: str
    strata: str | None
    drug_names: tuple[str, ...]
    event_names: tuple[str, ...]
    strata_names: tuple[str, ...]


def _split_by(by: tuple[str, ...], dims: dict[str, Dimension]) -> tuple[list[Dimension], ...]:
    unknown = [b for b in by if b not in dims]
    if unknown:
        raise InputError(
            f"unknown --by dimension(s) {', '.join(unknown)}; known: {', '.join(dims)}"
        )
    if len(set(by)) != len(by):
        raise InputError(f"--by repeats a dimension: {','.join(by)}")
    drug = [dims[b] for b in by if dims[b].side == "drug"]
    event = [dims[b] for b in by if dims[b].side == "event"]
    if not drug or not event:
        drug_side = ", ".join(n for n, d in dims.items() if d.side == "drug")
        event_side = ", ".join(n for n, d in dims.items() if d.side == "event")
        raise InputError(
            f"--by needs at least one product-side dimension ({drug_side}) "
            f"and one reaction-side dimension ({event_side})"
        )
    return drug, event


def _keys(dims: list[Dimension], prefix: str) -> str:
    return ", ".join(f"{d.expr} AS {prefix}{k}" for k, d in enumerate(dims))


def _strata_select(exprs: list[str], table: str) -> str:
    cols = ", ".join(
        f"COALESCE(MAX({e}), '{MISSING_STRATUM}') AS s{k}" for k, e in enumerate(exprs)
    )
    return f"SELECT src, rid, {cols} FROM {table} GROUP BY src, rid"


def store_sources(
    by: tuple[str, ...], strata: tuple[str, ...] = (), suspect_only: bool = True
) -> CountSources:
    """Count inputs over the analytic store's three tables (see ``store/schema.py``).

    ``suspect_only`` keeps product lines whose role is suspect or interacting
    (lines with an unknown role are then left out).
    """
    drug, event = _split_by(by, STORE_DIMENSIONS)
    unknown = [s for s in strata if s not in STORE_STRATA]
    if unknown:
        raise InputError(
            f"unknown --strata column(s) {', '.join(unknown)}; known: {', '.join(STORE_STRATA)}"
        )
    role_filter = ""
    if suspect_only:
        roles = ", ".join(f"'{r}'" for r in SUSPECT_ROLES)
        role_filter = f" WHERE role IN ({roles})"
    strata_sql = None
    if strata:
        inner = ", ".join(f"{STORE_STRATA[s]} AS x{k}" for k, s in enumerate(strata))
        table = f"(SELECT source AS src, report_id AS rid, {inner} FROM reports) r"
        strata_sql = _strata_select([f"x{k}" for k in range(len(strata))], table)
    return CountSources(
        drug=f"SELECT source AS src, report_id AS rid, {_keys(drug, 'd')} "
        f"FROM report_products{role_filter}",
        event=f"SELECT source AS src, report_id AS rid, {_keys(event, 'e')} FROM report_reactions",
        strata=strata_sql,
        drug_names=tuple(d.name for d in drug),
        event_names=tuple(d.name for d in event),
        strata_names=tuple(strata),
    )


def long_sources(
    by: tuple[str, ...], strata: tuple[str, ...], table: str, available: tuple[str, ...]
) -> CountSources:
    """Count inputs over a registered long-format table (see ``store/longformat.py``)."""
    drug, event = _split_by(by, LONG_DIMENSIONS)
    unknown = [s for s in strata if s not in available]
    if unknown:
        raise InputError(
            f"--strata {', '.join(unknown)} not among the mapped stratum columns "
            f"({', '.join(available) or 'none: map them with --columns stratum=COL'})"
        )
    base = "SELECT 'input' AS src, report_id AS rid"
    strata_sql = None
    if strata:
        inner = ", ".join(f"{s} AS x{k}" for k, s in enumerate(strata))
        strata_sql = _strata_select(
            [f"x{k}" for k in range(len(strata))], f"({base}, {inner} FROM {table}) r"
        )
    return CountSources(
        drug=f"{base}, {_keys(drug, 'd')} FROM {table}",
        event=f"{base}, {_keys(event, 'e')} FROM {table}",
        strata=strata_sql,
        drug_names=tuple(d.name for d in drug),
        event_names=tuple(d.name for d in event),
        strata_names=tuple(strata),
    )


def _on(left: str, right: str, cols: list[str]) -> str:
    return " AND ".join(f"{left}.{c} = {right}.{c}" for c in cols)


def _keys_of(sources: CountSources) -> tuple[list[str], list[str], list[str]]:
    return (
        [f"d{k}" for k in range(len(sources.drug_names))],
        [f"e{k}" for k in range(len(sources.event_names))],
        [f"s{k}" for k in range(len(sources.strata_names))],
    )


def _prefixed(alias: str, cols: list[str]) -> str:
    return ", ".join(f"{alias}.{c}" for c in cols)


def _base_ctes(sources: CountSources) -> list[str]:
    """Distinct items, the report universe, margins per stratum and per key, key ids."""
    dk, ek, sk = _keys_of(sources)
    dcols, ecols = ", ".join(dk), ", ".join(ek)
    not_null_d = " AND ".join(f"{c} IS NOT NULL" for c in dk)
    not_null_e = " AND ".join(f"{c} IS NOT NULL" for c in ek)
    key = ["src", "rid"]
    # a report without a strata row (absent from ``reports``) counts as a missing stratum
    uni_cols = "dr.src, dr.rid" + "".join(
        f", COALESCE(st.{s}, '{MISSING_STRATUM}') AS {s}" for s in sk
    )
    uni_join = (
        f" LEFT JOIN ({sources.strata}) st ON {_on('st', 'dr', key)}" if sources.strata else ""
    )
    ucols = "".join(f", u.{s}" for s in sk)
    ctes = [
        f"drug AS (SELECT DISTINCT src, rid, {dcols} FROM ({sources.drug}) x WHERE {not_null_d})",
        f"event AS (SELECT DISTINCT src, rid, {ecols} FROM ({sources.event}) x WHERE {not_null_e})",
        f"uni AS (SELECT {uni_cols} FROM (SELECT DISTINCT src, rid FROM drug) dr "
        f"JOIN (SELECT DISTINCT src, rid FROM event) ev ON {_on('dr', 'ev', key)}{uni_join})",
        f"nds AS (SELECT {_prefixed('d', dk)}{ucols}, COUNT(*) AS m "
        f"FROM drug d JOIN uni u ON {_on('d', 'u', key)} GROUP BY {_prefixed('d', dk)}{ucols})",
        f"nes AS (SELECT {_prefixed('e', ek)}{ucols}, COUNT(*) AS m "
        f"FROM event e JOIN uni u ON {_on('e', 'u', key)} GROUP BY {_prefixed('e', ek)}{ucols})",
        f"nts AS (SELECT {', '.join(sk) + ', ' if sk else ''}COUNT(*) AS m FROM uni"
        f"{' GROUP BY ' + ', '.join(sk) if sk else ''})",
        f"nd AS (SELECT {dcols}, CAST(SUM(m) AS BIGINT) AS n_drug, "
        f"CAST(ROW_NUMBER() OVER (ORDER BY {dcols}) - 1 AS BIGINT) AS di "
        f"FROM nds GROUP BY {dcols})",
        f"ne AS (SELECT {ecols}, CAST(SUM(m) AS BIGINT) AS n_event, "
        f"CAST(ROW_NUMBER() OVER (ORDER BY {ecols}) - 1 AS BIGINT) AS ej "
        f"FROM nes GROUP BY {ecols})",
        "nt AS (SELECT CAST(SUM(m) AS BIGINT) AS n_total FROM nts)",
    ]
    if sk:
        scols = ", ".join(sk)
        ctes.append(
            f"sid AS (SELECT {scols}, CAST(ROW_NUMBER() OVER (ORDER BY {scols}) - 1 AS BIGINT) "
            f"AS si FROM nts)"
        )
    return ctes


def counts_sql(sources: CountSources, min_count: int = 1) -> str:
    """One SELECT giving, per observed pair with ``n >= min_count``: the keys (named after
    the dimensions), ``n`` (= a), ``b``, ``c``, ``d``, ``n_drug``, ``n_event``, ``n_total``,
    and the integer ids ``di``/``ej`` of its two keys (those of :func:`margins_sql`).
    """
    if min_count < 1:
        raise InputError("--min-count must be at least 1 (zero cells are not enumerated)")
    dk, ek, _ = _keys_of(sources)
    key = ["src", "rid"]
    pair_keys = f"{_prefixed('d', dk)}, {_prefixed('e', ek)}"
    pairs = (
        f"pairs AS (SELECT {pair_keys}, COUNT(*) AS n FROM drug d JOIN event e "
        f"ON {_on('d', 'e', key)} GROUP BY {pair_keys} HAVING COUNT(*) >= {int(min_count)})"
    )
    names = [
        f"p.{c} AS {n}"
        for c, n in zip(dk + ek, sources.drug_names + sources.event_names, strict=True)
    ]
    select = (
        f"SELECT {', '.join(names)}, p.n AS n, nd.n_drug - p.n AS b, ne.n_event - p.n AS c, "
        "nt.n_total - nd.n_drug - ne.n_event + p.n AS d, "
        "nd.n_drug AS n_drug, ne.n_event AS n_event, nt.n_total AS n_total, "
        "nd.di AS di, ne.ej AS ej "
        f"FROM pairs p JOIN nd ON {_on('p', 'nd', dk)} JOIN ne ON {_on('p', 'ne', ek)} "
        "CROSS JOIN nt"
    )
    return "WITH " + ",\n".join([*_base_ctes(sources), pairs]) + "\n" + select


def margins_sql(sources: CountSources) -> str:
    """Per-stratum margins for the stratified expected count, one row each:
    ``side`` ('d' drug key, 'e' event key, 't' stratum total), ``id`` (``di``/``ej``
    of :func:`counts_sql`, 0 for totals), ``si`` (stratum id) and the report count ``m``.
    """
    dk, ek, sk = _keys_of(sources)
    if not sk:
        raise InputError("margins per stratum need at least one stratum")
    select = (
        f"SELECT 'd' AS side, nd.di AS id, sid.si AS si, nds.m AS m FROM nds "
        f"JOIN nd ON {_on('nds', 'nd', dk)} JOIN sid ON {_on('nds', 'sid', sk)}\n"
        f"UNION ALL SELECT 'e' AS side, ne.ej AS id, sid.si AS si, nes.m AS m FROM nes "
        f"JOIN ne ON {_on('nes', 'ne', ek)} JOIN sid ON {_on('nes', 'sid', sk)}\n"
        f"UNION ALL SELECT 't' AS side, CAST(0 AS BIGINT) AS id, sid.si AS si, nts.m AS m "
        f"FROM nts JOIN sid ON {_on('nts', 'sid', sk)}"
    )
    return "WITH " + ",\n".join(_base_ctes(sources)) + "\n" + select
