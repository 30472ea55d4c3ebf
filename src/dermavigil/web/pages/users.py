"""The users page (admins): list accounts and create one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from dermavigil.errors import InputError
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import require

router = APIRouter(include_in_schema=False)


def _page(request: Request, actor: object, registry: object, **extra: object) -> Response:
    from dermavigil.registry import UserService

    with registry.transaction(readonly=True) as session:  # type: ignore[attr-defined]
        users = UserService(session).list()
    status = 422 if extra.get("error") else 200
    return render(request, "users.html", {"actor": actor, "users": users, **extra}, status)


@router.get("/users")
def users_page(request: Request, actor: ActorDep, registry: RegistryDep) -> Response:
    require(actor, "users.manage")
    return _page(request, actor, registry, created=request.query_params.get("created"))


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
            user = UserService(session).create(username, role, password)
    except InputError as error:
        return _page(request, actor, registry, error=error, username=username)
    return RedirectResponse(f"/users?created={user.username}", status_code=303)
