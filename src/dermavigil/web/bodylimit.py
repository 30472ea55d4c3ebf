"""Request body limits enforced before anything parses the body (issue 12, probe 2).

Without a limit, six concurrent 100 MB POSTs to ``/api/token`` were read and parsed in
full (server RSS 1.1 -> 3.0 GB), and a 50 MB multipart POST to ``/login`` was spooled to
disk before the CSRF check refused it. This plain ASGI middleware refuses with **413**:

- at once, without reading a byte, when ``Content-Length`` is over the limit;
- while the body streams in (chunked uploads, or a lying ``Content-Length``), as soon as
  the bytes received pass the limit: the endpoint's JSON or form parser gets an error
  instead of more bytes, and its answer is replaced by the 413.

Limits (:class:`~dermavigil.settings.Settings`): ``max_body_bytes`` for every request
(JSON, forms, multipart; default 2 MiB, ``DERMAVIGIL_MAX_BODY_BYTES``), and the larger
``max_upload_bytes`` (default 1 GiB, ``DERMAVIGIL_MAX_UPLOAD_BYTES``) only for the import
upload paths (:data:`UPLOAD_PATHS`) *and* only when the request is signed in (a session with
a user, or a bearer token; the role is checked by the endpoint). Upload files are streamed
to disk by Starlette's multipart parser (spooled to a temporary file past 1 MB), so the cap
bounds the disk, not the memory, an upload can take.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

UPLOAD_PATHS = frozenset({"/api/imports", "/imports", "/drafts/import"})


class _TooLarge(Exception):
    """Raised into the endpoint's body reader when the body passes the limit."""


def _signed_in(scope: Scope) -> bool:
    state: dict[str, Any] = scope.get("state") or {}
    if state.get("bearer"):
        return bool(state.get("token_user"))
    session = state.get("session")
    return bool(getattr(session, "username", None)) and bool(state.get("session_from_cookie"))


def _message(limit: int, setting: str) -> str:
    return (
        f"request body too large: this server accepts at most {limit:,} bytes here "
        f"({setting}); send a smaller request"
    )


class BodyLimitMiddleware:
    """Refuse (413) request bodies over the limit before or while they are read."""

    def __init__(self, app: ASGIApp, max_body: int, max_upload: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_upload = max_upload

    def _limit(self, scope: Scope) -> tuple[int, str]:
        if scope["path"] in UPLOAD_PATHS and _signed_in(scope):
            return self.max_upload, "DERMAVIGIL_MAX_UPLOAD_BYTES"
        return self.max_body, "DERMAVIGIL_MAX_BODY_BYTES"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, setting = self._limit(scope)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(scope, send, _message(limit, setting))
            return
        received = 0
        over = False
        started = False

        async def limited_receive() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over:  # the endpoint's own answer to the cut-off body is replaced
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _TooLarge:
            pass
        except Exception:
            if not over:
                raise
        if over and not started:
            await _refuse(scope, send, _message(limit, setting))


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(scope: Scope, send: Send, detail: str) -> None:
    """A 413 answer: an RFC 9457 problem document for /api, plain text for pages."""
    if scope["path"].startswith("/api"):
        body = json.dumps(
            {"title": "PayloadTooLarge", "status": 413, "detail": detail, "problems": []}
        ).encode()
        media = b"application/problem+json"
    else:
        body, media = detail.encode(), b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", media),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
