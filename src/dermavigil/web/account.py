"""Changing one's own password, shared by the page and the API: the registry checks the
current password and the policy and moves the session epoch on (every other session and
token of the user ends); the request's own session continues under the new epoch."""

from __future__ import annotations

from starlette.requests import Request

from dermavigil.web.auth import Actor, Session


def change_password(request: Request, actor: Actor, current: str, new: str) -> Actor:
    """Change ``actor``'s password; returns the actor under the new session epoch."""
    from dermavigil.registry import UserService

    with request.app.state.registry.transaction() as session:
        user = UserService(session).change_own_password(actor.username, current, new)
    if actor.via == "cookie":
        request.state.session = Session.for_user(user.username, user.session_epoch)
    return Actor(username=user.username, role=user.role, via=actor.via, epoch=user.session_epoch)
