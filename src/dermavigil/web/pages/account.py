"""The signed-in user's own account: their open sessions (``/account``: end one, or log
out everywhere) and changing the password (``/account/password``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from dermavigil.errors import InputError
from dermavigil.web.account import (
    change_password,
    end_all_my_sessions,
    end_my_session,
    my_sessions,
)
from dermavigil.web.deps import ActorDep, PendingActorDep
from dermavigil.web.pages.render import render

router = APIRouter(include_in_schema=False)


@router.get("/account")
def account_page(request: Request, actor: ActorDep) -> Response:
    """The user's open sessions (browsers and API tokens), this one marked."""
    context = {
        "actor": actor,
        "sessions": my_sessions(request, actor),
        "ended": request.query_params.get("ended"),
    }
    return render(request, "account.html", context)


@router.post("/account/sessions/{session_id}/end")
def end_session(request: Request, session_id: str, actor: ActorDep) -> Response:
    """End one session; ending this one is logging out."""
    if end_my_session(request, actor, session_id):
        return RedirectResponse("/login", status_code=303)
    return RedirectResponse(f"/account?ended={session_id[:8]}", status_code=303)


@router.post("/account/sessions/end-all")
def end_all_sessions(request: Request, actor: ActorDep) -> Response:
    """Log out everywhere, here included."""
    end_all_my_sessions(request, actor)
    return RedirectResponse("/login", status_code=303)


@router.get("/account/password")
def password_page(request: Request, actor: PendingActorDep) -> Response:
    return render(request, "password.html", {"actor": actor})


@router.post("/account/password")
def password_change(
    request: Request,
    actor: PendingActorDep,
    current_password: Annotated[str, Form(max_length=1024)],
    new_password: Annotated[str, Form(max_length=1024)],
) -> Response:
    """Change the password; this session continues, every other one ends."""
    try:
        actor, ended = change_password(request, actor, current_password, new_password)
    except InputError as error:
        return render(request, "password.html", {"actor": actor, "error": error}, status_code=422)
    return render(request, "password.html", {"actor": actor, "changed": True, "ended": ended})
