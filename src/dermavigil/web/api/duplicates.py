"""``/api/duplicates``: probable duplicate pairs with evidence, duplicate runs as
background jobs, and assessors' decisions on pairs.

- ``GET /api/duplicates``: compares the active cases now (splink's Fellegi-Sunter
  model trained on them, see :mod:`dermavigil.duplicates`), less decided pairs;
- ``POST /api/duplicates/runs``: the same as a background job (202, follow
  ``GET /api/duplicates/jobs/{job_id}``); the run is saved with its model and
  ``GET /api/duplicates/runs/latest`` returns it;
- ``POST /api/duplicates/decisions``: same case (merge), different (remembered,
  the pair never returns) or undecided; ``GET /api/duplicates/decisions``: the
  decisions, newest first.

Only assessors and admins, who see every case, may compare and decide: the
evidence shows both cases' facts. The pages of ``/duplicates`` call the same
functions.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from dermavigil.duplicates import DuplicateReport, registry_duplicates
from dermavigil.duplicates.manage import (
    DecisionInfo,
    SavedRun,
    decide,
    decision,
    history,
    latest_run,
)
from dermavigil.errors import NotFoundError, PermissionDenied
from dermavigil.registry import CaseService
from dermavigil.web.auth import Actor
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.jobs import DUPLICATES, ImportJob
from dermavigil.web.permissions import allowed

router = APIRouter(prefix="/api/duplicates", tags=["duplicates"])


class DuplicateQuery(BaseModel):
    threshold: float = Field(
        default=0.9, ge=0.0, le=1.0, description="least match probability of a pair listed"
    )


class RunRequest(BaseModel):
    threshold: float = Field(
        default=0.5, ge=0.0, le=1.0, description="least match probability of a pair saved"
    )


class DecisionRequest(BaseModel):
    case_a: str
    case_b: str
    decision: Literal["same", "different", "undecided"]
    master: str | None = Field(default=None, description="for 'same': the case kept active")
    reason: str | None = Field(default=None, max_length=2000)
    run_id: int | None = None


class JobStatus(BaseModel):
    job_id: str
    status: str
    step: str
    completed: int
    total: int
    summary: dict[str, Any] | None = None
    error: dict[str, Any] | None = None


def check_may_compare(actor: Actor) -> None:
    if not allowed(actor.role, "case.read_all"):
        raise PermissionDenied(
            f"role {actor.role!r} may not compare cases for duplicates: "
            "the evidence shows cases of other reporters"
        )


def duplicate_report(registry: Any, actor: Actor, threshold: float) -> DuplicateReport:
    """The probable duplicate pairs among the active cases at or above ``threshold``."""
    check_may_compare(actor)
    with registry.transaction(readonly=True) as session:
        return registry_duplicates(session, threshold)


def start_run(request: Request, actor: Actor, threshold: float) -> ImportJob:
    """A background duplicate run (one job at a time with imports)."""
    check_may_compare(actor)
    jobs = request.app.state.jobs
    job = jobs.new_job(DUPLICATES, [], actor.username)
    job.options["threshold"] = threshold
    jobs.start(job)
    return job


def duplicate_job(request: Request, actor: Actor, job_id: str) -> ImportJob:
    check_may_compare(actor)
    job = request.app.state.jobs.get(job_id)
    if job.source != DUPLICATES:
        raise NotFoundError(f"no duplicate job {job_id!r}")
    return job


def saved_run(registry: Any, actor: Actor) -> SavedRun | None:
    check_may_compare(actor)
    with registry.transaction(readonly=True) as session:
        return latest_run(session)


def decision_history(registry: Any, actor: Actor, case_id: str | None = None) -> list[DecisionInfo]:
    """Every decision (on pairs holding ``case_id`` if given), newest first: the audit trail."""
    check_may_compare(actor)
    with registry.transaction(readonly=True) as session:
        return history(session, case_id)


def pair_cases(registry: Any, actor: Actor, pairs: list[Any]) -> dict[str, Any]:
    """The current versions of the cases of ``pairs``, by id (to show them side by side)."""
    check_may_compare(actor)
    ids = sorted({case_id for p in pairs for case_id in (p.case_a, p.case_b)})
    with registry.transaction(readonly=True) as session:
        service = CaseService(session)
        return {case_id: service.get(case_id) for case_id in ids}


def one_decision(registry: Any, actor: Actor, decision_id: int) -> DecisionInfo | None:
    check_may_compare(actor)
    with registry.transaction(readonly=True) as session:
        return decision(session, decision_id)


def case_decisions(registry: Any, actor: Actor, case_id: str) -> list[DecisionInfo]:
    """The decisions on pairs holding ``case_id`` for its case page; none for who may not
    compare cases (the other case of a pair may be another reporter's)."""
    if not allowed(actor.role, "case.read_all"):
        return []
    return decision_history(registry, actor, case_id)


def record_decision(registry: Any, actor: Actor, body: DecisionRequest) -> DecisionInfo:
    check_may_compare(actor)
    with registry.transaction() as session:
        return decide(
            session, body.case_a, body.case_b, body.decision, by=actor.username,
            reason=body.reason or None, master=body.master or None, run_id=body.run_id,
        )  # fmt: skip


@router.get("")
def get_duplicates(
    query: Annotated[DuplicateQuery, Query()], actor: ActorDep, registry: RegistryDep
) -> DuplicateReport:
    """Pairs by descending probability, each with its facts' levels, weights and values."""
    return duplicate_report(registry, actor, query.threshold)


@router.post("/runs", status_code=202)
def post_run(request: Request, body: RunRequest, actor: ActorDep) -> JSONResponse:
    """Start a duplicate run in the background; follow it at the returned URL."""
    job = start_run(request, actor, body.threshold)
    url = f"/api/duplicates/jobs/{job.job_id}"
    return JSONResponse({"job_id": job.job_id, "status_url": url}, status_code=202)


@router.get("/jobs/{job_id}")
def get_job(request: Request, job_id: str, actor: ActorDep) -> JobStatus:
    job = duplicate_job(request, actor, job_id)
    return JobStatus.model_validate(job, from_attributes=True)


@router.get("/runs/latest")
def get_latest_run(actor: ActorDep, registry: RegistryDep) -> SavedRun:
    """The newest saved run with its model, less the pairs decided since."""
    run = saved_run(registry, actor)
    if run is None:
        raise NotFoundError("no duplicate run yet: POST /api/duplicates/runs")
    return run


@router.post("/decisions", status_code=201)
def post_decision(body: DecisionRequest, actor: ActorDep, registry: RegistryDep) -> DecisionInfo:
    """Record a decision on a pair ('same' merges: the other case is retracted)."""
    return record_decision(registry, actor, body)


@router.get("/decisions")
def get_decisions(
    actor: ActorDep, registry: RegistryDep, case_id: str | None = None
) -> list[DecisionInfo]:
    return decision_history(registry, actor, case_id)


__all__ = ["router"]
