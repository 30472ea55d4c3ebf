"""The tables of cases (SQLAlchemy 2 declarative): cases, their versions, search facets,
audit rows, overrides and comments; the E2B submissions of a version and the duplicate
runs and decisions on pairs of cases.

Nothing is ever updated in place except the two pointers of ``cases``
(``current_version``, ``status``): every change inserts a new row in
``case_versions`` (the whole case document as JSON) and an ``audit`` row
saying who, when, what and why. The primary key (case_id, version) makes it
impossible for two concurrent writers to both create the same version.

Search columns are denormalised per version: single-valued facts on
``case_versions`` and multi-valued ones (product categories, routes,
reaction terms) in ``case_facets``. The ``Base``, its naming convention and the
column types all tables share are :mod:`~dermavigil.registry.table_base`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from dermavigil.registry.table_base import Base, UTCDateTime, one_of

CASE_STATUSES = ("draft", "active", "retracted")
AUDIT_ACTIONS = ("create", "update", "override", "retract", "accept", "workflow")


def _of_version(table: str, *extra: object) -> tuple[object, ...]:
    """Table arguments of a row that belongs to one case version."""
    return (
        ForeignKeyConstraint(
            ["case_id", "version"], ["case_versions.case_id", "case_versions.version"]
        ),
        Index(f"ix_{table}_case_id_version", "case_id", "version"),
        *extra,
    )


class _VersionChild:
    """Columns of a row that belongs to one case version."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(16), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)


class Counter(Base):
    """Named counters (``case`` numbers DV-000001, DV-000002 ...)."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, nullable=False)


class CaseRow(Base):
    """One case: its identifier and a pointer to its current version."""

    __tablename__ = "cases"
    __table_args__ = (CheckConstraint(one_of("status", CASE_STATUSES), name="status"),)

    case_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    current_version: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, index=True)
    owner: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    # the workflow (dermavigil.domain.workflow: STATUSES), moved with the version
    # pointer; no CHECK constraint, which on SQLite would mean copying this referenced table
    workflow: Mapped[str] = mapped_column(
        String(16), nullable=False, default="received", server_default="received", index=True
    )
    assignee: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    expectedness: Mapped[str | None] = mapped_column(String(16), nullable=True)
    day0: Mapped[str | None] = mapped_column(String(10), nullable=True)
    """Day 0 of the regulatory clock (ISO date): received date, or a follow-up's receipt."""
    assessed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    """When the case last reached "assessed" (the clock stops); cleared on reopening."""


class CaseVersion(Base):
    """One immutable version of a case, with its search columns."""

    __tablename__ = "case_versions"
    __table_args__ = (CheckConstraint(one_of("status", CASE_STATUSES), name="status"),)

    case_id: Mapped[str] = mapped_column(String(16), ForeignKey("cases.case_id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    source_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    assessment: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    """The assessment computed when the version was written (from its document and the
    overrides up to it, both immutable); NULL in rows written before revision 0004."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    source: Mapped[str] = mapped_column(String(32), nullable=False)
    serious: Mapped[bool] = mapped_column(Boolean, nullable=False)
    off_label: Mapped[bool] = mapped_column(Boolean, nullable=False)
    who_umc: Mapped[str] = mapped_column(String(16), nullable=False)
    naranjo_band: Mapped[str] = mapped_column(String(16), nullable=False)
    naranjo_score: Mapped[int] = mapped_column(Integer, nullable=False)
    search_text: Mapped[str] = mapped_column(Text, nullable=False)
    workflow: Mapped[str | None] = mapped_column(String(16), nullable=True)
    assignee: Mapped[str | None] = mapped_column(String(64), nullable=True)
    expectedness: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """The workflow as of this version; NULL in rows written before revision 0007."""


class CaseFacet(_VersionChild, Base):
    """A multi-valued search fact of one version: category, route or reaction."""

    __tablename__ = "case_facets"
    __table_args__ = _of_version(
        "case_facets",
        CheckConstraint(one_of("facet", ("category", "route", "reaction")), name="facet"),
        Index("ix_case_facets_facet_value", "facet", "value"),
    )

    facet: Mapped[str] = mapped_column(String(16), nullable=False)
    value: Mapped[str] = mapped_column(String(255), nullable=False)


class AuditRow(_VersionChild, Base):
    """Who did what to which version of a case, when and why."""

    __tablename__ = "audit"
    __table_args__ = _of_version(
        "audit", CheckConstraint(one_of("action", AUDIT_ACTIONS), name="action")
    )

    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    by: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)


class OverrideRow(_VersionChild, Base):
    """An assessor's override of one assessment answer (kept forever)."""

    __tablename__ = "overrides"
    __table_args__ = _of_version("overrides")

    target: Mapped[str] = mapped_column(String(64), nullable=False)
    value: Mapped[str] = mapped_column(String(64), nullable=False)
    by: Mapped[str] = mapped_column(String(64), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class CommentRow(Base):
    """A comment on a case: who, when, what (kept forever, never edited)."""

    __tablename__ = "case_comments"
    __table_args__ = (Index("ix_case_comments_case_id_at", "case_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(16), ForeignKey("cases.case_id"), nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    by: Mapped[str] = mapped_column(String(64), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)


SUBMISSION_STATUSES = ("sent", "accepted", "needs_action", "rejected")


class SubmissionRow(Base):
    """One case version sent as an E2B(R3) ICSR to a receiver, and the receiver's ACK."""

    __tablename__ = "submissions"
    __table_args__ = (
        CheckConstraint(one_of("status", SUBMISSION_STATUSES), name="status"),
        Index("ix_submissions_batch_report", "batch_id", "report_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("cases.case_id"), nullable=False, index=True
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    receiver: Mapped[str] = mapped_column(String(60), nullable=False)
    batch_id: Mapped[str] = mapped_column(String(100), nullable=False)
    report_id: Mapped[str] = mapped_column(String(100), nullable=False)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    sent_by: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    ack_code: Mapped[str | None] = mapped_column(String(2), nullable=True)
    ack_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


DUPLICATE_DECISIONS = ("same", "different", "undecided")


class DuplicateRunRow(Base):
    """One duplicate detection run: who ran it, over how many cases, the pairs found
    and the model (every parameter and where it came from) that found them."""

    __tablename__ = "duplicate_runs"

    run_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    run_by: Mapped[str] = mapped_column(String(64), nullable=False)
    threshold: Mapped[float] = mapped_column(Float, nullable=False)
    cases: Mapped[int] = mapped_column(Integer, nullable=False)
    pairs: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)
    model: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class DuplicateDecisionRow(Base):
    """An assessor's decision on a pair of cases; every decision is kept (the latest of
    a pair is in force), so the table is also the decisions' audit trail."""

    __tablename__ = "duplicate_decisions"
    __table_args__ = (
        CheckConstraint(one_of("decision", DUPLICATE_DECISIONS), name="decision"),
        CheckConstraint("case_a < case_b", name="ordered"),
        Index("ix_duplicate_decisions_pair", "case_a", "case_b"),
    )

    decision_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_a: Mapped[str] = mapped_column(String(16), ForeignKey("cases.case_id"), nullable=False)
    case_b: Mapped[str] = mapped_column(String(16), ForeignKey("cases.case_id"), nullable=False)
    decision: Mapped[str] = mapped_column(String(16), nullable=False)
    master: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """For 'same': the case kept active; the other is retracted as its linked version."""
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    decided_by: Mapped[str] = mapped_column(String(64), nullable=False)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    run_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("duplicate_runs.run_id"), nullable=True
    )
    match_probability: Mapped[float | None] = mapped_column(Float, nullable=True)
