"""Draft review (assessors): the source text with its evidence highlighted beside the
editable fields, and the button that accepts the draft as an active case."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from dermavigil.web import casework
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.forms import flatten, row_count
from dermavigil.web.highlight import segments
from dermavigil.web.pages.cases import ROW_GROUPS
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import require

router = APIRouter(include_in_schema=False)


@router.get("/drafts")
def drafts(request: Request, actor: ActorDep, registry: RegistryDep) -> Response:
    require(actor, "draft.review")
    result = casework.listing(registry, actor, {"status": "draft"}, 0, 200)
    return render(request, "drafts.html", {"actor": actor, "result": result})


@router.get("/drafts/{case_id}")
def draft_page(request: Request, case_id: str, actor: ActorDep, registry: RegistryDep):
    require(actor, "draft.review")
    stored = casework.get(registry, actor, case_id)
    values = flatten(stored.case.model_dump(mode="json", exclude_none=True, exclude={"case_id"}))
    context = {
        "actor": actor,
        "stored": stored,
        "segments": segments(stored.source_text or "", stored.evidence),
        "heading": f"Review draft {case_id}",
        "action": f"/cases/{case_id}/edit",
        "submit_label": "Save corrections (new version)",
        "expected_version": stored.version,
        "values": values,
        "errors": {},
        "problems": [],
        "rows": {g: row_count(values, g) for g in ROW_GROUPS},
    }
    return render(request, "draft_page.html", context)


@router.post("/drafts/{case_id}/accept")
def accept(case_id: str, actor: ActorDep, registry: RegistryDep) -> Response:
    casework.accept_draft(registry, actor, case_id)
    return RedirectResponse(f"/cases/{case_id}?saved=1", status_code=303)
