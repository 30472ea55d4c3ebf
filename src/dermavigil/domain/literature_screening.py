"""The screening log of a literature review: what a reviewer did with each record of a
search, and the draft case a case report gave.

EMA GVP Module VI.B.1.1.2 asks that the literature be searched regularly, every record
screened and the screening documented, and that an individual case report be handled
once: a record a later search returns again is recognised by its DOI, PMID or title and
not drafted twice.

Pure: no I/O. :mod:`dermavigil.registry.literature_log` stores the log;
:mod:`dermavigil.literature.review` fills it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a draft's case is only carried here; the model loads where it is built
    from dermavigil.domain.case import Case

OUTCOMES = ("draft", "partial", "to_read", "skipped", "seen")
"""What a literature review does with a record: store its draft; hold a partial draft for
an assessor to complete; keep a relevant record the extractor cannot read (another language)
for reading; skip a record screened out; note a record an earlier screening decided (a
periodic search returning it again), pointing at that screening."""

SEEN = "seen"
"""The outcome of a record screened in an earlier review and not screened again."""

OUTCOME_LABELS = {
    "draft": "draft stored",
    "partial": "partial: to complete",
    "to_read": "to read",
    "skipped": "screened out",
    SEEN: "screened before",
}


@dataclass(frozen=True)
class RecordKeys:
    """The identifiers a record is recognised by: DOI, PMID, normalised title."""

    doi: str | None
    pmid: str | None
    title_key: str | None

    def any(self) -> bool:
        return bool(self.doi or self.pmid or self.title_key)


@dataclass(frozen=True)
class ScreeningEntry:
    """One record's screening to log: its keys, title and citation, the record's fields
    as read (to reopen it), the outcome and reason, and the search it came from."""

    keys: RecordKeys
    title: str
    citation: str
    record: dict[str, Any]
    outcome: str
    reason: str
    search: str = ""
    earlier_id: int | None = None
    """The earlier screening this one repeats: the one that decided a :data:`SEEN` record,
    or the one a record screened anew (``--again``) had."""

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome {self.outcome!r} is not one of {OUTCOMES}")
        if self.outcome == SEEN and self.earlier_id is None:
            raise ValueError("a record seen before names the earlier screening that decided it")


@dataclass(frozen=True)
class DraftCase:
    """A case report's draft to store with its screening: the case, the evidence spans of
    its fields and the source text they point into."""

    case: Case
    evidence: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    source_text: str | None = None


@dataclass(frozen=True)
class Screening:
    """A logged screening: the entry, the draft stored from the record, who and when."""

    id: int
    entry: ScreeningEntry
    case_id: str | None
    screened_by: str
    screened_at: datetime

    def summary(self) -> str:
        """ "screened out on 2026-12-06 by alice" (with the draft's case id when stored)."""
        what = OUTCOME_LABELS[self.entry.outcome]
        if self.case_id:
            what += f" ({self.case_id})"
        return f"{what} on {self.screened_at:%Y-%m-%d} by {self.screened_by}"


def matches(keys: RecordKeys, earlier: RecordKeys) -> bool:
    """Whether two records are one publication: the same DOI, else the same PMID, else
    (neither record holding both) the same normalised title -- the order of
    :func:`dermavigil.literature.biblio.dedupe`."""
    if keys.doi and earlier.doi:
        return keys.doi == earlier.doi
    if keys.pmid and earlier.pmid:
        return keys.pmid == earlier.pmid
    return bool(keys.title_key) and keys.title_key == earlier.title_key
