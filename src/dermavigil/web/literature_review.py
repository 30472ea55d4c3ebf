"""A literature search's records screened and drafted in the background (assessors).

The web form of ``dermavigil literature draft --all``: the uploaded MEDLINE (.nbib) or RIS
files are read and de-duplicated at once (:func:`~dermavigil.literature.biblio.merge_files`,
so an unreadable file is refused with its message), then a job of
:class:`~dermavigil.web.jobs.ImportJobs` runs :func:`~dermavigil.literature.service.review_record`
on each record (EMA GVP Module VI.B.1.1.2: every record screened, the individual case
reports drafted): a case report's draft is stored with its evidence and source text for an
assessor to review; a partial draft, a record to read (another language) and a skipped
record are listed with the reason, each openable as a draft to complete. The records stay
in the job (memory, for the life of the process) so they can be opened later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dermavigil.errors import InputError, NotFoundError, Problem
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


def start_review(jobs: ImportJobs, files: list[tuple[str, bytes]], by: str) -> ImportJob:
    """Read and de-duplicate the records of ``files`` (name, bytes) and start screening."""
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
    job.options["duplicates"] = [(r.title, key) for r, key in merged.duplicates]
    job.total = len(merged.unique)
    jobs.start(job)
    return job


def literature_job(jobs: ImportJobs, job_id: str) -> ImportJob:
    job = jobs.get(job_id)
    if job.source != LITERATURE:
        raise NotFoundError(f"no literature import {job_id!r}")
    return job


def record_of(job: ImportJob, number: int) -> Any:
    """The job's ``number``-th record (1-based, as listed)."""
    records = job.options.get("records", [])
    if not 1 <= number <= len(records):
        raise NotFoundError(f"no record {number} in the literature import {job.job_id}")
    return records[number - 1]


def run_review(registry: Any, job: ImportJob, progress: Callable[[str, int, int], None]):
    """Screen every record of ``job``, store each case report's draft; the summary lists
    every record with its outcome, reason and stored case."""
    from dermavigil.literature.service import OUTCOMES, review_record

    records = job.options["records"]
    rows: list[dict[str, Any]] = []
    for number, record in enumerate(records, 1):
        progress(f"screening record {number} of {len(records)}", number - 1, len(records))
        reviewed = review_record(record)
        case_id = (
            store_draft(registry, reviewed.draft, job.by) if reviewed.outcome == "draft" else None
        )
        rows.append(
            {"number": number, "title": record.title, "doi": record.doi, "pmid": record.pmid,
             "outcome": reviewed.outcome, "reason": reviewed.reason, "case_id": case_id}
        )  # fmt: skip
    progress("done", len(records), len(records))
    counts = {k: sum(r["outcome"] == k for r in rows) for k in OUTCOMES}
    return {"literature": {"records": rows, "counts": counts,
                           "duplicates": job.options.get("duplicates", [])}}  # fmt: skip


def store_draft(registry: Any, draft: Any, by: str, case: Any = None) -> str:
    """Store ``draft`` (an extraction; ``case``, when given, is what a person completed
    from it) as a registry draft with its evidence and source text; its case id."""
    from dermavigil.registry import CaseService

    with registry.transaction() as session:
        stored = CaseService(session).create(
            draft.to_case() if case is None else case,
            by=by,
            status="draft",
            evidence={k: [tuple(s) for s in v] for k, v in draft.evidence.items()},
            source_text=draft.text,
        )
    return stored.case_id
