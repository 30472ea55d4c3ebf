"""The literature screening log on the registry (EMA GVP Module VI.B.1.1.2): every
screened record with its outcome, reason and draft, searchable and exportable, and the
earlier screenings of a new search's records.

:meth:`ScreeningLog.save` writes a case report's draft and its log row in one
transaction, so a draft is never stored without its screening nor logged without its
draft. The search helpers take a session and never commit, like every service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dermavigil.domain.literature_screening import (
    OUTCOMES,
    SEEN,
    DraftCase,
    RecordKeys,
    Screening,
    ScreeningEntry,
    matches,
)
from dermavigil.errors import ConflictError, InputError, NotFoundError, Problem
from dermavigil.registry.literature_tables import ScreeningRow

TITLE_KEY_LENGTH = 300
CSV_COLUMNS = (
    "screened_at_utc", "screened_by", "outcome", "reason", "case_id", "doi", "pmid",
    "title", "citation", "search", "screening_id", "earlier_screening_id",
)  # fmt: skip
"""The columns of :func:`csv_rows` (the CLI's and the web's export of the log)."""


class ScreeningLog:
    """The log of one reviewer's screenings on ``registry`` (a
    :class:`dermavigil.registry.Registry`)."""

    def __init__(self, registry: Any, by: str, clock: Callable[[], datetime] | None = None):
        self.registry = registry
        self.by = by
        self.clock = clock or (lambda: datetime.now(UTC))

    def earlier(self, keys: Sequence[RecordKeys]) -> list[Screening | None]:
        """The latest earlier screening of each record (by DOI, PMID or title), or None."""
        with self.registry.transaction(readonly=True) as session:
            return earlier_screenings(session, keys)

    def save(self, entry: ScreeningEntry, draft: DraftCase | None = None) -> Screening:
        """Log ``entry``, storing ``draft`` first as a registry draft (one transaction)."""
        from dermavigil.registry.service import CaseService

        with self.registry.transaction() as session:
            case_id = None
            if draft is not None:
                stored = CaseService(session).create(
                    draft.case, by=self.by, status="draft", evidence=draft.evidence,
                    source_text=draft.source_text,
                )  # fmt: skip
                case_id = stored.case_id
            row = _row(entry, case_id, self.by, self.clock())
            session.add(row)
            session.flush()
            return _screening(row)


def earlier_screenings(session: Session, keys: Sequence[RecordKeys]) -> list[Screening | None]:
    """For each of ``keys``, the screening that decided that publication, or None
    (:func:`dermavigil.domain.literature_screening.matches`): the latest one that stored a
    draft, else the latest one; a later search's "seen" rows decide nothing."""
    dois = {k.doi for k in keys if k.doi}
    pmids = {k.pmid for k in keys if k.pmid}
    titles = {k.title_key[:TITLE_KEY_LENGTH] for k in keys if k.title_key}
    found: list[Screening] = []
    for chunk in _chunks(sorted(dois), sorted(pmids), sorted(titles)):
        deciding = select(ScreeningRow).where(or_(*chunk), ScreeningRow.outcome != SEEN)
        found.extend(_screening(row) for row in session.execute(deciding).scalars())
    # a draft first, then newest first, across all chunks
    found.sort(key=lambda s: (s.case_id is not None, s.screened_at, s.id), reverse=True)
    return [next((s for s in found if matches(_cut(k), s.entry.keys)), None) for k in keys]


def _chunks(
    dois: list[str], pmids: list[str], titles: list[str], size: int = 500
) -> Iterable[list[Any]]:
    """The lookup's WHERE terms, in bounded IN lists (SQLite's variable limit)."""
    for values, column in (
        (dois, ScreeningRow.doi),
        (pmids, ScreeningRow.pmid),
        (titles, ScreeningRow.title_key),
    ):
        for start in range(0, len(values), size):
            yield [column.in_(values[start : start + size])]


def get_screening(session: Session, screening_id: int) -> Screening:
    """One logged screening; :class:`NotFoundError` when there is none."""
    row = session.get(ScreeningRow, screening_id)
    if row is None:
        raise NotFoundError(f"no screened record {screening_id}")
    return _screening(row)


def deciding_screening(session: Session, screening_id: int) -> Screening:
    """The screening that decided a record: the one given, or for a record a later search
    returned ("seen"), the earlier screening it points at."""
    screening = get_screening(session, screening_id)
    if screening.entry.outcome == SEEN and screening.entry.earlier_id is not None:
        return get_screening(session, screening.entry.earlier_id)
    return screening


def link_case(session: Session, screening_id: int, case_id: str) -> None:
    """Record that the draft ``case_id`` was stored from the screened record (opened by an
    assessor after screening: a partial draft completed, a record screened out drafted).
    A record already drafted is refused (:class:`ConflictError` naming its draft): a case
    report is handled once, and the first draft keeps its screening. A "seen" row links
    the screening that decided the record."""
    row = session.get_one(ScreeningRow, deciding_screening(session, screening_id).id)
    if row.case_id and row.case_id != case_id:
        raise ConflictError(f"this record was already drafted as {row.case_id}")
    row.case_id = case_id


def cases_of_screenings(session: Session, screening_ids: Sequence[int]) -> dict[int, str]:
    """The draft each of ``screening_ids`` names now (a record completed after its review
    was listed); screenings without a draft are absent."""
    if not screening_ids:
        return {}
    rows = session.execute(
        select(ScreeningRow.id, ScreeningRow.case_id).where(
            ScreeningRow.id.in_(list(screening_ids)), ScreeningRow.case_id.is_not(None)
        )
    )
    return {screening_id: case_id for screening_id, case_id in rows}


def titles_of_cases(session: Session, case_ids: Sequence[str]) -> dict[str, str]:
    """The title of the screened record each of ``case_ids`` was drafted from (drafts
    stored from a literature review; other cases are absent)."""
    if not case_ids:
        return {}
    rows = session.execute(
        select(ScreeningRow.case_id, ScreeningRow.title).where(
            ScreeningRow.case_id.in_(list(case_ids))
        )
    )
    return {case_id: title for case_id, title in rows}


def search_screenings(
    session: Session, outcome: str | None = None, text: str | None = None,
    offset: int = 0, limit: int = 50,
) -> tuple[int, list[Screening]]:  # fmt: skip
    """How many logged screenings match and one page of them, newest first: one outcome
    (:data:`OUTCOMES`), a word of the title, DOI, PMID, search or case id."""
    statement = _where(select(ScreeningRow), outcome, text)
    total = session.execute(_where(select(func.count(ScreeningRow.id)), outcome, text)).scalar_one()
    rows = session.execute(
        statement.order_by(ScreeningRow.screened_at.desc(), ScreeningRow.id.desc())
        .offset(offset)
        .limit(limit)
    ).scalars()
    return total, [_screening(row) for row in rows]


def csv_rows(
    session: Session, outcome: str | None = None, text: str | None = None
) -> Iterable[tuple]:
    """Every matching screening as a row of :data:`CSV_COLUMNS`, newest first."""
    rows = session.execute(
        _where(select(ScreeningRow), outcome, text).order_by(
            ScreeningRow.screened_at.desc(), ScreeningRow.id.desc()
        )
    ).scalars()
    for r in rows:
        yield (
            r.screened_at.isoformat(), r.screened_by, r.outcome, r.reason, r.case_id or "",
            r.doi or "", r.pmid or "", r.title, r.citation, r.search, r.id, r.earlier_id or "",
        )  # fmt: skip


def _where(statement, outcome: str | None, text: str | None):  # type: ignore[no-untyped-def]
    if outcome:
        if outcome not in OUTCOMES:
            raise InputError(
                "unknown screening outcome",
                [Problem("outcome", f"one of {', '.join(OUTCOMES)}", outcome)],
            )
        statement = statement.where(ScreeningRow.outcome == outcome)
    if text:
        typed = text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{typed}%"  # the word as typed: "%" and "_" are no wildcards
        statement = statement.where(
            or_(
                *(
                    column.like(like, escape="\\")
                    for column in (
                        func.lower(ScreeningRow.title), func.lower(ScreeningRow.doi),
                        ScreeningRow.pmid, func.lower(ScreeningRow.search),
                        func.lower(ScreeningRow.case_id),
                    )
                )
            )
        )  # fmt: skip
    return statement


def _cut(keys: RecordKeys) -> RecordKeys:
    title = keys.title_key[:TITLE_KEY_LENGTH] if keys.title_key else None
    return RecordKeys(keys.doi, keys.pmid, title)


def _row(entry: ScreeningEntry, case_id: str | None, by: str, at: datetime) -> ScreeningRow:
    keys = _cut(entry.keys)
    return ScreeningRow(
        doi=keys.doi, pmid=keys.pmid, title_key=keys.title_key, title=entry.title,
        citation=entry.citation, record=entry.record, outcome=entry.outcome,
        reason=entry.reason, case_id=case_id, search=entry.search[:300], screened_by=by,
        screened_at=at, earlier_id=entry.earlier_id,
    )  # fmt: skip


def _screening(row: ScreeningRow) -> Screening:
    entry = ScreeningEntry(
        keys=RecordKeys(row.doi, row.pmid, row.title_key), title=row.title,
        citation=row.citation, record=dict(row.record), outcome=row.outcome,
        reason=row.reason, search=row.search, earlier_id=row.earlier_id,
    )  # fmt: skip
    return Screening(row.id, entry, row.case_id, row.screened_by, row.screened_at)
