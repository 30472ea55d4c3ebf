"""Users and roles: argon2id password hashes, a first admin on first run.

Passwords are hashed with argon2id (RFC 9106) through ``argon2-cffi``'s
:class:`~argon2.PasswordHasher` with its default parameters; a hash made with
older parameters is upgraded at the next successful sign-in. A failed look-up
still spends one verification, so response time does not reveal whether a
user name exists. Like :class:`~dermavigil.registry.service.CaseService`, the
service never commits.

Administration (role changes, deactivation, password resets) never deletes an
account and writes one ``user_audit`` row per change (who, when, what). The
last active admin can be neither demoted nor deactivated; the active admins
are read ``FOR UPDATE`` first so that two concurrent demotions on PostgreSQL
cannot both pass the check (SQLite writers are serialised by the write gate).
Reset passwords come from :func:`secrets.token_urlsafe` (OWASP Forgot
Password Cheat Sheet: random, single-use, shown once, stored only hashed).
A password chosen by someone else (the generated first admin, an admin creating the
account or setting or resetting its password) is marked ``must_change_password`` until
its owner changes it. A reset, a password set by an admin or a deactivation ends every
session of the user; the user's own change ends every *other* one (OWASP Session
Management Cheat Sheet: invalidate sessions on credential change). Sessions themselves
are :mod:`dermavigil.registry.sessions`.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from dermavigil.domain.accounts import normalize_username
from dermavigil.errors import ConflictError, InputError, NotFoundError, Problem
from dermavigil.registry import user_queries
from dermavigil.registry.account_tables import ROLES, UserAuditRow, UserRow
from dermavigil.registry.models import User
from dermavigil.registry.service import utcnow

USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
MIN_PASSWORD = 10
MIN_STRENGTH = 3
"""zxcvbn score (0-4) a chosen password needs: 3 is "safely unguessable: moderate protection
from an offline slow-hash scenario" (Wheeler 2016, USENIX Security), with argon2id hashes."""
ADMIN = "admin"
SYSTEM = "system"
RESET_PASSWORD_BYTES = 12  # 16 URL-safe characters, 96 bits of entropy

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown users (same cost as a real check); made on
    first use, not at import, so the CLI does not pay an argon2 hash to start."""
    return _hasher.hash("dermavigil: no such user")


@dataclass(frozen=True)
class UserAuditEntry:
    """One change to an account: who did what to whom, when (``detail``: e.g. old -> new role)."""

    username: str
    at: datetime
    by: str
    action: str
    detail: str | None


def user_model(row: UserRow) -> User:
    return User(
        username=row.username,
        role=row.role,  # type: ignore[arg-type]
        created_at=row.created_at,
        active=row.active,
        must_change_password=row.must_change_password,
    )


class UserService:
    """Create, find and authenticate users."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = utcnow) -> None:
        self.session = session
        self.clock = clock

    def create(
        self,
        username: str,
        role: str,
        password: str,
        by: str = SYSTEM,
        *,
        must_change_password: bool = True,
    ) -> User:
        """A new active user; the name is normalised (:func:`normalize_username`); ``by``
        is recorded in the audit trail. The password was chosen by someone else, so the
        user must change it at sign-in, unless ``must_change_password`` is False."""
        name = normalize_username(username)
        problems = []
        if not USERNAME.match(name):
            problems.append(
                Problem(
                    "username",
                    "use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                    username,
                )
            )
        problems.extend(_role_problems(role))
        problems.extend(password_problems(password, name))
        if problems:
            raise InputError("cannot create the user", problems)
        row = UserRow(
            username=name,
            role=role,
            password_hash=_hasher.hash(password),
            created_at=self.clock(),
            active=True,
            must_change_password=must_change_password,
        )
        user_queries.add_user(self.session, row)
        self._audit(name, by, "create", role)
        return user_model(row)

    def authenticate(self, username: str, password: str) -> User | None:
        """The user if the password is right and the account active, else None."""
        row = user_queries.get_user(self.session, normalize_username(username))
        try:
            _hasher.verify(row.password_hash if row else _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None or not row.active:
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
            self.session.flush()
        return user_model(row)

    def get(self, username: str) -> User:
        row = user_queries.get_user(self.session, normalize_username(username))
        if row is None:
            raise NotFoundError(f"no user {username!r}")
        return user_model(row)

    def list(self) -> list[User]:
        return [user_model(row) for row in user_queries.list_users(self.session)]

    def ensure_admin(self) -> str | None:
        """Create ``admin`` with a random one-time password if no admin exists.

        Returns that password (to show once), or None when an admin exists.
        """
        if user_queries.count_admins(self.session) > 0:
            return None
        password = secrets.token_urlsafe(12)
        self.create(ADMIN, "admin", password)
        return password

    def set_role(self, username: str, role: str, by: str) -> User:
        """Give ``username`` another role (no change, no audit row, when it already has it)."""
        problems = _role_problems(role)
        if problems:
            raise InputError(f"cannot change the role of {username!r}", problems)
        row, last_admin = self._locked_row(username)
        if row.role == role:
            return user_model(row)
        if last_admin:
            raise _last_admin(row, f"cannot change the role to {role}")
        self._audit(row.username, by, "role", f"{row.role} -> {role}")
        row.role = role
        self.session.flush()
        return user_model(row)

    def deactivate(self, username: str, by: str) -> User:
        """Stop ``username`` signing in; their sessions and tokens fail from the next request."""
        row, last_admin = self._locked_row(username)
        if last_admin:
            raise _last_admin(row, "cannot deactivate the account")
        return self._set_active(row, False, by) if row.active else user_model(row)

    def reactivate(self, username: str, by: str) -> User:
        """Let a deactivated user sign in again (with their previous password)."""
        row = self._row(username)
        return user_model(row) if row.active else self._set_active(row, True, by)

    def set_password(self, username: str, password: str, by: str) -> User:
        """Give ``username`` the ``password`` (policy-checked), to be changed at their next
        sign-in; every session of theirs ends."""
        row = self._row(username)
        problems = password_problems(password, row.username)
        if problems:
            raise InputError(f"cannot set the password of {row.username!r}", problems)
        self._replace_password(row, password, by)
        return user_model(row)

    def change_own_password(
        self, username: str, current: str, new: str, keep_session: str | None = None
    ) -> tuple[User, int]:
        """The user's own change: the current password must be right; every session of the
        user but ``keep_session`` (the id of the one asking) ends. Returns the user (no
        longer asked to change it) and how many sessions ended."""
        row = self._row(username)
        try:
            _hasher.verify(row.password_hash, current)
        except (VerificationError, InvalidHashError):
            raise InputError(
                "cannot change the password",
                [Problem("current_password", "is not your current password")],
            ) from None
        problems = password_problems(new, row.username)
        if new == current:
            problems.append(Problem("new_password", "must differ from the current password"))
        if problems:
            raise InputError("cannot change the password", problems)
        row.password_hash = _hasher.hash(new)
        row.must_change_password = False
        ended = user_queries.revoke_sessions(
            self.session, row.username, self.clock(), row.username, keep=keep_session
        )
        self._audit(row.username, row.username, "change_password", ended_detail(ended, "other"))
        self.session.flush()
        return user_model(row), ended

    def reset_password(self, username: str, by: str) -> str:
        """Replace the password with a random one, returned here once and stored only hashed;
        the user must change it at sign-in, and every session of theirs ends."""
        row = self._row(username)
        password = secrets.token_urlsafe(RESET_PASSWORD_BYTES)
        self._replace_password(row, password, by)
        return password

    def _replace_password(self, row: UserRow, password: str, by: str) -> None:
        """An admin's new password for ``row``: temporary; whoever held the old one is out."""
        row.password_hash = _hasher.hash(password)
        row.must_change_password = True
        ended = user_queries.revoke_sessions(self.session, row.username, self.clock(), by)
        self._audit(row.username, by, "reset_password", ended_detail(ended))
        self.session.flush()

    def history(self, username: str | None = None, limit: int = 100) -> list[UserAuditEntry]:
        """The newest account changes first, of one user or of everybody."""
        statement = select(UserAuditRow).order_by(UserAuditRow.id.desc()).limit(limit)
        if username is not None:
            statement = statement.where(UserAuditRow.username == self._row(username).username)
        return [
            UserAuditEntry(r.username, r.at, r.by, r.action, r.detail)
            for r in self.session.execute(statement).scalars()
        ]

    def _row(self, username: str, fresh: bool = False) -> UserRow:
        """The user's row (``fresh``: re-read from the database, not the session's copy)."""
        name = normalize_username(username)
        row = self.session.get(UserRow, name, populate_existing=fresh)
        if row is None:
            raise NotFoundError(f"no user {username!r}")
        return row

    def _locked_row(self, username: str) -> tuple[UserRow, bool]:
        """The user's row, read after locking the active admins' rows, and whether it is
        the last active admin.

        Locking every active admin (in one order, so writers cannot deadlock) before
        reading the target makes the last-admin check see committed changes only.
        """
        statement = (
            select(UserRow.username)
            .where(UserRow.role == ADMIN, UserRow.active.is_(True))
            .order_by(UserRow.username)
            .with_for_update()
        )
        admins = set(self.session.execute(statement).scalars())
        row = self._row(username, fresh=True)
        return row, admins == {row.username}

    def _set_active(self, row: UserRow, active: bool, by: str) -> User:
        detail = None
        if not active:  # ended for good: reactivation does not revive them
            detail = ended_detail(
                user_queries.revoke_sessions(self.session, row.username, self.clock(), by)
            )
        self._audit(row.username, by, "reactivate" if active else "deactivate", detail)
        row.active = active
        self.session.flush()
        return user_model(row)

    def _audit(self, username: str, by: str, action: str, detail: str | None) -> None:
        add_audit(self.session, username, self.clock(), by, action, detail)


def add_audit(
    session: Session, username: str, at: datetime, by: str, action: str, detail: str | None
) -> None:
    """One ``user_audit`` row (``detail`` cut to the column's 64 characters)."""
    session.add(
        UserAuditRow(username=username, at=at, by=by, action=action, detail=detail and detail[:64])
    )


def ended_detail(count: int, which: str = "") -> str | None:
    """Audit detail for ``count`` sessions ended ("2 other sessions ended"); None for 0."""
    if not count:
        return None
    return f"{count} {which + ' ' if which else ''}session{'s' if count > 1 else ''} ended"


def password_problems(password: str, username: str = "") -> list[Problem]:
    """Why ``password`` may not be chosen: shorter than :data:`MIN_PASSWORD`, or guessable
    (zxcvbn, offline: common passwords, dictionary words, names, keyboard patterns, dates,
    repeats, l33t substitutions and the user's own name, scored under :data:`MIN_STRENGTH`)."""
    if len(password) < MIN_PASSWORD:
        return [Problem("password", f"must have at least {MIN_PASSWORD} characters")]
    from zxcvbn import zxcvbn

    verdict = zxcvbn(password[:100], user_inputs=[username, "dermavigil"])
    if verdict["score"] >= MIN_STRENGTH:
        return []
    feedback = verdict["feedback"]
    hints = " ".join([feedback.get("warning") or "", *feedback.get("suggestions", [])]).strip()
    return [
        Problem(
            "password",
            f"too easy to guess (strength {verdict['score']} of 4, at least {MIN_STRENGTH} "
            f"needed){': ' + hints if hints else ''}",
        )
    ]


def _last_admin(row: UserRow, refusal: str) -> ConflictError:
    return ConflictError(
        f"{refusal}: {row.username!r} is the last active admin; make another user admin first"
    )


def _role_problems(role: str) -> list[Problem]:
    if role in ROLES:
        return []
    return [Problem("role", f"must be one of {', '.join(ROLES)}", role)]
