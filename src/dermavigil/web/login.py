"""Checking a username and password, throttled (shared by the login page and ``/api/token``)."""

from __future__ import annotations

from starlette.requests import Request

from dermavigil.web.auth import Actor, AuthenticationRequired


def client_address(request: Request) -> str:
    """The peer address (no proxy headers are trusted)."""
    return request.client.host if request.client else "unknown"


def authenticate(request: Request, username: str, password: str, via: str) -> Actor:
    """The actor for these credentials, or 401; 429 after too many failures.

    Passwords are verified by the registry (argon2id hashes); the limiter counts
    failures per (username, address) in a sliding window.
    """
    from dermavigil.registry import UserService

    limiter = request.app.state.login_limiter
    address = client_address(request)
    limiter.check(username, address)
    with request.app.state.registry.transaction() as session:
        user = UserService(session).authenticate(username, password)
    if user is None:
        limiter.failed(username, address)
        raise AuthenticationRequired("unknown username or wrong password")
    limiter.succeeded(username, address)
    return Actor(username=user.username, role=user.role, via=via, epoch=user.session_epoch)
