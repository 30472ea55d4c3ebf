"""Cross-site request forgery protection (synchroniser token pattern).

Every session carries a random token (see :mod:`dermavigil.web.auth`). A
state-changing request (POST, PUT, PATCH, DELETE) authenticated by the
session cookie must echo it, either in the ``X-CSRF-Token`` header (API calls
from scripts in the page) or in the ``csrf_token`` form field (HTML forms).
Requests authenticated by a bearer token carry no ambient authority and are
exempt, as is ``POST /api/token`` which authenticates by its own body
(OWASP CSRF Prevention Cheat Sheet, "Synchronizer Token Pattern"). An ``/api`` write with
neither a bearer token nor a session cookie has no credentials at all: 401 with
``WWW-Authenticate: Bearer`` (RFC 6750), not a CSRF refusal.
"""

from __future__ import annotations

import hmac

from starlette.requests import Request

from dermavigil.errors import PermissionDenied
from dermavigil.web.auth import AuthenticationRequired
from dermavigil.web.deps import LOGIN_FIRST

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
HEADER = "x-csrf-token"
FORM_FIELD = "csrf_token"
EXEMPT_PATHS = frozenset({"/api/token"})
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


async def submitted_token(request: Request) -> str | None:
    """The token the request echoes, from its header or its form body."""
    header = request.headers.get(HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(_FORM_TYPES):
        form = await request.form()  # Starlette caches it for the endpoint
        value = form.get(FORM_FIELD)
        return value if isinstance(value, str) else None
    return None


async def check_csrf(request: Request) -> None:
    """Refuse (403) a cookie-authenticated write whose CSRF token is missing or wrong."""
    if request.method in SAFE_METHODS or request.url.path in EXEMPT_PATHS:
        return
    if getattr(request.state, "bearer", False):
        return
    session = getattr(request.state, "session", None)
    from_cookie = session is not None and getattr(request.state, "session_from_cookie", False)
    if request.url.path.startswith("/api/") and not (from_cookie and session.username):
        raise AuthenticationRequired(LOGIN_FIRST)  # no credentials: 401 + WWW-Authenticate
    if not from_cookie:
        raise PermissionDenied("CSRF check failed: no session cookie; reload the page")
    sent = await submitted_token(request)
    if not sent or not hmac.compare_digest(sent, session.csrf):
        raise PermissionDenied("CSRF check failed: the form's token is missing or stale")
