"""``/api/token`` (exchange credentials for a bearer token) and ``/api/me``: who you are,
your password, and your sessions (each browser sign-in and each API token is one)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from dermavigil.web.account import (
    change_password,
    end_all_my_sessions,
    end_my_session,
    my_sessions,
)
from dermavigil.web.auth import TOKEN_MAX_AGE
from dermavigil.web.deps import ActorDep, PendingActorDep
from dermavigil.web.login import authenticate, start_session
from dermavigil.web.secondfactor import token_second_factor

router = APIRouter(prefix="/api", tags=["session"])


class Credentials(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    totp: str | None = Field(
        default=None,
        max_length=64,
        description="for accounts with two-factor authentication: the authenticator app's "
        "current 6-digit code, or one of the recovery codes",
    )


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class ActorOut(BaseModel):
    username: str
    role: str
    via: str
    must_change_password: bool = Field(
        description="true: the password was set by an administrator; change it with "
        "POST /api/me/password before anything else"
    )


@router.post("/token", response_model=TokenOut)
def issue_token(credentials: Credentials, request: Request) -> TokenOut:
    """A bearer token for API clients (401 on bad credentials or a missing, wrong or
    replayed ``totp`` code of an account with two-factor authentication; 429 when
    throttled); each token is a server-side session, listed and ended like a browser's."""
    actor = authenticate(request, credentials.username, credentials.password, via="token")
    token_second_factor(request, actor, credentials.totp)
    actor, session_token = start_session(request, actor)
    token = request.app.state.signer.issue_token(actor.username, session_token)
    return TokenOut(access_token=token, expires_in=TOKEN_MAX_AGE)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024)


class PasswordChanged(BaseModel):
    username: str
    other_sessions_ended: int = Field(
        description="your other sessions and API tokens that ended; this one goes on"
    )


@router.post("/me/password", response_model=PasswordChanged)
def change_my_password(
    body: PasswordChange, actor: PendingActorDep, request: Request
) -> PasswordChanged:
    """Change your own password (422 when the current one is wrong or the new one is weak).
    Every other session and token of yours ends; the one making this call goes on."""
    changed, ended = change_password(request, actor, body.current_password, body.new_password)
    return PasswordChanged(username=changed.username, other_sessions_ended=ended)


@router.get("/me", response_model=ActorOut)
def me(actor: PendingActorDep) -> ActorOut:
    """Who the request is authenticated as."""
    return ActorOut(
        username=actor.username,
        role=actor.role,
        via=actor.via,
        must_change_password=actor.must_change_password,
    )


class SessionOut(BaseModel):
    """One open sign-in: a browser session or an API token (never its secret)."""

    id: str = Field(description="the session's id (SHA-256 of its secret token)")
    kind: str = Field(description="browser or token")
    created_at: datetime
    last_seen_at: datetime = Field(description="updated at most once a minute")
    client_address: str
    user_agent: str = Field(description="browser and system, or the API client's name")
    current: bool = Field(description="the session making this request")


def session_out(info: Any, current_id: str = "") -> SessionOut:
    """A :class:`~dermavigil.registry.SessionInfo` as JSON; ``current``: the caller's."""
    return SessionOut(**asdict(info), current=info.id == current_id)


class SessionsEnded(BaseModel):
    ended: int


@router.get("/me/sessions", response_model=list[SessionOut])
def list_my_sessions(actor: ActorDep, request: Request) -> list[SessionOut]:
    """Your open sessions, browsers and API tokens, the most recently used first."""
    return [session_out(info, actor.session_id) for info in my_sessions(request, actor)]


@router.delete("/me/sessions/{session_id}", status_code=204)
def end_one_of_my_sessions(session_id: str, actor: ActorDep, request: Request) -> None:
    """End one of your sessions (404 when it is not an open one of yours); ending the
    one making this call logs it out."""
    end_my_session(request, actor, session_id)


@router.post("/me/sessions/revoke-all", response_model=SessionsEnded)
def log_out_everywhere(actor: ActorDep, request: Request) -> SessionsEnded:
    """Log out everywhere: every session and API token of yours ends, this one included."""
    return SessionsEnded(ended=end_all_my_sessions(request, actor))
