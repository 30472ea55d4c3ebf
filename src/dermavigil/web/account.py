"""The signed-in user's own account, shared by the pages and the API.

Changing one's password: the registry checks the current password and the policy, clears
``must_change_password`` and ends every other session and API token of the user; the
request's own session continues. Listing one's open sessions, ending one of them
(ending the current one is logging out) and "log out everywhere" (this one included)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from starlette.requests import Request

from dermavigil.web.auth import Actor, Session


def change_password(request: Request, actor: Actor, current: str, new: str) -> tuple[Actor, int]:
    """Change ``actor``'s password; returns the actor (no longer asked to change it) and
    how many of their other sessions ended."""
    from dermavigil.registry import UserService

    with request.app.state.registry.transaction() as session:
        _, ended = UserService(session).change_own_password(
            actor.username, current, new, keep_session=actor.session_id
        )
    return replace(actor, must_change_password=False), ended


def my_sessions(request: Request, actor: Actor) -> list[Any]:
    """The actor's open sessions (browsers and API tokens), the most recently used first."""
    from dermavigil.registry import SessionService

    with request.app.state.registry.transaction(readonly=True) as session:
        return SessionService(session).active(actor.username)


def end_my_session(request: Request, actor: Actor, sid: str) -> bool:
    """End one of the actor's sessions (404 when it is not an open one of theirs); ending
    the one making the request is logging out. Returns whether it was this one."""
    from dermavigil.registry import SessionService

    with request.app.state.registry.transaction() as session:
        service = SessionService(session)
        if sid != actor.session_id:
            service.end(actor.username, sid, by=actor.username)
            return False
        service.logout(sid)
    if actor.via == "cookie":
        request.state.session = Session.anonymous()
    return True


def end_all_my_sessions(request: Request, actor: Actor) -> int:
    """ "Log out everywhere": end every session of the actor, this one included."""
    from dermavigil.registry import SessionService

    with request.app.state.registry.transaction() as session:
        ended = SessionService(session).end_all(actor.username, by=actor.username)
    if actor.via == "cookie":
        request.state.session = Session.anonymous()
    return ended
