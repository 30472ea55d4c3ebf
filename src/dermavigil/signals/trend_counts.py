"""SQL for time-resolved disproportionality: per-period increments of every 2x2 margin.

One pass over the store gives, for each period of receipt (month, quarter or year),
how many reports of that period hold each pair, each drug-side key, each event-side
key, and how many reports enter the universe then. Cumulative sums of these
increments (taken in numpy, :mod:`dermavigil.signals.trend`) are exactly the 2x2
tables a run restricted to the reports received up to the end of each period would
count (see :mod:`dermavigil.signals.counts` for the universe and the distinct-report
rule), without running the count once per period.

Rows of :func:`trend_sql` (one SELECT, common DuckDB/Spark SQL subset)::

    kind   'p' pair, 'd' drug key, 'e' event key, 't' universe total,
           'x' reports of the universe without a received date (p is NULL)
    d0..   drug-side keys (NULL on 'e', 't', 'x' rows)
    e0..   event-side keys (NULL on 'd', 't', 'x' rows)
    p      period id: months (year*12 + month-1), quarters (year*4 + quarter-1) or years
    m      report count
"""

from __future__ import annotations

from dermavigil.errors import InputError
from dermavigil.signals.counts import CountSources

_MONTH = "CAST(year(received_date) AS BIGINT) * 12 + CAST(month(received_date) AS BIGINT) - 1"
PERIOD_SQL: dict[str, str] = {
    "month": _MONTH,
    "quarter": (
        "CAST(year(received_date) AS BIGINT) * 4 "
        "+ CAST(FLOOR((month(received_date) - 1) / 3) AS BIGINT)"
    ),
    "year": "CAST(year(received_date) AS BIGINT)",
}


def period_label(period: str, pid: int) -> str:
    """Human label of a period id: ``1999-03``, ``1999Q1`` or ``1999``."""
    if period == "month":
        return f"{pid // 12:04d}-{pid % 12 + 1:02d}"
    if period == "quarter":
        return f"{pid // 4:04d}Q{pid % 4 + 1}"
    return f"{pid:04d}"


def period_end(period: str, pid: int) -> str:
    """ISO date of the last day of a period (the cut-off of its cumulative table)."""
    import calendar

    if period == "month":
        year, month = divmod(pid, 12)
        month += 1
    elif period == "quarter":
        year, quarter = divmod(pid, 4)
        month = 3 * quarter + 3
    else:
        year, month = pid, 12
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def trend_sql(sources: CountSources, period: str) -> str:
    """The increments query over every pair (the MGPS prior of each period needs them all)."""
    if period not in PERIOD_SQL:
        raise InputError(f"unknown --period {period!r}; choose from {', '.join(PERIOD_SQL)}")
    dk = [f"d{k}" for k in range(len(sources.drug_names))]
    ek = [f"e{k}" for k in range(len(sources.event_names))]
    dcols, ecols = ", ".join(dk), ", ".join(ek)
    null_d = ", ".join(f"CAST(NULL AS STRING) AS {c}" for c in dk)
    null_e = ", ".join(f"CAST(NULL AS STRING) AS {c}" for c in ek)
    dd = ", ".join(f"d.{c}" for c in dk)
    ee = ", ".join(f"e.{c}" for c in ek)
    on_key = "{a}.src = {b}.src AND {a}.rid = {b}.rid"
    ctes = [
        f"drug AS (SELECT DISTINCT src, rid, {dcols} FROM ({sources.drug}) x "
        f"WHERE {' AND '.join(f'{c} IS NOT NULL' for c in dk)})",
        f"event AS (SELECT DISTINCT src, rid, {ecols} FROM ({sources.event}) x "
        f"WHERE {' AND '.join(f'{c} IS NOT NULL' for c in ek)})",
        f"per AS (SELECT source AS src, report_id AS rid, MIN({PERIOD_SQL[period]}) AS p "
        "FROM reports WHERE received_date IS NOT NULL GROUP BY source, report_id)",
        "both_ AS (SELECT dr.src, dr.rid FROM (SELECT DISTINCT src, rid FROM drug) dr "
        "JOIN (SELECT DISTINCT src, rid FROM event) ev "
        f"ON {on_key.format(a='dr', b='ev')})",
        "uni AS (SELECT b.src, b.rid, per.p FROM both_ b JOIN per "
        f"ON {on_key.format(a='b', b='per')})",
    ]
    selects = [
        f"SELECT 'p' AS kind, {dd}, {ee}, u.p AS p, COUNT(*) AS m FROM drug d "
        f"JOIN event e ON {on_key.format(a='d', b='e')} "
        f"JOIN uni u ON {on_key.format(a='d', b='u')} GROUP BY {dd}, {ee}, u.p",
        f"SELECT 'd' AS kind, {dd}, {null_e}, u.p AS p, COUNT(*) AS m FROM drug d "
        f"JOIN uni u ON {on_key.format(a='d', b='u')} GROUP BY {dd}, u.p",
        f"SELECT 'e' AS kind, {null_d}, {ee}, u.p AS p, COUNT(*) AS m FROM event e "
        f"JOIN uni u ON {on_key.format(a='e', b='u')} GROUP BY {ee}, u.p",
        f"SELECT 't' AS kind, {null_d}, {null_e}, p, COUNT(*) AS m FROM uni GROUP BY p",
        f"SELECT 'x' AS kind, {null_d}, {null_e}, CAST(NULL AS BIGINT) AS p, COUNT(*) AS m "
        f"FROM both_ b LEFT JOIN per ON {on_key.format(a='b', b='per')} WHERE per.p IS NULL",
    ]
    return "WITH " + ",\n".join(ctes) + "\n" + "\nUNION ALL ".join(selects)


def parse_pair(text: str | None) -> tuple[tuple[str, str], ...]:
    """``product=rv,reaction=intussusception`` -> ``(("product", "rv"), ...)``."""
    out = []
    for item in (s.strip() for s in (text or "").split(",") if s.strip()):
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise InputError(f"--pair {item!r}: write DIMENSION=VALUE, e.g. product=rv")
        out.append((name.strip(), value.strip().casefold()))
    return tuple(out)
