"""Login and logout pages, and the home redirect."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from dermavigil.errors import DermavigilError
from dermavigil.web import secondfactor
from dermavigil.web.auth import DEVICE_COOKIE, DEVICE_MAX_AGE, Actor, Session
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
    CSRF token), or, for a user with two-factor authentication, ask for the code first; a
    user whose password was set by someone else goes to the password form."""
    try:
        actor = await run_in_threadpool(authenticate, request, username, password, "cookie")
    except DermavigilError as error:
        context = {"error": error.message, "username": username, "next": safe_next(next)}
        response = render(
            request, "login.html", {**context, "actor": None}, status_code=error.status_code
        )
        if isinstance(error, TooManyAttempts):
            response.headers["Retry-After"] = str(error.retry_after)
        return response
    if await run_in_threadpool(secondfactor.enabled, request, actor.username):
        request.state.session = Session.awaiting_code(actor.username)  # not signed in yet
        return RedirectResponse(f"/login/2fa?next={quote(safe_next(next))}", status_code=303)
    return await _signed_in(request, actor, next)


async def _signed_in(request: Request, actor: Actor, next: str | None) -> Response:
    """Start the server-side session of ``actor`` (who proved who they are; new CSRF token)
    and go on to ``next``, or to the password form when their password must be changed."""
    actor, token = await run_in_threadpool(start_session, request, actor)
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


@router.get("/login/2fa")
def second_step_page(request: Request, next: str | None = None) -> Response:
    """The second step of a sign-in: the code of the authenticator app (or a recovery code)."""
    if request.state.session.awaiting_user() is None:
        return RedirectResponse("/login", status_code=303)
    return render(request, "login_2fa.html", {"next": safe_next(next), "actor": None})


@router.post("/login/2fa")
async def second_step(
    request: Request,
    code: Annotated[str, Form(max_length=64)],
    next: Annotated[str | None, Form()] = None,
) -> Response:
    """Check the code (throttled; a replayed code or a used recovery code is refused); on
    success the sign-in that the password started is complete."""
    username = request.state.session.awaiting_user()
    if username is None:  # no password given, or more than 5 minutes ago
        return RedirectResponse("/login", status_code=303)
    try:
        await run_in_threadpool(secondfactor.check_code, request, username, code)
        actor = await run_in_threadpool(secondfactor.signed_in_actor, request, username)
    except DermavigilError as error:
        context = {"error": error.message, "next": safe_next(next), "actor": None}
        response = render(request, "login_2fa.html", context, status_code=error.status_code)
        if isinstance(error, TooManyAttempts):
            response.headers["Retry-After"] = str(error.retry_after)
        return response
    return await _signed_in(request, actor, next)


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
