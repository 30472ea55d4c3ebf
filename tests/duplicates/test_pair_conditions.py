"""The list conditions of :mod:`dermavigil.duplicates.pair_conditions`, written for speed,
agree with their definitions by ``list_intersect`` (issue 16, twenty-ninth session)."""

from __future__ import annotations

import itertools
import random

import duckdb
import pyarrow as pa
import pytest

from dermavigil.duplicates.pair_conditions import (
    any_shared,
    most_of_shorter,
    most_shared,
    one_mistyped,
    shared,
)

_WORDS = ["itch", "itches", "fever", "fevre", "chill", "tremor", None]
"""Items two made-up reaction lists are drawn from: spellings one or two edits apart,
and a missing item."""


def _pairs() -> duckdb.DuckDBPyConnection:
    """Every pair of the lists drawn below (duplicates, missing items and missing lists
    among them) as ``t_l``, ``t_r``."""
    draw = random.Random(29)
    lists: list[list[str | None] | None] = [None, []]
    lists += [draw.choices(_WORDS, k=k) for k in range(1, 6) for _ in range(6)]
    lists += [sorted(draw.sample(_WORDS[:-1], k)) for k in range(1, 5) for _ in range(4)]
    left, right = zip(*itertools.product(lists, lists), strict=True)
    con = duckdb.connect()
    con.register("pairs", pa.table({"t_l": list(left), "t_r": list(right)}))
    return con


_COMMON = "len(list_intersect(t_l, t_r))"


@pytest.mark.parametrize(
    ("fast", "definition"),
    [
        (shared("t"), _COMMON),
        (any_shared("t"), f"{_COMMON} >= 1"),
        (any_shared("t", 2), f"{_COMMON} >= 2"),
        (most_shared("t"), f"{_COMMON} >= 2 AND 2 * {_COMMON} >= greatest(len(t_l), len(t_r))"),
        (most_of_shorter("t"), f"{_COMMON} >= 2 AND 2 * {_COMMON} >= least(len(t_l), len(t_r))"),
    ],
    ids=["shared", "any", "two", "most", "most_of_shorter"],
)
def test_a_count_of_shared_items_is_the_intersections(fast: str, definition: str) -> None:
    """The same value on every pair (a condition: the same truth, a null being false, as a
    comparison level's ``WHEN`` reads it)."""
    con = _pairs()
    if fast == shared("t"):
        rows = con.sql(f"SELECT {fast}, {definition} FROM pairs").fetchall()
    else:
        rows = con.sql(
            f"SELECT coalesce({fast}, false), coalesce({definition}, false) FROM pairs"
        ).fetchall()
    assert len(rows) == 48 * 48
    assert all(got == expected for got, expected in rows)


def test_a_mistyped_term_is_found_as_without_the_lengths_ruling_out() -> None:
    """``one_mistyped``, whose edit distance is taken only between terms of lengths at most
    one apart, gives the value of the distance taken between every unshared term."""
    shared_count = _COMMON
    unshared = {side: f"(len(t_{side}) - {shared_count})" for side in ("l", "r")}

    def typo_of(side: str, other: str) -> str:
        lone = f"list_filter(t_{side}, lambda x: NOT list_contains(t_{other}, x))[1]"
        unshared_other = f"list_filter(t_{other}, lambda x: NOT list_contains(t_{side}, x))"
        near = f"lambda y: damerau_levenshtein({lone}, y) <= 1"
        return f"list_bool_or(list_transform({unshared_other}, {near}))"

    definition = (
        f"CASE WHEN {unshared['l']} = 1 AND {unshared['r']} >= 1 THEN {typo_of('l', 'r')} "
        f"WHEN {unshared['r']} = 1 AND {unshared['l']} >= 1 THEN {typo_of('r', 'l')} "
        "ELSE false END"
    )
    rows = _pairs().sql(f"SELECT {one_mistyped('t')}, {definition} FROM pairs").fetchall()
    assert sum(1 for got, _ in rows if got) > 50
    assert all(got == expected for got, expected in rows)


def test_spark_counts_a_texts_characters_and_a_lists_items() -> None:
    """``len`` of a list is Spark's ``size``; ``length`` of a text cast as text (the
    mistyped term's lengths) stays ``length``, which ``size`` of a text would refuse."""
    from dermavigil.duplicates.dialects import translate

    spark = translate("SELECT len(t_l), length(CAST(y AS VARCHAR)) FROM pairs", "spark")
    assert spark == "SELECT SIZE(t_l), LENGTH(CAST(y AS STRING)) FROM pairs"
    assert "SIZE(" not in translate(f"SELECT {one_mistyped('t')}", "spark").split("THEN")[1]
