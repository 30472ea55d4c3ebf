"""The signal table as the dashboard and the API read it: filter, sort, page, and the
per-pair detail read from the store.

:func:`query` filters (scope, key substrings, measure thresholds, a method's signal
flag), sorts the whole filtered result on the server and pages it, over a saved run
(:mod:`dermavigil.signals.runs`) with ``pyarrow.compute``; :func:`pair_detail` counts
a pair's reports per year and collects its times to onset from the store with one
DuckDB query each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from dermavigil.errors import InputError, Problem
from dermavigil.settings import Settings
from dermavigil.signals import names, scope

KEY_COLUMNS = ("category", "product", "route", "reaction", "code")
DRUG_KEYS = {"product": "p.product_key", "category": "p.category", "route": "p.route"}
EVENT_KEYS = {"reaction": "x.term_key", "code": "x.code"}
THRESHOLDS = {
    "min_n": "n",
    "min_prr": "prr",
    "min_ror_lower": "ror_lower",
    "min_ic025": "ic025",
    "min_eb05": "eb05",
    "min_ebgm": "ebgm",
}
METHODS = ("prr", "ror", "ic", "ebgm")


@dataclass(frozen=True)
class SignalQuery:
    """Filters, order and page of the signal table."""

    scope: str = "all"  # "ours": our product categories (signals.scope)
    product: str | None = None
    category: str | None = None
    route: str | None = None
    reaction: str | None = None
    signal: str | None = None  # a method: keep rows flagged signal_<method>
    min_n: float | None = None
    min_prr: float | None = None
    min_ror_lower: float | None = None
    min_ic025: float | None = None
    min_eb05: float | None = None
    min_ebgm: float | None = None
    sort: str | None = None
    descending: bool = True
    offset: int = 0
    limit: int = 100


def keys_of(table: pa.Table) -> list[str]:
    """The key columns of a signal table, drug side first."""
    return [c for c in KEY_COLUMNS if c in table.column_names]


SORT_ALIASES = {"product": "product_name"}
"""A sort on the product key sorts by the name shown (VAERS codes named)."""


def query(table: pa.Table, q: SignalQuery) -> tuple[pa.Table, int]:
    """Rows matching ``q`` and the number of matches. Every matching row is sorted
    (``q.sort``, then the run's own order: strongest first) before the page
    ``q.offset``/``q.limit`` is cut, so a page is a page of the whole sorted result."""
    problems = []
    if q.scope not in scope.SCOPES:
        problems.append(Problem("scope", f"use one of {', '.join(scope.SCOPES)}", q.scope))
    mask = pa.chunked_array([pa.array([True] * table.num_rows, pa.bool_())])
    if q.scope == "ours":
        ours = table["in_scope"] if "in_scope" in table.column_names else scope.ours(table)
        mask = pc.and_(mask, ours)
    for key in ("product", "category", "route", "reaction"):
        text = getattr(q, key)
        if text:
            if key not in table.column_names:
                problems.append(Problem(key, f"this signal run was not counted by {key}"))
                continue
            mask = pc.and_(mask, names.any_contains(names.search_columns(table, key), text))
    for name, column in THRESHOLDS.items():
        value = getattr(q, name)
        if value is not None and column in table.column_names:
            mask = pc.and_(mask, pc.fill_null(pc.greater_equal(table[column], value), False))
    if q.signal:
        flag = f"signal_{q.signal}"
        if flag not in table.column_names:
            problems.append(Problem("signal", f"no {q.signal!r} flag in this run", q.signal))
        else:
            mask = pc.and_(mask, pc.fill_null(table[flag], False))
    if q.sort and q.sort not in table.column_names:
        problems.append(Problem("sort", "not a column of the signal table", q.sort))
    if problems:
        raise InputError("cannot filter the signal table as asked", problems)
    matched = table.filter(mask)
    if q.sort:
        order = "descending" if q.descending else "ascending"
        column = SORT_ALIASES.get(q.sort, q.sort)
        column = column if column in matched.column_names else q.sort
        # nulls (NaN) sort last; ties keep the run's order (sort_by is stable)
        matched = matched.sort_by([(column, order)])
    return matched.slice(q.offset, q.limit), matched.num_rows


def pair_label(row: dict[str, Any], keys: list[str]) -> str:
    """``product / route / reaction`` label of a row (a product by its shown name)."""
    shown = [row.get("product_name") or row.get(k) if k == "product" else row.get(k) for k in keys]
    return " / ".join(str(v) for v in shown if v is not None)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _pair_where(pair: dict[str, str]) -> str:
    clauses = ["p.role IN ('suspect', 'interacting')"]
    for key, value in pair.items():
        column = DRUG_KEYS.get(key) or EVENT_KEYS.get(key)
        if column is None:
            raise InputError(f"cannot select a pair by {key!r}", [Problem(key, "unknown key")])
        clauses.append(f"{column} = {_literal(value)}")
    return " AND ".join(clauses)


def pair_detail(settings: Settings, pair: dict[str, str]) -> dict[str, Any]:
    """Reports per year received and times to onset (days) for one pair, from the store."""
    from dermavigil.store.catalog import register_store
    from dermavigil.store.engine import open_engine

    where = _pair_where(pair)
    joined = (
        "FROM reports r JOIN report_products p ON p.source = r.source "
        "AND p.report_id = r.report_id JOIN report_reactions x ON x.source = r.source "
        f"AND x.report_id = r.report_id WHERE {where}"
    )
    engine = open_engine("duckdb")
    try:
        register_store(engine, settings.store_dir)
        per_year = engine.sql(
            "SELECT CAST(year(r.received_date) AS BIGINT) AS period, "
            "COUNT(DISTINCT r.source || ':' || r.report_id) AS reports "
            f"{joined} AND r.received_date IS NOT NULL GROUP BY 1 ORDER BY 1"
        ).to_pylist()
        onset = (
            engine.sql(
                "SELECT MIN(x.onset_days) AS days "
                f"{joined} AND x.onset_days IS NOT NULL "
                "GROUP BY r.source, r.report_id"
            )
            .column("days")
            .to_pylist()
        )
    finally:
        engine.close()
    return {"per_year": per_year, "onset_days": onset}


def jsonable_rows(table: pa.Table) -> list[dict[str, Any]]:
    """Rows as JSON-safe dicts: NaN (undefined) becomes null, +/-infinity "inf"/"-inf"."""
    rows = table.to_pylist()
    for row in rows:
        for key, value in row.items():
            if isinstance(value, float) and value != value:
                row[key] = None
            elif value in (float("inf"), float("-inf")):
                row[key] = "inf" if value > 0 else "-inf"
    return rows
