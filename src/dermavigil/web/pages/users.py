"""The users page (admins): list accounts, create one, change a role, deactivate or
reactivate, reset a password (the one-time password is shown on the answer page only),
and the latest changes from the user audit trail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from dermavigil.errors import DermavigilError, InputError
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import require

router = APIRouter(include_in_schema=False)
HISTORY_ROWS = 20


def _page(request: Request, actor: object, registry: object, **extra: object) -> Response:
    from dermavigil.registry import UserService

    with registry.transaction(readonly=True) as session:  # type: ignore[attr-defined]
        service = UserService(session)
        users = service.list()
        history = service.history(limit=HISTORY_ROWS)
    error = extra.get("error")
    status = error.status_code if isinstance(error, DermavigilError) else 200
    context = {"actor": actor, "users": users, "history": history, **extra}
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

    require(actor, "users.manage")
    try:
        with registry.transaction() as session:
            user = UserService(session).set_role(username, role, by=actor.username)
    except DermavigilError as error:
        return _page(request, actor, registry, error=error)
    return RedirectResponse(f"/users?changed={user.username}", status_code=303)


@router.post("/users/{username}/active")
def change_active(
    request: Request,
    username: str,
    actor: ActorDep,
    registry: RegistryDep,
    active: Annotated[bool, Form()],
) -> Response:
    """Deactivate (sessions end at their next request) or reactivate the account."""
    from dermavigil.registry import UserService

    require(actor, "users.manage")
    try:
        with registry.transaction() as session:
            service = UserService(session)
            change = service.reactivate if active else service.deactivate
            user = change(username, by=actor.username)
    except DermavigilError as error:
        return _page(request, actor, registry, error=error)
    return RedirectResponse(f"/users?changed={user.username}", status_code=303)


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
