"""Literature import (assessors): upload a search's MEDLINE or RIS export, follow the
screening, read every record's outcome and reason, open any record as a draft; the
screening log (``/literature/screenings``) lists every record ever screened, with a CSV
export.

The web path of ``dermavigil literature draft --all`` (:mod:`dermavigil.web.literature_review`):
case reports are stored as drafts to review; a partial draft, a record to read by hand
(another language) or one screened out can be opened as a draft to complete, its warnings
shown beside the text.
"""

from __future__ import annotations

import csv
import io
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from dermavigil.domain.literature_screening import OUTCOME_LABELS
from dermavigil.errors import InputError, NotFoundError
from dermavigil.registry.literature_log import (
    CSV_COLUMNS,
    cases_of_screenings,
    csv_rows,
    deciding_screening,
    search_screenings,
)
from dermavigil.web import casework
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.literature_review import literature_job, start_review, store_draft
from dermavigil.web.pages.drafts import completion_page
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import require

router = APIRouter(include_in_schema=False)

PAGE = 50


@router.post("/drafts/import")
async def upload(
    request: Request,
    actor: ActorDep,
    registry: RegistryDep,
    files: Annotated[list[UploadFile] | None, File()] = None,
    again: Annotated[bool, Form()] = False,
) -> Response:
    """Read the records now (a file that is no bibliographic export is refused with the
    drafts page and its message), then screen and draft them in the background."""
    require(actor, "draft.review")
    uploads = [(f.filename or "upload", await f.read()) for f in files or [] if f.filename]
    try:
        job = await run_in_threadpool(
            start_review, request.app.state.jobs, uploads, actor.username, again
        )
    except InputError as error:
        result = casework.listing(registry, actor, {"status": "draft"}, 0, 200)
        context = {"actor": actor, "result": result, "import_error": error}
        return render(request, "drafts.html", context, status_code=422)
    return RedirectResponse(f"/drafts/import/{job.job_id}", status_code=303)


@router.get("/drafts/import/{job_id}")
def job_page(request: Request, job_id: str, actor: ActorDep, registry: RegistryDep) -> Response:
    """Progress while the records are screened (the page refreshes itself), then every
    record with its outcome, reason and draft (a record completed since names its draft)."""
    require(actor, "draft.review")
    try:
        job = literature_job(request.app.state.jobs, job_id)
    except NotFoundError as error:  # the list is held while the server runs; the log stays
        more = {
            "text": "A review's list is kept while the server runs (it has restarted since, "
            "or the review is older); every record it screened is in the",
            "href": "/literature/screenings", "label": "screening log",
        }  # fmt: skip
        return render(request, "error.html", {"error": error, "more": more}, status_code=404)
    rows = ((job.summary or {}).get("literature") or {}).get("records", [])
    with registry.transaction(readonly=True) as session:  # drafts completed since the review
        drafted = cases_of_screenings(session, [r["screening_id"] for r in rows])
    context = {"actor": actor, "job": job, "outcome_labels": OUTCOME_LABELS, "drafted": drafted}
    return render(request, "literature_job.html", context)


@router.post("/literature/screenings/{screening_id}/open")
async def open_record(
    request: Request, screening_id: int, actor: ActorDep, registry: RegistryDep
) -> Response:
    """Open one screened record as a draft: a complete draft is stored and opened for
    review; a partial or incomplete one is shown for completion with its warnings; a record
    drafted already opens its draft; a record a later search returned ("seen") opens as
    the screening that decided it. The record comes from the screening log, so it opens
    after a restart too."""
    from dermavigil.literature.biblio import record_from_fields
    from dermavigil.literature.extract import extract_draft
    from dermavigil.literature.service import add_record_reference

    require(actor, "draft.review")
    with registry.transaction(readonly=True) as session:
        screening = deciding_screening(session, screening_id)
    screening_id = screening.id
    if screening.case_id:  # drafted already (a page listed before): open that draft
        return RedirectResponse(f"/drafts/{screening.case_id}", status_code=303)
    record = record_from_fields(screening.entry.record)
    draft = await run_in_threadpool(extract_draft, record.text(), record)
    draft = add_record_reference(draft, record)
    try:
        case, problems = draft.to_case(), []
    except InputError as error:
        case, problems = None, error.problems
    if case is not None and not draft.partial:
        case_id = await run_in_threadpool(
            store_draft, registry, draft, actor.username, case, screening_id
        )
        return RedirectResponse(f"/drafts/{case_id}", status_code=303)
    return completion_page(request, actor, draft, problems, screening_id=screening_id)


def _filters(outcome: str | None, find: str | None) -> dict[str, str]:
    return {k: v for k, v in (("outcome", outcome), ("find", find)) if v}


@router.get("/literature/screenings")
def screening_log(
    request: Request, actor: ActorDep, registry: RegistryDep,
    outcome: str | None = None, find: str | None = None, offset: int = 0,
) -> Response:  # fmt: skip
    """Every screened record, newest first: when, by whom, the outcome and reason, the
    draft (for a record seen before, the draft of the screening that decided it); filtered
    by outcome and by a word of the title, DOI, PMID, search or case."""
    require(actor, "draft.review")
    offset = max(0, offset)
    with registry.transaction(readonly=True) as session:
        total, screenings = search_screenings(session, outcome or None, find or None, offset, PAGE)
        earlier = [s.entry.earlier_id for s in screenings if s.entry.outcome == "seen"]
        decided = cases_of_screenings(session, [i for i in earlier if i is not None])
    filters = _filters(outcome, find)

    def link(at: int) -> str:
        return "?" + urlencode({**filters, "offset": at})

    context = {
        "actor": actor, "screenings": screenings, "total": total, "offset": offset,
        "outcome": outcome or "", "find": find or "", "labels": OUTCOME_LABELS, "decided": decided,
        "previous": link(max(0, offset - PAGE)) if offset else None,
        "next": link(offset + PAGE) if offset + PAGE < total else None,
        "csv_link": "/literature/screenings.csv?" + urlencode(filters),
    }  # fmt: skip
    return render(request, "literature_log.html", context)


@router.get("/literature/screenings.csv")
def screening_log_csv(
    actor: ActorDep, registry: RegistryDep, outcome: str | None = None, find: str | None = None
) -> Response:
    """The screening log's matching rows as CSV (:data:`CSV_COLUMNS`)."""
    require(actor, "draft.review")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    with registry.transaction(readonly=True) as session:
        writer.writerows(csv_rows(session, outcome or None, find or None))
    headers = {"Content-Disposition": 'attachment; filename="literature-screenings.csv"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
