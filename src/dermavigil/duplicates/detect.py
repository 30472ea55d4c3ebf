"""Find pairs of reports that are probably the same case (splink, DuckDB backend).

``find_duplicates(cases)`` turns each case into a feature record
(:mod:`~dermavigil.duplicates.features`), scores the blocked pairs with the
Fellegi-Sunter model of :mod:`~dermavigil.duplicates.model` and returns the
pairs at or above ``threshold``, each with the evidence fact by fact: the
level reached and its weight ``log2(m/u)``, so that the prior weight plus the
facts' weights is the pair's match weight.

Output is deterministic: records are sorted by id before splink sees them,
``case_a < case_b`` in every pair, and pairs are ordered by descending
probability then ids.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
from pydantic import BaseModel, Field
from splink import DuckDBAPI, Linker

from dermavigil.domain.case import Case
from dermavigil.duplicates.features import FEATURE_SCHEMA, case_features
from dermavigil.duplicates.model import (
    TRAIN_MIN_RECORDS,
    U_MAX_PAIRS,
    U_SEED,
    facts,
    level_labels,
    prior_match_probability,
    settings,
)
from dermavigil.errors import InputError, Problem
from dermavigil.registry.models import StoredCase


class FieldEvidence(BaseModel):
    """How one fact of a pair compares, and what that weighs."""

    field: str
    level: str = Field(description="the agreement level reached")
    match_weight: float = Field(description="log2(m/u) of that level; 0 when missing")
    value_a: Any = None
    value_b: Any = None


class DuplicatePair(BaseModel):
    """Two reports that are probably the same case."""

    case_a: str
    case_b: str
    match_probability: float = Field(ge=0, le=1)
    match_weight: float = Field(description="log2 posterior odds that the pair is one case")
    prior_weight: float = Field(description="log2 prior odds (depends on the number of cases)")
    source_a: str
    source_b: str
    explanation: list[FieldEvidence]


def _identified(cases: Sequence[Case | StoredCase]) -> list[tuple[str, Case]]:
    """(id, case) for each input: the registry id, else the case_id, else '#<position>'."""
    out: list[tuple[str, Case]] = []
    for position, item in enumerate(cases, start=1):
        if isinstance(item, StoredCase):
            out.append((item.case_id, item.case))
        else:
            out.append((item.case_id or f"#{position}", item))
    counts = Counter(cid for cid, _ in out)
    repeated = sorted(cid for cid, n in counts.items() if n > 1)
    if repeated:
        raise InputError(
            "each case must appear once to be compared",
            [Problem(cid, "case id given more than once", cid) for cid in repeated],
        )
    return out


def feature_table(cases: Sequence[Case | StoredCase]) -> pa.Table:
    """The feature records of ``cases`` as an Arrow table, sorted by id."""
    rows = [case_features(case, cid) for cid, case in _identified(cases)]
    rows.sort(key=lambda row: row["unique_id"])
    return pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA)


def _linker(table: pa.Table, db_api: DuckDBAPI) -> Linker:
    records = db_api.register(table, table_name="dermavigil_reports")
    linker = Linker(records, settings(table.num_rows), log_level=None)
    if table.num_rows >= TRAIN_MIN_RECORDS:
        linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=U_SEED)
    return linker


def _shown(record: dict[str, Any], columns: tuple[str, ...]) -> Any:
    """The value shown for a fact: its column's value, or a mapping of its columns."""
    if len(columns) == 1:
        return record[columns[0]]
    return {column: record[column] for column in columns}


def _explain(
    row: dict[str, Any], by_id: dict[str, dict[str, Any]], labels: dict[str, dict[int, str]]
) -> list[FieldEvidence]:
    left, right = by_id[row["unique_id_l"]], by_id[row["unique_id_r"]]
    return [
        FieldEvidence(
            field=fact.name,
            level=labels[fact.name][row[f"gamma_{fact.name}"]],
            match_weight=round(float(row[f"mw_{fact.name}"]), 6),
            value_a=_shown(left, fact.shown),
            value_b=_shown(right, fact.shown),
        )
        for fact in facts()
    ]


def _pair(
    row: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    labels: dict[str, dict[int, str]],
    prior: float,
) -> DuplicatePair:
    a, b = sorted((row["unique_id_l"], row["unique_id_r"]))
    explanation = _explain(row, by_id, labels)
    if a != row["unique_id_l"]:
        for item in explanation:
            item.value_a, item.value_b = item.value_b, item.value_a
    return DuplicatePair(
        case_a=a,
        case_b=b,
        match_probability=float(row["match_probability"]),
        match_weight=float(row["match_weight"]),
        prior_weight=prior,
        source_a=by_id[a]["source"],
        source_b=by_id[b]["source"],
        explanation=explanation,
    )


def find_duplicates(
    cases: Sequence[Case | StoredCase], threshold: float = 0.9
) -> list[DuplicatePair]:
    """Pairs of ``cases`` whose match probability is at least ``threshold``.

    Cases are named by their registry id (``StoredCase.case_id``), else their
    ``case_id``, else ``#<position>`` (1-based).
    """
    if not 0 <= threshold <= 1:
        raise InputError(
            "threshold must be a probability", [Problem("threshold", "not in [0, 1]", threshold)]
        )
    table = feature_table(cases)
    if table.num_rows < 2:
        return []
    db_api = DuckDBAPI()  # in memory, closed when done
    try:
        # splink filters on the weight log2(p/(1-p)), infinite at p = 0 or 1: filter here.
        rows = (
            _linker(table, db_api)
            .inference.predict(
                threshold_match_probability=threshold if 0 < threshold < 1 else None,
                warning_mode="never",
            )
            .as_record_list()
        )
    finally:
        db_api.duckdb_con.close()
    by_id = {row["unique_id"]: row for row in table.to_pylist()}
    p = prior_match_probability(table.num_rows)
    prior = math.log2(p / (1 - p))
    labels = level_labels()
    pairs = [
        _pair(row, by_id, labels, prior) for row in rows if row["match_probability"] >= threshold
    ]
    pairs.sort(key=lambda pair: (-pair.match_probability, pair.case_a, pair.case_b))
    return pairs
