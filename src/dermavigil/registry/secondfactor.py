"""TOTP two-factor authentication (RFC 6238 through ``pyotp``) with single-use recovery codes.

- **Enrolment**: :meth:`SecondFactorService.begin` draws a secret (160 random bits,
  :func:`pyotp.random_base32`) and returns it once with its ``otpauth://`` URI; it is not in
  force until :meth:`~SecondFactorService.confirm` receives a first valid code, which also
  returns :data:`RECOVERY_CODES` recovery codes, shown once and stored only as HMACs.
- **Verification** (:meth:`~SecondFactorService.verify`): a 6-digit code of the current
  30-second step or one step either side (clock drift); the step of an accepted code is kept
  and a code of that step or an older one is refused (RFC 6238 sec. 5.2: "the verifier MUST
  NOT accept the second attempt of the OTP after the successful validation"). A recovery
  code signs in once. Codes are compared in constant time.
- **Disable** needs the password and a code; an admin's **reset** (``users reset-2fa``)
  removes the factor and its codes, so the user enrols again at the next sign-in.

The secret must be readable by the server to compute codes, so it cannot be hashed: it is
encrypted (Fernet: AES-128-CBC + HMAC-SHA-256, ``cryptography``) with a key kept in
``DERMAVIGIL_HOME/totp_key`` (mode 0600), outside the database, and never shown again after
enrolment. A copy of the database alone (a backup, an SQL dump, a read-only SQL injection)
yields neither the secrets nor the recovery codes; whoever holds the key file *and* the
database can compute codes. Recovery codes are HMAC-SHA-256 keyed from the same file.
Like the other services, this one never commits.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from dermavigil.domain.accounts import normalize_username
from dermavigil.errors import ConflictError, InputError, NotFoundError, Problem
from dermavigil.registry.security_tables import RecoveryCodeRow, UserTotpRow
from dermavigil.registry.service import utcnow
from dermavigil.registry.users import add_audit

ISSUER = "dermavigil"
RECOVERY_CODES = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i look-alikes
RECOVERY_LENGTH = 12  # 12 of 31 symbols: 59 bits, as xxxx-xxxx-xxxx
VALID_WINDOW = 1  # steps either side of now (30 s each) accepted for clock drift
KEY_FILE = "totp_key"
_TOTP_CODE = re.compile(r"^\d{6}$")


class SecondFactorKeys:
    """The Fernet key that encrypts TOTP secrets and keys the recovery-code HMACs."""

    def __init__(self, key: bytes) -> None:
        from cryptography.fernet import Fernet

        self._fernet = Fernet(key)
        self._pepper = hashlib.sha256(b"dermavigil recovery codes\0" + key).digest()

    @classmethod
    def load(cls, home: Path) -> SecondFactorKeys:
        """The key in ``home/totp_key``, created (0600, atomically) on first use."""
        from cryptography.fernet import Fernet

        path = home / KEY_FILE
        if not path.is_file():
            home.mkdir(parents=True, exist_ok=True)
            tmp = home / f".{KEY_FILE}.{os.getpid()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(Fernet.generate_key())
            try:
                os.link(tmp, path)  # another process won the race: keep theirs
            except FileExistsError:
                pass
            finally:
                tmp.unlink()
        return cls(path.read_bytes().strip())

    def encrypt(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def decrypt(self, token: str) -> str:
        from cryptography.fernet import InvalidToken

        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            raise ConflictError(
                f"the TOTP secret cannot be decrypted with {KEY_FILE} (was the key file "
                "replaced?): an admin must reset this user's two-factor authentication"
            ) from None

    def code_hash(self, username: str, code: str) -> str:
        message = f"{username}\0{normalize_recovery_code(code)}".encode()
        return hmac.new(self._pepper, message, hashlib.sha256).hexdigest()


def normalize_recovery_code(code: str) -> str:
    """A recovery code as typed (any case, spaces or dashes) in its stored form."""
    return re.sub(r"[\s\-]", "", code).lower()


@dataclass(frozen=True)
class Enrolment:
    """A secret to enter into an authenticator app (shown once), and its URI (QR code)."""

    secret: str
    uri: str


@dataclass(frozen=True)
class SecondFactorStatus:
    enabled: bool
    pending: bool
    enabled_at: datetime | None
    recovery_codes_left: int


class SecondFactorService:
    """Enrol, verify, disable and reset a user's TOTP second factor."""

    def __init__(
        self,
        session: Session,
        keys: SecondFactorKeys | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.session = session
        self._keys = keys
        self.clock = clock or (lambda: utcnow())  # looked up per call (tests move time)

    @property
    def keys(self) -> SecondFactorKeys:
        if self._keys is None:
            raise RuntimeError("SecondFactorService needs the keys (SecondFactorKeys.load)")
        return self._keys

    def enabled(self, username: str) -> bool:
        """Whether ``username`` signs in with a second factor (a cheap primary-key look-up)."""
        found = self.session.execute(
            select(UserTotpRow.enabled_at).where(UserTotpRow.username == username)
        ).first()
        return found is not None and found[0] is not None

    def status(self, username: str) -> SecondFactorStatus:
        name = normalize_username(username)
        row = self.session.get(UserTotpRow, name)
        left = self.session.execute(
            select(func.count(RecoveryCodeRow.id)).where(
                RecoveryCodeRow.username == name, RecoveryCodeRow.used_at.is_(None)
            )
        ).scalar_one()
        enabled = row is not None and row.enabled_at is not None
        return SecondFactorStatus(
            enabled=enabled,
            pending=row is not None and not enabled,
            enabled_at=row.enabled_at if row else None,
            recovery_codes_left=left if enabled else 0,
        )

    def begin(self, username: str, issuer: str = ISSUER) -> Enrolment:
        """A new secret for ``username`` (replacing an unconfirmed one); 409 when a second
        factor is already enabled (disable it first)."""
        import pyotp

        name = normalize_username(username)
        row = self._locked(name)
        if row is not None and row.enabled_at is not None:
            raise ConflictError(f"{name!r} already has two-factor authentication; disable it first")
        secret = pyotp.random_base32()
        if row is None:
            row = UserTotpRow(username=name, secret="", created_at=self.clock())
            self.session.add(row)
        row.secret, row.created_at, row.last_step = self.keys.encrypt(secret), self.clock(), None
        self.session.flush()
        return Enrolment(secret, _uri(secret, name, issuer))

    def pending(self, username: str, issuer: str = ISSUER) -> Enrolment:
        """The secret of an enrolment still waiting for its first code (for its QR code);
        404 once it is confirmed: an enabled secret is never returned."""
        name = normalize_username(username)
        row = self.session.get(UserTotpRow, name)
        if row is None or row.enabled_at is not None:
            raise NotFoundError(f"no two-factor enrolment in progress for {name!r}")
        secret = self.keys.decrypt(row.secret)
        return Enrolment(secret, _uri(secret, name, issuer))

    def confirm(self, username: str, code: str) -> list[str]:
        """Enable the pending factor with its first valid code; returns the recovery codes
        (shown once, stored as HMACs)."""
        name = normalize_username(username)
        row = self._locked(name)
        if row is None or row.enabled_at is not None:
            raise ConflictError(f"no two-factor enrolment in progress for {name!r}: start one")
        if not self._totp_ok(row, code):
            raise InputError(
                "cannot enable two-factor authentication",
                [Problem("code", "is not the current code of the authenticator app")],
            )
        row.enabled_at = self.clock()
        add_audit(self.session, name, row.enabled_at, name, "enable_2fa", None)
        codes = self._new_recovery_codes(name)
        self.session.flush()
        return codes

    def verify(self, username: str, code: str) -> str | None:
        """``"totp"`` or ``"recovery"`` when ``code`` is accepted (the step is kept, a
        recovery code is used up), ``None`` when it is wrong, replayed or used."""
        name = normalize_username(username)
        row = self._locked(name)
        if row is None or row.enabled_at is None:
            return None
        text = code.strip().replace(" ", "")
        if _TOTP_CODE.match(text):
            return "totp" if self._totp_ok(row, text) else None
        found = self.session.execute(
            select(RecoveryCodeRow)
            .where(
                RecoveryCodeRow.code_hash == self.keys.code_hash(name, text),
                RecoveryCodeRow.username == name,
                RecoveryCodeRow.used_at.is_(None),
            )
            .with_for_update()
        ).scalar_one_or_none()
        if found is None:
            return None
        found.used_at = self.clock()
        self.session.flush()
        return "recovery"

    def new_recovery_codes(self, username: str) -> list[str]:
        """Replace every recovery code of an enabled factor with new ones (shown once)."""
        name = normalize_username(username)
        if not self.enabled(name):
            raise ConflictError(f"{name!r} has no two-factor authentication")
        codes = self._new_recovery_codes(name)
        self.session.flush()
        return codes

    def remove(self, username: str, by: str) -> bool:
        """Remove the factor and its recovery codes: the user's own disable (after its
        checks) or someone else's reset, in the user audit trail; whether there was one."""
        name = normalize_username(username)
        action = "disable_2fa" if normalize_username(by) == name else "reset_2fa"
        self.session.execute(delete(RecoveryCodeRow).where(RecoveryCodeRow.username == name))
        gone = self.session.execute(delete(UserTotpRow).where(UserTotpRow.username == name))
        if gone.rowcount:
            add_audit(self.session, name, self.clock(), by, action, None)
        return bool(gone.rowcount)

    def _locked(self, name: str) -> UserTotpRow | None:
        return self.session.execute(
            select(UserTotpRow).where(UserTotpRow.username == name).with_for_update()
        ).scalar_one_or_none()

    def _totp_ok(self, row: UserTotpRow, code: str) -> bool:
        """Whether ``code`` is the code of a step within the window after the last one
        accepted; the step is then kept (a replay of it is refused)."""
        import pyotp

        text = code.strip().replace(" ", "")
        if not _TOTP_CODE.match(text):
            return False
        totp = pyotp.TOTP(self.keys.decrypt(row.secret))
        now = totp.timecode(self.clock())
        matched = None
        for step in range(now - VALID_WINDOW, now + VALID_WINDOW + 1):
            if hmac.compare_digest(totp.generate_otp(step), text) and matched is None:
                matched = step
        if matched is None or (row.last_step is not None and matched <= row.last_step):
            return False
        row.last_step = matched
        self.session.flush()
        return True

    def _new_recovery_codes(self, name: str) -> list[str]:
        self.session.execute(delete(RecoveryCodeRow).where(RecoveryCodeRow.username == name))
        codes = []
        for _ in range(RECOVERY_CODES):
            raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
            codes.append("-".join(raw[i : i + 4] for i in range(0, RECOVERY_LENGTH, 4)))
        self.session.add_all(
            RecoveryCodeRow(username=name, code_hash=self.keys.code_hash(name, c)) for c in codes
        )
        return codes


def _uri(secret: str, name: str, issuer: str) -> str:
    import pyotp

    return pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name=issuer)
