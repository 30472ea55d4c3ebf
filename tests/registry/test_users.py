"""Users: argon2id hashes, authentication, roles, the first admin."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dermavigil.errors import ConflictError, InputError, NotFoundError
from dermavigil.registry import Registry, UserService
from dermavigil.registry.account_tables import UserRow


def test_create_and_authenticate(registry: Registry) -> None:
    with registry.transaction() as session:
        user = UserService(session).create("Alice", "assessor", "correct horse")
    assert (user.username, user.role, user.active) == ("alice", "assessor", True)
    with registry.transaction() as session:
        service = UserService(session)
        stored_hash = session.scalar(select(UserRow.password_hash))
        assert service.authenticate("ALICE", "correct horse") == user
        assert service.authenticate("alice", "wrong horse") is None
        assert service.authenticate("nobody", "correct horse") is None
        assert service.get("alice") == user
        assert [u.username for u in service.list()] == ["alice"]
    assert stored_hash is not None and stored_hash.startswith("$argon2id$")
    assert "correct horse" not in stored_hash


def test_inactive_user_cannot_sign_in(registry: Registry) -> None:
    with registry.transaction() as session:
        UserService(session).create("bob", "reporter", "violet barge 19")
        session.get(UserRow, "bob").active = False  # type: ignore[union-attr]
    with registry.transaction() as session:
        assert UserService(session).authenticate("bob", "violet barge 19") is None


def test_bad_users_are_refused_with_every_problem(registry: Registry) -> None:
    with registry.transaction() as session:
        service = UserService(session)
        with pytest.raises(InputError) as caught:
            service.create("no spaces allowed", "superuser", "short")
        assert [p.location for p in caught.value.problems] == ["username", "role", "password"]
        service.create("carol", "admin", "violet barge 19")
        with pytest.raises(ConflictError, match="already exists"):
            service.create("Carol", "reporter", "violet barge 29")
        with pytest.raises(NotFoundError):
            service.get("dave")
        assert [u.username for u in service.list()] == ["carol"]


def test_first_admin_is_created_once(registry: Registry) -> None:
    with registry.transaction() as session:
        password = UserService(session).ensure_admin()
    assert password and len(password) >= 12
    with registry.transaction() as session:
        service = UserService(session)
        admin = service.authenticate("admin", password)
        assert admin is not None and admin.role == "admin"
        assert service.ensure_admin() is None
