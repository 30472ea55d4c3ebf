"""The duplicate model's SQL, written once in DuckDB's dialect, for the engine that runs it.

Every query of :mod:`dermavigil.duplicates` (the comparison levels, the blocking, the
samples of pairs, the weighing) is written in DuckDB SQL; on Spark it is translated by
sqlglot (DuckDB -> Spark, as splink translates a ``CustomLevel`` given its
``base_dialect_str``), with the few functions sqlglot leaves as they are rewritten to
Spark's own or to the functions of splink's Spark jar (``damerau_levenshtein``,
``jaro_winkler``):

- ``list[i]`` -> ``get(list, i - 1)``: an item past the end is null, as DuckDB gives it
  (Spark's ``list[i]`` raises in ANSI mode, the default of Spark 4);
- ``len(list)`` -> ``size(list)``: the model takes the length of lists, and sqlglot reads
  DuckDB's ``len`` as a text's length; a text's length is written ``length(CAST(x AS
  VARCHAR))``, which stays Spark's ``length`` (characters, as DuckDB counts them);
- ``list_intersect`` -> ``array_intersect`` (both distinct items);
  ``list_has_all(a, b)`` -> ``size(array_except(b, a)) = 0``; ``list_bool_or(a)`` ->
  ``exists(a, x -> x)``; ``jaro_winkler_similarity`` -> splink's ``jaro_winkler``;
- ``hash(...)`` (DuckDB: an unsigned 64-bit hash) -> ``xxhash64(...)``: the blocking's keys
  are hashed for speed, a key's hash standing for the key alone (grouped, never ordered
  or compared with a number), so the two engines group alike unless two keys' hashes
  collide (a chance of ~k^2 / 2^65 among k keys: 3e-4 for the 10^8 keys of 1M records).

Whatever draws a sample -- the seeded order of sampled records and pairs, a share of
pairs kept, and splink's own samples (the records of ``u``'s random pairs, EM's records
of a large block: :func:`~dermavigil.duplicates.engine.splink_draws`) -- is
:data:`DRAW`, a function both engines compute alike (:data:`DRAW_EXPRESSIONS`): the first 60
bits of the MD5 digest (RFC 1321) of a text, as a ``BIGINT``. So both engines draw the
same records and pairs; each engine's own hash (DuckDB's ``hash``, Spark's ``xxhash64`` and
``hash``) gave each its own sample, and a sample holding fewer than every candidate gave
each its own estimates.

Pure text: nothing here runs SQL.
"""

from __future__ import annotations

from typing import Literal

import sqlglot
from sqlglot import exp

Dialect = Literal["duckdb", "spark"]
DIALECTS: tuple[Dialect, ...] = ("duckdb", "spark")

DRAW = "dermavigil_draw"
"""The function that draws samples on every engine (see the module docstring)."""

DRAW_BITS = 60
"""Bits of a draw: its values are the integers 0 to ``2^60 - 1``."""

_DIGITS = DRAW_BITS // 4

DRAW_EXPRESSIONS: dict[Dialect, str] = {
    "duckdb": f"CAST('0x' || substr(md5(CAST({{x}} AS VARCHAR)), 1, {_DIGITS}) AS BIGINT)",
    "spark": f"CAST(conv(substr(md5(CAST({{x}} AS STRING)), 1, {_DIGITS}), 16, 10) AS BIGINT)",
}
""":data:`DRAW` of the text ``{x}`` in each engine's SQL: the first 15 hex digits of its MD5
digest read as an integer (DuckDB reads a ``0x`` text as hexadecimal; Spark's ``conv``).
DuckDB runs it as a macro (:data:`DRAW_MACRO`); on Spark the translation writes it out in
place of every call (a Spark SQL function may not be used in an ``ORDER BY``)."""

DRAW_MACRO = f"CREATE OR REPLACE TEMP MACRO {DRAW}(x) AS {DRAW_EXPRESSIONS['duckdb'].format(x='x')}"
"""The DuckDB macro of :data:`DRAW`, made on every connection of a run
(:class:`~dermavigil.duplicates.engine.PairEngine`)."""


def draw_sql(*texts: str, seed: int) -> str:
    """SQL: the :data:`DRAW` of the SQL values ``texts`` and ``seed``, joined by spaces
    (``a b 20070301``)."""
    joined = " || ' ' || ".join(f"CAST({text} AS VARCHAR)" for text in texts)
    return f"{DRAW}({joined} || ' {int(seed)}')"


def draw_below_sql(draw: str, share: str) -> str:
    """SQL: the ``draw`` falls in the lowest ``share`` (a SQL double in [0, 1]) of the draws'
    range, computed in doubles on both engines (no decimal arithmetic)."""
    return f"CAST({draw} AS DOUBLE) < {share} * CAST({2**DRAW_BITS} AS DOUBLE)"


def _function(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def _lambda(variable: str, body: exp.Expression) -> exp.Expression:
    return exp.Lambda(this=body, expressions=[exp.to_identifier(variable)])


def _spark_node(node: exp.Expression) -> exp.Expression:
    """One DuckDB node as Spark writes it (see the module docstring)."""
    if isinstance(node, exp.Length):
        if isinstance(node.this, exp.Cast) and node.this.to.is_type(*exp.DataType.TEXT_TYPES):
            return node  # a text's length in characters, as DuckDB's
        return exp.ArraySize(this=node.this)
    if isinstance(node, exp.Bracket) and len(node.expressions) == 1:
        (index,) = node.expressions
        if index.is_int:  # sqlglot holds the index counted from 0, as get() counts it
            return _function("get", node.this, index.copy())
    if isinstance(node, exp.JarowinklerSimilarity):
        return _function("jaro_winkler", node.this, node.expression)
    if not isinstance(node, exp.Anonymous):
        return node
    name, args = node.name.lower(), node.expressions
    if name == "list_intersect":
        return exp.ArrayIntersect(expressions=args)
    if name == "hash":
        return _function("xxhash64", *args)
    if name == "list_has_all":
        missing = _function("array_except", args[1], args[0])
        return exp.EQ(this=exp.ArraySize(this=missing), expression=exp.Literal.number(0))
    if name == DRAW:
        drawn = sqlglot.parse_one(DRAW_EXPRESSIONS["spark"].format(x="drawn_"), read="spark")
        drawn.find(exp.Column).replace(args[0].copy())  # type: ignore[union-attr]
        return drawn
    if name == "list_bool_or":
        return _function("exists", args[0], _lambda("b_", exp.column("b_")))
    return node


def translate(sql: str, dialect: Dialect) -> str:
    """``sql`` (DuckDB's dialect) as ``dialect`` runs it (see the module docstring)."""
    if dialect == "duckdb":
        return sql
    tree = sqlglot.parse_one(sql, read="duckdb")
    # children first: a node rewritten keeps its rewritten arguments
    for node in reversed(list(tree.walk())):
        rewritten = _spark_node(node)
        if rewritten is not node:
            if node is tree:
                tree = rewritten
            else:
                node.replace(rewritten)
    return tree.sql(dialect="spark")


def translate_condition(sql: str, dialect: Dialect) -> str:
    """A condition (a level's ``CASE WHEN`` test) in ``dialect``."""
    if dialect == "duckdb":
        return sql
    return translate(f"SELECT {sql}", dialect).removeprefix("SELECT ")
