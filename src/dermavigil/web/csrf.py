"""Cross-site request forgery protection (synchroniser token pattern).

Every session carries a random token (see :mod:`dermavigil.web.auth`). A
state-changing request (POST, PUT, PATCH, DELETE) authenticated by the
session cookie must echo it, either in the ``X-CSRF-Token`` header (API calls
from scripts in the page) or in the ``csrf_token`` form field (HTML forms).
Requests authenticated by a bearer token carry no ambient authority and are
exempt, as is ``POST /api/token`` which authenticates by its own body
(OWASP CSRF Prevention Cheat Sheet, "Synchronizer Token Pattern").
"""

from __future__ import annotations

import hmac

from starlette.requests import Request

from dermavigil.errors import PermissionDenied

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
    if session is None or not getattr(request.state, "session_from_cookie", False):
        raise PermissionDenied("CSRF check failed: no session cookie; reload the page")
    sent = await submitted_token(request)
    if not sent or not hmac.compare_digest(sent, session.csrf):
        raise PermissionDenied("CSRF check failed: the form's token is missing or stale")
