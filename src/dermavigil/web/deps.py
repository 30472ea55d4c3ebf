"""FastAPI dependencies shared by the API routers and the pages (``Annotated`` aliases).

The registry, the settings and the signer live on ``app.state`` (set by
:func:`dermavigil.web.app.create_app`) and are read by ``async`` dependencies, which
run on the event loop rather than in the thread pool; the actor is resolved per request from
the session cookie or bearer token and looked up in the registry (the user and their
server-side session) so that a role change, a deactivation, a logout or an ended
session takes effect at once.

A user whose password was set by someone else (``must_change_password``) may only change
it, see and end their sessions and sign out: every other dependency on the actor raises
:class:`PasswordChangeRequired` (pages redirect to the password form, the API answers
403 naming :data:`CHANGE_PASSWORD_ENDPOINT`). Endpoints that stay open take
:data:`PendingActorDep`.

A user whose role must use two-factor authentication (``DERMAVIGIL_REQUIRE_2FA``) and
who has not set it up may only enrol, see their account and sign out: every other
dependency on the actor raises :class:`SecondFactorRequired` (pages redirect to
:data:`ENROL_PAGE`); endpoints that stay open take :data:`PendingActorDep`.

Hot endpoints take :data:`CredentialsDep` instead of :data:`ActorDep`: the
credentials are read from ``request.state`` on the event loop (no I/O), and the
user row is looked up by :func:`actor_in` inside the endpoint's own registry
transaction, which saves a transaction and a thread-pool hand-off per request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request

from dermavigil.errors import PermissionDenied
from dermavigil.settings import Settings
from dermavigil.web.auth import Actor, AuthenticationRequired

LOGIN_FIRST = "log in first (session cookie or Authorization: Bearer)"
CHANGE_PASSWORD_PAGE = "/account/password"
CHANGE_PASSWORD_ENDPOINT = "POST /api/me/password"
ENROL_PAGE = "/account/2fa"


class PasswordChangeRequired(PermissionDenied):
    """The user's password was set by someone else: they must choose their own first."""

    def __init__(self) -> None:
        super().__init__(
            "your password was set by an administrator: choose your own first with "
            f"{CHANGE_PASSWORD_ENDPOINT} "
            '{"current_password": ..., "new_password": ...} '
            f"(in the browser: {CHANGE_PASSWORD_PAGE})"
        )


class SecondFactorRequired(PermissionDenied):
    """The user's role must sign in with two-factor authentication and they have none:
    only enrolment (and their account) is open to them (pages redirect to it)."""

    def __init__(self, role: str) -> None:
        super().__init__(
            f"your role ({role}) must use two-factor authentication: set it up first "
            f"(POST /api/me/2fa/enrol, then POST /api/me/2fa/confirm; in the browser: "
            f"{ENROL_PAGE})"
        )


_ACTORS = "dermavigil.actors"
"""``Session.info`` key of the actors looked up in a transaction (see :func:`actor_in`)."""


@dataclass(frozen=True)
class Credentials:
    """Who a request claims to be (signed cookie or token), not yet checked against the
    registry: the session of ``token`` must still be open and belong to ``username``."""

    username: str
    token: str
    via: str  # "cookie" or "token"
    require_2fa: tuple[str, ...] = ()  # roles that must have a second factor (settings)


async def get_registry(request: Request) -> Any:
    """The registry opened by the app."""
    return request.app.state.registry


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def credentials_of(request: Request) -> Credentials | None:
    """The signed claims of the request's session or token; ``None`` when anonymous."""
    state = request.state
    if state.bearer:
        username, token = state.token_user, state.token_session
    else:
        username, token = state.session.username, state.session.token
    if not username or not token:
        return None
    roles = request.app.state.settings.require_2fa_roles
    return Credentials(username, token, "token" if state.bearer else "cookie", roles)


def resolve_actor(session: Any, credentials: Credentials) -> Actor | None:
    """The actor behind ``credentials`` looked up in the open registry ``session``;
    ``None`` when the user is gone or deactivated, or the session ended or expired."""
    from dermavigil.registry import SessionService
    from dermavigil.registry.secondfactor import SecondFactorService

    found = SessionService(session).resolve(credentials.token, credentials.username)
    if found is None:
        return None
    user, signed_in = found
    return Actor(
        username=user.username,
        role=user.role,
        via=credentials.via,
        session_id=signed_in.id,
        must_change_password=user.must_change_password,
        needs_second_factor=user.role in credentials.require_2fa
        and not SecondFactorService(session).enabled(user.username),
    )


def _settled(actor: Actor) -> Actor:
    """``actor``, unless they must first change their password or set up the second
    factor their role requires (403; pages redirect to the form)."""
    if actor.must_change_password:
        raise PasswordChangeRequired
    if actor.needs_second_factor:
        raise SecondFactorRequired(actor.role)
    return actor


def actor_in(session: Any, who: Actor | Credentials, memo: bool = False) -> Actor:
    """``who`` as an :class:`Actor` checked in ``session``; 401 when the credentials no
    longer hold, 403 while the password must be changed. An ``Actor`` (already resolved
    by :func:`current_actor`) is returned as is.

    ``memo``: remember the look-up for the rest of ``session``'s transaction (the writes
    of one group commit share it, so the session and user are read once per batch, still
    in the transaction that writes: a sign-out or deactivation committed before it is
    seen); only for transactions that do not change users or sessions.
    """
    if isinstance(who, Actor):
        return who
    if memo:
        known = session.info.setdefault(_ACTORS, {})
        if who not in known:
            known[who] = resolve_actor(session, who)
        actor = known[who]
    else:
        actor = resolve_actor(session, who)
    if actor is None:
        raise AuthenticationRequired(LOGIN_FIRST)
    return _settled(actor)


def lookup_actor(request: Request) -> Actor | None:
    """The logged-in user, or ``None`` for an anonymous request."""
    credentials = credentials_of(request)
    if credentials is None:
        return None
    with request.app.state.registry.transaction(readonly=True) as session:
        return resolve_actor(session, credentials)


def pending_actor(request: Request) -> Actor:
    """The logged-in user, even one who must still change their password or set up
    two-factor authentication (their account pages); 401 when nobody is."""
    actor = lookup_actor(request)
    if actor is None:
        raise AuthenticationRequired(LOGIN_FIRST)
    return actor


def current_actor(request: Request) -> Actor:
    """The logged-in user; 401 when nobody is, 403 (pages: a redirect to the password form
    or to enrolment) while their password must be changed or their role's second factor
    is not set up."""
    return _settled(pending_actor(request))


async def claimed_credentials(request: Request) -> Credentials:
    """The request's credentials, checked later by :func:`actor_in`; 401 when anonymous.
    ``async`` so that it runs on the event loop and costs no thread-pool hand-off."""
    credentials = credentials_of(request)
    if credentials is None:
        raise AuthenticationRequired(LOGIN_FIRST)
    return credentials


RegistryDep = Annotated[Any, Depends(get_registry)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ActorDep = Annotated[Actor, Depends(current_actor)]
PendingActorDep = Annotated[Actor, Depends(pending_actor)]
MaybeActorDep = Annotated[Actor | None, Depends(lookup_actor)]
CredentialsDep = Annotated[Credentials, Depends(claimed_credentials)]
