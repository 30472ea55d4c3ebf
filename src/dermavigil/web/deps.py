"""FastAPI dependencies shared by the API routers and the pages (``Annotated`` aliases).

The registry, the settings and the signer live on ``app.state`` (set by
:func:`dermavigil.web.app.create_app`) and are read by ``async`` dependencies, which
run on the event loop rather than in the thread pool; the actor is resolved per request from
the session cookie or bearer token and looked up in the registry so that a
role change, a deactivation or a password reset (a new session epoch) takes
effect at once.

Hot endpoints take :data:`CredentialsDep` instead of :data:`ActorDep`: the
credentials are read from ``request.state`` on the event loop (no I/O), and the
user row is looked up by :func:`actor_in` inside the endpoint's own registry
transaction, which saves a transaction and a thread-pool hand-off per request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request

from dermavigil.errors import NotFoundError
from dermavigil.settings import Settings
from dermavigil.web.auth import Actor, AuthenticationRequired

LOGIN_FIRST = "log in first (session cookie or Authorization: Bearer)"


@dataclass(frozen=True)
class Credentials:
    """Who a request claims to be (signed cookie or token), not yet checked against the
    user's current row: ``epoch`` must still equal the user's session epoch."""

    username: str
    epoch: int
    via: str  # "cookie" or "token"


async def get_registry(request: Request) -> Any:
    """The registry opened by the app."""
    return request.app.state.registry


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def credentials_of(request: Request) -> Credentials | None:
    """The signed claims of the request's session or token; ``None`` when anonymous."""
    state = request.state
    username = state.token_user if state.bearer else state.session.username
    if not username:
        return None
    epoch = state.token_epoch if state.bearer else state.session.epoch
    return Credentials(username, epoch, "token" if state.bearer else "cookie")


def resolve_actor(session: Any, credentials: Credentials) -> Actor | None:
    """The actor behind ``credentials`` looked up in the open registry ``session``;
    ``None`` when the user is gone, deactivated or the session epoch has moved on."""
    from dermavigil.registry import UserService

    try:
        user = UserService(session).get(credentials.username)
    except NotFoundError:
        return None
    if not user.active or user.session_epoch != credentials.epoch:
        return None
    return Actor(
        username=user.username, role=user.role, via=credentials.via, epoch=credentials.epoch
    )


def actor_in(session: Any, who: Actor | Credentials) -> Actor:
    """``who`` as an :class:`Actor` checked in ``session``; 401 when the credentials no
    longer hold. An ``Actor`` (already resolved by :func:`current_actor`) is returned as is."""
    if isinstance(who, Actor):
        return who
    actor = resolve_actor(session, who)
    if actor is None:
        raise AuthenticationRequired(LOGIN_FIRST)
    return actor


def lookup_actor(request: Request) -> Actor | None:
    """The logged-in user, or ``None`` for an anonymous request."""
    credentials = credentials_of(request)
    if credentials is None:
        return None
    with request.app.state.registry.transaction(readonly=True) as session:
        return resolve_actor(session, credentials)


def current_actor(request: Request) -> Actor:
    """The logged-in user; 401 when nobody is."""
    actor = lookup_actor(request)
    if actor is None:
        raise AuthenticationRequired(LOGIN_FIRST)
    return actor


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
MaybeActorDep = Annotated[Actor | None, Depends(lookup_actor)]
CredentialsDep = Annotated[Credentials, Depends(claimed_credentials)]
