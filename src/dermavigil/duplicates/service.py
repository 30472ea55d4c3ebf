"""Duplicates among the registry's current cases: one call for the CLI and the web app."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from dermavigil.duplicates.detect import DuplicatePair, find_duplicates
from dermavigil.registry import CaseFilter, CaseService


class DuplicateReport(BaseModel):
    """The probable duplicate pairs among the cases compared."""

    cases: int = Field(description="number of cases compared")
    threshold: float
    pairs: list[DuplicatePair]


def registry_duplicates(
    session: Session, threshold: float = 0.9, criteria: CaseFilter | None = None
) -> DuplicateReport:
    """Pairs among the current versions of the cases matching ``criteria``
    (default: every active case), at or above ``threshold``.

    Reads in the caller's transaction (a read-only one is enough).
    """
    cases = list(CaseService(session).all_current(criteria or CaseFilter()))
    return DuplicateReport(
        cases=len(cases), threshold=threshold, pairs=find_duplicates(cases, threshold)
    )
