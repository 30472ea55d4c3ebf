"""A literature search reviewed against its screening log (EMA GVP Module VI.B.1.1.2).

Every record of the search is screened (:func:`~dermavigil.literature.service.review_record`)
unless the log already holds a screening of the same publication (same DOI, PMID or
title: a periodic search returns the same articles): such a record is logged as seen,
pointing at the earlier screening, and listed with its earlier outcome. A reviewer may ask
for records seen before to be screened anew (``again``, e.g. after the extractor improved);
a record drafted before keeps its draft even then (a case report is handled once). A case
report's draft is stored and its screening logged together, by the log given (the
registry's :class:`~dermavigil.registry.literature_log.ScreeningLog` in the CLI and the web).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from dermavigil.domain.literature_screening import (
    OUTCOMES,
    SEEN,
    DraftCase,
    RecordKeys,
    Screening,
    ScreeningEntry,
)
from dermavigil.literature.biblio import Record, record_fields, record_keys


class Log(Protocol):
    """Where screenings are looked up and written."""

    def earlier(self, keys: Sequence[RecordKeys]) -> list[Screening | None]: ...

    def save(self, entry: ScreeningEntry, draft: DraftCase | None = None) -> Screening: ...


@dataclass(frozen=True)
class ReviewedRow:
    """One record's line in a review: its outcome (a screening outcome or :data:`SEEN`),
    the reason, the stored draft and the logged screening (for a seen record, the earlier
    one, whose outcome it names)."""

    number: int
    title: str
    doi: str | None
    pmid: str | None
    outcome: str
    reason: str
    case_id: str | None
    screening_id: int
    earlier_outcome: str | None = None


def review_search(
    records: Sequence[Record],
    log: Log,
    search: str,
    again: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[ReviewedRow]:
    """Screen and draft each of ``records`` (numbered from 1), logging every screening."""
    from dermavigil.literature.service import add_record_reference, review_record

    earlier = log.earlier([record_keys(r) for r in records])
    rows = []
    for number, (record, before) in enumerate(zip(records, earlier, strict=True), 1):
        if progress:
            progress(f"screening record {number} of {len(records)}", number - 1, len(records))
        if before is not None and (not again or before.case_id):
            rows.append(_seen(number, record, before, log, search, again))
            continue
        reviewed = review_record(record)
        draft = None
        if reviewed.outcome == "draft" and reviewed.draft is not None:
            found = add_record_reference(reviewed.draft, record)
            draft = DraftCase(found.to_case(), dict(found.evidence), found.text)
        entry = ScreeningEntry(
            keys=record_keys(record), title=record.title, citation=record.citation(),
            record=record_fields(record), outcome=reviewed.outcome, reason=reviewed.reason,
            search=search, earlier_id=before.id if before else None,
        )  # fmt: skip
        logged = log.save(entry, draft)
        rows.append(_row(number, record, reviewed.outcome, reviewed.reason, logged))
    if progress:
        progress("done", len(records), len(records))
    return rows


def count_outcomes(rows: Sequence[ReviewedRow]) -> dict[str, int]:
    """How many rows of a review had each outcome (every screening outcome, :data:`SEEN` too)."""
    return {k: sum(r.outcome == k for r in rows) for k in OUTCOMES}


def _seen(
    number: int, record: Record, before: Screening, log: Log, search: str, again: bool
) -> ReviewedRow:
    """Log a record an earlier screening decided, and list it with that screening."""
    said = "drafted before, not drafted twice" if again else "screened before"
    reason = f"{said}: {before.summary()}"
    log.save(
        ScreeningEntry(
            keys=record_keys(record),
            title=record.title,
            citation=record.citation(),
            record=record_fields(record),
            outcome=SEEN,
            reason=reason,
            search=search,
            earlier_id=before.id,
        )  # fmt: skip
    )
    row = _row(number, record, SEEN, reason, before)
    return replace(row, earlier_outcome=before.entry.outcome)


def _row(number: int, record: Record, outcome: str, reason: str, logged: Screening) -> ReviewedRow:
    return ReviewedRow(
        number, record.title, record.doi, record.pmid, outcome, reason, logged.case_id, logged.id
    )
