"""``/api/terms``: the terminology look-up of the intake form (HPO today)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool

from dermavigil.web.deps import ActorDep
from dermavigil.web.permissions import require

router = APIRouter(prefix="/api/terms", tags=["terminology"])


@router.get("")
async def look_up(
    actor: ActorDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=20)] = 8,
) -> list[dict[str, Any]]:
    """Terms whose label or synonym matches what was typed, the coder's choice first
    (:func:`dermavigil.terminology.coder.suggest`); each with system, code and label."""
    from dermavigil.terminology.coder import suggest

    require(actor, "case.create")
    terms = await run_in_threadpool(suggest, q, limit)
    return [t.model_dump(include={"system", "code", "label", "nearest_parent"}) for t in terms]
