"""The registry's tables (SQLAlchemy 2 declarative).

Nothing is ever updated in place except the two pointers of ``cases``
(``current_version``, ``status``): every change inserts a new row in
``case_versions`` (the whole case document as JSON) and an ``audit`` row
saying who, when, what and why. The primary key (case_id, version) makes it
impossible for two concurrent writers to both create the same version.

Search columns are denormalised per version: single-valued facts on
``case_versions`` and multi-valued ones (product categories, routes,
reaction terms) in ``case_facets``. Constraint names follow one naming
convention so that Alembic batch migrations on SQLite can find them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CASE_STATUSES = ("draft", "active", "retracted")
AUDIT_ACTIONS = ("create", "update", "override", "retract", "accept", "workflow")
WORKFLOW_STATUSES = ("received", "in_review", "assessed", "closed")
ROLES = ("reporter", "assessor", "admin")
USER_ACTIONS = (
    "create", "role", "deactivate", "reactivate", "reset_password",
    "login", "logout", "end_session", "end_sessions", "change_password",
    "enable_2fa", "disable_2fa", "reset_2fa",
)  # fmt: skip
SESSION_KINDS = ("browser", "token")


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the registry; use UTC-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Counter(Base):
    """Named counters (``case`` numbers DV-000001, DV-000002 ...)."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, nullable=False)


class UserRow(Base):
    """A person who may sign in; passwords are argon2id hashes."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False)
    # set when someone else chose the password (the generated first admin, an admin's
    # create or reset): every page and API call then asks for a new one first
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default=false()
    )


class UserSessionRow(Base):
    """One sign-in: a browser session or an API bearer token. ``id`` is the SHA-256 of
    the random token the cookie or bearer token carries (the token itself is never
    stored); a session works while ``revoked_at`` is empty and it is younger than
    :data:`dermavigil.domain.accounts.SESSION_LIFETIME_SECONDS`."""

    __tablename__ = "user_sessions"
    __table_args__ = (
        CheckConstraint(_in("kind", SESSION_KINDS), name="kind"),
        Index("ix_user_sessions_username_created_at", "username", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), ForeignKey("users.username"), nullable=False)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    client_address: Mapped[str] = mapped_column(String(64), nullable=False)
    user_agent: Mapped[str] = mapped_column(String(128), nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_by: Mapped[str | None] = mapped_column(String(64), nullable=True)


class UserAuditRow(Base):
    """Who changed which account, when and how (role before and after); never deleted."""

    __tablename__ = "user_audit"
    __table_args__ = (
        CheckConstraint(_in("action", USER_ACTIONS), name="action"),
        Index("ix_user_audit_username_at", "username", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), ForeignKey("users.username"), nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    by: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    detail: Mapped[str | None] = mapped_column(String(64), nullable=True)


class CaseRow(Base):
    """One case: its identifier and a pointer to its current version."""

    __tablename__ = "cases"
    __table_args__ = (CheckConstraint(_in("status", CASE_STATUSES), name="status"),)

    case_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    current_version: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, index=True)
    owner: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    # the workflow (dermavigil.domain.workflow: WORKFLOW_STATUSES), moved with the version
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
    __table_args__ = (CheckConstraint(_in("status", CASE_STATUSES), name="status"),)

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
        CheckConstraint(_in("facet", ("category", "route", "reaction")), name="facet"),
        Index("ix_case_facets_facet_value", "facet", "value"),
    )

    facet: Mapped[str] = mapped_column(String(16), nullable=False)
    value: Mapped[str] = mapped_column(String(255), nullable=False)


class AuditRow(_VersionChild, Base):
    """Who did what to which version of a case, when and why."""

    __tablename__ = "audit"
    __table_args__ = _of_version(
        "audit", CheckConstraint(_in("action", AUDIT_ACTIONS), name="action")
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


SIGNAL_STATUSES = (
    "new",
    "validated",
    "not_validated",
    "prioritised",
    "under_assessment",
    "closed",
)
SIGNAL_ACTIONS = ("create", "update", "status")


class SignalRow(Base):
    """A managed signal (GVP IX): its number, current version and the columns lists use."""

    __tablename__ = "signal_records"
    __table_args__ = (CheckConstraint(_in("status", SIGNAL_STATUSES), name="status"),)

    signal_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    current_version: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(32), nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    assessor: Mapped[str | None] = mapped_column(String(64), nullable=True)
    due_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)


class SignalVersion(Base):
    """One immutable version of a signal record: the whole record, who, when, why."""

    __tablename__ = "signal_versions"
    __table_args__ = (CheckConstraint(_in("action", SIGNAL_ACTIONS), name="action"),)

    signal_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("signal_records.signal_id"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")


PRODUCT_ACTIONS = ("add", "edit")


class ProductRow(Base):
    """A catalogue entry kept in the registry (added here, or a shipped entry edited):
    its id and a pointer to its current version."""

    __tablename__ = "products"

    entry_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    current_version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class ProductVersionRow(Base):
    """One immutable version of a catalogue entry: the whole entry with its cited
    sources, who wrote it, when, why and what changed."""

    __tablename__ = "product_versions"
    __table_args__ = (CheckConstraint(_in("action", PRODUCT_ACTIONS), name="action"),)

    entry_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("products.entry_id"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)


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
        CheckConstraint(_in("status", SUBMISSION_STATUSES), name="status"),
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
        CheckConstraint(_in("decision", DUPLICATE_DECISIONS), name="decision"),
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


# the security tables (access log) live in their own module on the same Base
from dermavigil.registry import security_tables as _security_tables  # noqa: E402, F401
