"""Checking a username and password, throttled, and starting a server-side session
(shared by the login page and ``/api/token``)."""

from __future__ import annotations

from dataclasses import replace

from starlette.requests import Request

from dermavigil.domain.accounts import normalize_username
from dermavigil.web.auth import DEVICE_COOKIE, Actor, AuthenticationRequired
from dermavigil.web.useragent import describe_agent


def client_address(request: Request) -> str:
    """The client's address: the peer, or what a trusted proxy says it is (the app mounts
    uvicorn's ``ProxyHeadersMiddleware`` for ``DERMAVIGIL_TRUSTED_PROXIES`` only)."""
    return request.client.host if request.client else "unknown"


def known_device(request: Request, username: str) -> str | None:
    """The id of this browser's device cookie when it was issued to ``username``."""
    signer = request.app.state.signer
    return signer.load_device(request.cookies.get(DEVICE_COOKIE), normalize_username(username))


def authenticate(request: Request, username: str, password: str, via: str) -> Actor:
    """The actor for these credentials, or 401; 429 after too many failures.

    Passwords are verified by the registry (argon2id hashes); the limiter
    (:mod:`dermavigil.web.ratelimit`) counts failures per account, address and overall,
    or per device for a browser that signed in as this user before.
    """
    from dermavigil.registry import UserService

    limiter = request.app.state.login_limiter
    address = client_address(request)
    device = known_device(request, username)
    limiter.check(username, address, device)
    with request.app.state.registry.transaction() as session:
        user = UserService(session).authenticate(username, password)
    if user is None:
        limiter.failed(username, address, device)
        raise AuthenticationRequired("unknown username or wrong password")
    limiter.succeeded(username, address, device)
    return Actor(
        username=user.username,
        role=user.role,
        via=via,
        must_change_password=user.must_change_password,
    )


def start_session(request: Request, actor: Actor) -> tuple[Actor, str]:
    """Open a server-side session for ``actor`` (who has just proved who they are), noting
    the client's address and browser; returns the actor in it and its session token. A
    browser signing in again ends the session its cookie held, if any."""
    from dermavigil.registry import SessionService
    from dermavigil.registry.sessions import session_id

    kind = "token" if actor.via == "token" else "browser"
    agent = describe_agent(request.headers.get("user-agent"))
    previous = request.state.session.token if kind == "browser" else None
    with request.app.state.registry.transaction() as session:
        service = SessionService(session)
        if previous:
            service.logout(session_id(previous))
        token = service.start(actor.username, kind, client_address(request), agent)
    return replace(actor, session_id=session_id(token)), token
