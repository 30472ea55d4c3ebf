"""``/api/users``: list, create and administer accounts (admins).

Role changes, deactivation and password resets go through
:class:`~dermavigil.registry.UserService`, which writes the user audit trail
and refuses (409) to demote or deactivate the last active admin. A password set by an
admin must be changed by its user at sign-in. Admins also list and end a user's sessions
(:class:`~dermavigil.registry.SessionService`). A reset
password is in the response body once and never again (``Cache-Control:
no-store``, OWASP Forgot Password Cheat Sheet).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Response
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, ConfigDict, Field

from dermavigil.errors import InputError
from dermavigil.web.api.session import SessionOut, SessionsEnded, session_out
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.permissions import require

router = APIRouter(prefix="/api/users", tags=["users"])

Role = Literal["reporter", "assessor", "admin"]


class UserIn(BaseModel):
    username: str = Field(pattern=r"^[A-Za-z0-9_.-]{2,64}$")
    role: Role
    password: str = Field(min_length=10, max_length=1024)


class UserPatch(BaseModel):
    """What to change about an account: its role, whether it may sign in, or both."""

    model_config = ConfigDict(extra="forbid")

    role: Role | None = None
    active: bool | None = None


class ResetPasswordOut(BaseModel):
    username: str
    password: str = Field(description="one-time password, shown only in this response")


def user_json(user: Any) -> dict[str, Any]:
    """A user without its password hash."""
    return {
        "username": user.username,
        "role": user.role,
        "created_at": jsonable_encoder(getattr(user, "created_at", None)),
        "active": getattr(user, "active", True),
        "must_change_password": getattr(user, "must_change_password", False),
    }


@router.get("")
def list_users(actor: ActorDep, registry: RegistryDep) -> list[dict[str, Any]]:
    require(actor, "users.manage")
    from dermavigil.registry import UserService

    with registry.transaction() as session:
        return [user_json(u) for u in UserService(session).list()]


@router.post("", status_code=201)
def create_user(body: UserIn, actor: ActorDep, registry: RegistryDep) -> dict[str, Any]:
    """Create an account; passwords are stored as argon2id hashes by the registry."""
    require(actor, "users.manage")
    from dermavigil.registry import UserService

    with registry.transaction() as session:
        user = UserService(session).create(
            body.username, body.role, body.password, by=actor.username
        )
        return user_json(user)


@router.patch("/{username}")
def update_user(
    username: str, body: UserPatch, actor: ActorDep, registry: RegistryDep
) -> dict[str, Any]:
    """Change the role and/or deactivate or reactivate (409 for the last active admin)."""
    require(actor, "users.manage")
    from dermavigil.registry import UserService

    if body.role is None and body.active is None:
        raise InputError("nothing to change: give role, active or both")
    with registry.transaction() as session:
        service = UserService(session)
        user = service.get(username)
        if body.role is not None:
            user = service.set_role(username, body.role, by=actor.username)
        if body.active is True:
            user = service.reactivate(username, by=actor.username)
        elif body.active is False:
            user = service.deactivate(username, by=actor.username)
        return user_json(user)


@router.post("/{username}/reset-password", response_model=ResetPasswordOut)
def reset_password(
    username: str, actor: ActorDep, registry: RegistryDep, response: Response
) -> ResetPasswordOut:
    """Replace the password with a random one-time password, returned only here."""
    require(actor, "users.manage")
    from dermavigil.registry import UserService

    with registry.transaction() as session:
        service = UserService(session)
        password = service.reset_password(username, by=actor.username)
        name = service.get(username).username
    response.headers["Cache-Control"] = "no-store"
    return ResetPasswordOut(username=name, password=password)


@router.get("/{username}/sessions", response_model=list[SessionOut])
def user_sessions(username: str, actor: ActorDep, registry: RegistryDep) -> list[SessionOut]:
    """The user's open sessions (browsers and API tokens), the most recently used first."""
    require(actor, "users.manage")
    from dermavigil.registry import SessionService

    with registry.transaction(readonly=True) as session:
        sessions = SessionService(session).active(username)
    return [session_out(info, actor.session_id) for info in sessions]


@router.post("/{username}/sessions/revoke-all", response_model=SessionsEnded)
def end_user_sessions(username: str, actor: ActorDep, registry: RegistryDep) -> SessionsEnded:
    """End every session and API token of the user now (audited); they may sign in again."""
    require(actor, "users.manage")
    from dermavigil.registry import SessionService

    with registry.transaction() as session:
        return SessionsEnded(ended=SessionService(session).end_all(username, by=actor.username))
