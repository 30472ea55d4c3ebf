"""Draft review (assessors): extract a draft from a case-report text; review it with the
text and its evidence highlighted beside the editable fields; accept it as an active case."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from dermavigil.errors import Problem
from dermavigil.web import casework, drafting
from dermavigil.web.access import stored_read
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.forms import flatten, row_count
from dermavigil.web.highlight import segments
from dermavigil.web.pages.cases import ROW_GROUPS
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import require

router = APIRouter(include_in_schema=False)


def _review_context(
    case: dict[str, Any], text: str, evidence: Any, problems: list[Problem]
) -> dict[str, Any]:
    values = flatten({k: v for k, v in case.items() if k != "case_id"})
    errors: dict[str, list[str]] = defaultdict(list)
    for p in problems:
        errors[p.location].append(p.message)
    return {
        "segments": segments(text, evidence),
        "values": values,
        "errors": dict(errors),
        "problems": problems,
        "rows": {g: row_count(values, g) for g in ROW_GROUPS},
    }


@router.get("/drafts")
def drafts(request: Request, actor: ActorDep, registry: RegistryDep) -> Response:
    require(actor, "draft.review")
    result = casework.listing(registry, actor, {"status": "draft"}, 0, 200)
    return render(request, "drafts.html", {"actor": actor, "result": result})


@router.post("/drafts/new")
async def extract(
    request: Request,
    actor: ActorDep,
    registry: RegistryDep,
    text: Annotated[str, Form(max_length=drafting.MAX_TEXT)],
) -> Response:
    """Store the draft and open it; an incomplete draft is shown for completion instead."""
    outcome = await run_in_threadpool(drafting.extract_and_store, registry, actor, text)
    if outcome.stored is not None:
        return RedirectResponse(f"/drafts/{outcome.stored.case_id}", status_code=303)
    draft = outcome.draft
    context = {
        "actor": actor,
        "stored": None,
        "warnings": draft.warnings,
        "heading": "Complete the extracted case",
        "action": "/cases/new",
        "submit_label": "Submit case",
        "expected_version": None,
        **_review_context(draft.case, draft.text, draft.evidence, outcome.problems),
    }
    return render(request, "draft_page.html", context, status_code=422)


@router.get("/drafts/{case_id}")
def draft_page(request: Request, case_id: str, actor: ActorDep, registry: RegistryDep):
    require(actor, "draft.review")
    stored = casework.get(registry, actor, case_id)
    stored_read(request, actor.username, stored, "page", "draft")
    case = stored.case.model_dump(mode="json", exclude_none=True)
    context = {
        "actor": actor,
        "stored": stored,
        "warnings": [],
        "heading": f"Review draft {case_id}",
        "action": f"/cases/{case_id}/edit",
        "submit_label": "Save corrections (new version)",
        "expected_version": stored.version,
        **_review_context(case, stored.source_text or "", stored.evidence, []),
    }
    return render(request, "draft_page.html", context)


@router.post("/drafts/{case_id}/accept")
def accept(case_id: str, actor: ActorDep, registry: RegistryDep) -> Response:
    casework.accept_draft(registry, actor, case_id)
    return RedirectResponse(f"/cases/{case_id}?saved=1", status_code=303)
