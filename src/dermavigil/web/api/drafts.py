"""``/api/drafts``: extract a draft case from a case-report text (assessors)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from dermavigil.web import casework, drafting
from dermavigil.web.deps import ActorDep, RegistryDep

router = APIRouter(prefix="/api/drafts", tags=["drafts"])


class DraftIn(BaseModel):
    text: str = Field(min_length=1, max_length=drafting.MAX_TEXT)


@router.post("", status_code=201)
def extract(body: DraftIn, actor: ActorDep, registry: RegistryDep) -> Any:
    """Store the extracted draft (201), or return it with its problems (422) when incomplete.

    Accept a stored draft with ``POST /api/cases/{case_id}/accept``.
    """
    outcome = drafting.extract_and_store(registry, actor, body.text)
    if outcome.stored is not None:
        stored = {**casework.stored_json(outcome.stored), "warnings": outcome.draft.warnings}
        return JSONResponse(stored, status_code=201)
    problems = [{"location": p.location, "message": p.message} for p in outcome.problems]
    return JSONResponse(
        {
            "title": "InputError",
            "status": 422,
            "detail": "the draft is not yet a valid case; complete it and submit it as a case",
            "problems": problems,
            "draft": outcome.draft.to_json_dict(),
        },
        status_code=422,
        media_type="application/problem+json",
    )
