"""Server-side sessions in the registry (on SQLite and PostgreSQL): start, check, list,
count, end one, end all, expiry, the 30-day purge and the audit rows they write."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from dermavigil.errors import NotFoundError
from dermavigil.registry import Registry, SessionService, UserService
from dermavigil.registry.account_tables import UserAuditRow, UserSessionRow
from dermavigil.registry.sessions import session_id

T0 = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def people(registry: Registry) -> Registry:
    with registry.transaction() as session:
        for name in ("ann", "ben"):
            UserService(session).create(name, "assessor", f"violet barge {name}9", by="root")
    return registry


def test_sessions_live_until_ended_or_expired(people: Registry, clock: Clock) -> None:
    with people.transaction() as session:
        service = SessionService(session, clock=clock)
        laptop = service.start("ANN ", "browser", "10.0.0.1", "Firefox 133 on Linux")
        script = service.start("ann", "token", "10.0.0.2", "python-httpx/0.28.1")
        bens = service.start("ben", "browser", "10.0.0.3", "Safari 17 on macOS")
    assert len({laptop, script, bens}) == 3 and all(len(t) >= 43 for t in (laptop, script))
    with people.transaction() as session:
        service = SessionService(session, clock=clock)
        user, info = service.resolve(laptop, "Ann")  # type: ignore[misc]
        assert user.username == "ann" and info.id == session_id(laptop)
        assert info.kind == "browser" and info.client_address == "10.0.0.1"
        assert service.resolve(laptop, "ben") is None  # someone else's token
        assert service.resolve("not-a-token", "ann") is None
        assert sorted(s.kind for s in service.active("ann")) == ["browser", "token"]
        assert service.open_counts() == {"ann": 2, "ben": 1}
        with pytest.raises(NotFoundError, match="no open session"):
            service.end("ben", session_id(laptop), by="ben")  # not ben's to end
        service.end("ann", session_id(laptop), by="ann")
        assert service.resolve(laptop, "ann") is None
        with pytest.raises(NotFoundError):
            service.end("ann", session_id(laptop), by="ann")  # already ended
        assert service.logout(session_id(script)) is not None
        assert service.logout(session_id(script)) is None
        assert service.active("ann") == []
    clock.now = T0 + timedelta(hours=12, seconds=1)  # Ben's lifetime is over
    with people.transaction() as session:
        service = SessionService(session, clock=clock)
        assert service.resolve(bens, "ben") is None and service.active("ben") == []
        assert service.end_all("ben", by="root") == 0  # nothing live left to end
        with pytest.raises(NotFoundError, match="no user 'cy'"):
            service.active("cy")
    with people.transaction(readonly=True) as session:
        audit = session.execute(
            select(UserAuditRow.username, UserAuditRow.action, UserAuditRow.by)
            .where(UserAuditRow.action != "create")
            .order_by(UserAuditRow.id)
        ).all()
    assert [tuple(row) for row in audit] == [
        ("ann", "login", "ann"),
        ("ann", "login", "ann"),
        ("ben", "login", "ben"),
        ("ann", "end_session", "ann"),
        ("ann", "logout", "ann"),
        ("ben", "end_sessions", "root"),
    ]


def test_end_all_keeps_one_and_old_rows_are_purged(people: Registry, clock: Clock) -> None:
    with people.transaction() as session:
        service = SessionService(session, clock=clock)
        tokens = [service.start("ann", "browser", "::1", "unknown") for _ in range(3)]
        assert service.end_all("ann", by="ann", keep=session_id(tokens[0])) == 2
        assert [s.id for s in service.active("ann")] == [session_id(tokens[0])]
        password, ended = UserService(session, clock=clock).change_own_password(
            "ann", "violet barge ann9", "quiet harbour lantern 4", keep_session=None
        )
        assert ended == 1 and password.must_change_password is False
    clock.now = T0 + timedelta(days=31)
    with people.transaction() as session:
        SessionService(session, clock=clock).start("ann", "token", "::1", "curl/8.5")
        count = session.scalar(
            select(func.count()).select_from(UserSessionRow).where(UserSessionRow.username == "ann")
        )
    assert count == 1  # the month-old rows went at this sign-in; the audit rows stay
