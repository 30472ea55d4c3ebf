"""The SQL that finds cases: filtered pages, keyset batches and the open-case queue.

Every query reads the current version of each case
(:data:`~dermavigil.registry.repository.CURRENT_VERSION_JOIN`), filtered by
:class:`~dermavigil.registry.models.CaseFilter`: single-valued facts are columns of
``cases`` and ``case_versions``, multi-valued ones (category, route, reaction) are
``EXISTS`` over ``case_facets``; reaction and free text are matched with ``LIKE`` on
case-folded, space-folded text. Nothing here commits; the caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session

from dermavigil.registry.models import CaseFilter
from dermavigil.registry.repository import CURRENT_VERSION_JOIN
from dermavigil.registry.tables import CaseFacet, CaseRow, CaseVersion


def _escape_like(text: str) -> str:
    folded = " ".join(text.casefold().split())
    return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _has_facet(facet: str, condition: object) -> object:
    return exists().where(
        CaseFacet.case_id == CaseVersion.case_id,
        CaseFacet.version == CaseVersion.version,
        CaseFacet.facet == facet,
        condition,
    )


def _current(criteria: CaseFilter) -> Select[tuple[CaseRow, CaseVersion]]:
    statement = select(CaseRow, CaseVersion).join(CaseVersion, CURRENT_VERSION_JOIN)
    equal = {
        CaseRow.status: criteria.status,
        CaseRow.owner: criteria.owner,
        CaseVersion.source: criteria.source,
        CaseVersion.serious: criteria.serious,
        CaseVersion.off_label: criteria.off_label,
        CaseVersion.who_umc: criteria.who_umc,
        CaseVersion.naranjo_band: criteria.naranjo_band,
        CaseRow.workflow: criteria.workflow,
        CaseRow.assignee: criteria.assignee,
    }
    for column, value in equal.items():
        if value is not None:
            statement = statement.where(column == value)
    if criteria.category:
        statement = statement.where(_has_facet("category", CaseFacet.value == criteria.category))
    if criteria.route:
        statement = statement.where(_has_facet("route", CaseFacet.value == criteria.route))
    if criteria.reaction:
        pattern = _escape_like(criteria.reaction)
        statement = statement.where(
            _has_facet("reaction", CaseFacet.value.like(pattern, escape="\\"))
        )
    if criteria.text:
        statement = statement.where(
            CaseVersion.search_text.like(_escape_like(criteria.text), escape="\\")
        )
    return statement


def search(
    session: Session, criteria: CaseFilter, offset: int, limit: int
) -> tuple[list[tuple[CaseRow, CaseVersion]], int]:
    """One page of current versions matching ``criteria`` (by case id) and the total."""
    statement = _current(criteria)
    total = session.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
    page = statement.order_by(CaseRow.case_id).offset(offset).limit(limit)
    return [(case, version) for case, version in session.execute(page)], total


def current_after(
    session: Session, criteria: CaseFilter, after: str, limit: int
) -> list[tuple[CaseRow, CaseVersion]]:
    """Up to ``limit`` current versions matching ``criteria`` whose case id sorts after
    ``after``, by case id (keyset paging: stable while cases are added)."""
    statement = (
        _current(criteria).where(CaseRow.case_id > after).order_by(CaseRow.case_id).limit(limit)
    )
    return [(case, version) for case, version in session.execute(statement)]


def iter_current(
    session: Session, criteria: CaseFilter, batch: int = 200
) -> Iterator[tuple[CaseRow, CaseVersion]]:
    """Every current version matching ``criteria``, by case id, in batches."""
    last = ""
    while True:
        rows = current_after(session, criteria, last, batch)
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1][0].case_id


def open_cases(session: Session, assignee: str | None = None) -> list[tuple[CaseRow, bool]]:
    """Active cases not closed (optionally one assessor's), with their current seriousness."""
    statement = (
        select(CaseRow, CaseVersion.serious)
        .join(CaseVersion, CURRENT_VERSION_JOIN)
        .where(CaseRow.status == "active", CaseRow.workflow != "closed")
        .order_by(CaseRow.case_id)
    )
    if assignee is not None:
        statement = statement.where(CaseRow.assignee == assignee)
    return [(row, serious) for row, serious in session.execute(statement)]
