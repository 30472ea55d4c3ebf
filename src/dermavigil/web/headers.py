"""Security headers on every response (OWASP Secure Headers Project, HTTP Headers Cheat Sheet).

- ``Content-Security-Policy``: only this origin's scripts, styles, images (plus ``data:``
  images, which the Swagger UI stylesheet uses), no plugins, no ``<base>``, forms posting
  only here, and ``frame-ancestors 'none'`` so no other site can frame a page (clickjacking
  of the override, retract and user forms). There is no ``'unsafe-inline'``: the templates
  carry no inline ``<script>``, ``<style>``, ``style=""`` or ``on*=`` handler (checked by
  ``tests/web/test_security_headers.py`` and, in Chromium, by ``tests/web/test_browser.py``).
- ``X-Frame-Options: DENY`` for browsers that predate ``frame-ancestors``.
- ``X-Content-Type-Options: nosniff``; ``Referrer-Policy: no-referrer`` (case ids in URLs
  never leave in a ``Referer``); ``Cross-Origin-Opener-Policy: same-origin``.
- ``Cache-Control: no-store`` on every response outside ``/static``: pages and API answers
  carry case data (health data), which no browser or proxy cache may keep. Static assets
  keep their validators (ETag / Last-Modified) and stay cacheable.

A plain ASGI middleware (like :mod:`dermavigil.web.session`): it only appends headers to
``http.response.start`` and leaves the body stream alone. A header an endpoint already set
(for instance a stricter ``Cache-Control``) is kept.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}

NO_STORE = "no-store"
CACHEABLE_PREFIX = "/static/"


class SecurityHeadersMiddleware:
    """Add :data:`SECURITY_HEADERS` to every HTTP response, and ``no-store`` outside /static."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cacheable = scope["path"].startswith(CACHEABLE_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                if not cacheable and "cache-control" not in headers:
                    headers["Cache-Control"] = NO_STORE
            await send(message)

        await self.app(scope, receive, send_with_headers)
