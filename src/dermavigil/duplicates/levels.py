"""The building blocks of the duplicate model: a fact's agreement levels with their prior
``m`` and ``u``, and the fact as a splink comparison (a null level for a fact missing on
either side, the levels, an else level). The facts themselves are in
:mod:`dermavigil.duplicates.model`."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

import splink.comparison_level_library as cll
import splink.comparison_library as cl

from dermavigil.duplicates.dialects import translate_condition
from dermavigil.duplicates.pair_conditions import null_side

if TYPE_CHECKING:
    from splink.internals.comparison_level_creator import ComparisonLevelCreator
    from splink.internals.dialects import SplinkDialect

Params: TypeAlias = "dict[str, dict[str, tuple[float, float]]]"
"""Per fact, per level label: (m, u)."""


class DuckDBLevel(cll.CustomLevel):
    """A level whose condition is written in DuckDB's dialect, translated for the engine
    splink runs on (:func:`~dermavigil.duplicates.dialects.translate_condition`: splink's
    own ``base_dialect_str`` translation leaves DuckDB's list functions as they are)."""

    def create_sql(self, sql_dialect: SplinkDialect) -> str:
        return translate_condition(self.sql_condition, sql_dialect.sql_dialect_str)


NO_AGREEMENT = "no agreement"
"""The label of a fact's else level, and the start of a graded disagreement's label."""


@dataclass(frozen=True)
class Level:
    """One agreement level of a fact, with its prior ``m`` and ``u``."""

    label: str
    sql: ComparisonLevelCreator
    m: float
    u: float
    tf: str | None = None
    """Column whose value frequency adjusts ``u`` (splink term-frequency adjustment)."""
    held: bool = False
    """A level whose ``m`` and ``u`` are conditional on another fact's agreement (the chain
    rule): neither random pairs nor EM estimate them, and they stay outside the fact's
    distributions (see :data:`~dermavigil.duplicates.model.PUBLICATION_RARE`; and
    :data:`~dermavigil.duplicates.narrative_levels.NARRATIVE_SAME_DAY`, held at its prior m = u)."""
    tf_given: str | None = None
    """The column within whose values ``tf``'s frequency is taken (the first suspect
    product): the value's share among the reports of the same product
    (:func:`~dermavigil.duplicates.vectors.conditional_frequency_sql`), not among all
    records as splink's own adjustment takes it, for a fact whose ``u`` is conditioned on
    the product (:mod:`~dermavigil.duplicates.chance`)."""

    @property
    def agreement(self) -> bool:
        """A level of agreement (never evidence against a match), unless its label says
        "no agreement": the else level, or a graded disagreement such as "no agreement
        (ages within 5 years)" (never evidence for one)."""
        return not self.label.startswith(NO_AGREEMENT)

    @property
    def tf_baseline(self) -> bool:
        """The exact-match level of its own term-frequency column: splink's term-frequency
        adjustment of every level on that column is ``log2(u of this level) -
        log2(the value's frequency)``, so this level's ``u`` must stay the chance agreement
        estimated from the records (:func:`~dermavigil.duplicates.training.constrain`)."""
        return self.tf is not None and isinstance(self.sql, cll.ExactMatchLevel)


@dataclass(frozen=True)
class Fact:
    """One compared fact: its levels (most specific first) and the feature columns shown."""

    name: str
    description: str
    null_when: str
    levels: tuple[Level, ...]
    shown: tuple[str, ...]
    null_label: str = "missing on either side"
    """The label of the level of pairs ``null_when`` holds (weight 0)."""

    def agreement_values(self) -> set[int]:
        """splink's comparison-vector values of the agreement levels (level ``i`` of ``n``
        is ``n - 1 - i``; -1 is missing)."""
        n = len(self.levels)
        return {n - 1 - i for i, level in enumerate(self.levels) if level.agreement}

    @property
    def has_tf(self) -> bool:
        """Some level's u is adjusted by the value's frequency among all records (splink's
        term-frequency adjustment; a frequency within the product, ``Level.tf_given``, is
        not splink's)."""
        return any(level.tf and not level.tf_given for level in self.levels)

    def comparison(
        self, params: dict[str, tuple[float, float]] | None = None
    ) -> cl.CustomComparison:
        """The splink comparison: a null level, the levels, then everything else.

        ``params`` (level label -> (m, u)) replaces the priors of the levels it names."""
        null = DuckDBLevel(self.null_when, self.null_label).configure(is_null_level=True)
        levels = []
        for level in self.levels:
            m, u = (params or {}).get(level.label, (level.m, level.u))
            creator = copy.deepcopy(level.sql).configure(
                label_for_charts=level.label, m_probability=m, u_probability=u
            )
            if level.tf and not level.tf_given:
                creator = creator.configure(tf_adjustment_column=level.tf)
            levels.append(creator)
        return cl.CustomComparison(
            [null, *levels],
            output_column_name=self.name,
            comparison_description=self.description,
        )


LevelSpec: TypeAlias = (
    "tuple[str, str | ComparisonLevelCreator, float, float]"
    " | tuple[str, str | ComparisonLevelCreator, float, float, str | None]"
    " | tuple[str, str | ComparisonLevelCreator, float, float, str | None, bool]"
    " | tuple[str, str | ComparisonLevelCreator, float, float, str | None, bool, str]"
)
"""(label, SQL condition or splink level, prior m, prior u[, term-frequency column[,
held[, the column the frequency is taken within]]])."""


def fact(
    name: str, description: str, columns: str | tuple[str, ...], shown: str, *levels: LevelSpec
) -> Fact:
    """A fact missing when any of ``columns`` is, showing ``shown`` (or ``columns``)."""
    columns = (columns,) if isinstance(columns, str) else columns
    built = []
    for label, sql, m, u, *extra in levels:
        creator = DuckDBLevel(sql) if isinstance(sql, str) else sql
        tf = extra[0] if extra else None
        held = bool(extra[1]) if len(extra) > 1 else False
        given = extra[2] if len(extra) > 2 else None
        built.append(Level(label, creator, m, u, tf, held, given))
    null = " OR ".join(null_side(c) for c in columns)
    return Fact(name, description, null, tuple(built), (shown,) if shown else columns)


def agree(name: str, description: str, column: str, level: LevelSpec) -> Fact:
    """A fact that agrees or not: the else level takes the rest of ``m`` and ``u``."""
    m, u = level[2], level[3]
    return fact(
        name, description, column, column, level, else_level(round(1 - m, 9), round(1 - u, 9))
    )


def else_level(m: float, u: float) -> LevelSpec:
    return (NO_AGREEMENT, cll.ElseLevel(), m, u)


def shared(column: str, at_least: int) -> ComparisonLevelCreator:
    return cll.ArrayIntersectLevel(column, at_least)
