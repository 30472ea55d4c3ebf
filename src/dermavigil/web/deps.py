"""FastAPI dependencies shared by the API routers and the pages (``Annotated`` aliases).

The registry, the settings and the signer live on ``app.state`` (set by
:func:`dermavigil.web.app.create_app`) and are read by ``async`` dependencies, which
run on the event loop rather than in the thread pool; the actor is resolved per request from
the session cookie or bearer token and looked up in the registry so that a
role change, a deactivation or a password reset (a new session epoch) takes
effect at once.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from dermavigil.errors import NotFoundError
from dermavigil.settings import Settings
from dermavigil.web.auth import Actor, AuthenticationRequired


async def get_registry(request: Request) -> Any:
    """The registry opened by the app."""
    return request.app.state.registry


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def lookup_actor(request: Request) -> Actor | None:
    """The logged-in user, or ``None`` for an anonymous request."""
    from dermavigil.registry import UserService

    state = request.state
    username = state.token_user if state.bearer else state.session.username
    epoch = state.token_epoch if state.bearer else state.session.epoch
    if not username:
        return None
    try:
        with request.app.state.registry.transaction(readonly=True) as session:
            user = UserService(session).get(username)
    except NotFoundError:
        return None
    if user is None or not user.active or user.session_epoch != epoch:
        return None
    via = "token" if state.bearer else "cookie"
    return Actor(username=user.username, role=user.role, via=via, epoch=epoch)


def current_actor(request: Request) -> Actor:
    """The logged-in user; 401 when nobody is."""
    actor = lookup_actor(request)
    if actor is None:
        raise AuthenticationRequired("log in first (session cookie or Authorization: Bearer)")
    return actor


RegistryDep = Annotated[Any, Depends(get_registry)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ActorDep = Annotated[Actor, Depends(current_actor)]
MaybeActorDep = Annotated[Actor | None, Depends(lookup_actor)]
