"""ASGI middleware that reads the session cookie or bearer token into ``request.state``.

After it runs, ``request.state`` holds:

- ``session``: the :class:`~dermavigil.web.auth.Session` (a fresh anonymous
  one when the cookie is missing, forged or expired);
- ``session_from_cookie``: whether that session came from a valid cookie;
- ``bearer``: whether the request authenticated with a bearer token, and
  ``token_user`` and ``token_session`` the username and server-side session token it
  was issued with.

A handler that logs in or out replaces ``request.state.session``; the
middleware then writes the new cookie (HttpOnly, SameSite=Lax, Secure over
https). Bearer requests never receive a cookie. After the response, the session's
"last seen" time is written to the registry, at most once a minute per session and
worker (:data:`LAST_SEEN_EVERY`), so that reads cost no write. A plain ASGI middleware
(not Starlette's ``BaseHTTPMiddleware``) so that it adds no task or stream per request.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dermavigil.web.auth import SESSION_COOKIE, SESSION_MAX_AGE, Session, Signer, bearer_token

BEARER_SESSION = Session(username=None, csrf="")
"""The session of every bearer-token request: anonymous, and with an empty CSRF token that
no submitted token can match (:func:`dermavigil.web.csrf.check_csrf` refuses an empty one)."""
LAST_SEEN_EVERY = 60.0
"""Seconds between two writes of a session's "last seen" time (per worker)."""
_SEEN_KEPT = 10_000
log = logging.getLogger(__name__)


class SessionMiddleware:
    """Resolve the session or token; write the cookie back when it is new or changed."""

    def __init__(self, app: ASGIApp, signer: Signer) -> None:
        self.app = app
        self.signer = signer
        self._seen: dict[str, float] = {}  # session token -> when last seen was written

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        state = connection.state  # shared with the Request the endpoint sees
        token = bearer_token(connection.headers.get("authorization"))
        state.bearer = token is not None
        claims = self.signer.load_token(token) if token else None
        state.token_user, state.token_session = claims or (None, None)
        cookie = connection.cookies.get(SESSION_COOKIE)
        loaded = None if token else self.signer.load_session(cookie)
        state.session_from_cookie = loaded is not None
        # a bearer request never gets a cookie nor a CSRF check: no random token to draw
        original = loaded or (BEARER_SESSION if token else Session.anonymous())
        state.session = original
        secure = connection.url.scheme == "https"

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and token is None:
                current: Session = state.session
                if loaded is None or current != original:
                    cookie_header = Response()
                    cookie_header.set_cookie(
                        SESSION_COOKIE,
                        self.signer.dump_session(current),
                        max_age=SESSION_MAX_AGE,
                        httponly=True,
                        samesite="lax",
                        secure=secure,
                        path="/",
                    )
                    headers = MutableHeaders(scope=message)
                    headers.append("set-cookie", cookie_header.headers["set-cookie"])
            await send(message)

        await self.app(scope, receive, send_with_cookie)
        used = state.token_session if token else (loaded.token if loaded else None)
        if used and self._due(used):
            await run_in_threadpool(_touch, scope["app"].state.registry, used)

    def _due(self, session_token: str) -> bool:
        """Whether this session's last-seen time is due for a write (and note it written)."""
        now = time.monotonic()
        if now - self._seen.get(session_token, -LAST_SEEN_EVERY) < LAST_SEEN_EVERY:
            return False
        if len(self._seen) >= _SEEN_KEPT:
            self._seen.clear()
        self._seen[session_token] = now
        return True


def _touch(registry: Any, session_token: str) -> None:
    """Write the session's last-seen time; a failure is logged (the answer has gone)."""
    from dermavigil.registry import SessionService

    try:
        with registry.transaction() as session:
            SessionService(session).touch(session_token)
    except Exception:  # noqa: BLE001 - never fail a request that was already answered
        log.warning("could not record a session's last-seen time", exc_info=True)
