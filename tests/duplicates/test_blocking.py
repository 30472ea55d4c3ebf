"""Bounded blocking: no block holds more than the cap, a too-large block is refined
(so a copy in a crowd of one vaccine's reports is still paired with its original),
and a blocking over budget is refused."""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa
import pytest

from dermavigil.duplicates import blocking, meta_blocking
from dermavigil.duplicates.blocking import COLUMN, block_keys, check_budget
from dermavigil.duplicates.features import FEATURE_SCHEMA
from dermavigil.errors import InputError

from .conftest import on_duckdb


def _record(uid: str, day: dt.date, age: float, sex: str, terms: list[str]) -> dict:
    row = dict.fromkeys(FEATURE_SCHEMA.names)
    row.update(
        unique_id=uid,
        source="vaers",
        sex=sex,
        age_years=age,
        first_suspect="dtap",
        suspect_products=["dtap"],
        product_words=["dtap"],
        reaction_terms=terms,
        event_low=day,
        event_high=day,
        birth_year=day.year - int(age),
        signature="\x1f".join(["dtap", *terms]),
    )
    return row


def _crowd(n: int) -> list[dict]:
    """``n`` infants given DTaP with pyrexia over three years, and one copy of the first."""
    rows = [
        _record(
            f"r{i:04d}",
            dt.date(2001, 1, 1) + dt.timedelta(days=i % 1000),
            0.2 + (i % 7) / 10,
            ("female", "male")[i % 2],
            ["pyrexia"],
        )
        for i in range(n)
    ]
    copy = dict(rows[0], unique_id="copy", sex=None)
    return [*rows, copy]


def _table(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA)


def test_blocks_are_capped_and_refined_keys_keep_the_copy() -> None:
    keyed, counts = block_keys(_table(_crowd(600)), cap=40)
    by_family = {c.family: c for c in counts}
    coarse = by_family["product_reaction"]
    assert coarse.pairs_unbounded == 601 * 600 // 2  # everyone shares "dtap|pyrexia"
    assert coarse.largest_block <= 40 and coarse.pairs_bounded < coarse.pairs_unbounded / 10
    assert all(c.largest_block <= 40 for c in counts)
    ids = keyed["unique_id"].to_pylist()
    keys = keyed[COLUMN].to_pylist()
    first, copy = keys[ids.index("r0000")], keys[ids.index("copy")]
    shared = set(first) & set(copy)
    assert any(k.startswith("product_reaction1|") for k in shared)  # event month / birth year
    assert not any(k.startswith("product_reaction0|") for k in first)  # coarse key dropped


def test_small_collections_keep_the_coarse_keys() -> None:
    keyed, counts = block_keys(_table(_crowd(10)))
    keys = keyed[COLUMN].to_pylist()
    assert all("product_reaction0|dtap|pyrexia" in k for k in keys)
    assert all(c.dropped_records == 0 for c in counts)


def test_over_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _, counts = block_keys(_table(_crowd(100)))
    check_budget(counts, 101)
    monkeypatch.setattr(blocking, "PAIR_BUDGET_PER_RECORD", 1)
    with pytest.raises(InputError, match="budget"):
        check_budget(counts, 101)


def test_each_pair_is_scored_once_and_the_copy_found() -> None:
    from dermavigil.duplicates.detect import score_table, with_rare_terms

    scored, model = score_table(with_rare_terms(_table(_crowd(200))), 0.0)
    pairs = list(
        zip(scored["unique_id_l"].to_pylist(), scored["unique_id_r"].to_pylist(), strict=True)
    )
    assert len(pairs) == len(set(pairs))  # several families find it, one row
    assert ("copy", "r0000") in {tuple(sorted(p)) for p in pairs}
    assert sum(c.pairs_bounded for c in model.blocking) >= len(pairs)


def _pruned(
    rows: list[dict], per_record: int
) -> tuple[list[tuple[str, str]], meta_blocking.Pruning]:
    import duckdb

    con = duckdb.connect()
    try:
        con.register("records", _table(rows))
        _, pruning = meta_blocking.block_pairs(
            on_duckdb(con), "records", "pairs", per_record=per_record
        )
        pairs = con.execute("SELECT join_key_l, join_key_r FROM pairs").fetchall()
    finally:
        con.close()
    return pairs, pruning


def test_pruning_keeps_each_records_heaviest_pairs_and_the_copy() -> None:
    rows = _crowd(600)
    pairs, pruning = _pruned(rows, per_record=3)
    assert len(pairs) == pruning.scored_pairs <= 3 * len(rows)
    assert pruning.scored_pairs < pruning.candidate_pairs / 5
    assert all(a < b for a, b in pairs) and len(set(pairs)) == len(pairs)
    # the copy shares the most and the rarest keys with its original: kept among 3
    assert ("copy", "r0000") in pairs
    # without pruning to speak of, every candidate pair is scored
    _, loose = _pruned(rows, per_record=10_000)
    assert loose.scored_pairs == loose.candidate_pairs == pruning.candidate_pairs


def test_pairing_over_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocking, "PAIR_BUDGET_PER_RECORD", 1)
    with pytest.raises(InputError, match="budget"):
        _pruned(_crowd(100), per_record=3)


def test_one_article_cited_two_ways_and_one_report_number_share_a_key() -> None:
    """Two filers' reports of one literature patient, each naming only its own drug, share
    no product: the publication key (first author and year, the DOI on one side only)
    blocks them together; so does one manufacturer report number without any product."""
    day = dt.date(2025, 10, 1)
    cited = _record("cited", day, 40, "male", ["cardiac arrest"])
    cited.update(
        first_suspect="alprazolam", suspect_products=["alprazolam"], signature=None,
        publication_ids=["cite:kolluri:2025", "doi:10.1093/ehjcr/ytaf546"],
    )  # fmt: skip
    again = _record("again", dt.date(2024, 1, 1), 41, "male", ["arrhythmia"])
    again.update(
        first_suspect="omeprazole", suspect_products=["omeprazole"], signature=None,
        product_words=["omeprazole"], publication_ids=["cite:kolluri:2025"],
    )  # fmt: skip
    numbered = [
        dict.fromkeys(FEATURE_SCHEMA.names)
        | {"unique_id": uid, "source": "faers", "report_number": "USACME20251"}
        for uid in ("n1", "n2")
    ]
    keyed, _ = block_keys(_table([cited, again, *numbered]))
    keys = dict(zip(keyed["unique_id"].to_pylist(), keyed[COLUMN].to_pylist(), strict=True))
    assert any(k.startswith("publication") for k in set(keys["cited"]) & set(keys["again"]))
    assert any(k.startswith("report_number") for k in set(keys["n1"]) & set(keys["n2"]))


def test_another_reporters_copy_without_age_or_date_meets_by_lot_or_state() -> None:
    """Another reporter's copy that gives neither age, date nor birth year falls out of
    every refined key of a crowd of one vaccine and reaction; the lot with a reaction
    term keys it to its original, and so does the same profile in the same state."""
    rows = _crowd(600)
    for i, row in enumerate(rows):
        row.update(lots=[f"L{i:04d}"], region=f"S{i % 50:02d}")
    original = rows[0]
    bare = dict(age_years=None, event_low=None, event_high=None, birth_year=None)
    by_lot = dict(original, unique_id="by_lot", region=None, **bare)
    by_state = dict(original, unique_id="by_state", lots=None, **bare)
    keyed, _ = block_keys(_table([*rows[:-1], by_lot, by_state]))
    keys = dict(zip(keyed["unique_id"].to_pylist(), keyed[COLUMN].to_pylist(), strict=True))
    first = set(keys["r0000"])
    assert {k.split("|")[0] for k in first & set(keys["by_lot"])} == {"lot_reaction0"}
    by_state = {k.split("|")[0] for k in first & set(keys["by_state"])}
    assert "profile1" in by_state and all(k.startswith("profile") for k in by_state)


def test_an_age_in_decades_is_paired_with_its_follow_up_in_a_crowd() -> None:
    """A report whose age is a decade ("7 DEC": no exact age, no year of birth) and no
    event date, and its follow-up giving 74 years, among 600 reports of one vaccine and
    reaction: the coarse key's block is refined by event month or year of birth, which
    the first lacks; the decade of the age pairs them (issue 16, twelfth session)."""
    crowd = _crowd(600)
    decade = dict(
        crowd[0], unique_id="dec", age_years=None, age_low=70.0, age_high=80.0,
        birth_year=None, event_low=None, event_high=None, sex="female",
    )  # fmt: skip
    follow_up = dict(
        decade, unique_id="dec-fu", age_years=74.0, age_low=73.5, age_high=74.5,
        birth_year=1927,
    )  # fmt: skip
    for row in crowd:  # the crowd's ages as spans, as the feature records give them
        row.update(age_low=max(row["age_years"] - 0.5, 0), age_high=row["age_years"] + 0.5)
    table = _table([*crowd, decade, follow_up])
    keyed, _ = block_keys(table, cap=40)
    keys = dict(zip(keyed["unique_id"].to_pylist(), keyed[COLUMN].to_pylist(), strict=True))
    assert set(keys["dec"] or []) & set(keys["dec-fu"] or [])
    con = duckdb.connect()
    con.register("records", table)
    meta_blocking.block_pairs(on_duckdb(con), "records", "pairs", cap=40)
    pairs = set(con.sql("SELECT join_key_l, join_key_r FROM pairs").fetchall())
    assert ("dec", "dec-fu") in pairs


_WORDS = [f"word{chr(97 + i)}{chr(97 + j)}" for i in range(20) for j in range(20)]
"""400 distinct words to write texts with."""


def test_alike_narratives_meet_where_no_other_key_does() -> None:
    """A follow-up that recoded every reaction, gives another product name and no date or
    age shares no product, reaction, day or age key with its first report, among 600
    reports of one vaccine and reaction: the MinHash bands of their alike narratives (40
    words, 36 in common) pair them. A template text more reports share than the cap is
    dropped, and a text of fewer than ten words gets no band."""
    crowd = _crowd(600)
    for i, row in enumerate(crowd[:-1]):  # texts of their own: 12 of the 400 words each
        row["narrative_words"] = sorted(_WORDS[(7 * i + k * 31) % 400] for k in range(12))
    first = crowd[0]
    first["narrative_words"] = sorted(_WORDS[:40])
    follow_up = dict.fromkeys(FEATURE_SCHEMA.names) | {
        "unique_id": "recoded", "source": "vaers", "first_suspect": "diphtheria toxoid",
        "suspect_products": ["diphtheria toxoid"], "product_words": ["diphtheria", "toxoid"],
        "reaction_terms": ["febrile convulsion"], "narrative_words": sorted(_WORDS[4:44]),
    }  # fmt: skip
    template = [
        dict(follow_up, unique_id=f"t{i:02d}", narrative_words=sorted(_WORDS[100:130]))
        for i in range(41)
    ]
    short = [
        dict.fromkeys(FEATURE_SCHEMA.names)
        | {"unique_id": f"s{i}", "source": "vaers", "narrative_words": _WORDS[200:209]}
        for i in (1, 2)
    ]
    rows = [*crowd[:-1], follow_up, *template, *short]
    keyed, counts = block_keys(_table(rows), cap=40)
    keys = dict(zip(keyed["unique_id"].to_pylist(), keyed[COLUMN].to_pylist(), strict=True))
    shared = set(keys["r0000"]) & set(keys["recoded"])
    assert shared and {blocking.family_of(k) for k in shared} == {"narrative"}
    assert not any(blocking.family_of(k) == "narrative" for k in keys["t00"] or [])
    assert not set(keys["s1"] or []) & set(keys["s2"] or [])
    assert {c.family: c for c in counts}["narrative"].dropped_records >= 41
    pairs, _ = _pruned(rows, per_record=10)
    assert ("r0000", "recoded") in pairs
