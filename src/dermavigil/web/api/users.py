"""``/api/users``: list and create accounts (admins)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, Field

from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.permissions import require

router = APIRouter(prefix="/api/users", tags=["users"])


class UserIn(BaseModel):
    username: str = Field(pattern=r"^[A-Za-z0-9_.-]{2,64}$")
    role: Literal["reporter", "assessor", "admin"]
    password: str = Field(min_length=10, max_length=1024)


def user_json(user: Any) -> dict[str, Any]:
    """A user without its password hash."""
    return {
        "username": user.username,
        "role": user.role,
        "created_at": jsonable_encoder(getattr(user, "created_at", None)),
        "active": getattr(user, "active", True),
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
        return user_json(UserService(session).create(body.username, body.role, body.password))
