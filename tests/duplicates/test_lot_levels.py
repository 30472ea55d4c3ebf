"""The lot's agreement given what the pair shares besides: a lot in common between two
reports of one region and month is far likelier by chance than between reports not known
to share them (another reporter leaves out the date, a follow-up corrects it)."""

from __future__ import annotations

from datetime import date, timedelta

import pyarrow as pa
from splink import DuckDBAPI

from dermavigil.domain.case import Case
from dermavigil.duplicates.detect import detect
from dermavigil.duplicates.engine import PairEngine
from dermavigil.duplicates.features import FEATURE_SCHEMA
from dermavigil.duplicates.lot_chance import lot_u_among_product_pairs
from dermavigil.duplicates.model import LOT_ELSEWHERE


def _dated(case: Case, case_id: str, lot: str, day: str) -> Case:
    data = case.model_dump()
    data["case_id"] = case_id
    data["report"]["event_date"] = day
    for product in data["products"]:
        product["lot"] = lot
    return Case.model_validate(data)


def test_a_lot_shared_months_apart_weighs_more_than_within_a_month(clinician_case: Case) -> None:
    """The same lot, the events 10 days apart: the level of one region and month; 150 days
    apart: the level of reports not known to share them, which chance meets less often."""
    first = _dated(clinician_case, "FIRST", "AB1234", "2024-03-01")
    evidence = {}
    for case_id, day in (("NEAR", "2024-03-11"), ("FAR", "2024-07-29")):
        (pair,) = detect([first, _dated(clinician_case, case_id, "AB1234", day)], 0.0).pairs
        evidence[case_id] = next(e for e in pair.explanation if e.field == "lot")
    assert evidence["NEAR"].level == "a lot number in common"
    assert evidence["FAR"].level == f"a lot number in common{LOT_ELSEWHERE}"
    assert evidence["FAR"].match_weight > evidence["NEAR"].match_weight > 0


def _report(i: int, region: str, day: date, lot: str) -> dict:
    row = dict.fromkeys(FEATURE_SCHEMA.names)
    row.update(unique_id=f"v{i:03d}", source="vaers", first_suspect="flu3", region=region,
               event_low=day, event_high=day, lots=[lot])  # fmt: skip
    return row


def test_the_lot_u_of_pairs_not_of_one_region_and_month_is_counted_among_them() -> None:
    """One vaccine: 60 reports of one state in January from three lots, 60 of other states
    and months each with a lot of its own but for two that share one. Of the 1,770 pairs
    of January's state 590 share a lot (three lots of 20: 3 x 190); of the 5,370 pairs not
    of one region and month 1 does."""
    january = date(2000, 1, 1)
    rows = [_report(i, "WA", january + timedelta(days=i % 28), f"L{i % 3}") for i in range(60)]
    for i in range(60, 120):
        day = date(2001 + i % 5, 1 + i % 12, 15)
        rows.append(_report(i, f"S{i}", day, "SHARED" if i in (60, 61) else f"OWN{i}"))
    engine = PairEngine(DuckDBAPI(), "duckdb")
    engine.register("records", pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA))
    u, pairs = lot_u_among_product_pairs(engine, "records")
    session = "a lot number in common, the same day and state"
    same_day = u[session]  # pairs of one day and state are counted apart
    assert 0 < same_day <= 1
    assert u["a lot number in common"] > 0.3
    assert u[f"a lot number in common{LOT_ELSEWHERE}"] == 1 / (60 * 60 + 60 * 59 // 2)
    assert pairs < 1770
