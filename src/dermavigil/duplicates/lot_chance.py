"""Chance agreement of the lot numbers given the product, the region and the month: a lot
belongs to one product and circulates in a region for a few months, so the ``u`` of the
lot levels is taken among pairs of one product, of one region and month or not
(:func:`lot_u_among_product_pairs`; the chain rule of :mod:`~dermavigil.duplicates.chance`)."""

from __future__ import annotations

from dermavigil.duplicates.chance import record_draw
from dermavigil.duplicates.engine import PairEngine
from dermavigil.duplicates.model import (
    LOT_ELSEWHERE,
    LOT_SAME_SESSION,
    LOTS_SPELT_ALIKE,
    ONE_REGION_AND_MONTH,
    SAME_LOTS,
    U_SEED,
)

LOT_PAIRS_SAMPLE = 20_000
"""Reports drawn for the lot's ``u`` (a seeded draw of all the records, as DuckDB's reservoir
sample of the ``FROM`` rows was); those with a lot, a first suspect and an event date
count."""
LOT_ELSEWHERE_SAMPLE = 5_000
"""The first of those drawn reports whose pairs of one product outside one region and month
give the ``u`` of the lot levels of such pairs (a pair of one product shares a lot about
once in 500 there: 20,000 reports would give millions of pairs to count it)."""
LOT_MIN_PAIRS = 1_000
"""Fewest same-product pairs for the lot's ``u`` to be estimated (else the prior)."""


def _sides(sql: str, *columns: str) -> str:
    """A pair condition on ``<column>_l`` / ``_r`` written on the join's ``l.`` and ``r.``."""
    for column in columns:
        sql = sql.replace(f"{column}_l", f"l.{column}").replace(f"{column}_r", f"r.{column}")
    return sql


def _lot_pairs_sql(table_name: str, seed: int, reports: int, dated: bool, where: str) -> str:
    """SQL: the lot agreements (all the same, one in common, spelt alike) of the pairs of one
    first suspect product among the first ``reports`` drawn with ``seed`` (those with a lot,
    and an event date if ``dated``) that ``where`` keeps (its columns ``l.`` and ``r.``), with
    ``near``: whether the pair shares a region and month (:data:`ONE_REGION_AND_MONTH`) and
    ``session``: a day and region."""
    spelt, all_same, window = (
        _sides(sql, "lots", "region", "event_low")
        for sql in (LOTS_SPELT_ALIKE, SAME_LOTS, ONE_REGION_AND_MONTH)
    )
    dated_only = " AND event_low IS NOT NULL" if dated else ""
    return f"""
        WITH s AS (
            SELECT unique_id, first_suspect, event_low, region, lots FROM (
                SELECT * FROM (SELECT *, {record_draw(seed)} AS d FROM {table_name})
                ORDER BY d, unique_id LIMIT {reports}
            ) WHERE lots IS NOT NULL AND first_suspect IS NOT NULL{dated_only}
        )
        SELECT {all_same} AS all_same, len(list_intersect(l.lots, r.lots)) > 0 AS same,
               {spelt} AS alike, coalesce({window}, false) AS near,
               coalesce(l.event_low = r.event_low AND l.region = r.region, false) AS session
        FROM s l JOIN s r ON l.first_suspect = r.first_suspect AND l.unique_id < r.unique_id
        WHERE {where}
    """


def lot_u_among_product_pairs(
    engine: PairEngine, table_name: str, seed: int = U_SEED
) -> tuple[dict[str, float], int]:
    """``u`` of the lot levels among pairs of *different* reports of the same first suspect
    product: of one region whose events are at most
    :data:`~dermavigil.duplicates.model.LOT_WINDOW_DAYS` apart for the levels of such pairs,
    of other regions or months (or an unknown one) for the levels ending
    :data:`~dermavigil.duplicates.model.LOT_ELSEWHERE` (samples drawn with ``seed``).

    Random pairs would put the chance that two reports share a lot at the chance that
    they share a product and a season, and then count the product again: lots belong to
    one product and circulate for months, so two infants given one vaccine on one day
    share a lot far more often (15% of the same-vaccine, same-day, same-age VAERS pairs
    of the bench) than two random reports. Fellegi-Sunter's product of likelihood ratios
    needs the lot's agreement given what the other facts already say: the region (lots
    are shipped regionally) and the event date (one clinic gives one lot to the patients
    of a day; pairs within a month put u at 0.21 where pairs within a year give 0.06 and
    random pairs 0.013, bench 10k). Reports of one day and region meet on the level
    :data:`~dermavigil.duplicates.model.LOT_SAME_SESSION`, whose ``u`` is the share of
    such pairs that share a lot (one clinic's session: 0.33 at 100k); the other levels'
    ``u`` are counted among the pairs of other days. A pair that does not share a region
    and month -- another reporter leaves out the state or the date -- shares a lot as
    often as two reports of the product do anywhere and at any time (100k bench: 0.002,
    where one region's month gives 0.105), so its lot weighs that much more."""
    near = _sides(ONE_REGION_AND_MONTH, "region", "event_low")
    counts = f"""
        SELECT count(*) FILTER (WHERE NOT session),
               count(*) FILTER (WHERE all_same AND NOT session),
               count(*) FILTER (WHERE same AND NOT all_same AND NOT session),
               count(*) FILTER (WHERE alike AND NOT same AND NOT session),
               count(*) FILTER (WHERE session), count(*) FILTER (WHERE session AND same)
        FROM ({_lot_pairs_sql(table_name, seed, LOT_PAIRS_SAMPLE, True, near)})
    """
    pairs, all_same, same, alike, sessions, shared = engine.one(counts)
    if pairs < LOT_MIN_PAIRS:
        return {}, int(pairs)
    floor = 1 / pairs
    session_u = {LOT_SAME_SESSION: max(shared / sessions, 1 / sessions)} if sessions else {}
    elsewhere = f"""
        SELECT count(*), count(*) FILTER (WHERE all_same),
               count(*) FILTER (WHERE same AND NOT all_same)
        FROM ({_lot_pairs_sql(table_name, seed, LOT_ELSEWHERE_SAMPLE, False, "true")})
        WHERE NOT near
    """
    apart, apart_all_same, apart_same = engine.one(elsewhere)
    apart_u = (
        {
            f"the same lot numbers, two or more{LOT_ELSEWHERE}": max(apart_all_same, 1) / apart,
            f"a lot number in common{LOT_ELSEWHERE}": max(apart_same, 1) / apart,
        }
        if apart >= LOT_MIN_PAIRS
        else {}
    )
    return {
        **session_u,
        **apart_u,
        "the same lot numbers, two or more": max(all_same / pairs, floor),
        "a lot number in common": max(same / pairs, floor),
        "lot numbers spelt alike (typo)": max(alike / pairs, floor),
        "no agreement": max(1 - (all_same + same + alike) / pairs, floor),
    }, int(pairs)
