"""ASGI middleware that reads the session cookie or bearer token into ``request.state``.

After it runs, ``request.state`` holds:

- ``session``: the :class:`~dermavigil.web.auth.Session` (a fresh anonymous
  one when the cookie is missing, forged or expired);
- ``session_from_cookie``: whether that session came from a valid cookie;
- ``bearer``: whether the request authenticated with a bearer token, and
  ``token_user`` the username it was issued to.

A handler that logs in or out replaces ``request.state.session``; the
middleware then writes the new cookie (HttpOnly, SameSite=Lax, Secure over
https). Bearer requests never receive a cookie.
"""

from __future__ import annotations

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp

from dermavigil.web.auth import SESSION_COOKIE, SESSION_MAX_AGE, Session, Signer, bearer_token


class SessionMiddleware(BaseHTTPMiddleware):
    """Resolve the session or token; write the cookie back when it is new or changed."""

    def __init__(self, app: ASGIApp, signer: Signer) -> None:
        super().__init__(app)
        self.signer = signer

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        token = bearer_token(request.headers.get("authorization"))
        request.state.bearer = token is not None
        request.state.token_user = self.signer.load_token(token) if token else None
        loaded = None if token else self.signer.load_session(request.cookies.get(SESSION_COOKIE))
        request.state.session_from_cookie = loaded is not None
        original = loaded or Session.anonymous()
        request.state.session = original
        response = await call_next(request)
        current: Session = request.state.session
        if token is None and (loaded is None or current != original):
            response.set_cookie(
                SESSION_COOKIE,
                self.signer.dump_session(current),
                max_age=SESSION_MAX_AGE,
                httponly=True,
                samesite="lax",
                secure=request.url.scheme == "https",
                path="/",
            )
        return response
