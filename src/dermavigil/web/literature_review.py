"""A literature search's records screened and drafted in the background (assessors).

The web form of ``dermavigil literature draft --all``: the uploaded MEDLINE (.nbib) or RIS
files are read and de-duplicated at once (:func:`~dermavigil.literature.biblio.merge_files`,
so an unreadable file is refused with its message), then a job of
:class:`~dermavigil.web.jobs.ImportJobs` runs :func:`~dermavigil.literature.service.review_record`
on each record (EMA GVP Module VI.B.1.1.2: every record screened, the individual case
reports drafted): a case report's draft is stored with its evidence and source text for an
assessor to review; a partial draft, a record to read (another language) and a skipped
record are listed with the reason, each openable as a draft to complete. Every screening
is logged in the registry (:mod:`dermavigil.registry.literature_log`) with the record as
read, so a record can be opened later (after a restart too), and a record screened in an
earlier review is listed with its earlier outcome rather than drafted twice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from dermavigil.errors import ConflictError, InputError, NotFoundError, Problem
from dermavigil.web.jobs import ImportJob, ImportJobs

LITERATURE = "literature"
"""The job "source" that screens and drafts bibliographic records."""
SUFFIXES = (".nbib", ".ris", ".txt", ".medline")


def decode(data: bytes, name: str) -> str:
    """An uploaded file's text, decoded as :func:`~dermavigil.literature.service.read_text`."""
    if b"\x00" in data:
        raise InputError(f"{name} is a binary file", [Problem("files", f"{name}: not a text")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def start_review(
    jobs: ImportJobs, files: list[tuple[str, bytes]], by: str, again: bool = False
) -> ImportJob:
    """Read and de-duplicate the records of ``files`` (name, bytes) and start screening
    (``again``: screen records the log shows were screened before)."""
    from dermavigil.literature.biblio import merge_files

    if not files:
        raise InputError("no file uploaded", [Problem("files", "choose a .nbib or .ris file")])
    for name, _ in files:
        if not name.lower().endswith(SUFFIXES):
            message = f"{name}: give PubMed's MEDLINE export (.nbib) or a RIS file (.ris)"
            raise InputError("not a bibliographic file", [Problem("files", message)])
    merged = merge_files([(name, decode(data, name)) for name, data in files])
    if not merged.unique:
        raise InputError("no record found", [Problem("files", "the files hold no record")])
    job = jobs.new_job(LITERATURE, [name for name, _ in files], by)
    job.options["records"] = merged.unique
    job.options["again"] = again
    job.options["duplicates"] = [(r.title, key) for r, key in merged.duplicates]
    job.total = len(merged.unique)
    jobs.start(job)
    return job


def literature_job(jobs: ImportJobs, job_id: str) -> ImportJob:
    job = jobs.get(job_id)
    if job.source != LITERATURE:
        raise NotFoundError(f"no literature import {job_id!r}")
    return job


def run_review(registry: Any, job: ImportJob, progress: Callable[[str, int, int], None]):
    """Screen every record of ``job`` against the screening log, store each case report's
    draft; the summary lists every record with its outcome, reason, stored case and
    logged screening (the records themselves leave the job: the log holds them)."""
    from dermavigil.literature.review import count_outcomes, review_search
    from dermavigil.registry.literature_log import ScreeningLog

    records = job.options.pop("records")
    log = ScreeningLog(registry, job.by)
    search = ", ".join(job.files)
    reviewed = review_search(records, log, search, job.options.get("again", False), progress)
    rows = [dataclasses.asdict(row) for row in reviewed]
    return {"literature": {"records": rows, "counts": count_outcomes(reviewed),
                           "duplicates": job.options.get("duplicates", [])}}  # fmt: skip


def store_draft(
    registry: Any, draft: Any, by: str, case: Any = None, screening_id: int | None = None
) -> str:
    """Store ``draft`` (an extraction; ``case``, when given, is what a person completed
    from it) as a registry draft with its evidence and source text; its case id. Opened
    from a screened record (``screening_id``), the screening names the draft, in the same
    transaction; a record drafted before is refused (:class:`ConflictError` naming the
    draft), so that a case report is drafted once."""
    from dermavigil.registry import CaseService
    from dermavigil.registry.literature_log import get_screening, link_case

    with registry.transaction() as session:
        drafted = get_screening(session, screening_id).case_id if screening_id else None
        if drafted:  # another tab, or a colleague, stored it first: nothing is stored twice
            raise ConflictError(f"this record was already drafted as {drafted}")
        stored = CaseService(session).create(
            draft.to_case() if case is None else case,
            by=by,
            status="draft",
            evidence={k: [tuple(s) for s in v] for k, v in draft.evidence.items()},
            source_text=draft.text,
        )
        if screening_id is not None:
            link_case(session, screening_id, stored.case_id)
    return stored.case_id
