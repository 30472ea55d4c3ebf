"""Duplicates among the registry's current cases: one call for the CLI and the web app."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from dermavigil.duplicates.detect import DuplicatePair, detect
from dermavigil.duplicates.parameters import DuplicateModel
from dermavigil.duplicates.training import Progress
from dermavigil.registry import CaseFilter, CaseService


class DuplicateReport(BaseModel):
    """The probable duplicate pairs among the cases compared."""

    cases: int = Field(description="number of cases compared")
    threshold: float
    pairs: list[DuplicatePair]
    model: DuplicateModel | None = Field(
        default=None, description="the model trained on these cases (None: fewer than 2)"
    )


def registry_duplicates(
    session: Session,
    threshold: float = 0.9,
    criteria: CaseFilter | None = None,
    progress: Progress | None = None,
    engine: str = "duckdb",
    spark_conf: dict[str, str] | None = None,
) -> DuplicateReport:
    """Pairs among the current versions of the cases matching ``criteria``
    (default: every active case), at or above ``threshold``, less the pairs an
    assessor has decided (same case, or not a duplicate: remembered, never shown again),
    compared on the ``engine`` named (``duckdb`` or ``spark``; ``spark_conf``: the Spark
    session's settings).

    Reads in the caller's transaction (a read-only one is enough).
    """
    from dermavigil.duplicates.manage import current_decisions, without_decided

    cases = list(CaseService(session).all_current(criteria or CaseFilter()))
    found = detect(cases, threshold, progress, engine, spark_conf)
    report = DuplicateReport(
        cases=len(cases), threshold=threshold, pairs=found.pairs, model=found.model
    )
    return without_decided(report, current_decisions(session))
