"""ASGI middleware that reads the session cookie or bearer token into ``request.state``.

After it runs, ``request.state`` holds:

- ``session``: the :class:`~dermavigil.web.auth.Session` (a fresh anonymous
  one when the cookie is missing, forged or expired);
- ``session_from_cookie``: whether that session came from a valid cookie;
- ``bearer``: whether the request authenticated with a bearer token, and
  ``token_user`` and ``token_epoch`` the username and session epoch it was
  issued with.

A handler that logs in or out replaces ``request.state.session``; the
middleware then writes the new cookie (HttpOnly, SameSite=Lax, Secure over
https). Bearer requests never receive a cookie. A plain ASGI middleware (not
Starlette's ``BaseHTTPMiddleware``) so that it adds no task or stream per request.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dermavigil.web.auth import SESSION_COOKIE, SESSION_MAX_AGE, Session, Signer, bearer_token

BEARER_SESSION = Session(username=None, csrf="")
"""The session of every bearer-token request: anonymous, and with an empty CSRF token that
no submitted token can match (:func:`dermavigil.web.csrf.check_csrf` refuses an empty one)."""


class SessionMiddleware:
    """Resolve the session or token; write the cookie back when it is new or changed."""

    def __init__(self, app: ASGIApp, signer: Signer) -> None:
        self.app = app
        self.signer = signer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        state = connection.state  # shared with the Request the endpoint sees
        token = bearer_token(connection.headers.get("authorization"))
        state.bearer = token is not None
        claims = self.signer.load_token(token) if token else None
        state.token_user, state.token_epoch = claims or (None, -1)
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
