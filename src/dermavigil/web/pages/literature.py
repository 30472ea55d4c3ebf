"""Literature import (assessors): upload a search's MEDLINE or RIS export, follow the
screening, read every record's outcome and reason, open any record as a draft.

The web path of ``dermavigil literature draft --all`` (:mod:`dermavigil.web.literature_review`):
case reports are stored as drafts to review; a partial draft, a record to read by hand
(another language) or one screened out can be opened as a draft to complete, its warnings
shown beside the text.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from dermavigil.errors import InputError
from dermavigil.web import casework
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.literature_review import (
    literature_job,
    record_of,
    start_review,
    store_draft,
)
from dermavigil.web.pages.drafts import completion_page
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import require

router = APIRouter(include_in_schema=False)

OUTCOME_LABELS = {
    "draft": "draft stored",
    "partial": "partial: to complete",
    "to_read": "to read",
    "skipped": "screened out",
}


@router.post("/drafts/import")
async def upload(
    request: Request,
    actor: ActorDep,
    registry: RegistryDep,
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> Response:
    """Read the records now (a file that is no bibliographic export is refused with the
    drafts page and its message), then screen and draft them in the background."""
    require(actor, "draft.review")
    uploads = [(f.filename or "upload", await f.read()) for f in files or [] if f.filename]
    try:
        job = await run_in_threadpool(start_review, request.app.state.jobs, uploads, actor.username)
    except InputError as error:
        result = casework.listing(registry, actor, {"status": "draft"}, 0, 200)
        context = {"actor": actor, "result": result, "import_error": error}
        return render(request, "drafts.html", context, status_code=422)
    return RedirectResponse(f"/drafts/import/{job.job_id}", status_code=303)


@router.get("/drafts/import/{job_id}")
def job_page(request: Request, job_id: str, actor: ActorDep) -> Response:
    """Progress while the records are screened (the page refreshes itself), then every
    record with its outcome, reason and draft."""
    require(actor, "draft.review")
    job = literature_job(request.app.state.jobs, job_id)
    context = {"actor": actor, "job": job, "outcome_labels": OUTCOME_LABELS}
    return render(request, "literature_job.html", context)


@router.post("/drafts/import/{job_id}/{number}")
async def open_record(
    request: Request, job_id: str, number: int, actor: ActorDep, registry: RegistryDep
) -> Response:
    """Open one record as a draft: a complete draft is stored and opened for review; a
    partial or incomplete one is shown for completion with its warnings."""
    from dermavigil.literature.extract import extract_draft
    from dermavigil.literature.service import add_record_reference

    require(actor, "draft.review")
    record = record_of(literature_job(request.app.state.jobs, job_id), number)
    draft = await run_in_threadpool(extract_draft, record.text(), record)
    draft = add_record_reference(draft, record)
    try:
        case, problems = draft.to_case(), []
    except InputError as error:
        case, problems = None, error.problems
    if case is not None and not draft.partial:
        case_id = await run_in_threadpool(store_draft, registry, draft, actor.username, case)
        return RedirectResponse(f"/drafts/{case_id}", status_code=303)
    return completion_page(request, actor, draft, problems)
