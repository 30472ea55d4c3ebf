"""Who is asking: signed session cookies and bearer API tokens.

Two ways to authenticate, each in the habit of datasette's
``actor_auth_cookie.py``:

- **Browser sessions**: a cookie ``dv_session`` holding ``{"u": username,
  "c": csrf_token, "s": session_token}`` signed with :mod:`itsdangerous` (HMAC-SHA1 over a
  timestamped payload; OWASP Session Management Cheat Sheet). The cookie is
  HttpOnly, SameSite=Lax, Secure when the request came over https, and
  expires after :data:`SESSION_MAX_AGE`. Anonymous visitors get a session too
  (username ``None``) so that the login form itself carries a CSRF token.
- **API clients**: ``Authorization: Bearer <token>`` where the token comes
  from ``POST /api/token`` (username + password) and is signed with a
  different salt. Bearer requests carry no ambient authority, so they need no
  CSRF token.

Both carry a session token: each sign-in, browser or API, is a server-side session
(:mod:`dermavigil.registry.sessions`) checked on every request
(:func:`dermavigil.web.deps.resolve_actor`), so logging out, "log out everywhere", a
password change, a reset or a deactivation end it at once, whatever the signature says.

The signing key is generated once (32 random bytes) into
``DERMAVIGIL_HOME/secret_key`` and reused on every start.
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

from dermavigil.domain.accounts import SESSION_LIFETIME_SECONDS
from dermavigil.errors import DermavigilError

SESSION_COOKIE = "dv_session"
SESSION_MAX_AGE = SESSION_LIFETIME_SECONDS
TOKEN_MAX_AGE = SESSION_LIFETIME_SECONDS
VERIFIED_TOKENS = 4096
"""Bearer tokens remembered as verified (:meth:`Signer.load_token`), the oldest dropped."""
SECOND_STEP_MAX_AGE = 5 * 60
"""Seconds between the password and the second-factor code of one sign-in."""
DEVICE_COOKIE = "dv_device"
DEVICE_MAX_AGE = 180 * 24 * 3600
"""A browser that signed in keeps a device cookie this long (see web.ratelimit)."""


class AuthenticationRequired(DermavigilError):
    """No valid session or token: log in first."""

    status_code = 401


@dataclass(frozen=True)
class Actor:
    """The authenticated user making a request."""

    username: str
    role: str
    via: str  # "cookie" or "token"
    session_id: str = ""  # the server-side session of this request
    must_change_password: bool = False
    needs_second_factor: bool = False  # their role requires 2FA and they have none yet


@dataclass(frozen=True)
class Session:
    """What the session cookie holds."""

    username: str | None
    csrf: str
    token: str | None = None  # the server-side session's token (None: anonymous)
    awaiting: str | None = None
    """A user who gave the right password and owes a second-factor code (not signed in)."""
    awaiting_since: int = 0  # when the password was given (Unix time)

    @staticmethod
    def anonymous() -> Session:
        """A fresh session with no user and a new CSRF token."""
        return Session(username=None, csrf=secrets.token_urlsafe(32))

    @staticmethod
    def for_user(username: str, token: str) -> Session:
        """A fresh session for ``username`` signed in as server-side session ``token``;
        the CSRF token is rotated at login."""
        return Session(username=username, csrf=secrets.token_urlsafe(32), token=token)

    @staticmethod
    def awaiting_code(username: str) -> Session:
        """An anonymous session of someone who gave ``username``'s password and must now
        give a second-factor code within :data:`SECOND_STEP_MAX_AGE`."""
        return Session(
            username=None,
            csrf=secrets.token_urlsafe(32),
            awaiting=username,
            awaiting_since=int(time.time()),
        )

    def awaiting_user(self) -> str | None:
        """The user owing a code, while the second step is still open."""
        if self.awaiting and time.time() - self.awaiting_since <= SECOND_STEP_MAX_AGE:
            return self.awaiting
        return None


def load_secret(home: Path) -> str:
    """The signing key in ``home/secret_key``, created (mode 0600, atomically) on first use."""
    path = home / "secret_key"
    if path.is_file():
        return path.read_text().strip()
    home.mkdir(parents=True, exist_ok=True)
    tmp = home / f".secret_key.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_hex(32))
    try:
        os.link(tmp, path)  # fails if another process won the race; keep theirs
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return path.read_text().strip()


class Signer:
    """Signs and verifies session cookies and API tokens with one secret, two salts."""

    def __init__(self, secret: str) -> None:
        self._session = URLSafeTimedSerializer(secret, salt="dermavigil.session")
        self._token = URLSafeTimedSerializer(secret, salt="dermavigil.api-token")
        self._device = URLSafeTimedSerializer(secret, salt="dermavigil.device")
        self._verified: dict[str, tuple[str, str, int]] = {}
        """Bearer tokens whose signature held: token -> (username, session token, signed
        at); the most recent :data:`VERIFIED_TOKENS`."""

    def dump_session(self, session: Session) -> str:
        data: dict[str, object] = {"u": session.username, "c": session.csrf, "s": session.token}
        if session.awaiting:
            data.update(a=session.awaiting, at=session.awaiting_since)
        return self._session.dumps(data)

    def load_session(self, cookie: str | None) -> Session | None:
        """The session in ``cookie``, or ``None`` when missing, forged or expired."""
        data = _signed_value(self._session, cookie, SESSION_MAX_AGE)
        if not isinstance(data, dict) or not isinstance(data.get("c"), str):
            return None
        username, token = data.get("u"), data.get("s")
        awaiting, since = data.get("a"), data.get("at")
        if isinstance(awaiting, str) and isinstance(since, int):  # between password and code
            return Session(username=None, csrf=data["c"], awaiting=awaiting, awaiting_since=since)
        if not (isinstance(username, str) and isinstance(token, str)):
            return Session(username=None, csrf=data["c"])
        return Session(username=username, csrf=data["c"], token=token)

    def issue_device(self, username: str) -> str:
        """A device cookie value: this browser signed in as ``username`` (random device id)."""
        return self._device.dumps({"u": username, "d": secrets.token_urlsafe(16)})

    def load_device(self, cookie: str | None, username: str) -> str | None:
        """The device id of ``cookie`` when it is valid and was issued to ``username``."""
        data = _signed_value(self._device, cookie, DEVICE_MAX_AGE)
        if not isinstance(data, dict) or data.get("u") != username:
            return None
        device = data.get("d")
        return device if isinstance(device, str) else None

    def issue_token(self, username: str, session_token: str) -> str:
        """A bearer token for ``username`` carrying server-side session ``session_token``."""
        return self._token.dumps({"u": username, "s": session_token})

    def load_token(self, token: str) -> tuple[str, str] | None:
        """The username and session token a bearer token was issued with, or ``None``
        when invalid or expired.

        An API client sends the same token with every request: once its signature has
        held, the token is remembered with its signing time, and later requests only
        check its age (as :mod:`itsdangerous` does: whole seconds, at most
        :data:`TOKEN_MAX_AGE`, not in the future) instead of decoding and verifying it
        again. Whether its session is still open is checked in the registry as before."""
        known = self._verified.get(token)
        if known is not None:
            age = int(time.time()) - known[2]
            return known[:2] if 0 <= age <= TOKEN_MAX_AGE else None
        try:
            data, signed_at = self._token.loads(token, max_age=TOKEN_MAX_AGE, return_timestamp=True)
        except BadSignature:
            return None
        if not isinstance(data, dict):
            return None
        username, session_token = data.get("u"), data.get("s")
        if isinstance(username, str) and isinstance(session_token, str):
            if len(self._verified) >= VERIFIED_TOKENS:
                self._verified.pop(next(iter(self._verified)), None)  # the oldest
            self._verified[token] = (username, session_token, int(signed_at.timestamp()))
            return username, session_token
        return None


def _signed_value(serializer: URLSafeTimedSerializer, cookie: str | None, max_age: int) -> Any:
    """What ``cookie`` carries, or ``None`` when it is missing, forged or older than
    ``max_age`` seconds (itsdangerous: signature and timestamp checked together)."""
    if not cookie:
        return None
    try:
        return serializer.loads(cookie, max_age=max_age)
    except BadSignature:
        return None


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer ...`` header, if any."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()
