"""The SQL of user accounts: add, read and list users, count the active admins, end a
user's sessions. Nothing here commits; the caller owns the transaction (the services of
:mod:`dermavigil.registry.users` and :mod:`dermavigil.registry.sessions`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dermavigil.domain.accounts import SESSION_LIFETIME_SECONDS
from dermavigil.errors import ConflictError
from dermavigil.registry.account_tables import UserRow, UserSessionRow


def add_user(session: Session, user: UserRow) -> None:
    """Insert ``user`` in a savepoint; a taken user name raises ConflictError."""
    nested = session.begin_nested()
    try:
        session.add(user)
        session.flush()
    except IntegrityError as exc:
        nested.rollback()
        raise ConflictError(f"user {user.username!r} already exists") from exc
    nested.commit()


def get_user(session: Session, username: str) -> UserRow | None:
    return session.get(UserRow, username)


def list_users(session: Session) -> list[UserRow]:
    return list(session.execute(select(UserRow).order_by(UserRow.username)).scalars())


def count_admins(session: Session) -> int:
    statement = select(func.count()).where(UserRow.role == "admin", UserRow.active.is_(True))
    return session.execute(statement).scalar_one()


def revoke_sessions(
    session: Session, username: str, at: datetime, by: str, keep: str | None = None
) -> int:
    """End every live session of ``username`` (but the one whose id is ``keep``); how many."""
    statement = (
        update(UserSessionRow)
        .where(
            UserSessionRow.username == username,
            UserSessionRow.revoked_at.is_(None),
            UserSessionRow.created_at > at - timedelta(seconds=SESSION_LIFETIME_SECONDS),
        )
        .values(revoked_at=at, revoked_by=by)
    )
    if keep is not None:
        statement = statement.where(UserSessionRow.id != keep)
    return session.execute(statement, execution_options={"synchronize_session": False}).rowcount
