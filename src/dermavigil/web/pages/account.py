"""The signed-in user's own account: change the password (``/account/password``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from dermavigil.errors import InputError
from dermavigil.web.account import change_password
from dermavigil.web.deps import ActorDep
from dermavigil.web.pages.render import render

router = APIRouter(include_in_schema=False)


@router.get("/account/password")
def password_page(request: Request, actor: ActorDep) -> Response:
    return render(request, "password.html", {"actor": actor})


@router.post("/account/password")
def password_change(
    request: Request,
    actor: ActorDep,
    current_password: Annotated[str, Form(max_length=1024)],
    new_password: Annotated[str, Form(max_length=1024)],
) -> Response:
    """Change the password; this session continues, every other one ends."""
    try:
        change_password(request, actor, current_password, new_password)
    except InputError as error:
        return render(request, "password.html", {"actor": actor, "error": error}, status_code=422)
    return render(request, "password.html", {"actor": actor, "changed": True})
