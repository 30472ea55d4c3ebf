"""User administration: role changes, deactivation, password resets, the last-admin rule
and the user audit trail (on SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, text

from dermavigil.errors import ConflictError, InputError, NotFoundError
from dermavigil.registry import Registry, SessionService, UserService, open_registry
from dermavigil.registry.account_tables import UserAuditRow, UserRow
from dermavigil.registry.db import make_engine
from dermavigil.registry.migrate import upgrade

T0 = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


class Clock:
    """A clock that ticks one minute per reading (distinct, ordered audit times)."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def users(registry: Registry) -> Registry:
    """Two admins and a reporter, created by ``root``."""
    with registry.transaction() as session:
        service = UserService(session, clock=Clock())
        service.create("ada", "admin", "violet barge a9", by="root")
        service.create("bea", "admin", "violet barge b9", by="root")
        service.create("cy", "reporter", "violet barge c9", by="root")
    return registry


def _audit(registry: Registry) -> list[tuple[str, str, str, str | None]]:
    with registry.transaction(readonly=True) as session:
        rows = session.execute(select(UserAuditRow).order_by(UserAuditRow.id)).scalars()
        return [(r.username, r.by, r.action, r.detail) for r in rows]


def test_role_change_is_applied_and_audited(users: Registry) -> None:
    with users.transaction() as session:
        service = UserService(session)
        changed = service.set_role("CY", "assessor", by="ada")
        unchanged = service.set_role("cy", "assessor", by="ada")  # already: no audit row
    assert changed.role == unchanged.role == "assessor"
    assert _audit(users) == [
        ("ada", "root", "create", "admin"),
        ("bea", "root", "create", "admin"),
        ("cy", "root", "create", "reporter"),
        ("cy", "ada", "role", "reporter -> assessor"),
    ]
    with users.transaction(readonly=True) as session:
        assert UserService(session).get("cy").role == "assessor"


def test_bad_role_and_unknown_user_are_refused(users: Registry) -> None:
    with users.transaction() as session:
        service = UserService(session)
        with pytest.raises(InputError) as caught:
            service.set_role("cy", "superuser", by="ada")
        assert [p.location for p in caught.value.problems] == ["role"]
        for action in (service.deactivate, service.reactivate, service.reset_password):
            with pytest.raises(NotFoundError, match="no user 'dan'"):
                action("dan", by="ada")


def test_deactivated_user_cannot_sign_in_until_reactivated(users: Registry) -> None:
    with users.transaction() as session:
        token = SessionService(session).start("cy", "browser", "10.0.0.1", "Firefox 133")
    with users.transaction() as session:
        assert UserService(session).deactivate("cy", by="ada").active is False
    with users.transaction() as session:
        service = UserService(session)
        assert service.authenticate("cy", "violet barge c9") is None
        assert service.deactivate("cy", by="ada").active is False  # no-op
        assert service.reactivate("cy", by="bea").active is True
        assert service.authenticate("cy", "violet barge c9") is not None
    assert [a[1:] for a in _audit(users)[3:]] == [
        ("cy", "login", "browser from 10.0.0.1"),
        ("ada", "deactivate", "1 session ended"),
        ("bea", "reactivate", None),
    ]
    with users.transaction(readonly=True) as session:  # the deactivation ended it for good
        assert SessionService(session).resolve(token, "cy") is None
    with users.transaction(readonly=True) as session:  # nobody is ever deleted
        assert session.scalar(select(func.count()).select_from(UserRow)) == 3


def test_the_last_active_admin_stays(users: Registry) -> None:
    with users.transaction() as session:
        UserService(session).deactivate("bea", by="ada")
    with users.transaction() as session:
        service = UserService(session)
        with pytest.raises(ConflictError, match="role to assessor: 'ada' is the last active admin"):
            service.set_role("ada", "assessor", by="ada")
        with pytest.raises(ConflictError, match="deactivate the account: 'ada' is the last"):
            service.deactivate("ada", by="ada")
        assert service.set_role("ada", "admin", by="ada").role == "admin"  # no change
        # a deactivated admin does not count, and may itself be demoted
        assert service.set_role("bea", "reporter", by="ada").role == "reporter"
        service.set_role("cy", "admin", by="ada")
        assert service.deactivate("ada", by="cy").active is False
    with users.transaction(readonly=True) as session:
        admins = [u.username for u in UserService(session).list() if u.role == "admin" and u.active]
    assert admins == ["cy"]


def test_concurrent_deactivations_leave_one_admin(registry: Registry) -> None:
    """Four threads each deactivate a different admin at once: exactly one is refused."""
    names = ["adm0", "adm1", "adm2", "adm3"]
    with registry.transaction() as session:
        for name in names:
            UserService(session).create(name, "admin", "violet barge x9", by="root")
    barrier = threading.Barrier(len(names))
    outcomes: dict[str, object] = {}

    def deactivate(name: str) -> None:
        barrier.wait()
        try:
            with registry.transaction() as session:
                outcomes[name] = UserService(session).deactivate(name, by="root").active
        except ConflictError as error:
            outcomes[name] = error

    threads = [threading.Thread(target=deactivate, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    refused = [name for name, outcome in outcomes.items() if isinstance(outcome, ConflictError)]
    assert len(outcomes) == 4 and len(refused) == 1
    assert sorted(o for o in outcomes.values() if o is False) == [False] * 3
    with registry.transaction(readonly=True) as session:
        active = [u.username for u in UserService(session).list() if u.active]
    assert active == refused


def test_reset_password_returns_a_fresh_secret_once(users: Registry) -> None:
    with users.transaction() as session:
        tokens = [SessionService(session).start("cy", "token", "::1", "curl/8") for _ in "ab"]
        service = UserService(session)
        first = service.reset_password("cy", by="ada")
        second = service.reset_password("cy", by="ada")
    assert first != second and len(first) >= 16
    with users.transaction(readonly=True) as session:  # the reset ended the sessions
        assert [SessionService(session).resolve(t, "cy") for t in tokens] == [None, None]
        assert UserService(session).get("cy").must_change_password is True
    with users.transaction() as session:
        service = UserService(session)
        assert service.authenticate("cy", "violet barge c9") is None
        assert service.authenticate("cy", first) is None
        assert service.authenticate("cy", second) is not None
        stored = session.scalar(select(UserRow.password_hash).where(UserRow.username == "cy"))
    assert stored is not None and stored.startswith("$argon2id$") and second not in stored
    audit = _audit(users)[5:]
    assert audit == [("cy", "ada", "reset_password", "2 sessions ended")] + [
        ("cy", "ada", "reset_password", None)
    ]
    assert all(second not in str(row) for row in audit)


def test_history_newest_first_per_user(users: Registry) -> None:
    with users.transaction() as session:
        service = UserService(session, clock=Clock())
        service.set_role("cy", "assessor", by="ada")
        service.deactivate("bea", by="ada")
    with users.transaction(readonly=True) as session:
        service = UserService(session)
        everybody = service.history()
        cy = service.history("Cy")
        with pytest.raises(NotFoundError):
            service.history("dan")
    assert [(e.username, e.action) for e in everybody[:2]] == [
        ("bea", "deactivate"),
        ("cy", "role"),
    ]
    assert len(everybody) == 5
    assert [e.action for e in cy] == ["role", "create"]
    assert cy[0].at.tzinfo is not None and cy[0].by == "ada"


def test_users_made_before_the_admin_migrations_keep_working(db_url: str) -> None:
    """A registry at revision 0001 with a user is upgraded: no password change asked,
    audit empty, sessions and admin work."""
    engine = make_engine(db_url)
    try:
        upgrade(engine, "0001")
        with engine.begin() as connection:  # the 0001 users table: no later columns
            connection.execute(
                text(
                    "INSERT INTO users (username, role, password_hash, created_at, active)"
                    " VALUES ('old', 'admin', :hash, :at, :active)"
                ),
                {"hash": PasswordHasher().hash("violet barge o9"), "at": T0, "active": True},
            )
    finally:
        engine.dispose()
    registry = open_registry(db_url)  # migrates to head
    try:
        with registry.transaction() as session:
            service = UserService(session)
            assert service.authenticate("old", "violet barge o9") is not None
            assert service.get("old").must_change_password is False and service.history() == []
            token = SessionService(session).start("old", "browser", "127.0.0.1", "unknown")
            assert SessionService(session).resolve(token, "old") is not None
            service.create("new", "admin", "violet barge n9", by="old")
            assert service.deactivate("old", by="new").active is False
            assert SessionService(session).resolve(token, "old") is None
    finally:
        registry.close()
