"""Server-side sessions: one ``user_sessions`` row per sign-in, browser or API token.

Signing in (:meth:`SessionService.start`) draws a random token
(:func:`secrets.token_urlsafe`, 256 bits) that the signed session cookie or bearer token
carries; the registry keeps only its SHA-256 (:func:`session_id`, also the session's public
id), so a copy of the database signs nobody in. Every request looks the session up
(:meth:`SessionService.resolve`): it must exist, belong to the claimed user, be younger
than :data:`~dermavigil.domain.accounts.SESSION_LIFETIME_SECONDS` and not be revoked, and
the user must be active. Logging out revokes that session only; "log out everywhere",
a password change (all but the current one), a reset or a deactivation revoke the rest
(OWASP Session Management Cheat Sheet: server-side invalidation, session listing).

Sign-ins, sign-outs and ended sessions go to the user audit trail (``user_audit``).
Session rows are deleted 30 days (:data:`KEEP_ROWS`) after they started, at the user's
next sign-in; the audit rows stay. Like the other services, this one never commits.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from dermavigil.domain.accounts import SESSION_LIFETIME_SECONDS, normalize_username
from dermavigil.errors import NotFoundError
from dermavigil.registry import user_queries
from dermavigil.registry.account_tables import SESSION_KINDS, UserRow, UserSessionRow
from dermavigil.registry.models import User
from dermavigil.registry.service import utcnow
from dermavigil.registry.users import add_audit, ended_detail, user_model

TOKEN_BYTES = 32
KEEP_ROWS = timedelta(days=30)
LIFETIME = timedelta(seconds=SESSION_LIFETIME_SECONDS)
KIND_LABELS = {"browser": "browser", "token": "API token"}


def session_id(token: str) -> str:
    """The stored id of a session token: its SHA-256 in hex (the token has 256 random
    bits, so a fast hash suffices; OWASP: store session ids hashed)."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class SessionInfo:
    """One sign-in as shown to its user or an admin (never the token)."""

    id: str
    username: str
    kind: str  # "browser" or "token"
    created_at: datetime
    last_seen_at: datetime
    client_address: str
    user_agent: str
    revoked_at: datetime | None

    @property
    def short_id(self) -> str:
        return self.id[:8]


def _info(row: UserSessionRow) -> SessionInfo:
    return SessionInfo(**{field.name: getattr(row, field.name) for field in fields(SessionInfo)})


class SessionService:
    """Start, check, list and end the sessions of users."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = utcnow) -> None:
        self.session = session
        self.clock = clock

    def start(self, username: str, kind: str, address: str, agent: str) -> str:
        """A new session of ``username`` (who has just proved who they are); returns the
        token for the cookie or bearer token, and writes a ``login`` audit row."""
        if kind not in SESSION_KINDS:
            raise ValueError(f"session kind {kind!r} is not one of {SESSION_KINDS}")
        name = normalize_username(username)
        now = self.clock()
        self.session.execute(
            delete(UserSessionRow).where(
                UserSessionRow.username == name, UserSessionRow.created_at < now - KEEP_ROWS
            )
        )
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.session.add(
            UserSessionRow(
                id=session_id(token),
                username=name,
                kind=kind,
                created_at=now,
                last_seen_at=now,
                client_address=address[:64],
                user_agent=agent[:128],
            )
        )
        add_audit(self.session, name, now, name, "login", f"{KIND_LABELS[kind]} from {address}")
        self.session.flush()
        return token

    def resolve(self, token: str, username: str) -> tuple[User, SessionInfo] | None:
        """The active user and live session of ``token`` when it was issued to
        ``username``; ``None`` when unknown, revoked, expired or the user is inactive."""
        statement = (
            select(UserSessionRow, UserRow)
            .join(UserRow, UserRow.username == UserSessionRow.username)
            .where(UserSessionRow.id == session_id(token))
        )
        found = self.session.execute(statement).first()
        if found is None:
            return None
        row, user = found
        if (
            row.username != normalize_username(username)
            or row.revoked_at is not None
            or row.created_at <= self.clock() - LIFETIME
            or not user.active
        ):
            return None
        return user_model(user), _info(row)

    def touch(self, token: str) -> None:
        """Record that the session of ``token`` was used now (its "last seen")."""
        self.session.execute(
            update(UserSessionRow)
            .where(UserSessionRow.id == session_id(token), UserSessionRow.revoked_at.is_(None))
            .values(last_seen_at=self.clock()),
            execution_options={"synchronize_session": False},
        )

    def active(self, username: str) -> list[SessionInfo]:
        """The live sessions of ``username``, the most recently used first."""
        name = self._user(username)
        statement = (
            select(UserSessionRow)
            .where(
                UserSessionRow.username == name,
                UserSessionRow.revoked_at.is_(None),
                UserSessionRow.created_at > self.clock() - LIFETIME,
            )
            .order_by(UserSessionRow.last_seen_at.desc(), UserSessionRow.created_at.desc())
        )
        return [_info(row) for row in self.session.execute(statement).scalars()]

    def open_counts(self) -> dict[str, int]:
        """How many live sessions each user has (users with none are left out)."""
        statement = (
            select(UserSessionRow.username, func.count())
            .where(
                UserSessionRow.revoked_at.is_(None),
                UserSessionRow.created_at > self.clock() - LIFETIME,
            )
            .group_by(UserSessionRow.username)
        )
        return {name: count for name, count in self.session.execute(statement)}

    def logout(self, sid: str) -> SessionInfo | None:
        """End session ``sid`` (its user signing out of it): a ``logout`` audit row.
        ``None`` when it had already ended."""
        row = self.session.get(UserSessionRow, sid)
        if row is None or row.revoked_at is not None:
            return None
        self._revoke(row, row.username, "logout", f"{KIND_LABELS[row.kind]} session")
        return _info(row)

    def end(self, username: str, sid: str, by: str) -> SessionInfo:
        """End the live session ``sid`` of ``username`` (from another session of theirs,
        or by an admin): an ``end_session`` audit row. 404 when no such live session."""
        name = self._user(username)
        row = self.session.get(UserSessionRow, sid)
        live = row is not None and row.revoked_at is None
        if not live or row.username != name or row.created_at <= self.clock() - LIFETIME:
            raise NotFoundError(f"no open session {sid[:8]!r} of user {name!r}")
        detail = f"{KIND_LABELS[row.kind]} session {sid[:8]} from {row.client_address}"
        self._revoke(row, by, "end_session", detail)
        return _info(row)

    def end_all(self, username: str, by: str, keep: str | None = None) -> int:
        """End every live session of ``username`` but ``keep`` (a session id): "log out
        everywhere" or an admin's "end sessions"; one ``end_sessions`` audit row. How many."""
        name = self._user(username)
        now = self.clock()
        ended = user_queries.revoke_sessions(self.session, name, now, by, keep=keep)
        add_audit(
            self.session,
            name,
            now,
            by,
            "end_sessions",
            ended_detail(ended, "other" if keep else ""),
        )
        self.session.flush()
        return ended

    def _revoke(self, row: UserSessionRow, by: str, action: str, detail: str) -> None:
        now = self.clock()
        row.revoked_at, row.revoked_by = now, by
        add_audit(self.session, row.username, now, by, action, detail)
        self.session.flush()

    def _user(self, username: str) -> str:
        name = normalize_username(username)
        if self.session.get(UserRow, name) is None:
            raise NotFoundError(f"no user {username!r}")
        return name
