"""The users page (admins): list accounts and their open sessions, create one, change a
role, deactivate or reactivate, reset a password (the one-time password is shown on the
answer page only; the user must change it at sign-in), end a user's sessions, and the
latest entries of the user audit trail (account changes, sign-ins, sign-outs, ended
sessions, password changes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from dermavigil.errors import DermavigilError, InputError
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import require

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

router = APIRouter(include_in_schema=False)
HISTORY_ROWS = 20


def _page(request: Request, actor: object, registry: object, **extra: object) -> Response:
    from dermavigil.registry import SessionService, UserService

    with registry.transaction(readonly=True) as session:  # type: ignore[attr-defined]
        service = UserService(session)
        users = service.list()
        history = service.history(limit=HISTORY_ROWS)
        open_sessions = SessionService(session).open_counts()
    error = extra.get("error")
    status = error.status_code if isinstance(error, DermavigilError) else 200
    context = {
        "actor": actor,
        "users": users,
        "history": history,
        "open_sessions": open_sessions,
        **extra,
    }
    response = render(request, "users.html", context, status)
    if "one_time" in extra:
        response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/users")
def users_page(request: Request, actor: ActorDep, registry: RegistryDep) -> Response:
    require(actor, "users.manage")
    return _page(
        request,
        actor,
        registry,
        created=request.query_params.get("created"),
        changed=request.query_params.get("changed"),
    )


@router.post("/users")
def create_user(
    request: Request,
    actor: ActorDep,
    registry: RegistryDep,
    username: Annotated[str, Form(max_length=64)],
    role: Annotated[str, Form(max_length=16)],
    password: Annotated[str, Form(max_length=1024)],
) -> Response:
    """Create an account (the registry hashes the password with argon2id)."""
    from dermavigil.registry import UserService

    require(actor, "users.manage")
    try:
        with registry.transaction() as session:
            user = UserService(session).create(username, role, password, by=actor.username)
    except InputError as error:
        return _page(request, actor, registry, error=error, username=username)
    return RedirectResponse(f"/users?created={user.username}", status_code=303)


def _administer(
    request: Request, actor: Any, registry: Any, change: Callable[[Session], str]
) -> Response:
    """Run ``change`` (it returns the user's name) in one write transaction as an admin,
    then back to the users page, or the page with the refusal."""
    require(actor, "users.manage")
    try:
        with registry.transaction() as session:
            name = change(session)
    except DermavigilError as error:
        return _page(request, actor, registry, error=error)
    return RedirectResponse(f"/users?changed={name}", status_code=303)


@router.post("/users/{username}/role")
def change_role(
    request: Request,
    username: str,
    actor: ActorDep,
    registry: RegistryDep,
    role: Annotated[str, Form(max_length=16)],
) -> Response:
    """Give the account another role (refused for the last active admin)."""
    from dermavigil.registry import UserService

    def change(session: Session) -> str:
        return UserService(session).set_role(username, role, by=actor.username).username

    return _administer(request, actor, registry, change)


@router.post("/users/{username}/active")
def change_active(
    request: Request,
    username: str,
    actor: ActorDep,
    registry: RegistryDep,
    active: Annotated[bool, Form()],
) -> Response:
    """Deactivate (every session of the account ends) or reactivate the account."""
    from dermavigil.registry import UserService

    def change(session: Session) -> str:
        service = UserService(session)
        switch = service.reactivate if active else service.deactivate
        return switch(username, by=actor.username).username

    return _administer(request, actor, registry, change)


@router.post("/users/{username}/end-sessions")
def end_sessions(
    request: Request, username: str, actor: ActorDep, registry: RegistryDep
) -> Response:
    """End every session and API token of the user now (they may sign in again)."""
    from dermavigil.registry import SessionService, UserService

    def change(session: Session) -> str:
        SessionService(session).end_all(username, by=actor.username)
        return UserService(session).get(username).username

    return _administer(request, actor, registry, change)


@router.post("/users/{username}/reset-password")
def reset_password(
    request: Request, username: str, actor: ActorDep, registry: RegistryDep
) -> Response:
    """Set a random one-time password and show it on this answer only (not stored in clear)."""
    from dermavigil.registry import UserService

    require(actor, "users.manage")
    try:
        with registry.transaction() as session:
            service = UserService(session)
            password = service.reset_password(username, by=actor.username)
            name = service.get(username).username
    except DermavigilError as error:
        return _page(request, actor, registry, error=error)
    return _page(request, actor, registry, one_time=(name, password))
