"""Users and roles: argon2id password hashes, a first admin on first run.

Passwords are hashed with argon2id (RFC 9106) through ``argon2-cffi``'s
:class:`~argon2.PasswordHasher` with its default parameters; a hash made with
older parameters is upgraded at the next successful sign-in. A failed look-up
still spends one verification, so response time does not reveal whether a
user name exists. Like :class:`~dermavigil.registry.service.CaseService`, the
service never commits.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from dermavigil.errors import InputError, NotFoundError, Problem
from dermavigil.registry import repository as repo
from dermavigil.registry.models import User
from dermavigil.registry.service import utcnow
from dermavigil.registry.tables import ROLES, UserRow

USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
MIN_PASSWORD = 8
ADMIN = "admin"

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("dermavigil: no such user")


def _public(row: UserRow) -> User:
    return User(
        username=row.username,
        role=row.role,  # type: ignore[arg-type]
        created_at=row.created_at,
        active=row.active,
    )


class UserService:
    """Create, find and authenticate users."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = utcnow) -> None:
        self.session = session
        self.clock = clock

    def create(self, username: str, role: str, password: str) -> User:
        """A new active user; the name is case-folded."""
        name = username.strip().lower()
        problems = []
        if not USERNAME.match(name):
            problems.append(
                Problem(
                    "username",
                    "use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                    username,
                )
            )
        if role not in ROLES:
            problems.append(Problem("role", f"must be one of {', '.join(ROLES)}", role))
        if len(password) < MIN_PASSWORD:
            problems.append(Problem("password", f"must have at least {MIN_PASSWORD} characters"))
        if problems:
            raise InputError("cannot create the user", problems)
        row = UserRow(
            username=name,
            role=role,
            password_hash=_hasher.hash(password),
            created_at=self.clock(),
            active=True,
        )
        repo.add_user(self.session, row)
        return _public(row)

    def authenticate(self, username: str, password: str) -> User | None:
        """The user if the password is right and the account active, else None."""
        row = repo.get_user(self.session, username.strip().lower())
        try:
            _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None or not row.active:
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
            self.session.flush()
        return _public(row)

    def get(self, username: str) -> User:
        row = repo.get_user(self.session, username.strip().lower())
        if row is None:
            raise NotFoundError(f"no user {username!r}")
        return _public(row)

    def list(self) -> list[User]:
        return [_public(row) for row in repo.list_users(self.session)]

    def ensure_admin(self) -> str | None:
        """Create ``admin`` with a random one-time password if no admin exists.

        Returns that password (to show once), or None when an admin exists.
        """
        if repo.count_admins(self.session) > 0:
            return None
        password = secrets.token_urlsafe(12)
        self.create(ADMIN, "admin", password)
        return password
