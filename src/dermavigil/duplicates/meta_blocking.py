"""Meta-blocking: of the pairs that share a bounded blocking key, the ones worth scoring.

Bounded (:mod:`~dermavigil.duplicates.blocking`) blocks still pair a record
with every other record of each of its blocks, ~50 other records at 100k reports, most
of which share one product and one common reaction with it and nothing else. The pairs
scored are the heaviest edges of the *blocking graph* instead (meta-blocking:
Papadakis, Koutrika, Palpanas & Nejdl 2014, "Meta-blocking: taking entity resolution
to the next level", IEEE TKDE 26(12):2946-2960): two records sharing kept keys are
joined by an edge weighing ``sum(1 / block size)`` over their common keys (the ARCS
scheme: a key few records share says more) plus what their identifying facts agree on
(:data:`AGREEMENT_WEIGHTS`: the same event day, year of birth, age..., the edge features
of supervised meta-blocking, Papadakis, Papastefanatos & Koutrika 2014, PVLDB 7(14)
taken with fixed weights), and cardinality node pruning (CNP) keeps,
for every record, its :data:`PAIRS_PER_RECORD` heaviest edges; a pair is scored when
either record keeps it. The scored pairs are at most ``PAIRS_PER_RECORD`` per record
whatever the collection; a copy shares more and rarer keys with its original than a
stranger does, so it stays among them (see ``docs/duplicates-bench.md`` for the
recall before and after pruning).
"""

from __future__ import annotations

import logging

from pydantic import BaseModel, Field

from dermavigil.duplicates.blocking import (
    BLOCK_CAP,
    FamilyCount,
    all_keys,
    check_budget,
    drop_work_tables,
)
from dermavigil.duplicates.engine import PairEngine
from dermavigil.duplicates.narrative_blocking import COLUMN as BANDS_COLUMN
from dermavigil.duplicates.narrative_blocking import with_bands

log = logging.getLogger(__name__)

PAIRS_PER_RECORD = 10
"""Heaviest candidate pairs each record keeps (cardinality node pruning, see the module
docstring); a pair is scored when either of its records keeps it."""

AGREEMENT_WEIGHTS = {
    "x.event_low = y.event_low": 1.0,
    "abs(date_diff('day', x.event_low, y.event_low)) <= 31": 1.0,
    "x.birth_year = y.birth_year": 1.0,
    "x.age_years = y.age_years": 1.0,
    "abs(x.age_years - y.age_years) <= 1": 1.0,
    "x.sex = y.sex": 0.5,
    "x.country = y.country": 0.5,
}
"""What a candidate pair's identifying facts add to its edge weight (SQL on the records
``x`` and ``y``; a missing fact adds nothing): among the records sharing one product and
one reaction, the copy is the one of the same patient and day."""


class Pruning(BaseModel):
    """The candidate pairs of the kept keys, and those kept to be scored."""

    candidate_pairs: int = Field(description="distinct pairs sharing a kept key")
    scored_pairs: int = Field(description="pairs kept by cardinality node pruning")
    per_record: int = Field(description="heaviest pairs each record keeps")


_COLUMNS = (
    "unique_id",
    "first_suspect",
    "product_words",
    "reaction_terms",
    "reaction_words",
    "signature",
    "publication_ids",
    "initials",
    "report_number",
    "authority_number",
    "event_low",
    "birth_year",
    "age_years",
    "age_low",
    "age_high",
    "sex",
    "country",
    "region",
    "lots",
)
"""The feature columns that blocking reads (and the narrative's bands, :func:`_bands`)."""


def _bands(engine: PairEngine, table: str) -> None:
    """Register ``_blk_bands(unique_id, narrative_bands)``: the narrative's band keys of the
    records ``table``, computed alike for every engine
    (:func:`~dermavigil.duplicates.narrative_blocking.with_bands`)."""
    words = engine.sql(f"SELECT unique_id, narrative_words FROM {table}")
    engine.register("_blk_bands", with_bands(words).drop_columns(["narrative_words"]))


def block_pairs(
    engine: PairEngine,
    table: str,
    output: str,
    cap: int = BLOCK_CAP,
    per_record: int = PAIRS_PER_RECORD,
) -> tuple[list[FamilyCount], Pruning]:
    """Create the table ``output`` of the pairs to score (splink's blocked-pairs columns:
    ``match_key``, ``join_key_l`` < ``join_key_r``, unique ids) from the feature records
    ``table``: bounded keys, then the heaviest ``per_record`` edges of each record (see the
    module docstring). Refuses a blocking over the budget before pairing anyone."""
    # integer ids and hashed keys: the keys, the self-join and the grouping below work on
    # numbers (two keys hashing alike only merge two blocks: more candidates, none lost)
    _bands(engine, table)
    engine.create(
        "_blk_ids",
        f"SELECT CAST(row_number() OVER (ORDER BY unique_id) AS INTEGER) AS i, "
        f"{', '.join(_COLUMNS)}, {BANDS_COLUMN} "
        f"FROM {table} LEFT JOIN _blk_bands USING (unique_id)",
        temporary=True,
    )
    engine.unregister("_blk_bands")
    counts = all_keys(engine, "_blk_ids", cap, ident="i", hashed=True)
    check_budget(counts, int(engine.one("SELECT count(*) FROM _blk_ids")[0]))
    # each key with 1 / its block's size (a key of one record pairs no one)
    engine.create(
        "_blk_n",
        "SELECT i, key, CAST(1 AS DOUBLE) / count(*) OVER (PARTITION BY key) AS f "
        "FROM _blk_keys QUALIFY count(*) OVER (PARTITION BY key) > 1",
        temporary=True,
    )
    # ARCS weights plus agreements, rounded: neither the order of a float sum nor an
    # engine's arithmetic (Spark read 1.0 as a decimal) breaks a tie
    agree = " + ".join(
        f"CASE WHEN {sql} THEN {weight!r} ELSE 0 END" for sql, weight in AGREEMENT_WEIGHTS.items()
    )
    engine.create(
        "_blk_edges",
        f"""
        WITH arcs AS (
            SELECT l.i AS a, r.i AS b, round(sum(l.f), 9) AS w
            FROM _blk_n l JOIN _blk_n r ON r.key = l.key AND l.i < r.i
            GROUP BY l.i, r.i
        )
        SELECT a, b, round(w + {agree}, 9) AS w
        FROM arcs JOIN _blk_ids x ON x.i = a JOIN _blk_ids y ON y.i = b
        """,
        temporary=True,
    )
    candidates = int(engine.one("SELECT count(*) FROM _blk_edges")[0])
    # the records' heaviest edges first (QUALIFY), then each pair once: the order DuckDB
    # evaluates them in, written out so that the Spark translation keeps it
    engine.create(
        "_blk_kept",
        f"""
        SELECT DISTINCT least(x, y) AS a, greatest(x, y) AS b FROM (
            SELECT x, y FROM (
                SELECT a AS x, b AS y, w FROM _blk_edges UNION ALL SELECT b, a, w FROM _blk_edges
            ) QUALIFY row_number() OVER (PARTITION BY x ORDER BY w DESC, y) <= {int(per_record)}
        )
        """,
        temporary=True,
    )
    engine.create(
        output,
        """
        SELECT '0' AS match_key, l.unique_id AS join_key_l, r.unique_id AS join_key_r
        FROM _blk_kept JOIN _blk_ids l ON l.i = a JOIN _blk_ids r ON r.i = b ORDER BY a, b
        """,
    )
    scored = int(engine.one(f"SELECT count(*) FROM {output}")[0])
    drop_work_tables(engine)
    log.info("candidate pairs %d, scored after pruning %d", candidates, scored)
    return counts, Pruning(candidate_pairs=candidates, scored_pairs=scored, per_record=per_record)
