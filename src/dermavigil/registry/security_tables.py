"""Tables of the security features (issue 12), registered on the registry's ``Base``:
the read-access log of cases and the TOTP second factor with its recovery codes.

The second factor belongs to an account of :mod:`~dermavigil.registry.account_tables`;
kept here beside the access log, the other security feature.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dermavigil.registry.account_tables import UserRow
from dermavigil.registry.table_base import Base, UTCDateTime, one_of

ACCESS_HOW = ("page", "api", "export", "listing")
"""How case data was read: an HTML page, the JSON API, a file export of chosen cases,
or a listing of every case matching a filter (line listing, case series)."""


class AccessEventRow(Base):
    """One read of case data by a signed-in user: who, when, how, from which address,
    and (for listings) the filter; the cases it carried are :class:`AccessCaseRow`."""

    __tablename__ = "access_events"
    __table_args__ = (
        CheckConstraint(one_of("how", ACCESS_HOW), name="how"),
        Index("ix_access_events_at", "at"),
        Index("ix_access_events_username_at", "username", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    username: Mapped[str] = mapped_column(String(64), nullable=False)
    how: Mapped[str] = mapped_column(String(16), nullable=False)
    format: Mapped[str] = mapped_column(String(16), nullable=False)
    """``html``, ``json``, ``history``, ``e2b``, ``fhir``, ``cioms``, ``csv``, ``xlsx``..."""
    address: Mapped[str] = mapped_column(String(64), nullable=False)
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)
    """The filter of a listing (``category=exosome&status=active``)."""
    case_count: Mapped[int] = mapped_column(Integer, nullable=False)


class AccessCaseRow(Base):
    """A case (and the version shown) that an access event carried."""

    __tablename__ = "access_event_cases"
    __table_args__ = (Index("ix_access_event_cases_case_id", "case_id"),)

    event_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("access_events.id", ondelete="CASCADE"), primary_key=True
    )
    case_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)


class UserTotpRow(Base):
    """A user's TOTP second factor (RFC 6238): the shared secret encrypted with the key in
    ``DERMAVIGIL_HOME/totp_key`` (:mod:`dermavigil.registry.secondfactor`); ``enabled_at``
    empty while the enrolment waits for its first code; ``last_step`` the time step of the
    last code accepted (an older or equal step is a replay and refused)."""

    __tablename__ = "user_totp"

    username: Mapped[str] = mapped_column(
        String(64), ForeignKey(UserRow.username), primary_key=True
    )
    secret: Mapped[str] = mapped_column(String(255), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    enabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_step: Mapped[int | None] = mapped_column(Integer, nullable=True)


class RecoveryCodeRow(Base):
    """One single-use recovery code, stored as its HMAC-SHA-256 (keyed with the TOTP key),
    never in clear; ``used_at`` set when it signs in."""

    __tablename__ = "user_recovery_codes"
    __table_args__ = (Index("ix_user_recovery_codes_username", "username"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), ForeignKey(UserRow.username), nullable=False)
    code_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
