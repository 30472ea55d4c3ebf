"""Chance agreement given another fact: the rare reactions two patients of one
publication share (``duplicates.chance.publication_rare_u``)."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from dermavigil.duplicates.chance import PUBLICATION_MIN_PAIRS, publication_rare_u
from dermavigil.duplicates.features import FEATURE_SCHEMA
from dermavigil.duplicates.model import PUBLICATION_RARE


def _patient(i: int, age: float, rare: list[str], doi: str = "doi:10.5555/series") -> dict:
    row = dict.fromkeys(FEATURE_SCHEMA.names)
    row.update(
        unique_id=f"r{i:03d}", source="faers", sex="female", age_years=age,
        publication_ids=[doi], rare_terms=rare,
    )  # fmt: skip
    return row


class _Api:
    def __init__(self, rows: list[dict]) -> None:
        self.duckdb_con = duckdb.connect()
        self.duckdb_con.register("records", pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA))


def test_the_patients_of_one_series_share_its_rare_reaction() -> None:
    """Four patients of one article (ages 20 years apart) share its rare reaction, a
    fifth has another, and the first is reported again (same age: no pair of two
    patients); another article's patient is paired with none of them."""
    rows = [_patient(i, 30.0 + 20 * i, ["nicolau syndrome"]) for i in range(4)]
    rows.append(_patient(4, 25.0, ["skin necrosis"]))
    rows.append(_patient(5, 30.0, ["nicolau syndrome"]))  # the first patient's copy
    rows.append(_patient(6, 90.0, ["nicolau syndrome"], doi="doi:10.5555/other"))
    u, pairs = publication_rare_u(_Api(rows), "records")
    most, one = PUBLICATION_RARE
    # the series' 15 pairs but the copy's with the first patient; 9 share the term
    # (4 + the copy, less that pair), the fifth patient's 5 share nothing
    assert pairs == 14
    assert u[one] == (9 + 0.5) / (14 + 1)
    # 'most of the shorter list' asks for two terms in common: none (Jeffreys' 0.5)
    assert u[most] == 0.5 / 15


def test_too_few_pairs_of_two_patients_estimate_nothing() -> None:
    rows = [_patient(i, 30.0 + 20 * i, ["nicolau syndrome"]) for i in range(3)]
    u, pairs = publication_rare_u(_Api(rows), "records")
    assert pairs == 3 < PUBLICATION_MIN_PAIRS and u == {}
