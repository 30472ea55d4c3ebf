"""``/api/token`` (exchange credentials for a bearer token) and ``/api/me``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from dermavigil.web.account import change_password
from dermavigil.web.auth import TOKEN_MAX_AGE
from dermavigil.web.deps import ActorDep
from dermavigil.web.login import authenticate

router = APIRouter(prefix="/api", tags=["session"])


class Credentials(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class ActorOut(BaseModel):
    username: str
    role: str
    via: str


@router.post("/token", response_model=TokenOut)
def issue_token(credentials: Credentials, request: Request) -> TokenOut:
    """A bearer token for API clients (401 on bad credentials, 429 when throttled)."""
    actor = authenticate(request, credentials.username, credentials.password, via="token")
    token = request.app.state.signer.issue_token(actor.username, actor.epoch)
    return TokenOut(access_token=token, expires_in=TOKEN_MAX_AGE)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024)


@router.post("/me/password", response_model=TokenOut)
def change_my_password(body: PasswordChange, actor: ActorDep, request: Request) -> TokenOut:
    """Change your own password (422 when the current one is wrong or the new one is weak).
    Every other session and token of yours ends; the answer carries a new bearer token
    (a cookie session continues under a new cookie)."""
    changed = change_password(request, actor, body.current_password, body.new_password)
    token = request.app.state.signer.issue_token(changed.username, changed.epoch)
    return TokenOut(access_token=token, expires_in=TOKEN_MAX_AGE)


@router.get("/me", response_model=ActorOut)
def me(actor: ActorDep) -> ActorOut:
    """Who the request is authenticated as."""
    return ActorOut(username=actor.username, role=actor.role, via=actor.via)
