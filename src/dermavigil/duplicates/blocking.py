"""Bounded blocking: which pairs of reports are scored at all, with every block kept small.

A blocking rule pairs the reports that share a key (splink's ``block_on``); a pair
outside every block is taken as two cases. A key as coarse as "the same product and a
reaction term in common" keeps nearly every true duplicate, but at VAERS scale one
vaccine given to many infants with "pyrexia" makes a block of tens of thousands of
reports and ~1 billion pairs. So the keys are *dynamic* (McNeill, Kardes & Borthwick
2012, "Dynamic record blocking: efficient linking of massive databases in MapReduce",
QDB workshop; Christen 2012, *Data Matching*, ch. 4): a key whose block holds more
than :data:`BLOCK_CAP` reports is replaced, for the reports that hold it, by finer
keys (the same key plus the event month, or plus the year of birth, or plus the
state; then plus the sex), and a key still above the cap after its last refinement is
dropped (counted, never silent). Every block therefore holds at most ``BLOCK_CAP`` reports, and a
family's pairs are at most ``BLOCK_CAP / 2`` per key held: the number of scored
pairs grows linearly with the collection instead of quadratically.

:func:`block_keys` adds every family's kept keys to the records as one list column,
which one splink rule explodes (each pair scored once), and counts, per family, the
pairs before (coarse keys, unbounded) and after the bounding.

The candidate pairs of the kept keys are pruned before scoring by
:mod:`~dermavigil.duplicates.meta_blocking`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pyarrow as pa
from pydantic import BaseModel, Field

from dermavigil.duplicates.engine import PairEngine
from dermavigil.duplicates.narrative_blocking import COLUMN as BANDS_COLUMN
from dermavigil.duplicates.narrative_blocking import with_bands

log = logging.getLogger(__name__)

BLOCK_CAP = 40
"""Most reports a block may hold (a larger block is refined, see the module docstring)."""

PAIR_BUDGET_PER_RECORD = 300
"""Refuse to enumerate more blocked pairs than this many per record (a runaway rule)."""

_DECADE = (
    "CAST(floor(coalesce(age_years, CASE WHEN age_high - age_low = 10 AND age_low % 10 = 0 "
    "THEN age_low END) / 10) AS INTEGER)"
)
"""SQL: the decade of a record's age (7 for 74 years or "7 DEC"), whether exact or given
as a decade alone (FAERS ``age_cod`` DEC: no exact age, no year of birth;
:func:`~dermavigil.duplicates.age_levels.decade_only`); null for an age group."""

_PARTS = {
    "first_suspect": "first_suspect",
    "term": "t",
    "word": "w",
    "rword": "v",
    "event_day": "CAST(event_low AS VARCHAR)",
    "event_month": "strftime(event_low, '%Y-%m')",
    "birth_year": "CAST(birth_year AS VARCHAR)",
    "age": "CAST(age_years AS VARCHAR)",
    "decade": f"CAST({_DECADE} AS VARCHAR)",
    "sex": "sex",
    "country": "country",
    "signature": "signature",
    "publication": "p",
    "initials": "initials",
    "report_number": "report_number",
    "authority_number": "authority_number",
    "region": "region",
    "lot": "b",
    "band": "CAST(n AS VARCHAR)",
}
"""Key parts: a column (as text) or an item of a list (``term``: a reaction term,
``rword``: a reaction word, ``word``: a product word, ``publication``: a publication
key, DOI, PMID or first author and year, ``lot``: a lot (batch) number, ``band``: a
MinHash band of the narrative's words, :mod:`~dermavigil.duplicates.narrative_blocking`;
``decade``: the
decade of the age, exact or given as a decade alone, :data:`_DECADE`)."""

_HASHED_PARTS = {
    **_PARTS,
    "event_day": "event_low",
    "event_month": "date_trunc('month', event_low)",
    "birth_year": "birth_year",
    "age": "age_years",
    "decade": _DECADE,
    "band": "n",
}
"""The parts as hashed (:func:`~dermavigil.duplicates.meta_blocking.block_pairs`): typed
values, no text to build."""

Recipe = tuple[str, ...]


@dataclass(frozen=True)
class Family:
    """A blocking rule whose keys are refined while a block is too large."""

    name: str
    description: str
    tiers: tuple[tuple[Recipe, ...], ...]
    """Tier 0: the coarse key(s); tier i+1: the finer keys a record gets in place of a
    tier-i key whose block holds more than the cap."""


def _by_when(*base: str) -> tuple[tuple[Recipe, ...], ...]:
    """Tiers of a product-reaction key: the key; the key and the event month, or the year
    of birth, or the decade of the age (a report whose age is a decade alone has no year
    of birth, and its follow-up may give none of its event date: issue 16, twelfth
    session); each of those and the sex."""
    return (
        (base,),
        ((*base, "event_month"), (*base, "birth_year"), (*base, "decade")),
        ((*base, "event_month", "sex"), (*base, "birth_year", "sex"), (*base, "decade", "sex")),
    )


# fmt: off
FAMILIES: tuple[Family, ...] = (
    Family("publication", "a publication key in common (DOI, PMID, first author and year)",
           ((("publication",),), (("publication", "sex", "age"),))),
    Family("product_reaction", "the same first suspect product and a reaction term in common",
           _by_when("first_suspect", "term")),
    Family("product_reaction_word", "the same first suspect product and a reaction word in "
           "common (a reaction reworded: 'skin necrosis' and 'cutaneous necrosis')",
           _by_when("first_suspect", "rword")),
    Family("product_word_reaction", "a product word and a reaction term in common (a product "
           "named differently: 'lyophilized exosomes' and 'exosome product')",
           _by_when("word", "term")),
    Family("profile", "the same first suspect product and the same reaction terms",
           ((("signature",),),
            (("signature", "sex"), ("signature", "country"), ("signature", "region")),
            (("signature", "sex", "birth_year"), ("signature", "sex", "event_month"),
             ("signature", "region", "sex")))),
    Family("lot_reaction", "a lot number and a reaction term in common (a lot is one "
           "product's batch: another reporter of the case may give neither age nor date)",
           ((("lot", "term"),), (("lot", "term", "region"),),
            (("lot", "term", "region", "sex"),))),
    Family("reaction_day", "a reaction term in common on the same event day",
           ((("term", "event_day"),), (("term", "event_day", "sex"),))),
    Family("day_age", "the same event day and age",
           ((("event_day", "age"),), (("event_day", "age", "sex"),))),
    Family("product_word_day", "a product word in common on the same event day",
           ((("word", "event_day"),), (("word", "event_day", "sex"),))),
    Family("report_number", "the same manufacturer report number (a follow-up keeps it)",
           ((("report_number",),), (("report_number", "sex"),))),
    Family("authority_number", "the same authority case number (every firm forwarding an "
           "authority's case gives it)",
           ((("authority_number",),), (("authority_number", "sex"),))),
    Family("initials_birth_year", "the same initials and year of birth",
           ((("initials", "birth_year"),), (("initials", "birth_year", "sex"),))),
    Family("narrative", "a MinHash band of the narrative's words in common (alike texts: a "
           "follow-up that recoded every reaction and gives no date or age)",
           ((("band",),),)),
)
# fmt: on


_LISTS = {
    "term": ("reaction_terms", "t"),
    "rword": ("reaction_words", "v"),
    "word": ("product_words", "w"),
    "publication": ("publication_ids", "p"),
    "lot": ("lots", "b"),
    "band": (BANDS_COLUMN, "n"),
}
"""List parts: the column a key part is an item of, and its lambda variable."""


def _key_list(recipe: Recipe, hashed_as: str | None = None) -> str:
    """SQL: the list of non-null keys one record has for ``recipe`` (one key per item
    of each list part, crossed when there are two); ``hashed_as``: each key a 64-bit
    hash of that tag and the parts rather than their text."""
    if hashed_as:
        parts = [_HASHED_PARTS[p] for p in recipe]
        nulls = " OR ".join(f"{p} IS NULL" for p in parts)
        inner = f"CASE WHEN {nulls} THEN NULL ELSE hash('{hashed_as}', {', '.join(parts)}) END"
    else:
        inner = " || '|' || ".join(_PARTS[p] for p in recipe)
    lists = [p for p in recipe if p in _LISTS]
    if not lists:
        inner = f"[{inner}]"
    for depth, part in enumerate(reversed(lists)):
        column, var = _LISTS[part]
        inner = f"list_transform(coalesce({column}, []), lambda {var}: {inner})"
        if depth:
            inner = f"flatten({inner})"
    return f"list_filter({inner}, lambda k: k IS NOT NULL)"


def _tier_keys(tier: tuple[Recipe, ...], name: str, level: int, hashed: bool) -> str:
    """SQL: a record's distinct keys of ``tier``, prefixed (or hashed with a tag) so that
    tiers and recipes never collide."""
    if hashed:
        tagged = [_key_list(r, f"{name}{level}:{'+'.join(r)}") for r in tier]
        return f"list_distinct({' || '.join(tagged)})"
    lists = " || ".join(_key_list(recipe) for recipe in tier)
    return f"list_transform(list_distinct({lists}), lambda k: '{name}{level}|' || k)"


class FamilyCount(BaseModel):
    """Pairs one blocking family makes, before and after its keys were bounded."""

    family: str
    description: str
    pairs_unbounded: int = Field(description="pairs of the coarse keys: sum of n(n-1)/2")
    pairs_bounded: int = Field(description="upper bound of the pairs of the kept keys")
    largest_block: int
    dropped_records: int = Field(
        description="records that lost a key still above the cap after its last refinement"
    )


def _family_sql(table: str, family: Family, cap: int, ident: str, hashed: bool) -> str:
    """SQL: every tier's keys of ``family`` in one statement, ``(tier, <ident>, key, c)``
    with ``c`` the records holding the key in its tier: tier 0 for every record, tier
    ``i + 1`` for the records holding a tier-``i`` key over the cap (a key still over it
    after the last tier is dropped). One statement per family: on Spark each query is a
    job and each table a Parquet write, and a family was three tables and two counts per
    tier."""
    ctes, tiers = [], []
    for level, tier in enumerate(family.tiers):
        keys, counted = f"{family.name}_k{level}", f"{family.name}_c{level}"
        source = table
        if level:
            over = f"SELECT {ident} FROM {family.name}_c{level - 1} WHERE c > {cap}"
            source = f"{table} WHERE {ident} IN ({over})"
        finer = _tier_keys(tier, family.name, level, hashed)
        ctes.append(f"{keys} AS (SELECT {ident}, unnest({finer}) AS key FROM {source})")
        ctes.append(
            f"{counted} AS (SELECT {ident}, key, count(*) OVER (PARTITION BY key) AS c FROM {keys})"
        )
        tiers.append(f"SELECT {level} AS tier, {ident}, key, c FROM {counted}")
    return f"WITH {', '.join(ctes)} {' UNION ALL '.join(tiers)}"


def _counts(engine: PairEngine, cap: int, ident: str) -> list[FamilyCount]:
    """Each family's pairs before and after bounding, read from the tables
    ``_blk_family_<name>`` (:func:`_family_sql`) in one query."""
    tiers = " UNION ALL ".join(
        f"SELECT '{f.name}' AS family, tier, tier = {len(f.tiers) - 1} AS is_last, {ident}, key, c "
        f"FROM _blk_family_{f.name}"
        for f in FAMILIES
    )
    rows = engine.rows(
        f"""
        WITH tiers AS ({tiers}), blocks AS (
            SELECT family, tier, key, max(c) AS c FROM tiers GROUP BY family, tier, key
        ), pairs AS (
            SELECT family,
                   sum(CASE WHEN tier = 0 THEN c * (c - 1) // 2 ELSE 0 END) AS unbounded,
                   sum(CASE WHEN c <= {cap} THEN c * (c - 1) // 2 ELSE 0 END) AS bounded,
                   max(CASE WHEN c <= {cap} THEN c ELSE 0 END) AS largest
            FROM blocks GROUP BY family
        ), dropped AS (
            SELECT family, count(DISTINCT {ident}) AS n FROM tiers
            WHERE is_last AND c > {cap} GROUP BY family
        )
        SELECT family, unbounded, bounded, largest, coalesce(n, 0)
        FROM pairs LEFT JOIN dropped USING (family)
        """
    )
    found = {row[0]: [int(v) for v in row[1:]] for row in rows}
    counts = []
    for family in FAMILIES:  # a family no record has a key of is absent: no pairs
        unbounded, bounded, largest, dropped = found.get(family.name, [0, 0, 0, 0])
        counts.append(
            FamilyCount(
                family=family.name,
                description=family.description,
                pairs_unbounded=unbounded,
                pairs_bounded=bounded,
                largest_block=largest,
                dropped_records=dropped,
            )
        )
    return counts


COLUMN = "block_keys"
"""The list column of a record's kept keys, every family's (a key starts with its
family's name and tier: ``product_reaction1|dtap|pyrexia|m2001-03``)."""


def family_of(key: str) -> str:
    """The family a key of :data:`COLUMN` belongs to."""
    return key.split("|", 1)[0].rstrip("0123456789")


def all_keys(
    engine: PairEngine,
    table: str,
    cap: int,
    ident: str = "unique_id",
    hashed: bool = False,
) -> list[FamilyCount]:
    """Create ``_blk_keys(<ident>, key)``: every family's kept keys (text, or 64-bit hashes:
    ``hashed``), and count them."""
    for family in FAMILIES:
        engine.create(
            f"_blk_family_{family.name}",
            _family_sql(table, family, cap, ident, hashed),
            temporary=True,
        )
    counts = _counts(engine, cap, ident)
    union = " UNION ALL ".join(
        f"SELECT {ident}, key FROM _blk_family_{f.name} WHERE c <= {cap}" for f in FAMILIES
    )
    # a family's keys are tagged with its name and tier: no two are alike
    engine.create("_blk_keys", union, temporary=True)
    drop_work_tables(engine, keep=("_blk_keys", table))
    return counts


def drop_work_tables(engine: PairEngine, keep: tuple[str, ...] = ()) -> None:
    """Drop the blocking's work tables (names starting ``_blk_``) but ``keep``."""
    for name in engine.tables("_blk_"):
        if name not in keep:
            engine.drop(name)


def block_keys(table: pa.Table, cap: int = BLOCK_CAP) -> tuple[pa.Table, list[FamilyCount]]:
    """``table`` (feature records) with the list column :data:`COLUMN` of its bounded
    keys, and the pair counts of each family (for tests and benches; a run uses
    :func:`~dermavigil.duplicates.meta_blocking.block_pairs`)."""
    import tempfile

    from dermavigil.duplicates.engine import open_pair_engine

    with tempfile.TemporaryDirectory(prefix="dermavigil-blocking-") as work:
        engine = open_pair_engine("duckdb", work)
        try:
            engine.register("records", with_bands(table))
            counts = all_keys(engine, "records", cap)
            out = engine.sql(
                f"SELECT * EXCLUDE ({BANDS_COLUMN}) FROM records LEFT JOIN (SELECT unique_id, "
                f"list_sort(list(key)) AS {COLUMN} FROM _blk_keys GROUP BY unique_id) "
                f"USING (unique_id) ORDER BY unique_id"
            )
        finally:
            engine.close()
    return out, counts


def check_budget(counts: list[FamilyCount], n_records: int) -> None:
    """Refuse a blocking that would score more than the budget of pairs."""
    from dermavigil.errors import InputError, Problem

    total = sum(c.pairs_bounded for c in counts)
    budget = PAIR_BUDGET_PER_RECORD * max(n_records, 1)
    if total > budget:
        raise InputError(
            f"blocking would score {total:,} pairs, more than the budget of {budget:,} "
            f"({PAIR_BUDGET_PER_RECORD} per record)",
            [Problem(c.family, "pairs after bounding", c.pairs_bounded) for c in counts],
        )
    log.info("blocked pairs (upper bound): %d for %d records", total, n_records)
