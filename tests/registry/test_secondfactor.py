"""TOTP second factor in the registry: enrolment confirmed by a first code, replayed and
stale codes refused, recovery codes single-use and stored as HMACs, the secret encrypted
and never returned once enabled, reset by an admin (SQLite and PostgreSQL)."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyotp
import pytest
from sqlalchemy import select

from dermavigil.errors import ConflictError, InputError, NotFoundError
from dermavigil.registry import UserService
from dermavigil.registry.secondfactor import SecondFactorKeys, SecondFactorService
from dermavigil.registry.security_tables import RecoveryCodeRow, UserTotpRow

PASSWORD = "correct horse battery"
T0 = datetime(2026, 12, 5, 4, 30, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def keys(tmp_path: Path) -> SecondFactorKeys:
    return SecondFactorKeys.load(tmp_path / "home")


def _service(session, keys, clock):  # type: ignore[no-untyped-def]
    return SecondFactorService(session, keys, clock)


def test_enrol_confirm_verify_replay_and_recovery(registry, keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    with registry.transaction() as session:
        UserService(session).create("alice", "assessor", PASSWORD)
        enrolment = _service(session, keys, clock).begin("Alice")
    assert enrolment.uri.startswith("otpauth://totp/dermavigil:alice?secret=")
    assert enrolment.secret in enrolment.uri
    totp = pyotp.TOTP(enrolment.secret)
    with registry.transaction() as session:
        stored = session.get(UserTotpRow, "alice")
        assert enrolment.secret not in stored.secret  # encrypted, not in clear
        service = _service(session, keys, clock)
        assert not service.enabled("alice") and service.status("alice").pending
        assert service.verify("alice", totp.at(clock.now)) is None  # not enabled yet
        with pytest.raises(InputError, match="cannot enable"):
            service.confirm("alice", "000000" if totp.at(clock.now) != "000000" else "111111")
    with registry.transaction() as session:
        codes = _service(session, keys, clock).confirm("alice", totp.at(clock.now))
    assert len(codes) == 10 and len(set(codes)) == 10
    with registry.transaction() as session:
        hashes = set(session.execute(select(RecoveryCodeRow.code_hash)).scalars())
        assert not {c.replace("-", "") for c in codes} & hashes  # only HMACs are stored
        service = _service(session, keys, clock)
        assert service.enabled("alice")
        with pytest.raises(NotFoundError):
            service.pending("alice")  # the secret is never returned once enabled
        with pytest.raises(ConflictError):
            service.begin("alice")
        # the code that confirmed the enrolment is spent: a replay is refused
        assert service.verify("alice", totp.at(clock.now)) is None
        clock.now += timedelta(seconds=30)
        assert service.verify("alice", totp.at(clock.now)) == "totp"
        assert service.verify("alice", totp.at(clock.now)) is None  # replay
        assert service.verify("alice", totp.at(clock.now - timedelta(seconds=30))) is None
        clock.now += timedelta(seconds=95)
        assert service.verify("alice", totp.at(clock.now - timedelta(seconds=60))) is None
        assert service.verify("alice", totp.at(clock.now + timedelta(seconds=30))) == "totp"
        assert service.verify("alice", codes[0].upper().replace("-", " ")) == "recovery"
        assert service.verify("alice", codes[0]) is None  # single use
        assert service.verify("bob", codes[1]) is None
        assert service.status("alice").recovery_codes_left == 9
        fresh = service.new_recovery_codes("alice")
        assert service.verify("alice", codes[1]) is None and service.verify("alice", fresh[0])
        assert service.remove("alice", by="root") and not service.enabled("alice")
        assert service.status("alice").recovery_codes_left == 0
    mode = stat.S_IMODE((tmp_path / "home" / "totp_key").stat().st_mode)
    assert mode == 0o600


def test_a_replaced_key_file_is_a_clear_error(registry, keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    with registry.transaction() as session:
        UserService(session).create("alice", "admin", PASSWORD)
        enrolment = _service(session, keys, clock).begin("alice")
        _service(session, keys, clock).confirm("alice", pyotp.TOTP(enrolment.secret).at(T0))
    other = SecondFactorKeys.load(tmp_path / "elsewhere")
    with registry.transaction() as session, pytest.raises(ConflictError, match="totp_key"):
        _service(session, other, clock).verify("alice", "123456")
