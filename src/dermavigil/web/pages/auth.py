"""Login and logout pages, and the home redirect."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from dermavigil.errors import DermavigilError
from dermavigil.web.auth import DEVICE_COOKIE, DEVICE_MAX_AGE, Session
from dermavigil.web.deps import CHANGE_PASSWORD_PAGE, MaybeActorDep
from dermavigil.web.login import authenticate, known_device, start_session
from dermavigil.web.pages.render import render
from dermavigil.web.ratelimit import TooManyAttempts

router = APIRouter(include_in_schema=False)


def safe_next(target: str | None) -> str:
    """A local path to go to after login (never another site)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/cases"


@router.get("/")
def home(actor: MaybeActorDep) -> Response:
    return RedirectResponse("/cases" if actor else "/login", status_code=303)


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", {"next": safe_next(next), "actor": None})


@router.post("/login")
async def login(
    request: Request,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str | None, Form()] = None,
) -> Response:
    """Check the credentials (throttled); on success start a new server-side session (new
    CSRF token); a user whose password was set by someone else goes to the password form."""
    try:
        actor = await run_in_threadpool(authenticate, request, username, password, "cookie")
        actor, token = await run_in_threadpool(start_session, request, actor)
    except DermavigilError as error:
        context = {"error": error.message, "username": username, "next": safe_next(next)}
        response = render(
            request, "login.html", {**context, "actor": None}, status_code=error.status_code
        )
        if isinstance(error, TooManyAttempts):
            response.headers["Retry-After"] = str(error.retry_after)
        return response
    request.state.session = Session.for_user(actor.username, token)
    target = CHANGE_PASSWORD_PAGE if actor.must_change_password else safe_next(next)
    response = RedirectResponse(target, status_code=303)
    if known_device(request, actor.username) is None:  # remember this browser (ratelimit)
        response.set_cookie(
            DEVICE_COOKIE,
            request.app.state.signer.issue_device(actor.username),
            max_age=DEVICE_MAX_AGE,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    """End this session on the server too (its row is revoked, so the cookie, replayed, no
    longer signs in; the user's other sessions go on); then start a fresh anonymous one."""
    from dermavigil.registry import SessionService
    from dermavigil.registry.sessions import session_id

    token = request.state.session.token
    if token:
        with request.app.state.registry.transaction() as session:
            SessionService(session).logout(session_id(token))
    request.state.session = Session.anonymous()
    return RedirectResponse("/login", status_code=303)
