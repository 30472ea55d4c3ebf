"""Tables of user accounts: users with their role, sign-ins (browser sessions and API
tokens) and the audit trail of account changes. The second factor's tables are
:mod:`~dermavigil.registry.security_tables`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from dermavigil.registry.table_base import Base, UTCDateTime, one_of

ROLES = ("reporter", "assessor", "admin")
USER_ACTIONS = (
    "create", "role", "deactivate", "reactivate", "reset_password",
    "login", "logout", "end_session", "end_sessions", "change_password",
    "enable_2fa", "disable_2fa", "reset_2fa",
)  # fmt: skip
SESSION_KINDS = ("browser", "token")


class UserRow(Base):
    """A person who may sign in; passwords are argon2id hashes."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(one_of("role", ROLES), name="role"),)

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
        CheckConstraint(one_of("kind", SESSION_KINDS), name="kind"),
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
        CheckConstraint(one_of("action", USER_ACTIONS), name="action"),
        Index("ix_user_audit_username_at", "username", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), ForeignKey("users.username"), nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    by: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    detail: Mapped[str | None] = mapped_column(String(64), nullable=True)
