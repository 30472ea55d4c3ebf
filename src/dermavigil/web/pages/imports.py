"""The import page: upload files for a source, follow the job's progress, read its summary."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from dermavigil.store.layout import sources
from dermavigil.web.api.imports import Source, start_import
from dermavigil.web.deps import ActorDep, SettingsDep
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import require

router = APIRouter(include_in_schema=False)


@router.get("/imports")
def imports_page(request: Request, actor: ActorDep, settings: SettingsDep) -> Response:
    require(actor, "import.run")
    context = {
        "actor": actor,
        "jobs": request.app.state.jobs.all(),
        "live_sources": sources(settings.store_dir),
    }
    return render(request, "imports.html", context)


@router.post("/imports")
def upload(
    request: Request,
    actor: ActorDep,
    source: Annotated[Source, Form()],
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> Response:
    require(actor, "import.run")
    uploads = [f for f in files or [] if f.filename]
    job = start_import(request.app.state.jobs, source, uploads, actor.username)
    return RedirectResponse(f"/imports/{job.job_id}", status_code=303)


@router.get("/imports/{job_id}")
def job_page(request: Request, job_id: str, actor: ActorDep) -> Response:
    """Progress (the page refreshes itself while the job runs) and the final summary."""
    require(actor, "import.run")
    job = request.app.state.jobs.get(job_id)
    return render(request, "import_job.html", {"actor": actor, "job": job})
