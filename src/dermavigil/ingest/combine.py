"""Build a source's live tables from its stages: version dedup, deletions, duplicates.

Runs in DuckDB over the staged Parquet (memory-bounded, spills to disk), and
streams the result as Arrow batches into :class:`~dermavigil.store.layout.SourceWriter`.

Rules (FAERS ASC_NTS; the same code serves every source):

1. A case is ``case_id`` (or the report id when a source has no cases). A case
   withdrawn by any deletion list loaded for the source is dropped entirely.
2. Of a case's versions the one kept is the greatest ``version`` (null counts
   as 0, e.g. legacy AERS), then the latest ``_rank_date`` (FAERS ``fda_dt``),
   then the latest unit (quarter), then the greatest report id (numerically
   for digit ids). The others are counted as superseded.
3. Product rows of a kept report are distinct by ``seq`` (FAERS repeats a
   ``drug_seq`` row per dosage regimen; the first line wins), reaction rows by
   ``term_key``.
4. Output is sorted (report, seq or term), so the same input set gives the
   same files whatever order the inputs were loaded in.

With ``across_units`` (MAUDE, whose file kinds hold different parts of a report)
rule 3 looks beyond the kept report row's unit: a report's products are those of
the latest unit that has products for it (thru < yearly < add < change files),
its reactions the distinct terms of every unit.

Every staged product and reaction row that does not reach the store is
counted by reason: a duplicate (rule 3), a row of a superseded version or of
a deleted case, or an *orphan* whose report is not in its input (absent, or
its row was rejected).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from dermavigil.store.layout import SourceWriter
from dermavigil.store.schema import TABLES

BATCH_ROWS = 100_000

_RANK = """
CREATE TEMP TABLE ranked AS
SELECT s.*,
       coalesce(s.case_id, s.report_id) IN (SELECT case_id FROM deleted) AS _deleted,
       row_number() OVER (
           PARTITION BY coalesce(s.case_id, s.report_id)
           ORDER BY coalesce(s.version, 0) DESC, s._rank_date DESC NULLS LAST, s._unit DESC,
                    length(s.report_id) DESC, s.report_id DESC
       ) AS _rn
FROM read_parquet({reports}, union_by_name = true) AS s
"""

_PRODUCTS = """
SELECT * FROM (
    SELECT p.*, row_number() OVER (
        PARTITION BY p._unit, p.report_id, coalesce(p.seq::BIGINT, -p._line) ORDER BY p._line
    ) AS _dup
    FROM read_parquet({files}, union_by_name = true) AS p
    SEMI JOIN kept AS k ON p._unit = k._unit AND p.report_id = k.report_id
) WHERE _dup = 1
ORDER BY report_id, seq, _line
"""

_REACTIONS = """
SELECT * FROM (
    SELECT r.*, row_number() OVER (
        PARTITION BY r._unit, r.report_id, r.term_key ORDER BY r._line
    ) AS _dup
    FROM read_parquet({files}, union_by_name = true) AS r
    SEMI JOIN kept AS k ON r._unit = k._unit AND r.report_id = k.report_id
) WHERE _dup = 1
ORDER BY report_id, term_key
"""

_PRODUCTS_ACROSS = """
SELECT * FROM (
    SELECT p.*,
        row_number() OVER (
            PARTITION BY p._unit, p.report_id, coalesce(p.seq::BIGINT, -p._line) ORDER BY p._line
        ) AS _dup,
        p._unit = max(p._unit) OVER (PARTITION BY p.report_id) AS _latest
    FROM read_parquet({files}, union_by_name = true) AS p
    SEMI JOIN kept AS k ON p.report_id = k.report_id
) WHERE _dup = 1 AND _latest
ORDER BY report_id, seq, _line
"""

_REACTIONS_ACROSS = """
SELECT * FROM (
    SELECT r.*, row_number() OVER (
        PARTITION BY r.report_id, r.term_key ORDER BY r._unit DESC, r._line
    ) AS _dup
    FROM read_parquet({files}, union_by_name = true) AS r
    SEMI JOIN kept AS k ON r.report_id = k.report_id
) WHERE _dup = 1
ORDER BY report_id, term_key
"""

_KEPT_ROWS_ACROSS = """
SELECT count(*) FROM read_parquet({files}, union_by_name = true) AS t
SEMI JOIN kept AS k ON t.report_id = k.report_id
"""

_KEPT_ROWS = """
SELECT count(*) FROM read_parquet({files}, union_by_name = true) AS t
SEMI JOIN kept AS k ON t._unit = k._unit AND t.report_id = k.report_id
"""

# Report rows not kept (superseded or deleted), keyed as products and reactions join
# them: by (unit, report) or, across units, by report. {join} compares alias k with r.
_GONE = """
CREATE TEMP TABLE gone AS
SELECT {by}, bool_or(r._deleted) AS deleted
FROM ranked AS r
ANTI JOIN kept AS k ON {join}
GROUP BY {by}
"""

_DROPPED = """
SELECT count(*),
       count(k.report_id) FILTER (WHERE k.deleted),
       count(k.report_id) FILTER (WHERE NOT k.deleted)
FROM read_parquet({files}, union_by_name = true) AS r
LEFT JOIN gone AS k ON {join}
"""
_JOIN_UNIT = ("k._unit = r._unit AND k.report_id = r.report_id", "r._unit, r.report_id")
_JOIN_ACROSS = ("k.report_id = r.report_id", "r.report_id")


@dataclass(frozen=True)
class CombineCounts:
    reports_read: int
    reports_kept: int
    versions_superseded: int
    deleted: int
    product_rows: int
    reaction_rows: int
    duplicate_products: int
    duplicate_reactions: int
    not_stored: dict[str, int] = field(default_factory=dict)
    """Staged product and reaction rows not stored, by reason (besides duplicates);
    empty in manifests written before these were counted."""


def _list(files: list[Path]) -> str:
    return "[" + ", ".join("'" + str(f).replace("'", "''") + "'" for f in files) + "]"


def _stream(con: duckdb.DuckDBPyConnection, sql: str, table: str, writer: SourceWriter) -> None:
    names = ", ".join(f'"{n}"' for n in TABLES[table].names)
    reader = con.sql(f"SELECT {names} FROM ({sql})").to_arrow_reader(BATCH_ROWS)
    for batch in reader:
        writer.write(table, batch)


def _dropped(con: duckdb.DuckDBPyConnection, files: str, kept: int, join: str) -> dict[str, int]:
    """Staged rows of superseded versions, of deleted cases, and without their report."""
    sql = _DROPPED.format(files=files, join=join)
    total, deleted, superseded = con.execute(sql).fetchall()[0]
    return {
        "without their report": total - kept - deleted - superseded,
        "of superseded versions": superseded,
        "of deleted cases": deleted,
    }


def combine(
    stage_dirs: list[Path], writer: SourceWriter, work_dir: Path, across_units: bool = False
) -> CombineCounts:
    """Write the deduplicated tables of ``stage_dirs`` through ``writer``."""
    products_sql = _PRODUCTS_ACROSS if across_units else _PRODUCTS
    reactions_sql = _REACTIONS_ACROSS if across_units else _REACTIONS
    kept_rows_sql = _KEPT_ROWS_ACROSS if across_units else _KEPT_ROWS
    join, by = _JOIN_ACROSS if across_units else _JOIN_UNIT
    files = {
        t: _list([d / f"{t}.parquet" for d in stage_dirs])
        for t in ("reports", "report_products", "report_reactions", "deletions")
    }
    work_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")  # a library prints nothing
        con.execute("SET memory_limit = '1GB'")
        con.execute("SET threads = 2")
        con.execute(f"SET temp_directory = '{work_dir}'")
        con.execute(
            "CREATE TEMP TABLE deleted AS SELECT DISTINCT case_id FROM "
            f"read_parquet({files['deletions']}) WHERE case_id IS NOT NULL"
        )
        con.execute(_RANK.format(reports=files["reports"]))
        con.execute("CREATE TEMP TABLE kept AS SELECT * FROM ranked WHERE NOT _deleted AND _rn = 1")
        read, deleted, superseded = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE _deleted), "
            "count(*) FILTER (WHERE NOT _deleted AND _rn > 1) FROM ranked"
        ).fetchall()[0]
        _stream(con, "SELECT * FROM kept ORDER BY report_id", "reports", writer)
        _stream(con, products_sql.format(files=files["report_products"]), "report_products", writer)
        _stream(
            con, reactions_sql.format(files=files["report_reactions"]), "report_reactions", writer
        )
        raw_products = con.execute(kept_rows_sql.format(files=files["report_products"])).fetchone()
        raw_reactions = con.execute(
            kept_rows_sql.format(files=files["report_reactions"])
        ).fetchone()
        con.execute(_GONE.format(join=join, by=by))
        products = _dropped(con, files["report_products"], raw_products[0], join)
        reactions = _dropped(con, files["report_reactions"], raw_reactions[0], join)
    finally:
        con.close()
    written = writer.rows_written
    return CombineCounts(
        not_stored={
            f"{rows} {reason}": n
            for rows, counts in (("product rows", products), ("reaction rows", reactions))
            for reason, n in counts.items()
            if n
        },
        reports_read=read,
        reports_kept=written["reports"],
        versions_superseded=superseded,
        deleted=deleted,
        product_rows=written["report_products"],
        reaction_rows=written["report_reactions"],
        duplicate_products=raw_products[0] - written["report_products"],
        duplicate_reactions=raw_reactions[0] - written["report_reactions"],
    )
