"""Roles and what each may do.

Three roles, each including the one before (the habit of datasette's
``permissions.py``: one table, one check function):

- ``reporter`` submits cases and sees the cases they submitted;
- ``assessor`` sees every case, reviews, codes, assesses, overrides
  assessments, retracts and accepts literature drafts;
- ``admin`` additionally manages users and runs imports.
"""

from __future__ import annotations

from dermavigil.errors import PermissionDenied

ROLES: tuple[str, ...] = ("reporter", "assessor", "admin")

# action -> the least role allowed to do it
_LEAST_ROLE: dict[str, str] = {
    "case.create": "reporter",
    "case.read": "reporter",  # reporters: their own cases only (see can_read_case)
    "case.export": "reporter",
    "signals.read": "reporter",
    "case.read_all": "assessor",
    "case.update": "assessor",
    "case.override": "assessor",
    "case.retract": "assessor",
    "case.workflow": "assessor",
    "case.comment": "assessor",
    "draft.review": "assessor",
    "signal.manage": "assessor",  # signal records (GVP IX): read, create, decide
    "import.run": "admin",
    "users.manage": "admin",
    "access_log.read": "admin",  # who read which case (health data): admins only
}


def allowed(role: str, action: str) -> bool:
    """Whether ``role`` may perform ``action`` (unknown roles and actions: no)."""
    least = _LEAST_ROLE.get(action)
    if least is None or role not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(least)


def require(actor: object, action: str) -> None:
    """Raise :class:`PermissionDenied` (403) unless ``actor`` may do ``action``."""
    role = getattr(actor, "role", "")
    if not allowed(role, action):
        raise PermissionDenied(f"role {role!r} may not {action.replace('.', ' ')}")


def can_read_case(actor: object, created_by: str | None) -> bool:
    """Assessors and admins read every case; reporters only those they created."""
    role = getattr(actor, "role", "")
    return allowed(role, "case.read_all") or (
        allowed(role, "case.read") and created_by == getattr(actor, "username", None)
    )
