"""``/api/imports``: upload public-source files, then follow the import by job id (admins)."""

from __future__ import annotations

import dataclasses
import shutil
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.encoders import jsonable_encoder

from dermavigil.errors import InputError, Problem
from dermavigil.web.deps import ActorDep
from dermavigil.web.jobs import ImportJob, ImportJobs, safe_filename
from dermavigil.web.permissions import require

router = APIRouter(prefix="/api/imports", tags=["imports"])

Source = Literal["faers", "vaers", "caers", "openfda", "maude", "registry"]


def job_json(job: ImportJob) -> dict[str, Any]:
    return jsonable_encoder(dataclasses.asdict(job))


def start_import(jobs: ImportJobs, source: str, uploads: list[UploadFile], by: str) -> ImportJob:
    """Save the uploads under the job's folder and start the import thread."""
    if source != "registry" and not uploads:
        raise InputError("no file uploaded", [Problem("files", "choose at least one file")])
    names = [safe_filename(u.filename or "upload") for u in uploads]
    if len(set(names)) != len(names):
        raise InputError("two uploaded files have the same name", [Problem("files", "rename")])
    job = jobs.new_job(source, names, by)
    folder = jobs.upload_dir(job.job_id)
    folder.mkdir(parents=True, exist_ok=True)
    for upload, name in zip(uploads, names, strict=True):
        with (folder / name).open("wb") as out:
            shutil.copyfileobj(upload.file, out)
    jobs.start(job)
    return job


@router.post("", status_code=202)
def upload(
    request: Request,
    actor: ActorDep,
    source: Annotated[Source, Form()],
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> dict[str, Any]:
    """Start importing the uploaded files as ``source`` (``registry`` re-exports the registry)."""
    require(actor, "import.run")
    return job_json(start_import(request.app.state.jobs, source, files or [], actor.username))


@router.get("")
def list_jobs(request: Request, actor: ActorDep) -> list[dict[str, Any]]:
    """Import jobs of this server process, newest first."""
    require(actor, "import.run")
    return [job_json(job) for job in request.app.state.jobs.all()]


@router.get("/{job_id}")
def job_status(job_id: str, request: Request, actor: ActorDep) -> dict[str, Any]:
    """Status, progress (step, completed, total) and, when done, the import summary."""
    require(actor, "import.run")
    return job_json(request.app.state.jobs.get(job_id))
