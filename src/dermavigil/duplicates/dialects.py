"""The duplicate model's SQL, written once in DuckDB's dialect, for the engine that runs it.

Every query of :mod:`dermavigil.duplicates` (the comparison levels, the blocking, the
samples of pairs, the weighing) is written in DuckDB SQL; on Spark it is translated by
sqlglot (DuckDB -> Spark, as splink translates a ``CustomLevel`` given its
``base_dialect_str``), with the few functions sqlglot leaves as they are rewritten to
Spark's own or to the functions of splink's Spark jar (``damerau_levenshtein``,
``jaro_winkler``):

- ``list[i]`` -> ``get(list, i - 1)``: an item past the end is null, as DuckDB gives it
  (Spark's ``list[i]`` raises in ANSI mode, the default of Spark 4);
- ``len(list)`` -> ``size(list)``: the model takes the length of lists only (never of a
  text), and sqlglot reads DuckDB's ``len`` as a text's length;
- ``list_intersect`` -> ``array_intersect`` (both distinct items);
  ``list_has_all(a, b)`` -> ``size(array_except(b, a)) = 0``; ``list_bool_or(a)`` ->
  ``exists(a, x -> x)``; ``jaro_winkler_similarity`` -> splink's ``jaro_winkler``;
- ``hash(...)`` (DuckDB: an unsigned 64-bit hash) -> ``xxhash64(...)`` (a signed 64-bit
  one), and a threshold on it cast to ``UBIGINT`` shifted by ``2^63`` into the signed
  range, so that ``hash(...) < f * (2^64 - 1)`` keeps a share ``f`` on both engines. The
  two hash functions differ, so a seeded sample draws other pairs on each (both
  uniform); a sample that holds every candidate is the same;
- ``SELECT ... FROM t ... USING SAMPLE reservoir(n ROWS) REPEATABLE (s)`` (DuckDB samples
  the ``FROM`` rows, before ``WHERE``) -> ``FROM (SELECT * FROM t ORDER BY xxhash64(unique_id,
  s) LIMIT n)``: Spark's ``TABLESAMPLE (n ROWS)`` is the first ``n`` rows, no sample.
  Every table of the model has the records' ``unique_id``.

Pure text: nothing here runs SQL.
"""

from __future__ import annotations

from typing import Literal

import sqlglot
from sqlglot import exp

Dialect = Literal["duckdb", "spark"]
DIALECTS: tuple[Dialect, ...] = ("duckdb", "spark")

_SIGNED_SHIFT = 9223372036854775808
"""``2^63``: an unsigned 64-bit hash's value less this is the signed hash's range."""


def _function(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def _lambda(variable: str, body: exp.Expression) -> exp.Expression:
    return exp.Lambda(this=body, expressions=[exp.to_identifier(variable)])


def _spark_node(node: exp.Expression) -> exp.Expression:
    """One DuckDB node as Spark writes it (see the module docstring)."""
    if isinstance(node, exp.Length):
        return exp.ArraySize(this=node.this)
    if isinstance(node, exp.Bracket) and len(node.expressions) == 1:
        (index,) = node.expressions
        if index.is_int:  # sqlglot holds the index counted from 0, as get() counts it
            return _function("get", node.this, index.copy())
    if isinstance(node, exp.JarowinklerSimilarity):
        return _function("jaro_winkler", node.this, node.expression)
    if isinstance(node, exp.Cast) and node.to.this == exp.DataType.Type.UBIGINT:
        shifted = exp.Sub(
            this=exp.Paren(this=node.this), expression=exp.Literal.number(_SIGNED_SHIFT)
        )
        return exp.Cast(this=shifted, to=exp.DataType.build("DOUBLE"))
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
    if name == "list_bool_or":
        return _function("exists", args[0], _lambda("b_", exp.column("b_")))
    return node


def _sampled(select: exp.Select) -> exp.Select:
    """A ``USING SAMPLE`` of ``n`` rows as the ``n`` rows of the least seeded hash of their
    ``unique_id`` (see the module docstring)."""
    sample = select.args.pop("sample")
    source = select.args["from_"].this
    alias = source.alias_or_name
    order = _function("xxhash64", exp.column("unique_id"), sample.args["seed"].copy())
    inner = (
        exp.select("*")
        .from_(source.copy())
        .order_by(order)
        .limit(sample.args["size"].copy())
        .subquery(alias)
    )
    select.args["from_"].set("this", inner)
    return select


def translate(sql: str, dialect: Dialect) -> str:
    """``sql`` (DuckDB's dialect) as ``dialect`` runs it (see the module docstring)."""
    if dialect == "duckdb":
        return sql
    tree = sqlglot.parse_one(sql, read="duckdb")
    for select in list(tree.find_all(exp.Select)):
        if select.args.get("sample") is not None:
            _sampled(select)
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
