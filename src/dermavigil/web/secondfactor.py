"""TOTP two-factor authentication in the web app, shared by the pages and the API: the
throttled check of a code at sign-in, enrolment (secret shown once, confirmed by a first
code, recovery codes shown once), new recovery codes, turning it off (password and code),
and the policy that admins and assessors must use it (``DERMAVIGIL_REQUIRE_2FA``).

Codes are checked by :class:`~dermavigil.registry.secondfactor.SecondFactorService` in a
write transaction (the accepted time step is kept: a replay is refused) and throttled by
their own :class:`~dermavigil.web.ratelimit.LoginLimiter` (the same allowances as the
password: per account, address and server, or per known browser), so knowing the password
buys no more than 5 guesses of a code per 5 minutes.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from dermavigil.errors import InputError, Problem
from dermavigil.web.auth import Actor, AuthenticationRequired
from dermavigil.web.login import authenticate, client_address, known_device

WRONG_CODE = "wrong, expired or already used code"


def _service(request: Request, session: Any) -> Any:
    from dermavigil.registry.secondfactor import SecondFactorService

    return SecondFactorService(session, request.app.state.second_factor_keys)


def required(request: Request, role: str) -> bool:
    """Whether users of ``role`` must sign in with a second factor (the settings' policy)."""
    return role in request.app.state.settings.require_2fa_roles


def enabled(request: Request, username: str) -> bool:
    with request.app.state.registry.transaction(readonly=True) as session:
        return bool(_service(request, session).enabled(username))


def status(request: Request, actor: Actor) -> dict[str, Any]:
    with request.app.state.registry.transaction(readonly=True) as session:
        found = _service(request, session).status(actor.username)
    return {
        "enabled": found.enabled,
        "pending": found.pending,
        "enabled_at": found.enabled_at,
        "recovery_codes_left": found.recovery_codes_left,
        "required": required(request, actor.role),
    }


def check_code(request: Request, username: str, code: str) -> str:
    """Accept ``code`` (TOTP or recovery) for ``username``: ``"totp"`` or ``"recovery"``;
    401 when wrong, replayed or used up, 429 when throttled."""
    limiter = request.app.state.second_factor_limiter
    address = client_address(request)
    device = known_device(request, username)
    limiter.check(username, address, device)
    with request.app.state.registry.transaction() as session:
        kind = _service(request, session).verify(username, code)
    if kind is None:
        limiter.failed(username, address, device)
        raise AuthenticationRequired(WRONG_CODE)
    limiter.succeeded(username, address, device)
    return str(kind)


def signed_in_actor(request: Request, username: str) -> Actor:
    """The actor of ``username`` once both factors are given (401 when the account was
    deactivated meanwhile)."""
    from dermavigil.errors import NotFoundError
    from dermavigil.registry import UserService

    with request.app.state.registry.transaction(readonly=True) as session:
        try:
            user = UserService(session).get(username)
        except NotFoundError:
            user = None
    if user is None or not user.active:
        raise AuthenticationRequired("unknown username or wrong password")
    return Actor(
        username=user.username,
        role=user.role,
        via="cookie",
        must_change_password=user.must_change_password,
    )


def token_second_factor(request: Request, actor: Actor, code: str | None) -> None:
    """``POST /api/token`` for a user with a second factor: ``totp`` must hold a code
    (or a recovery code); 401 otherwise, 429 when throttled."""
    if not enabled(request, actor.username):
        return
    if not code:
        raise AuthenticationRequired(
            "this account uses two-factor authentication: send the authenticator app's "
            "code (or a recovery code) in the field totp"
        )
    check_code(request, actor.username, code)


def begin(request: Request, actor: Actor) -> Any:
    """A new secret for the actor (shown once), replacing an unconfirmed one."""
    with request.app.state.registry.transaction() as session:
        return _service(request, session).begin(actor.username)


def pending(request: Request, actor: Actor) -> Any:
    """The secret of the actor's unconfirmed enrolment (for its QR code); 404 otherwise."""
    with request.app.state.registry.transaction(readonly=True) as session:
        return _service(request, session).pending(actor.username)


def confirm(request: Request, actor: Actor, code: str) -> list[str]:
    """Enable the factor with its first code (throttled); returns the recovery codes."""
    limiter = request.app.state.second_factor_limiter
    address = client_address(request)
    limiter.check(actor.username, address, None)
    try:
        with request.app.state.registry.transaction() as session:
            return list(_service(request, session).confirm(actor.username, code))
    except InputError:
        limiter.failed(actor.username, address, None)
        raise


def new_recovery_codes(request: Request, actor: Actor, code: str) -> list[str]:
    """New recovery codes (the old ones stop working) once ``code`` is accepted."""
    _checked(request, actor, code)
    with request.app.state.registry.transaction() as session:
        return list(_service(request, session).new_recovery_codes(actor.username))


def disable(request: Request, actor: Actor, password: str, code: str) -> None:
    """Turn the actor's second factor off: their password and a code (both throttled)."""
    try:
        authenticate(request, actor.username, password, actor.via)
    except AuthenticationRequired:
        raise InputError(
            "cannot turn off two-factor authentication",
            [Problem("password", "is not your password")],
        ) from None
    _checked(request, actor, code)
    with request.app.state.registry.transaction() as session:
        _service(request, session).remove(actor.username, by=actor.username)


def _checked(request: Request, actor: Actor, code: str) -> None:
    try:
        check_code(request, actor.username, code)
    except AuthenticationRequired:
        raise InputError("the code was not accepted", [Problem("code", WRONG_CODE)]) from None


def qr_svg(uri: str) -> bytes:
    """The ``otpauth://`` URI as a QR code in SVG (``segno``; no script, no inline style)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(uri, error="m").save(
        buffer, kind="svg", scale=5, border=2, light="#fff", xmldecl=False, svgclass=None,
        lineclass=None,
    )  # fmt: skip
    return buffer.getvalue()
