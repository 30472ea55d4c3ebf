"""Chance agreement given another fact: the rare reactions two patients of one
publication share (``duplicates.chance.publication_rare_u``); chance agreement without the
duplicates that sampled pairs hold (``duplicates.chance.without_expected_matches``)."""

from __future__ import annotations

import duckdb
import pyarrow as pa
from splink import DuckDBAPI

from dermavigil.duplicates.chance import (
    PUBLICATION_MIN_PAIRS,
    publication_rare_u,
    without_expected_matches,
)
from dermavigil.duplicates.engine import PairEngine
from dermavigil.duplicates.features import FEATURE_SCHEMA
from dermavigil.duplicates.model import PUBLICATION_RARE, facts, prior_match_probability


def _patient(i: int, age: float, rare: list[str], doi: str = "doi:10.5555/series") -> dict:
    row = dict.fromkeys(FEATURE_SCHEMA.names)
    row.update(
        unique_id=f"r{i:03d}", source="faers", sex="female", age_years=age,
        publication_ids=[doi], rare_terms=rare,
    )  # fmt: skip
    return row


def _engine(rows: list[dict]) -> PairEngine:
    engine = PairEngine(DuckDBAPI(), "duckdb")
    engine.register("records", pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA))
    return engine


def test_the_patients_of_one_series_share_its_rare_reaction() -> None:
    """Four patients of one article (ages 20 years apart) share its rare reaction, a
    fifth has another, and the first is reported again (same age: no pair of two
    patients); another article's patient is paired with none of them."""
    rows = [_patient(i, 30.0 + 20 * i, ["nicolau syndrome"]) for i in range(4)]
    rows.append(_patient(4, 25.0, ["skin necrosis"]))
    rows.append(_patient(5, 30.0, ["nicolau syndrome"]))  # the first patient's copy
    rows.append(_patient(6, 90.0, ["nicolau syndrome"], doi="doi:10.5555/other"))
    u, pairs = publication_rare_u(_engine(rows), "records")
    most, one = PUBLICATION_RARE
    # the series' 15 pairs but the copy's with the first patient; 9 share the term
    # (4 + the copy, less that pair), the fifth patient's 5 share nothing
    assert pairs == 14
    assert u[one] == (9 + 0.5) / (14 + 1)
    # 'most of the shorter list' asks for two terms in common: none (Jeffreys' 0.5)
    assert u[most] == 0.5 / 15


def test_too_few_pairs_of_two_patients_estimate_nothing() -> None:
    rows = [_patient(i, 30.0 + 20 * i, ["nicolau syndrome"]) for i in range(3)]
    u, pairs = publication_rare_u(_engine(rows), "records")
    assert pairs == 3 < PUBLICATION_MIN_PAIRS and u == {}


def test_a_level_only_duplicates_reach_is_not_counted_as_chance() -> None:
    """The FAERS slices of bench/faers_links.py (11,382 reports): of 500,000 random pairs
    one shares a manufacturer number, and it is a version link. The duplicates expected
    among random pairs (the model's prior, 0.05 / 11,381, times the level's m of 0.6)
    account for it, so "same report number" is no more likely by chance than half a pair
    in the sample (issue 16, tenth session: it weighed 18.2 bits, u 2e-6, for one
    duplicate counted as chance); the shares of common levels barely move."""
    number = next(f for f in facts() if f.name == "report_number")
    same, two, one = (level.label for level in number.levels)
    lam, pairs = prior_match_probability(11_382), 500_000
    shares = {"report_number": {same: 1 / pairs, two: 0.9414, one: 0.0586 - 1 / pairs}}
    u = without_expected_matches(shares, lam, pairs)["report_number"]
    assert u[same] == 0.5 / pairs
    assert abs(u[two] - 0.9414) < 1e-5 and abs(u[one] - 0.0586) < 1e-5
    # at 100k bench records, among one product's pairs: 5 of 136,638 pairs with both
    # numbers share one (2 of them duplicates), 1.1e-5 of such pairs expected duplicates
    shares = {"report_number": {same: 5 / 136_638}}
    u = without_expected_matches(shares, 1.1e-5, 500_000)["report_number"]
    assert u[same] == (5 / 136_638 - 1.1e-5 * 0.6) / (1 - 1.1e-5)
    # a fact the model does not know is left as it is
    assert without_expected_matches({"other": {"x": 1e-6}}, lam, pairs) == {"other": {"x": 1e-6}}


def test_the_pairs_sampled_do_not_depend_on_the_order_of_the_records() -> None:
    """The same-product pairs whose levels give u, and a training block's pairs, are one
    seeded sample whatever order the records (and so the join's rows) come in: a
    reservoir sample of a join's output drew other pairs from run to run (issue 16, tenth
    session: "same report number" at 100k from 5 sampled pairs in one run, 6 in another),
    the spread of +-.01 in precision noted in docs/duplicates-bench.md."""
    from dermavigil.duplicates import chance
    from dermavigil.duplicates.chance import block_pairs_sql, product_pairs_sql
    from dermavigil.duplicates.dialects import DRAW_MACRO

    rows = []
    for i in range(400):
        row = dict.fromkeys(FEATURE_SCHEMA.names)
        row.update(unique_id=f"r{i:04d}", first_suspect=f"p{i % 3}", sex="female")
        rows.append(row)
    table = pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA)
    samples = []
    for order in (table, table.take(list(range(399, -1, -1)))):
        con = duckdb.connect()
        con.execute("SET threads = 4")
        con.execute(DRAW_MACRO)  # what a run's engine defines on its connection
        con.register("records", order)
        chance_pairs, chance_records = chance.PRODUCT_PAIRS, chance.PRODUCT_RECORDS
        chance.PRODUCT_PAIRS, chance.PRODUCT_RECORDS = 1_000, 300  # of 26,466 and 400
        try:
            drawn = [
                sorted(con.execute(f"SELECT join_key_l, join_key_r FROM ({sql})").fetchall())
                for sql in (
                    product_pairs_sql("records"),
                    block_pairs_sql("records", "l.first_suspect = r.first_suspect"),
                )
            ]
        finally:
            chance.PRODUCT_PAIRS, chance.PRODUCT_RECORDS = chance_pairs, chance_records
        samples.append(drawn)
    assert all(len(pairs) == 1_000 for pairs in samples[0])
    assert samples[0] == samples[1]


def _drawn_pairs(con: duckdb.DuckDBPyConnection, sql: str) -> set[tuple[str, str]]:
    return set(con.execute(f"SELECT join_key_l, join_key_r FROM ({sql})").fetchall())


def test_a_draw_seed_draws_other_pairs_and_the_default_is_the_models() -> None:
    """The seed of the draws (``score_table``'s ``draw_seed``, the bench's ``--draw-seed``)
    draws other pairs of one product and of a training block, to measure how much the
    estimates move from one sample to another; without one, the model's own ``U_SEED``."""
    from dermavigil.duplicates import chance
    from dermavigil.duplicates.chance import block_pairs_sql, product_pairs_sql
    from dermavigil.duplicates.dialects import DRAW_MACRO
    from dermavigil.duplicates.model import U_SEED

    rows = []
    for i in range(400):
        row = dict.fromkeys(FEATURE_SCHEMA.names)
        row.update(unique_id=f"r{i:04d}", first_suspect=f"p{i % 3}", sex="female")
        rows.append(row)
    con = duckdb.connect()
    con.execute(DRAW_MACRO)
    con.register("records", pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA))
    chance_pairs, chance_records = chance.PRODUCT_PAIRS, chance.PRODUCT_RECORDS
    chance.PRODUCT_PAIRS, chance.PRODUCT_RECORDS = 1_000, 300
    block = "l.first_suspect = r.first_suspect"
    try:
        for sql in (product_pairs_sql, lambda t, *s: block_pairs_sql(t, block, *s)):
            default, model, other = (
                _drawn_pairs(con, sql("records", *seed)) for seed in ((), (U_SEED,), (1,))
            )
            assert len(default) == len(other) == 1_000
            assert default == model
            assert len(default & other) < 900
    finally:
        chance.PRODUCT_PAIRS, chance.PRODUCT_RECORDS = chance_pairs, chance_records
