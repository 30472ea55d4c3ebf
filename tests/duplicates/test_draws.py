"""What any engine could compute its own way is computed one way: the narrative's MinHash
bands in numpy before the records reach the engine, and every sample drawn by ``DRAW``,
the first 60 bits of a text's MD5 digest (the Spark side: ``test_spark.py``)."""

from __future__ import annotations

import hashlib

import pyarrow as pa
from splink import DuckDBAPI

from dermavigil.duplicates.dialects import DRAW_BITS, DRAW_EXPRESSIONS, draw_sql, translate
from dermavigil.duplicates.engine import PairEngine, splink_draws
from dermavigil.duplicates.narrative_blocking import BANDS, narrative_bands

_WORDS = [f"word{chr(97 + i)}{chr(97 + j)}" for i in range(20) for j in range(20)]


def test_duckdb_draws_by_the_md5_of_the_text() -> None:
    engine = PairEngine(DuckDBAPI(), "duckdb")
    try:
        drawn = draw_sql("'vaers:0001'", "'vaers:0002'", seed=20070301)
        got = engine.one(f"SELECT {drawn}")
    finally:
        engine.close()
    digest = hashlib.md5(b"vaers:0001 vaers:0002 20070301").hexdigest()
    assert got == (int(digest[: DRAW_BITS // 4], 16),)


def test_splink_samples_by_the_draw_within_a_run_only() -> None:
    from splink.internals.dialects import DuckDBDialect, SparkDialect

    for dialect, name in ((DuckDBDialect(), "duckdb"), (SparkDialect(), "spark")):
        drawn = DRAW_EXPRESSIONS[name].format(x="uid")
        assert drawn not in dialect.hash_bucket_expression("uid", 10)
        with splink_draws():
            with splink_draws():  # runs may overlap
                assert drawn in dialect.hash_bucket_expression("uid", 10)
            assert drawn in dialect.hash_bucket_expression("uid", 10)
        assert drawn not in dialect.hash_bucket_expression("uid", 10)


def test_spark_draws_by_the_same_expression() -> None:
    """The translation writes ``DRAW`` out as Spark's expression of it."""
    spark = translate(f"SELECT {draw_sql('unique_id', seed=7)} FROM t", "spark")
    assert "CONV(SUBSTRING(MD5(" in spark.upper() and "dermavigil_draw" not in spark


def test_bands_depend_on_the_word_set_alone() -> None:
    """The same words in any order give the same bands; another text's share none; a
    text of fewer than ten words (or none) gets no band."""
    text = _WORDS[:30]
    lists = pa.array([text, list(reversed(text)), _WORDS[100:130], _WORDS[:9], None])
    bands = narrative_bands(lists).to_pylist()
    assert len(bands[0]) == BANDS and len(set(bands[0])) == BANDS
    assert bands[0] == bands[1]
    assert not set(bands[0]) & set(bands[2])
    assert bands[3] is None and bands[4] is None


def test_alike_texts_share_bands_as_often_as_minhash_says() -> None:
    """Two texts of Jaccard similarity .67 (30 words each, 24 in common) share a band with
    probability ``1 - (1 - .67^2)^10`` = .997; texts of .05 (3 in common) with .028: over
    200 pairs of texts drawn from 400 words, the counts fall where the S-curve puts them."""
    alike, apart = 0, 0
    for i in range(200):
        base = [_WORDS[(i * 37 + k) % 400] for k in range(30)]
        close = base[:24] + [_WORDS[(i * 37 + 200 + k) % 400] for k in range(6)]
        far = base[:3] + [_WORDS[(i * 37 + 100 + k) % 400] for k in range(27)]
        b = narrative_bands(pa.array([base, close, far])).to_pylist()
        alike += bool(set(b[0]) & set(b[1]))
        apart += bool(set(b[0]) & set(b[2]))
    assert alike >= 190 and apart <= 15


def test_bands_hashed_in_batches_are_the_bands_of_one_pass(monkeypatch) -> None:
    """The word lists are hashed ``BATCH`` at a time (the memory of 1M records' words at
    once); a list's bands are its own whichever batch it falls in."""
    from dermavigil.duplicates import narrative_blocking

    lists = pa.array([_WORDS[i : i + 12 + i % 7] for i in range(0, 300, 23)] + [None, _WORDS[:3]])
    whole = narrative_bands(lists).to_pylist()
    monkeypatch.setattr(narrative_blocking, "BATCH", 4)
    assert narrative_bands(lists).to_pylist() == whole
    chunked = pa.chunked_array([lists.slice(0, 5), lists.slice(5)])
    assert narrative_bands(chunked).to_pylist() == whole
