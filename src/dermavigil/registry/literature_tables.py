"""Table of the literature screening log: every record of a literature search that was
screened, what became of it and why, who screened it and when (EMA GVP Module VI.B.1.1.2:
the screening of the literature is documented, and a record already screened is not
drafted twice when a periodic search returns it again).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dermavigil.registry.table_base import Base, UTCDateTime, one_of

SCREENING_OUTCOMES = ("draft", "partial", "to_read", "skipped", "seen")
"""What a literature review did with a record
(:data:`dermavigil.domain.literature_screening.OUTCOMES`): stored a draft, held a partial
draft to complete, kept a record to read by hand, screened it out, or found it screened by
an earlier review."""


class ScreeningRow(Base):
    """One screened record: its identifiers, the record as read (to reopen it later), the
    outcome with its reason and stored case, the search it came from, who and when."""

    __tablename__ = "literature_screenings"
    __table_args__ = (
        CheckConstraint(one_of("outcome", SCREENING_OUTCOMES), name="outcome"),
        Index("ix_literature_screenings_doi", "doi"),
        Index("ix_literature_screenings_pmid", "pmid"),
        Index("ix_literature_screenings_title_key", "title_key"),
        Index("ix_literature_screenings_screened_at", "screened_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doi: Mapped[str | None] = mapped_column(String(200), nullable=True)
    pmid: Mapped[str | None] = mapped_column(String(20), nullable=True)
    title_key: Mapped[str | None] = mapped_column(String(300), nullable=True)
    """The normalised title (:func:`dermavigil.literature.biblio.normalized_title`), cut to
    300 characters: the key of a record with neither DOI nor PMID."""
    title: Mapped[str] = mapped_column(Text, nullable=False)
    citation: Mapped[str] = mapped_column(Text, nullable=False)
    record: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    """The bibliographic record's fields as read, so it can be opened as a draft later."""
    outcome: Mapped[str] = mapped_column(String(16), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    case_id: Mapped[str | None] = mapped_column(String(16), nullable=True)
    search: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    """Where the record came from: the uploaded or named files of the search."""
    screened_by: Mapped[str] = mapped_column(String(64), nullable=False)
    screened_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    earlier_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("literature_screenings.id"), nullable=True
    )
    """The earlier screening this one repeats (a record seen before, or screened anew)."""
