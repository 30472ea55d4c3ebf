"""``/api/duplicates``: pairs of active cases that are probably one case, with evidence.

The pairs come from :func:`dermavigil.duplicates.registry_duplicates` (splink's
Fellegi-Sunter model on the vigiMatch facts, Norén et al. 2007), run over the
current versions of every active case in one read-only transaction. Only
assessors and admins, who see every case, may compare them: the evidence shows
both cases' facts. The same function serves the ``/duplicates`` page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from dermavigil.duplicates import DuplicateReport, registry_duplicates
from dermavigil.errors import PermissionDenied
from dermavigil.web.auth import Actor
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.permissions import allowed

router = APIRouter(prefix="/api/duplicates", tags=["duplicates"])


class DuplicateQuery(BaseModel):
    threshold: float = Field(
        default=0.9, ge=0.0, le=1.0, description="least match probability of a pair listed"
    )


def duplicate_report(registry: Any, actor: Actor, threshold: float) -> DuplicateReport:
    """The probable duplicate pairs among the active cases at or above ``threshold``."""
    if not allowed(actor.role, "case.read_all"):
        raise PermissionDenied(
            f"role {actor.role!r} may not compare cases for duplicates: "
            "the evidence shows cases of other reporters"
        )
    with registry.transaction(readonly=True) as session:
        return registry_duplicates(session, threshold)


@router.get("")
def get_duplicates(
    query: Annotated[DuplicateQuery, Query()], actor: ActorDep, registry: RegistryDep
) -> DuplicateReport:
    """Pairs by descending probability, each with its facts' levels, weights and values."""
    return duplicate_report(registry, actor, query.threshold)


__all__ = ["router"]
